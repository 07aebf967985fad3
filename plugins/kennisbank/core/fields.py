"""The building blocks of the content schema: one field of a record, and the value rules it can have."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# An alias is a site path such as /voorbeelden/oude-naam/ made of valid slug segments.
ALIAS_RE = re.compile(r"^/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$")
# A time of day on a meeting's agenda: 09:30, 14:00.
TIME_RE = re.compile(r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$")

PROVINCES = (
    "Drenthe", "Flevoland", "Friesland", "Gelderland", "Groningen", "Limburg",
    "Noord-Brabant", "Noord-Holland", "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland",
    "Landelijk",
)
# The kinds of organisation, in the order the Organisaties page groups them, with that group's heading.
ORGANISATION_GROUPS = {
    "gemeente": "Gemeenten", "samenwerkingsverband": "Samenwerkingsverbanden", "netwerk": "Netwerken",
    "overheidsorganisatie": "Overheidsorganisaties", "kennisinstelling": "Kennisinstellingen",
    "adviesbureau": "Adviesbureaus", "fonds": "Fondsen", "vereniging": "Verenigingen", "overig": "Overige organisaties",
}
ORGANISATION_KINDS = tuple(ORGANISATION_GROUPS)
STATUSES = ("lopend", "afgerond")


@dataclass(frozen=True)
class Field:
    """One frontmatter or vocabulary field.

    type is one of: text, int, date, time, slug, alias, ref, enum, list, mapping.
    For list, `items` is the type of each element (text, ref, enum, alias, mapping); a list of
    mappings declares the fields of each element in `fields`.
    `ref` names the collection of a kind (themes, tags, sources, organisations, lessons), or
    `items` (a lesson or example given as lessen/<slug> or voorbeelden/<slug>).
    `attribute` is the name of the value in the model when it differs from the field's name.
    `label` is the field's Dutch name as the web form shows it; `description` is the hint below it.
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
    attribute: str | None = None
    markdown: bool = False  # rendered as Markdown (safety.SafeMarkdown), so checked like a body
    label: str = ""

    @property
    def display(self) -> str:
        """The Dutch name of the field for editors: its label, else its name."""
        return self.label or self.name

    @property
    def model_name(self) -> str:
        return self.attribute or self.name


def title(what: str) -> Field:
    return Field("title", "text", f"Titel van {what}.", required=True, max_length=120, label="Titel")


SUMMARY = Field(
    "summary", "text",
    "Samenvatting in één of twee zinnen; verschijnt in overzichten, zoekresultaten en linkvoorbeelden.",
    required=True, max_length=400, label="Samenvatting",
)
TAGS = Field(
    "tags", "list", "Tags uit content/tags.yml (de sleutels, bijvoorbeeld regionale-samenwerking).",
    required=True, items="ref", ref="tags", min_items=1, max_items=10, label="Tags",
)
SOURCE_REF = Field(
    "source", "ref", "Bron uit content/sources.yml (de sleutel, bijvoorbeeld leren-van-elkaar).",
    required=True, ref="sources", label="Bron",
)
CHAPTER = Field(
    "chapter", "text", "Hoofdstuk, paragraaf of pagina in de bron, waar bekend.", max_length=160,
    label="Hoofdstuk of pagina",
)
ALIASES = Field(
    "aliases", "list",
    "Oude adressen van deze pagina, bijvoorbeeld /voorbeelden/oude-naam/. Zo blijven oude links werken.",
    items="alias", max_items=20, label="Oude adressen",
)
SLUG = Field(
    "slug", "slug",
    "Alleen invullen als het adres anders moet zijn dan de bestandsnaam: kleine letters, cijfers en streepjes.",
    label="Adres (slug)",
)
