"""Related items, scored from shared lessons, organisations and tags, with the reason shown.

Candidates come from inverted indexes (tag -> items, ...). Each index is read only in a bounded
window around the item, so the work per page stays constant as the site grows; on a site of
normal size the window covers every candidate and the scores are exact.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable

WINDOW = 15  # neighbours read on each side, per shared key
MAX_RELATED = 5
WEIGHTS = {"lessons": 3, "examples": 2, "organisations": 2, "tags": 1}
NOUNS = {
    "lessons": ("gedeelde les", "gedeelde lessen"),
    "examples": ("gedeeld voorbeeld", "gedeelde voorbeelden"),
    "organisations": ("gedeelde organisatie", "gedeelde organisaties"),
    "tags": ("gedeelde tag", "gedeelde tags"),
}


@dataclass
class Related:
    item: Any  # a Lesson or an Example
    score: int
    reasons: list[str]


def example_features(example) -> dict[str, list]:
    return {"lessons": example.lessons, "organisations": example.organisations, "tags": example.tags}


def lesson_features(lesson) -> dict[str, list]:
    return {"examples": lesson.examples, "tags": lesson.tags}


def score_related(items: list, features: Callable[[Any], dict[str, list]], window: int = WINDOW) -> None:
    """Fill `item.related` for every item of `items` (one kind, in display order)."""
    feats = [features(item) for item in items]
    postings: dict[tuple[str, int], list[int]] = defaultdict(list)
    positions: list[list[tuple[list[int], int, int]]] = []
    for rank, f in enumerate(feats):
        mine = []
        for name, values in f.items():
            for value in values:
                plist = postings[(name, id(value))]
                mine.append((plist, len(plist), WEIGHTS[name]))
                plist.append(rank)
        positions.append(mine)

    for rank, item in enumerate(items):
        scores: dict[int, int] = {}
        for plist, at, weight in positions[rank]:
            for other in plist[max(0, at - window): at + window + 1]:
                scores[other] = scores.get(other, 0) + weight
        scores.pop(rank, None)
        best = heapq.nsmallest(MAX_RELATED, scores.items(), key=lambda kv: (-kv[1], kv[0]))
        item.related = [Related(items[other], score, reasons(feats[rank], feats[other]))
                        for other, score in best]


def reasons(mine: dict[str, list], theirs: dict[str, list]) -> list[str]:
    """'2 gedeelde tags: Intervisie, Feedback' and the like, strongest link first."""
    out = []
    for name in ("lessons", "examples", "organisations", "tags"):
        if name not in mine:
            continue
        other_ids = {id(v) for v in theirs.get(name, [])}
        shared = [v for v in mine[name] if id(v) in other_ids]
        if shared:
            one, many = NOUNS[name]
            out.append(f"{len(shared)} {one if len(shared) == 1 else many}: "
                       + ", ".join(v.title for v in shared))
    return out


def link_related(site) -> None:
    score_related(site.examples, example_features)
    score_related(site.lessons, lesson_features)
