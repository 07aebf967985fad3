"""Redirect pages for aliases: an old address keeps working after a rename.

For every `aliases` entry of a lesson, example or meeting the site gets a small HTML page at the old
path with a canonical link, a meta refresh and a script that carries the #anchor along. The path
arithmetic is pure (and tested table by table); the plugin calls `to_write` and `write_redirects`
after the last page.
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.kennisbank.redirects")

TEMPLATE = "kb/redirect.html"


def alias_dest(alias: str) -> str:
    """Where the redirect page for a site path is written: '/voorbeelden/oud/' -> 'voorbeelden/oud/index.html'."""
    path = alias.strip("/")
    return f"{path}/index.html" if path else "index.html"


def relative_url(alias: str, target: str) -> str:
    """The link from the page at site path `alias` to the page URL `target` ('lessen/x/').

    Both are directory URLs, so the link is relative to the alias's own folder.
    """
    start = alias.strip("/") or "."
    goal = target.strip("/") or "."
    rel = posixpath.relpath(goal, start)
    return "./" if rel == "." else rel + "/"


def absolute_url(site_url: str | None, target: str) -> str:
    """The canonical address of page URL `target`; without a site_url, the site path."""
    path = target.strip("/")
    path = f"{path}/" if path else ""
    if not site_url:
        return "/" + path
    return site_url.rstrip("/") + "/" + path


@dataclass(frozen=True)
class Redirect:
    alias: str  # the old site path, e.g. /voorbeelden/oud/
    dest: str  # file in the site folder
    target: str  # relative link to the new page
    canonical: str  # absolute address of the new page
    title: str  # title of the new page


def redirects(site: Any, site_url: str | None) -> list[Redirect]:
    """One redirect per alias of every lesson, example and meeting, in a stable order."""
    found = []
    for item in [*site.lessons, *site.examples, *site.meetings]:
        for alias in item.aliases:
            found.append(Redirect(alias, alias_dest(alias), relative_url(alias, item.url),
                                  absolute_url(site_url, item.url), item.title))
    return sorted(found, key=lambda r: r.alias)


def to_write(site: Any, site_url: str | None, taken: set[str]) -> list[Redirect]:
    """The redirects to write: all but those at a file the build writes itself (`taken`, paths in
    the site folder). Each of those is a warning, so --strict fails; the checks of the content
    normally stop such an alias long before (validate.py, urls.py)."""
    found = []
    for r in redirects(site, site_url):
        if r.dest in taken:
            log.warning(f"Kennisbank: oud adres {r.alias} is ook een pagina van de site; "
                        f"de doorverwijzing naar {r.canonical} is niet geschreven")
        else:
            found.append(r)
    return found


def write_redirects(found: list[Redirect], site_dir: str | Path, env) -> None:
    """Write the redirect pages `to_write` chose."""
    template = env.get_template(TEMPLATE)
    for r in found:
        file = Path(site_dir) / r.dest
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(template.render(redirect=r), encoding="utf-8")


__all__ = ["Redirect", "absolute_url", "alias_dest", "redirects", "relative_url", "to_write", "write_redirects"]
