"""Build benchmark: our site vs. bare Material with the same number of pages, as ratios.

    python -m benchmarks.bench [--sizes 100 1000 10000] [--repeat 3] [--work .bench]

Each build runs in its own process, into a new site folder (as in CI), and its files are flushed
to disk before the next build starts. Nothing is removed until the last build: on the machines we
measured, removing a site made the disk slow at creating files for about five seconds afterwards
(a build of 1,000 pages then took up to 1.5 s longer, bare Material's as much as ours). Old
projects and sites are moved aside instead, and removed at the end. We report the wall time of the
build, the processor time of it and its companion process (Pagefind), and
peak memory (RSS) of the build process and of its largest companion.

Each round builds bare Material, then ours. Two ratios: best against best, and the median of the
rounds' own ratios. The speed of a shared machine drifts by tens of percent within minutes; the
two builds of one round run seconds apart, so the median is the steadier figure.

Bare Material searches with its own small index (lunr); ours runs Pagefind over the written site.
So each round also times Pagefind over bare Material's site: "kaal + Pagefind" is what a plain
Material site with our search engine costs, and the part of our time that is Pagefind's own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kennisbank.adapter import pagefind

from .synth import make_bare_material, make_project

_CHILD = r"""
import json, os, resource, sys, time, logging
os.environ["NO_MKDOCS_2_WARNING"] = "1"
logging.disable(logging.INFO)
from mkdocs.config import load_config
from mkdocs.commands.build import build
start = time.perf_counter()
cfg = load_config(sys.argv[1], site_dir=sys.argv[2], strict=True)
build(cfg)
seconds = time.perf_counter() - start
me, companions = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "max_rss_mb": me.ru_maxrss / 1024,
                  "companion_rss_mb": companions.ru_maxrss / 1024,
                  "cpu_s": me.ru_utime + me.ru_stime + companions.ru_utime + companions.ru_stime}))
"""


def timed_build(config: Path, work: Path) -> tuple[dict, Path]:
    """Build into a new folder in `work`; returns the measurements and the folder."""
    site_dir = Path(tempfile.mkdtemp(prefix="site-", dir=work))
    result = subprocess.run([sys.executable, "-c", _CHILD, str(config), str(site_dir)],
                            capture_output=True, text=True)
    os.sync()  # this build's files are on disk before the next build starts
    if result.returncode != 0:
        raise SystemExit(f"Build van {config} mislukt:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1]), site_dir


def timed_index(site_dir: Path, root: Path) -> dict:
    """Pagefind over a written site, as our build runs it: wall and processor time."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    pagefind.index_site(site_dir, root)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"seconds": time.perf_counter() - start,
            "cpu_s": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime}


def site_size_mb(site_dir: Path) -> float:
    return sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file()) / 1e6


def run(root: Path, sizes: list[int], repeat: int, work: Path) -> list[dict]:
    work.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(prefix="weg-", dir=work))

    def move_aside(path: Path) -> None:
        if path.exists():
            path.rename(aside / f"{len(list(aside.iterdir()))}-{path.name}")

    rows = []
    try:
        for n in sizes:
            rows.append(_measure(root, n, repeat, work, move_aside))
            print(json.dumps(rows[-1]), flush=True)
    finally:
        shutil.rmtree(aside, ignore_errors=True)
    return rows


def _measure(root: Path, n: int, repeat: int, work: Path, move_aside) -> dict:
    move_aside(work / f"ours-{n}")
    move_aside(work / f"bare-{n}")
    ours_dir = make_project(root, work / f"ours-{n}", n)
    bare_dir = make_bare_material(ours_dir, work / f"bare-{n}")
    os.sync()
    best: dict[str, dict] = {}
    ratios = []  # ours / bare within each round: the two builds of a round ran seconds apart
    index = None  # the fastest run of Pagefind over bare Material's site
    for _ in range(repeat):
        # Alternate the two so machine noise hits both alike.
        this_round = {}
        for name, project in (("bare", bare_dir), ("ours", ours_dir)):
            m, site = timed_build(project / "mkdocs.yml", work)
            if name == "bare":
                run = timed_index(site, root)
                index = run if index is None or run["seconds"] < index["seconds"] else index
            keep = work / f"site-{name}-{n}"  # the last site of each, for inspection
            move_aside(keep)
            site.rename(keep)
            this_round[name] = m["seconds"]
            if name not in best or m["seconds"] < best[name]["seconds"]:
                best[name] = m
        ratios.append(this_round["ours"] / this_round["bare"])
    pages = sum(1 for _ in (work / f"site-ours-{n}").rglob("index.html"))
    return {
        "examples": n, "pages_ours": pages,
        "bare_s": round(best["bare"]["seconds"], 2), "ours_s": round(best["ours"]["seconds"], 2),
        "ratio": round(best["ours"]["seconds"] / best["bare"]["seconds"], 3),
        "ratio_median": round(statistics.median(ratios), 3), "rounds": repeat,
        "bare_cpu_s": round(best["bare"]["cpu_s"], 2), "ours_cpu_s": round(best["ours"]["cpu_s"], 2),
        "cpu_ratio": round(best["ours"]["cpu_s"] / best["bare"]["cpu_s"], 3),
        "pagefind_s": round(index["seconds"], 2), "pagefind_cpu_s": round(index["cpu_s"], 2),
        "ratio_with_pagefind": round(best["ours"]["seconds"] / (best["bare"]["seconds"] + index["seconds"]), 3),
        "cpu_ratio_with_pagefind": round(best["ours"]["cpu_s"] / (best["bare"]["cpu_s"] + index["cpu_s"]), 3),
        "bare_rss_mb": round(best["bare"]["max_rss_mb"]), "ours_rss_mb": round(best["ours"]["max_rss_mb"]),
        "ours_companion_rss_mb": round(best["ours"]["companion_rss_mb"]),
        "ours_site_mb": round(site_size_mb(work / f"site-ours-{n}"), 1),
    }


def report(rows: list[dict]) -> str:
    lines = ["| voorbeelden | pagina's (ons) | kaal Material (s) | Kennisbank (s) | verhouding | "
             "verhouding, mediaan per ronde | "
             "processortijd kaal / ons (s) | verhouding processortijd | Pagefind over de kale site: s (processor) | "
             "verhouding tegen kaal + Pagefind: tijd / processor | "
             "piekgeheugen kaal / ons / grootste hulpproces (MB) | site (MB) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['examples']:,} | {r['pages_ours']:,} | {r['bare_s']} | {r['ours_s']} | {r['ratio']} | "
                     f"{r['ratio_median']} ({r['rounds']}×) | {r['bare_cpu_s']} / {r['ours_cpu_s']} | {r['cpu_ratio']} | "
                     f"{r['pagefind_s']} ({r['pagefind_cpu_s']}) | {r['ratio_with_pagefind']} / {r['cpu_ratio_with_pagefind']} | "
                     f"{r['bare_rss_mb']} / {r['ours_rss_mb']} / {r['ours_companion_rss_mb']} | {r['ours_site_mb']} |"
                     .replace(",", "."))
    by_n = {r["examples"]: r for r in rows}
    if 1000 in by_n and 10000 in by_n:
        growth = by_n[10000]["ours_s"] / by_n[1000]["ours_s"]
        lines.append("")
        lines.append(f"Groei 1.000 → 10.000 voorbeelden: {growth:.2f}× de tijd (doel ≤ 11×).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(".bench"))
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--json", type=Path, help="schrijf de metingen ook als JSON")
    args = parser.parse_args(argv)
    started = time.time()
    rows = run(args.root.resolve(), args.sizes, args.repeat, args.work.resolve())
    print()
    print(report(rows))
    print(f"\n(totale duur {time.time() - started:.0f} s, {os.cpu_count()} cores)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
