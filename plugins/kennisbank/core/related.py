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


class Scorer:
    """Related items for the items of one kind (in display order). The inverted indexes are built at
    once; an item is scored when first asked for (`Lesson.related`), so on a large site each process
    scores the pages it renders and the build does not wait for all of them before the first page."""

    def __init__(self, items: list, features: Callable[[Any], dict[str, list]], window: int = WINDOW) -> None:
        self.items = items
        self.window = window
        self.features = [features(item) for item in items]
        self.rank = {id(item): rank for rank, item in enumerate(items)}
        postings: dict[tuple[str, int], list[int]] = defaultdict(list)
        # Per item: (posting list of one of its keys, its own place in that list, the key's weight).
        self.positions: list[list[tuple[list[int], int, int]]] = []
        for rank, f in enumerate(self.features):
            mine = []
            for name, values in f.items():
                for value in values:
                    plist = postings[(name, id(value))]
                    mine.append((plist, len(plist), WEIGHTS[name]))
                    plist.append(rank)
            self.positions.append(mine)

    def related(self, item) -> list[Related]:
        rank = self.rank[id(item)]
        scores: dict[int, int] = {}
        for plist, at, weight in self.positions[rank]:
            for other in plist[max(0, at - self.window): at + self.window + 1]:
                scores[other] = scores.get(other, 0) + weight
        scores.pop(rank, None)
        best = heapq.nsmallest(MAX_RELATED, scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return [Related(self.items[other], score, reasons(self.features[rank], self.features[other]))
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
    """Give every example and lesson the scorer of its kind (read through `item.related`)."""
    for items, features in ((site.examples, example_features), (site.lessons, lesson_features)):
        scorer = Scorer(items, features)
        for item in items:
            item.scorer = scorer
