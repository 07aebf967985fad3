"""The web form's generated config (cli/cms.py) has every field of the schema with the same rules,
so the form cannot drift from what `kennisbank check` accepts."""

from __future__ import annotations

import re

import pytest

from kennisbank.cli import cms, scaffold
from kennisbank.core.fields import ALIAS_RE, SLUG_RE
from kennisbank.core.kinds import DOCUMENT_KINDS, EXAMPLE, ITEM_KINDS, ITEMS_REF
from kennisbank.core.validate import slugify

BACKEND = cms.Backend(repo="vgs-kennisbank/kennisbank", branch="main", site_url="https://kennisbank.example.org/")


@pytest.fixture(scope="module")
def config(real_model):
    return cms.cms_config(real_model, BACKEND)


def form_fields(config, kind):
    found = next(c for c in config["collections"] if c["name"] == kind.collection)
    return {f["name"]: f for f in found["fields"]}


def keys(real_model, f) -> set[str]:
    if f.ref == ITEMS_REF:
        return {f"{k.url_prefix}/{item.slug}" for k in ITEM_KINDS
                for item in getattr(real_model, k.collection)}
    return {item.key for item in getattr(real_model, f.ref)}


@pytest.mark.parametrize("kind", DOCUMENT_KINDS, ids=lambda k: k.name)
def test_every_field_with_the_same_rules(config, real_model, kind):
    fields = form_fields(config, kind)
    assert list(fields) == [f.name for f in kind.fields] + ["body"]
    for f in kind.fields:
        got = fields[f.name]
        assert got["label"] == f.display and got["hint"] == f.description
        assert got["required"] is f.required, f.name
        value_type = f.items if f.type == "list" else f.type
        rules = got.get("field", got)  # a list of texts or addresses has its rules on its item
        if value_type == "text" and f.max_length:
            limit = re.fullmatch(r"\^\[\\s\\S\]\{0,(\d+)\}\$", rules["pattern"][0])
            assert limit and int(limit.group(1)) == f.max_length, f.name
        if value_type == "int":
            assert (got["min"], got["max"], got["value_type"]) == (f.minimum, f.maximum, "int")
        if value_type == "date":
            assert got["format"] == "YYYY-MM-DD" and got["time_format"] is False
        if value_type in ("slug", "alias"):
            assert re.compile(rules["pattern"][0]).pattern in (SLUG_RE.pattern, ALIAS_RE.pattern)
        if value_type == "enum":
            assert [o["value"] for o in got["options"]] == list(f.choices)
        if value_type == "ref":
            assert {o["value"] for o in got["options"]} == keys(real_model, f), f.name
            assert all(o["label"] and o["label"] != o["value"] for o in got["options"]), f.name
        if f.type == "list":
            assert got.get("multiple", True) is True
            assert got.get("min") == (f.min_items or None) and got.get("max") == f.max_items, f.name


def test_choices_show_names_not_keys(config):
    fields = form_fields(config, EXAMPLE)
    organisations = {o["value"]: o["label"] for o in fields["organisations"]["options"]}
    assert organisations["oss"] == "Gemeente Oss"
    assert {o["value"]: o["label"] for o in fields["tags"]["options"]}["participatie"] == "Participatie"


@pytest.mark.parametrize("name", ["example", "lesson", "meeting"])
def test_the_body_starts_with_the_scaffold_headings(config, name):
    found = scaffold.SCAFFOLDS[name]
    body = form_fields(config, found.kind)["body"]
    headings = [line for line in found.body.splitlines() if line.startswith("#")]
    assert [line for line in body["default"].splitlines() if line.startswith("#")] == headings
    assert "<!--" not in body["default"]


def test_the_form_makes_the_same_slug_as_kennisbank_new(config):
    # Decap lowercases, drops apostrophes and accents and joins words with '-' (config "slug").
    assert config["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    assert slugify("Thema's van Zwolle") == "themas-van-zwolle"
    assert slugify("Súdwest-Fryslân") == "sudwest-fryslan"


def test_one_pull_request_per_entry_and_open_authoring(config):
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["open_authoring"] is True and config["backend"]["repo"] == BACKEND.repo
    assert config["local_backend"]["url"].startswith("http://127.0.0.1:")


@pytest.mark.parametrize("repo_url,edit_uri,expected", [
    ("https://github.com/vgs-kennisbank/kennisbank", "edit/main/content/", ("vgs-kennisbank/kennisbank", "main")),
    ("https://github.com/a/b.git", "blob/trunk/docs/", ("a/b", "trunk")),
    ("https://gitlab.com/a/b", "", None),
])
def test_backend_from_mkdocs_settings(repo_url, edit_uri, expected):
    found = cms.backend_from(repo_url, edit_uri, "")
    assert (found and (found.repo, found.branch)) == expected
