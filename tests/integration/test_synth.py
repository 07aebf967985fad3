"""The synthetic examples and the build benchmark that uses them (make bench)."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT, check
from benchmarks import bench, phases, synth


def test_synthetic_examples_are_valid_and_read_like_real_ones(tmp_path):
    project = synth.make_project(ROOT, tmp_path / "project", 12)
    code, lines = check(project)
    assert code == 0, "\n".join(lines)
    pool = synth.text_pool(ROOT / "content")
    shortest, longest = min(pool.lengths), max(pool.lengths)
    for file in sorted((project / "content" / "examples" / "synth").glob("*.md")):
        body = file.read_text(encoding="utf-8").split("---", 2)[2]
        assert re.findall(r"^## (.+)$", body, re.M) == list(synth.SECTIONS)
        words = len(re.sub(r"^## .+$", "", body, flags=re.M).split())
        assert 0.85 * shortest <= words <= 1.1 * longest + 200, (file.name, words)
        # The names of the real cases stay on the real pages: a search for one finds only those.
        assert "stroomlijn" not in body.lower() and "vitale dorpen" not in body.lower()


def test_the_same_seed_gives_the_same_site(tmp_path):
    one = synth.make_project(ROOT, tmp_path / "one", 3)
    two = synth.make_project(ROOT, tmp_path / "two", 3)
    for file in sorted((one / "content" / "examples" / "synth").glob("*.md")):
        assert file.read_text(encoding="utf-8") == (two / file.relative_to(one)).read_text(encoding="utf-8")


def test_benchmark_builds_both_sites_and_reports_ratios(tmp_path):
    rows = bench.run(ROOT, [4], 2, tmp_path)
    row = rows[0]
    assert row["examples"] == 4 and row["pages_ours"] > 100  # the real site plus the 4 examples
    assert row["ratio"] > 0 and row["bare_s"] > 0 and row["ours_rss_mb"] > 0
    assert row["ratio_median"] > 0 and row["rounds"] == 2
    # Pagefind over bare Material's site: what a plain site with our search engine costs.
    assert row["pagefind_s"] > 0 and row["ratio_with_pagefind"] < row["ratio"]
    assert (tmp_path / "site-bare-4" / "pagefind" / "pagefind-entry.json").is_file()
    bare_pages = sum(1 for _ in (tmp_path / "site-bare-4").rglob("index.html"))
    assert bare_pages == 4 + 1 + len(synth.NAV_PAGES)  # the examples, the start page, the small nav
    assert (tmp_path / "site-bare-4" / "voorbeelden" / "synthetisch-00003" / "index.html").is_file()
    assert (tmp_path / "site-ours-4" / "pagefind" / "pagefind-entry.json").is_file()
    assert "| 4 |" in bench.report(rows) and "(2×)" in bench.report(rows)


def test_phases_say_where_one_build_spends_its_time(tmp_path):
    project = synth.make_project(ROOT, tmp_path / "project", 3)
    # In a process of its own: the stopwatches wrap MkDocs' and our functions for the whole process.
    result = subprocess.run([sys.executable, "-m", "benchmarks.phases", str(project), "--site", str(tmp_path / "site")],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    seconds = {line[:45].strip(): float(line[45:].split()[0]) for line in result.stdout.splitlines()}
    assert set(seconds) == {"hele bouw", *(label.strip() for label, _, _ in phases.PARTS)}
    assert 0 < seconds["Markdown (Page.render)"] < seconds["hele bouw"]
    assert 0 < seconds["of which Pagefind"] <= seconds["after the pages (on_post_build)"]
    assert (tmp_path / "site" / "voorbeelden" / "synthetisch-00002" / "index.html").is_file()
