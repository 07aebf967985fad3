"""Redirect pages for aliases: an old address keeps working after a rename.

For every `aliases` entry of a lesson, example or meeting the site gets a small HTML page at the old
path with a canonical link, a meta refresh and a script that carries the #anchor along
(kb/redirect.html). Pure: the adapter renders and writes what `to_write` returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .paths import dest_of, public_url, relative_url


@dataclass(frozen=True)
class Redirect:
    alias: str  # the old site path, e.g. /voorbeelden/oud/
    dest: str  # file in the site folder
    target: str  # relative link to the new page
    canonical: str  # absolute address of the new page
    title: str  # title of the new page


def redirects(site: Any, site_url: str | None) -> list[Redirect]:
    """One redirect per alias of every item, in a stable order."""
    found = []
    for item in site.items():
        for alias in getattr(item, "aliases", []):
            found.append(Redirect(alias, dest_of(alias), relative_url(alias, item.url),
                                  public_url(site_url, item.url), item.title))
    return sorted(found, key=lambda r: r.alias)


def to_write(site: Any, site_url: str | None, taken: set[str]) -> tuple[list[Redirect], list[str]]:
    """The redirects to write, and a warning for each one at a file the build writes itself (`taken`,
    paths in the site folder). The checks of the content normally stop such an alias long before."""
    found, warnings = [], []
    for r in redirects(site, site_url):
        if r.dest in taken:
            warnings.append(f"Kennisbank: oud adres {r.alias} is ook een pagina van de site; "
                            f"de doorverwijzing naar {r.canonical} is niet geschreven")
        else:
            found.append(r)
    return found, warnings


__all__ = ["Redirect", "redirects", "to_write"]
