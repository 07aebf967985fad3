"""The site builds the same with MkDocs 1.6 and with ProperDocs 1.6, the maintained fork of MkDocs 1.x
(it runs `mkdocs.plugins` entry points unchanged). Only the generator line may differ."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import mkdocs_build
from pagefind_index import canonical

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def properdocs_build(root: Path, site: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def contents(site: Path) -> dict[str, bytes]:
    out = {}
    # Pagefind names its files by hashes that differ from build to build: compared by content instead.
    for path in sorted(p for p in site.rglob("*") if p.is_file() and "pagefind" not in p.relative_to(site).parts):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)  # the archive's own time stamp is the build's
        elif path.suffix == ".html":
            data = GENERATOR.sub("", data.decode("utf-8")).encode("utf-8")
        out[path.relative_to(site).as_posix()] = data
    return out


def test_mkdocs_and_properdocs_build_the_same_site(mini, tmp_path):
    pytest.importorskip("properdocs")
    one, two = tmp_path / "mkdocs", tmp_path / "properdocs"
    assert mkdocs_build(mini, one).returncode == 0
    result = properdocs_build(mini, two)
    assert result.returncode == 0, result.stderr
    assert "Kennisbank: zoekindex voor" in result.stderr
    built_one, built_two = contents(one), contents(two)
    assert built_one.keys() == built_two.keys()
    assert "bronnen/leren-van-elkaar/index.html" in built_one
    differing = [name for name in built_one if built_one[name] != built_two[name]]
    assert not differing
    assert canonical(one / "pagefind") == canonical(two / "pagefind")
    page = (two / "lessen/coalitie/index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs 1.6' in page
