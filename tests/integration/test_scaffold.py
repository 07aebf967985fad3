"""`kennisbank new`: a file with every field and its Dutch explanation, valid once filled in."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import check, mkdocs_build
from kennisbank.cli import scaffold
from kennisbank.cli import main
from kennisbank.core.fields import Field
from kennisbank.core.kinds import Kind

# One entry per registered kind (a kind registers several command words).
KINDS = sorted({s.names[0] for s in scaffold.SCAFFOLDS.values()})
PROBLEM_LINE = re.compile(r"^content/[a-z/]+/[a-z0-9-]+\.md:\d+: [a-z_.]+: \S.*$")


def new(root: Path, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), "new", *args])
    return code, out.getvalue() + err.getvalue()


def keys(root: Path, ref: str) -> list[str]:
    """Known keys of a reference kind in the project, to fill a field the way an editor would."""
    content = root / "content"
    if ref in ("lessons", "items"):
        slugs = sorted(p.stem for p in (content / "lessons").glob("*.md"))
        return slugs if ref == "lessons" else [f"lessen/{s}" for s in slugs]
    return list(yaml.safe_load((content / f"{ref}.yml").read_text(encoding="utf-8")))


def value_for(f: Field, root: Path):
    """A valid value for a required field, chosen from the schema and the project's vocabularies."""
    item_type = f.items if f.type == "list" else f.type
    if item_type == "mapping":  # a meeting's agenda: one point with its required fields
        one = "{" + ", ".join(f"{sub.name}: {value_for(sub, root)}" for sub in f.fields if sub.required) + "}"
    elif item_type == "time":
        one = '"14:00"'
    elif item_type == "ref":
        one = keys(root, f.ref)[0]
    elif item_type == "enum":
        one = f.choices[0]
    elif item_type == "int":
        one = f.maximum  # the highest order is free in any theme
    elif item_type == "date":
        one = dt.date(2026, 11, 24).isoformat()
    else:
        one = "Ingevuld door de test."
    return f"[{one}]" if f.type == "list" else one


def fill(path: Path, kind: Kind, root: Path) -> None:
    """Fill every required field that the scaffold left empty, line by line as an editor would
    (and of fields of which one group is needed, the first group: for an example, its source)."""
    text = path.read_text(encoding="utf-8")
    needed = set(kind.alternatives[0]) if kind.alternatives else set()
    for f in kind.fields:
        # Required fields, a meeting's agenda (it needs an agenda or a list of items), an example's source.
        if f.required or f.items == "mapping" or f.name in needed:
            text = re.sub(rf"^{f.name}:( \[\])?$", f"{f.name}: {value_for(f, root)}", text, flags=re.M)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name", KINDS)
def test_scaffold_has_every_field_with_its_description(mini, name):
    code, output = new(mini, name, "Vitale dorpen in Drechterland")
    assert code == 0, output
    kind = scaffold.SCAFFOLDS[name].kind
    path = mini / "content" / kind.folder / "vitale-dorpen-in-drechterland.md"
    assert f"{path.relative_to(mini).as_posix()}" in output
    text = path.read_text(encoding="utf-8")
    head = text.split("---\n")[1]
    assert list(yaml.safe_load(head)) == kind.names  # every field, in schema order
    lines = head.splitlines()
    for f in kind.fields:
        line = lines.index(next(l for l in lines if l.startswith(f"{f.name}:")))
        comment = lines[line - 1]
        assert comment.startswith("# ") and f.description.rstrip(".") in comment, (f.name, comment)
        assert ("Verplicht." if f.required else "Mag leeg blijven.") in comment
    assert yaml.safe_load(head)["title"] == "Vitale dorpen in Drechterland"


@pytest.mark.parametrize("name", KINDS)
def test_filled_in_scaffold_passes_check(mini, name):
    code, _ = new(mini, name, "Súdwest-Fryslân: dorpen & kernen")
    assert code == 0
    kind = scaffold.SCAFFOLDS[name].kind
    path = mini / "content" / kind.folder / "sudwest-fryslan-dorpen-kernen.md"
    fill(path, kind, mini)
    code, lines = check(mini)
    assert code == 0, lines
    assert lines[0].startswith("Alles in orde")


def test_filled_in_example_builds_at_its_dutch_url(mini, tmp_path):
    assert new(mini, "example", "Proeftuin Oss 2")[0] == 0
    fill(mini / "content/examples/proeftuin-oss-2.md", scaffold.SCAFFOLDS["example"].kind, mini)
    site = tmp_path / "site"
    result = mkdocs_build(mini, site)
    assert result.returncode == 0, result.stderr
    page = (site / "voorbeelden/proeftuin-oss-2/index.html").read_text(encoding="utf-8")
    assert "Proeftuin Oss 2" in page and "<h2 id=\"aanpak\">Aanpak" in page


def test_unfilled_scaffold_gives_dutch_errors_not_a_traceback(mini):
    assert new(mini, "example", "Nog leeg")[0] == 0
    result = subprocess.run([sys.executable, "-m", "kennisbank.cli", "--root", str(mini), "check"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert lines[-1] == "6 fouten gevonden; de site is niet gebouwd."
    for line in lines[:-1]:
        assert PROBLEM_LINE.match(line) and line.startswith("content/examples/nog-leeg.md:"), line
    assert "content/examples/nog-leeg.md:5: summary: verplicht veld is leeg" in lines
    assert "content/examples/nog-leeg.md:17: tags: verplicht veld is leeg" in lines


def test_refuses_to_overwrite(mini):
    assert new(mini, "lesson", "Coalitie")[0] == 1  # the fixture already has lessons/coalitie.md
    before = (mini / "content/lessons/coalitie.md").read_text(encoding="utf-8")
    code, output = new(mini, "les", "Coalitie")
    assert code == 1
    assert output.strip() == ("Niet aangemaakt: content/lessons/coalitie.md bestaat al — bewerk dat "
                              "bestand, of kies een andere titel zodat er een andere bestandsnaam ontstaat")
    assert (mini / "content/lessons/coalitie.md").read_text(encoding="utf-8") == before


@pytest.mark.parametrize("args,message", [
    (["taart", "Titel"], "Niet aangemaakt: onbekende soort 'taart' — kies uit: "),
    (["example", "   "], "Niet aangemaakt: de titel is leeg"),
    (["example", "!!!"], "Niet aangemaakt: van de titel '!!!' kan geen bestandsnaam worden gemaakt"),
    (["example", "x" * 121], "Niet aangemaakt: de titel is te lang: 121 tekens, maximaal 120"),
])
def test_refusals_are_dutch(mini, args, message):
    code, output = new(mini, *args)
    assert code == 1
    assert output.startswith(message), output
    assert not list((mini / "content/examples").glob("x*.md"))


def test_dutch_command_words_and_choices_from_vocabulary(mini):
    code, _ = new(mini, "voorbeeld", "Wijkteams")
    assert code == 0
    text = (mini / "content/examples/wijkteams.md").read_text(encoding="utf-8")
    assert "# Bron uit content/sources.yml" in text and "Kies uit: leren-van-elkaar." in text
    assert re.search(r"^date: \d{4}-\d{2}-\d{2}$", text, re.M)  # the date added starts at today
    code, _ = new(mini, "les", "Lef en geduld")
    lesson = (mini / "content/lessons/lef-en-geduld.md").read_text(encoding="utf-8")
    assert "Kies uit: leren, samenwerken." in lesson


def test_quotes_titles_that_yaml_would_misread(mini):
    title = 'Oss: "proeftuin" #2 — [De Ruwaard]'
    assert new(mini, "example", title)[0] == 0
    text = (mini / "content/examples/oss-proeftuin-2-de-ruwaard.md").read_text(encoding="utf-8")
    assert yaml.safe_load(text.split("---\n")[1])["title"] == title


def test_registering_a_kind_adds_a_command_word(mini, monkeypatch):
    from kennisbank.core.kinds import MEETING

    monkeypatch.setattr(scaffold, "SCAFFOLDS", dict(scaffold.SCAFFOLDS))
    scaffold.register(scaffold.Scaffold(MEETING, names=("proefbijeenkomst",), body="## Programma\n"))
    code, output = new(mini, "proefbijeenkomst", "Intervisiedag Oss")
    assert code == 0, output
    text = (mini / "content/bijeenkomsten/intervisiedag-oss.md").read_text(encoding="utf-8")
    assert list(yaml.safe_load(text.split("---\n")[1])) == MEETING.names
    assert text.endswith("---\n## Programma\n")
