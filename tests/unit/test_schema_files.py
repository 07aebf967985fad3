"""The JSON Schemas under schema/ are generated from schema.py and committed as generated."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from kennisbank.cli.editor_schemas import editor_schema, schema_files
from kennisbank.core.kinds import EXAMPLE, TAG
from kennisbank.core.schema import json_schema


@pytest.mark.parametrize("name", sorted(schema_files()))
def test_committed_schema_equals_generated(name):
    committed = ROOT / "schema" / name
    assert committed.is_file(), f"schema/{name} ontbreekt — voer `make schema` uit"
    assert committed.read_text(encoding="utf-8") == schema_files()[name], (
        f"schema/{name} is verouderd — voer `make schema` uit en commit het resultaat")


def test_no_stray_schema_files():
    assert {p.name for p in (ROOT / "schema").glob("*.json")} == set(schema_files())


def test_schema_command_writes_every_file(tmp_path):
    from kennisbank.cli import main

    assert main(["schema", "--output", str(tmp_path / "kennisbank.schema.json")]) == 0
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == schema_files()


def test_main_schema_is_the_2020_12_export():
    assert json.loads(schema_files()["kennisbank.schema.json"]) == json_schema()


def test_editor_schema_lets_optional_fields_stay_empty_and_requires_the_rest():
    schema = editor_schema(EXAMPLE)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["properties"]["year_end"]["type"] == ["integer", "null"]
    assert schema["properties"]["status"]["enum"] == ["lopend", "afgerond", None]
    assert schema["properties"]["title"]["type"] == "string"
    assert schema["required"] == [f.name for f in EXAMPLE.fields if f.required]


def test_vocabulary_schema_uses_draft_07_definitions():
    schema = editor_schema(TAG)
    assert schema["additionalProperties"] == {"$ref": "#/definitions/tag"}
    assert "tag" in schema["definitions"] and "$defs" not in json.dumps(schema)


def test_folder_map_covers_every_kind():
    folders = json.loads(schema_files()["folders.json"])
    assert folders["content/examples/"] == "example.schema.json"
    assert folders["content/tags.yml"] == "tag.schema.json"
    assert set(folders.values()) == {n for n in schema_files() if n.endswith(".schema.json")} - {"kennisbank.schema.json"}

