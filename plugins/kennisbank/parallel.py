"""A second process renders part of the pages, so a large site builds on two cores.

MkDocs converts, renders and writes one page after the other, on one core. On a large site the
plugin forks the build once the navigation is known (`on_nav`). The copy, the helper, converts,
renders and writes a share of the pages outside the navigation (examples, tags, ...) exactly as
MkDocs would, with the same plugins and templates. The build meanwhile does the other pages; for the
helper's pages it gives MkDocs an empty Markdown source, an empty template and an empty result, so
MkDocs writes nothing for them (the plugin leaves MkDocs' note that it skipped them out of the
log). For each of its pages the helper sends back through a pipe what the rest of the build needs
(`take`):

- the part of the page Pagefind reads, set aside by the build in MkDocs' order (indexer.py);
- the anchors on the page and its links to anchors, for MkDocs' anchor check at the end;
- and, as they happen, the warnings and errors it logs: the build logs them, so `strict` counts them.

After its last page the helper puts the QR codes in the pages it held for them and writes those
at the lowest priority (held.py), while the build runs Pagefind. The result is the same site, byte
for byte, the search index by content (tests/test_parallel.py builds it both ways).
"""

from __future__ import annotations

import logging
import os
import pickle
import struct
import threading
from collections.abc import Callable, Sequence
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import forked

# The share of the eligible pages the helper renders. The build itself also renders the navigation's
# pages (the overviews are long), the sitemap and the search page, and sets aside every page for
# Pagefind; at 0.55 both finish at about the same time (measured: BENCHMARKS.md).
HELPER_SHARE = 0.55
# The build gives the helper's pages this template: it renders nothing (kb/elsewhere.html).
ELSEWHERE = "kb/elsewhere.html"
_LENGTH = struct.Struct("<I")


available = forked.available


def choose(pages: Sequence[File], share: float = HELPER_SHARE) -> list[File]:
    """Every so many of `pages`, spread evenly, so both processes meet the same mix of kinds."""
    return [f for i, f in enumerate(pages) if int((i + 1) * share) > int(i * share)]


class Helper:
    """The forked process and, in the build, the pages it sent. `inside` tells which side we are on."""

    def __init__(self, files: Files, share: Sequence[File]) -> None:
        self.files = files
        self.share = {f.src_uri for f in share}
        self.inside = False
        self._pages: dict[str, tuple] = {}
        self._failure: str | None = None
        self._ended = False
        self._arrived = threading.Condition()

    def start(self, work: Callable[[], None]) -> None:
        """Fork; the helper runs `work` (which calls `send_page` per page) and exits."""
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(read_end)
            self.inside = True
            self._out = os.fdopen(write_end, "wb")
            code = 0
            try:
                _forward_logs(self._send)
                work()
                self._send(("done",))
            except BaseException as exc:  # whatever it is, the build must hear of it
                self._send(("failed", f"{type(exc).__name__}: {exc}"))
                code = 1
            finally:
                try:
                    self._out.flush()
                finally:
                    os._exit(code)  # never return into the build MkDocs is running in the parent
        os.close(write_end)
        self._in = os.fdopen(read_end, "rb")
        self._reader = threading.Thread(target=self._read, name="kennisbank-helper", daemon=True)
        self._reader.start()

    # --- in the helper -------------------------------------------------------------------------

    def send_page(self, page: Page, indexable: str) -> None:
        links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
        self._send(("page", page.file.src_uri, indexable, sorted(page.present_anchor_ids or ()), links))

    def _send(self, message: tuple) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        self._out.write(_LENGTH.pack(len(data)) + data)
        self._out.flush()  # the build may be waiting for exactly this page

    # --- in the build --------------------------------------------------------------------------

    def take(self, page: Page) -> str:
        """The part of `page` that Pagefind reads, once the helper has written the page."""
        key = page.file.src_uri
        with self._arrived:
            self._arrived.wait_for(lambda: key in self._pages or self._failure is not None or self._ended)
            found = self._pages.pop(key, None)
        if found is None:
            self.finish()  # raises the helper's failure
            raise PluginError(f"Kennisbank: het tweede bouwproces stuurde '{key}' niet terug.")
        indexable, anchors, links = found
        page.present_anchor_ids = set(anchors)
        page.links_to_anchors = {self.files.get_file_from_path(uri): found_links for uri, found_links in links.items()}
        return indexable

    def finish(self) -> None:
        """Wait for the helper to end; a failure there stops the build with its message."""
        self._reader.join()
        _, status = os.waitpid(self.pid, 0)
        if self._failure is not None or status != 0:
            reason = self._failure or f"het stopte met status {status}"
            raise PluginError(f"Kennisbank: het tweede bouwproces (het bouwt een deel van de pagina's) "
                              f"liep vast: {reason}. Zet 'parallel_from' in mkdocs.yml hoog om alles in "
                              "één proces te bouwen.")

    def stop(self) -> None:
        """The build failed elsewhere: end the helper without waiting for its pages."""
        forked.kill(self.pid)

    def _read(self) -> None:
        try:
            while header := self._in.read(_LENGTH.size):
                message = pickle.loads(self._in.read(_LENGTH.unpack(header)[0]))
                kind = message[0]
                if kind == "page":
                    with self._arrived:
                        self._pages[message[1]] = message[2:]
                        self._arrived.notify_all()
                elif kind == "log":
                    logging.getLogger(message[1]).log(message[2], message[3])
                elif kind == "failed":
                    self._failure = message[1]
        except (EOFError, OSError, pickle.UnpicklingError, struct.error) as exc:
            self._failure = f"de verbinding brak af ({exc})"
        finally:
            with self._arrived:
                self._ended = True
                self._arrived.notify_all()


class _Forward(logging.Handler):
    def __init__(self, send: Callable[[tuple], None]) -> None:
        super().__init__(logging.WARNING)
        self._send_message = send

    def emit(self, record: logging.LogRecord) -> None:
        self._send_message(("log", record.name, record.levelno, record.getMessage()))


def _forward_logs(send: Callable[[tuple], None]) -> None:
    """In the helper: warnings and errors go to the build instead of the terminal."""
    forward = _Forward(send)
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        logger.handlers = [forward]


def render(share: Sequence[File], config: MkDocsConfig, files: Files, nav: Any, then: Callable[[], None]) -> None:
    """In the helper: convert and render the pages in `share` the way MkDocs' own build does
    (mkdocs.commands.build, version pinned in constraints.txt), with a theme environment of its
    own; then call `then`."""
    env = config.theme.get_env()
    env = config.plugins.on_env(env, config=config, files=files)
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for file in share:
        if file.page is None:
            Page(None, file, config)
        mkdocs_build._populate_page(file.page, config, files)
        mkdocs_build._build_page(file.page, config, doc_files, nav, env)
    then()
