"""Aliases: an old address redirects to the page's new address, anchor and query kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import mkdocs_build
from kb_browser import chromium, needs_chromium, serve
from kennisbank.core import load_site
from kennisbank.publish.paths import dest_of as alias_dest, public_url as absolute_url, relative_url
from kennisbank.publish.redirects import to_write

OLD = "content/examples/stroomlijn.md"
NEW = "content/examples/stroomlijn-vervoer.md"


@pytest.mark.parametrize("alias,dest", [
    ("/voorbeelden/oud/", "voorbeelden/oud/index.html"),
    ("/oud/", "oud/index.html"),
    ("/a/b/c/", "a/b/c/index.html"),
    ("/", "index.html"),
])
def test_alias_dest(alias, dest):
    assert alias_dest(alias) == dest


@pytest.mark.parametrize("alias,target,expected", [
    ("/voorbeelden/oud/", "voorbeelden/nieuw/", "../nieuw/"),  # same section: one level up
    ("/oud/", "lessen/x/", "../lessen/x/"),  # top level to a nested page
    ("/a/b/c/", "lessen/x/", "../../../lessen/x/"),  # deep alias
    ("/lessen/x/oud/", "lessen/x/", "../"),  # an alias below its own target
    ("/voorbeelden/oud/", "lessen/x/", "../../lessen/x/"),  # another section
    ("/voorbeelden/oud/", "/lessen/x/", "../../lessen/x/"),  # target written as a site path
    ("/voorbeelden/oud/", "voorbeelden/oud/", "./"),  # degenerate: itself
])
def test_relative_url(alias, target, expected):
    assert relative_url(alias, target) == expected


@pytest.mark.parametrize("site_url,target,expected", [
    ("https://kb.example.org/", "lessen/x/", "https://kb.example.org/lessen/x/"),
    ("https://kb.example.org", "lessen/x/", "https://kb.example.org/lessen/x/"),
    ("https://vgs.example.org/kennisbank/", "lessen/x/", "https://vgs.example.org/kennisbank/lessen/x/"),
    (None, "lessen/x/", "/lessen/x/"),
    ("", "lessen/x/", "/lessen/x/"),
])
def test_absolute_url(site_url, target, expected):
    assert absolute_url(site_url, target) == expected


def rename_with_alias(root: Path, alias: str = "/voorbeelden/stroomlijn/") -> None:
    """Rename the Stroomlijn example the way an editor does, keeping its old address as an alias."""
    text = (root / OLD).read_text(encoding="utf-8")
    (root / OLD).unlink()
    (root / NEW).write_text(text.replace("status: lopend\n", f"status: lopend\naliases: [{alias}]\n", 1),
                            encoding="utf-8")


def test_renamed_page_keeps_its_old_address(mini, tmp_path):
    rename_with_alias(mini)
    site = tmp_path / "site"
    result = mkdocs_build(mini, site)
    assert result.returncode == 0, result.stderr
    assert (site / "voorbeelden/stroomlijn-vervoer/index.html").is_file()
    page = (site / "voorbeelden/stroomlijn/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://mini.example.org/voorbeelden/stroomlijn-vervoer/">' in page
    assert '<meta http-equiv="refresh" content="0; url=../stroomlijn-vervoer/">' in page
    assert 'location.replace("../stroomlijn-vervoer/" + location.search + location.hash)' in page
    assert '<html lang="nl">' in page and "verhuisd naar" in page
    # The old URL is not listed as a page of its own anywhere.
    assert "voorbeelden/stroomlijn/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_redirect_never_replaces_a_file_of_the_build(mini):
    """The last guard, behind the checks of the content: a warning (the plugin logs it, so --strict fails)."""
    rename_with_alias(mini)
    site = load_site(mini)
    found, warnings = to_write(site, "https://mini.example.org/", set())
    assert [r.alias for r in found] == ["/voorbeelden/stroomlijn/"] and warnings == []
    found, warnings = to_write(site, "https://mini.example.org/", {"voorbeelden/stroomlijn/index.html"})
    assert found == []
    assert warnings == ["Kennisbank: oud adres /voorbeelden/stroomlijn/ is ook een pagina van de site; de "
                        "doorverwijzing naar https://mini.example.org/voorbeelden/stroomlijn-vervoer/ is niet geschreven"]


def test_redirect_page_escapes_the_title(mini, tmp_path):
    rename_with_alias(mini)
    path = mini / NEW
    path.write_text(path.read_text(encoding="utf-8").replace("title: Stroomlijn", 'title: "Stroomlijn <b>&</b>"'),
                    encoding="utf-8")
    site = tmp_path / "site"
    assert mkdocs_build(mini, site).returncode == 0
    page = (site / "voorbeelden/stroomlijn/index.html").read_text(encoding="utf-8")
    assert "Stroomlijn &lt;b&gt;&amp;&lt;/b&gt;" in page and "<b>" not in page


def test_alias_may_not_take_a_tag_page(mini, tmp_path):
    rename_with_alias(mini, "/tags/vervoer/")
    site = tmp_path / "site"
    result = mkdocs_build(mini, site)
    assert result.returncode == 1
    assert f"{NEW}:12: aliases: oud adres /tags/vervoer/ botst met " in result.stderr
    assert not site.exists()


def test_alias_may_not_take_a_plain_page(mini, tmp_path):
    (mini / "content/over.md").write_text("---\ntitle: Over\n---\nOver de site.\n", encoding="utf-8")
    rename_with_alias(mini, "/over/")
    result = mkdocs_build(mini, tmp_path / "site")
    assert result.returncode == 1
    assert f"{NEW}:12: aliases: oud adres /over/ botst met content/over.md" in result.stderr


@needs_chromium
def test_old_address_redirects_in_a_browser_and_keeps_the_anchor(mini, tmp_path):
    rename_with_alias(mini)
    site = tmp_path / "site"
    assert mkdocs_build(mini, site).returncode == 0
    with serve(site) as base, chromium() as context:
        page = context.new_page()
        page.goto(base + "voorbeelden/stroomlijn/#context")
        page.wait_for_url(base + "voorbeelden/stroomlijn-vervoer/#context")
        assert page.locator("h1").inner_text() == "Stroomlijn"
        assert page.evaluate("document.getElementById('context') !== null")
        # A query string (a filter, a campaign tag) survives too.
        page.goto(base + "voorbeelden/stroomlijn/?bron=dia#context")
        page.wait_for_url(base + "voorbeelden/stroomlijn-vervoer/?bron=dia#context")


@needs_chromium
def test_old_address_redirects_without_javascript(mini, tmp_path):
    rename_with_alias(mini)
    site = tmp_path / "site"
    assert mkdocs_build(mini, site).returncode == 0
    from playwright.sync_api import sync_playwright

    from kb_browser import ARGS, CHROMIUM

    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(java_script_enabled=False)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        page = context.new_page()
        page.goto(base + "voorbeelden/stroomlijn/")
        page.wait_for_url(base + "voorbeelden/stroomlijn-vervoer/")  # the meta refresh
        browser.close()
