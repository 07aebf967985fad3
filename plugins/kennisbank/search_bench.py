"""Search benchmark: bytes and latency of one query on a site with many synthetic examples.

    python -m kennisbank.search_bench [--examples 10000] [--runs 5] [--work .bench/search] [--reuse]

Builds the project plus N synthetic examples (synth.make_project), serves the site on 127.0.0.1
with Python's http.server (no compression, so the byte counts are an upper bound), and in headless
Chromium types each query into /zoeken/ the way a reader does. Per query, in a fresh browser
context (empty cache):

- bytes: everything the search page fetched from /pagefind/ from opening the page until the
  results were on screen (the Pagefind library, its WebAssembly, the index chunks for the query,
  the facet chunks and the fragments of the first results), as the browser counted them;
- latency: from the last keystroke to the result count being on screen, measured in the page
  (performance.now()); it includes the search page's 80 ms pause after typing.

A second query in the same page (warm: library and facets already loaded) is measured too.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import socketserver
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import search
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


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(project: Path, site: Path) -> float:
    """mkdocs build of the synthetic project; not --strict: synth leaves out the meetings in the nav."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site)], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        raise SystemExit(f"Build mislukt:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


def index_facts(site: Path) -> dict:
    out = site / search.OUTPUT_DIR
    files = [p for p in out.rglob("*") if p.is_file()]
    return {
        "files": len(files),
        "mb": round(sum(p.stat().st_size for p in files) / 1e6, 1),
        "index_chunks": len(list((out / "index").glob("*"))),
        "fragments": len(list((out / "fragment").glob("*"))),
    }


def gzip_kb(path: Path) -> float:
    return round(len(gzip.compress(path.read_bytes(), 6)) / 1000, 1)


def measure(site: Path, runs: int, queries: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for query in queries:
                for run in range(runs):
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                                  else route.fulfill(status=404, body=""))
                    context.add_init_script(_PROBE)
                    page = context.new_page()
                    fetched: list[tuple[str, int]] = []
                    page.on("requestfinished", lambda r: fetched.append(
                        (r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"])))
                    page.goto(base + "zoeken/")
                    page.wait_for_function("document.querySelector('[data-kb-search-status]').textContent.startsWith('Typ')")
                    opened = len(fetched)
                    page.type("#kb-q", query, delay=60)
                    latency = page.evaluate(_WAIT_SHOWN, [query])
                    page.wait_for_timeout(100)
                    pf = [(u, n) for u, n in fetched if "/pagefind/" in u]
                    pf_query = [(u, n) for u, n in fetched[opened:] if "/pagefind/" in u]
                    # A second, different query on the warm page.
                    second = "ervaring" if query != "ervaring" else "bestuur"
                    page.fill("#kb-q", "")
                    before = len(fetched)
                    page.type("#kb-q", second, delay=60)
                    warm = page.evaluate(_WAIT_SHOWN, [second])
                    page.wait_for_timeout(100)
                    warm_bytes = sum(n for u, n in fetched[before:] if "/pagefind/" in u)
                    count = page.text_content("[data-kb-search-status]")
                    rows.append({
                        "query": query, "run": run, "latency_ms": round(latency), "warm_latency_ms": round(warm),
                        "pagefind_kb": round(sum(n for _, n in pf) / 1000, 1),
                        "query_kb": round(sum(n for _, n in pf_query) / 1000, 1),
                        "warm_kb": round(warm_bytes / 1000, 1), "requests": len(pf), "status": count,
                    })
                    print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
                    context.close()
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


def summarise(rows: list[dict]) -> dict:
    def med(key):
        return statistics.median(r[key] for r in rows)

    return {"latency_ms_median": med("latency_ms"), "latency_ms_max": max(r["latency_ms"] for r in rows),
            "warm_latency_ms_median": med("warm_latency_ms"), "warm_latency_ms_max": max(r["warm_latency_ms"] for r in rows),
            "pagefind_kb_median": med("pagefind_kb"), "pagefind_kb_max": max(r["pagefind_kb"] for r in rows),
            "query_kb_max": max(r["query_kb"] for r in rows), "warm_kb_max": max(r["warm_kb"] for r in rows)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kennisbank.search_bench")
    parser.add_argument("--examples", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path(".bench/search"))
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--reuse", action="store_true", help="gebruik een eerder gebouwde site in --work")
    parser.add_argument("--material", action="store_true", help="meet ook de grootte van Materials eigen zoekindex")
    parser.add_argument("--json", type=Path, help="schrijf de metingen ook als JSON")
    args = parser.parse_args(argv)
    work = args.work.resolve()
    site = work / "site"
    facts: dict = {"examples": args.examples, "cores": os.cpu_count()}
    if not (args.reuse and (site / search.OUTPUT_DIR).is_dir()):
        make_project(args.root.resolve(), work / "project", args.examples)
        facts["build_s"] = round(build(work / "project", site), 1)
    started = time.perf_counter()
    stats = search.build_index(site)
    facts["index_s"] = round(time.perf_counter() - started, 1)
    facts["indexed_pages"] = stats.pages
    facts.update(index_facts(site))
    facts["pagefind_js_gzip_kb"] = gzip_kb(site / search.OUTPUT_DIR / "pagefind.js")
    facts["pagefind_worker_gzip_kb"] = gzip_kb(site / search.OUTPUT_DIR / "pagefind-worker.js")
    if args.material:
        facts.update(material_index_mb(args.root.resolve(), work, args.examples))
    print(json.dumps(facts), flush=True)
    rows = measure(site, args.runs, QUERIES)
    summary = summarise(rows)
    print(json.dumps(summary), flush=True)
    if args.json:
        args.json.write_text(json.dumps({"facts": facts, "summary": summary, "rows": rows}, indent=1,
                                        ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
