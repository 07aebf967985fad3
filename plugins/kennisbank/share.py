"""Sharing a page: its public address, a short form to read aloud or print, and a QR code.

The QR code is made at build time as inline SVG (qr.py encodes, `matrix_path` draws): no network
when building or viewing, sharp on paper at any size. Templates use these Jinja filters (registered
by `register`):

    {{ kb.url | kb_public_url }}   https://kennisbank.example.org/lessen/x/
    {{ url | kb_display_url }}     kennisbank.example.org/lessen/x/
    {{ url | kb_qr }}              <svg ...> (empty without an absolute site_url), put in by `fill`
    {{ text | kb_breakable }}      the text, allowed to wrap after each '/'

A code takes about a fifth of a millisecond (a third of it encoding, the rest writing the path)
and is made once per process: a handout reuses its lessons' codes, `mkdocs serve` reuses them on
rebuild. During a build the templates leave a placeholder (`later`) and the codes are put in
(`fill`) after the last page, while Pagefind indexes (held.py).
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from . import qr

QR_ERROR = "m"  # medium error correction: survives a fold or a smudge on a printed handout
QR_BORDER = 4  # the quiet zone the QR standard asks for, in modules
_DARK_RUN = re.compile(rb"\x01+")

_made: dict[str, str] = {}  # url -> svg, for the whole process


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
    """An inline SVG QR code for an absolute URL, sized by CSS (viewBox only), with a white quiet zone."""
    if not url.startswith(("https://", "http://")):
        return ""
    rows = qr.matrix(url.encode("utf-8"), QR_ERROR)
    size = len(rows) + 2 * QR_BORDER
    # One image for screen readers; the title names the address it holds.
    return (f'<svg class="kb-qr" role="img" focusable="false" viewBox="0 0 {size} {size}">'
            f'<title>QR-code voor {escape(display_url(url))}</title>'
            f'<path fill="#fff" d="M0 0h{size}v{size}H0z"/>'
            f'<path stroke="#000" d="{matrix_path(rows)}"/></svg>')


def qr_svg(url: str) -> str:
    """The QR code for url, made once per process."""
    svg = _made.get(url)
    if svg is None:
        svg = _made[url] = make_svg(url)
    return svg


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


__all__ = ["QR_BORDER", "QR_ERROR", "breakable", "display_url", "fill", "later", "make_svg", "matrix_path",
           "public_url", "qr_svg", "register"]
