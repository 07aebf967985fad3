"""Real-browser helpers for the tests: serve a built site on 127.0.0.1 and watch what a page does.

Used through the fixtures in conftest.py (`site_url`, `chromium`, `watched`), or directly:

    with serve(site_dir) as base, launch() as browser:
        watch = Watch(browser.new_context(), base)
        page = watch.page()
        page.goto(base)
        watch.assert_clean()

`Watch` records console errors, uncaught exceptions, failed requests, HTTP errors and every request
to a host other than 127.0.0.1. Outside requests are answered with an error before they leave the
machine, so a test proves the site needs nothing from elsewhere (no fonts, no GitHub, no CDN).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at a free port for the duration; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def launch():
    """Debian's Chromium driven by Playwright, headless and without background traffic.

    Playwright's sync API allows one driver per thread at a time: keep this open for one test
    module (the fixtures do), never for the whole session, so other modules can start their own.
    """
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"Chromium ontbreekt op {CHROMIUM}: installeer het Debian-pakket 'chromium' "
                           "(.ci/run doet dat)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Watch:
    """Everything that went wrong in one browser context, for assert_clean()."""

    def __init__(self, context, base_url: str):
        self.context = context
        self.base = base_url
        self.host = urlsplit(base_url).netloc
        self.console: list[str] = []
        self.failed: list[str] = []
        self.outside: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).netloc != self.host:
            self.outside.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def page(self):
        page = self.context.new_page()
        page.set_default_timeout(15_000)
        page.on("console", lambda m: m.type == "error" and self.console.append(f"{m.text} ({m.location.get('url')})"))
        page.on("pageerror", lambda error: self.console.append(f"onafgevangen fout: {error}"))
        page.on("requestfailed", self._request_failed)
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))
        return page

    def _request_failed(self, request) -> None:
        # ERR_ABORTED is a load the browser itself cancelled, e.g. by leaving the page before it ended.
        if urlsplit(request.url).netloc == self.host and "ERR_ABORTED" not in (request.failure or ""):
            self.failed.append(f"{request.failure} {request.url}")

    def problems(self) -> list[str]:
        return ([f"console: {c}" for c in self.console] + [f"verzoek mislukt: {f}" for f in self.failed]
                + [f"verzoek buiten 127.0.0.1: {u}" for u in self.outside])

    def assert_clean(self) -> None:
        problems = self.problems()
        assert not problems, "\n".join(problems)


def screenshot(page, name: str) -> Path:
    """A full-page screenshot kept under test-artifacts/ (gitignored) for people to look at."""
    path = ARTIFACTS / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe(page, tags: list[str] = WCAG_TAGS) -> list[str]:
    """Run axe-core (pinned in package-lock.json) on the page; one line per violation and element."""
    if not AXE.exists():
        raise RuntimeError(f"{AXE.relative_to(ROOT)} ontbreekt: voer 'npm ci' uit (make test doet dat)")
    if not page.evaluate("typeof window.axe === 'object'"):
        # Evaluated through the DevTools protocol: a <script> tag would be refused by the page's CSP.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    violations = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))})))",
        tags)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {n['target']}: {n['summary']}"
            for v in violations for n in v["nodes"]]
