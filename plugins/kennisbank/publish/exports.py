"""catalog.json and the feed: the model as plain data, with the attributes each kind exports (kinds.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.kinds import KINDS, Kind
from ..core.model import Item, Site
from ..core.related import Related


def _value(value: Any, base_url: str) -> Any:
    """Plain JSON data: a document as its address, a vocabulary item as its key."""
    if isinstance(value, Item):
        return base_url + value.url if value.kind_info.folder else value.key
    if isinstance(value, Related):
        return {"url": base_url + value.item.url, "title": value.item.title, "score": value.score,
                "reasons": value.reasons}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_value(v, base_url) for v in value]
    return value


def entry(kind: Kind, item: Item, base_url: str = "") -> dict[str, Any]:
    out = {}
    for name in kind.exports:
        f = kind.field(name)
        value = getattr(item, f.model_name if f else name)
        out[name] = base_url + value if name == "url" else _value(value, base_url)
    return out


def catalog(site: Site, base_url: str = "") -> dict[str, Any]:
    """Every item with its metadata, relations and URL, one list per kind."""
    return {kind.collection: [entry(kind, item, base_url) for item in getattr(site, kind.collection)]
            for kind in KINDS}


def feed_entries(site: Site, limit: int) -> list[Item]:
    """The newest items of the kinds in the feed, newest first."""
    items = [item for kind in KINDS if kind.feed for item in getattr(site, kind.collection)]
    return sorted(items, key=lambda i: (i.date, i.key), reverse=True)[:limit]


def feed_updated(entries: list[Item]) -> dt.date:
    return max((e.date for e in entries), default=dt.date(2000, 1, 1))


__all__ = ["catalog", "entry", "feed_entries", "feed_updated"]
