"""Our QR encoder: the same symbols as segno, codes a scanner reads, and the standard's stream."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import segno

from kb_browser import needs_zbar, qr_codes
from kennisbank import qr


def segno_message(data: bytes, version: int, level: str) -> bytes:
    """Our data codewords as segno writes them: where the terminator ends on a byte boundary it adds
    a whole zero byte (the standard adds nothing there); decoders stop at the terminator either way."""
    ours = qr.message(data, version, level)
    header = 2 if version < 10 else 3  # mode and count, in whole bytes
    if 4 + (8 if version < 10 else 16) + 8 * len(data) + 4 <= 8 * len(ours):
        ours = (ours[: header + len(data)] + b"\0" + ours[header + len(data):])[: len(ours)]
    return ours


@pytest.mark.parametrize("version", range(1, 41))
def test_every_version_gives_segnos_symbol(version):
    """Patterns, format and version information, block layout, zigzag and mask, for all 40 sizes."""
    level = "lmqh"[version % 4]
    capacity = qr._data_bits(version, level) // 8
    data = bytes(random.Random(version).randint(32, 126) for _ in range(capacity - 3))
    reference = segno.make(data, error=level, mask=4, micro=False, mode="byte")
    assert qr.choose(len(data), level) == (reference.version, reference.error.lower())
    chosen_version, chosen_level = qr.choose(len(data), level)
    assert qr.symbol(segno_message(data, chosen_version, chosen_level), chosen_version, chosen_level) == \
        [bytes(row) for row in reference.matrix]


def test_the_error_level_is_raised_as_far_as_the_version_allows():
    assert qr.choose(5, "m") == (1, "h")  # 5 bytes fit version 1 even at H
    assert qr.choose(9, "m") == (1, "q")
    assert qr.choose(14, "m") == (1, "m")  # 14 bytes: version 1 only up to M
    assert qr.choose(15, "m") == (2, "q")  # 15 need version 2, which holds them at Q
    assert qr.choose(14, "h") == (2, "h")  # the level asked for is never lowered


def test_data_codewords_follow_the_standard():
    # Byte mode 0100, count 5, 'hello', terminator 0000, then the pad bytes EC 11.
    assert qr.message(b"hello", 1, "h").hex(" ") == "40 56 86 56 c6 c6 f0 ec 11"
    # A known Reed-Solomon example (version 1-M, 'HELLO WORLD' in alphanumeric mode).
    data = bytes([32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17])
    assert list(qr._error_codewords(data, 10)) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]


def test_too_much_data_is_refused():
    with pytest.raises(qr.TooLong):
        qr.matrix(b"x" * 3000)


def _image(rows: list[bytes], path: Path, scale: int = 4, border: int = 4) -> Path:
    """A plain black-and-white bitmap (PBM) with the quiet zone around the code."""
    width = len(rows) + 2 * border
    blank = bytes(width)
    lines = []
    for row in [blank] * border + [bytes(border) + r + bytes(border) for r in rows] + [blank] * border:
        lines += [" ".join(str(b) for b in row for _ in range(scale))] * scale
    path.write_text(f"P1\n{width * scale} {width * scale}\n" + "\n".join(lines) + "\n")
    return path


@needs_zbar
@pytest.mark.parametrize("text", [
    "https://kennisbank.example.org/voorbeelden/stroomlijn/",  # version 4
    "https://kennisbank.example.org/lessen/" + "lang-" * 40,  # version 10: a 16-bit count
    "https://kennisbank.example.org/" + "x" * 700,  # version 22: five alignment patterns a side, version information
])
def test_a_scanner_reads_the_code(text, tmp_path):
    assert qr_codes(_image(qr.matrix(text.encode("utf-8")), tmp_path / "code.pbm")) == [text]
