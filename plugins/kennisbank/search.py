"""Site search with Pagefind: what each page tells the index, the search page, and the indexer.

The templates mark what is indexed (`data-pagefind-body`, weights, ignored listings); this module
says which facets and result details a page carries, builds the /zoeken/ page and runs Pagefind
over the finished site. Pagefind splits its index into small chunks, so a search downloads only the
parts it needs instead of one file with every page (Material's own search plugin).
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.kennisbank.search")

SEARCH_URL = "zoeken/"
SEARCH_SRC_URI = "zoeken/index.md"
OUTPUT_DIR = "pagefind"

# Facets in the order the search page shows them; the name is also the URL parameter.
FACETS = ("soort", "thema", "tag", "organisatie", "jaar")
FACET_LABELS = {"soort": "Soort", "thema": "Thema", "tag": "Tag", "organisatie": "Organisatie", "jaar": "Jaar"}

# Model kind -> value of the `soort` facet (short, Dutch, used in URLs) and its label.
KIND_VALUES = {
    "lesson": "les", "example": "voorbeeld", "theme": "thema", "tag": "tag",
    "organisation": "organisatie", "meeting": "bijeenkomst", "page": "pagina",
}
KIND_VALUE_LABELS = {
    "les": "Les", "voorbeeld": "Praktijkvoorbeeld", "thema": "Thema", "tag": "Tag",
    "organisatie": "Organisatie", "bijeenkomst": "Bijeenkomst", "pagina": "Pagina",
}
INDEXED_KINDS = frozenset(KIND_VALUES)

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
    """One short line under a search result: who and when for an example, the theme for a lesson."""
    kind = _kind(item)
    if kind == "page":
        return ""
    if kind == "example":
        orgs = ", ".join(o.name for o in item.organisations[:3]) + (" e.a." if len(item.organisations) > 3 else "")
        return f"{orgs} · {item.period}"
    if kind == "lesson":
        return f"{item.theme.title} · les {item.order}"
    if kind == "tag":
        return f"{len(item.lessons)} lessen, {len(item.examples)} voorbeelden"
    if kind == "organisation":
        return item.kind_of + (f" · {item.province}" if item.province else "")
    if kind == "meeting":
        return f"{item.date.strftime('%d-%m-%Y')} · {item.place}"
    return ""


def page_data(item: Any) -> dict[str, Any]:
    """What a template needs to mark one page for the index (see kb/search_data.html)."""
    kind = _kind(item)
    return {
        "facets": facets(item),
        "meta": {"soort": KIND_VALUE_LABELS[KIND_VALUES[kind]], "info": details(item)},
    }


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


def search_url(**filters: str) -> str:
    """The search page with filters already chosen, e.g. search_url(tag='intervisie')."""
    from urllib.parse import urlencode

    query = urlencode({k: v for k, v in filters.items() if v})
    return SEARCH_URL + (f"?{query}" if query else "")


@dataclass
class IndexStats:
    pages: int = 0
    seconds: float = 0.0
    bytes: int = 0
    errors: list[str] = field(default_factory=list)


async def _index(site_dir: Path, output: Path) -> int:
    from pagefind.index import PagefindIndex

    # `<html lang="nl">` makes Pagefind stem Dutch words; forcing it keeps one index if a page lacks it.
    config = {"force_language": "nl", "output_path": str(output)}
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site_dir))
        return int(result.get("page_count", 0))


def build_index(site_dir: Path | str) -> IndexStats:
    """Index the built site into site_dir/pagefind/ (replacing an older index)."""
    import time

    site_dir = Path(site_dir).resolve()
    output = site_dir / OUTPUT_DIR
    if output.exists():
        shutil.rmtree(output)
    started = time.perf_counter()
    pages = asyncio.run(_index(site_dir, output))
    # Only the core search library is used; Pagefind's ready-made interfaces are dead weight here.
    for name in ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                 "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"):
        (output / name).unlink(missing_ok=True)
    stats = IndexStats(pages=pages, seconds=time.perf_counter() - started,
                       bytes=sum(p.stat().st_size for p in output.rglob("*") if p.is_file()))
    return stats
