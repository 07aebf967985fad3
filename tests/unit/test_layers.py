"""The layers: a pure core and publishing layer that never import MkDocs, Material or Jinja, and one
adapter sub-package that does."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "plugins" / "kennisbank"
ENGINE = {"mkdocs", "material", "jinja2", "markupsafe"}


def imported(path: Path) -> set[str]:
    """Top-level names of every module the file imports, wherever the import stands."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("path", modules("core", "cli"), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_core_and_cli_import_no_site_engine(path):
    assert not imported(path) & ENGINE


@pytest.mark.parametrize("path", modules("publish"), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_publishing_imports_no_mkdocs_or_jinja(path):
    # markupsafe marks text as safe HTML for the templates (share.breakable); it renders nothing.
    assert not imported(path) & {"mkdocs", "material", "jinja2"}


def test_only_the_adapter_imports_mkdocs():
    users = {p.parent.name for p in PACKAGE.rglob("*.py") if imported(p) & {"mkdocs", "material", "jinja2"}}
    assert users == {"adapter"}


def test_the_core_does_not_import_the_outer_layers():
    for path in modules("core"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level >= 2]
        assert not relative, f"{path.name} imports {relative}"


def test_the_checker_would_see_an_engine_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from mkdocs.plugins import BasePlugin\n", encoding="utf-8")
    assert "mkdocs" in imported(sample)
