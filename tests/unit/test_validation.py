"""Every editor mistake gets its own Dutch message with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check

EXAMPLE = "content/examples/stroomlijn.md"


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def only_error(root: Path) -> str:
    code, lines = check(root)
    assert code == 1
    assert lines[-1].endswith("de site is niet gebouwd."), lines
    errors = lines[:-1]
    assert len(errors) == 1, errors
    return errors[0]


def test_valid_project_passes(mini):
    code, lines = check(mini)
    assert code == 0
    assert lines == ["Alles in orde: 2 lessen, 2 praktijkvoorbeelden, 0 bijeenkomsten, 1 bron, 2 thema's, 3 tags, 3 organisaties."]


def test_unknown_tag_suggests_nearest_by_synonym(mini):
    edit(mini, EXAMPLE, "tags: [vervoer, regionale-samenwerking]", "tags: [vervoer, regionaal]")
    assert only_error(mini) == (f"{EXAMPLE}:8: tags: onbekende tag 'regionaal' — "
                                "bedoelde je 'regionale-samenwerking'?")


def test_unknown_tag_suggests_nearest_by_spelling(mini):
    edit(mini, EXAMPLE, "tags: [vervoer, regionale-samenwerking]", "tags:\n  - vervoer\n  - regionale-samenwrking")
    assert only_error(mini) == (f"{EXAMPLE}:10: tags: onbekende tag 'regionale-samenwrking' — "
                                "bedoelde je 'regionale-samenwerking'?")


@pytest.mark.parametrize("field,line,value,noun,hint", [
    ("theme", 3, "leeren", "thema", "leren"),
    ("source", 7, "leren-van-elkar", "bron", "leren-van-elkaar"),
])
def test_unknown_reference_in_lesson(mini, field, line, value, noun, hint):
    rel = "content/lessons/verschillen.md"
    old = {"theme": "theme: leren", "source": "source: leren-van-elkaar"}[field]
    edit(mini, rel, old, f"{field}: {value}")
    assert only_error(mini) == f"{rel}:{line}: {field}: onbekende {noun} '{value}' — bedoelde je '{hint}'?"


def test_unknown_lesson_reference(mini):
    edit(mini, EXAMPLE, "lessons: [coalitie]", "lessons: [coalities]")
    assert only_error(mini) == f"{EXAMPLE}:7: lessons: onbekende les 'coalities' — bedoelde je 'coalitie'?"


def test_unknown_organisation(mini):
    edit(mini, EXAMPLE, "organisations: [drechtsteden]", "organisations: [drechtstede]")
    assert only_error(mini) == (f"{EXAMPLE}:4: organisations: onbekende organisatie 'drechtstede' — "
                                "bedoelde je 'drechtsteden'?")


def test_missing_required_field(mini):
    edit(mini, EXAMPLE, "summary: Doelgroepenvervoer in de Drechtsteden.\n", "")
    message = only_error(mini)
    assert message.startswith(f"{EXAMPLE}:1: summary: verplicht veld ontbreekt — voeg 'summary:' toe")


def test_empty_required_field(mini):
    edit(mini, EXAMPLE, "summary: Doelgroepenvervoer in de Drechtsteden.", "summary:")
    assert only_error(mini) == f"{EXAMPLE}:3: summary: verplicht veld is leeg"


def test_year_written_as_text(mini):
    edit(mini, EXAMPLE, "year_start: 2017", 'year_start: "2017"')
    assert only_error(mini) == (f"{EXAMPLE}:6: year_start: verwacht een getal, maar kreeg tekst '2017' — "
                                "haal de aanhalingstekens weg")


def test_unknown_field_suggests_typo_fix(mini):
    edit(mini, EXAMPLE, "title: Stroomlijn", "tittle: Stroomlijn")
    code, lines = check(mini)
    assert code == 1
    assert f"{EXAMPLE}:2: tittle: onbekend veld 'tittle' voor een praktijkvoorbeeld — bedoelde je 'title'?" in lines
    assert any(l.startswith(f"{EXAMPLE}:1: title: verplicht veld ontbreekt") for l in lines)


def test_duplicate_slug(mini):
    (mini / "content/examples/stroomlijn-kopie.md").write_text(
        (mini / EXAMPLE).read_text().replace("title: Stroomlijn", "title: Stroomlijn\nslug: stroomlijn"))
    message = only_error(mini)
    assert message == (f"{EXAMPLE}:1: slug: dubbele slug 'stroomlijn': "
                       "content/examples/stroomlijn-kopie.md gebruikt hetzelfde adres /voorbeelden/stroomlijn/") or \
        message == ("content/examples/stroomlijn.md:1: slug: dubbele slug 'stroomlijn': "
                    "content/examples/stroomlijn-kopie.md gebruikt hetzelfde adres /voorbeelden/stroomlijn/")


def test_alias_collides_with_page(mini):
    edit(mini, EXAMPLE, "status: lopend", "status: lopend\naliases:\n  - /voorbeelden/de-ruwaard/")
    assert only_error(mini) == (f"{EXAMPLE}:13: aliases: oud adres /voorbeelden/de-ruwaard/ botst met "
                                "pagina content/examples/de-ruwaard.md")


def test_alias_collides_with_other_alias(mini):
    edit(mini, EXAMPLE, "status: lopend", "status: lopend\naliases: [/voorbeelden/oud/]")
    edit(mini, "content/examples/de-ruwaard.md", "date: 2026-11-21", "date: 2026-11-21\naliases: [/voorbeelden/oud/]")
    message = only_error(mini)
    assert "aliases: oud adres /voorbeelden/oud/ botst met een oud adres van" in message
    assert message.split(":")[1].isdigit()


@pytest.mark.parametrize("name,fixed", [
    ("Stroomlijn", "stroomlijn"),
    ("stroom lijn", "stroom-lijn"),
    ("súdwest-fryslân", "sudwest-fryslan"),
    ("a..b", "a-b"),
])
def test_invalid_slug_from_file_name(mini, name, fixed):
    (mini / EXAMPLE).rename(mini / f"content/examples/{name}.md")
    message = only_error(mini)
    assert message == (f"content/examples/{name}.md:1: slug: ongeldige slug '{name}' in de bestandsnaam — "
                       f"gebruik kleine letters, cijfers en streepjes, bijvoorbeeld '{fixed}'")


def test_invalid_slug_field_with_slash(mini):
    edit(mini, EXAMPLE, "title: Stroomlijn", "title: Stroomlijn\nslug: ../stroom/lijn")
    message = only_error(mini)
    assert message == (f"{EXAMPLE}:3: slug: ongeldige slug tekst '../stroom/lijn' — gebruik kleine letters, "
                       "cijfers en streepjes, bijvoorbeeld 'stroom-lijn'")


def test_an_unclosed_list_is_named_on_its_own_line(mini):
    edit(mini, EXAMPLE, "provinces: [Zuid-Holland]", "provinces: [Zuid-Holland")
    assert only_error(mini) == (f"{EXAMPLE}:5: provinces: de lijst op deze regel wordt niet gesloten — zet een ']' "
                                "achter de laatste waarde, bijvoorbeeld [eerste, tweede]")


def test_frontmatter_never_closed(mini):
    text = (mini / EXAMPLE).read_text()
    (mini / EXAMPLE).write_text(text.replace("status: lopend\n---\n", "status: lopend\n"))
    assert only_error(mini) == (f"{EXAMPLE}:1: frontmatter: wordt niet afgesloten — zet een regel '---' "
                                "onder het laatste veld")


def test_missing_frontmatter(mini):
    (mini / EXAMPLE).write_text("# Stroomlijn\n\nTekst zonder velden.\n")
    assert only_error(mini).startswith(f"{EXAMPLE}:1: frontmatter: ontbreekt")


def test_not_utf8(mini):
    raw = (mini / EXAMPLE).read_bytes().replace("Doelgroepenvervoer".encode(), "Caf\xe9".encode("latin-1"))
    (mini / EXAMPLE).write_bytes(raw)
    assert only_error(mini) == (f"{EXAMPLE}:3: bestand: is geen geldige UTF-8 (byte 0xe9) — "
                                "sla het bestand op als UTF-8")


def test_byte_order_mark(mini):
    (mini / EXAMPLE).write_bytes(b"\xef\xbb\xbf" + (mini / EXAMPLE).read_bytes())
    assert only_error(mini) == (f"{EXAMPLE}:1: bestand: begint met een byte-order mark (BOM) — sla het "
                                "bestand op als 'UTF-8' zonder BOM")


def test_empty_file(mini):
    (mini / EXAMPLE).write_text("")
    assert only_error(mini).startswith(f"{EXAMPLE}:1: bestand: is leeg")


def test_value_over_length_limit(mini):
    edit(mini, EXAMPLE, "summary: Doelgroepenvervoer in de Drechtsteden.", "summary: " + "x" * 401)
    assert only_error(mini) == f"{EXAMPLE}:3: summary: is te lang: 401 tekens, maximaal 400"


def test_wrong_enum_suggests(mini):
    edit(mini, EXAMPLE, "provinces: [Zuid-Holland]", "provinces: [Zuid-Hollnd]")
    assert only_error(mini) == (f"{EXAMPLE}:5: provinces: onbekende waarde tekst 'Zuid-Hollnd' — "
                                "bedoelde je 'Zuid-Holland'?")


def test_year_end_before_start(mini):
    edit(mini, "content/examples/de-ruwaard.md", "year_end: 2017", "year_end: 2011")
    assert only_error(mini) == "content/examples/de-ruwaard.md:7: year_end: 2011 ligt vóór year_start 2013"


def test_error_in_vocabulary_names_its_line(mini):
    edit(mini, "content/tags.yml", "  label: Vervoer\n", "")
    assert only_error(mini).startswith("content/tags.yml:8: label: verplicht veld ontbreekt")


def test_all_errors_reported_sorted(mini):
    edit(mini, EXAMPLE, "tags: [vervoer, regionale-samenwerking]", "tags: [vervoer, regionaal]")
    edit(mini, EXAMPLE, "year_start: 2017", 'year_start: "2017"')
    edit(mini, "content/lessons/coalitie.md", "theme: samenwerken", "theme: samenwerkn")
    code, lines = check(mini)
    assert code == 1
    errors = lines[:-1]
    assert len(errors) == 3
    assert errors == sorted(errors, key=lambda l: (l.split(":")[0], int(l.split(":")[1])))
    assert lines[-1] == "3 fouten gevonden; de site is niet gebouwd."
