"""The pure pipeline: load -> validate -> model. Knows nothing of MkDocs."""

from __future__ import annotations

from pathlib import Path

from .load import load_content
from .model import Site, build_site
from .problems import ContentError
from .validate import validate


def load_site(root: Path, content_dir: str = "content") -> Site:
    """Read and check all content under root/content_dir; raise ContentError listing every problem."""
    records, problems = load_content(Path(root), content_dir)
    problems += validate(records)
    if problems:
        raise ContentError(problems)
    return build_site(records)
