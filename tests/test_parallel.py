"""Two processes build a large site (parallel.py): the same site as one process, the same checks."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from conftest import mkdocs_build
from pagefind_index import site_differences
from kennisbank import parallel

ALWAYS = "  - kennisbank:\n      parallel_from: 0\n"


def always_parallel(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - kennisbank\n", ALWAYS), encoding="utf-8")


def scratch_folders() -> set[Path]:
    """Folders of pages set aside for Pagefind (indexer.py), in memory or in the temporary folder."""
    return {*Path(tempfile.gettempdir()).glob("kennisbank-zoekindex-*"), *Path("/dev/shm").glob("kennisbank-zoekindex-*")}


def test_choose_spreads_the_share_evenly():
    assert parallel.choose(list(range(10)), 0.5) == [1, 3, 5, 7, 9]
    assert len(parallel.choose(list(range(1000)), 0.6)) == 600
    assert parallel.choose([], 0.5) == []


@pytest.mark.skipif(not parallel.available(), reason="needs fork and two cores")
def test_two_processes_build_the_same_site_as_one(mini_site, mini, tmp_path):
    always_parallel(mini)
    site = tmp_path / "site"
    result = mkdocs_build(mini, site)
    assert result.returncode == 0, result.stderr
    assert "pagina's zijn in een tweede proces gebouwd" in result.stderr
    assert "pagina's zijn in een tweede proces gebouwd" not in mkdocs_build(mini, tmp_path / "one", "-q").stderr
    # Every page and the sitemap byte for byte; the search index by content (see pagefind_index.py).
    assert site_differences(site, mini_site) == []


@pytest.mark.skipif(not parallel.available(), reason="needs fork and two cores")
def test_anchor_links_are_checked_across_both_processes(mini, tmp_path):
    """Every page links to an anchor on every example: MkDocs' anchor check must see the anchors of
    pages the other process rendered, and the links on them."""
    always_parallel(mini)
    config = mini / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "validation:\n", "validation:\n  anchors: warn\n"), encoding="utf-8")
    examples = sorted(p.stem for p in (mini / "content" / "examples").glob("*.md"))
    pages = [*(mini / "content" / "examples").glob("*.md"), *(mini / "content" / "lessons").glob("*.md")]
    for page in pages:
        links = " ".join(f"[{name}](../examples/{name}.md#context)" for name in examples)
        page.write_text(page.read_text(encoding="utf-8") + f"\nZie ook {links}.\n", encoding="utf-8")
    good = mkdocs_build(mini, tmp_path / "site")
    assert good.returncode == 0, good.stderr
    assert "tweede proces" in good.stderr
    lesson = mini / "content" / "lessons" / "coalitie.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + f"\n[Mis](../examples/{examples[0]}.md#bestaat-niet)\n",
                      encoding="utf-8")
    example = mini / "content" / "examples" / f"{examples[-1]}.md"
    example.write_text(example.read_text(encoding="utf-8") + "\n[Ook mis](#nergens)\n", encoding="utf-8")
    bad = mkdocs_build(mini, tmp_path / "site")
    assert bad.returncode == 1
    assert "does not contain an anchor '#bestaat-niet'" in bad.stderr
    assert "there is no such anchor on this page" in bad.stderr and "#nergens" in bad.stderr


@pytest.mark.skipif(not parallel.available(), reason="needs fork and two cores")
def test_a_warning_in_the_second_process_fails_a_strict_build(mini, tmp_path):
    always_parallel(mini)
    pages = [*(mini / "content" / "examples").glob("*.md"), *(mini / "content" / "lessons").glob("*.md")]
    for page in pages:  # the second process renders every other one
        page.write_text(page.read_text(encoding="utf-8") + "\n[Weg](bestaat-niet.md)\n", encoding="utf-8")
    result = mkdocs_build(mini, tmp_path / "site")
    assert result.returncode == 1
    assert result.stderr.count("contains a link 'bestaat-niet.md'") == len(pages) == 4, result.stderr
    assert f"Aborted with {len(pages)} warnings in strict mode" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not parallel.available(), reason="needs fork and two cores")
def test_a_failure_in_the_second_process_stops_the_build_with_a_dutch_message(mini, tmp_path, monkeypatch, caplog):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    always_parallel(mini)

    def broken(*args, **kwargs):
        raise RuntimeError("sjabloon kapot")

    monkeypatch.setattr(parallel, "render", broken)
    config = load_config(str(mini / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    before = scratch_folders()
    with pytest.raises(Abort):
        build(config)
    assert scratch_folders() <= before  # the pages set aside for Pagefind are removed
    assert "het tweede bouwproces (het bouwt een deel van de pagina's) liep vast: RuntimeError: sjabloon kapot." in caplog.text
