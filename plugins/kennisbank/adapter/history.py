"""When each content file last changed, from git, and where an editor changes it.

One `git log` call walks the history once, newest first; the first time a file appears is its
latest change. Outside a git repository (a downloaded zip, a fresh folder) there are no dates
and pages simply show none.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
_COMMIT = "\x1e"  # starts each commit's line in our log format, never part of a path


def last_changed(root: Path, folder: str = "content") -> dict[str, dt.date]:
    """Path relative to root (e.g. content/lessons/x.md) -> date of the last commit that changed it."""
    cmd = ["git", "-c", "core.quotePath=false", "log", "--relative", "--name-only",
           f"--format={_COMMIT}%cs", "--", folder]
    try:
        result = subprocess.run(cmd, cwd=root, capture_output=True, text=True, encoding="utf-8",
                                timeout=60)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    return parse_log(result.stdout)


def parse_log(output: str) -> dict[str, dt.date]:
    """Read `git log --name-only --format=<sep>%cs` output (newest first) in one pass."""
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in output.split("\n"):  # not splitlines(): it also splits at our separator
        if line.startswith(_COMMIT):
            try:
                current = dt.date.fromisoformat(line[1:].strip())
            except ValueError:
                current = None
        elif line.strip() and current is not None:
            dates.setdefault(line.rstrip("\r"), current)
    return dates


def dutch_date(day: dt.date) -> str:
    """24 november 2026"""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class PageHistory:
    """What the page_history partial shows under a lesson or example."""

    updated: dt.date | None
    edit_url: str | None

    @property
    def updated_text(self) -> str:
        return dutch_date(self.updated) if self.updated else ""


def page_history(dates: dict[str, dt.date], path: str, edit_url: str | None) -> PageHistory:
    return PageHistory(dates.get(path), edit_url or None)


def source_of(item, content_dir: str) -> str | None:
    """The file a page's content comes from: a document, or the vocabulary of a theme, tag, ...;
    None for overviews and the search page, which show the newest change of all content."""
    if getattr(item, "path", ""):
        return item.path
    kind = getattr(item, "kind_info", None)
    return f"{content_dir}/{kind.vocabulary}.yml" if kind is not None and kind.vocabulary else None


def content_history(dates: dict[str, dt.date], item, content_dir: str, edit_url: str | None) -> PageHistory:
    """When the content of the page of `item` last changed, and where an editor changes it."""
    path = source_of(item, content_dir)
    if path is None:
        return PageHistory(max(dates.values(), default=None), None)
    return page_history(dates, path, edit_url)


__all__ = ["PageHistory", "content_history", "dutch_date", "source_of", "last_changed", "page_history", "parse_log"]
