"""Published URLs never vanish: the manifest, the check in build and `kennisbank check`, `kennisbank urls`.

The mini fixture has no published-urls.txt, so its other tests are not checked (see urls.py); the
tests here write one with `kennisbank urls` first, as a project does once.
"""

from __future__ import annotations

import contextlib
import io
from types import SimpleNamespace
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, check, mkdocs_build
from kennisbank.publish import manifest, paths
from kennisbank.core import load_site

urls = SimpleNamespace(**{**vars(manifest), **vars(paths)})  # the manifest and the URL helpers it uses
OLD = "content/examples/stroomlijn.md"
NEW = "content/examples/stroomlijn-vervoer.md"

MINI_URLS = [
    "/", "/bronnen/", "/bronnen/leren-van-elkaar/", "/lessen/", "/lessen/coalitie/", "/lessen/verschillen/",
    "/organisaties/", "/organisaties/dordrecht/", "/organisaties/drechtsteden/", "/organisaties/oss/",
    "/tags/", "/tags/intervisie/", "/tags/regionale-samenwerking/", "/tags/vervoer/",
    "/themas/", "/themas/leren/", "/themas/samenwerken/",
    "/voorbeelden/", "/voorbeelden/de-ruwaard/", "/voorbeelden/stroomlijn/", "/zoeken/",
]


def run(root: Path, *args: str) -> tuple[int, str, str]:
    from kennisbank.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return code, out.getvalue(), err.getvalue()


def rename(root: Path, alias: bool) -> None:
    text = (root / OLD).read_text(encoding="utf-8")
    if alias:
        text = text.replace("status: lopend\n", "status: lopend\naliases: [/voorbeelden/stroomlijn/]\n", 1)
    (root / OLD).unlink()
    (root / NEW).write_text(text, encoding="utf-8")


@pytest.fixture
def published(mini) -> Path:
    """The mini project with its manifest written, as after a first `kennisbank urls`."""
    code, out, err = run(mini, "urls")
    assert code == 0, err
    return mini


# --- the URL arithmetic -------------------------------------------------------------------------

@pytest.mark.parametrize("url,path", [
    ("lessen/x/", "/lessen/x/"), ("/lessen/x/", "/lessen/x/"), ("lessen/x", "/lessen/x/"), ("", "/"), ("/", "/"),
])
def test_site_path(url, path):
    assert urls.site_path(url) == path


@pytest.mark.parametrize("src_uri,url", [
    ("index.md", ""), ("over.md", "over/"), ("hulp/index.md", "hulp/"), ("hulp/vragen.md", "hulp/vragen/"),
    ("hulp/README.md", "hulp/"),
])
def test_page_url(src_uri, url):
    assert urls.page_url(src_uri) == url


@pytest.mark.parametrize("typed,path", [
    ("/voorbeelden/oud/", "/voorbeelden/oud/"), ("voorbeelden/oud", "/voorbeelden/oud/"),
    ("https://kennisbank.example.org/voorbeelden/oud/", "/voorbeelden/oud/"),
    ("/voorbeelden/oud/#aanpak", "/voorbeelden/oud/"), (" /over/ ", "/over/"),
])
def test_normalise_what_an_editor_types(typed, path):
    assert urls.normalise(typed) == path


def test_plain_pages_follow_mkdocs_exclusions(tmp_path):
    content = tmp_path / "content"
    for name in ["index.md", "over.md", "lessons/a.md", "examples/b.md", "bijeenkomsten/c.md", ".concept.md",
                 "hulp/index.md", "hulp/_sjabloon.md"]:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text("x", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("exclude_docs: |\n  _*.md\nmarkdown_extensions:\n"
                                         "  - pymdownx.emoji:\n      emoji_index: !!python/name:x.y\n")
    found = urls.plain_pages(content, urls.project_exclude(tmp_path))
    assert found == ["hulp/index.md", "index.md", "over.md"]


def test_published_urls_come_from_the_model(mini):
    site = load_site(mini)
    found = urls.url_set(site, urls.plain_pages(mini / "content", urls.project_exclude(mini)))
    assert sorted(found.all) == MINI_URLS
    assert found.pages["/voorbeelden/stroomlijn/"] == OLD
    assert found.pages["/"] == "content/index.md"


@pytest.mark.parametrize("text,problem", [
    ("/lessen/x/\nlessen/y/\n", "published-urls.txt:2: url: 'lessen/y/' is geen sitepad — schrijf het als /lessen/y/"),
    ("/lessen/x/\n/lessen/x/\n", "published-urls.txt:2: url: /lessen/x/ staat twee keer in de lijst; laat er één staan"),
    ("# kop\n\n/lessen/x\n", "published-urls.txt:3: url: '/lessen/x' is geen sitepad"),
])
def test_manifest_lines_that_are_not_paths(text, problem):
    entries, problems = urls.read_manifest(text)
    assert len(problems) == 1 and str(problems[0]).startswith(problem)


# --- the manifest and the command ---------------------------------------------------------------

def test_urls_writes_a_sorted_manifest(published):
    text = (published / urls.MANIFEST).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:2] == list(urls.HEADER)
    assert lines[2:] == MINI_URLS
    code, out, _ = run(published, "urls")
    assert code == 0 and out.startswith(f"{urls.MANIFEST} is bij: {len(MINI_URLS)} adressen.")
    assert run(published, "urls", "--check")[0] == 0


def test_manifest_passes_build_and_check(published, tmp_path):
    assert check(published)[0] == 0
    assert mkdocs_build(published, tmp_path / "site").returncode == 0


def test_rename_without_alias_fails_build_and_check(published, tmp_path):
    rename(published, alias=False)
    line = MINI_URLS.index("/voorbeelden/stroomlijn/") + 1 + len(urls.HEADER)
    message = (f"published-urls.txt:{line}: url: /voorbeelden/stroomlijn/ bestaat niet meer — voeg "
               "`aliases: [/voorbeelden/stroomlijn/]` toe aan het bestand dat nu die inhoud heeft "
               f"(waarschijnlijk {NEW}), of haal de URL bewust weg met "
               "`kennisbank urls --remove /voorbeelden/stroomlijn/`")
    code, lines = check(published)
    assert code == 1 and lines == [message, "1 fout gevonden; de site is niet gebouwd."]
    site = tmp_path / "site"
    result = mkdocs_build(published, site)
    assert result.returncode == 1 and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()  # failed before MkDocs wrote anything
    # `kennisbank urls` refuses too: it never drops an address by itself.
    code, _, err = run(published, "urls")
    assert code == 1 and message in err and "published-urls.txt is niet bijgewerkt" in err


def test_rename_with_alias_passes_and_urls_adds_the_new_address(published, tmp_path):
    rename(published, alias=True)
    assert check(published)[0] == 0
    assert mkdocs_build(published, tmp_path / "site").returncode == 0
    code, _, err = run(published, "urls", "--check")
    assert code == 1 and "/voorbeelden/stroomlijn-vervoer/" in err
    code, out, _ = run(published, "urls")
    assert code == 0 and "+ /voorbeelden/stroomlijn-vervoer/" in out
    listed = (published / urls.MANIFEST).read_text(encoding="utf-8").splitlines()
    assert "/voorbeelden/stroomlijn/" in listed and "/voorbeelden/stroomlijn-vervoer/" in listed
    assert listed[2:] == sorted(listed[2:])


def test_deliberate_removal(published):
    (published / OLD).unlink()
    assert check(published)[0] == 1
    # Still a page: cannot be removed.
    code, _, err = run(published, "urls", "--remove", "/voorbeelden/de-ruwaard/")
    assert code == 1 and "/voorbeelden/de-ruwaard/ werkt nog: het is content/examples/de-ruwaard.md" in err
    code, _, err = run(published, "urls", "--remove", "/voorbeelden/bestaat-nooit/")
    assert code == 1 and "/voorbeelden/bestaat-nooit/ staat niet in de lijst" in err
    code, out, _ = run(published, "urls", "--remove", "voorbeelden/stroomlijn")
    assert code == 0 and "- /voorbeelden/stroomlijn/" in out
    assert "/voorbeelden/stroomlijn/" not in (published / urls.MANIFEST).read_text(encoding="utf-8")
    assert check(published)[0] == 0


def test_removing_an_alias_that_was_published_fails(published):
    rename(published, alias=True)
    assert run(published, "urls")[0] == 0
    path = published / NEW
    path.write_text(path.read_text(encoding="utf-8").replace("aliases: [/voorbeelden/stroomlijn/]\n", ""),
                    encoding="utf-8")
    code, lines = check(published)
    assert code == 1 and "/voorbeelden/stroomlijn/ bestaat niet meer" in lines[0]


def test_without_manifest_nothing_is_checked(mini):
    rename(mini, alias=False)
    assert check(mini)[0] == 0
    assert not (mini / urls.MANIFEST).exists()


def test_manifest_problems_are_reported_with_their_line(published):
    path = published / urls.MANIFEST
    path.write_text(path.read_text(encoding="utf-8") + "lessen/zonder-streep\n", encoding="utf-8")
    code, lines = check(published)
    assert code == 1
    assert lines[0].startswith(f"published-urls.txt:{len(MINI_URLS) + 3}: url: 'lessen/zonder-streep' is geen sitepad")


def test_the_committed_manifest_still_holds():
    """Every address in published-urls.txt is still a page or an old address (`kennisbank check`
    says the same). New pages need not be listed: the publish workflow on main records them."""
    site = load_site(ROOT)
    problems = manifest.check_project(ROOT, "content", site, [])
    assert not problems, "\n".join(map(str, problems))


def test_a_new_page_is_fine_without_touching_the_manifest(published):
    (published / "content" / "examples" / "nieuw-voorbeeld.md").write_text(
        (published / "content" / "examples" / "stroomlijn.md").read_text(encoding="utf-8"), encoding="utf-8")
    code, lines = check(published)
    assert code == 0, lines
    # What the publish workflow runs on main afterwards: the new address is recorded.
    code, out, err = run(published, "urls")
    assert code == 0 and "/voorbeelden/nieuw-voorbeeld/" in out
    assert "/voorbeelden/nieuw-voorbeeld/" in (published / "published-urls.txt").read_text(encoding="utf-8")


def test_the_publish_workflow_records_new_addresses():
    workflow = yaml.safe_load((ROOT / ".github/workflows/publiceren.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["bouwen"]["steps"]]
    record = steps.index("make publish-urls")
    assert record > steps.index("make build")
    target = (ROOT / "Makefile").read_text(encoding="utf-8").split("\npublish-urls:")[1].split("\n\n")[0]
    assert "kennisbank urls" in target and "git push" in target
    assert workflow["permissions"]["contents"] == "write"
    controle = (ROOT / ".github/workflows/controle.yml").read_text(encoding="utf-8")
    assert "urls --check" not in controle
