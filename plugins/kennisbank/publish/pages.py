"""The pages the site publishes, computed from the model: which URL, which template, which item.

Documents (lessons, examples, meetings) are Markdown files MkDocs reads and we move to their URL;
every overview, every vocabulary item (theme, tag, organisation, source) and the search page is
generated. The MkDocs adapter only turns this list into MkDocs files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from ..core.kinds import BY_NAME, KINDS, SEARCH_PATH, Kind
from ..core.model import Site
from .paths import src_uri_for


@dataclass(frozen=True)
class Listing:
    """An overview page: every item of one kind."""

    of: Kind
    site: Site

    @property
    def kind(self) -> str:
        return self.of.overview_kind

    @property
    def title(self) -> str:
        return self.of.overview.title

    @property
    def summary(self) -> str:
        return self.of.overview.summary

    @property
    def url(self) -> str:
        return f"{self.of.url_prefix}/"

    @property
    def hide(self) -> tuple[str, ...]:
        return self.of.overview.hide


@dataclass(frozen=True)
class SearchPage:
    """The /zoeken/ page. Not an item of the model: nothing links to it by kind."""

    kind: str = "search"
    title: str = "Zoeken"
    summary: str = "Zoek in alle lessen, praktijkvoorbeelden, thema's, tags, organisaties en bronnen."
    url: str = f"{SEARCH_PATH}/"
    template: str = "kb/search.html"
    # Full width: the facets take the place of the navigation and the table of contents.
    hide: tuple[str, ...] = ("navigation", "toc")


@dataclass(frozen=True)
class Page:
    url: str  # as MkDocs writes it: 'lessen/x/'
    src_uri: str  # the content file, or the virtual one of a generated page
    template: str
    item: Any  # an Item, a Listing or the SearchPage
    generated: bool  # made here, not read from content/

    @property
    def markdown(self) -> str:
        """The source of a generated page: only its title and template, the template renders the rest."""
        meta: dict[str, Any] = {"title": self.item.title, "template": self.template}
        if self.item.summary:
            meta["description"] = self.item.summary
        if getattr(self.item, "hide", None):
            meta["hide"] = list(self.item.hide)
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def listings(site: Site) -> list[Listing]:
    return [Listing(kind, site) for kind in KINDS
            if kind.overview and (kind.overview.always or getattr(site, kind.collection))]


def site_pages(site: Site) -> list[Page]:
    """Every page of the site that comes from the model, in a stable order."""
    pages = [Page(listing.url, src_uri_for(listing.url), listing.of.overview.template, listing, True)
             for listing in listings(site)]
    for kind in KINDS:
        for item in getattr(site, kind.collection):
            if kind.folder:
                pages.append(Page(item.url, item.src_uri, kind.template, item, False))
            else:
                pages.append(Page(item.url, src_uri_for(item.url), kind.template, item, True))
    search = SearchPage()
    pages.append(Page(search.url, src_uri_for(search.url), search.template, search, True))
    return pages


class Publication:
    """The model with its pages, looked up by the source path MkDocs knows them by."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.pages = site_pages(site)
        self._by_src_uri = {page.src_uri: page for page in self.pages}
        self._listings = {listing.of.name: listing for listing in listings(site)}

    def page_for(self, src_uri: str) -> Page | None:
        return self._by_src_uri.get(src_uri)

    def item_for(self, src_uri: str) -> Any:
        page = self._by_src_uri.get(src_uri)
        return page.item if page else None

    def breadcrumbs(self, src_uri: str) -> list[tuple[str, str]]:
        """(title, url) pairs from the home page down to, not including, the page."""
        item = self.item_for(src_uri)
        if item is None or isinstance(item, SearchPage):
            return []
        crumbs = [("Start", "")]
        kind = BY_NAME.get(item.kind)
        if kind is None or kind.name not in self._listings:  # an overview or the search page
            return crumbs
        crumbs.append((kind.overview.title, f"{kind.url_prefix}/"))
        if kind.crumb:
            via = getattr(item, kind.crumb)
            crumbs.append((via.title, via.url))
        return crumbs


__all__ = ["Listing", "Page", "Publication", "SearchPage", "listings", "site_pages"]
