"""The real content: valid, written in our own words, tags that connect, facts checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEEDS, check

RUN = 12  # words in a row that may not also stand in a seed
WORD = re.compile(r"[0-9a-zà-ÿ]+(?:['’][a-z]+)?")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("-", " "))


def shingles(tokens: list[str], n: int = RUN) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def content_files() -> list[Path]:
    files = sorted((ROOT / "content").rglob("*.md")) + sorted((ROOT / "content").glob("*.yml"))
    return [f for f in files if "synth" not in f.parts]


def own_text(path: Path) -> str:
    """The file's text without lesson titles, which are quoted from the source on purpose."""
    text = path.read_text(encoding="utf-8")
    if path.parent.name == "lessons":
        text = re.sub(r"^title:.*$", "", text, count=1, flags=re.M)
    return text


def test_content_passes_check():
    code, lines = check(ROOT)
    assert code == 0, "\n".join(lines)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"bronteksten niet gevonden in {SEEDS}: kopieercontrole overgeslagen")
def test_no_run_of_twelve_words_copied_from_a_seed():
    seed_runs: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        seed_runs |= shingles(words(seed.read_text(encoding="utf-8")))
    copied = []
    for path in content_files():
        for run in shingles(words(own_text(path))) & seed_runs:
            copied.append(f"{path.relative_to(ROOT)}: {' '.join(run)}")
    assert not copied, "\n".join(sorted(copied)[:20])


def test_copy_check_can_fail(tmp_path):
    """The checker itself catches a copied sentence (guards against a test that cannot fail)."""
    seed = "In 2014 besloten de directies van vijf gemeenten om op een nieuwe manier van elkaar te gaan leren."
    ours = "Zoals de bron zegt: in 2014 besloten de directies van vijf gemeenten om op een nieuwe manier."
    assert shingles(words(seed)) & shingles(words(ours))


def test_every_tag_is_used_at_least_twice(real_model):
    lonely = [t.key for t in real_model.tags if t.count < 2]
    assert not lonely
    assert 25 <= len(real_model.tags) <= 40


def test_inventory_of_lessons_and_cases(real_model):
    lve = [l for l in real_model.lessons if l.source.key == "leren-van-elkaar"]
    assert [len([l for l in lve if l.theme.key == t]) for t in
            ("leren-te-leren", "organisatieontwikkeling", "regionale-samenwerking")] == [5, 4, 7]
    examples = {e.slug for e in real_model.examples}
    for slug in ["rijswijk", "stroomlijn", "vitale-dorpen", "bezuinigingsdialoog", "proeftuin-de-ruwaard",
                 "omgevingssporen", "leertraject-leren-van-elkaar", "dia-netwerk-noord-nederland",
                 "grip-op-loslaten", "leusden-samenleving-voorop", "amersfoort-gemengde-werkgroep",
                 "landerd-matrixdemocratie", "drift-onderzoek"]:
        assert slug in examples
    by_source = {}
    for lesson in real_model.lessons:
        by_source.setdefault(lesson.source.key, []).append(lesson)
    assert len(by_source["grip-op-loslaten"]) == 6
    assert len(by_source["democratic-challenge"]) == 3
    assert len(by_source["gemeente-als-netwerkpartner"]) == 5


def test_participants_have_profiles(real_model):
    orgs = {o.key: o for o in real_model.organisations}
    for key in ["drechtsteden", "oss", "sed-gemeenten", "sudwest-fryslan", "venlo"]:
        assert orgs[key].profile, key
    assert [m.key for m in orgs["sed-gemeenten"].members] == ["stede-broec", "enkhuizen", "drechterland"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"bronteksten niet gevonden in {SEEDS}: feitencontrole overgeslagen")
def test_years_and_figures_stand_in_the_seeds():
    """Every year and every number with three or more digits in our text also stands in a seed."""
    seed_text = " ".join(s.read_text(encoding="utf-8") for s in SEEDS.glob("*.txt"))
    seed_numbers = set(re.findall(r"\d[\d.]*\d|\d", seed_text))
    unknown = []
    for path in content_files():
        # toegankelijkheid.md states facts about the website itself (norm EN 301 549, test widths, date).
        if path.name in ("tags.yml", "toegankelijkheid.md"):
            continue
        text = path.read_text(encoding="utf-8")
        body = re.sub(r"^(date|order):.*$", "", text, flags=re.M)
        for number in re.findall(r"(?<![\w-])\d[\d.]*\d(?![\w-])", body):
            number = number.rstrip(".")
            if len(number.replace(".", "")) >= 3 and number not in seed_numbers:
                unknown.append(f"{path.relative_to(ROOT)}: {number}")
    assert not unknown, "\n".join(unknown)
