"""Meetings: a page per meeting with every item's summary, link and QR code, printable as a handout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, check, mkdocs_build
from kb_browser import chromium, needs_chromium, needs_poppler, needs_zbar, pdf_pages, pdf_text, print_pdf, qr_codes, serve

MEETING = "content/bijeenkomsten/regio-oss.md"
HANDOUT = "content/bijeenkomsten/regiobijeenkomst-leren-van-elkaar.md"


def write_meeting(root: Path, items: list[str], extra: str = "") -> None:
    path = root / MEETING
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = "\n".join(f"  - {i}" for i in items)
    path.write_text(f"---\ntitle: Regiobijeenkomst Oss\ndate: 2026-03-12\nplace: Oss, gemeentehuis\n"
                    f"summary: Twee lessen en een voorbeeld voor de buurgemeenten.\nitems:\n{lines}\n{extra}---\n"
                    "## Waarom\n\nEen korte inleiding.\n", encoding="utf-8")


@pytest.fixture
def with_meeting(mini) -> Path:
    write_meeting(mini, ["lessen/verschillen", "voorbeelden/de-ruwaard", "lessen/coalitie"])
    return mini


def test_meeting_page_is_a_handout(with_meeting, tmp_path):
    site = tmp_path / "site"
    result = mkdocs_build(with_meeting, site)
    assert result.returncode == 0, result.stderr
    page = (site / "bijeenkomsten/regio-oss/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-03-12">12 maart 2026</time>' in page
    assert "Oss, gemeentehuis" in page and "2 lessen, 1 praktijkvoorbeeld" in page
    assert "Een korte inleiding." in page
    programme = page.split('id="programma"', 1)[1]
    # Every item in order: kind, title linked, summary, printed address and its own QR code.
    titles = re.findall(r'class="kb-handout__title"[^>]*><a href="([^"]+)">([^<]+)</a>', programme)
    assert titles == [("../../lessen/verschillen/", "Van verschillen leer je meer"),
                      ("../../voorbeelden/de-ruwaard/", "Proeftuin De Ruwaard"),
                      ("../../lessen/coalitie/", "Bij iedere opgave hoort een coalitie")]
    assert "Zoek collega&#39;s die het anders doen." in programme
    assert "Een wijk in Oss als proeftuin." in programme
    assert "mini.example.org/<wbr>voorbeelden/<wbr>de-ruwaard/<wbr>" in programme
    assert programme.count('<svg class="kb-qr"') == 3
    assert "<title>QR-code voor mini.example.org/lessen/coalitie/</title>" in programme
    # The handout's own address and QR code, for the slide that announces it.
    assert 'data-kb-copy="https://mini.example.org/bijeenkomsten/regio-oss/"' in page
    assert page.count('<svg class="kb-qr"') == 4
    # Anchors per item, so an agenda can point at one lesson of the meeting.
    assert 'id="les-verschillen"' in programme and 'id="voorbeeld-de-ruwaard"' in programme
    index = (site / "bijeenkomsten/index.html").read_text(encoding="utf-8")
    assert 'href="../bijeenkomsten/regio-oss/"' in index


@pytest.mark.parametrize("item,line,hint", [
    ("lessen/coalities", 8, "lessen/coalitie"),
    ("voorbeelden/stroomlyn", 8, "voorbeelden/stroomlijn"),
    ("coalitie", 8, "lessen/coalitie"),  # the prefix forgotten
    ("lessen/de-ruwaard", 8, "voorbeelden/de-ruwaard"),  # the wrong kind
])
def test_unknown_item_suggests_the_nearest(mini, item, line, hint):
    write_meeting(mini, ["lessen/verschillen", item])
    code, lines = check(mini)
    assert code == 1
    assert lines == [f"{MEETING}:{line}: items: onbekende les of voorbeeld '{item}' — bedoelde je '{hint}'?",
                     "1 fout gevonden; de site is niet gebouwd."]


def test_meeting_needs_a_programme(mini):
    write_meeting(mini, [])
    path = mini / MEETING
    path.write_text(path.read_text(encoding="utf-8").replace("items:\n\n", "items: []\n"), encoding="utf-8")
    code, lines = check(mini)
    assert code == 1 and lines[0] == (
        f"{MEETING}:1: agenda: een bijeenkomst heeft een programma nodig — voeg 'agenda:' toe met agendapunten "
        "(tijd, titel en de lessen en voorbeelden), of 'items:' met alleen de lessen en voorbeelden")


def test_meeting_alias_redirects(mini, tmp_path):
    write_meeting(mini, ["lessen/verschillen"], extra="aliases: [/bijeenkomsten/oss-2026/]\n")
    site = tmp_path / "site"
    assert mkdocs_build(mini, site).returncode == 0
    page = (site / "bijeenkomsten/oss-2026/index.html").read_text(encoding="utf-8")
    assert 'url=../regio-oss/' in page


def test_scaffold_a_meeting(mini):
    from kennisbank.cli import main
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--root", str(mini), "new", "bijeenkomst", "Regiobijeenkomst Súdwest-Fryslân"]) == 0
    path = mini / "content/bijeenkomsten/regiobijeenkomst-sudwest-fryslan.md"
    assert "Bestand voor een bijeenkomst aangemaakt: content/bijeenkomsten/regiobijeenkomst-sudwest-fryslan.md" in out.getvalue()
    text = path.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert list(meta) == ["title", "date", "place", "summary", "agenda", "items", "aliases", "slug"]
    assert meta["title"] == "Regiobijeenkomst Súdwest-Fryslân"
    # Not valid until the editor fills it in, and then the check names exactly what is missing.
    code, lines = check(mini)
    assert code == 1 and [l.split(": ")[1] for l in lines[:-1]] == ["place", "summary", "agenda"]
    text = (text.replace("place:\n", "place: Sneek\n").replace("summary:\n", "summary: Kennismaking.\n")
            .replace("items: []", "items: [lessen/verschillen, voorbeelden/stroomlijn]"))
    path.write_text(text, encoding="utf-8")
    assert check(mini)[0] == 0


# --- the real example handout --------------------------------------------------------------------

def test_example_handout_presents_leren_van_elkaar(real_model):
    meeting = next(m for m in real_model.meetings if m.slug == "regiobijeenkomst-leren-van-elkaar")
    assert "(voorbeeld-hand-out)" in meeting.title
    lessons = [i for i in meeting.items if i.kind == "lesson"]
    examples = [i for i in meeting.items if i.kind == "example"]
    assert len(lessons) == 16 and {l.source.key for l in lessons} == {"leren-van-elkaar"}
    assert [l.theme.key for l in lessons] == sorted((l.theme.key for l in lessons), key=lambda k: [
        "leren-te-leren", "organisatieontwikkeling", "regionale-samenwerking"].index(k))
    assert 3 <= len(examples) <= 8
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "Bijeenkomsten: bijeenkomsten/index.md" in nav


@needs_chromium
@needs_poppler
def test_printed_handout(real_site, real_model, tmp_path):
    meeting = next(m for m in real_model.meetings if m.slug == "regiobijeenkomst-leren-van-elkaar")
    with serve(real_site) as base, chromium() as context:
        pdf = print_pdf(context, base + meeting.url, tmp_path / "hand-out.pdf")
    text = " ".join(pdf_text(pdf).split())
    assert "Regiobijeenkomst Leren van elkaar (voorbeeld-hand-out)" in text
    for item in meeting.items:
        assert item.title.split(":")[0][:40] in text, item.title
    for chrome in ["Inhoudsopgave", "Kopieer link", "Made with"]:
        assert chrome not in text
    pages = pdf_pages(pdf, dpi=150)
    assert 2 <= len(pages) <= 5
    if not needs_zbar.args[0]:  # zbarimg present: every printed code scans to its page
        found = [code for png in pages for code in qr_codes(png)]
        expected = ["https://kennisbank.example.org/" + i.url for i in meeting.items]
        assert sorted(found) == sorted(expected + ["https://kennisbank.example.org/" + meeting.url])


# --- agenda points ---------------------------------------------------------------------------------

AGENDA = """agenda:
  - time: "13:30"
    end: "13:45"
    title: Welkom
  - time: "13:45"
    end: "14:30"
    title: Verschillen benutten
    speaker: Directie Oss
    theme: leren
    items: [lessen/verschillen, voorbeelden/de-ruwaard]
  - time: "14:30"
    title: Samenwerken in de regio
    theme: samenwerken
    items: [lessen/coalitie]
"""


def write_agenda(root: Path, agenda: str = AGENDA) -> None:
    path = root / MEETING
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\ntitle: Regiobijeenkomst Oss\ndate: 2026-03-12\nplace: Oss, gemeentehuis\n"
                    f"summary: Twee lessen en een voorbeeld voor de buurgemeenten.\n{agenda}---\n"
                    "## Waarom\n\nEen korte inleiding.\n", encoding="utf-8")


def test_handout_follows_the_agenda(mini, tmp_path):
    write_agenda(mini)
    site = tmp_path / "site"
    result = mkdocs_build(mini, site)
    assert result.returncode == 0, result.stderr
    page = (site / "bijeenkomsten/regio-oss/index.html").read_text(encoding="utf-8")
    assert "<dt>Tijd</dt><dd>13:30–14:30 uur</dd>" in page
    programme = page.split('id="programma"', 1)[1].split('id="bronnen"', 1)[0]
    text = " ".join(re.sub(r"<[^>]+>", " ", programme).split())
    # In agenda order: times, titles, speaker, theme headings, each point's lessons and examples.
    assert text.index("13:30 – 13:45 Welkom") < text.index("Thema Leren te leren") \
        < text.index("13:45 – 14:30 Verschillen benutten Door: Directie Oss") \
        < text.index("Van verschillen leer je meer") < text.index("Proeftuin De Ruwaard") \
        < text.index("Thema Regionale samenwerking") < text.index("14:30 Samenwerken in de regio") \
        < text.index("Bij iedere opgave hoort een coalitie")
    assert programme.count('<svg class="kb-qr"') == 3
    assert 'id="les-verschillen"' in programme and 'id="voorbeeld-de-ruwaard"' in programme
    assert '<h3 class="kb-agenda__title">Welkom</h3>' in programme  # no theme: one level up
    assert '<h4 class="kb-agenda__title">Verschillen benutten</h4>' in programme
    # The instruction to print is for the screen only; paper gets the dates instead.
    assert '<p class="kb-screen-only kb-note">Print deze pagina' in page
    assert "data-kb-printed" in page.split('class="kb-header"', 1)[1].split("</header>", 1)[0]


@pytest.mark.parametrize("agenda,problem", [
    ('agenda:\n  - time: 1330\n    title: Welkom\n',
     "7: agenda.time: verwacht een tijd als UU:MM (bijvoorbeeld 14:00), maar kreeg getal 1330"),
    ('agenda:\n  - time: "half twee"\n    title: Welkom\n',
     "7: agenda.time: verwacht een tijd als UU:MM (bijvoorbeeld 14:00), maar kreeg tekst 'half twee'"),
    ('agenda:\n  - time: "14:30"\n    end: "14:00"\n    title: Welkom\n',
     "8: agenda.end: eindtijd 14:00 ligt niet na de begintijd 14:30"),
    ('agenda:\n  - time: "14:00"\n    title: Welkom\n  - time: "13:30"\n    title: Koffie\n',
     "9: agenda.time: 13:30 ligt vóór het agendapunt ervoor (14:00) — zet de agendapunten in de volgorde van "
     "de bijeenkomst"),
    ('agenda:\n  - time: "14:00"\n    title: Welkom\n    items: [lessen/coalities]\n',
     "9: agenda.items: onbekende les of voorbeeld 'lessen/coalities' — bedoelde je 'lessen/coalitie'?"),
    ('agenda:\n  - time: "14:00"\n    title: Welkom\n    theme: leeren\n',
     "9: agenda.theme: onbekende thema 'leeren' — bedoelde je 'leren'?"),
    ('agenda:\n  - time: "14:00"\n    titel: Welkom\n',
     "8: agenda.titel: onbekend veld 'titel' voor een agenda-blok — bedoelde je 'title'?"),
    ('agenda:\n  - time: "14:00"\n    title: Welkom\nitems: [lessen/coalitie]\n',
     "9: items: staat naast 'agenda' — zet de lessen en voorbeelden bij de agendapunten (hun 'items') en haal "
     "deze lijst weg"),
])
def test_agenda_problems_in_dutch(mini, agenda, problem):
    write_agenda(mini, agenda)
    code, lines = check(mini)
    assert code == 1
    assert f"{MEETING}:{problem}" in lines, lines


def test_times_without_quotes_are_times(mini):
    """The web form writes `time: 14:00` without quotes; YAML 1.1 would read that as 840 minutes."""
    write_agenda(mini, 'agenda:\n  - time: 09:30\n    end: 10:15\n    title: Welkom\n'
                       '  - time: 14:00\n    title: Afsluiting\n')
    code, lines = check(mini)
    assert code == 0, lines
