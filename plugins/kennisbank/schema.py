"""The one content schema: every kind of record, its fields and their rules.

Validation (validate.py), the scaffolder (scaffold.py) and the JSON Schema export below all read
these definitions; nothing else describes what a valid file looks like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# An alias is a site path such as /voorbeelden/oude-naam/ made of valid slug segments.
ALIAS_RE = re.compile(r"^/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$")

PROVINCES = (
    "Drenthe", "Flevoland", "Friesland", "Gelderland", "Groningen", "Limburg",
    "Noord-Brabant", "Noord-Holland", "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland",
    "Landelijk",
)
ORGANISATION_KINDS = (
    "gemeente", "samenwerkingsverband", "netwerk", "overheidsorganisatie",
    "kennisinstelling", "adviesbureau", "fonds", "vereniging", "overig",
)
STATUSES = ("lopend", "afgerond")


@dataclass(frozen=True)
class Field:
    """One frontmatter or vocabulary field.

    type is one of: text, int, date, slug, alias, ref, enum, list, mapping.
    For list, `items` is the type of each element (text, ref, enum, alias, item).
    `ref` names a vocabulary: themes, tags, sources, organisations, lessons, or
    `items` (a lesson or example given as lessen/<slug> or voorbeelden/<slug>).
    """

    name: str
    type: str
    description: str
    required: bool = False
    items: str | None = None
    ref: str | None = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    min_items: int = 0
    max_items: int | None = None
    fields: tuple["Field", ...] = ()
    example: Any = None


@dataclass(frozen=True)
class Kind:
    """A kind of record: Markdown files in a folder, or entries in a vocabulary file."""

    name: str
    label: str  # Dutch, as editors see it
    fields: tuple[Field, ...]
    folder: str | None = None  # content/<folder>/*.md
    vocabulary: str | None = None  # content/<vocabulary>.yml
    url_prefix: str | None = None

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]


def _title(what: str) -> Field:
    return Field("title", "text", f"Titel van {what}.", required=True, max_length=120)


_SUMMARY = Field(
    "summary", "text",
    "Samenvatting in één of twee zinnen; verschijnt in overzichten, zoekresultaten en linkvoorbeelden.",
    required=True, max_length=400,
)
_TAGS = Field(
    "tags", "list", "Tags uit content/tags.yml (de sleutels, bijvoorbeeld regionale-samenwerking).",
    required=True, items="ref", ref="tags", min_items=1, max_items=10,
)
_SOURCE = Field(
    "source", "ref", "Bron uit content/sources.yml (de sleutel, bijvoorbeeld leren-van-elkaar).",
    required=True, ref="sources",
)
_CHAPTER = Field(
    "chapter", "text", "Hoofdstuk, paragraaf of pagina in de bron, waar bekend.", max_length=160,
)
_ALIASES = Field(
    "aliases", "list",
    "Oude adressen van deze pagina, bijvoorbeeld /voorbeelden/oude-naam/. Zo blijven oude links werken.",
    items="alias", max_items=20,
)
_SLUG = Field(
    "slug", "slug",
    "Alleen invullen als het adres anders moet zijn dan de bestandsnaam: kleine letters, cijfers en streepjes.",
)

LESSON = Kind(
    name="lesson", label="les", folder="lessons", url_prefix="lessen",
    fields=(
        _title("de les, zoals de bron hem noemt"),
        Field("theme", "ref", "Thema uit content/themes.yml.", required=True, ref="themes"),
        Field("order", "int", "Volgorde van de les binnen het thema (1, 2, 3, ...).",
              required=True, minimum=1, maximum=999),
        _SUMMARY, _TAGS, _SOURCE, _CHAPTER, _ALIASES, _SLUG,
        Field("no_example_reason", "text",
              "Alleen als er geen praktijkvoorbeeld bij deze les hoort: leg uit waarom.",
              max_length=400),
    ),
)

EXAMPLE = Kind(
    name="example", label="praktijkvoorbeeld", folder="examples", url_prefix="voorbeelden",
    fields=(
        _title("het praktijkvoorbeeld"),
        _SUMMARY,
        Field("organisations", "list", "Betrokken organisaties uit content/organisations.yml.",
              required=True, items="ref", ref="organisations", min_items=1, max_items=30),
        Field("provinces", "list", "Provincie(s) waar het voorbeeld speelt, of Landelijk.",
              required=True, items="enum", choices=PROVINCES, min_items=1, max_items=12),
        Field("year_start", "int", "Jaar waarin het voorbeeld begon; weglaten als de bron het niet noemt.",
              minimum=1900, maximum=2100, example=2017),
        Field("year_end", "int", "Jaar waarin het voorbeeld eindigde; leeg laten als het nog loopt.",
              minimum=1900, maximum=2100),
        Field("lessons", "list", "Lessen die dit voorbeeld laat zien (bestandsnamen zonder .md).",
              required=True, items="ref", ref="lessons", min_items=1, max_items=20),
        _TAGS, _SOURCE, _CHAPTER,
        Field("date", "date", "Datum waarop het voorbeeld is toegevoegd of inhoudelijk bijgewerkt (JJJJ-MM-DD).",
              required=True),
        Field("status", "enum", "Loopt het nog of is het afgerond?", choices=STATUSES),
        Field("contact", "text", "Contact voor meer informatie (alleen met toestemming van de persoon).",
              max_length=200),
        _ALIASES, _SLUG,
    ),
)

MEETING = Kind(
    name="meeting", label="bijeenkomst", folder="bijeenkomsten", url_prefix="bijeenkomsten",
    fields=(
        _title("de bijeenkomst"),
        Field("date", "date", "Datum van de bijeenkomst (JJJJ-MM-DD).", required=True),
        Field("place", "text", "Plaats of locatie.", required=True, max_length=120),
        Field("summary", "text", "Korte inleiding op de bijeenkomst.", required=True, max_length=600),
        Field("items", "list",
              "Lessen en voorbeelden in volgorde, als lessen/<slug> of voorbeelden/<slug>.",
              required=True, items="ref", ref="items", min_items=1, max_items=40),
        _ALIASES, _SLUG,
    ),
)

THEME = Kind(
    name="theme", label="thema", vocabulary="themes", url_prefix="themas",
    fields=(
        _title("het thema"),
        Field("order", "int", "Volgorde van het thema.", required=True, minimum=1, maximum=99),
        _SUMMARY,
        Field("intro", "text", "Inleiding op het thema (Markdown).", required=True, max_length=4000),
        Field("source", "ref", "Bron van het thema.", ref="sources"),
    ),
)

TAG = Kind(
    name="tag", label="tag", vocabulary="tags", url_prefix="tags",
    fields=(
        Field("label", "text", "Naam van de tag zoals lezers hem zien.", required=True, max_length=60),
        Field("description", "text", "Wat de tag betekent, in één of twee zinnen.",
              required=True, max_length=400),
        Field("synonyms", "list", "Andere woorden voor hetzelfde; helpen bij suggesties en zoeken.",
              items="text", max_items=20),
    ),
)

SOURCE = Kind(
    name="source", label="bron", vocabulary="sources",
    fields=(
        _title("de bron"),
        Field("publisher", "text", "Uitgever of opdrachtgever.", required=True, max_length=160),
        Field("year", "int", "Jaar van verschijnen, als de bron dat noemt.", minimum=1900, maximum=2100),
        Field("authors", "text", "Auteurs of uitvoerders.", max_length=200),
        Field("description", "text", "Waar de bron over gaat.", max_length=800),
        Field("url", "text", "Webadres van de bron, als dat er is.", max_length=300),
    ),
)

ORGANISATION = Kind(
    name="organisation", label="organisatie", vocabulary="organisations", url_prefix="organisaties",
    fields=(
        Field("name", "text", "Naam zoals die op de site staat.", required=True, max_length=120),
        Field("kind", "enum", "Soort organisatie.", required=True, choices=ORGANISATION_KINDS),
        Field("province", "enum", "Provincie.", choices=PROVINCES),
        Field("members", "list", "Organisaties die hiervan deel uitmaken (sleutels).",
              items="ref", ref="organisations", max_items=40),
        Field("description", "text", "Korte beschrijving.", max_length=800),
        Field("profile", "mapping", "Profiel zoals de bron het geeft.", fields=(
            Field("form", "text", "Vorm van de organisatie.", max_length=400),
            Field("governance", "text", "Bestuur.", max_length=400),
            Field("inhabitants", "text", "Aantal inwoners.", max_length=200),
            Field("history", "text", "Geschiedenis.", max_length=800),
            Field("phase", "text", "Fase van ontwikkeling.", max_length=800),
        )),
    ),
)

DOCUMENT_KINDS = (LESSON, EXAMPLE, MEETING)
VOCABULARY_KINDS = (THEME, TAG, SOURCE, ORGANISATION)
ALL_KINDS = DOCUMENT_KINDS + VOCABULARY_KINDS

_JSON_TYPES = {"text": "string", "int": "integer", "slug": "string", "alias": "string",
               "enum": "string", "ref": "string", "date": "string"}


def _json_field(f: Field, item_type: str | None = None) -> dict[str, Any]:
    kind = item_type or f.type
    if kind == "list":
        out: dict[str, Any] = {"type": "array", "items": _json_field(f, f.items)}
        if f.min_items:
            out["minItems"] = f.min_items
        if f.max_items:
            out["maxItems"] = f.max_items
        out["description"] = f.description
        return out
    if kind == "mapping":
        return {
            "type": "object", "description": f.description, "additionalProperties": False,
            "properties": {sub.name: _json_field(sub) for sub in f.fields},
        }
    out = {"type": _JSON_TYPES[kind]}
    if item_type is None:
        out["description"] = f.description
    if kind == "date":
        out["format"] = "date"
    if kind == "slug":
        out["pattern"] = SLUG_RE.pattern
    if kind == "alias":
        out["pattern"] = ALIAS_RE.pattern
    if kind == "enum":
        out["enum"] = list(f.choices)
    if kind == "ref" and f.ref == "items":
        out["pattern"] = r"^(lessen|voorbeelden)/[a-z0-9]+(-[a-z0-9]+)*$"
    elif kind == "ref":
        out["pattern"] = SLUG_RE.pattern
    if kind == "text":
        out["minLength"] = 1
        if f.max_length:
            out["maxLength"] = f.max_length
    if f.minimum is not None and item_type is None:
        out["minimum"] = f.minimum
    if f.maximum is not None and item_type is None:
        out["maximum"] = f.maximum
    return out


def _json_kind(kind: Kind) -> dict[str, Any]:
    return {
        "type": "object",
        "title": kind.label,
        "additionalProperties": False,
        "required": [f.name for f in kind.fields if f.required],
        "properties": {f.name: _json_field(f) for f in kind.fields},
    }


def json_schema() -> dict[str, Any]:
    """The whole schema as JSON Schema (draft 2020-12), one definition per kind.

    Lessons, examples and meetings validate their frontmatter against `$defs/<kind>`;
    a vocabulary file is an object whose values are `$defs/<kind>`.
    """
    defs = {k.name: _json_kind(k) for k in ALL_KINDS}
    for k in VOCABULARY_KINDS:
        defs[f"{k.vocabulary}_file"] = {
            "type": "object",
            "title": f"content/{k.vocabulary}.yml",
            "propertyNames": {"pattern": SLUG_RE.pattern},
            "additionalProperties": {"$ref": f"#/$defs/{k.name}"},
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://kennisbank.local/schema/kennisbank.schema.json",
        "title": "Kennisbank-inhoud",
        "description": "Frontmatter van lessen, praktijkvoorbeelden en bijeenkomsten, en de vocabulaires.",
        "$defs": defs,
    }


def kind_schema(kind: Kind) -> dict[str, Any]:
    """A standalone schema for one kind, for editors that map one schema per folder."""
    root = json_schema()
    target = f"{kind.vocabulary}_file" if kind.vocabulary else kind.name
    return {"$schema": root["$schema"], "$defs": root["$defs"], "$ref": f"#/$defs/{target}"}


__all__ = [
    "ALL_KINDS", "ALIAS_RE", "DOCUMENT_KINDS", "EXAMPLE", "Field", "Kind", "LESSON", "MEETING",
    "ORGANISATION", "PROVINCES", "SLUG_RE", "SOURCE", "TAG", "THEME", "VOCABULARY_KINDS",
    "json_schema", "kind_schema",
]
