"""Pages held back for their QR codes, finished while Pagefind indexes.

Nothing needs a page's QR code or the page on disk before the search index is made, and together
they cost about half a millisecond per page. So templates leave a placeholder for each QR code
(share.later), the plugin holds the pages that have one, and after the last page it fills them in
(share.fill) and writes them while Pagefind indexes. Pagefind keeps little more than one core busy;
at the lowest priority this work fills the other core instead of slowing Pagefind down, where in
the rendering both cores are busy (measured: BENCHMARKS.md, "Bouwen").

On a large site a short-lived copy of the build (`Writer`) writes the build's own pages, with the
rest of what the build writes after its last page (catalog.json, the feed, redirects), and the
second process writes its own pages (`quietly`, parallel.py); elsewhere the build writes them.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from mkdocs.exceptions import PluginError
from mkdocs.utils import write_file

from . import forked, share


class HeldPages:
    """The pages of one build that wait for their QR codes (placeholders with this build's token)."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.pages: list[tuple[str, str]] = []

    def hold(self, path: str, html: str) -> bool:
        """Keep the page for later if it has a QR code to fill in; False: write it now."""
        if self.token not in html:
            return False
        self.pages.append((path, html))
        return True

    def write(self) -> None:
        """Fill in the QR codes and write every held page."""
        for path, html in self.pages:
            write_file(share.fill(html, self.token).encode("utf-8", errors="xmlcharrefreplace"), path)
        self.pages = []


def quietly(work: Callable[[], None]) -> None:
    """`work` at the lowest priority. Only in a process of our own: it cannot be undone."""
    os.nice(19)
    work()


class Writer:
    """A forked copy of the build that does `work` (the held pages and what else the build writes
    after its last page) at the lowest priority. `work` must not log: the copy's log goes nowhere."""

    def __init__(self, work: Callable[[], None]) -> None:
        self.copy = forked.Forked(lambda: quietly(work))

    def finish(self) -> None:
        """Wait until every page is written; a failure stops the build with its message."""
        try:
            self.copy.result()
        except forked.Failed as failure:
            raise PluginError(f"Kennisbank: de pagina's konden niet allemaal worden geschreven: {failure}") from None

    def stop(self) -> None:
        """The build failed elsewhere: end the copy without waiting for it."""
        self.copy.stop()
