"""The search index: Pagefind indexes the written site once, at the end of the build.

Pagefind reads every HTML file of the site and indexes the pages that mark their text with
`data-pagefind-body` (the templates do; redirect pages don't, so they never show up as results).
It splits the index into small chunks, so a search downloads only the parts it needs.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

OUTPUT_DIR = "pagefind"
# Never indexed, wherever they stand: field labels ("Thema", "Tags"), heading permalinks, Material's
# edit buttons and page dates. They would only add noise to every page and run into excerpts.
EXCLUDE = ("dt", ".headerlink", ".md-content__button", ".md-source-file", ".kb-kicker")
# `<html lang="nl">` makes Pagefind stem Dutch words; forcing it keeps one index if a page lacks it.
LANGUAGE = "nl"
# Seconds Pagefind may take before the build gives up on it (a hang, not a large site).
TIMEOUT = 600
# Only the core search library is used; Pagefind's ready-made interfaces are dead weight here.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class IndexFailed(Exception):
    """Pagefind could not make the index; the message is Dutch."""


@dataclass
class IndexStats:
    pages: int = 0  # pages Pagefind indexed (it skips pages without data-pagefind-body)


def executable(root: Path | str = ".") -> Path:
    """The Pagefind program: $PAGEFIND_BINARY_PATH if set, else the one `npm ci` put in the
    project (package-lock.json pins it; 1.6 searches large sites far faster), else the one from
    PyPI (pagefind[bin], 1.5), so a machine without Node.js still builds the site."""
    if os.environ.get("PAGEFIND_BINARY_PATH"):
        return Path(os.environ["PAGEFIND_BINARY_PATH"])
    for name in ("pagefind_extended", "pagefind_extended.exe", "pagefind", "pagefind.exe"):
        found = sorted(Path(root).glob(f"node_modules/@pagefind/*/bin/{name}"))
        if found:
            return found[0]
    from pagefind.service import get_executable

    path = get_executable()
    if path is None:
        raise IndexFailed("Kennisbank: het programma Pagefind is niet gevonden; installeer het met 'make install'.")
    return Path(path)


def index_site(site_dir: Path | str, root: Path | str = ".") -> IndexStats:
    """Index the built site in site_dir into site_dir/pagefind/."""
    site_dir = Path(site_dir)
    output = site_dir / OUTPUT_DIR
    command = [str(executable(root)), "--site", str(site_dir), "--output-path", str(output.resolve()),
               "--force-language", LANGUAGE]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    try:
        result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise IndexFailed(f"Kennisbank: de zoekindex (Pagefind) kon niet worden gemaakt: {exc}") from None
    report = (result.stdout + result.stderr).decode("utf-8", "replace")
    if result.returncode != 0 or not (output / "pagefind-entry.json").is_file():
        raise IndexFailed(f"Kennisbank: de zoekindex (Pagefind) kon niet worden gemaakt (code {result.returncode}). "
                          f"{report.strip()[-2000:]}".strip())
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)
    counted = re.search(r"Indexed (\d+) pages?", report)
    return IndexStats(int(counted.group(1)) if counted else 0)
