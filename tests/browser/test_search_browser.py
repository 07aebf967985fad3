"""The search page in real Chromium: ranking, Dutch word forms, facets, shareable URLs, keyboard,
words on nearly every page.

The real project is built once (the session's `real_site`) and served on 127.0.0.1; the real content
has no word on nearly every page, so a small project with one is built for this module. Every test
opens pages in a fresh browser context. Requests to other hosts (the GitHub repository facts that
Material's header fetches) are answered locally, so the tests need no network.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from browser import CHROMIUM, serve
from conftest import MINI, mkdocs_build

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Chromium ontbreekt (/usr/bin/chromium): browsertests van zoeken overgeslagen")

RESULT_TITLES = ".kb-result__title a"
STATUS = "[data-kb-search-status]"


@pytest.fixture
def page(chromium, site_url):
    """A fresh page that records console errors and uncaught exceptions of our own origin."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"),
                  lambda route: route.fulfill(status=404, content_type="application/json", body="{}"))
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.errors = []

    def on_console(message):
        if message.type == "error" and (message.location or {}).get("url", "").startswith("http://127.0.0.1:"):
            page.errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.base = site_url
    yield page
    errors = page.errors
    context.close()
    assert not errors, f"fouten in de browserconsole: {errors}"


def open_search(page, query: str = "") -> None:
    page.goto(page.base + "zoeken/" + query)
    page.wait_for_function("() => document.querySelector('[data-kb-search-status]').textContent.length > 0 && "
                           "!document.querySelector('[data-kb-search-status]').textContent.startsWith('Zoeken')")


def type_query(page, text: str) -> None:
    page.fill("#kb-q", "")
    page.type("#kb-q", text, delay=20)
    page.wait_for_function("([q]) => document.querySelector('[data-kb-search-status]').textContent.includes(q)",
                           arg=[text])


def result_urls(page) -> list[str]:
    return [urlsplit(href).path for href in page.eval_on_selector_all(RESULT_TITLES, "els => els.map(e => e.href)")]


def status_count(page) -> int:
    text = page.text_content(STATUS)
    match = re.match(r"([\d.]+) (resultaat|resultaten|pagina)", text)
    return int(match.group(1).replace(".", "")) if match else 0


def facet_count(page, facet: str, value: str) -> int:
    box = page.locator(f"input[name='{facet}'][value='{value}']")
    return int(box.locator("xpath=..").locator(".kb-facet__count").text_content().replace(".", ""))


def test_typed_query_puts_the_matching_example_first(page):
    open_search(page)
    type_query(page, "Stroomlijn")
    assert result_urls(page)[0] == "/voorbeelden/stroomlijn/"
    first = page.locator(".kb-result").first
    assert first.locator(".kb-result__kind").text_content() == "Praktijkvoorbeeld"
    assert "Drechtsteden" in first.locator(".kb-result__info").text_content()
    assert first.locator(".kb-result__snippet mark").first.text_content().lower().startswith("stroomlijn")
    assert urlsplit(page.url).query == "q=Stroomlijn"


def test_dutch_word_forms_are_found(page):
    open_search(page)
    type_query(page, "samenwerken")
    marks = [m.lower() for m in page.locator(".kb-result__snippet mark").all_text_contents()]
    assert any(m.startswith("samenwerking") for m in marks), marks
    type_query(page, "dorpen")
    assert result_urls(page)[0] == "/voorbeelden/vitale-dorpen/"
    # A synonym from the tag vocabulary finds the tag page.
    type_query(page, "leernetwerk")
    assert "/tags/lerend-netwerk/" in result_urls(page)


def test_titles_outweigh_body_text(page):
    open_search(page, "?q=vitale+dorpen")
    urls = result_urls(page)
    assert urls[0] == "/voorbeelden/vitale-dorpen/"
    # The tag page, which names the word only in its description, comes before pages that only mention it.
    assert urls.index("/tags/leefbaarheid/") < urls.index("/lessen/buiten-binnen-halen/")


def test_facets_narrow_the_results_and_show_counts(page):
    open_search(page, "?q=samenwerken")
    total = status_count(page)
    lessons = facet_count(page, "soort", "les")
    assert 0 < lessons < total
    page.check("input[name='soort'][value='les']")
    page.wait_for_function("([n]) => document.querySelector('[data-kb-search-status]').textContent.startsWith(n + ' ')",
                           arg=[str(lessons)])
    assert status_count(page) == lessons
    assert set(page.locator(".kb-result__kind").all_text_contents()) == {"Les"}
    assert page.locator("[data-kb-search-chosen] button").first.text_content().startswith("Soort: Les")
    # A second facet narrows further, and the counts follow.
    theme = facet_count(page, "thema", "regionale-samenwerking")
    assert 0 < theme <= lessons
    page.check("input[name='thema'][value='regionale-samenwerking']")
    page.wait_for_function("([n]) => document.querySelector('[data-kb-search-status]').textContent.startsWith(n + ' ')",
                           arg=[str(theme)])
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"q": ["samenwerken"], "soort": ["les"], "thema": ["regionale-samenwerking"]}
    # Removing a chosen filter widens the list again.
    page.click("[data-kb-search-chosen] button[aria-label^='Filter Thema']")
    page.wait_for_function("([n]) => document.querySelector('[data-kb-search-status]').textContent.startsWith(n + ' ')",
                           arg=[str(lessons)])


def test_a_copied_url_restores_query_and_filters(page):
    open_search(page, "?q=samenwerken&soort=les&thema=regionale-samenwerking")
    assert page.input_value("#kb-q") == "samenwerken"
    assert page.is_checked("input[name='soort'][value='les']")
    assert page.is_checked("input[name='thema'][value='regionale-samenwerking']")
    assert status_count(page) > 0
    assert set(page.locator(".kb-result__info").all_text_contents()) == {"Regionale samenwerking en slagkracht"}
    assert "met 2 filters" in page.text_content(STATUS)


def test_tag_page_opens_the_search_already_filtered(page):
    page.goto(page.base + "tags/intervisie/")
    page.click("text=Zoeken binnen deze tag")
    page.wait_for_url(re.compile(r"/zoeken/\?tag=intervisie$"))
    page.wait_for_function("() => document.querySelector('[data-kb-search-status]').textContent.includes('filter')")
    assert parse_qs(urlsplit(page.url).query) == {"tag": ["intervisie"]}
    assert page.is_checked("input[name='tag'][value='intervisie']")
    shown = status_count(page)
    assert shown == facet_count(page, "tag", "intervisie") > 1


def test_keyboard_slash_and_ctrl_k_lead_to_search(page):
    page.goto(page.base + "voorbeelden/stroomlijn/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "kb-header-q"
    page.keyboard.type("dorpen")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=dorpen$"))
    page.wait_for_selector(RESULT_TITLES)
    assert result_urls(page)[0] == "/voorbeelden/vitale-dorpen/"
    # From the results, the arrow keys walk the list; Ctrl+K returns to the field.
    page.focus("#kb-q")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.pathname") == "/voorbeelden/vitale-dorpen/"
    page.keyboard.press("Control+k")
    assert page.evaluate("document.activeElement.id") == "kb-q"


def test_results_are_announced_and_empty_state_helps(page):
    open_search(page)
    assert page.get_attribute(STATUS, "aria-live") == "polite"
    page.type("#kb-q", "do", delay=20)  # too short to search while typing
    page.wait_for_function("() => document.querySelector('[data-kb-search-status]').textContent.startsWith('Typ verder')")
    type_query(page, "fietspadonderhoud")
    assert page.text_content(STATUS) == "Geen resultaten voor \u201cfietspadonderhoud\u201d."
    help_text = page.text_content("[data-kb-search-help]")
    assert "Geen resultaten voor \u201cfietspadonderhoud\u201d \u2014 probeer" in help_text
    assert "begin van een woord" in help_text
    assert page.locator("[data-kb-search-help] a[href$='themas/leren-te-leren/']").count() == 1
    # With a filter chosen, the help offers to drop it and says what that would give.
    open_search(page, "?q=Stroomlijn&soort=tag")
    assert "zonder filters: 3 resultaten" in page.text_content("[data-kb-search-help]")
    page.click("[data-kb-search-tips] button")
    page.wait_for_function("() => document.querySelector('[data-kb-search-status]').textContent.startsWith('3 ')")
    assert urlsplit(page.url).query == "q=Stroomlijn"


def test_only_the_pagefind_chunks_a_query_needs_are_loaded(page):
    loaded = []
    page.on("requestfinished", lambda request: loaded.append(urlsplit(request.url).path))
    open_search(page, "?q=Stroomlijn")
    pagefind = [p for p in loaded if p.startswith("/pagefind/")]
    assert "/pagefind/pagefind.js" in pagefind
    assert any(p.endswith(".pf_index") for p in pagefind)
    assert not any("search_index.json" in p for p in loaded)
    fragments = [p for p in pagefind if p.endswith(".pf_fragment")]
    assert 0 < len(fragments) <= 10
