"""The knowledge graph: one record type per kind, linked in both directions, built from valid records.

Each record type names its kind (kinds.py) and declares the model value of every field of that kind;
`build_site` fills them in from the records generically (references become the items they name) and
then lets each item add itself to the items it refers to (`add_backlinks`). Adding a kind means adding a
record type here, decorated with `@record_type`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .fields import Field
from .kinds import BY_NAME, ITEMS_REF, KINDS, Kind
from .load import Record
from .related import Related, Scorer, link_related

RECORD_TYPES: dict[str, type["Item"]] = {}
MAX_YEARS = 30  # years a running example without an end year counts for


def record_type(cls: type["Item"]) -> type["Item"]:
    """Register the class as the model of the kind it names (cls.kind)."""
    RECORD_TYPES[cls.kind] = cls
    return cls


@dataclass(eq=False, repr=False, kw_only=True)
class Item:
    """What every item has: its key (the slug of a document), where it came from, and its URL."""

    kind: ClassVar[str]
    key: str
    src_uri: str = ""  # documents: the file, relative to the content folder
    path: str = ""  # documents: the file, relative to the project, for messages
    position: int = 0  # place in its file or folder

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.key}>"

    @property
    def kind_info(self) -> Kind:
        return BY_NAME[self.kind]

    @property
    def url(self) -> str:
        """The page URL, as MkDocs writes it: 'lessen/<slug>/'."""
        return f"{self.kind_info.url_prefix}/{self.key}/"

    @property
    def slug(self) -> str:
        return self.key

    @property
    def sort_key(self) -> tuple:
        return (self.position,)

    def add_backlinks(self) -> None:
        """Add this item to the lists of the items it refers to (the other direction of a link)."""


class _Relatable:
    """Lessons and examples: 3 to 5 related items of the same kind, with the reasons (related.py)."""

    scorer: Scorer | None

    @functools.cached_property
    def related(self) -> list[Related]:
        return self.scorer.related(self) if self.scorer else []


@record_type
@dataclass(eq=False, repr=False, kw_only=True)
class Source(Item):
    kind = "source"
    title: str = ""
    publisher: str = ""
    year: int | None = None
    authors: str = ""
    description: str = ""
    link: str = ""
    lessons: list["Lesson"] = field(default_factory=list)
    examples: list["Example"] = field(default_factory=list)

    def cite(self, chapter: str = "") -> str:
        """One line a reader can quote: title, publisher, year, chapter."""
        parts = [self.title, self.publisher] + ([str(self.year)] if self.year else [])
        if chapter:
            parts.append(chapter)
        return ", ".join(parts)

    @property
    def summary(self) -> str:
        return self.description

    @property
    def chapters(self) -> list[tuple[str, list["Lesson"]]]:
        """The lessons in the publication's order, grouped by chapter (in order of first appearance)."""
        groups: dict[str, list[Lesson]] = {}
        for lesson in sorted(self.lessons, key=lambda l: l.sort_key):
            groups.setdefault(lesson.chapter, []).append(lesson)
        return list(groups.items())


@record_type
@dataclass(eq=False, repr=False, kw_only=True)
class Theme(Item):
    kind = "theme"
    title: str = ""
    order: int = 0
    summary: str = ""
    intro: str = ""
    source: Source | None = None
    lessons: list["Lesson"] = field(default_factory=list)

    @property
    def sort_key(self) -> tuple:
        return (self.order, self.key)

    @property
    def examples(self) -> list["Example"]:
        """Examples that illustrate any lesson of this theme, each once, by title."""
        seen: dict[str, Example] = {}
        for lesson in self.lessons:
            for example in lesson.examples:
                seen.setdefault(example.slug, example)
        return sorted(seen.values(), key=lambda e: e.sort_key)


@record_type
@dataclass(eq=False, repr=False, kw_only=True)
class Tag(Item):
    kind = "tag"
    label: str = ""
    description: str = ""
    synonyms: list[str] = field(default_factory=list)
    lessons: list["Lesson"] = field(default_factory=list)
    examples: list["Example"] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.label

    @property
    def summary(self) -> str:
        return self.description

    @property
    def sort_key(self) -> tuple:
        return (self.label.lower(),)

    @property
    def count(self) -> int:
        return len(self.lessons) + len(self.examples)


@record_type
@dataclass(eq=False, repr=False, kw_only=True)
class Organisation(Item):
    kind = "organisation"
    name: str = ""
    kind_of: str = ""
    province: str = ""
    description: str = ""
    profile: dict[str, str] = field(default_factory=dict)
    members: list["Organisation"] = field(default_factory=list)
    member_of: list["Organisation"] = field(default_factory=list)
    examples: list["Example"] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.name

    @property
    def summary(self) -> str:
        return self.description

    @property
    def sort_key(self) -> tuple:
        return (self.name.lower(),)

    def add_backlinks(self) -> None:
        for member in self.members:
            member.member_of.append(self)


@record_type
@dataclass(eq=False, repr=False, kw_only=True)
class Lesson(_Relatable, Item):
    kind = "lesson"
    title: str = ""
    theme: Theme = None  # type: ignore[assignment]  # always set: a required field
    order: int = 0
    summary: str = ""
    tags: list[Tag] = field(default_factory=list)
    source: Source = None  # type: ignore[assignment]
    chapter: str = ""
    aliases: list[str] = field(default_factory=list)
    no_example_reason: str = ""
    examples: list["Example"] = field(default_factory=list)
    scorer: Scorer | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.theme.order, self.order, self.key)

    @property
    def neighbours(self) -> tuple["Lesson | None", "Lesson | None"]:
        """The lessons before and after this one in its theme (None at either end)."""
        lessons = self.theme.lessons
        at = lessons.index(self)
        return (lessons[at - 1] if at else None, lessons[at + 1] if at + 1 < len(lessons) else None)

    def add_backlinks(self) -> None:
        self.theme.lessons.append(self)
        self.source.lessons.append(self)
        for tag in self.tags:
            tag.lessons.append(self)


@record_type
@dataclass(eq=False, repr=False, kw_only=True)
class Example(_Relatable, Item):
    kind = "example"
    title: str = ""
    summary: str = ""
    organisations: list[Organisation] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    year_start: int | None = None
    year_end: int | None = None
    lessons: list[Lesson] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    source: Source | None = None  # None: contributed from an organisation's own practice
    chapter: str = ""
    contributed_by: Organisation | None = None
    contributed_on: dt.date | None = None
    contact_role: str = ""
    date: dt.date = dt.date(2000, 1, 1)
    status: str = ""
    contact: str = ""
    aliases: list[str] = field(default_factory=list)
    scorer: Scorer | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.title.lower(), self.key)

    @property
    def period(self) -> str:
        if self.year_start is None:
            return f"tot {self.year_end}" if self.year_end else "onbekend"
        if self.year_end is None:
            return f"sinds {self.year_start}" if self.status == "lopend" else str(self.year_start)
        if self.year_end == self.year_start:
            return str(self.year_start)
        return f"{self.year_start}–{self.year_end}"

    @property
    def years(self) -> list[int]:
        """The calendar years the example covers: a running one up to its entry date, at most MAX_YEARS."""
        start, end = self.year_start, self.year_end
        if start is None:
            return [end] if end is not None else []
        if end is None:
            end = max(start, self.date.year) if self.status == "lopend" else start
        return list(range(start, min(end, start + MAX_YEARS - 1) + 1))

    @property
    def themes(self) -> list[Theme]:
        seen: dict[str, Theme] = {}
        for lesson in self.lessons:
            seen.setdefault(lesson.theme.key, lesson.theme)
        return sorted(seen.values(), key=lambda t: t.order)

    def add_backlinks(self) -> None:
        if self.source is not None:
            self.source.examples.append(self)
        contributor = [self.contributed_by] if self.contributed_by and self.contributed_by not in self.organisations else []
        for group in (self.lessons, self.tags, self.organisations, contributor):
            for item in group:
                item.examples.append(self)


@dataclass(frozen=True, kw_only=True)
class AgendaPoint:
    """One point on a meeting's agenda, as the handout shows it."""

    time: str
    title: str
    end: str = ""
    speaker: str = ""
    theme: Theme | None = None
    items: tuple[Lesson | Example, ...] = ()


@record_type
@dataclass(eq=False, repr=False, kw_only=True)
class Meeting(Item):
    kind = "meeting"
    title: str = ""
    date: dt.date = dt.date(2000, 1, 1)
    place: str = ""
    summary: str = ""
    agenda: list[dict] = field(default_factory=list)  # the agenda points' fields, references resolved
    listed: list[Lesson | Example] = field(default_factory=list)  # a programme without agenda
    aliases: list[str] = field(default_factory=list)

    @property
    def sort_key(self) -> tuple:
        return (self.date, self.key)

    @property
    def years(self) -> list[int]:
        return [self.date.year]

    @functools.cached_property
    def points(self) -> list[AgendaPoint]:
        return [AgendaPoint(**{k: (tuple(v) if k == "items" else v) for k, v in point.items()})
                for point in self.agenda]

    @property
    def items(self) -> list[Lesson | Example]:
        """Every lesson and example on the programme, in order, each once."""
        seen: dict[tuple, Lesson | Example] = {}
        for item in [*self.listed, *(i for point in self.points for i in point.items)]:
            seen.setdefault((item.kind, item.key), item)
        return list(seen.values())

    @property
    def programme(self) -> list[tuple[Theme | None, list[AgendaPoint]]]:
        """The agenda points in order; consecutive points of the same theme (their `theme` field) under one heading."""
        groups: list[tuple[Theme | None, list[AgendaPoint]]] = []
        for point in self.points:
            if groups and groups[-1][0] is point.theme:
                groups[-1][1].append(point)
            else:
                groups.append((point.theme, [point]))
        return groups


@dataclass(repr=False)
class Site:
    """Every item of every kind, with every cross-link resolved; `site.lessons` and the like list
    the items of one kind (kinds.py: Kind.collection) in their display order."""

    collections: dict[str, list[Item]]
    # Frontmatter and Markdown body of each document, as read once by load.py.
    documents: dict[str, tuple[dict, str]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> list:
        collections = self.__dict__.get("collections", {})
        if name in collections:
            return collections[name]
        raise AttributeError(name)

    def items(self) -> list[Item]:
        return [item for kind in KINDS for item in self.collections[kind.collection]]


def _plain(f: Field, value: Any) -> Any:
    """A field's value as the model keeps it (references are resolved later)."""
    if f.type in ("text", "time"):
        return value.strip()
    if f.type == "mapping":
        return {k: str(v).strip() for k, v in value.items() if v}
    if f.type == "list":
        return list(value)
    return value


def _resolved(f: Field, value: Any, by_ref: dict[str, dict[str, Item]]) -> Any:
    """A field's model value with its references, also inside a list of blocks, turned into items."""
    if f.ref is not None:
        targets = by_ref[f.ref]
        return [targets[v] for v in value] if f.type == "list" else targets[value]
    if f.type == "list" and f.items == "mapping":
        return [{sub.model_name: _resolved(sub, point[sub.name], by_ref) for sub in f.fields
                 if point.get(sub.name) not in (None, "", [])} for point in value]
    return _plain(f, value)


def _has_refs(f: Field) -> bool:
    return f.ref is not None or any(_has_refs(sub) for sub in f.fields)


def build_site(records: list[Record]) -> Site:
    """Turn validated records into the linked model. Assumes validate() found no problems."""
    made: list[tuple[Item, Record]] = []
    by_ref: dict[str, dict[str, Item]] = {kind.collection: {} for kind in KINDS}
    by_ref[ITEMS_REF] = {}
    for position, record in enumerate(records):
        kind = record.kind
        cls = RECORD_TYPES[kind.name]
        names = {f.name for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {"key": record.slug,
                                  "src_uri": record.src_uri, "path": record.path if kind.folder else "",
                                  "position": position}
        for f in kind.fields:
            value = record.data.get(f.name)
            if f.model_name in names and value not in (None, "", [], {}) and not _has_refs(f):
                values[f.model_name] = _plain(f, value)
        item = cls(**values)
        made.append((item, record))
        by_ref[kind.collection][record.key] = item
        by_ref[ITEMS_REF][f"{kind.url_prefix}/{item.key}"] = item

    for item, record in made:  # references, now that every item exists
        for f in record.kind.fields:
            value = record.data.get(f.name)
            if not _has_refs(f) or value in (None, "", [], {}):
                continue
            setattr(item, f.model_name, _resolved(f, value, by_ref))
    for item, _ in made:
        item.add_backlinks()

    collections: dict[str, list[Item]] = {kind.collection: [] for kind in KINDS}
    for item, _ in made:
        collections[item.kind_info.collection].append(item)
        # Lists that add_backlinks() filled (not set from the file) in the order the site lists their items.
        own = {f.model_name for f in item.kind_info.fields}
        for f in dataclasses.fields(item):
            linked = getattr(item, f.name)
            if f.name not in own and isinstance(linked, list) and linked and isinstance(linked[0], Item):
                linked.sort(key=lambda i: i.sort_key)
    for items in collections.values():
        items.sort(key=lambda i: i.sort_key)

    site = Site(collections, documents={r.src_uri: (r.data, r.body) for r in records if r.src_uri})
    link_related(site)
    return site


__all__ = ["AgendaPoint", "Example", "Item", "Lesson", "Meeting", "Organisation", "RECORD_TYPES", "Site", "Source", "Tag", "Theme",
           "build_site", "record_type"]
