"""Editor-facing problems: one per mistake, always with file, line and field, in Dutch."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root, always with '/'
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised when content has problems; carries every one of them, sorted."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "fout" if count == 1 else "fouten"
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} {noun} gevonden; de site is niet gebouwd.")
        return "\n".join(lines)


def suggest(value: str, known: Iterable[str], synonyms: dict[str, str] | None = None) -> str | None:
    """The known value an editor most likely meant, or None.

    `synonyms` maps an alternative word (lowercase) to the key it stands for.
    """
    known = list(known)
    if not known or not isinstance(value, str):
        return None
    needle = value.strip().lower()
    if synonyms and needle in synonyms:
        return synonyms[needle]
    for key in known:
        if key.lower() == needle or key.lower().replace("-", " ") == needle.replace("-", " "):
            return key
    close = difflib.get_close_matches(needle, known, n=1, cutoff=0.6)
    if close:
        return close[0]
    # A shortened form such as 'regionaal' for 'regionale-samenwerking'.
    prefixed = [k for k in known if len(needle) >= 4 and k.startswith(needle[: max(4, len(needle) - 2)])]
    if prefixed:
        return sorted(prefixed, key=len)[0]
    if synonyms:
        close = difflib.get_close_matches(needle, list(synonyms), n=1, cutoff=0.8)
        if close:
            return synonyms[close[0]]
    return None  # nothing really near: a far-fetched guess misleads more than it helps


def did_you_mean(value: str, known: Iterable[str], synonyms: dict[str, str] | None = None) -> str:
    """' — bedoelde je 'x'?' or an empty string."""
    hint = suggest(value, known, synonyms)
    return f" — bedoelde je '{hint}'?" if hint and hint != value else ""
