"""Where one build's time goes: the build of a project, with a stopwatch around each part.

    python -m benchmarks.phases PROJECT_DIR [--site DIR]

Wraps, for this one process only, the functions that do the main parts of a build (Markdown,
templates, QR codes, our hooks, Pagefind, writing files) and prints the seconds spent in each.
Parts nest: the QR codes are made inside the templates, Pagefind runs inside on_post_build.
Use a project from `benchmarks.synth.make_project` (as `make bench` does) to see a large site.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import logging
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

# (label, module, attribute path): what is timed, in the order it is reported.
PARTS = (
    ("Markdown (Page.render)", "mkdocs.structure.pages", "Page.render"),
    ("templates (Template.render)", "jinja2.environment", "Template.render"),
    ("  of which QR codes", "kennisbank.adapter.renderer", "Renderer.qr"),
    ("load and check the content (on_config)", "kennisbank.adapter.plugin", "KennisbankPlugin.on_config"),
    ("publication's files (on_files)", "kennisbank.adapter.plugin", "KennisbankPlugin.on_files"),
    ("sanitiser (on_page_content)", "kennisbank.adapter.plugin", "KennisbankPlugin.on_page_content"),
    ("writing pages (write_file)", "mkdocs.utils", "write_file"),
    ("after the pages (on_post_build)", "kennisbank.adapter.plugin", "KennisbankPlugin.on_post_build"),
    ("  of which Pagefind", "kennisbank.adapter.pagefind", "index_site"),
)


def _wrap(owner, name: str, label: str, spent: Counter) -> None:
    original = getattr(owner, name)

    @functools.wraps(original)
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - start

    setattr(owner, name, timed)


def measure(project: Path, site_dir: Path) -> tuple[float, Counter]:
    """Build project into site_dir with every part of PARTS timed; the total and the parts."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.disable(logging.INFO)
    spent: Counter = Counter()
    for label, module, path in PARTS:
        owner = importlib.import_module(module)
        *outer, name = path.split(".")
        for part in outer:
            owner = getattr(owner, part)
        _wrap(owner, name, label, spent)
    from mkdocs.commands import build as build_command
    from mkdocs.config import load_config

    start = time.perf_counter()
    build_command.build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    return time.perf_counter() - start, spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.phases")
    parser.add_argument("project", type=Path)
    parser.add_argument("--site", type=Path, help="bouw hierheen (standaard een tijdelijke map)")
    args = parser.parse_args(argv)
    site = args.site or Path(tempfile.mkdtemp(prefix="phases-"))
    total, spent = measure(args.project.resolve(), site.resolve())
    print(f"{'hele bouw':45} {total:7.2f} s")
    for label, _, _ in PARTS:
        print(f"{label:45} {spent[label]:7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
