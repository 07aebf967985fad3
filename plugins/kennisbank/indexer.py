"""The search index: Pagefind indexes each page while MkDocs renders the next one.

Pagefind runs as a companion process (`pagefind --service`). Requests go to its stdin and answers
come back on its stdout, each a base64-encoded JSON message ended by a comma. The plugin sends every
page as soon as MkDocs has rendered it, so indexing runs on another core during the build instead
of after it; at the end the service writes the index into site/pagefind/ and exits.

Pagefind's own Python wrapper (pagefind.index) speaks the same protocol, but reads at most one
answer every 0.1 s (minutes for a large site) and kills the service right after the write, so this
is our own small client.
"""

from __future__ import annotations

import base64
import functools
import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

OUTPUT_DIR = "pagefind"
# Never indexed, wherever they stand: field labels ("Thema", "Tags"), heading permalinks, Material's
# edit buttons and page dates. They would only add noise to every page and run into excerpts.
EXCLUDE = ("dt", ".headerlink", ".md-content__button", ".md-source-file", ".kb-kicker")
# `<html lang="nl">` makes Pagefind stem Dutch words; forcing it keeps one index if a page lacks it.
LANGUAGE = "nl"
# Only the core search library is used; Pagefind's ready-made interfaces are dead weight here.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class IndexFailed(PluginError):
    """Pagefind could not make the index; MkDocs shows the (Dutch) message and stops the build."""


@dataclass
class IndexStats:
    pages: int = 0  # pages Pagefind indexed (it skips pages without data-pagefind-body)
    seconds: float = 0.0  # from starting the service to the index on disk
    errors: list[str] = field(default_factory=list)


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
    """One Pagefind index, filled page by page (`add`), then written (`write`, then `finish`)."""

    def __init__(self, root: Path | str = ".") -> None:
        self.started = time.perf_counter()
        self.sent: set[str] = set()
        self.stats = IndexStats()
        self._stderr = tempfile.TemporaryFile()
        self._process = subprocess.Popen([str(executable(root)), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._stderr)
        self._lock = threading.Lock()
        self._last_id = 0
        self._waiting: dict[int, queue.Queue] = {}
        self._reader = threading.Thread(target=self._read, name="pagefind-answers", daemon=True)
        self._reader.start()
        answer = self._ask({"type": "NewIndex", "config": {
            "force_language": LANGUAGE, "exclude_selectors": list(EXCLUDE)}})
        self._index = answer["index_id"]

    def add(self, url: str, html: str) -> None:
        """Hand one rendered page to Pagefind and go on; its answer is counted when it comes."""
        self.sent.add(url)
        self._send({"type": "AddFile", "index_id": self._index, "url": url, "file_path": None,
                    "file_contents": html})

    def write(self, site_dir: Path | str, others: Iterable[str] = ()) -> None:
        """Index the files among `others` (paths in site_dir) that were not sent, and have the
        service write the index into site_dir/pagefind/. It works while we go on; see `finish`."""
        site_dir = Path(site_dir)
        for path in others:
            if url_of(path) not in self.sent and (site_dir / path).is_file():
                self.add(url_of(path), indexable((site_dir / path).read_text(encoding="utf-8", errors="replace")))
        self._output = site_dir / OUTPUT_DIR
        if self._output.exists():
            shutil.rmtree(self._output)
        self._written: queue.Queue = queue.Queue(maxsize=1)
        self._send({"type": "WriteFiles", "index_id": self._index, "output_path": str(self._output.resolve())},
                   self._written)

    def finish(self) -> IndexStats:
        """Wait until the index is on disk and the service has exited on its own."""
        self._check(self._written.get(timeout=600), "WriteFiles")
        self._process.stdin.close()  # end of input: the service exits once it is done
        if self._process.wait(timeout=600) != 0 or not (self._output / "pagefind-entry.json").is_file():
            raise IndexFailed(self._failure())
        self._reader.join(timeout=10)
        if self.stats.errors:
            raise IndexFailed("Kennisbank: Pagefind kon niet elke pagina lezen:\n" + "\n".join(self.stats.errors[:10]))
        for name in UNUSED:
            (self._output / name).unlink(missing_ok=True)
        self.stats.seconds = time.perf_counter() - self.started
        return self.stats

    def stop(self) -> None:
        """Stop the service without writing (the build failed)."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def _send(self, payload: dict, answer: queue.Queue | None = None) -> None:
        with self._lock:
            self._last_id += 1
            if answer is not None:
                self._waiting[self._last_id] = answer
            message = json.dumps({"message_id": self._last_id, "payload": payload}, ensure_ascii=False)
            try:
                self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
                if answer is not None:
                    self._process.stdin.flush()
            except (BrokenPipeError, ValueError):
                raise IndexFailed(self._failure()) from None

    def _ask(self, payload: dict) -> dict:
        answer: queue.Queue = queue.Queue(maxsize=1)
        self._send(payload, answer)
        return self._check(answer.get(timeout=600), payload["type"])

    def _check(self, reply: dict, request: str) -> dict:
        if reply.get("type") != request:
            self.stop()
            raise IndexFailed(f"Kennisbank: Pagefind weigerde '{request}': {reply.get('message') or self._failure()}")
        return reply

    def _read(self) -> None:
        """Collect the service's answers (in its own thread, so the service never waits for us)."""
        pending = b""
        while chunk := self._process.stdout.read1(1 << 16):
            *messages, pending = (pending + chunk).split(b",")
            for raw in messages:
                message = json.loads(base64.b64decode(raw))
                payload = message.get("payload") or {}
                if payload.get("type") == "IndexedFile":
                    self.stats.pages += payload.get("page_word_count", 0) > 0
                elif payload.get("type") == "Error":
                    self.stats.errors.append(payload.get("message", ""))
                answer = self._waiting.pop(message.get("message_id"), None)
                if answer is not None:
                    answer.put(payload)
        for answer in list(self._waiting.values()):  # the service is gone: nobody waits forever
            answer.put({"type": "Error"})

    def _failure(self) -> str:
        code = self._process.poll()
        self._stderr.seek(0)
        detail = self._stderr.read().decode("utf-8", "replace").strip()[-2000:]
        return f"Kennisbank: de zoekindex (Pagefind) kon niet worden gemaakt (code {code}). {detail}".strip()


def index_site(site_dir: Path | str, root: Path | str = ".") -> IndexStats:
    """Index a site that is already built (every HTML file in it), as the plugin does during a build."""
    site_dir = Path(site_dir)
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                   if OUTPUT_DIR not in p.relative_to(site_dir).parts)
    index = Indexer(root)
    index.write(site_dir, pages)
    return index.finish()
