"""What the site emits beyond the Markdown pages: generated pages, breadcrumbs, exports.

Pure functions over the model; the MkDocs adapter calls them. HTML comes from the Jinja
templates in overrides/kb/, never from Python strings.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .model import Site

TEMPLATES = {
    "lesson": "kb/lesson.html",
    "example": "kb/example.html",
    "meeting": "kb/meeting.html",
    "tag": "kb/tag.html",
    "theme": "kb/theme.html",
    "organisation": "kb/organisation.html",
    "themes_index": "kb/themes_index.html",
    "lessons_index": "kb/lessons_index.html",
    "examples_index": "kb/examples_index.html",
    "tags_index": "kb/tags_index.html",
    "organisations_index": "kb/organisations_index.html",
    "meetings_index": "kb/meetings_index.html",
}

KIND_LABELS = {
    "lesson": "Les", "example": "Praktijkvoorbeeld", "meeting": "Bijeenkomst", "tag": "Tag",
    "theme": "Thema", "organisation": "Organisatie",
}


@dataclass
class Overview:
    """A generated listing page (all lessons, all examples, ...)."""

    kind: str
    title: str
    url: str
    summary: str = ""


OVERVIEWS = (
    Overview("themes_index", "Thema's", "themas/", "De drie thema's van de lessen, met hun lessen en voorbeelden."),
    Overview("lessons_index", "Lessen", "lessen/", "Alle lessen, per thema in de volgorde van de bron."),
    Overview("examples_index", "Praktijkvoorbeelden", "voorbeelden/",
             "Alle praktijkvoorbeelden, te sorteren en te filteren op thema, organisatie, provincie, periode en tag."),
    Overview("tags_index", "Tags", "tags/", "Alle tags met het aantal lessen en voorbeelden per tag."),
    Overview("organisations_index", "Organisaties", "organisaties/",
             "Gemeenten en andere organisaties die in de voorbeelden voorkomen."),
    Overview("meetings_index", "Bijeenkomsten", "bijeenkomsten/",
             "Bijeenkomsten waarop lessen en voorbeelden zijn besproken, met een hand-out om te printen."),
)

_OVERVIEW_PARENTS = {
    "lesson": "lessons_index", "example": "examples_index", "meeting": "meetings_index",
    "tag": "tags_index", "theme": "themes_index", "organisation": "organisations_index",
}


@dataclass
class GeneratedPage:
    src_uri: str
    markdown: str
    item: Any


def src_uri_for(url: str) -> str:
    """The virtual source path of a generated page with this URL: 'tags/x/' -> 'tags/x.md'."""
    url = url.strip("/")
    return f"{url}.md" if "/" in url else f"{url}/index.md"


def _page_markdown(item: Any) -> str:
    # Only the title and template live in the page; the template renders the rest from the model.
    meta = {"title": item.title, "template": TEMPLATES[item.kind]}
    summary = getattr(item, "summary", "") or getattr(item, "description", "")
    if summary:
        meta["description"] = summary
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def generated_items(site: Site) -> list[Any]:
    overviews = [o for o in OVERVIEWS if o.kind != "meetings_index" or site.meetings]
    return [*overviews, *site.themes, *site.tags, *site.organisations]


def generated_pages(site: Site) -> list[GeneratedPage]:
    """One page per overview, theme, tag and organisation. Also registers them for lookup."""
    pages = []
    for item in generated_items(site):
        page = GeneratedPage(src_uri_for(item.url), _page_markdown(item), item)
        site.by_src_uri[page.src_uri] = item
        pages.append(page)
    return pages


def item_for(site: Site, src_uri: str) -> Any:
    return site.page_for(src_uri)


def move_to(file, url: str) -> None:
    """Publish a content file at a Dutch URL such as 'lessen/slug/'."""
    file.dest_uri = posixpath.join(url, "index.html")
    file.url = url
    file.abs_dest_path = str(Path(file.dest_dir) / file.dest_uri)


def prefix_to_root(page_url: str) -> str:
    """Relative path from a page to the site root: 'voorbeelden/x/' -> '../../', '' -> ''."""
    return "../" * page_url.count("/")


def breadcrumbs(site: Site, src_uri: str) -> list[tuple[str, str]]:
    """(title, url) pairs from the home page down to, not including, the current page."""
    item = site.page_for(src_uri)
    if item is None or isinstance(item, Overview):
        return [("Start", "")] if item is not None else []
    crumbs = [("Start", "")]
    parent = next(o for o in OVERVIEWS if o.kind == _OVERVIEW_PARENTS[item.kind])
    crumbs.append((parent.title, parent.url))
    if item.kind == "lesson":
        crumbs.append((item.theme.title, item.theme.url))
    return crumbs


def catalog(site: Site, base_url: str = "") -> dict[str, Any]:
    """Every item with its metadata, relations and URL, as plain JSON data."""

    def url(item) -> str:
        return base_url + item.url

    def related(item) -> list[dict]:
        return [{"url": url(r.item), "title": r.item.title, "score": r.score, "reasons": r.reasons}
                for r in item.related]

    return {
        "themes": [{"key": t.key, "title": t.title, "url": url(t), "summary": t.summary,
                    "lessons": [url(l) for l in t.lessons]} for t in site.themes],
        "lessons": [{
            "slug": l.slug, "title": l.title, "url": url(l), "summary": l.summary, "theme": l.theme.key,
            "order": l.order, "tags": [t.key for t in l.tags], "source": l.source.key, "chapter": l.chapter,
            "examples": [url(e) for e in l.examples], "related": related(l), "aliases": l.aliases,
        } for l in site.lessons],
        "examples": [{
            "slug": e.slug, "title": e.title, "url": url(e), "summary": e.summary,
            "organisations": [o.key for o in e.organisations], "provinces": e.provinces,
            "year_start": e.year_start, "year_end": e.year_end, "period": e.period, "status": e.status,
            "themes": [t.key for t in e.themes], "lessons": [url(l) for l in e.lessons],
            "tags": [t.key for t in e.tags], "source": e.source.key, "chapter": e.chapter,
            "date": e.date.isoformat(), "related": related(e), "aliases": e.aliases,
        } for e in site.examples],
        "tags": [{"key": t.key, "label": t.label, "url": url(t), "description": t.description,
                  "count": t.count} for t in site.tags],
        "organisations": [{"key": o.key, "name": o.name, "url": url(o), "kind": o.kind_of,
                           "province": o.province, "examples": [url(e) for e in o.examples]}
                          for o in site.organisations],
        "sources": [{"key": s.key, "title": s.title, "publisher": s.publisher, "year": s.year}
                    for s in site.sources.values()],
        "meetings": [{"slug": m.slug, "title": m.title, "url": url(m), "date": m.date.isoformat(),
                      "place": m.place, "items": [url(i) for i in m.items]} for m in site.meetings],
    }


def feed_entries(site: Site, limit: int) -> list[Any]:
    """Examples for the Atom feed, newest first."""
    return sorted(site.examples, key=lambda e: (e.date, e.slug), reverse=True)[:limit]


def write_exports(site: Site, config, plugin_config, env) -> None:
    """catalog.json and feed.xml in the site folder."""
    site_dir = Path(config.site_dir)
    base_url = config.site_url or ""
    data = catalog(site, base_url)
    (site_dir / "catalog.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    entries = feed_entries(site, plugin_config.feed_limit)
    updated = max((e.date for e in entries), default=dt.date(2000, 1, 1))
    xml = env.get_template("kb/feed_atom.html").render(
        entries=entries, updated=updated, base_url=base_url, title=plugin_config.feed_title,
        config=config,
    )
    (site_dir / "feed.xml").write_text(xml, encoding="utf-8")
