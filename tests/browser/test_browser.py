"""A reader's journey through the real site in Chromium, at phone and desktop width.

Home → theme → lesson → example → tag → organisation by clicking the links a reader would click,
then all the way back with the browser's back button. On every page: no console errors, no failed
request, and nothing fetched from anywhere but 127.0.0.1. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re

import pytest

from browser import DESKTOP, PHONE, screenshot

# (name, link to click on the previous page, URL pattern of the page it opens)
JOURNEY = [
    ("1-start", None, r"/$"),
    ("2-thema", ".kb-cards a", r"/themas/[a-z0-9-]+/$"),
    ("3-les", "ol.kb-list a.kb-list__title", r"/lessen/[a-z0-9-]+/$"),
    ("4-voorbeeld", ".kb-practice a.kb-list__title", r"/voorbeelden/[a-z0-9-]+/$"),
    ("5-tag", ".kb-facts a.kb-chip", r"/tags/[a-z0-9-]+/$"),
    ("6-organisatie", ".kb-list .kb-meta a[href*='organisaties/']", r"/organisaties/[a-z0-9-]+/$"),
]


def heading(page) -> str:
    return page.locator("h1").first.inner_text().strip()


@pytest.mark.parametrize("name, viewport", [("telefoon", PHONE), ("desktop", DESKTOP)])
def test_journey_and_back(watched, site_url, name, viewport):
    watch, page = watched(viewport=viewport)
    page.goto(site_url)
    visited = []
    for step, link, pattern in JOURNEY:
        if link:
            target = page.locator(link).first
            target.scroll_into_view_if_needed()
            with page.expect_navigation():
                target.click()
        page.wait_for_load_state("load")
        assert re.search(pattern, page.url), (step, page.url)
        assert heading(page), f"{page.url} heeft geen zichtbare kop"
        # Our stylesheet and script loaded (a broken asset path would leave the page unstyled).
        assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--md-default-fg-color--light')")
        visited.append((page.url, heading(page)))
        screenshot(page, f"browser/{name}/{step}")
    # Back, page by page, to where we started: every page comes back whole.
    for url, title in reversed(visited[:-1]):
        page.go_back()
        page.wait_for_load_state("load")
        assert page.url == url
        assert heading(page) == title
    watch.assert_clean()


# Every other page type (search with results, overviews, meeting, 404) is opened in light and dark
# by tests/test_accessibility.py, which also fails on console errors and outside requests.


def test_an_unknown_address_shows_the_dutch_404_page(watched, site_url):
    watch, page = watched()
    response = page.goto(site_url + "bestaat/niet/")
    assert response.status == 404  # http.server answers 404; a real host serves 404.html with it
    page.goto(site_url + "404.html")
    assert page.inner_text("h1") == "Pagina niet gevonden"
    # The 404 page is served from any depth, so its links must be absolute: they work from /a/b/c/.
    hrefs = page.eval_on_selector_all("link[rel=stylesheet], script[src]", "els => els.map(e => e.getAttribute('href') || e.getAttribute('src'))")
    assert all(h.startswith("/") or h.startswith("http") for h in hrefs), hrefs
    watch.failed.clear()  # the deliberate 404 above, and the console's report of it
    watch.console = [c for c in watch.console if "404" not in c]
    watch.assert_clean()


def test_keyboard_focus_is_always_visible(watched, site_url, real_model):
    """Tab through the start of a lesson page: every element that takes focus shows an outline."""
    watch, page = watched()
    page.goto(site_url + real_model.lessons[0].url)
    page.wait_for_load_state("load")
    seen = []
    for _ in range(30):
        page.keyboard.press("Tab")
        focus = page.evaluate("""() => {
            let el = document.activeElement;
            if (!el || el === document.body) return null;
            // A visually hidden control (Material's palette switch) shows its focus on its label.
            if (el.getBoundingClientRect().width === 0 && el.nextElementSibling &&
                el.nextElementSibling.tagName === 'LABEL') el = el.nextElementSibling;
            const s = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {tag: el.tagName.toLowerCase(), text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40),
                    href: el.getAttribute('href'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                    shadow: s.boxShadow, visible: box.width > 0 && box.height > 0};
        }""")
        if focus is None:
            continue
        seen.append(focus)
        marked = (focus["outline"] not in ("none", "") and focus["width"] >= 1) or focus["shadow"] not in ("none", "")
        assert marked, f"focus niet zichtbaar op {focus}"
        assert focus["visible"], f"element met focus is onzichtbaar: {focus}"
    # The walk reached the lesson's own links, not only the header.
    assert any(f["tag"] == "a" and f["href"] and "tags/" in f["href"] for f in seen), seen
    watch.assert_clean()
