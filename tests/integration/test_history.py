"""'Laatst bijgewerkt' from git history and 'Bewerk deze pagina' under lessons and examples."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from conftest import mkdocs_build
from kennisbank.adapter import history

REPO = "https://github.com/vgs-kennisbank/kennisbank"


def git(root: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "redactie@example.org",
           "GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "redactie@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+01:00"
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit_all(root: Path, date: str, message: str = "Inhoud") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)


@pytest.fixture
def repo(mini: Path) -> Path:
    """The small project as a git repository with a short history."""
    git(mini, "init", "-q", "-b", "main")
    commit_all(mini, "2025-03-03", "Eerste versie")
    lesson = mini / "content/lessons/coalitie.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("Tekst over coalities.", "Nieuwe tekst."),
                      encoding="utf-8")
    commit_all(mini, "2026-01-15", "Les bijgewerkt")
    return mini


@pytest.mark.parametrize("output,expected", [
    ("", {}),
    ("\x1e2026-01-15\n\ncontent/a.md\ncontent/b.md\n\x1e2025-03-03\n\ncontent/a.md\ncontent/c.md\n",
     {"content/a.md": dt.date(2026, 1, 15), "content/b.md": dt.date(2026, 1, 15),
      "content/c.md": dt.date(2025, 3, 3)}),
    ("\x1eniet-een-datum\n\ncontent/a.md\n\x1e2025-03-03\ncontent/a.md\n", {"content/a.md": dt.date(2025, 3, 3)}),
    ("\x1e2025-03-03\n\ncontent/Súdwest Fryslân.md\r\n", {"content/Súdwest Fryslân.md": dt.date(2025, 3, 3)}),
])
def test_parse_log_keeps_the_newest_date_per_file(output, expected):
    assert history.parse_log(output) == expected


def test_last_changed_reads_all_files_in_one_git_call(repo, monkeypatch):
    calls = []
    real_run = subprocess.run

    def counting_run(cmd, *args, **kwargs):
        calls.append(cmd)
        return real_run(cmd, *args, **kwargs)

    monkeypatch.setattr(history.subprocess, "run", counting_run)
    dates = history.last_changed(repo, "content")
    assert len(calls) == 1
    assert dates["content/lessons/coalitie.md"] == dt.date(2026, 1, 15)
    assert dates["content/lessons/verschillen.md"] == dt.date(2025, 3, 3)
    assert dates["content/examples/stroomlijn.md"] == dt.date(2025, 3, 3)
    assert all(path.startswith("content/") for path in dates)


def test_paths_are_relative_to_the_project_inside_a_larger_repository(tmp_path, mini):
    git(tmp_path, "init", "-q", "-b", "main")
    commit_all(tmp_path, "2024-06-01")
    assert history.last_changed(mini, "content")["content/lessons/coalitie.md"] == dt.date(2024, 6, 1)


def test_no_git_repository_means_no_dates(mini):
    assert history.last_changed(mini, "content") == {}


def test_no_git_program_means_no_dates(repo, monkeypatch):
    monkeypatch.setenv("PATH", "")
    assert history.last_changed(repo, "content") == {}


def test_dutch_date():
    assert history.dutch_date(dt.date(2026, 3, 1)) == "1 maart 2026"


def with_repo_url(root: Path) -> None:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text() + f"repo_url: {REPO}\nedit_uri: edit/main/content/\n")


def history_line(site: Path, url: str) -> str:
    page = (site / url / "index.html").read_text(encoding="utf-8")
    start = page.index('<p class="kb-history">')
    return page[start:page.index("</p>", start) + 4]


def test_pages_show_last_update_and_edit_link(repo, tmp_path):
    with_repo_url(repo)
    commit_all(repo, "2026-02-01", "Configuratie")  # touches no content: dates stay
    site = tmp_path / "site"
    result = mkdocs_build(repo, site)
    assert result.returncode == 0, result.stderr
    assert history_line(site, "lessen/coalitie") == (
        '<p class="kb-history"><span>Laatst bijgewerkt: <time datetime="2026-01-15">15 januari 2026</time>'
        f'</span><a class="kb-history__edit" href="{REPO}/edit/main/content/lessons/coalitie.md" '
        'rel="nofollow">Bewerk deze pagina</a></p>')
    example = history_line(site, "voorbeelden/stroomlijn")
    assert '<time datetime="2025-03-03">3 maart 2025</time>' in example
    # Published at a Dutch URL, edited at its file in content/examples/.
    assert f'href="{REPO}/edit/main/content/examples/stroomlijn.md"' in example
    assert "kb-history" not in (site / "tags/intervisie/index.html").read_text(encoding="utf-8")


def test_outside_git_only_the_edit_link(mini, tmp_path):
    with_repo_url(mini)
    site = tmp_path / "site"
    assert mkdocs_build(mini, site).returncode == 0
    line = history_line(site, "lessen/coalitie")
    assert "Laatst bijgewerkt" not in line and "Bewerk deze pagina" in line


def test_without_repo_url_nothing_is_shown(mini, tmp_path):
    site = tmp_path / "site"
    assert mkdocs_build(mini, site).returncode == 0
    assert "kb-history" not in (site / "lessen/coalitie/index.html").read_text(encoding="utf-8")
