"""Read content files once, keeping the line of every field, and report unreadable files."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from .fields import SLUG_RE
from .kinds import DOCUMENT_KINDS, KINDS, SEARCH_PATH, VOCABULARY_KINDS, Kind
from .problems import Problem
from .safety import page_problems
from .yaml_errors import explain, field_on, merged_item
from .yaml_load import ContentLoader, RefusedYaml, construct_key
# python-frontmatter's own definition of a boundary line, so files it accepts we accept.
_BOUNDARY = re.compile(frontmatter.YAMLHandler.FM_BOUNDARY.pattern.strip("^$"))

Path_ = tuple[Any, ...]

MAX_FILE = 1_000_000  # bytes in one Markdown or YAML file; the longest lesson is 12 kB
# What may sit in content/: Markdown pages, the vocabularies and raster images. Anything else
# (HTML, SVG, JavaScript) would be published as it is and could run on the site's origin.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd"})  # MkDocs reads all
# Top folders whose files the site writes itself (theme and our assets, the search index).
RESERVED_FOLDERS = frozenset({"assets", "pagefind", "search"})


@dataclass
class Record:
    """One lesson, example, meeting or vocabulary entry, as read from disk."""

    kind: Kind
    path: str  # relative to the project root, for messages
    key: str  # slug: file name without .md, or the vocabulary key
    data: dict[str, Any]
    lines: dict[Path_, int] = field(default_factory=dict)
    line: int = 1  # where the record starts
    body: str = ""
    body_line: int = 0
    src_uri: str = ""  # relative to the content folder, for documents

    @property
    def slug(self) -> str:
        """Where the record is published: a document's `slug` field when valid, else its key."""
        slug = self.data.get("slug") if self.kind.folder else None
        return slug if isinstance(slug, str) and SLUG_RE.fullmatch(slug) else self.key

    def line_of(self, *path: Any) -> int:
        """Line of a field (or list item), falling back to its parent, then the record."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.line


def _walk(node: yaml.Node, value: Any, path: Path_, offset: int, lines: dict, dupes: list, merged: list) -> None:
    """Record the line of every mapping key and sequence item under `node`.

    The loader refuses aliases and deep nesting, so this visits each node once and recurses at
    most MAX_DEPTH levels.
    """
    if isinstance(node, yaml.MappingNode) and isinstance(value, dict):
        keys: set = set()
        for key_node, val_node in node.value:
            key = construct_key(key_node)
            line = key_node.start_mark.line + offset
            if key in keys:
                dupes.append((path + (key,), line))
            keys.add(key)
            lines[path + (key,)] = line
            if key in value:
                _walk(val_node, value[key], path + (key,), offset, lines, dupes, merged)
    elif isinstance(node, yaml.SequenceNode) and isinstance(value, list):
        for i, (item_node, item) in enumerate(zip(node.value, value)):
            lines[path + (i,)] = item_node.start_mark.line + offset
            if merged_item(item_node):
                merged.append((path, item_node.end_mark.line + offset, item))
            _walk(item_node, item, path + (i,), offset, lines, dupes, merged)


def parse_yaml(text: str, path: str, first_line: int, what: str):
    """Parse YAML text that starts at file line `first_line`.

    Returns (data, lines, problems); data is None when the YAML cannot be read.
    """
    try:
        node, data = ContentLoader(text).load()
    except RefusedYaml as exc:
        return None, {}, [Problem(path, exc.problem_mark.line + first_line, what, exc.problem)]
    except yaml.MarkedYAMLError as exc:
        line, message = explain(exc, text)  # yaml_errors.py: the mistake in Dutch, on its own line
        lines = text.split("\n")
        name = field_on(lines[line]) if line < len(lines) else None
        return None, {}, [Problem(path, line + first_line, name or what, message)]
    except (yaml.YAMLError, ValueError):
        return None, {}, [Problem(path, first_line, what, "is niet te lezen — controleer inspringing, dubbele "
                                                    "punten en aanhalingstekens")]
    lines: dict[Path_, int] = {}
    dupes: list = []
    merged: list = []
    if node is not None:
        _walk(node, data, (), first_line, lines, dupes, merged)
    problems = [
        Problem(path, line, str(p[-1]) if len(p) == 1 else ".".join(map(str, p)),
                "staat twee keer in dit blok; laat er één staan")
        for p, line in dupes
    ]
    for p, line, item in merged:
        first, rest = item.split(" - ", 1)
        problems.append(Problem(path, line, ".".join(map(str, p)), (
            f"twee waarden zijn samengevoegd tot één ('{item}'): de regel met '- {rest}' springt verder in "
            f"dan die met '- {first}' — zet de streepjes recht onder elkaar")))
        # Check the values as the editor meant them, so the one mistake gives one message.
        container = data
        for key in p:
            container = container[key]
        at = container.index(item)
        container[at:at + 1] = [part.strip() for part in item.split(" - ")]
    return data, lines, problems


def _file_problem(path: str, name: str, folder: bool, top: str) -> str | None:
    """Why a file (or folder) in content/ may not be published, or None."""
    suffix = Path(name).suffix.lower() if not folder else ""
    if top in RESERVED_FOLDERS:
        return (f"staat in content/{top}/, waar de site haar eigen bestanden neerzet — zet het in een "
                "andere map, bijvoorbeeld content/afbeeldingen/")
    if folder:
        return None
    if suffix in MARKDOWN_SUFFIXES and not name.endswith(".md"):
        return (f"heeft de extensie '{Path(name).suffix}': de site leest alleen Markdown-bestanden "
                f"die op '.md' eindigen (kleine letters) — hernoem het naar '{Path(name).stem}.md'")
    if suffix == ".svg":
        return ("is een SVG-bestand: dat kan code bevatten en wordt niet gepubliceerd — sla de "
                "afbeelding op als PNG of WebP")
    if suffix not in IMAGE_SUFFIXES | {".md", ".yml"}:
        return (f"heeft een bestandstype ({suffix or 'zonder extensie'}) dat niet in content/ mag: alleen "
                "Markdown (.md), de lijsten (.yml) en afbeeldingen (.png, .jpg, .gif, .webp, .avif) — "
                "haal het bestand weg of vraag een beheerder")
    return None


def scan_content(base: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """Every file MkDocs would publish from `base`, and problems for those it may not.

    Symbolic links (to files or folders, dangling or looping) are never followed or read: they
    could publish files from outside the repository. Hidden files and folders, which MkDocs leaves
    out, are skipped (a Markdown file named like '..md' is still read, to report its name).
    """
    files: list[Path] = []
    problems: list[Problem] = []
    if not base.is_dir():
        return files, problems
    for folder, subfolders, names in os.walk(base):
        here = Path(folder)
        top = here.relative_to(base).parts[0] if here != base else ""
        for name in sorted(subfolders):
            if name.startswith("."):
                subfolders.remove(name)
                continue
            entry = here / name
            path = entry.relative_to(root).as_posix()
            if entry.is_symlink():
                subfolders.remove(name)
                problems.append(Problem(path, 1, "bestand", "is een symbolische koppeling (symlink) naar "
                                        "een map; de site publiceert alleen echte bestanden uit de "
                                        "repository — zet de bestanden zelf hier neer"))
        for name in sorted(names):
            if name.startswith(".") and not name.endswith(".md"):  # MkDocs leaves these out; '..md' is a mistake
                continue
            entry = here / name
            path = entry.relative_to(root).as_posix()
            if entry.is_symlink():
                problems.append(Problem(path, 1, "bestand", "is een symbolische koppeling (symlink); de "
                                        "site publiceert alleen echte bestanden uit de repository — zet "
                                        "het bestand zelf hier neer"))
                continue
            reason = _file_problem(path, name, False, top or name)
            if reason:
                problems.append(Problem(path, 1, "bestand", reason))
            else:
                files.append(entry)
    return files, problems


def read_text(file: Path, path: str, empty: str = "begin met een frontmatter-blok tussen twee regels "
              "'---'") -> tuple[str | None, list[Problem]]:
    """The file's text, or the reason it cannot be used; `empty` says what an empty file needs."""
    if file.stat().st_size > MAX_FILE:
        return None, [Problem(path, 1, "bestand", f"is groter dan {MAX_FILE // 1_000_000} MB — zo lang is "
                                                  "geen tekst; splits hem of haal ingeplakte gegevens weg")]
    raw = file.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(path, 1, "bestand", "begint met een byte-order mark (BOM) — sla het "
                                                  "bestand op als 'UTF-8' zonder BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        return None, [Problem(path, line, "bestand", f"is geen geldige UTF-8 (byte 0x{byte:02x}) — "
                                                     "sla het bestand op als UTF-8")]
    if not text.strip():
        return None, [Problem(path, 1, "bestand", f"is leeg — {empty}")]
    return text, []


def read_document(file: Path, kind: Kind, root: Path, content_dir: Path) -> tuple[Record | None, list[Problem]]:
    path = file.relative_to(root).as_posix()
    text, problems = read_text(file, path)
    if text is None:
        return None, problems
    lines = text.split("\n")
    if not _BOUNDARY.fullmatch(lines[0].rstrip("\r")):
        return None, [Problem(path, 1, "frontmatter", "ontbreekt — het bestand moet beginnen met een "
                                                      "regel '---', dan de velden, dan weer '---'")]
    close = next((i for i in range(1, len(lines)) if _BOUNDARY.fullmatch(lines[i].rstrip("\r"))), None)
    if close is None:
        return None, [Problem(path, 1, "frontmatter", "wordt niet afgesloten — zet een regel '---' "
                                                      "onder het laatste veld")]
    data, where, problems = parse_yaml("\n".join(lines[1:close]), path, 2, "frontmatter")
    if data is None and problems:
        return None, problems
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [Problem(path, 2, "frontmatter", "moet bestaan uit velden in de vorm "
                                                      "'naam: waarde'")]
    record = Record(
        kind=kind, path=path, key=file.stem, data=data, lines=where, line=1,
        body="\n".join(lines[close + 1:]), body_line=close + 2,
        src_uri=file.relative_to(content_dir).as_posix(),
    )
    return record, problems


def read_vocabulary(file: Path, kind: Kind, root: Path) -> tuple[list[Record], list[Problem]]:
    path = file.relative_to(root).as_posix()
    if file.is_symlink():
        return [], []  # reported by scan_content, never read
    if not file.exists():
        return [], [Problem(path, 1, "bestand", f"ontbreekt — elke site heeft een lijst van {kind.plural} nodig")]
    text, problems = read_text(file, path, f"zet hier de {kind.plural}, elk als sleutel met "
                               "ingesprongen velden eronder")
    if text is None:
        return [], problems
    data, where, problems = parse_yaml(text, path, 1, kind.vocabulary)
    if data is None:
        return [], problems or [Problem(path, 1, kind.vocabulary, "bevat geen gegevens")]
    if not isinstance(data, dict):
        return [], [Problem(path, 1, kind.vocabulary, "moet een lijst van sleutels met velden zijn")]
    records = []
    for key, value in data.items():
        line = where.get((key,), 1)
        if not isinstance(key, str):
            problems.append(Problem(path, line, str(key), "is geen naam: een sleutel bestaat uit kleine "
                                    "letters, cijfers en streepjes, bijvoorbeeld 'mijn-sleutel'"))
            continue
        if not isinstance(value, dict):
            problems.append(Problem(path, line, str(key), f"verwacht de velden van een {kind.label} "
                                                          "(ingesprongen onder de sleutel)"))
            continue
        lines = {p[1:]: n for p, n in where.items() if p and p[0] == key and len(p) > 1}
        records.append(Record(kind=kind, path=path, key=str(key), data=value, lines=lines, line=line))
    return records, problems


def load_content(root: Path, content_dir: str = "content") -> tuple[list[Record], list[Problem]]:
    """Read every document and vocabulary under `root/content_dir`, and check every other file there.

    Plain pages (content/over.md) are no records, but their HTML is checked here too.
    """
    base = root / content_dir
    records: list[Record] = []
    found_files, problems = scan_content(base, root)
    by_folder: dict[str, list[Path]] = {}
    for file in found_files:
        if file.suffix == ".md":
            parts = file.relative_to(base).parts
            by_folder.setdefault(parts[0] if len(parts) > 1 else "", []).append(file)
    for kind in VOCABULARY_KINDS:
        found, issues = read_vocabulary(base / f"{kind.vocabulary}.yml", kind, root)
        records += found
        problems += issues
    for kind in DOCUMENT_KINDS:
        for file in sorted(by_folder.pop(kind.folder, []), key=lambda path: path.parts):
            record, issues = read_document(file, kind, root, base)
            problems += issues
            if record is not None:
                records.append(record)
    for files in by_folder.values():
        for file in files:
            problems += page_problems(file, root) + plain_page_place(file, base, root)
    return records, problems


def plain_page_place(file: Path, base: Path, root: Path) -> list[Problem]:
    """A plain page may not take an address the site makes itself (/lessen/, /zoeken/, /tags/x/)."""
    src_uri = file.relative_to(base).as_posix()
    url = src_uri.removesuffix(".md").removesuffix("index").rstrip("/")
    top = url.split("/")[0]
    owner = next((kind for kind in KINDS if kind.url_prefix == top), None)
    if owner is None and top != SEARCH_PATH:
        return []
    what = f"de {owner.plural}" if owner else "de zoekpagina"
    where = "" if owner is None else f"content/{owner.folder}/" if owner.folder else f"content/{owner.vocabulary}.yml"
    return [Problem(file.relative_to(root).as_posix(), 1, "bestand",
                    f"zou op /{url}/ komen, maar de adressen onder /{top}/ zijn van {what}, die de site zelf "
                    f"maakt — kies een andere bestandsnaam of map" + (f"; {what} staan in {where}" if where else ""))]
