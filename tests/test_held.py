"""Pages held for their QR codes (held.py): filled in and written later, here or by a copy."""

from __future__ import annotations

import os

import pytest
from mkdocs.exceptions import PluginError

from kennisbank import held, share

URL = "https://kennisbank.example.org/voorbeelden/stroomlijn/"


def page(token: str) -> str:
    return f"<main><h1>Stroomlijn</h1>{share.later(URL, token)}</main>"


def test_only_pages_with_a_code_of_this_build_are_held(tmp_path):
    pages = held.HeldPages("aaaa1111")
    assert pages.hold(str(tmp_path / "a.html"), page("aaaa1111"))
    assert not pages.hold(str(tmp_path / "b.html"), "<main>geen code</main>")
    assert not pages.hold(str(tmp_path / "c.html"), page("bbbb2222"))  # another build's placeholder
    assert [path for path, _ in pages.pages] == [str(tmp_path / "a.html")]


def test_written_here_with_the_code_filled_in(tmp_path):
    pages = held.HeldPages("aaaa1111")
    pages.hold(str(tmp_path / "voorbeelden/stroomlijn/index.html"), page("aaaa1111"))
    pages.write()
    written = (tmp_path / "voorbeelden/stroomlijn/index.html").read_text(encoding="utf-8")
    assert written == f"<main><h1>Stroomlijn</h1>{share.make_svg(URL)}</main>"
    assert pages.pages == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_copy_writes_them_while_the_build_goes_on(tmp_path):
    pages = held.HeldPages("aaaa1111")
    for name in ("een", "twee", "drie"):
        pages.hold(str(tmp_path / name / "index.html"), page("aaaa1111"))
    writer = held.Writer(pages.write)
    pages.pages = []  # the build lets go of them: the copy has its own
    writer.finish()
    for name in ("een", "twee", "drie"):
        assert share.make_svg(URL) in (tmp_path / name / "index.html").read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_failure_in_the_copy_stops_the_build_with_a_dutch_message(tmp_path):
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    pages = held.HeldPages("aaaa1111")
    pages.hold(str(tmp_path / "bestand" / "index.html"), page("aaaa1111"))  # a folder inside a file
    with pytest.raises(PluginError) as failure:
        held.Writer(pages.write).finish()
    assert f"de pagina's konden niet allemaal worden geschreven: {tmp_path / 'bestand'}: File exists" in str(failure.value)
