"""The JSON Schema files committed under schema/, for editors' tooling.

`kennisbank schema` writes them all; a test checks that the committed copies are current.

- kennisbank.schema.json: the whole schema (draft 2020-12), one definition per kind.
- folders.json: which schema belongs to which content folder or vocabulary file.
- <kind>.schema.json: one standalone file per kind, in draft-07 because that is what the editor
  plugins understand (remark's frontmatter check in .remarkrc.mjs, the YAML extension in VS Code).
  Like `kennisbank check`, they accept an optional field left empty (`year_end:`), so a file
  fresh from `kennisbank new` is only marked where something required is still missing.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from ..core.kinds import KINDS, Kind
from ..core.schema import json_schema, kind_schema

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _nullable(prop: dict[str, Any]) -> dict[str, Any]:
    prop = dict(prop)
    kind = prop.get("type")
    if isinstance(kind, str):
        prop["type"] = [kind, "null"]
    if "enum" in prop:
        prop["enum"] = [*prop["enum"], None]
    return prop


def _optional_may_be_empty(definition: dict[str, Any]) -> dict[str, Any]:
    """Let every optional field (and optional field of a nested block) be left empty."""
    definition = copy.deepcopy(definition)
    required = set(definition.get("required", []))
    for name, prop in definition.get("properties", {}).items():
        if prop.get("type") == "object":
            prop = _optional_may_be_empty(prop)
        definition["properties"][name] = prop if name in required else _nullable(prop)
    return definition


def _draft_07(node: Any) -> Any:
    """Rewrite 2020-12 `$defs` references as draft-07 `definitions`."""
    if isinstance(node, dict):
        return {("definitions" if k == "$defs" else k):
                (v.replace("#/$defs/", "#/definitions/") if k == "$ref" else _draft_07(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_draft_07(v) for v in node]
    return node


def editor_schema(kind: Kind) -> dict[str, Any]:
    """A standalone draft-07 schema for one kind: a document's frontmatter, or a vocabulary file."""
    source = kind_schema(kind)
    defs = source["$defs"]
    own = _optional_may_be_empty(defs[kind.name])
    head = {"$schema": DRAFT_07, "$id": f"https://kennisbank.local/schema/{kind.name}.schema.json"}
    if kind.folder:
        return _draft_07({**head, **own, "title": f"Kennisbank: {kind.label}",
                          "description": f"Frontmatter van een {kind.label} in content/{kind.folder}/."})
    file_def = defs[source["$ref"].rsplit("/", 1)[1]]
    return _draft_07({**head, **file_def, "description": f"De lijst van {kind.plural}.",
                      "$defs": {kind.name: own}})


def schema_files() -> dict[str, str]:
    """File name under schema/ -> its exact text."""
    def dump(data: dict) -> str:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    files = {"kennisbank.schema.json": dump(json_schema())}
    for kind in KINDS:
        files[f"{kind.name}.schema.json"] = dump(editor_schema(kind))
    files["folders.json"] = dump(folder_map())
    return files


def folder_map(content_dir: str = "content") -> dict[str, str]:
    """Which schema checks which files, for .remarkrc.mjs: folder or file -> schema file name."""
    out = {f"{content_dir}/{k.folder}/": f"{k.name}.schema.json" for k in KINDS if k.folder}
    out.update({f"{content_dir}/{k.vocabulary}.yml": f"{k.name}.schema.json" for k in KINDS if k.vocabulary})
    return out


__all__ = ["editor_schema", "folder_map", "schema_files"]
