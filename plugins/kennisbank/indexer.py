"""The search index: Pagefind indexes what the build set aside for it, right after the last page.

Pagefind reads only part of a page (`indexable`: the elements marked data-pagefind-body, a sixth of
the HTML). The plugin puts that part of each rendered page in a folder of its own, a mirror of the
site's paths, as soon as MkDocs (or the second process, parallel.py) has rendered it. After the last
page, Pagefind's command-line program indexes that folder into site/pagefind/ on all cores, while the
plugin makes the QR codes and writes the exports; `finish` waits for it.

Measured on a site of 1,000 examples (BENCHMARKS.md): this costs less than half the processor time
of feeding each page to `pagefind --service` during the build, which mattered once both cores
render pages. The folder sits in memory (/dev/shm) where there is one: creating a folder and a
file per page on disk took about a millisecond on the machines we measured.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

OUTPUT_DIR = "pagefind"
# Never indexed, wherever they stand: field labels ("Thema", "Tags"), heading permalinks, Material's
# edit buttons and page dates. They would only add noise to every page and run into excerpts.
EXCLUDE = ("dt", ".headerlink", ".md-content__button", ".md-source-file", ".kb-kicker")
# `<html lang="nl">` makes Pagefind stem Dutch words; forcing it keeps one index if a page lacks it.
LANGUAGE = "nl"
# Seconds Pagefind may take before the build gives up on it (a hang, not a large site).
TIMEOUT = 600
# Only the core search library is used; Pagefind's ready-made interfaces are dead weight here.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class IndexFailed(PluginError):
    """Pagefind could not make the index; MkDocs shows the (Dutch) message and stops the build."""


@dataclass
class IndexStats:
    pages: int = 0  # pages Pagefind indexed (it skips pages without data-pagefind-body)
    seconds: float = 0.0  # from the start of the build's pages (on_nav) to the index on disk


_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_TAG_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")


def indexable(html: str) -> str:
    """The part of a page that Pagefind reads: its <html> tag and the elements marked
    data-pagefind-body, without those it ignores altogether (data-pagefind-ignore="all").

    Every indexed page of this site marks its text so, and Pagefind skips pages without such an
    element; sending only these parts (a sixth of a page) makes the same index with far less to
    transfer and parse (tests/test_indexer.py compares the two)."""
    body = "".join(html[start:end] for start, end in _elements(html, " data-pagefind-body"))
    kept, position = [], 0
    for start, end in _elements(body, ' data-pagefind-ignore="all"'):
        kept.append(body[position:start])
        position = end
    kept.append(body[position:])
    opening = _HTML_TAG.search(html)
    return (opening.group(0) if opening else "<html>") + "<body>" + "".join(kept) + "</body></html>"


def _elements(html: str, attribute: str) -> list[tuple[int, int]]:
    """Start and end of each outermost element whose start tag carries `attribute`."""
    spans: list[tuple[int, int]] = []
    at = html.find(attribute)
    while at >= 0:
        start = html.rfind("<", 0, at)
        name = _TAG_NAME.match(html, start + 1)
        after = html[at + len(attribute): at + len(attribute) + 1]
        if start < 0 or name is None or ">" in html[start:at] or after not in (" ", "=", ">", "/"):
            at = html.find(attribute, at + 1)  # the words in text, not an attribute
            continue
        depth, end = 1, len(html)
        for tag in _open_or_close(name.group(0).lower()).finditer(html, html.find(">", at) + 1):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.end()
                break
        spans.append((start, end))
        at = html.find(attribute, end)
    return spans


@functools.cache
def _open_or_close(name: str) -> re.Pattern:
    return re.compile(rf"<(/?){name}\b[^>]*>", re.IGNORECASE)


def url_of(path: str) -> str:
    """The address Pagefind gives a file of the site: 'a/b/index.html' -> '/a/b/'."""
    return "/" + (path[: -len("index.html")] if path.endswith("index.html") else path)


def executable(root: Path | str = ".") -> Path:
    """The Pagefind program: $PAGEFIND_BINARY_PATH if set, else the one `npm ci` put in the
    project (package-lock.json pins it; 1.6 searches large sites far faster), else the one from
    PyPI (pagefind[bin], 1.5), so a machine without Node.js still builds the site."""
    if os.environ.get("PAGEFIND_BINARY_PATH"):
        return Path(os.environ["PAGEFIND_BINARY_PATH"])
    for name in ("pagefind_extended", "pagefind_extended.exe", "pagefind", "pagefind.exe"):
        found = sorted(Path(root).glob(f"node_modules/@pagefind/*/bin/{name}"))
        if found:
            return found[0]
    from pagefind.service import get_executable

    path = get_executable()
    if path is None:
        raise IndexFailed("Kennisbank: het programma Pagefind is niet gevonden; installeer het met "
                          "'make install'.")
    return path


class Indexer:
    """One Pagefind index: pages set aside one by one (`add`), then indexed (`write`, then `finish`)."""

    def __init__(self, root: Path | str = ".") -> None:
        self.started = time.perf_counter()
        self.root = root
        self.sent: set[str] = set()
        self.stats = IndexStats()
        self.folder = Path(tempfile.mkdtemp(prefix="kennisbank-zoekindex-", dir=_scratch()))
        self._folders: set[str] = set()
        self._process: subprocess.Popen | None = None
        self._log = None

    def add(self, url: str, html: str) -> None:
        """Set aside the page at `url` (as '/a/b/') with its HTML, or just the part `indexable` gives."""
        self.sent.add(url)
        path = url.lstrip("/")
        if not path or path.endswith("/"):
            path += "index.html"
        folder = os.path.dirname(path)
        if folder not in self._folders:
            os.makedirs(self.folder / folder, exist_ok=True)
            self._folders.add(folder)
        with open(self.folder / path, "w", encoding="utf-8") as out:
            out.write(html)

    def write(self, site_dir: Path | str, others: Iterable[str] = ()) -> None:
        """Set aside the files among `others` (paths in site_dir) that were not added, and start
        Pagefind on the folder; it writes site_dir/pagefind/ while we go on (see `finish`)."""
        site_dir = Path(site_dir)
        for path in others:
            if url_of(path) not in self.sent and (site_dir / path).is_file():
                self.add(url_of(path), indexable((site_dir / path).read_text(encoding="utf-8", errors="replace")))
        self._output = site_dir / OUTPUT_DIR
        if self._output.exists():
            shutil.rmtree(self._output)
        command = [str(executable(self.root)), "--site", str(self.folder), "--output-path", str(self._output.resolve()),
                   "--force-language", LANGUAGE]
        for selector in EXCLUDE:
            command += ["--exclude-selectors", selector]
        self._log = tempfile.TemporaryFile()
        try:
            self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=self._log,
                                             stderr=subprocess.STDOUT)
        except OSError as exc:
            self.stop()
            raise IndexFailed(f"Kennisbank: de zoekindex (Pagefind) kon niet worden gemaakt: {exc}") from None

    def finish(self) -> IndexStats:
        """Wait until the index is on disk."""
        assert self._process is not None, "write() first"
        # A plain wait returns the moment Pagefind ends; wait(timeout=...) polls, up to 50 ms late.
        watchdog = threading.Timer(TIMEOUT, self._process.kill)
        watchdog.start()
        try:
            code = self._process.wait()
        finally:
            watchdog.cancel()
        self._log.seek(0)
        report = self._log.read().decode("utf-8", "replace")
        self.stop()  # also closes the log
        if code != 0 or not (self._output / "pagefind-entry.json").is_file():
            detail = report.strip()[-2000:]
            raise IndexFailed(f"Kennisbank: de zoekindex (Pagefind) kon niet worden gemaakt (code {code}). {detail}".strip())
        counted = re.search(r"Indexed (\d+) pages?", report)
        self.stats.pages = int(counted.group(1)) if counted else 0
        for name in UNUSED:
            (self._output / name).unlink(missing_ok=True)
        self.stats.seconds = time.perf_counter() - self.started
        return self.stats

    def stop(self) -> None:
        """Stop Pagefind if it runs, and remove the folder (also when the build failed)."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        if self._log is not None:
            self._log.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _scratch() -> str | None:
    """A folder in memory for the pages set aside, where the system has one."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def index_site(site_dir: Path | str, root: Path | str = ".") -> IndexStats:
    """Index a site that is already built (every HTML file in it), as the plugin does during a build."""
    site_dir = Path(site_dir)
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                   if OUTPUT_DIR not in p.relative_to(site_dir).parts)
    index = Indexer(root)
    index.write(site_dir, pages)
    return index.finish()
