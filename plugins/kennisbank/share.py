"""Sharing a page: its public address, a short form to read aloud or print, and a QR code.

The QR code is made at build time with segno as inline SVG: no network when building or viewing,
sharp on paper at any size. Templates use three Jinja filters (registered by `register`):

    {{ kb.url | kb_public_url }}   https://kennisbank.example.org/lessen/x/
    {{ url | kb_display_url }}     kennisbank.example.org/lessen/x/
    {{ url | kb_qr }}              <svg ...> (empty without an absolute site_url)
    {{ text | kb_breakable }}      the text, allowed to wrap after each '/' 

Speed: segno normally tries all eight mask patterns and keeps the one with the lowest penalty;
that search is about 80% of its time (about 5 ms of 6 ms per code). Every mask gives a valid code
that any reader decodes, so we use one fixed mask and keep every code in a cache for the whole
process (a meeting handout reuses the codes of its lessons; `mkdocs serve` reuses them on rebuild).
"""

from __future__ import annotations

import re
from functools import lru_cache

import segno
from markupsafe import Markup, escape

QR_ERROR = "m"  # medium error correction: survives a fold or a smudge on a printed handout
QR_MASK = 4  # any of 0..7 is valid; fixed to skip segno's mask search (see module docstring)
QR_BORDER = 4  # the quiet zone the QR standard asks for, in modules
_DARK_RUN = re.compile(rb"\x01+")


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
    """SVG path data for the dark modules: one horizontal stroke per run of dark modules in a row."""
    parts = []
    for y, row in enumerate(matrix):
        for run in _DARK_RUN.finditer(bytes(row)):
            parts.append(f"M{run.start() + border} {y + border}.5h{run.end() - run.start()}")
    return "".join(parts)


@lru_cache(maxsize=None)
def qr_svg(url: str) -> str:
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


def register(env, config) -> None:
    """The sharing filters for every template, using the site's site_url."""
    site_url = config.site_url
    env.filters["kb_public_url"] = lambda url: public_url(site_url, url)
    env.filters["kb_display_url"] = display_url
    env.filters["kb_qr"] = lambda url: Markup(qr_svg(url))
    env.filters["kb_breakable"] = breakable


__all__ = ["QR_BORDER", "QR_ERROR", "QR_MASK", "breakable", "display_url", "matrix_path", "public_url", "qr_svg", "register"]
