"""Synthetic, schema-valid examples for benchmarks and scale tests.

`make_project(target, n)` copies the real project's configuration and vocabularies (and its
lessons, so examples can point at them) and adds n generated examples. Deterministic per seed.

The text of a synthetic example is made like a real one: the paragraphs and lists of the real
lessons and examples, recombined under the four usual headings, to the length of a real example.
So the Markdown costs what real pages cost to convert, and words occur as often as they do in the
real collection (no names of the real cases, so a search for one still finds only the real page).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from kennisbank.core.fields import PROVINCES

NAV_PAGES = (("themas", "Thema's"), ("lessen", "Lessen"), ("voorbeelden", "Praktijkvoorbeelden"),
             ("tags", "Tags"), ("organisaties", "Organisaties"), ("over", "Over deze kennisbank"))


SECTIONS = ("Context", "Aanpak", "Resultaten", "Wat anderen ervan kunnen leren")


@dataclass
class TextPool:
    """Building blocks for synthetic text, taken from the real lessons and examples."""

    blocks: list[str]  # paragraphs and lists, without headings
    sentences: list[str]  # short sentences, for summaries
    lengths: list[int]  # word counts of the real examples' bodies


def text_pool(content: Path) -> TextPool:
    names = set()
    for file in (content / "examples").glob("*.md"):
        names.add(yaml.safe_load(file.read_text(encoding="utf-8").split("---")[1])["title"].lower())
    for entry in yaml.safe_load((content / "organisations.yml").read_text(encoding="utf-8")).values():
        names.add(entry["name"].lower().removeprefix("gemeente "))
    blocks, sentences, lengths = [], [], []
    for folder in ("lessons", "examples"):
        for file in sorted((content / folder).glob("*.md")):
            body = file.read_text(encoding="utf-8").split("---", 2)[2]
            if folder == "examples":
                lengths.append(len(body.split()))
            for block in re.split(r"\n\s*\n", body):
                block = block.strip()
                if not block or block.startswith("#") or any(name in block.lower() for name in names):
                    continue
                blocks.append(block)
                if not block.startswith(("-", "*", "1.")):
                    sentences += [t for t in re.split(r"(?<=[.!?])\s+", block.replace("\n", " ")) if 40 < len(t) < 300]
    return TextPool(blocks, sentences, lengths)


def _body(rng: random.Random, pool: TextPool) -> str:
    """Four sections of real blocks, together about as long as a real example."""
    target = rng.choice(pool.lengths) * rng.uniform(0.9, 1.1)
    chosen: list[str] = []
    words = 0
    while words < target:
        block = rng.choice(pool.blocks)
        chosen.append(block)
        words += len(block.split())
    parts = [chosen[i::len(SECTIONS)] for i in range(len(SECTIONS))]
    return "\n\n".join(f"## {title}\n\n" + "\n\n".join(part) for title, part in zip(SECTIONS, parts) if part)


def example_markdown(i: int, rng: random.Random, lessons: list[str], tags: list[str], orgs: list[str],
                     source: str, pool: TextPool) -> str:
    start = rng.randint(2005, 2024)
    meta = {
        "title": f"Synthetisch voorbeeld {i:05d}",
        "summary": rng.choice(pool.sentences),
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
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000).rstrip("\n")
    return f"---\n{front}\n---\n{_body(rng, pool)}\n"


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
    if (source_root / "node_modules").is_dir():  # the same Pagefind as the project (indexer.executable)
        (target / "node_modules").symlink_to((source_root / "node_modules").resolve())
    content = target / "content"
    lessons = sorted(p.stem for p in (content / "lessons").glob("*.md"))
    tags = sorted(yaml.safe_load((content / "tags.yml").read_text(encoding="utf-8")))
    orgs = sorted(yaml.safe_load((content / "organisations.yml").read_text(encoding="utf-8")))
    source = sorted(yaml.safe_load((content / "sources.yml").read_text(encoding="utf-8")))[0]
    pool = text_pool(content)
    rng = random.Random(seed)
    out = content / "examples" / "synth"
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (out / f"synthetisch-{i:05d}.md").write_text(
            example_markdown(i, rng, lessons, tags, orgs, source, pool), encoding="utf-8")
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
    pool = text_pool(ours / "content")
    rng = random.Random(seed)
    # The same small navigation as ours: a handful of overview pages, never the examples.
    nav = ["  - Start: index.md"]
    for folder, title in NAV_PAGES:
        (docs / folder).mkdir(exist_ok=True)
        (docs / folder / "index.md").write_text(f"# {title}\n\n{rng.choice(pool.blocks)}\n", encoding="utf-8")
        nav.append(f"  - {title}: {folder}/index.md")
    (target / "mkdocs.yml").write_text(
        "site_name: Kaal Material\ntheme:\n  name: material\n  language: nl\n"
        "nav:\n" + "\n".join(nav) + "\nvalidation:\n  omitted_files: ignore\n", encoding="utf-8")
    return target
