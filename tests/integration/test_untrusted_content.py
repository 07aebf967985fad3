"""Content from a pull request is untrusted (issue 15): what `kennisbank check` refuses, with which
message and on which line, for the hostile and broken inputs a tester tried on the old main.

Bodies are checked through the allowlist sanitiser (core/sanitise.py), files in content/ by type
and kind (no symlinks), YAML with bounds (core/yaml_load.py). Every case here let a green check
through before, or made it raise, hang or report the wrong line.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import ROOT, check

LESSON = "content/lessons/coalitie.md"
EXAMPLE = "content/examples/stroomlijn.md"
PWN = "window.__pwned=1"

# (name, body, message that starts the problem). The body goes after the lesson's own text; the
# problem is reported on the body's last line, where each payload sits.
BODIES = [
    ("attr-list-without-colon", f'Alinea\n{{onclick="{PWN}"}}', "bevat het attribuut onclick= in een attribuutlijst"),
    ("heading-attr-list", f'## Kop {{onclick="{PWN}"}}', "bevat het attribuut onclick= in een attribuutlijst"),
    ("attr-list-other-attribute", 'Alinea\n{title="x" .klasse}', "een attribuutlijst {...} mag alleen een id"),
    ("tab-entity-in-scheme", f"[klik](javas&Tab;cript:{PWN})", "bevat een javascript:-adres in href="),
    ("newline-entity-in-scheme", f"[klik](java&NewLine;script:{PWN})", "bevat een javascript:-adres in href="),
    ("reference-definition", f"[klik][r]\n\n[r]: javas&Tab;cript:{PWN}", "bevat een javascript:-adres in href="),
    ("comment-trick", f"<!--><img src=x onerror={PWN}>-->", "bevat het attribuut onerror="),
    ("cdata-trick", f"<![CDATA[><img src=x onerror={PWN}>]]>", "bevat het attribuut onerror="),
    ("svg-set", f'<svg><a><set attributeName="href" to="javascript:{PWN}"/><text y="20">x</text></a></svg>',
     "bevat het element <svg>"),
    ("svg-animate", f'<svg><a><animate attributeName="href" values="javascript:{PWN}"/></a></svg>',
     "bevat het element <svg>"),
    ("md-in-html", '<div markdown="1">*schuin*</div>', "bevat het attribuut markdown= op <div>"),
    ("form-clobbers-config", '<form id="__config"></form>', "bevat het element <form>"),
    ("heading-id-clobbers-config", "## Kop {#__config}", "gebruikt de id '__config'"),
    ("heading-text-becomes-material-id", "## __drawer", "gebruikt de id '__drawer'"),
    ("nul-byte", "Tekst met een\x00nul", "bevat een onzichtbaar stuurteken (U+0000)"),
    ("external-image", "![logo](https://evil.example/pixel.png)", "laadt een afbeelding van een andere website"),
    ("protocol-relative-image", "![logo](//evil.example/pixel.png)", "laadt een afbeelding van een andere website"),
    ("inline-style-url", '<p style="background:url(https://evil.example/x.png)">a</p>', "bevat een style-attribuut"),
    ("mermaid-pulls-cdn", "<pre class=\"mermaid\">graph TD; A-->B</pre>", "gebruikt de class 'mermaid'"),
    ("theme-class", '<div class="md-header">nep</div>', "gebruikt de class 'md-header'"),
    ("ftp-link", '<a href="ftp://evil.example/x">x</a>', "bevat een link met het adres 'ftp://evil.example/x'"),
    ("script", f"<script>{PWN}</script>", "bevat het element <script>"),
    ("event-attribute", f'Tekst <img src="x" onerror="{PWN}"> meer', "bevat het attribuut onerror="),
    ("object", '<object data="x.swf"></object>', "bevat het element <object>"),
    ("name-clobbering", '<img src="a.png" name="getElementById">', "bevat het attribuut name= op <img>"),
]


def append_body(project: Path, body: str, path: str = LESSON) -> int:
    """Add `body` after a blank line at the end of the file; returns its first line."""
    file = project / path
    text = file.read_text(encoding="utf-8") + "\nGewone tekst.\n\n"
    file.write_text(text + body + "\n", encoding="utf-8")
    return text.count("\n") + 1


def problem_lines(lines: list[str], path: str) -> list[str]:
    return [line for line in lines if line.startswith(path + ":")]


@pytest.mark.parametrize("body, message", [case[1:] for case in BODIES], ids=[case[0] for case in BODIES])
def test_hostile_body_is_refused_on_its_line(mini, body, message):
    line = append_body(mini, body) + body.count("\n")
    code, lines = check(mini)
    assert code == 1
    expected = f"{LESSON}:{line}: tekst: {message}"
    assert any(l.startswith(expected) for l in lines), (expected, lines)


def test_a_plain_page_is_checked_too(mini):
    """content/over.md is no lesson or example, but its body is published all the same."""
    (mini / "content/over.md").write_text(f"---\ntitle: Over\n---\n# Over\n\n<script>{PWN}</script>\n",
                                          encoding="utf-8")
    code, lines = check(mini)
    assert code == 1 and any(l.startswith("content/over.md:6: tekst: bevat het element <script>") for l in lines), lines


def test_a_theme_intro_may_not_use_attribute_lists_for_events(mini):
    file = mini / "content/themes.yml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("intro: Over samenwerking.",
                                 f"intro: '[x](https://example.org){{: onmouseover=\"{PWN}\" }}'"), encoding="utf-8")
    code, lines = check(mini)
    assert code == 1 and any(": intro: bevat het attribuut onmouseover=" in l for l in lines), lines


def test_a_control_character_in_a_theme_intro_is_one_message(mini):
    file = mini / "content/themes.yml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("intro: Over samenwerking.", 'intro: "Over\\x01 samenwerking."'), encoding="utf-8")
    code, lines = check(mini)
    assert code == 1
    assert [l for l in lines if ": intro:" in l] == [
        l for l in lines if ": intro: bevat een onzichtbaar stuurteken (U+0001)" in l], lines
    assert len([l for l in lines if ": intro:" in l]) == 1, lines


def test_a_theme_intro_may_not_link_to_script(mini):
    file = mini / "content/themes.yml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("intro: Over samenwerking.", f"intro: '[klik](JaVaScRiPt:{PWN})'"), encoding="utf-8")
    code, lines = check(mini)
    assert code == 1 and any(": intro: bevat een javascript:-adres in href=" in l for l in lines), lines


@pytest.mark.parametrize("body", [
    "Een regel<br>met een breuk en <abbr title=\"Gemeenschappelijke regeling\">GR</abbr>.",
    "| links | midden | rechts |\n|:--|:-:|--:|\n| a | b | c |",
    "Tekst met een voetnoot.[^1]\n\n[^1]: De voetnoot.",
    "!!! note \"Let op\"\n    Een opmerking.",
    "## Een kopje {#eigen-id .breed}",
    "![Schema](../afbeeldingen/schema.png) en [mail](mailto:info@example.org)",
    "<!-- redactie: nog nakijken -->\nTekst.",
    "`<script>alert(1)</script>` als voorbeeld, en &lt;b&gt; als tekst.",
])
def test_ordinary_markdown_and_html_pass(mini, body):
    append_body(mini, body)
    code, lines = check(mini)
    assert code == 0, lines


# --- files in content/ -----------------------------------------------------------------------

def test_only_validated_files_are_published(mini, tmp_path):
    content = mini / "content"
    stroomlijn = (content / "examples/stroomlijn.md").read_text(encoding="utf-8")
    (content / "examples/evil.markdown").write_text(stroomlijn.replace("<", ""), encoding="utf-8")
    (content / "examples/evil.MD").write_text(stroomlijn, encoding="utf-8")
    (content / "evil.html").write_text(f"<script>{PWN}</script>", encoding="utf-8")
    (content / "evil.svg").write_text(f"<svg onload='{PWN}'/>", encoding="utf-8")
    (content / "assets/kennisbank").mkdir(parents=True)
    (content / "assets/kennisbank/kennisbank.js").write_text(PWN, encoding="utf-8")
    (content / "leesmij.txt").write_text("x", encoding="utf-8")
    (content / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # allowed: a raster image
    code, lines = check(mini)
    assert code == 1
    found = {line.split(":")[0]: line for line in lines if ": bestand: " in line}
    assert set(found) == {"content/examples/evil.markdown", "content/examples/evil.MD", "content/evil.html",
                          "content/evil.svg", "content/assets/kennisbank/kennisbank.js", "content/leesmij.txt"}, lines
    assert "hernoem het naar 'evil.md'" in found["content/examples/evil.MD"]
    assert "SVG-bestand" in found["content/evil.svg"]
    assert "waar de site haar eigen bestanden neerzet" in found["content/assets/kennisbank/kennisbank.js"]
    assert "bestandstype (.html)" in found["content/evil.html"]


@pytest.mark.parametrize("make", ["file", "static", "folder", "dangling", "loop", "vocabulary"])
def test_symlinks_are_refused_without_a_traceback(mini, tmp_path, make):
    content = mini / "content"
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.md").write_text("---\ntitle: geheim\n---\ngeheim\n", encoding="utf-8")
    link = {"file": content / "lessons/geheim.md", "static": content / "foto.png", "folder": content / "extra",
            "dangling": content / "weg.md", "loop": content / "rondje", "vocabulary": content / "tags.yml"}[make]
    if make == "vocabulary":
        (outside / "tags.yml").write_text((content / "tags.yml").read_text(encoding="utf-8"), encoding="utf-8")
        link.unlink()
    target = {"file": outside / "geheim.md", "static": Path("/etc/passwd"), "folder": outside,
              "dangling": tmp_path / "bestaat-niet.md", "loop": content / "rondje", "vocabulary": outside / "tags.yml"}[make]
    os.symlink(target, link)
    code, lines = check(mini)
    assert code == 1
    rel = link.relative_to(mini).as_posix()
    assert any(l.startswith(f"{rel}:1: bestand: is een symbolische koppeling (symlink)") for l in lines), lines
    assert not any("Traceback" in l or "geheim" in l and not l.startswith(rel) for l in lines), lines


@pytest.mark.parametrize("path", ["content/lessen.md", "content/zoeken.md", "content/voorbeelden/stroomlijn.md",
                                  "content/tags/index.md", "content/themas/leren.md", "content/organisaties.md"])
def test_plain_pages_may_not_take_generated_addresses(mini, path):
    file = mini / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("# Pagina\n\nTekst.\n", encoding="utf-8")
    code, lines = check(mini)
    assert code == 1
    assert any(l.startswith(f"{path}:1: bestand: zou op /") and "die de site zelf maakt" in l for l in lines), lines


@pytest.mark.parametrize("vocabulary", ["tags", "organisations"])
def test_a_vocabulary_key_may_not_be_index(mini, vocabulary):
    file = mini / f"content/{vocabulary}.yml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("intervisie:" if vocabulary == "tags" else "oss:", "index:", 1), encoding="utf-8")
    code, lines = check(mini)
    assert code == 1
    assert any(f"content/{vocabulary}.yml:" in l and "'index' is een gereserveerd woord" in l for l in lines), lines


# --- bounded parsing -------------------------------------------------------------------------

@pytest.mark.parametrize("field", ["slug", "status", "provinces", "aliases"])
def test_an_alias_bomb_is_refused_at_once(mini, field):
    file = mini / EXAMPLE
    text = file.read_text(encoding="utf-8")
    head, body = text.split("---\n", 2)[1:]
    lines = [l for l in head.splitlines() if not l.startswith(f"{field}:")]
    bomb = "".join(f"x{i}: &x{i} [{', '.join([f'*x{i - 1}' if i else 'lol'] * 9)}]\n" for i in range(9))
    file.write_text("---\n" + "\n".join(lines) + "\n" + bomb.replace("x8:", f"{field}:") + "---\n" + body,
                    encoding="utf-8")
    assert len(bomb.encode()) < 600
    started = time.perf_counter()
    code, out = check(mini)
    assert time.perf_counter() - started < 3
    assert code == 1
    first = len(lines) + 2
    assert [l for l in out if l.startswith(EXAMPLE)] == [
        f"{EXAMPLE}:{first}: frontmatter: gebruikt een YAML-verwijzing (&x0) — die zijn in de inhoud niet "
        "toegestaan; schrijf de waarde gewoon uit"], out


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_brackets_give_one_message(mini, depth):
    """libyaml's own tree builder crashed the process (segfault) at 100,000; Python's recursed."""
    file = mini / EXAMPLE
    file.write_text(file.read_text(encoding="utf-8").replace("year_start: 2017",
                                                             f"year_start: 2017\nextra: {'[' * depth}{']' * depth}"),
                    encoding="utf-8")
    code, lines = check(mini)
    assert code == 1
    assert any(": frontmatter: is meer dan 20 niveaus diep genest" in l for l in lines), lines


def test_a_huge_value_is_refused(mini):
    file = mini / EXAMPLE
    file.write_text(file.read_text(encoding="utf-8").replace("year_start: 2017",
                                                             f"year_start: 2017\nchapter: {'x' * 20_000}"),
                    encoding="utf-8")
    code, lines = check(mini)
    assert code == 1 and any("bevat een waarde van 20000 tekens; maximaal 10000" in l for l in lines), lines


def test_a_huge_file_is_refused(mini):
    append_body(mini, "Lange tekst. " * 100_000)
    code, lines = check(mini)
    assert code == 1 and any(l.startswith(f"{LESSON}:1: bestand: is groter dan 1 MB") for l in lines), lines


@pytest.mark.parametrize("field, value, message", [
    ("slug", "a" * 300, "slug: is te lang voor een adres: 300 tekens, maximaal 100"),
    ("aliases", f"[/voorbeelden/{'a' * 300}/]", "aliases: is te lang voor een adres"),
])
def test_long_url_segments_are_refused(mini, tmp_path, field, value, message):
    from conftest import mkdocs_build

    file = mini / EXAMPLE
    file.write_text(file.read_text(encoding="utf-8").replace("year_start: 2017", f"year_start: 2017\n{field}: {value}"),
                    encoding="utf-8")
    code, lines = check(mini)
    assert code == 1 and any(message in l for l in lines), lines
    result = mkdocs_build(mini, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr and message in result.stderr


def test_a_long_file_name_is_refused(mini):
    name = "a" * 200
    (mini / "content/examples" / f"{name}.md").write_text((mini / EXAMPLE).read_text(encoding="utf-8"),
                                                          encoding="utf-8")
    code, lines = check(mini)
    assert code == 1 and any(f"examples/{name}.md:1: slug: de bestandsnaam is te lang voor een adres" in l
                             for l in lines), lines


def test_a_date_that_does_not_exist_gets_one_message_on_its_line(tmp_path):
    """Before: English ('day is out of range for month') at the top of the block, and a second
    error in the meeting that lists the example."""
    import shutil

    project = tmp_path / "site"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    meeting = next((project / "content/bijeenkomsten").glob("*.md"))
    text = meeting.read_text(encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("date:"))
    meeting.write_text(text.replace(text.splitlines()[line - 1], "date: 2026-02-30"), encoding="utf-8")
    code, lines = check(project)
    rel = meeting.relative_to(project).as_posix()
    assert code == 1
    assert lines[:-1] == [f"{rel}:{line}: date: de datum 2026-02-30 bestaat niet — controleer de dag en de "
                          "maand (JJJJ-MM-DD)"], lines


def test_a_slug_on_an_example_that_a_meeting_lists(tmp_path):
    """Gave a KeyError in model.py once; now the site builds its model with the new address."""
    import shutil

    from kennisbank.publish import load_project

    project = tmp_path / "site"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    example = project / "content/examples/stroomlijn.md"
    example.write_text(example.read_text(encoding="utf-8").replace("\ntitle:", "\nslug: stroomlijn-nieuw\ntitle:", 1),
                       encoding="utf-8")
    meeting = next((project / "content/bijeenkomsten").glob("*.md"))
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("voorbeelden/stroomlijn\n",
                                                                   "voorbeelden/stroomlijn-nieuw\n"), encoding="utf-8")
    site = load_project(project, check_urls=False)
    listed = [item.url for m in site.meetings for item in m.items]
    assert "voorbeelden/stroomlijn-nieuw/" in listed


def test_an_empty_vocabulary_says_what_belongs_in_it(mini):
    (mini / "content/tags.yml").write_text("\n", encoding="utf-8")
    code, lines = check(mini)
    assert code == 1
    assert lines[0] == ("content/tags.yml:1: bestand: is leeg — zet hier de tags, elk als sleutel met "
                        "ingesprongen velden eronder"), lines
    assert not any("frontmatter" in l for l in lines)


def test_a_null_key_is_reported_on_its_own_line(mini):
    file = mini / "content/tags.yml"
    text = file.read_text(encoding="utf-8").rstrip("\n") + "\nnull:\n  label: Leeg\n"
    file.write_text(text, encoding="utf-8")
    line = text.count("\n") - 1
    code, lines = check(mini)
    assert code == 1 and any(l.startswith(f"content/tags.yml:{line}: None: is geen naam") for l in lines), lines


def test_one_broken_vocabulary_gives_one_message(mini):
    file = mini / "content/organisations.yml"
    file.write_text(file.read_text(encoding="utf-8").replace("GR Drechtsteden", '"GR Drechtsteden', 1),
                    encoding="utf-8")
    code, lines = check(mini)
    # Before: one message for the file and one for every page that names an organisation.
    assert code == 1 and len(lines) == 2 and lines[0].startswith("content/organisations.yml:"), lines


def test_missing_vocabularies_are_named_in_plain_dutch_without_a_cascade(mini):
    (mini / "content/themes.yml").unlink()
    (mini / "content/sources.yml").unlink()
    code, lines = check(mini)
    assert code == 1 and lines == [
        "content/sources.yml:1: bestand: ontbreekt — elke site heeft een lijst van bronnen nodig",
        "content/themes.yml:1: bestand: ontbreekt — elke site heeft een lijst van thema's nodig",
        "2 fouten gevonden; de site is niet gebouwd."], lines
