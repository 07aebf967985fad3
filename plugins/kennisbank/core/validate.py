"""Check every record against the schema and the vocabularies; collect all problems."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from .fields import ALIAS_RE, SLUG_RE, TIME_RE, Field
from .kinds import BY_COLLECTION, ITEM_KINDS, ITEMS_REF, LESSON, MEETING, TAG, Kind, reserved_paths
from .load import Record
from .problems import Problem, did_you_mean
from .safety import CONTROL_RE, document_problems
from .yaml_load import NoSuchDate

# A URL segment is a folder name on disk (255 bytes on most file systems); short addresses are also
# easier to type from a handout.
MAX_SEGMENT = 100
# Keys and slugs that would take the place of a page the site makes itself (tags/index.md is /tags/).
RESERVED_KEYS = frozenset({"index"})


APOSTROPHES = re.compile("['\u2018\u2019`\u00b4]")


def slugify(text: str) -> str:
    """A valid slug from any text: 'Súdwest-Fryslân' -> 'sudwest-fryslan', "Thema's" -> 'themas'.

    Apostrophes are dropped rather than turned into a hyphen, as the web form (Decap CMS) does too.
    """
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", APOSTROPHES.sub("", text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass
class Vocabularies:
    """The known keys per reference kind, with synonyms that point at a key."""

    keys: dict[str, set[str]] = field(default_factory=dict)
    synonyms: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def from_records(cls, records: Iterable[Record]) -> "Vocabularies":
        vocab = cls(keys=defaultdict(set), synonyms=defaultdict(dict))
        for r in records:
            ref = r.kind.collection
            vocab.keys[ref].add(r.key)
            if r.kind in ITEM_KINDS:
                vocab.keys[ITEMS_REF].add(f"{r.kind.url_prefix}/{r.slug}")
            synonyms = r.data.get("synonyms") if r.kind is TAG else None
            for word in synonyms if isinstance(synonyms, list) else []:
                if isinstance(word, str):
                    vocab.synonyms["tags"][word.lower()] = r.key
            label = r.data.get("label") or r.data.get("title") or r.data.get("name")
            if isinstance(label, str):
                vocab.synonyms[ref].setdefault(label.lower(), r.key)
        return vocab


def how_to_add(ref: str, value: str) -> str:
    """' — ...': where the known values are listed, and how to add a new one to a vocabulary."""
    kind = BY_COLLECTION.get(ref)
    if kind is None or not kind.vocabulary:
        noun = "les of voorbeeld" if ref == ITEMS_REF else kind.label
        return f" — gebruik de bestandsnaam (zonder .md) van een bestaande {noun}"
    fields = " en ".join(f"'{f.name}:'" for f in kind.fields if f.required)
    return (f" — staat deze {kind.label} nog niet in content/{kind.vocabulary}.yml? Voeg die daar toe: een regel "
            f"'{slugify(value) or 'naam'}:' met daaronder, twee spaties ingesprongen, {fields}; gebruik dan "
            f"'{slugify(value) or 'naam'}' hier")


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "ja/nee-waarde"
    if isinstance(value, (int, float)):
        return f"getal {value}"
    if isinstance(value, str):
        return f"tekst '{value}'"
    if isinstance(value, list):
        return "lijst"
    if isinstance(value, dict):
        return "blok met velden"
    if isinstance(value, dt.date):
        return f"datum {value}"
    return "lege waarde" if value is None else type(value).__name__


class _Checker:
    def __init__(self, record: Record, vocab: Vocabularies, unreadable: frozenset = frozenset()):
        self.record = record
        self.vocab = vocab
        self.unreadable = unreadable  # collections whose file could not be read (already reported)
        self.problems: list[Problem] = []

    def add(self, path: tuple, message: str) -> None:
        name = ".".join(str(p) for p in path if not isinstance(p, int)) or "veld"  # a key may be empty
        self.problems.append(Problem(self.record.path, self.record.line_of(*path), name, message))

    def fields(self, fields: tuple[Field, ...], data: dict, path: tuple, what: str) -> None:
        names = [f.name for f in fields]
        for key in data:
            if key not in names:
                self.add(path + (key,), f"onbekend veld '{key}' voor een {what}"
                         + did_you_mean(str(key), names))
        for f in fields:
            value = data.get(f.name)
            empty = value is None or value == "" or value == [] or value == {}
            if f.name not in data:
                if f.required:
                    self.add(path + (f.name,), f"verplicht veld ontbreekt — voeg '{f.name}:' toe "
                             f"({f.description[0].lower()}{f.description[1:].rstrip('.')})")
            elif empty:
                if f.required:
                    self.add(path + (f.name,), "verplicht veld is leeg")
            else:
                self.value(f, f.type, value, path + (f.name,))

    def value(self, f: Field, kind: str, value: Any, path: tuple) -> None:
        check = getattr(self, f"check_{kind}")
        check(f, value, path)

    def check_text(self, f: Field, value: Any, path: tuple) -> None:
        if not isinstance(value, str):
            self.add(path, f"verwacht tekst, maar kreeg {_describe(value)} — zet de waarde tussen "
                     "aanhalingstekens")
        elif not value.strip():
            self.add(path, "is leeg")
        elif f.max_length and len(value) > f.max_length:
            self.add(path, f"is te lang: {len(value)} tekens, maximaal {f.max_length}")
        elif control := CONTROL_RE.search(value):
            self.add(path, f"bevat een onzichtbaar stuurteken (U+{ord(control.group()):04X}), vaak meegekopieerd uit een "
                     "pdf of tekstverwerker — haal het weg; het maakt de feed en de pagina's ongeldig")

    def check_int(self, f: Field, value: Any, path: tuple) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            hint = " — haal de aanhalingstekens weg" if isinstance(value, str) and value.strip().isdigit() else ""
            self.add(path, f"verwacht een getal, maar kreeg {_describe(value)}{hint}")
        elif f.minimum is not None and value < f.minimum or f.maximum is not None and value > f.maximum:
            self.add(path, f"{value} ligt buiten het bereik {f.minimum}–{f.maximum}")

    def check_date(self, f: Field, value: Any, path: tuple) -> None:
        if isinstance(value, NoSuchDate):
            self.add(path, f"de datum {value} bestaat niet — controleer de dag en de maand (JJJJ-MM-DD)")
        elif isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            self.add(path, f"verwacht een datum als JJJJ-MM-DD (bijvoorbeeld 2026-11-24), maar kreeg "
                     f"{_describe(value)}")

    def check_time(self, f: Field, value: Any, path: tuple) -> None:
        if not isinstance(value, str) or not TIME_RE.fullmatch(value.strip()):
            self.add(path, f"verwacht een tijd als UU:MM (bijvoorbeeld 14:00), maar kreeg {_describe(value)}")

    def check_slug(self, f: Field, value: Any, path: tuple) -> None:
        if not isinstance(value, str) or not SLUG_RE.fullmatch(value):
            self.add(path, f"ongeldige slug {_describe(value)} — gebruik kleine letters, cijfers en "
                     f"streepjes, bijvoorbeeld '{slugify(str(value))[:MAX_SEGMENT] or 'mijn-pagina'}'")
        else:
            self.segment(value, path)

    def segment(self, value: str, path: tuple) -> None:
        """A URL segment: not reserved, not longer than MAX_SEGMENT."""
        if value in RESERVED_KEYS:
            self.add(path, f"'{value}' is een gereserveerd woord: op dat adres staat het overzicht dat "
                     "de site zelf maakt — kies een andere naam")
        elif len(value) > MAX_SEGMENT:
            self.add(path, f"is te lang voor een adres: {len(value)} tekens, maximaal {MAX_SEGMENT} — "
                     "kies een kortere naam")

    def check_alias(self, f: Field, value: Any, path: tuple) -> None:
        if not isinstance(value, str) or not ALIAS_RE.fullmatch(value):
            fixed = "/" + "/".join(slugify(p) for p in str(value).split("/") if slugify(p)) + "/"
            self.add(path, f"ongeldig oud adres {_describe(value)} — schrijf het als pad met kleine "
                     f"letters en streepjes tussen schuine strepen, bijvoorbeeld '{fixed[:200]}'")
        elif any(len(part) > MAX_SEGMENT for part in value.split("/")):
            self.add(path, f"is te lang voor een adres: een deel heeft meer dan {MAX_SEGMENT} tekens — "
                     "kies een korter oud adres")

    def check_enum(self, f: Field, value: Any, path: tuple) -> None:
        if value not in f.choices:
            options = ", ".join(f.choices)
            hint = did_you_mean(str(value), f.choices)
            self.add(path, f"onbekende waarde {_describe(value)}{hint or ' — kies uit: ' + options}")

    def check_ref(self, f: Field, value: Any, path: tuple) -> None:
        noun = "les of voorbeeld" if f.ref == ITEMS_REF else BY_COLLECTION[f.ref].label
        if not isinstance(value, str):
            self.add(path, f"verwacht de sleutel van een {noun}, maar kreeg {_describe(value)}")
            return
        if f.ref in self.unreadable:
            return  # one message for the broken file, not one for every page that uses it
        known = self.vocab.keys.get(f.ref, set())
        if value not in known:
            hint = did_you_mean(value, sorted(known), self.vocab.synonyms.get(f.ref))
            self.add(path, f"onbekende {noun} '{value}'" + (hint or how_to_add(f.ref, value)))

    def check_list(self, f: Field, value: Any, path: tuple) -> None:
        if not isinstance(value, list):
            self.add(path, f"verwacht een lijst, bijvoorbeeld [{_describe(value).split(' ', 1)[-1]}], "
                     f"maar kreeg {_describe(value)}")
            return
        if len(value) < f.min_items:
            self.add(path, f"heeft er minstens {f.min_items} nodig")
        if f.max_items and len(value) > f.max_items:
            self.add(path, f"heeft {len(value)} waarden, maximaal {f.max_items}")
        seen = set()
        for i, item in enumerate(value):
            if isinstance(item, (str, int)) and item in seen:
                self.add(path + (i,), f"'{item}' staat twee keer in de lijst")
            seen.add(item if isinstance(item, (str, int)) else id(item))
            self.value(f, f.items, item, path + (i,))

    def check_mapping(self, f: Field, value: Any, path: tuple) -> None:
        if not isinstance(value, dict):
            self.add(path, f"verwacht een blok met velden, maar kreeg {_describe(value)}")
        else:
            self.fields(f.fields, value, path, f"{f.name}-blok")


def check_record(record: Record, vocab: Vocabularies, unreadable: frozenset = frozenset()) -> list[Problem]:
    checker = _Checker(record, vocab, unreadable)
    kind: Kind = record.kind
    where = "bestandsnaam" if kind.folder else "sleutel"
    if not SLUG_RE.fullmatch(record.key):
        checker.problems.append(Problem(
            record.path, record.line, "slug",
            f"ongeldige slug '{record.key}' in de {where} — gebruik kleine letters, cijfers en "
            f"streepjes, bijvoorbeeld '{slugify(record.key)[:MAX_SEGMENT] or 'mijn-pagina'}'"))
    elif not (kind.folder and isinstance(record.data.get("slug"), str)):  # a slug field replaces the name
        before = len(checker.problems)
        checker.segment(record.key, ())
        for i in range(before, len(checker.problems)):
            old = checker.problems[i]
            checker.problems[i] = Problem(old.path, record.line, "slug", f"de {where} {old.message}")
    checker.fields(kind.fields, record.data, (), kind.label)
    data = record.data
    checker.problems += alternative_problems(record)
    start, end = data.get("year_start"), data.get("year_end")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        checker.add(("year_end",), f"{end} ligt vóór year_start {start}")
    if kind is MEETING:
        _check_programme(checker, data)
    return checker.problems


def _check_programme(checker: _Checker, data: dict) -> None:
    """A meeting has a programme (agenda or items, not both), with its agenda points in time order."""
    agenda, items = data.get("agenda"), data.get("items")
    if not agenda and not items:
        checker.add(("agenda",), "een bijeenkomst heeft een programma nodig — voeg 'agenda:' toe met agendapunten "
                    "(tijd, titel en de lessen en voorbeelden), of 'items:' met alleen de lessen en voorbeelden")
    elif agenda and items:
        checker.add(("items",), "staat naast 'agenda' — zet de lessen en voorbeelden bij de agendapunten (hun "
                    "'items') en haal deze lijst weg")
    previous = None
    for i, point in enumerate(agenda if isinstance(agenda, list) else []):
        if not isinstance(point, dict):
            continue
        start, end = (v.strip() if isinstance(v, str) and TIME_RE.fullmatch(v.strip()) else None
                      for v in (point.get("time"), point.get("end")))
        if start and end and end <= start:
            checker.add(("agenda", i, "end"), f"eindtijd {end} ligt niet na de begintijd {start}")
        if start and previous and start < previous:
            checker.add(("agenda", i, "time"), f"{start} ligt vóór het agendapunt ervoor ({previous}) — zet de "
                        "agendapunten in de volgorde van de bijeenkomst")
        previous = start or previous


def _given(data: dict, name: str) -> bool:
    return data.get(name) not in (None, "", [], {})


def alternative_problems(record: Record) -> list[Problem]:
    """A record needs one complete group of Kind.alternatives: say what is missing, once."""
    groups, data = record.kind.alternatives, record.data
    if not groups or any(all(_given(data, name) for name in group) for group in groups):
        return []
    started = next((g for g in groups if any(_given(data, name) for name in g)), None)
    if started is not None:
        missing = [name for name in started if not _given(data, name)]
        given = [name for name in started if _given(data, name)]
        return [Problem(record.path, record.line_of(given[0]), missing[0],
                        f"ontbreekt — bij '{given[0]}:' hoort ook '{missing[0]}:' "
                        f"({record.kind.field(missing[0]).description.rstrip('.')})")]
    options = " of ".join(" en ".join(f"'{name}:'" for name in g) for g in groups)
    hint = f" ({record.kind.alternatives_hint})" if record.kind.alternatives_hint else ""
    return [Problem(record.path, record.line, groups[0][0], f"verplicht veld ontbreekt — geef {options}{hint}")]


def url_of(record: Record) -> str | None:
    return f"/{record.kind.url_prefix}/{record.slug}/" if record.kind.url_prefix else None


def check_collisions(records: list[Record]) -> list[Problem]:
    """Duplicate slugs, lesson order clashes, and aliases that take another page's address."""
    problems: list[Problem] = []
    owners: dict[str, Record] = {}
    for r in records:
        url = url_of(r)
        if url is None:
            continue
        if url in owners:
            other = owners[url]
            problems.append(Problem(r.path, r.line_of("slug"), "slug",
                                    f"dubbele slug '{r.slug}': {other.path} gebruikt hetzelfde adres {url}"))
        else:
            owners[url] = r
    orders: dict[tuple, Record] = {}
    for r in records:
        # Only well-formed values: a list or block as theme is reported by check_record already.
        if r.kind is LESSON and isinstance(r.data.get("order"), int) and isinstance(r.data.get("theme"), str):
            key = (r.data.get("theme"), r.data["order"])
            if key in orders:
                problems.append(Problem(r.path, r.line_of("order"), "order",
                                        f"volgorde {key[1]} in thema '{key[0]}' wordt ook gebruikt door "
                                        f"{orders[key].path}"))
            else:
                orders[key] = r
    taken = {url: f"pagina {rec.path}" for url, rec in owners.items()}
    taken.update({u: "een vaste pagina van de site" for u in reserved_paths()})
    for r in records:
        aliases = r.data.get("aliases")
        for i, alias in enumerate(aliases if isinstance(aliases, list) else []):
            if not isinstance(alias, str) or not ALIAS_RE.fullmatch(alias):
                continue
            if alias in taken:
                problems.append(Problem(r.path, r.line_of("aliases", i), "aliases",
                                        f"oud adres {alias} botst met {taken[alias]}"))
            else:
                taken[alias] = f"een oud adres van {r.path}"
    return problems


def validate(records: list[Record], unreadable: Iterable[str] = (),
             unread_documents: Iterable[tuple[Kind, str]] = ()) -> list[Problem]:
    """Every problem in the records; references into the `unreadable` collections are not checked,
    nor references to the documents whose file could not be read (each reports itself once)."""
    vocab = Vocabularies.from_records(records)
    for kind, key in unread_documents:
        vocab.keys[kind.collection].add(key)
        if kind in ITEM_KINDS:
            vocab.keys[ITEMS_REF].add(f"{kind.url_prefix}/{key}")
    problems: list[Problem] = []
    unreadable = frozenset(unreadable)
    for record in records:
        problems += check_record(record, vocab, unreadable)
    problems += check_collisions(records)
    problems += document_problems(records)  # no script in Markdown bodies (safety.py)
    return problems
