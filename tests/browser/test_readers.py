"""Readers and the association, in real Chromium: the examples overview, page polish, share panels and
printed pages, on the real site as the test run builds it once (conftest.real_site; its public address is
mkdocs.yml's, a publishing build's is tested in tests/integration/test_site_address.py). Screenshots and
printed pages go to test-artifacts/readers/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import ARTIFACTS, DESKTOP, PHONE, screenshot
from kb_browser import needs_chromium, needs_poppler, needs_zbar, pdf_pages, pdf_text, qr_codes

PUBLIC = "https://kennisbank.example.org/"  # site_url in mkdocs.yml without KENNISBANK_SITE_URL
OUT = ARTIFACTS / "readers"
pytestmark = needs_chromium

# One page of every kind the site makes.
PAGES = ["", "themas/", "themas/leren-te-leren/", "lessen/", "lessen/verhaal-van-de-regio/", "voorbeelden/",
         "voorbeelden/?theme=organisatieontwikkeling&sort=-period", "voorbeelden/stroomlijn/", "tags/",
         "tags/regionale-samenwerking/", "organisaties/", "organisaties/drechtsteden/", "bronnen/",
         "bronnen/leren-van-elkaar/", "bijeenkomsten/", "bijeenkomsten/regiobijeenkomst-leren-van-elkaar/",
         "zoeken/?q=samenwerken", "over/", "bestaat-niet/"]


@pytest.fixture(scope="module")
def site(real_site) -> Path:
    return real_site


@pytest.fixture(scope="module")
def base(site_url) -> str:
    return site_url


@pytest.fixture
def open_page(watched, base):
    """A watched page of this module's site (conftest.watched), allowed to use the clipboard."""

    def opened(url: str, viewport=DESKTOP, color_scheme="light", **options):
        watch, page = watched(viewport=viewport, color_scheme=color_scheme, base_url=base, **options)
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.goto(base + url, wait_until="load")
        return watch, page

    return opened


def rows(page) -> list[str]:
    return page.eval_on_selector_all("[data-kb-table] tbody tr:not([hidden]) td:first-child",
                                     "cells => cells.map(c => c.textContent.trim())")


def periods(page) -> list[str]:
    return page.eval_on_selector_all("[data-kb-table] tbody tr:not([hidden]) td[data-label=Periode]",
                                     "cells => cells.map(c => c.textContent.trim())")


# --- widths ----------------------------------------------------------------------------------------

SHOTS = ("voorbeelden/", "themas/leren-te-leren/", "lessen/verhaal-van-de-regio/", "organisaties/",
         "bijeenkomsten/regiobijeenkomst-leren-van-elkaar/", "zoeken/?q=samenwerken")


def shot_name(url: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", url).strip("-") or "start"


def test_no_page_is_wider_than_a_phone(open_page, base):
    too_wide = []
    watch, page = open_page("", viewport=PHONE)
    for url in PAGES:
        page.goto(base + url, wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide.append(f"/{url}: {width} px")
        if url in SHOTS:
            screenshot(page, f"readers/390-light/{shot_name(url)}")
    assert not too_wide, "breder dan 390 px: " + ", ".join(too_wide)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_dark_pages_fit_too(open_page, base, viewport):
    watch, page = open_page("", viewport=viewport, color_scheme="dark")
    for url in SHOTS[:3]:
        page.goto(base + url, wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], url
        screenshot(page, f"readers/{viewport['width']}-dark/{shot_name(url)}")
    watch.assert_clean()


def test_overview_keeps_words_whole_at_desktop_width(open_page, base):
    watch, page = open_page("voorbeelden/")
    for url in SHOTS[1:]:
        page.goto(base + url, wait_until="load")
        screenshot(page, f"readers/1280-light/{shot_name(url)}")
    page.goto(base + "voorbeelden/", wait_until="load")
    screenshot(page, "readers/1280-light/voorbeelden")
    # Every word in every cell on one line: a word whose text spans two line boxes was broken.
    broken = page.evaluate("""() => {
      const out = [];
      const walker = document.createTreeWalker(document.querySelector('[data-kb-table]'), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const re = /[^\\s-]+/g; let m;  // a break after a hyphen is allowed, within a word part not
        while ((m = re.exec(node.data))) {
          const range = document.createRange();
          range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
          if (tops.size > 1) out.push(m[0]);
        }
      }
      return out;
    }""")
    assert broken == []
    # The table uses the page's width: no sidebars beside it.
    width = page.evaluate("document.querySelector('[data-kb-table]').getBoundingClientRect().width")
    assert width > 1000
    watch.assert_clean()


# --- the overview ----------------------------------------------------------------------------------

def test_zero_results_say_so_with_a_way_back(open_page):
    watch, page = open_page("voorbeelden/?q=zzzz")
    empty = page.locator("[data-kb-empty]")
    assert empty.is_visible()
    assert "Geen praktijkvoorbeelden met deze filters" in empty.inner_text()
    assert not page.locator("[data-kb-table]").is_visible()
    assert page.locator("[data-kb-count]").inner_text() == "0 van de 13 praktijkvoorbeelden"
    screenshot(page, "readers/1280-light/voorbeelden-geen")
    empty.get_by_role("button", name="Wis filters en toon alles").click()
    page.wait_for_function("() => document.querySelectorAll('[data-kb-table] tbody tr:not([hidden])').length === 13")
    assert page.locator("[data-kb-table]").is_visible() and not empty.is_visible()
    assert "q=" not in page.url
    watch.assert_clean()


def test_sorting_is_shown_and_kept_in_the_address(open_page):
    watch, page = open_page("voorbeelden/")
    title = page.locator("th[data-sort=title]")
    period = page.locator("th[data-sort=period]")
    assert title.get_attribute("aria-sort") == "ascending" and period.get_attribute("aria-sort") is None
    assert rows(page) == sorted(rows(page), key=str.lower)
    period.locator("button").click()
    assert period.get_attribute("aria-sort") == "ascending" and title.get_attribute("aria-sort") is None
    assert page.evaluate("getComputedStyle(document.querySelector('th[data-sort=period] button'), '::after').content") \
        == '" ▲"'
    assert page.url.endswith("?sort=period")
    shown = periods(page)
    known = [p for p in shown if p != "onbekend"]
    assert shown == known + ["onbekend"] * (len(shown) - len(known))  # unknown periods last
    years = [int(re.search(r"\d{4}", p).group()) for p in known]
    assert years == sorted(years) and len(known) >= 5
    period.locator("button").click()
    assert period.get_attribute("aria-sort") == "descending" and page.url.endswith("?sort=-period")
    shown = periods(page)
    assert shown[-1] == "onbekend" and shown[0] != "onbekend"  # also last when sorted the other way
    watch.assert_clean()


def test_a_shared_address_restores_filters_and_sort_without_a_layout_shift(open_page):
    watch, page = open_page("voorbeelden/?theme=organisatieontwikkeling&province=Noord-Holland&sort=-period")
    assert page.locator("select[name=theme]").input_value() == "organisatieontwikkeling"
    assert page.locator("select[name=province]").input_value() == "Noord-Holland"
    assert page.locator("th[data-sort=period]").get_attribute("aria-sort") == "descending"
    assert rows(page) == ["Grip op Loslaten: experimenteren met Wij-Werken",
                          "DRIFT-onderzoek naar aansluitingsvermogen", "Vitale dorpen"]
    assert periods(page) == ["2018", "tot 2016", "onbekend"]
    # Layout shift as Chromium measures it (the CLS metric), over the whole load: none at all.
    shift = page.evaluate("""() => new Promise(resolve => {
      let total = 0;
      new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
        .observe({type: 'layout-shift', buffered: true});
      setTimeout(() => resolve(total), 300);
    })""")
    assert shift == 0
    # The first row a reader sees is the first row of the filtered list, not of all 13.
    painted = page.evaluate("""() => performance.getEntriesByType('paint').map(e => e.name)""")
    assert "first-contentful-paint" in painted
    assert page.evaluate("document.documentElement.classList.contains('kb-restoring')") is False
    screenshot(page, "readers/1280-light/voorbeelden-gedeeld")
    watch.assert_clean()


def test_without_javascript_the_overview_is_the_complete_list(open_page):
    watch, page = open_page("voorbeelden/?theme=organisatieontwikkeling&sort=-period", java_script_enabled=False)
    assert len(rows(page)) == 13
    assert page.locator("[data-kb-table]").is_visible()
    assert not page.locator("[data-kb-filters]").is_visible()
    assert not page.locator("[data-kb-empty]").is_visible()


# --- page polish -----------------------------------------------------------------------------------

@pytest.mark.parametrize("url,tab", [
    ("themas/leren-te-leren/", "Thema's"), ("lessen/verhaal-van-de-regio/", "Lessen"),
    ("voorbeelden/stroomlijn/", "Praktijkvoorbeelden"), ("organisaties/drechtsteden/", "Organisaties"),
    ("tags/regionale-samenwerking/", "Tags"), ("bronnen/leren-van-elkaar/", "Bronnen"),
    ("bijeenkomsten/regiobijeenkomst-leren-van-elkaar/", "Bijeenkomsten"), ("voorbeelden/", "Praktijkvoorbeelden"),
])
def test_the_sections_tab_is_marked(site, url, tab):
    page = (site / url / "index.html").read_text(encoding="utf-8")
    active = re.findall(r'<li class="md-tabs__item md-tabs__item--active">\s*<a href="[^"]*" class="md-tabs__link">'
                        r"\s*([^<]+?)\s*</a>", page)
    assert active == [tab]


def test_lesson_page_facts_chips_and_neighbours(open_page):
    watch, page = open_page("lessen/veilig-leren/")
    assert page.locator(".kb-facts").inner_text().count("2 van 11 in dit thema") == 1
    gaps = page.evaluate("""() => {
      const chips = [...document.querySelectorAll('.kb-facts .kb-chip')].map(c => c.getBoundingClientRect());
      const gaps = [];
      for (let i = 1; i < chips.length; i++) if (Math.abs(chips[i].top - chips[i - 1].top) < 2) gaps.push(Math.round(chips[i].left - chips[i - 1].right));
      return {gaps, first: chips.length ? Math.round(chips[0].left - document.querySelector('.kb-facts dd').getBoundingClientRect().left) : null};
    }""")
    assert gaps["first"] == 0 and len(set(gaps["gaps"])) == 1, gaps
    pager = page.locator(".kb-pager")
    assert pager.locator("a[rel=prev]").get_attribute("href") == "../../lessen/verschillen-leren-meer/"
    assert pager.locator("a[rel=next]").get_attribute("href") == "../../lessen/stapje-terug/"
    assert "Volgende les" in pager.inner_text()
    watch.assert_clean()


def test_heading_links_show_on_hover_and_are_no_tab_stops(open_page):
    watch, page = open_page("lessen/verhaal-van-de-regio/")
    link = page.locator("h2#wat-de-les-betekent .headerlink")
    assert link.get_attribute("tabindex") == "-1"
    assert page.evaluate("getComputedStyle(document.querySelector('h2#wat-de-les-betekent .headerlink')).opacity") == "0"
    page.hover("h2#wat-de-les-betekent")
    page.wait_for_function("() => getComputedStyle(document.querySelector('h2#wat-de-les-betekent .headerlink')).opacity === '1'")
    # Tab from the top of the article never lands on a heading link.
    page.focus("h1")
    for _ in range(25):
        page.keyboard.press("Tab")
        assert "headerlink" not in (page.evaluate("document.activeElement.className") or "")
    # None on the home page; the theme page's lessons have no stray '#' line of their own.
    page.goto(page.url.split("lessen/")[0])
    assert page.locator(".kb-page--home .headerlink:visible").count() == 0
    page.goto(page.url + "themas/leren-te-leren/")
    anchor = page.locator("#les-veilig-leren .kb-anchor")
    title = page.locator("#les-veilig-leren .kb-list__title")
    assert abs(anchor.bounding_box()["y"] - title.bounding_box()["y"]) < 8  # on the title's line
    assert anchor.inner_text() == "¶"
    watch.assert_clean()


def test_organisations_grouped_by_kind_with_a_filter(open_page):
    watch, page = open_page("organisaties/")
    headings = page.eval_on_selector_all(".kb-org-group h2", "hs => hs.map(h => h.firstChild.textContent.trim())")
    assert headings[:3] == ["Gemeenten", "Samenwerkingsverbanden", "Overheidsorganisaties"]
    assert "Fondsen" in headings
    page.select_option("select[name=kind]", "fonds")
    visible = page.eval_on_selector_all(".kb-org-group:not([hidden]) li:not([hidden]) .kb-list__title",
                                        "as => as.map(a => a.textContent)")
    assert visible == ["A&O fonds Gemeenten"]
    page.select_option("select[name=kind]", "")
    page.fill("[data-kb-org-filter] input[name=q]", "venlo")
    visible = page.eval_on_selector_all(".kb-org-group:not([hidden]) li:not([hidden]) .kb-list__title",
                                        "as => as.map(a => a.textContent)")
    assert visible == ["Gemeente Venlo", "Regio Venlo"]
    assert page.locator("[data-kb-org-count]").inner_text() == "2 van de 30 organisaties"
    screenshot(page, "readers/1280-light/organisaties-gefilterd")
    watch.assert_clean()


def test_link_previews_on_hover_and_focus(open_page):
    watch, page = open_page("lessen/verhaal-van-de-regio/")
    chip = page.locator(".kb-facts .kb-chip").first
    chip.hover()
    preview = page.locator(".kb-preview")
    preview.wait_for(state="visible")
    assert preview.get_attribute("role") == "tooltip"
    assert chip.get_attribute("aria-describedby") == "kb-preview"
    assert "Regionale samenwerking" in preview.inner_text()
    page.mouse.move(0, 0)
    preview.wait_for(state="hidden")
    link = page.locator(".kb-practice a.kb-list__title").first
    link.focus()
    preview.wait_for(state="visible")
    assert "Omgevingssporen in de regio Venlo" in preview.inner_text()
    assert "gezamenlijke regiovisie" in preview.inner_text()  # the example's summary
    screenshot(page, "readers/1280-light/voorbeeld-preview")
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    watch.assert_clean()


# --- share panels ----------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["organisaties/drechtsteden/", "tags/regionale-samenwerking/",
                                 "themas/leren-te-leren/"])
def test_share_panel_on_organisation_tag_and_theme_pages(open_page, url):
    watch, page = open_page(url, viewport=PHONE)
    panel = page.locator("[data-kb-share]")
    panel.get_by_role("button", name="Kopieer link").click()
    assert page.evaluate("navigator.clipboard.readText()") == PUBLIC + url
    status = panel.locator("[data-kb-share-status]")
    assert "gekopieerd" in status.inner_text()
    panel.get_by_role("button", name="Toon QR-code").click()
    qr, said = panel.locator(".kb-share__qr").bounding_box(), status.bounding_box()
    assert said["y"] >= qr["y"] + qr["height"] or said["y"] + said["height"] <= qr["y"]  # never over the code
    assert said["x"] + said["width"] <= PHONE["width"]
    assert page.locator(".kb-toast").count() == 0
    watch.assert_clean()


@needs_zbar
@pytest.mark.parametrize("url", ["voorbeelden/?theme=regionale-samenwerking&sort=-period",
                                 "zoeken/?q=samenwerken"])
def test_live_share_panel_follows_the_filters(open_page, base, url, tmp_path):
    watch, page = open_page(url)
    panel = page.locator("[data-kb-share]")
    page.wait_for_function("() => document.querySelector('[data-kb-share]').getAttribute('data-kb-share-now')"
                           f" === {PUBLIC + url!r}")
    panel.get_by_role("button", name="Toon QR-code").click()
    qr = panel.locator(".kb-share__qr svg")
    qr.wait_for(state="visible")
    png = tmp_path / "qr.png"
    panel.locator(".kb-share__qr").screenshot(path=str(png))
    assert qr_codes(png) == [PUBLIC + url]
    # Drawn by the pinned npm library, which the site serves itself (package-lock.json, adapter/files.py).
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert base + "assets/kennisbank/vendor/qrcode-generator.js" in loaded
    assert panel.locator(".kb-share__url").get_attribute("href") == PUBLIC + url
    panel.get_by_role("button", name="Kopieer link").click()
    assert page.evaluate("navigator.clipboard.readText()") == PUBLIC + url
    if url.startswith("voorbeelden/"):
        page.select_option("select[name=theme]", "leren-te-leren")
        page.wait_for_function("() => document.querySelector('[data-kb-share]').getAttribute('data-kb-share-now')"
                               ".includes('theme=leren-te-leren')")
        page.wait_for_timeout(200)
        panel.locator(".kb-share__qr").screenshot(path=str(png))
        assert qr_codes(png) == [PUBLIC + "voorbeelden/?theme=leren-te-leren&sort=-period"]
    screenshot(page, "readers/1280-light/" + ("voorbeelden" if "voorbeelden" in url else "zoeken") + "-qr")
    watch.assert_clean()


def test_toast_stays_clear_of_an_open_qr_code_on_a_phone(open_page):
    watch, page = open_page("lessen/verhaal-van-de-regio/", viewport=PHONE)
    page.get_by_role("button", name="Toon QR-code").click()
    page.evaluate("document.querySelector('h2#in-de-praktijk').scrollIntoView({block: 'end'})")
    page.locator(".kb-share__qr").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -400)")
    page.locator("h2#wat-de-les-betekent .headerlink").dispatch_event("click")
    toast = page.locator(".kb-toast")
    toast.wait_for(state="visible")
    box, qr = toast.bounding_box(), page.locator(".kb-share__qr").bounding_box()
    overlap = not (box["y"] >= qr["y"] + qr["height"] or box["y"] + box["height"] <= qr["y"]
                   or box["x"] >= qr["x"] + qr["width"] or box["x"] + box["width"] <= qr["x"])
    assert not overlap
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    watch.assert_clean()


# --- paper -----------------------------------------------------------------------------------------

def printed(page, name: str) -> tuple[str, list[Path]]:
    OUT.mkdir(parents=True, exist_ok=True)
    pdf = OUT / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    for old in OUT.glob(f"{name}-*.png"):
        old.unlink()
    return " ".join(pdf_text(pdf).split()), pdf_pages(pdf, dpi=150)


def assert_dated(text: str) -> None:
    """Paper says when it was printed and when its content last changed (git), without the screen's hints."""
    assert re.search(r"Geprint op \d{1,2} [a-z]+ 20\d\d", text)
    assert re.search(r"Inhoud laatst gewijzigd: \d{1,2} [a-z]+ 20\d\d", text)
    assert "Print deze pagina" not in text and "Kopieer link" not in text


@needs_poppler
@needs_zbar
def test_printed_handout(open_page):
    watch, page = open_page("bijeenkomsten/regiobijeenkomst-leren-van-elkaar/")
    text, pages = printed(page, "hand-out")
    assert_dated(text)
    low = text.lower()  # the theme label is printed in capitals
    assert low.index("13:30–13:45 welkom") < low.index("thema leren te leren") \
        < low.index("13:45–14:30 wat de directies leerden over leren") < low.index("door: de deelnemende directies")
    assert low.index("thema regionale samenwerking en slagkracht") < low.index("16:15–16:45 vragen en reacties")
    found = {code for png in pages for code in qr_codes(png)}
    assert PUBLIC + "bijeenkomsten/regiobijeenkomst-leren-van-elkaar/" in found
    assert PUBLIC + "lessen/veilig-leren/" in found and PUBLIC + "voorbeelden/omgevingssporen/" in found
    assert len(found) == 22 and all(code.startswith(PUBLIC) for code in found)
    watch.assert_clean()


@needs_poppler
@needs_zbar
def test_printed_lesson_and_filtered_overview(open_page):
    watch, page = open_page("lessen/verhaal-van-de-regio/")
    text, pages = printed(page, "les")
    assert_dated(text)
    assert qr_codes(pages[0]) == [PUBLIC + "lessen/verhaal-van-de-regio/"]
    page.goto(page.url.split("lessen/")[0] + "voorbeelden/?tag=participatie&sort=period", wait_until="networkidle")
    page.wait_for_function("() => document.querySelector('.kb-share__qr svg title').textContent.includes('tag=participatie')")
    text, pages = printed(page, "voorbeelden-participatie")
    assert qr_codes(pages[0]) == [PUBLIC + "voorbeelden/?tag=participatie&sort=period"]
    assert "Geen praktijkvoorbeelden" not in text and "Participatie" in text
    watch.assert_clean()
