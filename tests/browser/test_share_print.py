"""Share panel, QR codes, deep links and print: in the HTML, in real Chromium, and on paper (PDF)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import mkdocs_build
from kb_browser import (chromium, needs_chromium, needs_poppler, needs_zbar, pdf_pages, pdf_text, print_pdf,
                        qr_codes, serve)

LESSON = "content/lessons/verschillen.md"


@pytest.fixture
def built(mini, tmp_path) -> Path:
    """The mini site, with a link in a lesson body so that print shows a link target."""
    path = mini / LESSON
    path.write_text(path.read_text(encoding="utf-8") + "\nZie ook [Proeftuin De Ruwaard](../examples/de-ruwaard.md).\n",
                    encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(mini, site)
    assert result.returncode == 0, result.stderr
    return site


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


# --- the built pages ---------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["lessen/verschillen", "voorbeelden/stroomlijn", "themas/leren"])
def test_share_panel_on_lessons_examples_and_themes(built, url):
    page = html(built, url)
    panel = page.split('<aside class="kb-share"', 1)[1].split("</aside>", 1)[0]
    assert f'href="https://mini.example.org/{url}/"' in panel
    assert f"mini.example.org/<wbr>{url.replace('/', '/<wbr>')}/<wbr>" in panel
    assert f'data-kb-copy="https://mini.example.org/{url}/"' in panel
    assert panel.count('<svg class="kb-qr"') == 1
    assert 'data-pagefind-ignore="all"' in page.split('<aside class="kb-share"', 1)[1][:80]


def test_pages_link_print_css_and_scripts_without_network(built):
    page = html(built, "lessen/verschillen")
    assert re.search(r'<link rel="stylesheet" href="../../assets/kennisbank/print.css" media="print">', page)
    assert '<script src="../../assets/kennisbank/share.js" defer></script>' in page
    assert (built / "assets/kennisbank/print.css").is_file() and (built / "assets/kennisbank/share.js").is_file()
    assert not re.search(r'<img[^>]+src="https?:', page)


def test_theme_lessons_have_their_anchor_control(built):
    page = html(built, "themas/leren")
    assert 'id="les-verschillen"' in page
    assert re.search(r'<a class="kb-anchor" href="#les-verschillen"[^>]*>', page)


def test_markdown_headings_have_permanent_links(real_site):
    """mkdocs.yml turns on toc permalinks; the mini fixture leaves them to share.js (tested in Chromium)."""
    page = html(real_site, "lessen/verhaal-van-de-regio")
    assert re.search(r'<h2 id="wat-de-les-betekent">Wat de les betekent<a class="headerlink" '
                     r'href="#wat-de-les-betekent" title="Link naar dit kopje">', page)


# --- in the browser ----------------------------------------------------------------------------

@needs_chromium
def test_copy_buttons_and_heading_links_in_chromium(built):
    with serve(built) as base, chromium() as context:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "lessen/verschillen/")
        clipboard = "navigator.clipboard.readText()"
        # The share panel's copy button: the permanent address, not the local one.
        page.click("[data-kb-copy]")
        assert page.evaluate(clipboard) == "https://mini.example.org/lessen/verschillen/"
        # The message appears in the panel, under its buttons, not as a toast over the page.
        assert "gekopieerd" in page.locator("[data-kb-share-status]").inner_text()
        # The QR code opens on request, for a beamer.
        assert not page.locator(".kb-share__qr").is_visible()
        page.click("[data-kb-qr-toggle]")
        assert page.locator(".kb-share__qr svg").is_visible()
        assert page.locator(".kb-share__qr svg").bounding_box()["width"] >= 150
        # A Markdown heading's permanent link: shown on hover, copies the address with the anchor.
        link = page.locator("#wat-de-les-betekent .headerlink")
        assert float(link.evaluate("a => getComputedStyle(a).opacity")) == 0
        page.hover("#wat-de-les-betekent")
        page.wait_for_function("() => getComputedStyle(document.querySelector('#wat-de-les-betekent .headerlink')).opacity === '1'")
        link.click()
        assert page.evaluate(clipboard) == "https://mini.example.org/lessen/verschillen/#wat-de-les-betekent"
        assert page.url.endswith("#wat-de-les-betekent")
        # A heading from our templates gets the same control.
        page.locator("#in-de-praktijk .headerlink").click()
        assert page.evaluate(clipboard) == "https://mini.example.org/lessen/verschillen/#in-de-praktijk"
        # A lesson on its theme page.
        page.goto(base + "themas/leren/")
        page.locator("#les-verschillen .kb-anchor").click()
        assert page.evaluate(clipboard) == "https://mini.example.org/themas/leren/#les-verschillen"
        assert not errors


@needs_chromium
def test_print_media_shows_article_address_and_qr_only(built):
    with serve(built) as base, chromium() as context:
        page = context.new_page()
        page.goto(base + "lessen/verschillen/")
        page.emulate_media(media="print")
        display = "(sel) => getComputedStyle(document.querySelector(sel)).display"
        for hidden in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".kb-crumbs",
                       ".kb-share__actions"]:
            assert page.evaluate(display, hidden) == "none", hidden
        for shown in [".kb-share__qr", ".kb-share__print-note", ".kb-source"]:
            assert page.evaluate(display, shown) != "none", shown
        after = page.evaluate("""() => getComputedStyle(
            document.querySelector('.kb-body a[data-kb-print-url]'), '::after').content""")
        assert "mini.example.org/voorbeelden/de-ruwaard/" in after


@needs_chromium
@needs_poppler
def test_printed_lesson_pdf(built, tmp_path):
    with serve(built) as base, chromium() as context:
        pdf = print_pdf(context, base + "lessen/verschillen/", tmp_path / "les.pdf")
    text = pdf_text(pdf)
    assert "Van verschillen leer je meer" in text
    assert "Bron:" in text and "Leren van elkaar" in text
    assert "mini.example.org/lessen/verschillen/" in text.replace("\n", "").replace(" ", "")
    assert "Proeftuin De Ruwaard (mini.example.org/voorbeelden/de-ruwaard/)" in " ".join(text.split())
    for chrome in ["Inhoudsopgave", "Kopieer link", "Toon QR-code", "Made with"]:
        assert chrome not in text, chrome
    pages = pdf_pages(pdf)
    assert len(pages) == 1


@needs_chromium
@needs_poppler
@needs_zbar
def test_printed_qr_code_scans_to_the_page(built, tmp_path):
    with serve(built) as base, chromium() as context:
        pdf = print_pdf(context, base + "voorbeelden/stroomlijn/", tmp_path / "voorbeeld.pdf")
    assert qr_codes(pdf_pages(pdf)[0]) == ["https://mini.example.org/voorbeelden/stroomlijn/"]


@needs_chromium
def test_without_the_qr_library_a_filtered_address_gets_link_copy_and_print(mini, tmp_path):
    """Without `npm ci` (the mini project has no node_modules) the build still passes --strict and says so
    in one Dutch line; a filtered address then gets its link, copy and print buttons, but no QR code."""
    site = tmp_path / "site"
    result = mkdocs_build(mini, site)
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "QR-bibliotheek" in line]
    assert len(said) == 1 and said[0].startswith("INFO") and "make install" in said[0], said
    assert not (site / "assets/kennisbank/vendor").exists()
    assert "data-kb-qr-library" not in html(site, "voorbeelden")
    with serve(site) as base, chromium() as context:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "voorbeelden/?theme=leren", wait_until="load")
        panel = page.locator("[data-kb-share]")
        page.wait_for_function("() => (document.querySelector('[data-kb-share]').getAttribute('data-kb-share-now')"
                               " || '').includes('?theme=leren')")
        shared = panel.get_attribute("data-kb-share-now")
        assert shared.startswith("https://mini.example.org/voorbeelden/?theme=leren")
        assert panel.locator(".kb-share__url").get_attribute("href") == shared
        assert panel.get_by_role("button", name="Kopieer link").is_visible()
        assert panel.get_by_role("button", name="Print").is_visible()
        assert panel.get_by_role("button", name="Toon QR-code").count() == 0  # hidden
        assert panel.locator(".kb-share__qr svg").count() == 0  # not the unfiltered page's code either
        page.emulate_media(media="print")
        assert not panel.locator(".kb-share__qr").is_visible()
        assert not panel.locator(".kb-share__print-note").is_visible()
        page.emulate_media(media="screen")
        # Back to the page without filters: the build's own code, and its button, return.
        page.evaluate("history.pushState(null, '', location.pathname); dispatchEvent(new PopStateEvent('popstate'))")
        panel.get_by_role("button", name="Toon QR-code").click()
        assert panel.locator(".kb-share__qr svg title").text_content() == "QR-code voor mini.example.org/voorbeelden/"
        assert not errors
