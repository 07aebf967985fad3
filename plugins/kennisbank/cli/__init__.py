"""The `kennisbank` command: check content, export the schema, scaffold files."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ..core.kinds import DOCUMENT_KINDS, VOCABULARY_KINDS
from ..core.problems import ContentError
from ..core.schema import json_schema
from ..publish import load_project, manifest
from . import scaffold
from .editor_schemas import schema_files
from .github import annotations
from .urls import command as urls_command


def _check(args: argparse.Namespace) -> int:
    try:
        site = load_project(Path(args.root))
    except ContentError as exc:
        if args.format == "github":
            # Workflow commands are read from standard output; the summary stays readable in the log.
            print("\n".join(annotations(exc.problems)))
            print(exc.report().splitlines()[-1])
        else:
            print(exc.report(), file=sys.stderr)
        return 1
    counted = [(len(getattr(site, kind.collection)), kind) for kind in (*DOCUMENT_KINDS, *VOCABULARY_KINDS)]
    counts = ", ".join(f"{n} {kind.label if n == 1 else kind.plural}" for n, kind in counted)
    print(f"Alles in orde: {counts}.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Schema geschreven naar {args.output}")
        # Beside it, one schema per kind for the editor integrations (.remarkrc.mjs, .vscode/).
        for name, text in schema_files().items():
            target = Path(args.output).parent / name
            if target != Path(args.output):
                target.write_text(text, encoding="utf-8")
        print(f"Schema's per soort geschreven naar {Path(args.output).parent}/")
    return 0


def _urls(args: argparse.Namespace) -> int:
    return urls_command(Path(args.root), args.remove or [], args.check)


def _new(args: argparse.Namespace) -> int:
    if args.template:
        found = scaffold.SCAFFOLDS.get(args.kind)
        if found is None:
            print(f"Onbekende soort '{args.kind}' — kies uit: {', '.join(sorted(scaffold.SCAFFOLDS))}",
                  file=sys.stderr)
            return 1
        sys.stdout.write(scaffold.template(found))
        return 0
    if args.title is None:
        print('Geef een titel, bijvoorbeeld: kennisbank new example "Stroomlijn"', file=sys.stderr)
        return 1
    try:
        made = scaffold.create(args.kind, args.title, Path(args.root))
    except scaffold.ScaffoldError as exc:
        print(f"Niet aangemaakt: {exc}", file=sys.stderr)
        return 1
    label = scaffold.SCAFFOLDS[args.kind].kind.label
    print(f"Bestand voor een {label} aangemaakt: {made.rel_path}\n"
          "Vul de lege velden in (de regels met # erboven zeggen wat erin hoort) en schrijf de tekst.\n"
          "Controleer daarna met: .venv/bin/kennisbank check\n"
          f"Bekijk de pagina met `make serve` op http://127.0.0.1:8000/{made.url}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kennisbank", description="Kennisbank: inhoud controleren en beheren.")
    parser.add_argument("--root", default=".", help="map van het project (standaard: huidige map)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht")
    check = sub.add_parser("check", help="controleer alle inhoud en meld elke fout")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="text: 'bestand:regel: veld: melding'; github: annotaties voor GitHub Actions")
    check.set_defaults(func=_check)
    new = sub.add_parser("new", help="maak een nieuw bestand met alle velden en uitleg",
                         description='Bijvoorbeeld: kennisbank new example "Titel van het voorbeeld"')
    # No argparse `choices`: its refusal is in English; scaffold.create refuses in Dutch.
    new.add_argument("kind", metavar="soort",
                     help="soort bestand: " + ", ".join(sorted(scaffold.SCAFFOLDS)))
    new.add_argument("title", metavar="titel", nargs="?", help="titel tussen aanhalingstekens")
    new.add_argument("--sjabloon", dest="template", action="store_true",
                     help="schrijf alleen het lege sjabloon naar het scherm (voor .github/sjablonen/)")
    new.set_defaults(func=_new)
    published = sub.add_parser(
        "urls", help=f"werk {manifest.MANIFEST} bij: de lijst van adressen die moeten blijven werken",
        description=f"Voegt nieuwe adressen toe aan {manifest.MANIFEST}. Een adres verdwijnt er alleen uit "
                    "met --remove, en alleen als het echt geen pagina of oud adres meer is.")
    published.add_argument("--remove", action="append", metavar="URL",
                           help="haal dit adres bewust weg, bijvoorbeeld /voorbeelden/oud/ (mag vaker)")
    published.add_argument("--check", action="store_true",
                           help="schrijf niets; faal als de lijst niet bij is (voor CI)")
    published.set_defaults(func=_urls)
    schema = sub.add_parser("schema", help="schrijf het JSON Schema van de inhoud")
    schema.add_argument("--output", default="schema/kennisbank.schema.json", help="bestand, of - voor het scherm")
    schema.set_defaults(func=_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
