"""Sharing: public addresses, their short form, and QR codes (publish/share.py, publish/paths.py)."""

from __future__ import annotations

import re

import pytest
import segno

from kennisbank.publish import share
from kennisbank.publish.paths import display_url, public_url


@pytest.mark.parametrize("site_url,url,expected", [
    ("https://kb.example.org/", "lessen/x/", "https://kb.example.org/lessen/x/"),
    ("https://kb.example.org", "/lessen/x/", "https://kb.example.org/lessen/x/"),
    ("https://vgs.example.org/kb/", "lessen/x/", "https://vgs.example.org/kb/lessen/x/"),
    (None, "lessen/x/", "/lessen/x/"),
])
def test_public_url(site_url, url, expected):
    assert public_url(site_url, url) == expected


@pytest.mark.parametrize("url,shown", [
    ("https://kb.example.org/lessen/x/", "kb.example.org/lessen/x/"),
    ("http://127.0.0.1:8000/lessen/x/", "127.0.0.1:8000/lessen/x/"),
    ("/lessen/x/", "/lessen/x/"),
])
def test_display_url(url, shown):
    assert display_url(url) == shown


def test_breakable_escapes_and_allows_wrapping_after_slashes():
    assert str(share.breakable("a.org/<b>/x")) == "a.org/<wbr>&lt;b&gt;/<wbr>x"


def test_a_qr_code_only_for_an_absolute_address():
    code = share.qr_code("https://kb.example.org/lessen/x/")
    assert code.label == "kb.example.org/lessen/x/" and code.size == 29 + 2 * share.QR_BORDER  # version 3
    assert share.qr_code("/lessen/x/") is None  # no site_url: no code


def _matrix_from_path(d: str, size: int, border: int) -> list[list[int]]:
    """Replay the path's moves and horizontal strokes onto a grid of modules."""
    cells = [[0] * size for _ in range(size)]
    x = y = 0.0
    for command, a, b, length in re.findall(r"([Mm])(-?[\d.]+) (-?[\d.]+)h(\d+)", d):
        x, y = (float(a), float(b)) if command == "M" else (x + float(a), y + float(b))
        for i in range(int(length)):
            cells[int(y - .5) - border][int(x) - border + i] = 1
        x += int(length)
    return cells


@pytest.mark.parametrize("url", [
    "https://kennisbank.example.org/lessen/verhaal-van-de-regio/",
    "https://kennisbank.example.org/voorbeelden/leertraject-leren-van-elkaar/",
    "https://mini.example.org/",
])
def test_svg_path_draws_exactly_the_modules_of_segnos_code(url):
    """Our SVG path draws every dark module of the symbol segno makes, and nothing else."""
    rows = segno.make(url, error=share.QR_ERROR, micro=False, mask=share.QR_MASK, boost_error=share.QR_BOOST).matrix
    code = share.qr_code(url)
    assert code.size == len(rows) + 2 * share.QR_BORDER
    assert _matrix_from_path(code.path, len(rows), share.QR_BORDER) == [list(row) for row in rows]
