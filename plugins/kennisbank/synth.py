"""Synthetic, schema-valid examples for benchmarks and scale tests.

`make_project(target, n)` copies the real project's configuration and vocabularies (and its
lessons, so examples can point at them) and adds n generated examples. Deterministic per seed.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import yaml

from .schema import PROVINCES

WORDS = (
    "gemeente directie samenwerking regio inwoners opgave raad college wijk dorp partners "
    "ontwikkeling organisatie leren vertrouwen ruimte initiatief bestuur vervoer zorg jeugd "
    "ambtenaren netwerk proeftuin experiment keuzes begroting verhaal coalitie leiderschap "
    "gesprek ervaring resultaat aanpak context afspraken rol verantwoordelijkheid energie"
).split()


NAV_PAGES = (("themas", "Thema's"), ("lessen", "Lessen"), ("voorbeelden", "Praktijkvoorbeelden"),
             ("tags", "Tags"), ("organisaties", "Organisaties"), ("over", "Over deze kennisbank"))


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int = 5) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def example_markdown(i: int, rng: random.Random, lessons: list[str], tags: list[str], orgs: list[str],
                     source: str) -> str:
    start = rng.randint(2005, 2024)
    meta = {
        "title": f"Synthetisch voorbeeld {i:05d}",
        "summary": _sentence(rng),
        "organisations": rng.sample(orgs, k=min(len(orgs), rng.randint(1, 3))),
        "provinces": rng.sample(PROVINCES[:-1], k=rng.randint(1, 2)),
        "year_start": start,
        "year_end": start + rng.randint(0, 4),
        "lessons": rng.sample(lessons, k=min(len(lessons), rng.randint(1, 3))),
        "tags": rng.sample(tags, k=min(len(tags), rng.randint(2, 5))),
        "source": source,
        "date": dt.date(2026, rng.randint(1, 11), rng.randint(1, 28)),
        "status": rng.choice(["lopend", "afgerond"]),
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).rstrip("\n")
    sections = "\n\n".join(f"## {title}\n\n{_paragraph(rng)}"
                           for title in ("Context", "Aanpak", "Resultaten", "Wat anderen ervan kunnen leren"))
    return f"---\n{front}\n---\n{sections}\n"


def make_project(source_root: Path, target: Path, n: int, seed: int = 1) -> Path:
    """A copy of the project at source_root with n extra synthetic examples."""
    source_root, target = Path(source_root), Path(target)
    if target.exists():
        shutil.rmtree(target)
    # Everything, meetings included: published-urls.txt (copied below) lists their URLs too.
    shutil.copytree(source_root / "content", target / "content")
    for name in ("mkdocs.yml", "published-urls.txt"):
        if (source_root / name).exists():
            shutil.copy(source_root / name, target / name)
    content = target / "content"
    lessons = sorted(p.stem for p in (content / "lessons").glob("*.md"))
    tags = sorted(yaml.safe_load((content / "tags.yml").read_text(encoding="utf-8")))
    orgs = sorted(yaml.safe_load((content / "organisations.yml").read_text(encoding="utf-8")))
    source = sorted(yaml.safe_load((content / "sources.yml").read_text(encoding="utf-8")))[0]
    rng = random.Random(seed)
    out = content / "examples" / "synth"
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (out / f"synthetisch-{i:05d}.md").write_text(
            example_markdown(i, rng, lessons, tags, orgs, source), encoding="utf-8")
    return target


def make_bare_material(ours: Path, target: Path, seed: int = 1) -> Path:
    """A plain Material site with the same example pages as the project at `ours` and a small nav."""
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    (docs / "voorbeelden").mkdir(parents=True)
    (docs / "index.md").write_text("# Start\n\nEen kale Material-site om mee te vergelijken.\n", encoding="utf-8")
    # The very same example files, frontmatter included, so both sides parse and render alike.
    for file in sorted((ours / "content" / "examples" / "synth").glob("*.md")):
        shutil.copy(file, docs / "voorbeelden" / file.name)
    rng = random.Random(seed)
    # The same small navigation as ours: a handful of overview pages, never the examples.
    nav = ["  - Start: index.md"]
    for folder, title in NAV_PAGES:
        (docs / folder).mkdir(exist_ok=True)
        (docs / folder / "index.md").write_text(f"# {title}\n\n{_paragraph(rng)}\n", encoding="utf-8")
        nav.append(f"  - {title}: {folder}/index.md")
    (target / "mkdocs.yml").write_text(
        "site_name: Kaal Material\ntheme:\n  name: material\n  language: nl\n"
        "nav:\n" + "\n".join(nav) + "\nvalidation:\n  omitted_files: ignore\n", encoding="utf-8")
    return target
