"""Read content files once, keeping the line of every field, and report unreadable files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from .fields import SLUG_RE
from .kinds import DOCUMENT_KINDS, VOCABULARY_KINDS, Kind
from .problems import Problem

# libyaml when present: the same results, several times faster on large sites.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# python-frontmatter's own definition of a boundary line, so files it accepts we accept.
_BOUNDARY = re.compile(frontmatter.YAMLHandler.FM_BOUNDARY.pattern.strip("^$"))

Path_ = tuple[Any, ...]


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


def _walk(node: yaml.Node, value: Any, path: Path_, offset: int, lines: dict, dupes: list,
          seen: set | None = None) -> None:
    """Record the line of every mapping key and sequence item under `node`.

    A list or block reached a second time is a YAML alias (*naam): it is not walked again, so
    nested aliases cannot make this take exponential time (its items keep their first lines).
    """
    seen = set() if seen is None else seen
    if isinstance(node, yaml.CollectionNode):
        if id(node) in seen:
            return
        seen.add(id(node))
    if isinstance(node, yaml.MappingNode) and isinstance(value, dict):
        keys: set = set()
        for key_node, val_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + offset
            if key in keys:
                dupes.append((path + (key,), line))
            keys.add(key)
            lines[path + (key,)] = line
            if key in value:
                _walk(val_node, value[key], path + (key,), offset, lines, dupes, seen)
    elif isinstance(node, yaml.SequenceNode) and isinstance(value, list):
        for i, (item_node, item) in enumerate(zip(node.value, value)):
            lines[path + (i,)] = item_node.start_mark.line + offset
            _walk(item_node, item, path + (i,), offset, lines, dupes, seen)


def parse_yaml(text: str, path: str, first_line: int, what: str):
    """Parse YAML text that starts at file line `first_line`.

    Returns (data, lines, problems); data is None when the YAML cannot be read.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        reason = (exc.problem or "onleesbare YAML").strip()
        return None, {}, [Problem(path, line, what, f"YAML-fout: {reason} — controleer inspringing, "
                                                    "dubbele punten en aanhalingstekens")]
    except (yaml.YAMLError, ValueError) as exc:
        return None, {}, [Problem(path, first_line, what, f"YAML-fout: {exc}")]
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    dupes: list = []
    if node is not None:
        _walk(node, data, (), first_line, lines, dupes)
    problems = [
        Problem(path, line, str(p[-1]) if len(p) == 1 else ".".join(map(str, p)),
                "staat twee keer in dit blok; laat er één staan")
        for p, line in dupes
    ]
    return data, lines, problems


def read_text(file: Path, path: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or the reason it cannot be used."""
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
        return None, [Problem(path, 1, "bestand", "is leeg — begin met een frontmatter-blok tussen "
                                                  "twee regels '---'")]
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
    if not file.exists():
        return [], [Problem(path, 1, "bestand", f"ontbreekt — elke site heeft een lijst van {kind.plural} nodig")]
    text, problems = read_text(file, path)
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
        if not isinstance(value, dict):
            problems.append(Problem(path, line, str(key), f"verwacht de velden van een {kind.label} "
                                                          "(ingesprongen onder de sleutel)"))
            continue
        lines = {p[1:]: n for p, n in where.items() if p and p[0] == key and len(p) > 1}
        records.append(Record(kind=kind, path=path, key=str(key), data=value, lines=lines, line=line))
    return records, problems


def load_content(root: Path, content_dir: str = "content") -> tuple[list[Record], list[Problem]]:
    """Read every document and vocabulary under `root/content_dir`."""
    base = root / content_dir
    records: list[Record] = []
    problems: list[Problem] = []
    for kind in VOCABULARY_KINDS:
        found, issues = read_vocabulary(base / f"{kind.vocabulary}.yml", kind, root)
        records += found
        problems += issues
    for kind in DOCUMENT_KINDS:
        folder = base / kind.folder
        files = sorted(folder.rglob("*.md"), key=lambda path: path.parts) if folder.is_dir() else []
        for file in files:
            record, issues = read_document(file, kind, root, base)
            problems += issues
            if record is not None:
                records.append(record)
    return records, problems
