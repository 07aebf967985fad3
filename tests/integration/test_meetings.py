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


def test_meeting_needs_items(mini):
    write_meeting(mini, [])
    path = mini / MEETING
    path.write_text(path.read_text(encoding="utf-8").replace("items:\n\n", "items: []\n"), encoding="utf-8")
    code, lines = check(mini)
    assert code == 1 and lines[0] == f"{MEETING}:6: items: verplicht veld is leeg"


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
    assert list(meta) == ["title", "date", "place", "summary", "items", "aliases", "slug"]
    assert meta["title"] == "Regiobijeenkomst Súdwest-Fryslân"
    # Not valid until the editor fills it in, and then the check names exactly what is missing.
    code, lines = check(mini)
    assert code == 1 and [l.split(": ")[1] for l in lines[:-1]] == ["place", "summary", "items"]
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
