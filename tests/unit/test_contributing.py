"""CONTRIBUTING.md stays true: every message kind is explained, and its examples match the code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT
from kennisbank.cli import scaffold
from kennisbank.core.kinds import KINDS

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
EDGES = " \t—'\"[](),.:;"


def message_argument(call: ast.Call) -> ast.expr | None:
    """The message of Problem(path, line, field, message) or of self.add(path, message)."""
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
    if name == "Problem" and len(call.args) >= 4:
        return call.args[3]
    if name == "add" and len(call.args) >= 2:
        return call.args[1]
    return None


def literal_parts(node: ast.expr) -> list[str]:
    """The fixed wording in a message expression (the parts that are not filled in)."""
    parts = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call):
            continue
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            parts.append(sub.value)
    return parts


def returned_message(node: ast.AST) -> ast.expr | None:
    """The message of `return line, message` (yaml_errors.explain)."""
    if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple) and len(node.value.elts) == 2:
        return node.value.elts[1]
    return None


def wordings() -> list[tuple[str, str]]:
    found = []
    for module in ("load.py", "validate.py", "yaml_errors.py"):
        tree = ast.parse((ROOT / "plugins/kennisbank/core" / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            message = message_argument(node) if isinstance(node, ast.Call) else returned_message(node)
            if message is None:
                continue
            for part in literal_parts(message):
                part = part.strip(EDGES)
                if len(part) >= 8:
                    found.append((module, part))
    # Wording a message takes from the registry.
    found += [("kinds.py", kind.alternatives_hint) for kind in KINDS if kind.alternatives_hint]
    return sorted(set(found))


def test_finds_the_messages():
    parts = [p for _, p in wordings()]
    assert "bevat een tab — YAML kent geen tabs: spring in met spaties (twee per niveau), net als de regels eromheen" in parts
    assert "wordt niet afgesloten — zet een regel '---' onder het laatste veld" in parts
    assert "ligt buiten het bereik" in parts
    assert len(parts) > 30


@pytest.mark.parametrize("module,wording", wordings())
def test_every_message_is_explained(module, wording):
    assert wording in GUIDE, f"CONTRIBUTING.md legt de melding uit {module} met '{wording}' nog niet uit"


@pytest.mark.parametrize("name,file", [("example", "praktijkvoorbeeld.md"), ("lesson", "les.md")])
def test_templates_for_the_web_route_are_current(name, file):
    committed = (ROOT / ".github/sjablonen" / file).read_text(encoding="utf-8")
    assert committed == scaffold.template(scaffold.SCAFFOLDS[name]), (
        f"maak het sjabloon opnieuw: .venv/bin/kennisbank new {name} --sjabloon > .github/sjablonen/{file}")


def test_local_links_exist():
    for target in re.findall(r"\]\((?!https?:)([^)#]+)\)", GUIDE):
        assert (ROOT / target).exists(), target


def test_the_guide_starts_with_the_web_form_and_its_screenshots():
    sections = re.findall(r"^## (.+)$", GUIDE, flags=re.M)
    assert sections[:3] == ["Een praktijkvoorbeeld toevoegen via het webformulier", "Via de website van GitHub",
                            "Op je eigen computer"]
    first = GUIDE.split("\n## ")[1]
    shots = re.findall(r"!\[[^\]]+\]\(([^)]+\.png)\)", first)
    assert len(shots) == 5 and all((ROOT / shot).is_file() for shot in shots)
    # Plain Dutch for editors: the technical words stay in the other routes and the maintainers' section.
    for word in ("frontmatter", "utf-8", "slug", "commit", "pull request", "yaml"):
        assert word not in first.lower(), word


def test_new_command_output_is_as_shown(mini):
    import contextlib
    import io

    from kennisbank.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--root", str(mini), "new", "example", "Vitale dorpen in Drechterland"]) == 0
    shown = GUIDE.split("Je ziet dan:\n\n```text\n")[1].split("```")[0]
    assert out.getvalue() == shown
