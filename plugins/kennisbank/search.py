"""Site search with Pagefind: what each page tells the index, and the search page.

The templates mark what is indexed (`data-pagefind-body`, weights, ignored listings); this module
says which facets and result details a page carries and builds the /zoeken/ page; indexer.py hands
the rendered pages to Pagefind. Pagefind splits its index into small chunks, so a search downloads
only the parts it needs instead of one file with every page (Material's own search plugin).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .emit import KIND_LABELS

SEARCH_URL = "zoeken/"
SEARCH_SRC_URI = "zoeken/index.md"

# Facets in the order the search page shows them; the name is also the URL parameter.
FACETS = ("soort", "thema", "tag", "organisatie", "jaar")
FACET_LABELS = {"soort": "Soort", "thema": "Thema", "tag": "Tag", "organisatie": "Organisatie", "jaar": "Jaar"}

# Model kind -> value of the `soort` facet (short, Dutch, used in URLs), and that value's label.
KIND_VALUES = {
    "lesson": "les", "example": "voorbeeld", "theme": "thema", "tag": "tag",
    "organisation": "organisatie", "meeting": "bijeenkomst", "page": "pagina",
}
KIND_VALUE_LABELS = {value: KIND_LABELS.get(kind, "Pagina") for kind, value in KIND_VALUES.items()}

# A running example without an end year counts for every year up to its entry date, at most this many.
MAX_YEARS = 30


def years(item: Any) -> list[int]:
    """The calendar years an example (or meeting) covers, for the `jaar` facet."""
    if item.kind == "meeting":
        return [item.date.year]
    start, end = getattr(item, "year_start", None), getattr(item, "year_end", None)
    if start is None and end is None:
        return []
    if start is None:
        return [end]
    if end is None:
        end = max(start, item.date.year) if getattr(item, "status", "") == "lopend" else start
    end = min(end, start + MAX_YEARS - 1)
    return list(range(start, end + 1))


def _kind(item: Any) -> str:
    kind = getattr(item, "kind", None) if item is not None else None
    return kind if kind in KIND_VALUES else "page"


def facets(item: Any) -> dict[str, list[str]]:
    """Facet values of one indexed page, as URL-safe keys. Plain Markdown pages pass item=None."""
    kind = _kind(item)
    values: dict[str, list[str]] = {"soort": [KIND_VALUES[kind]]}
    if kind == "lesson":
        values["thema"] = [item.theme.key]
        values["tag"] = [t.key for t in item.tags]
    elif kind == "example":
        values["thema"] = [t.key for t in item.themes]
        values["tag"] = [t.key for t in item.tags]
        values["organisatie"] = [o.key for o in item.organisations]
    elif kind in ("theme", "tag", "organisation"):
        values[{"theme": "thema", "tag": "tag", "organisation": "organisatie"}[kind]] = [item.key]
    if kind in ("example", "meeting"):
        values["jaar"] = [str(y) for y in years(item)]
    return {name: v for name, v in values.items() if v}


def details(item: Any) -> str:
    """One short line under a search result: who and when, for an example or a meeting.

    Pagefind also searches metadata, so this holds only words the page itself shows in its indexed
    part. Other kinds need no line of their own: the search page shows the kind, and a lesson's
    theme, from the page's facets.
    """
    kind = _kind(item)
    if kind == "example":
        orgs = ", ".join(o.name for o in item.organisations[:3]) + (" e.a." if len(item.organisations) > 3 else "")
        return f"{orgs} · {item.period}"
    if kind == "meeting":
        return f"{item.date.strftime('%d-%m-%Y')} · {item.place}"
    return ""


def page_data(item: Any) -> dict[str, Any]:
    """What a template needs to mark one page for the index (see kb/partials/search_data.html)."""
    return {"facets": facets(item), "meta": {"info": details(item)}}


def vocabulary(site: Any) -> dict[str, Any]:
    """Labels for every facet value, for the search page: facets travel as keys, readers see labels."""
    return {
        "facets": list(FACETS),
        "facetLabels": FACET_LABELS,
        "labels": {
            "soort": KIND_VALUE_LABELS,
            "thema": {t.key: t.title for t in site.themes},
            "tag": {t.key: t.label for t in site.tags},
            "organisatie": {o.key: o.name for o in site.organisations},
        },
        # Other words for a tag, so an empty result can point to the tag a reader meant.
        "synonyms": {s.lower(): t.key for t in site.tags for s in [t.label, *t.synonyms]},
    }


def vocabulary_json(site: Any) -> str:
    """The vocabulary as JSON that is safe inside a <script> element."""
    text = json.dumps(vocabulary(site), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass
class SearchPage:
    """The generated /zoeken/ page. Not an item of the model: nothing links to it by kind."""

    title: str = "Zoeken"
    summary: str = "Zoek in alle lessen, praktijkvoorbeelden, thema's, tags en organisaties."
    src_uri: str = SEARCH_SRC_URI
    template: str = "kb/search.html"

    @property
    def markdown(self) -> str:
        # Full width: the facets take the place of the navigation and the table of contents.
        return (f"---\ntitle: {self.title}\ntemplate: {self.template}\n"
                f"description: {json.dumps(self.summary, ensure_ascii=False)}\n"
                "hide:\n  - navigation\n  - toc\n---\n")
