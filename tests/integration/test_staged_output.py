"""Never a half-written site (issue 15): a build that fails or is stopped leaves the previous site
exactly as it was, and no staging folder behind (adapter/staging.py)."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import MINI, mkdocs_build


def fingerprint(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def shm() -> set[str]:
    return set(os.listdir("/dev/shm")) if os.path.isdir("/dev/shm") else set()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The small project built once into out/site; tests rebuild into the same folder."""
    import shutil

    project = tmp_path_factory.mktemp("staged") / "mini"
    shutil.copytree(MINI, project)
    site = project.parent / "out" / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert (site / "pagefind" / "pagefind.js").is_file()
    return project, site


def test_a_good_build_replaces_the_site_and_leaves_nothing_beside_it(built):
    project, site = built
    (site / "oud-bestand.txt").write_text("van een vorige build", encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert not (site / "oud-bestand.txt").exists()  # a clean build, as before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_a_build_that_fails_after_writing_pages_keeps_the_previous_site(built):
    """Pagefind fails at the very end, after every page was written: before, site/ lost pagefind.js."""
    project, site = built
    before = fingerprint(site)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site)], capture_output=True, text=True, cwd=project,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PAGEFIND_BINARY_PATH": "/bin/false"})
    assert result.returncode == 1 and "zoekindex (Pagefind) kon niet worden gemaakt" in result.stderr
    assert fingerprint(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_a_strict_warning_keeps_the_previous_site(built):
    """MkDocs aborts a strict build after the last plugin event; the swap must not have happened."""
    project, site = built
    before = fingerprint(site)
    page = project / "content" / "index.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n[kapot](bestaat-niet.md)\n", encoding="utf-8")
    try:
        result = mkdocs_build(project, site)
    finally:
        page.write_text(original, encoding="utf-8")
    assert result.returncode == 1 and "not found among documentation files" in result.stderr
    assert fingerprint(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_sigterm_mid_build_keeps_the_previous_site_and_cleans_up(built):
    project, site = built
    before = fingerprint(site)
    shm_before = shm()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                                "-d", str(site)], cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    deadline = time.monotonic() + 60
    staging = None
    while time.monotonic() < deadline and process.poll() is None:
        found = [p for p in site.parent.iterdir() if p.name.startswith(".site.bouwen-")]
        if found and any(found[0].rglob("*.html")):
            staging = found[0]
            break
        time.sleep(0.02)
    assert staging is not None, "de build schreef niets in een tijdelijke map naast de site"
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=60)
    assert process.returncode != 0
    assert fingerprint(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
    assert shm() <= shm_before
