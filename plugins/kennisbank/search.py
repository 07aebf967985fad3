"""Site search with Pagefind: what each page tells the index, and the search page.

The templates mark what is indexed (`data-pagefind-body`, weights, ignored listings); this module
says which facets and result details a page carries and builds the /zoeken/ page; indexer.py hands
the rendered pages to Pagefind. Pagefind splits its index into small chunks, so a search downloads
only the parts it needs instead of one file with every page (Material's own search plugin).
"""

from __future__ import annotations

import json
import re
from collections import Counter
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

# Dutch function words match nearly every page: they slow a search down and rank nothing. The search
# page leaves them out of a query while other words remain.
STOP_WORDS = ("de het een en van in op te dat die is met voor aan er om als bij ook of naar door over "
              "zijn ze zo dan nog wel niet maar uit tot hun hij zij wij we je u ik wat wie waar hoe dit deze").split()

# A word on at least this share of the indexed pages is common: like a function word it narrows and
# ranks nothing, and its index chunk is the largest a search fetches (a document-frequency cutoff,
# as in Lucene's CommonTermsQuery). The search page leaves it out while other words remain.
COMMON_SHARE = 0.9
# Common words are counted on at most this many pages, evenly spaced over all indexed pages, so the
# count costs the same on any site (about 50 ms). The share comes out within about two points: only
# words that close to the cutoff can go either way, and those narrow a search little anyway.
COMMON_SAMPLE = 300
COMMON_MIN_LENGTH = 3

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


_WORD = re.compile(r"[^\W_]+")  # letters (with diacritics) and digits
_MARKUP = re.compile(r"\]\([^)]*\)|<[^>]*>")  # link targets and HTML tags: nothing a reader sees


def _indexed_pages(site: Any) -> list[Any]:
    """The indexed pages of the model's items: all but the few plain Markdown pages (Over, Methode)."""
    return [*site.lessons, *site.examples, *site.meetings, *site.themes, *site.tags, *site.organisations]


def _indexed_text(site: Any, item: Any) -> str:
    """Roughly the text Pagefind indexes for one page: what the page shows in its indexed parts."""
    kind = item.kind
    parts = [item.title]
    if kind in ("lesson", "example", "meeting"):
        parts += [item.summary, site.documents.get(item.src_uri, ({}, ""))[1]]
    if kind in ("lesson", "example"):
        parts += [t.label for t in item.tags]
    if kind == "example":
        parts += [o.name for o in item.organisations] + item.provinces + [item.period, item.status]
    elif kind == "meeting":
        parts.append(item.place)
    elif kind == "theme":
        parts += [item.summary, item.intro]
    elif kind == "tag":
        parts += [item.description, *item.synonyms]
    elif kind == "organisation":
        parts += [item.description, item.kind_of, item.province, *item.profile.values()]
    return _MARKUP.sub(" ", "\n".join(parts))


def common_words(site: Any, share: float = COMMON_SHARE, sample: int = COMMON_SAMPLE) -> list[str]:
    """Words on at least `share` of the indexed pages, sorted; function words and short words left out."""
    pages = _indexed_pages(site)
    n = min(len(pages), sample)
    frequency: Counter[str] = Counter()
    for i in range(n):
        frequency.update(set(_WORD.findall(_indexed_text(site, pages[i * len(pages) // n]).lower())))
    return sorted(word for word, count in frequency.items()
                  if count >= share * n and len(word) >= COMMON_MIN_LENGTH and word not in STOP_WORDS)


def vocabulary(site: Any) -> dict[str, Any]:
    """Labels for every facet value, for the search page: facets travel as keys, readers see labels.

    Also the words a query is searched without while other words remain: function words, and the
    words on nearly every page of this site.
    """
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
        "stopWords": list(STOP_WORDS),
        "common": common_words(site),
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
