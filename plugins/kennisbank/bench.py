"""Build benchmark: our site vs. bare Material with the same number of pages, as ratios.

    python -m kennisbank.bench [--sizes 100 1000 10000] [--repeat 1] [--work .bench]

Each build runs in its own process, into a new site folder (as in CI), which is removed and
flushed to disk afterwards so it cannot slow the next build. We report the wall time of the build,
the processor time of it and its companion processes (our second process, Pagefind), and peak
memory (RSS) of the build process and of its largest companion.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def timed_build(config: Path, work: Path, keep: Path | None = None) -> dict:
    """Build into a new folder in `work`; keep the site at `keep` (replacing it) or remove it."""
    site_dir = Path(tempfile.mkdtemp(prefix="site-", dir=work))
    try:
        result = subprocess.run([sys.executable, "-c", _CHILD, str(config), str(site_dir)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"Build van {config} mislukt:\n{result.stderr[-3000:]}")
        if keep is not None:
            shutil.rmtree(keep, ignore_errors=True)
            site_dir.rename(keep)
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
        os.sync()  # the removed files are gone from the disk's queue before the next build starts
    return json.loads(result.stdout.strip().splitlines()[-1])


def site_size_mb(site_dir: Path) -> float:
    return sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file()) / 1e6


def run(root: Path, sizes: list[int], repeat: int, work: Path) -> list[dict]:
    rows = []
    for n in sizes:
        ours_dir = make_project(root, work / f"ours-{n}", n)
        bare_dir = make_bare_material(ours_dir, work / f"bare-{n}")
        best: dict[str, dict] = {}
        for _ in range(repeat):
            # Alternate the two so machine noise hits both alike.
            for name, project in (("bare", bare_dir), ("ours", ours_dir)):
                m = timed_build(project / "mkdocs.yml", work, keep=work / f"site-{name}-{n}")
                if name not in best or m["seconds"] < best[name]["seconds"]:
                    best[name] = m
        pages = sum(1 for _ in (work / f"site-ours-{n}").rglob("index.html"))
        row = {
            "examples": n, "pages_ours": pages,
            "bare_s": round(best["bare"]["seconds"], 2), "ours_s": round(best["ours"]["seconds"], 2),
            "ratio": round(best["ours"]["seconds"] / best["bare"]["seconds"], 3),
            "bare_cpu_s": round(best["bare"]["cpu_s"], 2), "ours_cpu_s": round(best["ours"]["cpu_s"], 2),
            "bare_rss_mb": round(best["bare"]["max_rss_mb"]), "ours_rss_mb": round(best["ours"]["max_rss_mb"]),
            "ours_companion_rss_mb": round(best["ours"]["companion_rss_mb"]),
            "ours_site_mb": round(site_size_mb(work / f"site-ours-{n}"), 1),
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    return rows


def report(rows: list[dict]) -> str:
    lines = ["| voorbeelden | pagina's (ons) | kaal Material (s) | Kennisbank (s) | verhouding | "
             "processortijd kaal / ons (s) | piekgeheugen kaal / ons / grootste hulpproces (MB) | site (MB) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['examples']:,} | {r['pages_ours']:,} | {r['bare_s']} | {r['ours_s']} | {r['ratio']} | "
                     f"{r['bare_cpu_s']} / {r['ours_cpu_s']} | "
                     f"{r['bare_rss_mb']} / {r['ours_rss_mb']} / {r['ours_companion_rss_mb']} | {r['ours_site_mb']} |"
                     .replace(",", "."))
    by_n = {r["examples"]: r for r in rows}
    if 1000 in by_n and 10000 in by_n:
        growth = by_n[10000]["ours_s"] / by_n[1000]["ours_s"]
        lines.append("")
        lines.append(f"Groei 1.000 → 10.000 voorbeelden: {growth:.2f}× de tijd (doel ≤ 11×).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kennisbank.bench")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=1)
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
