"""`kennisbank urls`: bring published-urls.txt up to date, or with --check only say whether it is."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core.problems import ContentError
from ..publish import load_project
from ..publish.manifest import LIST_UP_TO, MANIFEST, plain_pages, project_exclude, update, url_set
from ..publish.paths import normalise


def command(root: Path, remove: list[str], check_only: bool, content_dir: str = "content") -> int:
    """Exit code 0 when the manifest is (now) up to date."""
    root = Path(root)
    file = root / MANIFEST
    try:
        site = load_project(root, content_dir, check_urls=False)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    urls = url_set(site, plain_pages(root / content_dir, project_exclude(root)), content_dir)
    old = file.read_text(encoding="utf-8") if file.is_file() else None
    text, added, problems = update(old, urls, remove)
    if problems:
        print(ContentError(problems).report().replace("de site is niet gebouwd", f"{MANIFEST} is niet bijgewerkt"),
              file=sys.stderr)
        return 1
    if text == old:
        print(f"{MANIFEST} is bij: {len(urls.all)} adressen.")
        return 0
    if check_only:
        listed = "\n".join(f"  {p}" for p in added) or "  (alleen volgorde of opmaak)"
        print(f"{MANIFEST} is niet bij; deze adressen ontbreken:\n{listed}\n"
              "Voer `kennisbank urls` uit en neem het bestand op in je wijziging.", file=sys.stderr)
        return 1
    file.write_text(text, encoding="utf-8")
    removed = [normalise(p) for p in remove]
    print(f"{MANIFEST} bijgewerkt: {len(added)} toegevoegd, {len(removed)} weggehaald, "
          f"{len(urls.all)} adressen in totaal.")
    for path in added[:LIST_UP_TO]:
        print(f"  + {path}")
    if len(added) > LIST_UP_TO:
        print(f"  ... en nog {len(added) - LIST_UP_TO} (zie {MANIFEST})")
    for path in removed:
        print(f"  - {path}")
    return 0


