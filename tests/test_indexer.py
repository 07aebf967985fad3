"""Pagefind: pages set aside during the build, an index on disk after it, a clear message when it fails."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from kennisbank import indexer
from pagefind_index import canonical

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
    index.write(tmp_path, others=["los/index.html", "a/index.html", "bestaat-niet.html"])
    stats = index.finish()
    assert stats.pages == 3
    assert not index.folder.exists()  # the pages set aside are gone
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
    index = indexer.Indexer()
    index.add("/a/", page("Eerste", "gemeenten"))
    index.write(tmp_path)
    with pytest.raises(indexer.IndexFailed, match="zoekindex \\(Pagefind\\) kon niet worden gemaakt \\(code 1\\)"):
        index.finish()
    assert not index.folder.exists()
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "bestaat-niet"))
    index = indexer.Indexer()
    with pytest.raises(indexer.IndexFailed, match="kon niet worden gemaakt"):
        index.write(tmp_path)
    assert not index.folder.exists()


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


def test_indexable_keeps_the_marked_elements_and_drops_what_pagefind_ignores():
    html = ('<!doctype html><html lang="nl" class="no-js"><head><title>T</title></head><body>'
            '<nav>Menu</nav><header class="kop" data-pagefind-body><h1>Titel</h1>'
            '<aside data-pagefind-ignore="all"><svg>QR</svg></aside><p>Samenvatting</p></header>'
            '<p>Tekst over data-pagefind-body, geen kenmerk</p>'
            '<div class="tekst" data-pagefind-body><div><p>Eén</p></div><div>Twee</div></div>'
            '<footer>Voet</footer></body></html>')
    assert indexer.indexable(html) == (
        '<html lang="nl" class="no-js"><body><header class="kop" data-pagefind-body><h1>Titel</h1>'
        '<p>Samenvatting</p></header><div class="tekst" data-pagefind-body><div><p>Eén</p></div>'
        '<div>Twee</div></div></body></html>')
    assert indexer.indexable("<html><body><p>niets gemarkeerd</p></body></html>") == "<html><body></body></html>"


def test_index_of_the_marked_parts_equals_the_index_of_whole_pages(real_site, tmp_path):
    """The build sends Pagefind only `indexable(page)`; the index must be what whole pages give."""
    whole = tmp_path / "site"
    shutil.copytree(real_site, whole, ignore=shutil.ignore_patterns("pagefind"))
    index = indexer.Indexer()
    for page in sorted(whole.rglob("*.html")):
        path = page.relative_to(whole).as_posix()
        index.add(indexer.url_of(path), page.read_text(encoding="utf-8"))
    index.write(whole)
    index.finish()
    fragments = {p.name for p in (real_site / "pagefind" / "fragment").iterdir()}
    assert fragments == {p.name for p in (whole / "pagefind" / "fragment").iterdir()}  # names are content hashes
    built, full = by_page(real_site / "pagefind"), by_page(whole / "pagefind")
    assert built == full and built["soort"]


def by_page(pagefind: Path) -> dict:
    """Each filter value with the pages (by fragment hash) that carry it: free of the page order."""
    index = canonical(pagefind)
    pages = index["metas"][0][1]
    return {name: {value: sorted(pages[n][0] for n in numbers) for value, numbers in values}
            for name, values in index["filters"].items()}


def test_the_site_is_indexed_with_the_pagefind_that_package_lock_pins(real_site):
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/pagefind"]["version"]
    if not (ROOT / "node_modules" / "pagefind").is_dir():
        pytest.skip("npm ci is niet gedraaid: de build gebruikt Pagefind van PyPI")
    assert indexer.executable(ROOT).is_relative_to(ROOT / "node_modules")
    assert entry(real_site)["version"] == pinned


def test_without_node_modules_the_pypi_pagefind_is_used(tmp_path):
    assert "node_modules" not in indexer.executable(tmp_path).parts
