"""The one registry of content kinds.

Every kind of record the site knows is declared here once: where its files live, its URL, its Dutch
names, its fields, its templates and overview page, its search facet value and what it exports.
Validation, the model, the published pages, URLs, search, the scaffolder and the JSON Schema all
read these entries; no other module keeps a list of kinds.

Adding a kind is one entry below (in build order: a kind comes after the kinds it refers to), one
record type in model.py and its templates in overrides/kb/; a vocabulary readers filter search results
by also gets its place in FACETS, at the end of this file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .fields import (ALIASES, CHAPTER, ORGANISATION_KINDS, PROVINCES, SLUG, SOURCE_REF, STATUSES, SUMMARY, TAGS,
                     Field, title)


@dataclass(frozen=True)
class Overview:
    """The generated page that lists every item of a kind, at the kind's URL prefix."""

    title: str
    summary: str
    template: str
    always: bool = True  # False: only published when there is at least one item
    hide: tuple[str, ...] = ()  # Material's sidebars left out, for an overview that needs the width


@dataclass(frozen=True)
class Kind:
    name: str  # in code and templates: 'lesson'
    collection: str  # the site's list of them, and what references name: 'lessons'
    label: str  # Dutch, as editors and readers see it: 'les'
    plural: str  # 'lessen'
    fields: tuple[Field, ...]
    folder: str | None = None  # a document: one Markdown file per item in content/<folder>/
    vocabulary: str | None = None  # a vocabulary: one entry per item in content/<vocabulary>.yml
    url_prefix: str | None = None  # items are published at /<url_prefix>/<key>/
    template: str | None = None
    overview: Overview | None = None
    search: str | None = None  # value of the search facet 'soort'; None: not in the search index
    # How much the page's own text counts when search ranks results (Pagefind weight of its text):
    # readers look for lessons and cases; a tag, organisation or source page mainly points to them.
    search_weight: float = 1.0
    crumb: str | None = None  # attribute of an item whose page stands between the overview and the item
    facets: tuple[tuple[str, str], ...] = ()  # (search facet, attribute) for the search index
    exports: tuple[str, ...] = ()  # attributes in catalog.json, in order
    feed: bool = False  # newest items in feed.xml
    # Groups of fields of which a record needs at least one complete group (e.g. a source, or who contributed it).
    alternatives: tuple[tuple[str, ...], ...] = ()
    alternatives_hint: str = ""  # why there are alternatives, said when a record has none of them

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def display(self) -> str:
        """The label as a heading or a kicker shows it: 'Les'."""
        return self.label[:1].upper() + self.label[1:]

    @property
    def overview_kind(self) -> str:
        """What the overview page is, as templates see it: 'lessons_index'."""
        return f"{self.collection}_index"


SOURCE = Kind(
    name="source", collection="sources", label="bron", plural="bronnen", vocabulary="sources",
    url_prefix="bronnen", template="kb/source.html", search="bron", search_weight=0.5, facets=(("bron", "key"),),
    overview=Overview("Bronnen", "De publicaties waar de lessen en praktijkvoorbeelden uit komen, met hun inhoud.",
                      "kb/sources_index.html"),
    exports=("key", "title", "url", "publisher", "year", "authors", "description", "link", "lessons", "examples"),
    fields=(
        title("de bron"),
        Field("publisher", "text", "Uitgever of opdrachtgever.", required=True, max_length=160, label="Uitgever"),
        Field("year", "int", "Jaar van verschijnen, als de bron dat noemt.", minimum=1900, maximum=2100, label="Jaar"),
        Field("authors", "text", "Auteurs of uitvoerders.", max_length=200, label="Auteurs"),
        Field("description", "text", "Waar de bron over gaat.", max_length=800, label="Beschrijving"),
        Field("url", "text", "Webadres van de bron, als dat er is.", max_length=300, attribute="link", label="Webadres"),
    ),
)

THEME = Kind(
    name="theme", collection="themes", label="thema", plural="thema's", vocabulary="themes",
    url_prefix="themas", template="kb/theme.html", search="thema", search_weight=0.7, facets=(("thema", "key"),),
    overview=Overview("Thema's", "De drie thema's van de lessen, met hun lessen en voorbeelden.",
                      "kb/themes_index.html"),
    exports=("key", "title", "url", "summary", "lessons"),
    fields=(
        title("het thema"),
        Field("order", "int", "Volgorde van het thema.", required=True, minimum=1, maximum=99, label="Volgorde"),
        SUMMARY,
        Field("intro", "text", "Inleiding op het thema (Markdown).", required=True, max_length=4000,
              markdown=True, label="Inleiding"),
        Field("source", "ref", "Bron van het thema.", ref="sources", label="Bron"),
    ),
)

TAG = Kind(
    name="tag", collection="tags", label="tag", plural="tags", vocabulary="tags",
    url_prefix="tags", template="kb/tag.html", search="tag", search_weight=0.5, facets=(("tag", "key"),),
    overview=Overview("Tags", "Alle tags met het aantal lessen en voorbeelden per tag.", "kb/tags_index.html"),
    exports=("key", "label", "url", "description", "count"),
    fields=(
        Field("label", "text", "Naam van de tag zoals lezers hem zien.", required=True, max_length=60, label="Naam"),
        Field("description", "text", "Wat de tag betekent, in één of twee zinnen.",
              required=True, max_length=400, label="Uitleg"),
        Field("synonyms", "list", "Andere woorden voor hetzelfde; helpen bij suggesties en zoeken.",
              items="text", max_items=20, label="Synoniemen"),
    ),
)

ORGANISATION = Kind(
    name="organisation", collection="organisations", label="organisatie", plural="organisaties",
    vocabulary="organisations", url_prefix="organisaties", template="kb/organisation.html", search="organisatie",
    search_weight=0.5, facets=(("organisatie", "key"),),
    overview=Overview("Organisaties", "Gemeenten en andere organisaties die in de voorbeelden voorkomen.",
                      "kb/organisations_index.html"),
    exports=("key", "name", "url", "kind", "province", "examples"),
    fields=(
        Field("name", "text", "Naam zoals die op de site staat.", required=True, max_length=120, label="Naam"),
        Field("kind", "enum", "Soort organisatie.", required=True, choices=ORGANISATION_KINDS, attribute="kind_of", label="Soort"),
        Field("province", "enum", "Provincie.", choices=PROVINCES, label="Provincie"),
        Field("members", "list", "Organisaties die hiervan deel uitmaken (sleutels).",
              items="ref", ref="organisations", max_items=40, label="Leden"),
        Field("description", "text", "Korte beschrijving.", max_length=800, label="Beschrijving"),
        Field("profile", "mapping", "Profiel zoals de bron het geeft.", label="Profiel", fields=(
            Field("form", "text", "Vorm van de organisatie.", max_length=400, label="Vorm"),
            Field("governance", "text", "Bestuur.", max_length=400, label="Bestuur"),
            Field("inhabitants", "text", "Aantal inwoners.", max_length=200, label="Inwoners"),
            Field("history", "text", "Geschiedenis.", max_length=800, label="Geschiedenis"),
            Field("phase", "text", "Fase van ontwikkeling.", max_length=800, label="Fase"),
        )),
    ),
)

LESSON = Kind(
    name="lesson", collection="lessons", label="les", plural="lessen", folder="lessons",
    url_prefix="lessen", template="kb/lesson.html", search="les", crumb="theme",
    facets=(("thema", "theme"), ("tag", "tags"), ("bron", "source")),
    overview=Overview("Lessen", "Alle lessen, per thema in de volgorde van de bron.", "kb/lessons_index.html"),
    exports=("slug", "title", "url", "summary", "theme", "order", "tags", "source", "chapter", "examples",
             "related", "aliases"),
    fields=(
        title("de les, zoals de bron hem noemt"),
        Field("theme", "ref", "Thema uit content/themes.yml.", required=True, ref="themes", label="Thema"),
        Field("order", "int", "Volgorde van de les binnen het thema (1, 2, 3, ...).",
              required=True, minimum=1, maximum=999, label="Volgorde"),
        SUMMARY, TAGS, SOURCE_REF, CHAPTER, ALIASES, SLUG,
        Field("no_example_reason", "text",
              "Alleen als er geen praktijkvoorbeeld bij deze les hoort: leg uit waarom.",
              max_length=400, label="Waarom geen voorbeeld"),
    ),
)

EXAMPLE = Kind(
    name="example", collection="examples", label="praktijkvoorbeeld", plural="praktijkvoorbeelden",
    folder="examples", url_prefix="voorbeelden", template="kb/example.html", search="voorbeeld", feed=True,
    facets=(("thema", "themes"), ("tag", "tags"), ("organisatie", "organisations"), ("bron", "source"),
            ("jaar", "years")),
    overview=Overview("Praktijkvoorbeelden", "Alle praktijkvoorbeelden, te sorteren en te filteren op thema, "
                      "organisatie, provincie, periode en tag.", "kb/examples_index.html",
                      hide=("navigation", "toc")),
    exports=("slug", "title", "url", "summary", "organisations", "provinces", "year_start", "year_end", "period",
             "status", "themes", "lessons", "tags", "source", "chapter", "contributed_by", "contributed_on",
             "contact_role", "date", "related", "aliases"),
    alternatives=(("source",), ("contributed_by", "contributed_on")),
    alternatives_hint="een voorbeeld uit de eigen praktijk van een organisatie heeft geen bron, maar zegt wie het "
                      "inbracht en wanneer",
    fields=(
        title("het praktijkvoorbeeld"),
        SUMMARY,
        Field("organisations", "list", "Betrokken organisaties uit content/organisations.yml.",
              required=True, items="ref", ref="organisations", min_items=1, max_items=30, label="Organisaties"),
        Field("provinces", "list", "Provincie(s) waar het voorbeeld speelt, of Landelijk.",
              required=True, items="enum", choices=PROVINCES, min_items=1, max_items=12, label="Provincies"),
        Field("year_start", "int", "Jaar waarin het voorbeeld begon; weglaten als de bron het niet noemt.",
              minimum=1900, maximum=2100, example=2017, label="Beginjaar"),
        Field("year_end", "int", "Jaar waarin het voorbeeld eindigde; leeg laten als het nog loopt.",
              minimum=1900, maximum=2100, label="Eindjaar"),
        Field("lessons", "list", "Lessen die dit voorbeeld laat zien (bestandsnamen zonder .md).",
              required=True, items="ref", ref="lessons", min_items=1, max_items=20, label="Lessen"),
        TAGS,
        replace(SOURCE_REF, required=False,
                description="Bron uit content/sources.yml (de sleutel, bijvoorbeeld leren-van-elkaar). Komt het "
                            "voorbeeld uit de eigen praktijk van een organisatie, laat dit dan leeg en vul "
                            "'Ingebracht door' en 'Ingebracht op' in."),
        CHAPTER,
        Field("contributed_by", "ref", "Organisatie uit content/organisations.yml die dit voorbeeld uit haar eigen "
              "praktijk heeft ingebracht. Alleen als er geen bron is.", ref="organisations",
              label="Ingebracht door"),
        Field("contributed_on", "date", "Datum waarop de organisatie het voorbeeld inbracht (JJJJ-MM-DD).",
              label="Ingebracht op"),
        Field("contact_role", "text", "Functie of afdeling die lezers kunnen benaderen, bijvoorbeeld "
              "'programmamanager sociaal domein' (geen naam of telefoonnummer).", max_length=120,
              label="Contact (functie)"),
        Field("date", "date", "Datum waarop het voorbeeld is toegevoegd of inhoudelijk bijgewerkt (JJJJ-MM-DD).",
              required=True, label="Datum"),
        Field("status", "enum", "Loopt het nog of is het afgerond?", choices=STATUSES, label="Stand van zaken"),
        Field("contact", "text", "Contact voor meer informatie (alleen met toestemming van de persoon).",
              max_length=200, label="Contact"),
        ALIASES, SLUG,
    ),
)

MEETING = Kind(
    name="meeting", collection="meetings", label="bijeenkomst", plural="bijeenkomsten", folder="bijeenkomsten",
    url_prefix="bijeenkomsten", template="kb/meeting.html", search="bijeenkomst", facets=(("jaar", "years"),),
    overview=Overview("Bijeenkomsten", "Bijeenkomsten waarop lessen en voorbeelden zijn besproken, met een "
                      "hand-out om te printen.", "kb/meetings_index.html", always=False),
    exports=("slug", "title", "url", "date", "place", "items"),
    fields=(
        title("de bijeenkomst"),
        Field("date", "date", "Datum van de bijeenkomst (JJJJ-MM-DD).", required=True, label="Datum"),
        Field("place", "text", "Plaats of locatie.", required=True, max_length=120, label="Plaats"),
        Field("summary", "text", "Korte inleiding op de bijeenkomst.", required=True, max_length=600, label="Inleiding"),
        Field("agenda", "list",
              "Het programma: de agendapunten in de volgorde van de bijeenkomst, elk met een begintijd en een "
              "titel, en waar dat vaststaat een eindtijd, een spreker, een thema en de lessen en voorbeelden "
              "die aan bod komen.", items="mapping", max_items=30, label="Agenda", fields=(
                  Field("time", "time", "Begintijd als UU:MM, bijvoorbeeld 14:00.",
                        required=True, label="Begintijd"),
                  Field("end", "time", "Eindtijd als UU:MM, als die vaststaat.", label="Eindtijd"),
                  title("het agendapunt"),
                  Field("speaker", "text", "Wie het verzorgt (naam, functie of organisatie), als dat vaststaat.",
                        max_length=160, label="Spreker"),
                  Field("theme", "ref", "Thema van dit agendapunt: de hand-out zet het onder die kop.",
                        ref="themes", label="Thema"),
                  Field("items", "list", "Lessen en voorbeelden bij dit agendapunt, als lessen/<slug> of "
                        "voorbeelden/<slug>.", items="ref", ref="items", max_items=20,
                        label="Lessen en voorbeelden"),
              )),
        Field("items", "list",
              "Alleen zonder agenda: lessen en voorbeelden in volgorde, als lessen/<slug> of voorbeelden/<slug>.",
              items="ref", ref="items", max_items=40, attribute="listed", label="Programma zonder agenda"),
        ALIASES, SLUG,
    ),
)

# In build order: a kind comes after every kind it refers to (organisations may refer to each other).
KINDS: tuple[Kind, ...] = (SOURCE, THEME, TAG, ORGANISATION, LESSON, EXAMPLE, MEETING)
BY_NAME = {kind.name: kind for kind in KINDS}
BY_COLLECTION = {kind.collection: kind for kind in KINDS}
DOCUMENT_KINDS = tuple(kind for kind in KINDS if kind.folder)
VOCABULARY_KINDS = tuple(kind for kind in KINDS if kind.vocabulary)
# What a reference field points at (Field.ref), as editors call it.
ITEMS_REF = "items"  # a lesson or example, as lessen/<slug> or voorbeelden/<slug>
ITEM_KINDS = (LESSON, EXAMPLE)


@dataclass(frozen=True)
class Facet:
    """A filter on the search page. Its name is the URL parameter and the key in each kind's `facets`."""

    name: str
    label: str  # the group's heading on the search page
    values: Kind | None = None  # the kind whose items are its values (labelled by their title); None: as written


# In the order the search page shows them.
FACETS: tuple[Facet, ...] = (
    Facet("soort", "Soort"),  # the kind of page: each kind's `search` value
    *(Facet(kind.search, kind.display, kind) for kind in (THEME, TAG, ORGANISATION, SOURCE)),
    Facet("jaar", "Jaar"),
)

__all__ = ["BY_COLLECTION", "BY_NAME", "DOCUMENT_KINDS", "EXAMPLE", "FACETS", "Facet", "ITEMS_REF", "ITEM_KINDS",
           "KINDS", "Kind", "LESSON", "MEETING", "ORGANISATION", "Overview", "SEARCH_PATH", "SOURCE", "TAG", "THEME",
           "VOCABULARY_KINDS", "reserved_paths"]

# Pages the site makes besides the kinds' own: the search page.
SEARCH_PATH = "zoeken"


def reserved_paths() -> tuple[str, ...]:
    """Fixed site paths that an alias may not take over: home, every overview, the search page."""
    return ("/", *(f"/{kind.url_prefix}/" for kind in KINDS if kind.overview), f"/{SEARCH_PATH}/")
