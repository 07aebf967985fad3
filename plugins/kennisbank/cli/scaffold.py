"""Write a new lesson or example file for an editor: every field, each with a Dutch comment.

The fields, their order, their descriptions and their rules all come from schema.py; this module
only decides how a fresh file looks. Every kind of document registers one `Scaffold`:

    register(Scaffold(MEETING, names=("bijeenkomst", "meeting"), body=MEETING_BODY))

and `kennisbank new bijeenkomst "Titel"` works from then on (the command lists what is registered).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..core.fields import Field
from ..core.kinds import EXAMPLE, LESSON, MEETING, VOCABULARY_KINDS, Kind
from ..core.load import read_vocabulary
from ..core.validate import slugify

# A vocabulary this small is listed in full in the comment; a larger one is named by its file.
LIST_CHOICES_UP_TO = 8


class ScaffoldError(Exception):
    """A file cannot be made; the message is Dutch and tells the editor what to do."""


@dataclass(frozen=True)
class Scaffold:
    """How `kennisbank new <name>` starts a file of one kind."""

    kind: Kind
    names: tuple[str, ...]  # command words; the first is the English name used in code
    body: str  # Markdown below the frontmatter: the sections an editor fills in
    today: tuple[str, ...] = ()  # date fields that start at today's date


@dataclass(frozen=True)
class Scaffolded:
    path: Path  # the new file
    rel_path: str  # relative to the project root, as messages name it
    url: str  # where the page will be published, e.g. voorbeelden/<slug>/


SCAFFOLDS: dict[str, Scaffold] = {}


def register(scaffold: Scaffold) -> Scaffold:
    for name in scaffold.names:
        SCAFFOLDS[name] = scaffold
    return scaffold


register(Scaffold(
    EXAMPLE, names=("example", "voorbeeld", "praktijkvoorbeeld"), today=("date",),
    body="""\
## Context

<!-- Waar speelt het en waarom begon het? Welke gemeente of regio, welke vraag of welk probleem? -->

## Aanpak

<!-- Wat hebben de betrokkenen gedaan, met wie en in welke volgorde? -->

## Resultaten

<!-- Wat leverde het op? Noem alleen cijfers en jaartallen die in de bron staan. -->

## Wat anderen ervan kunnen leren

<!-- Wat kan een andere gemeente hiervan overnemen? Verwijs naar de lessen die het voorbeeld laat zien. -->
""",
))

register(Scaffold(
    LESSON, names=("lesson", "les"),
    body="""\
## Wat de les betekent

<!-- Leg de les in eigen woorden uit, in twee of drie korte alinea's. -->

## Wat de deelnemers tegenkwamen

<!-- Wat zagen en leerden de deelnemers? Noem de bron en de gemeenten waar het speelde. -->

## Zo pas je het toe

<!-- Drie of vier concrete tips, als opsomming met streepjes. -->

## Vragen voor je eigen organisatie

<!-- Twee of drie vragen, als opsomming met streepjes. -->
""",
))


register(Scaffold(
    MEETING, names=("meeting", "bijeenkomst"), today=("date",),
    body="""\
<!-- Inleiding op de bijeenkomst, in twee of drie korte alinea's: voor wie, waarom deze lessen en
voorbeelden, en hoe de middag of ochtend verloopt. Zet het programma in `agenda`: per agendapunt
de tijd, de titel en eventueel de spreker, het thema en de lessen en voorbeelden (als
lessen/<bestandsnaam> of voorbeelden/<bestandsnaam>). De pagina toont bij elke les en elk voorbeeld
de samenvatting, de link en een QR-code, en print als hand-out. -->

## Voor wie

<!-- Wie worden er verwacht (bijvoorbeeld directies van buurgemeenten)? -->

## Opzet

<!-- Hoe verloopt de bijeenkomst? Noem alleen wat vaststaat. -->
""",
))


def _scalar(value: Any) -> str:
    """One YAML value on one line, quoted when that is needed to read it back unchanged."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
    return text.removesuffix("\n...\n").strip()


def _vocabulary_keys(root: Path, content_dir: str, ref: str | None) -> list[str]:
    kind = next((k for k in VOCABULARY_KINDS if k.vocabulary == ref), None)
    if kind is None:
        return []
    records, _ = read_vocabulary(root / content_dir / f"{ref}.yml", kind, root)
    return [r.key for r in records]


def _comment(f: Field, keys: list[str]) -> str:
    """The Dutch line above a field: what belongs there, whether it is required, how to write it."""
    description = f.description.strip()
    parts = [description if description.endswith((".", "?", "!")) else description + "."]
    parts.append("Verplicht." if f.required else "Mag leeg blijven.")
    if f.choices:
        parts.append("Kies uit: " + ", ".join(f.choices) + ".")
    elif keys and len(keys) <= LIST_CHOICES_UP_TO:
        parts.append("Kies uit: " + ", ".join(keys) + ".")
    if f.type == "list" and f.items == "mapping":
        parts.append("Schrijf elk punt als een blok onder een streepje (- ) met de velden "
                     + ", ".join(sub.name for sub in f.fields) + "; zie CONTRIBUTING.md.")
    elif f.type == "list":
        parts.append("Schrijf als lijst: [eerste, tweede].")
    elif f.type == "date" and "JJJJ-MM-DD" not in description:
        parts.append("Schrijf als JJJJ-MM-DD.")
    elif f.type == "int" and f.example is not None:
        parts.append(f"Bijvoorbeeld {f.example}.")
    return "# " + " ".join(parts)


def frontmatter_lines(kind: Kind, values: dict[str, Any], root: Path, content_dir: str = "content") -> list[str]:
    """Every field of `kind` in schema order: a comment line, then the field with its start value."""
    lines = []
    for f in kind.fields:
        keys = _vocabulary_keys(root, content_dir, f.ref) if f.type in ("ref", "list") else []
        lines.append(_comment(f, keys))
        if f.name in values:
            lines.append(f"{f.name}: {_scalar(values[f.name])}")
        elif f.type == "list":
            lines.append(f"{f.name}: []")
        else:
            lines.append(f"{f.name}:")
    return lines


def render(scaffold: Scaffold, title: str, root: Path, today: dt.date | None = None,
           content_dir: str = "content") -> str:
    """The text of a new file: frontmatter with every field, then the body sections."""
    values: dict[str, Any] = {"title": title}
    for name in scaffold.today:
        values[name] = today or dt.date.today()
    head = frontmatter_lines(scaffold.kind, values, root, content_dir)
    return "---\n" + "\n".join(head) + "\n---\n" + scaffold.body


def template(scaffold: Scaffold) -> str:
    """The same file for editors without a local install: no title, no date, no local vocabulary.

    Committed as .github/sjablonen/<name>.md and linked from CONTRIBUTING.md.
    """
    head = frontmatter_lines(scaffold.kind, {}, Path("/nonexistent"))
    return "---\n" + "\n".join(head) + "\n---\n" + scaffold.body


def create(name: str, title: str, root: Path, today: dt.date | None = None,
           content_dir: str = "content") -> Scaffolded:
    """Write a new file for kind `name` with this title; never overwrite an existing file."""
    scaffold = SCAFFOLDS.get(name)
    if scaffold is None:
        known = ", ".join(sorted(SCAFFOLDS))
        raise ScaffoldError(f"onbekende soort '{name}' — kies uit: {known}")
    title = title.strip()
    if not title:
        raise ScaffoldError("de titel is leeg — geef een titel tussen aanhalingstekens, "
                            'bijvoorbeeld: kennisbank new example "Stroomlijn"')
    limit = scaffold.kind.field("title").max_length
    if limit and len(title) > limit:
        raise ScaffoldError(f"de titel is te lang: {len(title)} tekens, maximaal {limit} — kies een kortere titel")
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"van de titel '{title}' kan geen bestandsnaam worden gemaakt — gebruik letters of cijfers")
    folder = root / content_dir / scaffold.kind.folder
    path = folder / f"{slug}.md"
    rel_path = path.relative_to(root).as_posix()
    if path.exists():
        raise ScaffoldError(f"{rel_path} bestaat al — bewerk dat bestand, of kies een andere titel "
                            "zodat er een andere bestandsnaam ontstaat")
    text = render(scaffold, title, root, today, content_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as out:  # "x": fail rather than overwrite
        out.write(text)
    return Scaffolded(path=path, rel_path=rel_path, url=f"{scaffold.kind.url_prefix}/{slug}/")


__all__ = ["SCAFFOLDS", "Scaffold", "ScaffoldError", "Scaffolded", "create", "frontmatter_lines",
           "register", "render", "template"]
