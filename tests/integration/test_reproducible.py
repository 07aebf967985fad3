"""Two builds of the same commit give the same site/, byte for byte, except the order inside
Pagefind's filter chunks (see tests/pagefind_index.py), which is compared by content instead.

The build date comes from the last commit (SOURCE_DATE_EPOCH, set by the plugin: reproducible.py),
so sitemap.xml and the mtime inside sitemap.xml.gz do not depend on the day of the build.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
import subprocess
from pathlib import Path

from conftest import ROOT, mkdocs_build
from pagefind_index import canonical, site_differences


def test_two_builds_are_identical(real_site, tmp_path):
    second = tmp_path / "site"
    result = mkdocs_build(ROOT, second)
    assert result.returncode == 0, result.stderr[-3000:]
    assert site_differences(real_site, second) == []
    # The search index holds the same pages, words and filters.
    index = canonical(real_site / "pagefind")
    assert {"soort", "thema", "tag"} <= set(index["filters"]) and index["filters"]["soort"]


def test_build_date_is_the_commit_date(real_site):
    commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    if commit.returncode != 0 or not commit.stdout.strip():
        return  # not a git checkout: MkDocs uses today's date, as documented
    day = dt.datetime.fromtimestamp(int(commit.stdout), dt.timezone.utc).date().isoformat()
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {day}
    with gzip.open(real_site / "sitemap.xml.gz") as gz:
        gz.read()
        assert dt.datetime.fromtimestamp(gz.mtime, dt.timezone.utc).date().isoformat() == day
