"""Sharing a page: its public address, a short form to read aloud or print, and a QR code.

The QR code is made at build time with segno as inline SVG: no network when building or viewing,
sharp on paper at any size. Templates use three Jinja filters (registered by `register`):

    {{ kb.url | kb_public_url }}   https://kennisbank.example.org/lessen/x/
    {{ url | kb_display_url }}     kennisbank.example.org/lessen/x/
    {{ url | kb_qr }}              <svg ...> (empty without an absolute site_url), put in by `fill`
    {{ text | kb_breakable }}      the text, allowed to wrap after each '/' 

Speed (measured on this project's 2-core machine, quiet): segno normally tries all eight mask
patterns and keeps the one with the lowest penalty; that search was about 5 of 6 ms per code. Every
mask gives a valid code that any reader decodes, so we use one fixed mask, and we write the SVG
ourselves (segno's general writer took half the remaining time): about 1 ms per code. Each code is
made once per process (a handout reuses its lessons' codes; `mkdocs serve` reuses them on
rebuild). During a build the templates leave a placeholder (`later`) and the plugin puts the codes
in (`fill`) after the last page, while Pagefind indexes. When one process renders a large site
(`mkdocs serve`), `prefetch` makes the codes in a background process beforehand, on the core that
would otherwise be idle; when two processes render (parallel.py), each makes its own at the end.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import segno
from markupsafe import Markup, escape

QR_ERROR = "m"  # medium error correction: survives a fold or a smudge on a printed handout
QR_MASK = 4  # any of 0..7 is valid; fixed to skip segno's mask search (see module docstring)
QR_BORDER = 4  # the quiet zone the QR standard asks for, in modules
_DARK_RUN = re.compile(rb"\x01+")
PREFETCH_FROM = 400  # below this many codes, making them in the build process is as quick
PREFETCH_PROCESSES = 4  # at most; and never more than the cores beside the build's own

log = logging.getLogger("mkdocs.plugins.kennisbank.share")
_made: dict[str, str] = {}  # url -> svg, for the whole process
_workers: list["_Worker"] = []


def public_url(site_url: str | None, url: str) -> str:
    """The full address of page URL `url` ('lessen/x/'); the site path when there is no site_url."""
    path = url.lstrip("/")
    if not site_url:
        return "/" + path
    return site_url.rstrip("/") + "/" + path


def display_url(url: str) -> str:
    """The address as people read it on a slide or paper: without 'https://'."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return url[len(scheme):]
    return url


def breakable(text: str) -> Markup:
    """Escaped text that may wrap after each '/', for a long address in a narrow column."""
    return Markup("/<wbr>").join(escape(part) for part in str(text).split("/"))


def matrix_path(matrix, border: int = QR_BORDER) -> str:
    """SVG path data for the dark modules: one horizontal stroke per run of dark modules in a row,
    each run reached by a relative move from the end of the one before (short text)."""
    parts = []
    x, y = 0, 0  # pen position, in modules, on the centre line of a row
    for row_y, row in enumerate(matrix):
        for run in _DARK_RUN.finditer(bytes(row)):
            start, length = run.start() + border, run.end() - run.start()
            if not parts:
                parts.append(f"M{start} {row_y + border}.5h{length}")
            else:
                parts.append(f"m{start - x} {row_y + border - y}h{length}")
            x, y = start + length, row_y + border
    return "".join(parts)


def make_svg(url: str) -> str:
    """An inline SVG QR code for an absolute URL, sized by CSS (viewBox only), with a white quiet zone.

    segno encodes; the SVG is written here, three times faster than segno's general writer.
    """
    if not url.startswith(("https://", "http://")):
        return ""
    code = segno.make(url, error=QR_ERROR, mask=QR_MASK, micro=False)
    size = len(code.matrix) + 2 * QR_BORDER
    # One image for screen readers; the title names the address it holds.
    return (f'<svg class="kb-qr" role="img" focusable="false" viewBox="0 0 {size} {size}">'
            f'<title>QR-code voor {escape(display_url(url))}</title>'
            f'<path fill="#fff" d="M0 0h{size}v{size}H0z"/>'
            f'<path stroke="#000" d="{matrix_path(code.matrix)}"/></svg>')


def qr_svg(url: str) -> str:
    """The QR code for url: made once per process, possibly in the background (see `prefetch`)."""
    svg = _made.get(url)
    if svg is None:
        if _workers:
            _collect()
            svg = _made.get(url)
        if svg is None:
            svg = _made[url] = make_svg(url)
    return svg


@dataclass
class _Worker:
    """A background `python -c` process making the codes listed in `todo` into the JSON file `done`."""

    process: subprocess.Popen
    todo: Path
    done: Path


def work(todo: str, done: str) -> None:
    """Entry point of a background process: read addresses (one a line), write {url: svg} as JSON."""
    urls = Path(todo).read_text(encoding="utf-8").split()
    Path(done).write_text(json.dumps({url: make_svg(url) for url in urls}), encoding="utf-8")


def _collect() -> None:
    """Take in every code the background processes made, waiting for those still at work."""
    while _workers:
        worker = _workers.pop()
        try:
            if worker.process.wait(timeout=600) == 0:
                _made.update(json.loads(worker.done.read_text(encoding="utf-8")))
            else:
                log.debug("QR-codes in the background failed; they are made in the build instead")
        except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
            log.debug(f"QR-codes in the background failed ({exc}); they are made in the build instead")
            worker.process.kill()
        finally:
            for file in (worker.todo, worker.done):
                file.unlink(missing_ok=True)


def _stop() -> None:
    """At exit (a build that failed half-way): stop the processes and remove their files."""
    for worker in _workers:
        worker.process.kill()
        worker.process.wait()
        worker.todo.unlink(missing_ok=True)
        worker.done.unlink(missing_ok=True)
    _workers.clear()


atexit.register(_stop)


def share_urls(site: Any, site_url: str | None) -> list[str]:
    """The addresses that get a QR code: lessons, examples, themes and meetings."""
    items = [*site.lessons, *site.examples, *site.themes, *site.meetings]
    return [public_url(site_url, item.url) for item in items]


def prefetch(urls: Iterable[str]) -> int:
    """Start making these QR codes in background processes; returns how many were handed out.

    Call it before MkDocs converts the Markdown (on_nav); the codes are picked up when they are put in.
    With few codes or one core nothing happens, and each code is made when a page needs it. The
    processes are plain `python -c` runs of `work`, so they never re-run the program that started them.
    """
    todo = [u for u in dict.fromkeys(urls) if u not in _made and u.startswith(("https://", "http://"))]
    cores = os.cpu_count() or 1
    if len(todo) < PREFETCH_FROM or cores < 2 or _workers:
        return 0
    count = min(cores - 1, PREFETCH_PROCESSES)
    code = "import sys; from kennisbank.share import work; work(sys.argv[1], sys.argv[2])"
    try:
        for part in range(count):
            fd, name = tempfile.mkstemp(prefix="kennisbank-qr-", suffix=".txt")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write("\n".join(todo[part::count]))
            todo_file = Path(name)
            done_file = todo_file.with_suffix(".json")
            process = subprocess.Popen([sys.executable, "-c", code, str(todo_file), str(done_file)],
                                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            _workers.append(_Worker(process, todo_file, done_file))
    except OSError as exc:  # no processes allowed here: make the codes in the build
        log.debug(f"QR-codes in the background not started ({exc})")
        _stop()
        return 0
    return len(todo)


def later(url: str, token: str) -> str:
    """A placeholder for the QR code of url, filled in by `fill` (token: one per build)."""
    return f"<!--kb-qr {token} {url}-->"


def fill(html: str, token: str) -> str:
    """html with the QR code in place of each placeholder `later` made with this token."""
    return re.sub(rf"<!--kb-qr {token} (\S+?)-->", lambda found: qr_svg(found.group(1)), html)


def register(env, config, token: str) -> None:
    """The sharing filters for every template, using the site's site_url. kb_qr leaves a
    placeholder (`later`); the plugin fills the page in (`fill`) before writing it."""
    site_url = config.site_url
    env.filters["kb_public_url"] = lambda url: public_url(site_url, url)
    env.filters["kb_display_url"] = display_url
    env.filters["kb_qr"] = lambda url: Markup(later(url, token))
    env.filters["kb_breakable"] = breakable


__all__ = ["QR_BORDER", "QR_ERROR", "QR_MASK", "breakable", "display_url", "make_svg", "matrix_path", "prefetch", "work", "later", "fill",
           "public_url", "qr_svg", "register", "share_urls"]
