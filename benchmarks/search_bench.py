"""Search benchmark: bytes and latency of one query on a site with many synthetic examples.

    python -m benchmarks.search_bench [--examples 10000] [--runs 3] [--work .bench/search] [--reuse]

Builds the project plus N synthetic examples (synth.make_project) with `mkdocs build --strict`,
which indexes it with Pagefind, indexes it once more on its own to time that, serves the site
on 127.0.0.1 the way a static host does (text gzip-compressed; Pagefind's index files are
compressed by Pagefind itself) and drives headless Chromium. Per query and run, each in a fresh
browser context (empty cache):

- typed: open /zoeken/, wait until it is ready, type the query (60 ms between keys); latency from
  the last keystroke until the result count is on screen (performance.now() in the page, so it
  includes the page's pause after typing); bytes: everything fetched from /pagefind/ since the page
  was opened (Pagefind's library and WebAssembly, the index chunks, the first ten fragments);
- next: a second query typed on the same page (library already there);
- via link: open /zoeken/?q=... directly; time from navigation until results are on screen;
- header: open a lesson page, wait until it is idle (it must have fetched nothing from /pagefind/),
  click the header field and type the query; latency from the last keystroke until the first results
  are listed under the field; bytes: everything fetched from /pagefind/ (focus loads Pagefind).

Bytes are as the browser counted them on the wire (headers + encoded body).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import socketserver
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from kennisbank.adapter import pagefind as indexer
from .synth import make_bare_material, make_project

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
# Real words from the lessons and examples, and words every synthetic example uses.
QUERIES = ["samenwerken", "Stroomlijn", "dorpen", "vertrouwen", "regio gemeente", "leiderschap"]

# Runs in the page: remember the last keystroke in the search field and the moment the status
# line reports results for the typed query.
_PROBE = """
window.__kb = { lastKey: 0, shown: 0 };
document.addEventListener("keydown", () => { window.__kb.lastKey = performance.now(); }, true);
"""
_WAIT_SHOWN = """([q]) => new Promise(resolve => {
  const status = document.querySelector('[data-kb-search-status]');
  const done = () => status.textContent.includes(q) && !document.querySelector('[data-kb-search-results][aria-busy]');
  if (done()) { resolve(performance.now() - window.__kb.lastKey); return; }
  new MutationObserver((_, observer) => {
    if (done()) { observer.disconnect(); resolve(performance.now() - window.__kb.lastKey); }
  }).observe(document.querySelector('[data-kb-search]'), {subtree: true, childList: true, characterData: true, attributes: true});
})"""


_WAIT_LISTED = """([q]) => new Promise(resolve => {
  const list = document.querySelector('#kb-header-results');
  const done = () => (list.lastElementChild || {}).textContent?.includes(q);
  if (done()) { resolve(performance.now() - window.__kb.lastKey); return; }
  new MutationObserver((_, observer) => {
    if (done()) { observer.disconnect(); resolve(performance.now() - window.__kb.lastKey); }
  }).observe(list, {subtree: true, childList: true, characterData: true});
})"""
# A content page to start the header search from: one of the real lessons.
HEADER_PAGE = "lessen/verhaal-van-de-regio/"


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """Like a real static host: text files gzip-compressed when the browser accepts it.

    Pagefind's own index files are compressed already and are sent as they are."""

    COMPRESS = (".html", ".js", ".css", ".json", ".svg", ".xml")
    _cache: dict[str, bytes] = {}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if (not path.endswith(self.COMPRESS) or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not os.path.isfile(path)):
            return super().send_head()
        if os.path.isdir(self.translate_path(self.path)) and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # let the base class redirect to the slash
        body = self._cache.get(path)
        if body is None:
            with open(path, "rb") as f:
                body = self._cache[path] = gzip.compress(f.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def build(project: Path, site: Path) -> float:
    """`mkdocs build --strict` of the synthetic project (the search index included)."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site)], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        raise SystemExit(f"Build mislukt:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


def index_facts(site: Path) -> dict:
    out = site / indexer.OUTPUT_DIR
    files = [p for p in out.rglob("*") if p.is_file()]
    return {
        "files": len(files),
        "mb": round(sum(p.stat().st_size for p in files) / 1e6, 1),
        "index_chunks": len(list((out / "index").glob("*"))),
        "fragments": len(list((out / "fragment").glob("*"))),
    }


def gzip_kb(path: Path) -> float:
    return round(len(gzip.compress(path.read_bytes(), 6)) / 1000, 1)


def _context(browser, base):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                  else route.fulfill(status=404, body=""))
    context.add_init_script(_PROBE)
    page = context.new_page()
    page.fetched = []  # (url, bytes on the wire: headers + encoded body)

    def finished(request):
        try:
            sizes = request.sizes()
        except Exception:  # the context was closed while the request ended: nothing left to count
            return
        page.fetched.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    page.on("requestfinished", finished)
    return context, page


def _kb(rows) -> float:
    return round(sum(n for u, n in rows if "/pagefind/" in u) / 1000, 1)


def measure(site: Path, runs: int, queries: list[str]) -> list[dict]:
    """One row per query and run; see the module docstring for what is counted."""
    from playwright.sync_api import sync_playwright

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(_StaticHost, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for run in range(runs):
                for query in queries:
                    # Typed: open the search page, wait until it is ready, type the query.
                    context, page = _context(browser, base)
                    page.goto(base + "zoeken/")
                    page.wait_for_function("() => document.querySelector('[data-kb-search-status]').textContent.startsWith('Typ')")
                    opened = len(page.fetched)
                    page.type("#kb-q", query, delay=60)
                    typed = page.evaluate(_WAIT_SHOWN, [query])
                    page.wait_for_timeout(50)
                    status = page.text_content("[data-kb-search-status]")
                    cold_kb, query_kb = _kb(page.fetched), _kb(page.fetched[opened:])
                    # Then a second query on the same page: library and facet counts are there already.
                    second = "ervaring bestuur" if query != "ervaring bestuur" else "inwoners"
                    page.fill("#kb-q", "")
                    before = len(page.fetched)
                    page.type("#kb-q", second, delay=60)
                    warm = page.evaluate(_WAIT_SHOWN, [second])
                    page.wait_for_timeout(50)
                    warm_kb = _kb(page.fetched[before:])
                    context.close()
                    # Arriving: a shared link /zoeken/?q=..., from navigation to results on screen.
                    context, page = _context(browser, base)
                    page.goto(base + "zoeken/?q=" + query.replace(" ", "+"))
                    arrival = page.evaluate(_WAIT_SHOWN, [query])  # no keystroke: time since navigation
                    arrival_kb = _kb(page.fetched)
                    context.close()
                    # Header: a page that is only read, then the first query in the header field.
                    context, page = _context(browser, base)
                    page.goto(base + HEADER_PAGE)
                    page.wait_for_load_state("networkidle")
                    read_kb = _kb(page.fetched)
                    page.click("#kb-header-q")
                    page.type("#kb-header-q", query, delay=60)
                    header = page.evaluate(_WAIT_LISTED, [query])
                    page.wait_for_timeout(50)
                    header_kb = _kb(page.fetched)
                    context.close()
                    rows.append({
                        "query": query, "run": run, "status": status,
                        "typed_ms": round(typed), "warm_ms": round(warm), "arrival_ms": round(arrival),
                        "cold_kb": cold_kb, "query_kb": query_kb, "warm_kb": warm_kb, "arrival_kb": arrival_kb,
                        "header_ms": round(header), "header_kb": header_kb, "read_kb": read_kb,
                    })
                    print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def material_index_mb(root: Path, work: Path, n: int) -> dict:
    """Size of Material's own search index for the same synthetic examples (bare Material site)."""
    ours = work / "project"
    bare = make_bare_material(ours, work / "bare")
    site = work / "bare-site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare / "mkdocs.yml"), "-d", str(site)],
                   check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    index = site / "search" / "search_index.json"
    return {"material_index_mb": round(index.stat().st_size / 1e6, 1), "material_index_gzip_mb": round(gzip_kb(index) / 1000, 1)}


def summarise(rows: list[dict]) -> list[dict]:
    """Per query: median and worst of each measure over the runs."""
    out = []
    for query in dict.fromkeys(r["query"] for r in rows):
        mine = [r for r in rows if r["query"] == query]
        row = {"query": query, "status": mine[0]["status"]}
        for key in ("typed_ms", "warm_ms", "arrival_ms", "cold_kb", "query_kb", "warm_kb", "arrival_kb", "header_ms",
                    "header_kb", "read_kb"):
            values = [r[key] for r in mine]
            row[key] = statistics.median(values)
            row[key + "_max"] = max(values)
        out.append(row)
    return out


def report(facts: dict, summary: list[dict]) -> str:
    lines = ["| zoekvraag | resultaten | getypt: ms | volgende vraag: ms | via link: ms | kB tot resultaten (koud) | "
             "kB volgende vraag | kopveld: ms | kopveld: kB (alleen lezen: kB) |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in summary:
        found = r["status"].split(" voor ")[0]
        lines.append(f"| {r['query']} | {found} | {r['typed_ms']:.0f} (max {r['typed_ms_max']}) | "
                     f"{r['warm_ms']:.0f} (max {r['warm_ms_max']}) | {r['arrival_ms']:.0f} (max {r['arrival_ms_max']}) | "
                     f"{r['cold_kb']:.0f} (max {r['cold_kb_max']:.0f}) | {r['warm_kb']:.0f} | "
                     f"{r['header_ms']:.0f} (max {r['header_ms_max']}) | {r['header_kb']:.0f} (max {r['header_kb_max']:.0f}) "
                     f"({r['read_kb']:.0f}) |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search_bench")
    parser.add_argument("--examples", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path(".bench/search"))
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--reuse", action="store_true", help="gebruik een eerder gebouwde site in --work")
    parser.add_argument("--material", action="store_true", help="meet ook de grootte van Materials eigen zoekindex")
    parser.add_argument("--queries", nargs="+", default=QUERIES)
    parser.add_argument("--json", type=Path, help="schrijf de metingen ook als JSON")
    args = parser.parse_args(argv)
    work = args.work.resolve()
    site = work / "site"
    facts: dict = {"examples": args.examples, "cores": os.cpu_count()}
    if not (args.reuse and (site / indexer.OUTPUT_DIR).is_dir()):
        make_project(args.root.resolve(), work / "project", args.examples)
        facts["build_s"] = round(build(work / "project", site), 1)
    started = time.perf_counter()
    stats = indexer.index_site(site, args.root.resolve())
    facts["index_s"] = round(time.perf_counter() - started, 1)
    facts["indexed_pages"] = stats.pages
    facts.update(index_facts(site))
    facts["pagefind_js_gzip_kb"] = gzip_kb(site / indexer.OUTPUT_DIR / "pagefind.js")
    facts["pagefind_worker_gzip_kb"] = gzip_kb(site / indexer.OUTPUT_DIR / "pagefind-worker.js")
    if args.material:
        facts.update(material_index_mb(args.root.resolve(), work, args.examples))
    print(json.dumps(facts), flush=True)
    rows = measure(site, args.runs, args.queries)
    summary = summarise(rows)
    print()
    print(report(facts, summary))
    if args.json:
        args.json.write_text(json.dumps({"facts": facts, "summary": summary, "rows": rows}, indent=1,
                                        ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
