"""Site search with Pagefind: what each page tells the index, and the labels of the search page.

The templates mark what is indexed: a page's summary and prose (`data-pagefind-body`), never its
title (that is metadata), field list or listings. This module says which facets, metadata and
weights a page carries (kinds.py declares the facets and search weight of each kind).
Pagefind splits its index into small chunks, so a search downloads only the parts it needs.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from ..core.kinds import BY_NAME, FACETS, KINDS
from ..core.model import Example, Item, Lesson, Meeting, Organisation, Source

PLAIN_PAGE = "pagina"  # the `soort` of a plain Markdown page (Over, Methode)
# A page's summary says what it is about: a match there counts this many times a match in its text.
LEAD_WEIGHT = 3.0

# Dutch function words match nearly every page: they slow a search down and rank nothing. The search
# page leaves them out of a query while other words remain.
STOP_WORDS = ("de het een en van in op te dat die is met voor aan er om als bij ook of naar door over "
              "zijn ze zo dan nog wel niet maar uit tot hun hij zij wij we je u ik wat wie waar hoe dit deze").split()


# A word on at least this share of the lessons and examples narrows and ranks nothing either, and on a
# large site its index chunk is the largest there is (`gemeente`: 130 kB at 10,000 examples). Counted
# on an evenly spread sample; a site with fewer documents than the minimum never leaves a word out.
COMMON_SHARE = 0.9
COMMON_SAMPLE = 300
COMMON_MINIMUM = 100


def common_words(site: Any) -> list[str]:
    """Words on nearly every lesson and example (COMMON_SHARE of a sample), for both search fields.

    Pagefind finds a word's other forms too (`gemeente` also finds `gemeenten`, `gemeentelijk`), so a
    page counts for a word when one of its words starts with it.
    """
    documents = [site.documents[uri][1] for uri in sorted(site.documents)]
    if len(documents) < COMMON_MINIMUM:
        return []
    sample = documents[::max(1, len(documents) // COMMON_SAMPLE)]
    words: set[str] = set()
    counts: Counter[str] = Counter()
    for text in sample:
        own = set(re.findall(r"[^\W\d_]+", text.lower()))
        words |= own
        counts.update({w[:n] for w in own for n in range(4, len(w) + 1)})
    return sorted(w for w in words if counts[w] >= COMMON_SHARE * len(sample) and w not in STOP_WORDS)


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
    """One short line under a search result: who and when, or what kind of organisation or source.

    Lessons and themes need no line of their own: the search page shows the kind, and a lesson's
    theme, from the page's facets.
    """
    if isinstance(item, Example):
        orgs = ", ".join(o.name for o in item.organisations[:3]) + (" e.a." if len(item.organisations) > 3 else "")
        return f"{orgs} · {item.period}"
    if isinstance(item, Meeting):
        return f"{item.date.strftime('%d-%m-%Y')} · {item.place}"
    if isinstance(item, Organisation):
        return " · ".join(p for p in (item.kind_of, item.province) if p)
    if isinstance(item, Source):
        return ", ".join(p for p in (item.publisher, str(item.year or "")) if p)
    return ""


def meta(item: Any) -> dict[str, str]:
    """Metadata of one page for the index: shown with a result, and searched, never in its excerpt.

    The page's field list (organisations, provinces, tags) stays out of the indexed text, so excerpts
    come from the prose; these fields keep the words searchable. How much a match in each of them
    counts is set by the search scripts (`metaWeights` in search-core.js).
    """
    fields = {"info": details(item)}
    if isinstance(item, Example):
        fields["organisaties"] = ", ".join(o.name for o in item.organisations)
        fields["provincie"] = ", ".join(item.provinces)
    if isinstance(item, (Example, Lesson)):
        fields["tags"] = ", ".join(t.label for t in item.tags)
    return {name: value for name, value in fields.items() if value}


def weights(item: Any) -> dict[str, float]:
    """Pagefind weights of a page's summary and text: a kind's search_weight (kinds.py) scales both,
    so for the same match lessons and cases rank above the pages that list them."""
    kind = BY_NAME.get(getattr(item, "kind", ""))
    weight = kind.search_weight if kind is not None and kind.search else 1.0
    return {"lead": round(LEAD_WEIGHT * weight, 2), "text": weight}


def page_data(item: Any) -> dict[str, Any]:
    """What a template needs to mark one page for the index (see kb/partials/search_data.html)."""
    return {"facets": facets(item), "meta": meta(item), "weights": weights(item)}


def vocabulary(site: Any, common: list[str]) -> dict[str, Any]:
    """Labels for every facet value, for the search page: facets travel as keys, readers see labels."""
    return {
        "facets": [f.name for f in FACETS],  # in the order the search page shows them (kinds.FACETS)
        "facetLabels": {f.name: f.label for f in FACETS},
        "labels": {
            "soort": kind_labels(),
            **{f.name: {i.key: i.title for i in getattr(site, f.values.collection)} for f in FACETS if f.values},
        },
        # Other words for a tag, so an empty result can point to the tag a reader meant.
        "synonyms": {s.lower(): t.key for t in site.tags for s in [t.label, *t.synonyms]},
        "stopWords": list(STOP_WORDS),
        "commonWords": common,
    }


def kind_labels() -> dict[str, str]:
    """The `soort` facet's values as readers see them."""
    return {**{kind.search: kind.display for kind in KINDS if kind.search}, PLAIN_PAGE: "Pagina"}


def header_settings(common: list[str]) -> dict[str, Any]:
    """What the header field needs on every page: the kinds' labels, the function words and the
    site's common words (common_words, computed once per build)."""
    return {"kinds": kind_labels(), "stop_words": list(STOP_WORDS), "common_words": common}


def vocabulary_json(site: Any, common: list[str]) -> str:
    """The vocabulary as JSON that is safe inside a <script> element."""
    text = json.dumps(vocabulary(site, common), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


__all__ = ["COMMON_SHARE", "LEAD_WEIGHT", "STOP_WORDS", "common_words", "details", "facets",
           "header_settings", "indexed", "kind_labels", "meta", "page_data", "vocabulary", "vocabulary_json", "weights"]
