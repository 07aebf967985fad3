"""The content schema as JSON Schema, for editors' tooling (cli/editor_schemas.py, `kennisbank schema`).

The fields themselves are declared with their kind in kinds.py; this module only translates them.
"""

from __future__ import annotations

from typing import Any

from .fields import ALIAS_RE, SLUG_RE, TIME_RE, Field
from .kinds import ITEM_KINDS, ITEMS_REF, KINDS, VOCABULARY_KINDS, Kind

_JSON_TYPES = {"text": "string", "int": "integer", "slug": "string", "alias": "string",
               "enum": "string", "ref": "string", "date": "string", "time": "string"}


def _json_field(f: Field, item_type: str | None = None) -> dict[str, Any]:
    kind = item_type or f.type
    if kind == "list":
        out: dict[str, Any] = {"type": "array", "items": _json_field(f, f.items)}
        if f.min_items:
            out["minItems"] = f.min_items
        if f.max_items:
            out["maxItems"] = f.max_items
        out["description"] = f.description
        return out
    if kind == "mapping":
        out = {
            "type": "object", "description": f.description, "additionalProperties": False,
            "properties": {sub.name: _json_field(sub) for sub in f.fields},
        }
        required = [sub.name for sub in f.fields if sub.required]
        if required:
            out["required"] = required
        return out
    out = {"type": _JSON_TYPES[kind]}
    if item_type is None:
        out["description"] = f.description
    if kind == "date":
        out["format"] = "date"
    if kind == "slug":
        out["pattern"] = SLUG_RE.pattern
    if kind == "alias":
        out["pattern"] = ALIAS_RE.pattern
    if kind == "time":
        out["pattern"] = TIME_RE.pattern
    if kind == "enum":
        out["enum"] = list(f.choices)
    if kind == "ref" and f.ref == ITEMS_REF:
        prefixes = "|".join(k.url_prefix for k in ITEM_KINDS)
        out["pattern"] = rf"^({prefixes})/[a-z0-9]+(-[a-z0-9]+)*$"
    elif kind == "ref":
        out["pattern"] = SLUG_RE.pattern
    if kind == "text":
        out["minLength"] = 1
        if f.max_length:
            out["maxLength"] = f.max_length
    if f.minimum is not None and item_type is None:
        out["minimum"] = f.minimum
    if f.maximum is not None and item_type is None:
        out["maximum"] = f.maximum
    return out


def _json_kind(kind: Kind) -> dict[str, Any]:
    out = {
        "type": "object",
        "title": kind.label,
        "additionalProperties": False,
        "required": [f.name for f in kind.fields if f.required],
        "properties": {f.name: _json_field(f) for f in kind.fields},
    }
    if kind.alternatives:
        out["anyOf"] = [{"required": list(group)} for group in kind.alternatives]
    return out


def json_schema() -> dict[str, Any]:
    """The whole schema as JSON Schema (draft 2020-12), one definition per kind.

    Lessons, examples and meetings validate their frontmatter against `$defs/<kind>`;
    a vocabulary file is an object whose values are `$defs/<kind>`.
    """
    defs = {k.name: _json_kind(k) for k in KINDS}
    for k in VOCABULARY_KINDS:
        defs[f"{k.vocabulary}_file"] = {
            "type": "object",
            "title": f"content/{k.vocabulary}.yml",
            "propertyNames": {"pattern": SLUG_RE.pattern},
            "additionalProperties": {"$ref": f"#/$defs/{k.name}"},
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://kennisbank.local/schema/kennisbank.schema.json",
        "title": "Kennisbank-inhoud",
        "description": "Frontmatter van lessen, praktijkvoorbeelden en bijeenkomsten, en de vocabulaires.",
        "$defs": defs,
    }


def kind_schema(kind: Kind) -> dict[str, Any]:
    """A standalone schema for one kind, for editors that map one schema per folder."""
    root = json_schema()
    target = f"{kind.vocabulary}_file" if kind.vocabulary else kind.name
    return {"$schema": root["$schema"], "$defs": root["$defs"], "$ref": f"#/$defs/{target}"}


__all__ = ["json_schema", "kind_schema"]
