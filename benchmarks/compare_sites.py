"""Compare two built sites page by page: which files only one has, and which pages differ, with the
first differing lines. Used to show that a refactoring left the site as it was.

    python benchmarks/compare_sites.py OLD_SITE NEW_SITE [--show 3]
"""

from __future__ import annotations

import argparse
import difflib
import re
from collections import Counter
from pathlib import Path

# Pagefind's index files are named by content hash; they are compared by what they index instead.
SKIP = ("pagefind/",)


def pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*")
            if p.is_file() and not p.relative_to(site).as_posix().startswith(SKIP)}


def lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    # One tag per line, so a diff names the element that changed.
    return [line.strip() for line in re.sub(r">\s*<", ">\n<", text).splitlines() if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--show", type=int, default=3, help="differing pages shown with their changed lines")
    args = parser.parse_args()
    old, new = pages(args.old), pages(args.new)
    only_old = sorted(set(old) - set(new))
    only_new = sorted(set(new) - set(old))
    print(f"{len(old)} files before, {len(new)} after; {len(only_old)} only before, {len(only_new)} only after")
    for name in only_old:
        print(f"  - {name}")
    for name in only_new:
        print(f"  + {name}")
    changes: Counter[str] = Counter()
    differing = []
    for name in sorted(set(old) & set(new)):
        if old[name].read_bytes() == new[name].read_bytes():
            continue
        differing.append(name)
        if name.endswith((".html", ".xml", ".json")):
            for line in difflib.unified_diff(lines(old[name]), lines(new[name]), n=0, lineterm=""):
                if line.startswith(("+", "-")) and not line.startswith(("+++", "---")):
                    changes[line[:160]] += 1
    print(f"{len(differing)} files differ")
    print("most common changed lines (count, line):")
    for line, count in changes.most_common(40):
        print(f"  {count:4} {line}")
    for name in differing[: args.show]:
        print(f"\n== {name}")
        for line in list(difflib.unified_diff(lines(old[name]), lines(new[name]), n=0, lineterm=""))[:30]:
            print("  " + line[:200])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
