"""Shared fixtures: a small valid project copied per test, and helpers to run our commands."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"
SEEDS = ROOT.parent / "shared" / "seeds"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
sys.path.insert(0, str(ROOT))  # benchmarks/ (the build benchmark and its synthetic corpus)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the small valid project."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


def check(root: Path) -> tuple[int, list[str]]:
    """Run `kennisbank check` in-process; return the exit code and the message lines."""
    from kennisbank.cli import main
    import contextlib
    import io

    err = io.StringIO()
    out = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(["--root", str(root), "check"])
    lines = [l for l in (err.getvalue() + out.getvalue()).splitlines() if l.strip()]
    return code, lines


def mkdocs_build(root: Path, site_dir: Path | None = None, *extra: str) -> subprocess.CompletedProcess:
    """A real `mkdocs build --strict` of the project at root, as a subprocess."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")]
    if site_dir is not None:
        cmd += ["-d", str(site_dir)]
    return subprocess.run([*cmd, *extra], capture_output=True, text=True, cwd=root,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> Path:
    """The small project as it is, built once per test run; for tests that only read the site."""
    project = tmp_path_factory.mktemp("mini") / "mini"
    shutil.copytree(MINI, project)
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real project, built once per test run with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr[-5000:]
    return site


@pytest.fixture(scope="session")
def real_model():
    from kennisbank.core import load_site

    return load_site(ROOT)


# --- Real browser (tests/browser.py). Playwright's sync API allows one driver at a time per thread,
# so the browser lives for one test module; modules with their own driver keep working.

@pytest.fixture(scope="session")
def site_url(real_site: Path):
    """The real built site served on 127.0.0.1 (a free port) for the whole run."""
    from browser import serve

    with serve(real_site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium, headless, for one test module."""
    from browser import launch

    with launch() as browser:
        yield browser


@pytest.fixture
def watched(chromium, site_url):
    """Open a watched page on the real site: `watch, page = watched(viewport=..., color_scheme=...)`.

    `watch.assert_clean()` fails on console errors, failed requests and requests outside 127.0.0.1.
    Contexts are closed after the test.
    """
    from browser import DESKTOP, Watch

    contexts = []

    def open_page(viewport=DESKTOP, color_scheme="light", base_url=site_url, **options):
        context = chromium.new_context(viewport=viewport, color_scheme=color_scheme, locale="nl-NL", **options)
        contexts.append(context)
        watch = Watch(context, base_url)
        return watch, watch.page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> tuple[Path, Path]:
    """The small project with script in every frontmatter field (tests/hostile.py), built once.

    Returns (site folder, project folder).
    """
    from hostile import make_project

    project = make_project(tmp_path_factory.mktemp("hostile") / "project")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-5000:]
    return site, project
