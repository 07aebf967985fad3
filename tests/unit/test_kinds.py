"""The registry of kinds (core/kinds.py): every table of the site reads it, so each entry must be whole."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kennisbank.core.kinds import FACETS, KINDS, reserved_paths
from kennisbank.core.model import RECORD_TYPES

TEMPLATES = Path(__file__).resolve().parents[2] / "plugins" / "kennisbank" / "overrides"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_kind_is_complete(kind):
    cls = RECORD_TYPES[kind.name]
    attributes = {f.name for f in dataclasses.fields(cls)} | {n for n in dir(cls) if not n.startswith("_")}
    assert (kind.folder is None) != (kind.vocabulary is None), "a document or a vocabulary"
    assert kind.url_prefix and (TEMPLATES / kind.template).is_file()
    assert kind.overview is None or (TEMPLATES / kind.overview.template).is_file()
    assert (TEMPLATES / "kb/partials" / f"{kind.name}_card.html").is_file() or kind.name not in ("lesson", "example")
    for f in kind.fields:
        assert f.model_name in attributes or f.name == "slug", f"{kind.name}.{f.name} has no place in the model"
    for name in kind.exports:
        f = kind.field(name)
        assert (f.model_name if f else name) in attributes, f"{kind.name} exports unknown {name}"
    for facet, attribute in kind.facets:
        assert attribute in attributes
        assert facet in {f.name for f in FACETS}, f"{kind.name}: facet {facet} is not on the search page"


def test_names_prefixes_and_folders_are_unique():
    for attribute in ("name", "collection", "url_prefix", "label", "plural"):
        values = [getattr(k, attribute) for k in KINDS]
        assert len(values) == len(set(values)), attribute
    places = [k.folder or k.vocabulary for k in KINDS]
    assert len(places) == len(set(places))


def test_references_point_at_earlier_kinds():
    """Kinds are built in order; a reference may only name a kind declared before (or itself)."""
    seen = set()
    for kind in KINDS:
        seen.add(kind.collection)
        for f in kind.fields:
            if f.ref and f.ref != "items":
                assert f.ref in seen, f"{kind.name}.{f.name} refers to {f.ref}, declared later"


def test_reserved_paths_are_home_overviews_and_search():
    assert reserved_paths() == ("/", "/bronnen/", "/themas/", "/tags/", "/organisaties/", "/lessen/", "/voorbeelden/",
                                "/bijeenkomsten/", "/zoeken/")


def test_search_facets_in_order_with_their_vocabularies():
    assert [(f.name, f.label) for f in FACETS] == [("soort", "Soort"), ("thema", "Thema"), ("tag", "Tag"),
                                                   ("organisatie", "Organisatie"), ("bron", "Bron"), ("jaar", "Jaar")]
    for facet in FACETS:
        if facet.values is not None:  # a vocabulary's facet: its items are the values, found by their key
            assert facet.values.vocabulary and (facet.name, "key") in facet.values.facets
