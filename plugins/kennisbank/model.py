"""The knowledge graph: typed items with links in both directions, built from valid records."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any, Union

from .load import Record
from .related import Related, Scorer, link_related
from .validate import slug_of


class _Node:
    """Items link to each other in both directions; a short repr keeps printing them finite."""

    def __repr__(self) -> str:
        key = getattr(self, "slug", None) or getattr(self, "key", "?")
        return f"<{type(self).__name__} {key}>"


class _Relatable(_Node):
    """Lessons and examples: 3 to 5 related items of the same kind, with the reasons (related.py)."""

    scorer: Scorer | None

    @functools.cached_property
    def related(self) -> list[Related]:
        # Scored on first use: on a large site each process scores the pages it renders.
        return self.scorer.related(self) if self.scorer else []


@dataclass(eq=False, repr=False)
class Source(_Node):
    key: str
    title: str
    publisher: str
    year: int | None
    authors: str = ""
    description: str = ""
    link: str = ""

    def cite(self, chapter: str = "") -> str:
        """One line a reader can quote: title, publisher, year, chapter."""
        parts = [self.title, self.publisher] + ([str(self.year)] if self.year else [])
        if chapter:
            parts.append(chapter)
        return ", ".join(parts)


@dataclass(eq=False, repr=False)
class Tag(_Node):
    key: str
    label: str
    description: str
    synonyms: list[str] = field(default_factory=list)
    lessons: list["Lesson"] = field(default_factory=list)
    examples: list["Example"] = field(default_factory=list)

    kind = "tag"

    @property
    def url(self) -> str:
        return f"tags/{self.key}/"

    @property
    def title(self) -> str:
        return self.label

    @property
    def count(self) -> int:
        return len(self.lessons) + len(self.examples)


@dataclass(eq=False, repr=False)
class Theme(_Node):
    key: str
    title: str
    order: int
    summary: str
    intro: str
    source: Source | None = None
    lessons: list["Lesson"] = field(default_factory=list)

    kind = "theme"

    @property
    def url(self) -> str:
        return f"themas/{self.key}/"

    @property
    def examples(self) -> list["Example"]:
        """Examples that illustrate any lesson of this theme, each once, by title."""
        seen: dict[str, Example] = {}
        for lesson in self.lessons:
            for example in lesson.examples:
                seen.setdefault(example.slug, example)
        return sorted(seen.values(), key=lambda e: e.sort_key)


@dataclass(eq=False, repr=False)
class Organisation(_Node):
    key: str
    name: str
    kind_of: str
    province: str = ""
    description: str = ""
    profile: dict[str, str] = field(default_factory=dict)
    members: list["Organisation"] = field(default_factory=list)
    member_of: list["Organisation"] = field(default_factory=list)
    examples: list["Example"] = field(default_factory=list)

    kind = "organisation"

    @property
    def url(self) -> str:
        return f"organisaties/{self.key}/"

    @property
    def title(self) -> str:
        return self.name


@dataclass(eq=False, repr=False)
class Lesson(_Relatable):
    slug: str
    title: str
    theme: Theme
    order: int
    summary: str
    tags: list[Tag]
    source: Source
    chapter: str = ""
    aliases: list[str] = field(default_factory=list)
    no_example_reason: str = ""
    src_uri: str = ""
    path: str = ""
    examples: list["Example"] = field(default_factory=list)
    scorer: Scorer | None = None

    kind = "lesson"

    @property
    def url(self) -> str:
        return f"lessen/{self.slug}/"

    @property
    def sort_key(self) -> tuple:
        return (self.theme.order, self.order, self.slug)


@dataclass(eq=False, repr=False)
class Example(_Relatable):
    slug: str
    title: str
    summary: str
    organisations: list[Organisation]
    provinces: list[str]
    year_start: int | None
    lessons: list[Lesson]
    tags: list[Tag]
    source: Source
    date: dt.date
    year_end: int | None = None
    chapter: str = ""
    status: str = ""
    contact: str = ""
    aliases: list[str] = field(default_factory=list)
    src_uri: str = ""
    path: str = ""
    scorer: Scorer | None = None

    kind = "example"

    @property
    def url(self) -> str:
        return f"voorbeelden/{self.slug}/"

    @property
    def sort_key(self) -> tuple:
        return (self.title.lower(), self.slug)

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
    def themes(self) -> list[Theme]:
        seen: dict[str, Theme] = {}
        for lesson in self.lessons:
            seen.setdefault(lesson.theme.key, lesson.theme)
        return sorted(seen.values(), key=lambda t: t.order)


@dataclass(eq=False, repr=False)
class Meeting(_Node):
    slug: str
    title: str
    date: dt.date
    place: str
    summary: str
    items: list[Union[Lesson, Example]]
    aliases: list[str] = field(default_factory=list)
    src_uri: str = ""
    path: str = ""

    kind = "meeting"

    @property
    def url(self) -> str:
        return f"bijeenkomsten/{self.slug}/"


@dataclass(repr=False)
class Site(_Node):
    """Everything the emitters need, with every cross-link resolved."""

    themes: list[Theme]
    tags: list[Tag]
    sources: dict[str, Source]
    organisations: list[Organisation]
    lessons: list[Lesson]
    examples: list[Example]
    meetings: list[Meeting]
    by_src_uri: dict[str, Any] = field(default_factory=dict)
    # Frontmatter and Markdown body of each page file, as read once by load.py.
    documents: dict[str, tuple[dict, str]] = field(default_factory=dict)

    def page_for(self, src_uri: str) -> Any:
        return self.by_src_uri.get(src_uri)


def _str(data: dict, key: str) -> str:
    value = data.get(key)
    return value.strip() if isinstance(value, str) else ""


def build_site(records: list[Record]) -> Site:
    """Turn validated records into the linked model. Assumes validate() found no problems."""
    by_kind: dict[str, list[Record]] = {}
    for r in records:
        by_kind.setdefault(r.kind.name, []).append(r)

    sources = {
        r.key: Source(r.key, r.data["title"], r.data["publisher"], r.data.get("year"),
                      _str(r.data, "authors"), _str(r.data, "description"), _str(r.data, "url"))
        for r in by_kind.get("source", [])
    }
    themes = {
        r.key: Theme(r.key, r.data["title"], r.data["order"], r.data["summary"].strip(),
                     r.data["intro"].strip(), sources.get(r.data.get("source")))
        for r in by_kind.get("theme", [])
    }
    tags = {
        r.key: Tag(r.key, r.data["label"], r.data["description"].strip(), list(r.data.get("synonyms") or []))
        for r in by_kind.get("tag", [])
    }
    organisations = {
        r.key: Organisation(r.key, r.data["name"], r.data["kind"], _str(r.data, "province"),
                            _str(r.data, "description"),
                            {k: str(v).strip() for k, v in (r.data.get("profile") or {}).items() if v})
        for r in by_kind.get("organisation", [])
    }
    for r in by_kind.get("organisation", []):
        org = organisations[r.key]
        for member_key in r.data.get("members") or []:
            member = organisations[member_key]
            org.members.append(member)
            member.member_of.append(org)

    by_src: dict[str, Any] = {}
    lessons: dict[str, Lesson] = {}
    for r in by_kind.get("lesson", []):
        d = r.data
        lesson = Lesson(
            slug=slug_of(r), title=d["title"].strip(), theme=themes[d["theme"]], order=d["order"],
            summary=d["summary"].strip(), tags=[tags[t] for t in d["tags"]], source=sources[d["source"]],
            chapter=_str(d, "chapter"), aliases=list(d.get("aliases") or []),
            no_example_reason=_str(d, "no_example_reason"), src_uri=r.src_uri, path=r.path,
        )
        lessons[r.key] = lesson
        by_src[r.src_uri] = lesson
        lesson.theme.lessons.append(lesson)
        for tag in lesson.tags:
            tag.lessons.append(lesson)

    examples: list[Example] = []
    for r in by_kind.get("example", []):
        d = r.data
        example = Example(
            slug=slug_of(r), title=d["title"].strip(), summary=d["summary"].strip(),
            organisations=[organisations[o] for o in d["organisations"]], provinces=list(d["provinces"]),
            year_start=d.get("year_start"), year_end=d.get("year_end"), lessons=[lessons[k] for k in d["lessons"]],
            tags=[tags[t] for t in d["tags"]], source=sources[d["source"]], date=d["date"],
            chapter=_str(d, "chapter"), status=_str(d, "status"), contact=_str(d, "contact"),
            aliases=list(d.get("aliases") or []), src_uri=r.src_uri, path=r.path,
        )
        examples.append(example)
        by_src[r.src_uri] = example
        for lesson in example.lessons:
            lesson.examples.append(example)
        for tag in example.tags:
            tag.examples.append(example)
        for org in example.organisations:
            org.examples.append(example)

    items = {**{f"lessen/{k}": v for k, v in lessons.items()},
             **{f"voorbeelden/{e.slug}": e for e in examples}}
    meetings: list[Meeting] = []
    for r in by_kind.get("meeting", []):
        d = r.data
        meeting = Meeting(slug_of(r), d["title"].strip(), d["date"], d["place"].strip(), d["summary"].strip(),
                          [items[i] for i in d["items"]], list(d.get("aliases") or []), r.src_uri, r.path)
        meetings.append(meeting)
        by_src[r.src_uri] = meeting

    ordered_themes = sorted(themes.values(), key=lambda t: (t.order, t.key))
    for theme in ordered_themes:
        theme.lessons.sort(key=lambda l: (l.order, l.slug))
    for lesson in lessons.values():
        lesson.examples.sort(key=lambda e: e.sort_key)
    for collection in list(tags.values()) + list(organisations.values()):
        collection.examples.sort(key=lambda e: e.sort_key)
    for tag in tags.values():
        tag.lessons.sort(key=lambda l: l.sort_key)

    site = Site(
        themes=ordered_themes,
        tags=sorted(tags.values(), key=lambda t: t.label.lower()),
        sources=sources,
        organisations=sorted(organisations.values(), key=lambda o: o.name.lower()),
        lessons=sorted(lessons.values(), key=lambda l: l.sort_key),
        examples=sorted(examples, key=lambda e: e.sort_key),
        meetings=sorted(meetings, key=lambda m: (m.date, m.slug)),
        by_src_uri=by_src,
        documents={r.src_uri: (r.data, r.body) for r in records if r.src_uri},
    )
    link_related(site)
    return site
