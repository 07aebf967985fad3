"""Related items, scored from shared lessons, organisations and tags, with the reason shown.

Candidates come from inverted indexes (tag -> items, ...) and each index is read only in a
bounded window around the item, so the work per page stays constant as the site grows.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Iterable


WINDOW = 40  # neighbours read per shared key; covers every candidate on a site of normal size
MAX_RELATED = 5
WEIGHTS = {"lessons": 3, "organisations": 2, "examples": 2, "tags": 1}
NOUNS = {
    "lessons": ("gedeelde les", "gedeelde lessen"),
    "organisations": ("gedeelde organisatie", "gedeelde organisaties"),
    "examples": ("gedeeld voorbeeld", "gedeelde voorbeelden"),
    "tags": ("gedeelde tag", "gedeelde tags"),
}


def _features_of_example(example) -> dict[str, list]:
    return {"lessons": example.lessons, "organisations": example.organisations, "tags": example.tags}


def _features_of_lesson(lesson) -> dict[str, list]:
    return {"examples": lesson.examples, "tags": lesson.tags}


def score_related(items: list, features: Callable[[Any], dict[str, list]], window: int = WINDOW) -> None:
    """Fill `item.related` for every item in `items` (all of one kind)."""
    postings: dict[tuple[str, int], list] = defaultdict(list)
    feats = [features(item) for item in items]
    positions: list[dict[tuple[str, int], int]] = []
    for item, f in zip(items, feats):
        where = {}
        for name, values in f.items():
            for value in values:
                key = (name, id(value))
                where[key] = len(postings[key])
                postings[key].append(item)
        positions.append(where)

    for item, f, where in zip(items, feats, positions):
        shared: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        others: dict[int, Any] = {}
        for name, values in f.items():
            for value in values:
                key = (name, id(value))
                plist = postings[key]
                at = where[key]
                for other in _around(plist, at, window):
                    if other is not item:
                        shared[id(other)][name].append(value)
                        others[id(other)] = other
        scored = []
        for oid, by_name in shared.items():
            score = sum(WEIGHTS[name] * len(values) for name, values in by_name.items())
            scored.append((score, others[oid], by_name))
        scored.sort(key=lambda s: (-s[0], s[1].title.lower(), s[1].slug))
        item.related = [_related(other, score, by_name) for score, other, by_name in scored[:MAX_RELATED]]


def _around(plist: list, at: int, window: int) -> Iterable:
    return plist[max(0, at - window): at + window + 1]


def _related(other, score: int, by_name: dict[str, list]):
    from .model import Related

    reasons = []
    for name in ("lessons", "examples", "organisations", "tags"):
        values = by_name.get(name)
        if values:
            one, many = NOUNS[name]
            labels = ", ".join(v.title for v in values)
            reasons.append(f"{len(values)} {one if len(values) == 1 else many}: {labels}")
    return Related(other, score, reasons)


def link_related(site) -> None:
    score_related(site.examples, _features_of_example)
    score_related(site.lessons, _features_of_lesson)
