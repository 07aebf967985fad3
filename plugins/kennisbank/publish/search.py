"""Site search with Pagefind: what each page tells the index, and the labels of the search page.

The templates mark what is indexed: a page's summary and prose (`data-pagefind-body`), never its
title (that is metadata), field list or listings. This module says which facets, metadata and
weights a page carries (kinds.py declares the facets and search weight of each kind).
Pagefind splits its index into small chunks, so a search downloads only the parts it needs.
"""

from __future__ import annotations

import json
from typing import Any

from ..core.kinds import BY_NAME, KINDS
from ..core.model import Example, Item, Lesson, Meeting, Organisation, Source

# Facets in the order the search page shows them; the name is also the URL parameter.
FACET_LABELS = {"soort": "Soort", "thema": "Thema", "tag": "Tag", "organisatie": "Organisatie", "bron": "Bron",
                "jaar": "Jaar"}
FACETS = tuple(FACET_LABELS)
PLAIN_PAGE = "pagina"  # the `soort` of a plain Markdown page (Over, Methode)
# A page's summary says what it is about: a match there counts this many times a match in its text.
LEAD_WEIGHT = 3.0

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


def vocabulary(site: Any) -> dict[str, Any]:
    """Labels for every facet value, for the search page: facets travel as keys, readers see labels."""
    return {
        "facets": list(FACETS),
        "facetLabels": FACET_LABELS,
        "labels": {
            "soort": header_settings()["kinds"],
            "thema": {t.key: t.title for t in site.themes},
            "tag": {t.key: t.label for t in site.tags},
            "organisatie": {o.key: o.name for o in site.organisations},
            "bron": {s.key: s.title for s in site.sources},
        },
        # Other words for a tag, so an empty result can point to the tag a reader meant.
        "synonyms": {s.lower(): t.key for t in site.tags for s in [t.label, *t.synonyms]},
        "stopWords": list(STOP_WORDS),
    }


def header_settings() -> dict[str, Any]:
    """What the header field needs on every page: the kinds' labels and the function words."""
    return {"kinds": {**{kind.search: kind.display for kind in KINDS if kind.search}, PLAIN_PAGE: "Pagina"},
            "stop_words": list(STOP_WORDS)}


def vocabulary_json(site: Any) -> str:
    """The vocabulary as JSON that is safe inside a <script> element."""
    text = json.dumps(vocabulary(site), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


__all__ = ["FACETS", "FACET_LABELS", "LEAD_WEIGHT", "STOP_WORDS", "details", "facets", "header_settings", "indexed",
           "meta", "page_data", "vocabulary", "vocabulary_json", "weights"]
