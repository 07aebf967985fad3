"""What the adapter adds to MkDocs' own output: page metadata, and the files written after the pages."""

from __future__ import annotations

import json
from pathlib import Path

from ..publish import exports, redirects
from ..publish.pages import Publication
from .renderer import Renderer


def page_meta(page, publication: Publication) -> None:
    """A document's frontmatter as load.py read it, with its template and description."""
    found = publication.page_for(page.file.src_uri)
    if found is None:
        return
    if not found.generated:
        page.meta = dict(publication.site.documents[page.file.src_uri][0])
    page.meta.setdefault("template", found.template)
    if getattr(found.item, "summary", None):
        page.meta.setdefault("description", found.item.summary)


def write_extras(publication: Publication, renderer: Renderer, config, options, taken: set[str]) -> list[str]:
    """catalog.json, feed.xml and the redirect pages in the site folder; returns warnings.

    Redirects never replace a file of the build (`taken`: paths in the site folder).
    """
    site, site_dir, base_url = publication.site, Path(config.site_dir), config.site_url or ""
    data = exports.catalog(site, base_url)
    (site_dir / "catalog.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                           encoding="utf-8")
    entries = exports.feed_entries(site, options.feed_limit)
    xml = renderer.render("kb/feed_atom.html", entries=entries, updated=exports.feed_updated(entries),
                          base_url=base_url, title=options.feed_title, config=config)
    (site_dir / "feed.xml").write_text(xml, encoding="utf-8")
    found, warnings = redirects.to_write(site, config.site_url, taken)
    for redirect in found:
        file = site_dir / redirect.dest
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(renderer.render("kb/redirect.html", redirect=redirect), encoding="utf-8")
    return warnings
