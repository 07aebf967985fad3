"""Integration: a real MkDocs build of the small project, read back as HTML."""

from __future__ import annotations

import json
import subprocess
import sys
import re
from pathlib import Path

import pytest

from conftest import mkdocs_build


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_build_writes_dutch_urls_and_generated_pages(mini_site):
    site = mini_site
    for url in ["lessen/verschillen", "lessen/coalitie", "voorbeelden/stroomlijn", "voorbeelden/de-ruwaard",
                "themas/leren", "themas/samenwerken", "tags/intervisie", "tags", "lessen", "voorbeelden",
                "themas", "organisaties", "organisaties/drechtsteden", "organisaties/oss"]:
        assert (site / url / "index.html").is_file(), url
    assert not (site / "lessons").exists() and not (site / "examples").exists()
    assert not list(site.rglob("*.yml"))
    assert '<html lang="nl"' in html(site, "lessen/verschillen")


def test_lesson_and_example_link_both_ways(mini_site):
    site = mini_site
    lesson = html(site, "lessen/coalitie")
    assert 'href="../../voorbeelden/stroomlijn/"' in lesson
    assert 'href="../../voorbeelden/de-ruwaard/"' in lesson
    example = html(site, "voorbeelden/stroomlijn")
    assert 'href="../../lessen/coalitie/"' in example
    assert 'href="../../tags/vervoer/"' in example
    assert 'href="../../organisaties/drechtsteden/"' in example
    # The "Bron" line links to the publication's own page, which lists the example in turn.
    assert ('<cite><a href="../../bronnen/leren-van-elkaar/">Leren van elkaar</a></cite>, '
            "Vereniging van Gemeentesecretarissen, 2017") in example
    source = html(site, "bronnen/leren-van-elkaar")
    assert 'href="../../voorbeelden/stroomlijn/"' in source and 'href="../../lessen/coalitie/"' in source


def test_related_items_show_their_reason(mini_site):
    site = mini_site
    example = html(site, "voorbeelden/stroomlijn")
    related = example.split('id="kb-related-title"')[1]
    assert "Proeftuin De Ruwaard" in related
    assert "1 gedeelde les: Bij iedere opgave hoort een coalitie" in related


def test_tag_page_groups_by_kind(mini_site):
    site = mini_site
    page = html(site, "tags/intervisie")
    lessons, examples = page.split('id="voorbeelden"')
    assert "Van verschillen leer je meer" in lessons and "Bij iedere opgave hoort een coalitie" in lessons
    assert "Proeftuin De Ruwaard" in examples and "Stroomlijn" not in examples
    index = html(site, "tags")
    assert re.search(r"Intervisie</a>\s*<span class=\"kb-count\"[^>]*>3</span>", index)


def test_exports(mini_site):
    site = mini_site
    catalog = json.loads((site / "catalog.json").read_text())
    example = next(e for e in catalog["examples"] if e["slug"] == "stroomlijn")
    assert example["url"] == "https://mini.example.org/voorbeelden/stroomlijn/"
    assert example["lessons"] == ["https://mini.example.org/lessen/coalitie/"]
    feed = (site / "feed.xml").read_text()
    titles = re.findall(r"<entry>\s*<title>([^<]+)</title>", feed)
    assert titles == ["Proeftuin De Ruwaard", "Stroomlijn"]


def test_content_error_stops_build_before_writing(mini, tmp_path):
    path = mini / "content/examples/stroomlijn.md"
    path.write_text(path.read_text().replace("tags: [vervoer, regionale-samenwerking]", "tags: [regionaal]"))
    site = tmp_path / "site"
    result = mkdocs_build(mini, site)
    assert result.returncode == 1
    assert ("content/examples/stroomlijn.md:8: tags: onbekende tag 'regionaal' — "
            "bedoelde je 'regionale-samenwerking'?") in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()


def test_an_old_config_with_retired_options_still_builds_the_same_site(mini_site, mini, tmp_path):
    """reuse_layout and parallel_from did nothing a reader could see; configs that set them keep
    building (MkDocs' Deprecated option: a warning, so only a strict build stops)."""
    config = mini / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - kennisbank\n", "  - kennisbank:\n      reuse_layout: false\n      parallel_from: 0\n"), encoding="utf-8")
    old = tmp_path / "old"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(old)]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=mini)
    assert result.returncode == 0, result.stderr
    assert "de optie 'reuse_layout' doet niets meer" in result.stderr
    assert "de optie 'parallel_from' doet niets meer" in result.stderr
    assert mkdocs_build(mini, tmp_path / "strict").returncode == 1  # strict: a warning stops it
    pages = sorted(p.relative_to(old).as_posix() for p in old.rglob("*.html"))
    assert "voorbeelden/stroomlijn/index.html" in pages and "tags/vervoer/index.html" in pages
    for name in pages:
        assert (mini_site / name).read_text(encoding="utf-8") == (old / name).read_text(encoding="utf-8"), name
