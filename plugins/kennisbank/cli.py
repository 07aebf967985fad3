"""The `kennisbank` command: check content, export the schema, scaffold files."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .core import load_site
from .problems import ContentError
from .schema import json_schema


def _check(args: argparse.Namespace) -> int:
    try:
        site = load_site(Path(args.root))
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"Alles in orde: {len(site.lessons)} lessen, {len(site.examples)} voorbeelden, "
          f"{len(site.themes)} thema's, {len(site.tags)} tags, {len(site.organisations)} organisaties.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Schema geschreven naar {args.output}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kennisbank", description="Kennisbank: inhoud controleren en beheren.")
    parser.add_argument("--root", default=".", help="map van het project (standaard: huidige map)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht")
    check = sub.add_parser("check", help="controleer alle inhoud en meld elke fout")
    check.set_defaults(func=_check)
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
