"""The editor integration: remark with our frontmatter rule, as VS Code's remark extension runs it.

Needs Node.js and npm; installs the pinned packages from package-lock.json with `npm ci` when
node_modules/ is missing, and skips (saying why) when that is impossible here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, check

EXAMPLE = "content/examples/stroomlijn.md"
LINE = re.compile(r"^\s*(\d+):\d+(?:-\d+:\d+)?\s+error\s+([a-z_]+): (.*?)\s+frontmatter\s+kennisbank$")


@pytest.fixture(scope="module")
def remark() -> Path:
    if not shutil.which("node") or not shutil.which("npm"):
        pytest.skip("Node.js en npm zijn hier niet geïnstalleerd")
    binary = ROOT / "node_modules" / ".bin" / "remark"
    if not binary.exists():
        try:
            result = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT,
                                    capture_output=True, text=True, timeout=300)
        except subprocess.TimeoutExpired:
            pytest.skip("npm ci duurde te lang (geen verbinding met de npm-registry?)")
        if result.returncode != 0:
            pytest.skip(f"npm ci mislukte: {result.stderr.strip().splitlines()[-1:]}")
    return binary


@pytest.fixture
def project(mini: Path) -> Path:
    """The small project with the editor configuration as the repository has it."""
    shutil.copy(ROOT / ".remarkrc.mjs", mini / ".remarkrc.mjs")
    shutil.copytree(ROOT / "schema", mini / "schema")
    shutil.copytree(ROOT / "plugins" / "remark-kennisbank", mini / "plugins" / "remark-kennisbank")
    (mini / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return mini


def lint(remark: Path, root: Path) -> tuple[int, dict[str, set[tuple[int, str, str]]]]:
    """Run remark over content/ as `npm run lint:content` does; problems per file."""
    result = subprocess.run([str(remark), "content", "--quiet", "--frail", "--no-stdout", "--no-color"],
                            cwd=root, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "NO_COLOR": "1"})
    found: dict[str, set] = {}
    current = None
    for line in result.stderr.splitlines():
        if line.startswith("content/"):
            current = line.strip()
        elif m := LINE.match(line):
            found.setdefault(current, set()).add((int(m[1]), m[2], m[3]))
        elif "error" in line and not line.lstrip().startswith("✖"):
            raise AssertionError(f"unexpected remark output: {line}\n{result.stderr}")
    return result.returncode, found


def edit(root: Path, rel: str, *pairs: tuple[str, str]) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def test_valid_content_has_no_remarks(remark, project):
    code, found = lint(remark, project)
    assert (code, found) == (0, {})


def test_mistakes_are_marked_on_their_line_like_kennisbank_check(remark, project):
    edit(project, EXAMPLE,
         ("title: Stroomlijn", "tittle: Stroomlijn"),
         ("summary: Doelgroepenvervoer in de Drechtsteden.", "summary:"),
         ("provinces: [Zuid-Holland]", "provinces: [Zuid-Hollnd]"),
         ("year_start: 2017", 'year_start: "2017"'),
         ("tags: [vervoer, regionale-samenwerking]", "tags: []"),
         ("date: 2026-11-20", "date: 20-11-2026"))
    code, found = lint(remark, project)
    assert code == 1
    editor = found[EXAMPLE]
    assert (2, "tittle", "onbekend veld 'tittle' voor een praktijkvoorbeeld — bedoelde je 'title'?") in editor
    assert (10, "date", "verwacht een datum als JJJJ-MM-DD (bijvoorbeeld 2026-11-24), maar kreeg tekst "
                        "'20-11-2026'") in editor
    # The same line, field and Dutch message as `kennisbank check` gives for each of them.
    _, lines = check(project)
    checked = {(int(l.split(":")[1]), l.split(": ", 2)[1], l.split(": ", 2)[2])
               for l in lines[:-1] if l.startswith(EXAMPLE)}
    assert editor == checked


def test_fresh_scaffold_is_marked_only_where_required_fields_are_empty(remark, project):
    from kennisbank.cli import main

    assert main(["--root", str(project), "new", "lesson", "Nieuwe les"]) == 0
    code, found = lint(remark, project)
    assert code == 1
    assert found == {"content/lessons/nieuwe-les.md": {
        (line, field, "verplicht veld is leeg")
        for line, field in [(5, "theme"), (7, "order"), (9, "summary"), (11, "tags"), (13, "source")]}}


def test_yaml_error_and_missing_frontmatter(remark, project):
    (project / "content/lessons/kapot.md").write_text("---\ntitle: x\nsummary: [a\n---\nTekst\n")
    (project / "content/examples/zonder.md").write_text("# Zonder velden\n")
    code, found = lint(remark, project)
    assert code == 1
    (line, field, message), = found["content/lessons/kapot.md"]
    assert (line, field) == (3, "frontmatter") and message.startswith("YAML-fout:")
    assert found["content/examples/zonder.md"] == {
        (1, "frontmatter", "ontbreekt — het bestand moet beginnen met een regel '---', dan de velden, dan weer '---'")}


def test_vscode_is_set_up_for_the_remark_and_yaml_extensions():
    import json

    extensions = json.loads((ROOT / ".vscode/extensions.json").read_text())
    assert {"unifiedjs.vscode-remark", "redhat.vscode-yaml"} <= set(extensions["recommendations"])
    settings = json.loads((ROOT / ".vscode/settings.json").read_text())
    folders = json.loads((ROOT / "schema/folders.json").read_text())
    vocabularies = {f"schema/{schema}": [path] for path, schema in folders.items() if path.endswith(".yml")}
    assert settings["yaml.schemas"] == vocabularies
    assert all((ROOT / schema).is_file() for schema in vocabularies)
