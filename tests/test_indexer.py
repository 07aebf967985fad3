"""The Pagefind companion process: pages in, an index on disk out, and a clear message when it fails."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import mkdocs_build
from kennisbank import indexer

PAGE = """<!doctype html><html lang="nl"><head><title>{title}</title></head>
<body><nav>Menu</nav><main data-pagefind-body><h1>{title}</h1><p>{text}</p>
<dl><dt>Veldnaam</dt><dd>waarde</dd></dl></main></body></html>"""


def page(title: str, text: str) -> str:
    return PAGE.format(title=title, text=text)


def entry(site: Path) -> dict:
    return json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))


def test_url_of_a_site_file():
    assert indexer.url_of("index.html") == "/"
    assert indexer.url_of("voorbeelden/stroomlijn/index.html") == "/voorbeelden/stroomlijn/"
    assert indexer.url_of("404.html") == "/404.html"


def test_pages_sent_during_the_build_and_pages_on_disk_end_up_in_one_index(tmp_path):
    (tmp_path / "los").mkdir()
    (tmp_path / "los" / "index.html").write_text(page("Los", "samenwerkingsverband"), encoding="utf-8")
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "oud.txt").write_text("van een vorige build", encoding="utf-8")
    index = indexer.Indexer()
    index.add("/a/", page("Eerste", "gemeenten werken samen in de regio"))
    index.add("/b/", page("Tweede", "dorpen en leefbaarheid"))
    stats = index.finish(tmp_path, others=["los/index.html", "a/index.html", "bestaat-niet.html"])
    assert stats.pages == 3 and not stats.errors
    assert entry(tmp_path)["languages"]["nl"]["page_count"] == 3  # Dutch stemming, one index
    assert not (tmp_path / "pagefind" / "oud.txt").exists()  # the old index is replaced, not mixed in
    assert not (tmp_path / "pagefind" / "pagefind-ui.js").exists()
    fragments = list((tmp_path / "pagefind" / "fragment").iterdir())
    assert len(fragments) == 3


def test_index_site_reads_every_html_file_of_a_built_site(tmp_path):
    for name in ("een", "twee"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(page(name, "inwoners"), encoding="utf-8")
    assert indexer.index_site(tmp_path).pages == 2


def test_a_broken_indexer_is_a_clear_error_not_a_hang(tmp_path, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(indexer.IndexFailed, match="zoekindex \\(Pagefind\\) kon niet worden gemaakt"):
        indexer.Indexer()


def test_build_stops_with_a_dutch_message_when_pagefind_fails(mini, tmp_path):
    site = tmp_path / "site"
    os.environ["PAGEFIND_BINARY_PATH"] = "/bin/false"
    try:
        result = mkdocs_build(mini, site)
    finally:
        del os.environ["PAGEFIND_BINARY_PATH"]
    assert result.returncode == 1
    assert "de zoekindex (Pagefind) kon niet worden gemaakt" in result.stderr
    assert "Traceback" not in result.stderr
