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

from browser import CHROMIUM, axe, serve
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


# --- Ranking, excerpts and facets that combine (issue 18) ---

def test_lessons_and_cases_rank_above_tag_pages_for_the_same_word(page):
    open_search(page, "?q=samenwerken")
    urls = result_urls(page)
    # The lesson and the tag both carry the word in their title: the lesson comes first.
    assert urls.index("/lessen/verhaal-van-de-regio/") < urls.index("/tags/regionale-samenwerking/")
    kinds = page.locator(".kb-result__kind").all_text_contents()[:10]
    assert sum(k in ("Les", "Praktijkvoorbeeld") for k in kinds) >= 5, kinds
    assert sum(k in ("Tag", "Organisatie") for k in kinds) <= 3, kinds


def _words(text: str) -> str:
    return " ".join(text.replace("\u2026", " ").split())


def test_snippets_come_from_the_text_not_the_field_list(page):
    open_search(page, "?q=Venlo")
    first = page.locator(".kb-result").first
    assert first.locator(".kb-result__title").text_content().strip() == "Omgevingssporen in de regio Venlo"
    snippet = _words(first.locator(".kb-result__snippet").text_content())
    # The field list (organisations, province, period) is not in the excerpt; the result line has it.
    assert "Limburg" not in snippet and "2017" not in snippet, snippet
    assert "Regio Venlo" in first.locator(".kb-result__info").text_content()
    snippets = [_words(s) for s in page.locator(".kb-result__snippet").all_text_contents()[:5]]
    urls = result_urls(page)[:5]
    for url, text in zip(urls, snippets):
        page.goto(page.base + url.lstrip("/"))
        prose = _words(" ".join(page.locator(".kb-lead, .kb-body, .kb-synonyms, .kb-profile dd").all_inner_texts()))
        assert text in prose, (url, text)


def test_values_of_one_facet_combine_with_or_and_keep_their_counts(page):
    open_search(page, "?q=samenwerken")
    lessons, cases = facet_count(page, "soort", "les"), facet_count(page, "soort", "voorbeeld")
    assert lessons > 0 and cases > 0
    page.check("input[name='soort'][value='les']")
    page.wait_for_function("([n]) => document.querySelector('[data-kb-search-status]').textContent.startsWith(n + ' ')",
                           arg=[str(lessons)])
    # The unticked value keeps its count and can be added: lessons or cases.
    page.wait_for_function("([n]) => { const b = document.querySelector(\"input[name='soort'][value='voorbeeld']\");"
                           " return b && b.closest('label').querySelector('.kb-facet__count').textContent === n; }",
                           arg=[str(cases)])
    page.check("input[name='soort'][value='voorbeeld']")
    page.wait_for_function("([n]) => document.querySelector('[data-kb-search-status]').textContent.startsWith(n + ' ')",
                           arg=[str(lessons + cases)])
    assert set(page.locator(".kb-result__kind").all_text_contents()) == {"Les", "Praktijkvoorbeeld"}
    assert parse_qs(urlsplit(page.url).query) == {"q": ["samenwerken"], "soort": ["les", "voorbeeld"]}
    assert facet_count(page, "soort", "tag") > 0  # still on offer, with its own count


def test_facet_groups_combine_with_and(page):
    open_search(page, "?q=samenwerken&soort=les&soort=voorbeeld")
    theme = "regionale-samenwerking"
    expected = facet_count(page, "thema", theme)
    assert 0 < expected < status_count(page)
    page.check(f"input[name='thema'][value='{theme}']")
    page.wait_for_function("([n]) => document.querySelector('[data-kb-search-status]').textContent.startsWith(n + ' ')",
                           arg=[str(expected)])
    assert set(page.locator(".kb-result__kind").all_text_contents()) <= {"Les", "Praktijkvoorbeeld"}
    # Each kind's count is now within the theme; together they are the results on screen.
    page.wait_for_function("([n]) => [...document.querySelectorAll(\"input[name='soort']:checked\")]"
                           ".reduce((s, b) => s + Number(b.closest('label').querySelector('.kb-facet__count').textContent), 0) === n",
                           arg=[expected])
    assert "met 3 filters" in page.text_content(STATUS)


# --- The header field: first results while typing (issue 18) ---

HEADER = "#kb-header-q"
OPTIONS = "#kb-header-results [role=option]"


def pagefind_requests(page) -> list[str]:
    return [urlsplit(u).path for u in page.requested if "/pagefind/" in u]


@pytest.fixture
def reader(page):
    """The page fixture, recording every request URL in page.requested."""
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    return page


def test_a_page_that_is_only_read_loads_no_search_files(reader):
    reader.goto(reader.base + "lessen/verhaal-van-de-regio/")
    reader.wait_for_load_state("networkidle")
    reader.mouse.wheel(0, 800)
    reader.wait_for_timeout(300)
    assert pagefind_requests(reader) == []
    # Focus loads Pagefind; the first query adds only its index chunk and the fragments it shows.
    reader.focus(HEADER)
    for _ in range(100):
        if any(p.endswith(".pf_meta") for p in pagefind_requests(reader)):
            break
        reader.wait_for_timeout(100)
    assert "/pagefind/pagefind.js" in pagefind_requests(reader)
    reader.keyboard.type("samenwerken", delay=20)
    reader.wait_for_selector(OPTIONS)
    reader.wait_for_load_state("networkidle")
    files = pagefind_requests(reader)
    assert "/pagefind/pagefind.js" in files
    kinds = {re.sub(r"^.*\.", ".", p.rsplit("/", 1)[-1]) if "." in p.rsplit("/", 1)[-1] else p for p in files}
    assert kinds <= {".js", ".pf_meta", ".pagefind", ".pf_index", ".pf_fragment", ".json"}, files
    assert not any(p.endswith(".pf_filter") for p in files)  # facets are for the search page
    assert 0 < sum(p.endswith(".pf_fragment") for p in files) <= 6


# Wraps the Pagefind module our scripts load (search-core.js `load`), to watch its searches. Each
# search is made to take a second, as on a slow phone, so the texts typed meanwhile must wait for it.
_WATCH_SEARCHES = """
window.__searches = { loaded: false, running: 0, most: 0, terms: [], preloads: [] };
Object.defineProperty(window, "KennisbankSearch", { configurable: true, set(core) {
  const load = core.load;
  core.load = url => load(url).then(module => (window.__searches.loaded = true) && Object.assign({}, module, {
    search(term, options) {
      const w = window.__searches;
      w.running += 1; w.most = Math.max(w.most, w.running); w.terms.push(term);
      return new Promise(done => setTimeout(done, 1000)).then(() => module.search(term, options))
        .finally(() => { w.running -= 1; });
    },
    preload(term, options) { window.__searches.preloads.push(term); return module.preload(term, options); }
  }));
  Object.defineProperty(window, "KennisbankSearch", { value: core, writable: true, configurable: true });
}});
"""


@pytest.mark.parametrize("where", ["search page", "header"])
def test_fast_typing_runs_one_search_at_a_time_for_the_last_text(page, where):
    page.add_init_script(_WATCH_SEARCHES)
    if where == "search page":
        open_search(page)
        field = "#kb-q"
    else:
        page.goto(page.base + "voorbeelden/stroomlijn/")
        field = HEADER
    page.click(field)
    page.wait_for_function("() => window.__searches.loaded")  # the header field loads Pagefind on focus
    for text in ("samen", "samenwerking", "samenwerking regio", "vertrouwen"):
        page.fill(field, text)  # the text changes faster than a search takes
        page.wait_for_timeout(120)  # longer than the pause: each text would start a search of its own
    if where == "search page":
        page.wait_for_function("() => document.querySelector('[data-kb-search-status]').textContent.includes('vertrouwen')")
    else:
        page.wait_for_selector(OPTIONS)
        page.wait_for_function("() => window.__searches.running === 0")
        assert "vertrouwen" in page.locator(OPTIONS).last.text_content()
    watched = page.evaluate("() => window.__searches")
    assert watched["most"] == 1, watched  # never two Pagefind searches at once
    # The first text's search ran; the texts typed during it were overtaken, only the latest followed.
    assert watched["terms"] == ["samen", "vertrouwen"], watched
    assert "vertrouwen" in watched["preloads"], watched  # its index chunks were fetched during the pause


def test_header_lists_the_first_results_while_typing(page):
    page.goto(page.base + "voorbeelden/stroomlijn/")
    field = page.locator(HEADER)
    assert field.get_attribute("role") == "combobox" and field.get_attribute("aria-expanded") == "false"
    assert field.get_attribute("aria-controls") == "kb-header-results"
    field.click()
    page.keyboard.type("samenwerken", delay=20)
    page.wait_for_selector(OPTIONS)
    assert field.get_attribute("aria-expanded") == "true"
    assert page.get_attribute("#kb-header-results", "role") == "listbox"
    options = page.locator(OPTIONS)
    assert 2 <= options.count() <= 7
    assert options.first.locator(".kb-typeahead__kind").text_content() == "Les"
    assert options.first.locator(".kb-typeahead__title").text_content().startswith("Samenwerking in de regio")
    assert options.first.get_attribute("data-href") == "/lessen/verhaal-van-de-regio/"
    last = options.last
    assert last.text_content().startswith("Alle ") and "samenwerken" in last.text_content()
    assert urlsplit(last.get_attribute("data-href")).path.endswith("/zoeken/")
    assert parse_qs(urlsplit(last.get_attribute("data-href")).query) == {"q": ["samenwerken"]}
    assert "resultaten" in page.text_content("#kb-header-status")
    page.keyboard.press("ArrowDown")
    assert not axe(page), axe(page)  # the open list with a chosen option, WCAG A and AA
    # A click opens the result.
    options.nth(1).click()
    page.wait_for_url(re.compile(r"/(lessen|voorbeelden|themas|tags|organisaties)/"))


def test_header_results_by_keyboard(page):
    page.goto(page.base + "voorbeelden/stroomlijn/")
    page.keyboard.press("/")
    page.keyboard.type("dorpen", delay=20)
    page.wait_for_selector(OPTIONS)
    field = page.locator(HEADER)
    ids = page.eval_on_selector_all(OPTIONS, "els => els.map(e => e.id)")
    page.keyboard.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == ids[0]
    assert page.get_attribute(f"#{ids[0]}", "aria-selected") == "true"
    page.keyboard.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == ids[1]
    page.keyboard.press("ArrowUp")
    assert field.get_attribute("aria-activedescendant") == ids[0]
    assert page.evaluate("document.activeElement.id") == "kb-header-q"  # focus stays in the field
    # Escape closes the list, a second Escape empties and leaves the field.
    page.keyboard.press("Escape")
    assert field.get_attribute("aria-expanded") == "false" and field.get_attribute("aria-activedescendant") is None
    assert field.input_value() == "dorpen"
    page.keyboard.press("ArrowDown")  # opens the list again
    assert field.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/voorbeelden/vitale-dorpen/$"))
    # Up from the top reaches the last option: all results on the search page.
    page.keyboard.press("/")
    page.keyboard.type("dorpen", delay=20)
    page.wait_for_selector(OPTIONS)
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=dorpen$"))
    page.wait_for_selector(RESULT_TITLES)
    assert result_urls(page)[0] == "/voorbeelden/vitale-dorpen/"


def test_header_search_on_a_phone(chromium, site_url):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", has_touch=True)
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.fulfill(status=404, body="{}"))
    page = context.new_page()
    try:
        page.goto(site_url + "themas/leren-te-leren/")
        assert not page.locator(HEADER).is_visible()
        page.click(".kb-header-search__button")
        assert page.url == site_url + "themas/leren-te-leren/"  # the field opens over the header
        assert page.evaluate("document.activeElement.id") == "kb-header-q"
        page.keyboard.type("vertrouwen", delay=20)
        page.wait_for_selector(OPTIONS)
        box = page.locator("#kb-header-results").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.emulate_media(color_scheme="dark")
        assert not axe(page), axe(page)
        page.locator(OPTIONS).first.tap()
        page.wait_for_url(re.compile(r"/(lessen|voorbeelden|tags)/[^/]+/$"))
    finally:
        context.close()
