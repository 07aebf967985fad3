"""Pages held back for their QR codes, finished while Pagefind indexes.

Nothing needs a page's QR code or the page on disk before the search index is made, and together
they cost about half a millisecond per page. So templates leave a placeholder for each QR code
(share.later), the plugin holds the pages that have one, and after the last page it fills them in
(share.fill) and writes them while Pagefind indexes. Pagefind keeps little more than one core busy;
at the lowest priority this work fills the other core instead of slowing Pagefind down, where in
the rendering both cores are busy (measured: BENCHMARKS.md, "Bouwen").

On a large site the build's own pages, with the rest of what the build writes after its last page
(`then`: catalog.json, the feed, redirects), are written by a short-lived copy of the build
(`write_aside`), and the second process writes its own pages (parallel.py); elsewhere the build
writes them (`write_here`).
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

    def write_here(self, then: Callable[[], None] = lambda: None) -> None:
        """Fill in the QR codes and write every held page, in this process; then call `then`."""
        for path, html in self.pages:
            write_file(share.fill(html, self.token).encode("utf-8", errors="xmlcharrefreplace"), path)
        self.pages = []
        then()

    def write_quietly(self, then: Callable[[], None] = lambda: None) -> None:
        """`write_here` at the lowest priority. Only in a process of our own: it cannot be undone."""
        os.nice(19)
        self.write_here(then)

    def write_aside(self, then: Callable[[], None] = lambda: None) -> Writer:
        """A forked copy of this process writes the held pages, then calls `then`, at the lowest
        priority. `then` must not log: the copy's log goes nowhere."""
        writer = Writer(forked.Forked(lambda: self.write_quietly(then)))
        self.pages = []
        return writer


class Writer:
    """The copy that writes the build's held pages."""

    def __init__(self, copy: forked.Forked) -> None:
        self.copy = copy

    def finish(self) -> None:
        """Wait until every page is written; a failure stops the build with its message."""
        try:
            self.copy.result()
        except forked.Failed as failure:
            raise PluginError(f"Kennisbank: de pagina's konden niet allemaal worden geschreven: {failure}") from None

    def stop(self) -> None:
        """The build failed elsewhere: end the copy without waiting for it."""
        self.copy.stop()
