"""The real content: valid, written in our own words, tags that connect, facts checked."""

from __future__ import annotations

import re
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEEDS, check

RUN = 10  # words in a row that may not also stand in a seed
WORD = re.compile(r"[0-9a-zà-ÿ]+(?:['’][a-z]+)?")

# Word runs that may stand in a seed word for word, because they are facts rather than sentences:
# names, and quotations that the page puts between quotation marks with their speaker. Each entry
# is (file pattern, the run as words() spells it). The run is cut out of matching files before the
# check, so the words around it still count. Titles of lessons and themes are cut out everywhere
# (see titles()): a title is the name of a lesson or theme, quoted from the publication on purpose;
# the chapter titles of Leren van elkaar are the theme titles. Keep this list short and specific:
# everything else is written in our own words. Dates and report titles are short enough to need no
# entry; give a date or title its own entry only when its wording cannot change.
BOUWSTENEN_AUTHORS = "birgit oelkers marije van den berg en marenthe de bruijne"
EXEMPT = [
    # Names: the seven municipalities of GR Drechtsteden, in its profile.
    ("content/organisations.yml",
     "dordrecht hardinxveld giessendam hendrik ido ambacht papendrecht sliedrecht en zwijndrecht"),
    # Names: the three authors of the five building blocks, wherever that source is introduced.
    ("content/over.md", BOUWSTENEN_AUTHORS),
    ("content/sources.yml", BOUWSTENEN_AUTHORS),
    ("content/lessons/bouwsteen-*.md", BOUWSTENEN_AUTHORS),
    # Quotation between quotation marks, with its speaker (Jurjen van der Weg, Leeuwarden).
    ("content/lessons/dia-produceren-niet-consumeren.md",
     "een netwerk vol mensen die alleen iets komen halen levert niemand iets op"),
]


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("-", " "))


def shingles(tokens: list[str | None], n: int = RUN) -> set[tuple[str, ...]]:
    """Every run of n words; a cut (None) breaks a run."""
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1) if None not in tokens[i:i + n]}


def cut(tokens: list[str], runs: list[list[str]]) -> list[str | None]:
    """The tokens with every occurrence of each run replaced by a gap."""
    out: list[str | None] = list(tokens)
    for run in filter(None, runs):
        for i in range(len(tokens) - len(run) + 1):
            if tokens[i:i + len(run)] == run:
                out[i:i + len(run)] = [None] * len(run)
    return out


def copied_runs(rel: str, text: str, seed_runs: set[tuple[str, ...]], titles: list[list[str]]) -> set:
    """The runs of RUN words in text (the file at rel, relative to the project) that a seed also has."""
    exempt = [words(run) for pattern, run in EXEMPT if fnmatch(rel, pattern)]
    return shingles(cut(words(text), titles + exempt)) & seed_runs


def titles() -> list[list[str]]:
    """The titles of all lessons and themes, as words."""
    found = []
    for path in sorted((ROOT / "content" / "lessons").glob("*.md")):
        match = re.search(r"^title:(.*)$", path.read_text(encoding="utf-8"), flags=re.M)
        if match:
            found.append(words(str(yaml.safe_load(match.group(1)))))
    themes = yaml.safe_load((ROOT / "content" / "themes.yml").read_text(encoding="utf-8"))
    return found + [words(theme["title"]) for theme in themes.values()]


def content_files() -> list[Path]:
    files = sorted((ROOT / "content").rglob("*.md")) + sorted((ROOT / "content").glob("*.yml"))
    return [f for f in files if "synth" not in f.parts]


def test_content_passes_check():
    code, lines = check(ROOT)
    assert code == 0, "\n".join(lines)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"bronteksten niet gevonden in {SEEDS}: kopieercontrole overgeslagen")
def test_no_run_of_ten_words_copied_from_a_seed():
    seed_runs: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        seed_runs |= shingles(words(seed.read_text(encoding="utf-8")))
    names = titles()
    copied = []
    for path in content_files():
        rel = path.relative_to(ROOT).as_posix()
        for run in copied_runs(rel, path.read_text(encoding="utf-8"), seed_runs, names):
            copied.append(f"{rel}: {' '.join(run)}")
    assert not copied, "\n".join(sorted(copied)[:20])


def test_copy_check_can_fail():
    """The checker catches RUN copied words and not one fewer; titles and exemptions stay narrow."""
    seed = "In 2014 besloten de directies van vijf gemeenten om op een nieuwe manier van elkaar te gaan leren."
    seed_runs = shingles(words(seed))
    ten = "Toen besloten de directies van vijf gemeenten om op een nieuwe koers te varen."  # 10 words in a row
    nine = "Toen besloten de directies van vijf gemeenten om op een andere koers te varen."  # 9 words
    assert copied_runs("content/x.md", ten, seed_runs, [])
    assert not copied_runs("content/x.md", nine, seed_runs, [])
    # A title is cut out where it is quoted, but a copied run next to it is still caught.
    title_seed = "Om te leren moet je eerst een stapje terug doen."
    title = words(title_seed)
    assert not copied_runs("content/x.md", f'De les "{title_seed}"', shingles(title), [title])
    assert copied_runs("content/x.md", f"{title_seed} {ten}", seed_runs | shingles(title), [title])
    # An exemption holds only in its own file.
    quote = "Een netwerk vol mensen die alleen iets komen halen, levert niemand iets op."
    quote_runs = shingles(words(quote))
    assert not copied_runs("content/lessons/dia-produceren-niet-consumeren.md", quote, quote_runs, [])
    assert copied_runs("content/lessons/dia-maak-keuzes.md", quote, quote_runs, [])


def test_every_tag_of_the_sources_is_used_at_least_twice(real_model):
    """A curation rule for the lessons and cases taken from the publications. A case an organisation
    contributes may bring a tag of its own: `kennisbank check` accepts that, so CI does too."""
    def curated(tag):
        return len(tag.lessons) + len([e for e in tag.examples if e.contributed_by is None])

    lonely = [t.key for t in real_model.tags if 0 < curated(t) < 2]
    assert not lonely
    assert len([t for t in real_model.tags if curated(t)]) >= 25


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
    # Facts from outside the seeds that the page marks as "aanvulling van de redactie": the mergers
    # of Landerd into Maashorst (2022, a number that happens to stand in a seed) and of Brielle into
    # Voorne aan Zee (2023), after the sources were written.
    added = {("content/organisations.yml", "2023")}
    unknown = []
    for path in content_files():
        # toegankelijkheid.md states facts about the website itself (norm EN 301 549, test widths, date).
        if path.name in ("tags.yml", "toegankelijkheid.md"):
            continue
        text = path.read_text(encoding="utf-8")
        # A case from an organisation's own practice has its facts from that organisation, not a seed.
        if re.search(r"^contributed_by: *\S", text, flags=re.M):
            continue
        body = re.sub(r"^(date|order|contributed_on):.*$", "", text, flags=re.M)
        for number in re.findall(r"(?<![\w-])\d[\d.]*\d(?![\w-])", body):
            number = number.rstrip(".")
            if (len(number.replace(".", "")) >= 3 and number not in seed_numbers
                    and (path.relative_to(ROOT).as_posix(), number) not in added):
                unknown.append(f"{path.relative_to(ROOT)}: {number}")
    assert not unknown, "\n".join(unknown)
