"""Site search with Pagefind: what each page tells the index, and the labels of the search page.

The templates mark what is indexed (`data-pagefind-body`, weights, ignored listings); this module
says which facets and result details a page carries (kinds.py declares the facets of each kind).
Pagefind splits its index into small chunks, so a search downloads only the parts it needs.
"""

from __future__ import annotations

import json
from typing import Any

from ..core.kinds import BY_NAME, KINDS
from ..core.model import Example, Item, Meeting

# Facets in the order the search page shows them; the name is also the URL parameter.
FACET_LABELS = {"soort": "Soort", "thema": "Thema", "tag": "Tag", "organisatie": "Organisatie", "bron": "Bron",
                "jaar": "Jaar"}
FACETS = tuple(FACET_LABELS)
PLAIN_PAGE = "pagina"  # the `soort` of a plain Markdown page (Over, Methode)

# Dutch function words match nearly every page: they slow a search down and rank nothing. The search
# page leaves them out of a query while other words remain.
STOP_WORDS = ("de het een en van in op te dat die is met voor aan er om als bij ook of naar door over "
              "zijn ze zo dan nog wel niet maar uit tot hun hij zij wij we je u ik wat wie waar hoe dit deze").split()


def indexed(item: Any) -> bool:
    """Whether the page of this item is in the search index (plain pages are, by main.html)."""
    kind = BY_NAME.get(getattr(item, "kind", ""))
    return kind is not None and kind.search is not None


def _keys(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [v.key if isinstance(v, Item) else str(v) for v in values if v is not None]


def facets(item: Any) -> dict[str, list[str]]:
    """Facet values of one indexed page, as URL-safe keys. Plain Markdown pages pass item=None."""
    if not indexed(item):
        return {"soort": [PLAIN_PAGE]}
    kind = BY_NAME[item.kind]
    values = {"soort": [kind.search]}
    for facet, attribute in kind.facets:
        values[facet] = _keys(getattr(item, attribute))
    return {name: v for name, v in values.items() if v}


def details(item: Any) -> str:
    """One short line under a search result: who and when, for an example or a meeting.

    Pagefind also searches metadata, so this holds only words the page itself shows in its indexed
    part. Other kinds need no line of their own: the search page shows the kind, and a lesson's
    theme, from the page's facets.
    """
    if isinstance(item, Example):
        orgs = ", ".join(o.name for o in item.organisations[:3]) + (" e.a." if len(item.organisations) > 3 else "")
        return f"{orgs} · {item.period}"
    if isinstance(item, Meeting):
        return f"{item.date.strftime('%d-%m-%Y')} · {item.place}"
    return ""


def page_data(item: Any) -> dict[str, Any]:
    """What a template needs to mark one page for the index (see kb/partials/search_data.html)."""
    return {"facets": facets(item), "meta": {"info": details(item)}}


def vocabulary(site: Any) -> dict[str, Any]:
    """Labels for every facet value, for the search page: facets travel as keys, readers see labels."""
    kinds = {kind.search: kind.display for kind in KINDS if kind.search}
    return {
        "facets": list(FACETS),
        "facetLabels": FACET_LABELS,
        "labels": {
            "soort": {**kinds, PLAIN_PAGE: "Pagina"},
            "thema": {t.key: t.title for t in site.themes},
            "tag": {t.key: t.label for t in site.tags},
            "organisatie": {o.key: o.name for o in site.organisations},
            "bron": {s.key: s.title for s in site.sources},
        },
        # Other words for a tag, so an empty result can point to the tag a reader meant.
        "synonyms": {s.lower(): t.key for t in site.tags for s in [t.label, *t.synonyms]},
        "stopWords": list(STOP_WORDS),
    }


def vocabulary_json(site: Any) -> str:
    """The vocabulary as JSON that is safe inside a <script> element."""
    text = json.dumps(vocabulary(site), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


__all__ = ["FACETS", "FACET_LABELS", "STOP_WORDS", "details", "facets", "indexed", "page_data", "vocabulary",
           "vocabulary_json"]
