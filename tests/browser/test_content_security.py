"""Untrusted content in a real browser (issue 15): the Content-Security-Policy lets every page of
every kind work without a single violation and blocks script that reaches a page anyway; pages
make no request to another origin; hostile bodies that `kennisbank check` accepts never run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from browser import DESKTOP, Watch, serve
from conftest import MINI, mkdocs_build
from hostile import HOSTILE_BODIES, PAYLOAD_MARK

# Records violations before any script of the page runs (Playwright's init scripts are not subject
# to the page's policy).
LISTEN = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"""

PAGES = ["", "lessen/", "lessen/bedoeling-voorop/", "voorbeelden/stroomlijn/", "voorbeelden/",
         "bijeenkomsten/regiobijeenkomst-leren-van-elkaar/", "themas/leren-te-leren/", "tags/intervisie/",
         "organisaties/", "bronnen/", "over/", "404.html"]


def open_watched(chromium, base):
    context = chromium.new_context(viewport=DESKTOP, locale="nl-NL")
    context.add_init_script(LISTEN)
    watch = Watch(context, base)
    return context, watch, watch.page()


def test_every_kind_of_page_runs_without_a_violation(chromium, site_url, real_site):
    context, watch, page = open_watched(chromium, site_url)
    for path in PAGES:
        assert (real_site / (path or "index.html")).exists() or (real_site / path / "index.html").exists(), path
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "script-src 'self'" in policy and "http" not in policy, (path, policy)
        # Material's own script ran (it needs its inline scripts): the header is interactive.
        assert page.evaluate("typeof window.document$ === 'object'"), path
        assert page.evaluate("window.__csp") == [], (path, page.evaluate("window.__csp"))
    # Search: Pagefind's WebAssembly and its index chunks load under the policy, and so does the QR
    # library (npm, served from the site) that draws the code of the address with the query.
    page.goto(site_url + "zoeken/?q=stroomlijn")
    page.wait_for_selector(".kb-search__results li")
    page.wait_for_function("() => (document.querySelector('.kb-share__qr svg title') || {}).textContent"
                           " === 'QR-code voor kennisbank.example.org/zoeken/?q=stroomlijn'")
    assert page.evaluate("window.__csp") == []
    # A redirect page (old address) has its own script, allowed by its own hash.
    redirects = [p for p in real_site.rglob("index.html") if 'content="noindex"' in p.read_text(encoding="utf-8")]
    if redirects:
        old = redirects[0].parent.relative_to(real_site).as_posix() + "/"
        page.goto(site_url + old)
        page.wait_for_url(lambda url: old not in url)
    context.close()
    watch.assert_clean()  # no console error, and not one request to another origin (fonts, CDN)


def test_script_injected_into_a_page_is_blocked(chromium, real_site, tmp_path):
    """Should the sanitiser ever miss something, the browser still refuses to run it."""
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    page_file = site / "lessen/bedoeling-voorop/index.html"
    html = page_file.read_text(encoding="utf-8")
    injected = ("<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">"
                "<a id=kb-click href=\"javascript:window.__pwned=3\">x</a>"
                "<img src=\"https://evil.example/pixel.png\">")
    page_file.write_text(html.replace("<article", injected + "<article", 1), encoding="utf-8")
    with serve(site) as base:
        context, watch, page = open_watched(chromium, base)
        page.goto(base + "lessen/bedoeling-voorop/")
        page.wait_for_load_state("load")
        page.click("#kb-click")
        page.wait_for_timeout(200)
        assert page.evaluate("window.__pwned") is None
        violations = page.evaluate("window.__csp")
        context.close()
    assert any(v.startswith("script-src") for v in violations), violations
    assert any("evil.example" in v for v in violations), violations
    assert not watch.outside  # the policy stopped the request before it left the page


@pytest.fixture(scope="module")
def accepted_bodies(tmp_path_factory):
    """A small project whose plain pages and one lesson hold every hostile body the check accepts."""
    from kennisbank.core.safety import body_problems

    accepted = [b for b in HOSTILE_BODIES if not body_problems("x.md", b, 1)]
    assert 10 <= len(accepted) < len(HOSTILE_BODIES)
    project = tmp_path_factory.mktemp("hostile-bodies") / "project"
    shutil.copytree(MINI, project)
    for i, body in enumerate(accepted):
        (project / f"content/proef-{i}.md").write_text(f"# Proef {i}\n\n{body}\n", encoding="utf-8")
    lesson = project / "content/lessons/coalitie.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n\n" + "\n\n".join(accepted) + "\n", encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site, len(accepted)


def test_hostile_bodies_that_the_check_accepts_never_run(chromium, accepted_bodies):
    site, count = accepted_bodies
    paths = [f"proef-{i}/" for i in range(count)] + ["lessen/coalitie/"]
    with serve(site) as base:
        context, watch, page = open_watched(chromium, base)
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in paths:
            page.goto(base + path)
            page.wait_for_load_state("load")
            # Hover over links and images in the text, as a reader might.
            for element in page.locator("article a, article img").all()[:10]:
                if element.is_visible():
                    element.hover(timeout=2000)
            state = page.evaluate("""() => ({
                pwned: window.__pwned,
                handlers: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
                    .filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name)),
                scripts: [...document.querySelectorAll('article script, article iframe, article object')].length,
                links: [...document.querySelectorAll('article a[href]')].map(a => a.href)
                    .filter(h => !/^(https?:|mailto:)/.test(h))})""")
            assert state["pwned"] is None, path
            assert not state["handlers"] and not state["scripts"] and not state["links"], (path, state)
            assert page.evaluate("window.__csp") == [], path
        # The payload shows as text where it was written as text.
        page.goto(base + "lessen/coalitie/")
        assert "<script>window.__pwned=1</script>" in page.locator("article").first.inner_text()
        context.close()
    assert not dialogs
    assert not [u for u in watch.outside], watch.outside
    assert PAYLOAD_MARK
