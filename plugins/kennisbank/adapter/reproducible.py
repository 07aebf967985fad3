"""Two builds of the same commit give the same site/: the build date comes from the commit.

MkDocs stamps every page's date in sitemap.xml, and the modification time inside sitemap.xml.gz,
with "today" unless SOURCE_DATE_EPOCH is set (https://reproducible-builds.org/specs/source-date-epoch/).
The plugin sets it to the time of the commit being built, so a rebuild tomorrow of the same commit
is byte for byte the same, and the sitemap says when the content last changed rather than when
a server happened to build it. A value set by the caller wins; outside git nothing changes.

What still differs between two builds is inside Pagefind's search index (tests/test_reproducible.py).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

VARIABLE = "SOURCE_DATE_EPOCH"


def commit_time(root: Path) -> str | None:
    """Seconds since the epoch of the last commit in the repository at root, or None."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                                text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    value = result.stdout.strip()
    return value if result.returncode == 0 and value.isdigit() else None


def set_build_date(root: Path) -> str | None:
    """Set SOURCE_DATE_EPOCH from the last commit unless it is set; returns the value in force."""
    if not os.environ.get(VARIABLE):
        value = commit_time(root)
        if value:
            os.environ[VARIABLE] = value
    return os.environ.get(VARIABLE)
