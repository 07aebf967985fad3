"""Sharing a page: its public address, a short form to read aloud or print, and a QR code.

The QR code is made at build time by segno, drawn as inline SVG: no network when building or
viewing, sharp on paper at any size. The adapter registers these as Jinja filters:

    {{ kb.url | kb_public_url }}   https://kennisbank.example.org/lessen/x/
    {{ url | kb_display_url }}     kennisbank.example.org/lessen/x/
    {{ url | kb_qr }}              <svg ...> (kb/partials/qr.html; empty without an absolute site_url)
    {{ text | kb_breakable }}      the text, allowed to wrap after each '/'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import segno
from markupsafe import Markup, escape

from .paths import display_url

QR_ERROR = "m"  # medium error correction: survives a fold or a smudge on a printed handout
QR_BORDER = 4  # the quiet zone the QR standard asks for, in modules
# segno tries all eight masks and keeps the best-scoring one: a third of a 1,000-example build
# (BENCHMARKS.md). Every mask gives a valid code that readers decode (printed codes are scanned back
# in tests/browser/test_share_print.py), so one fixed mask is used.
QR_MASK = 4
# segno also tries, per code, whether a higher error level fits the same size ("boost"); that second
# search cost more than making the code itself. The level stays medium, as asked for.
QR_BOOST = False
_DARK_RUN = re.compile(rb"\x01+")
# The publish workflow sets this; a build with it must have the site's real public address.
PUBLISH_ENV = "KENNISBANK_PUBLISH"
SITE_URL_ENV = "KENNISBANK_SITE_URL"
# Addresses that can never be the published site: examples (RFC 2606) and this machine.
_NOT_PUBLIC = ("example.org", "example.com", "example.net", "localhost", "127.0.0.1", "0.0.0.0")


def address_problem(site_url: str | None) -> str | None:
    """Why site_url cannot be the published site's address (in Dutch), or None when it can."""
    host = urlsplit(site_url or "").hostname or ""
    if site_url and host and not any(host == h or host.endswith("." + h) for h in _NOT_PUBLIC):
        return None
    now = f"het voorbeeldadres {site_url}" if site_url else "leeg"
    return (f"Kennisbank: deze bouw is om te publiceren ({PUBLISH_ENV}=1), maar het adres van de site is {now}. "
            "Elke QR-code en vaste link op de site en op geprinte hand-outs zou daarheen wijzen. Geef het echte "
            f"adres mee in de omgevingsvariabele {SITE_URL_ENV} (de workflow Publiceren doet dat met het adres "
            "van GitHub Pages) of zet het bij site_url in mkdocs.yml.")


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


@dataclass(frozen=True)
class QrCode:
    """A QR code as kb/partials/qr.html draws it: the side in modules and the path of the dark ones."""

    url: str
    size: int
    path: str

    @property
    def label(self) -> str:
        return display_url(self.url)


def qr_code(url: str) -> QrCode | None:
    """The QR code of an absolute URL, with a quiet zone; None for a site path (no site_url)."""
    if not url.startswith(("https://", "http://")):
        return None
    rows = segno.make(url, error=QR_ERROR, micro=False, mask=QR_MASK, boost_error=QR_BOOST).matrix
    return QrCode(url, len(rows) + 2 * QR_BORDER, matrix_path(rows))


__all__ = ["PUBLISH_ENV", "SITE_URL_ENV", "address_problem", "QR_BORDER", "QR_ERROR", "QrCode", "breakable", "matrix_path", "qr_code"]
