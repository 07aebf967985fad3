"""Pagefind: the written site indexed once at the end of the build, a clear message when it fails."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from kennisbank.adapter import pagefind as indexer
from kennisbank.publish.paths import path_of_dest

PAGE = """<!doctype html><html lang="nl"><head><title>{title}</title></head>
<body><nav>Menu</nav><main data-pagefind-body><h1>{title}</h1><p>{text}</p>
<dl><dt>Veldnaam</dt><dd>waarde</dd></dl></main></body></html>"""


def page(title: str, text: str) -> str:
    return PAGE.format(title=title, text=text)


def entry(site: Path) -> dict:
    return json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))


def test_site_path_of_a_site_file():
    assert path_of_dest("index.html") == "/"
    assert path_of_dest("voorbeelden/stroomlijn/index.html") == "/voorbeelden/stroomlijn/"
    assert path_of_dest("404.html") == "/404.html"


def test_every_marked_page_of_the_site_ends_up_in_one_dutch_index(tmp_path):
    for name, text in (("a", "gemeenten werken samen in de regio"), ("b", "dorpen en leefbaarheid"),
                       ("los", "samenwerkingsverband")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(page(name, text), encoding="utf-8")
    (tmp_path / "oud").mkdir()  # a redirect page: nothing marked, never a result
    (tmp_path / "oud" / "index.html").write_text("<html><body><p>Verhuisd</p></body></html>", encoding="utf-8")
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "oud.txt").write_text("van een vorige build", encoding="utf-8")
    stats = indexer.index_site(tmp_path)
    assert stats.pages == 3
    assert entry(tmp_path)["languages"]["nl"]["page_count"] == 3  # Dutch stemming, one index
    assert not (tmp_path / "pagefind" / "pagefind-ui.js").exists()
    assert len(list((tmp_path / "pagefind" / "fragment").iterdir())) == 3


def test_a_broken_indexer_is_a_clear_error_not_a_hang(tmp_path, monkeypatch):
    (tmp_path / "index.html").write_text(page("Eerste", "gemeenten"), encoding="utf-8")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(indexer.IndexFailed, match="zoekindex \\(Pagefind\\) kon niet worden gemaakt \\(code 1\\)"):
        indexer.index_site(tmp_path)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "bestaat-niet"))
    with pytest.raises(indexer.IndexFailed, match="kon niet worden gemaakt"):
        indexer.index_site(tmp_path)


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


def test_the_site_is_indexed_with_the_pagefind_that_package_lock_pins(real_site):
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/pagefind"]["version"]
    if not (ROOT / "node_modules" / "pagefind").is_dir():
        pytest.skip("npm ci is niet gedraaid: de build gebruikt Pagefind van PyPI")
    assert indexer.executable(ROOT).is_relative_to(ROOT / "node_modules")
    assert entry(real_site)["version"] == pinned


def test_without_node_modules_the_pypi_pagefind_is_used(tmp_path):
    assert "node_modules" not in indexer.executable(tmp_path).parts
