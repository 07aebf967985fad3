"""Every link, anchor and asset in the built site resolves; external links are listed, not fetched.

The crawler (tests/linkcheck.py) starts at the home page and follows what a browser would: links,
stylesheets, scripts, icons, forms, redirect pages and the search bundle. The list of external links
goes to test-artifacts/external-links.txt and into the test output.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from browser import ARTIFACTS
from conftest import ROOT
from linkcheck import crawl


def site_url() -> str:
    """site_url from mkdocs.yml; its !ENV [KENNISBANK_SITE_URL, default] read as MkDocs reads it."""
    from mkdocs.utils.yaml import yaml_load

    return yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


@pytest.fixture(scope="module")
def crawled(real_site):
    return crawl(real_site, site_url(), start=("", "404.html"))


def test_every_link_and_anchor_in_the_real_site_resolves(crawled, capsys):
    result = crawled
    assert not result.broken, "\n".join(result.broken)
    # External links are reported for people to check now and then, never fetched by the tests.
    report = result.external_report()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "external-links.txt").write_text(report + "\n", encoding="utf-8")
    with capsys.disabled():
        print("\n" + report.splitlines()[0] + " — zie test-artifacts/external-links.txt")


def test_every_page_is_reachable_from_the_home_page(real_site, crawled):
    """No page is an orphan: a reader can click their way to all of them (old addresses excepted)."""
    result = crawled
    pages = {p.relative_to(real_site).as_posix() for p in real_site.rglob("*.html")}
    redirects = {p for p in pages if 'name="robots" content="noindex"' in (real_site / p).read_text(encoding="utf-8")}
    # The web form (admin/, Decap CMS) is for editors, who find it through CONTRIBUTING.md.
    orphans = pages - result.pages - redirects - {"404.html", "admin/index.html"}
    assert not orphans, sorted(orphans)
    # The search bundle and our own assets were reached through the pages, not assumed.
    assert "pagefind/pagefind.js" in result.files
    assert {"assets/kennisbank/kennisbank.css", "assets/kennisbank/search.js"} <= result.files


def test_sitemap_catalog_and_feed_point_at_pages(real_site):
    base = site_url()
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    catalog = (real_site / "catalog.json").read_text(encoding="utf-8")
    feed = (real_site / "feed.xml").read_text(encoding="utf-8")
    urls = set(re.findall(r"<loc>([^<]+)</loc>", sitemap)) | set(re.findall(rf'"({re.escape(base)}[^"]*)"', catalog))
    urls |= set(re.findall(r'href="([^"]+)"', feed))
    assert len(urls) > 100
    missing = [u for u in sorted(urls) if not u.startswith(base)
               or not (real_site / u[len(base):] / "index.html").is_file() and not (real_site / u[len(base):]).is_file()]
    assert not missing, missing


def test_old_addresses_redirect_to_existing_pages(hostile_site):
    """Redirect pages (aliases) lead to a page that exists, by meta refresh and by script."""
    site, project = hostile_site
    aliases = [a for a in re.findall(r"^\s*- (/[a-z0-9/-]+/)$", "\n".join(
        p.read_text(encoding="utf-8") for p in (project / "content").rglob("*.md")), re.M)]
    assert aliases
    result = crawl(site, "https://mini.example.org/", start=tuple(aliases))
    assert not result.broken, "\n".join(result.broken)
    for alias in aliases:
        page = (site / alias.strip("/") / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' in page and "location.replace(" in page


def test_the_crawler_finds_what_is_broken(tmp_path: Path):
    """The crawler itself: a missing page, a missing anchor, a missing stylesheet image, a javascript: link."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">a</a> <a href="a/#er">anker</a> <a href="a/#weg">weg</a> <a href="b/">b</a>'
        '<link rel="stylesheet" href="s.css"> <a href="https://example.org/x">extern</a>'
        '<a href="JaVa&#x09;script:alert(1)">x</a>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h2 id="er">Er</h2><a href="../">terug</a>', encoding="utf-8")
    (tmp_path / "s.css").write_text("body { background: url('img/weg.png') }", encoding="utf-8")
    result = crawl(tmp_path)
    assert sorted(result.broken) == sorted([
        "index.html <a href>: a/#weg (anker #weg ontbreekt)",
        "index.html <a href>: b/ (bestand ontbreekt)",
        "index.html <a href>: JaVa\tscript:alert(1) (verboden schema)",
        "s.css url(): img/weg.png (bestand ontbreekt)",
    ])
    assert set(result.external) == {"https://example.org/x"}
    assert result.pages == {"index.html", "a/index.html"}
