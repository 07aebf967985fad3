"""The pure core: load -> validate -> model. Imports neither MkDocs, Material nor Jinja."""

from __future__ import annotations

from pathlib import Path

from .kinds import VOCABULARY_KINDS
from .load import Record, load_content
from .model import Site, build_site
from .problems import ContentError
from .validate import validate


def read_site(root: Path, content_dir: str = "content") -> tuple[Site, list[Record]]:
    """Read and check all content under root/content_dir; raise ContentError listing every problem."""
    records, problems = load_content(Path(root), content_dir)
    read = {r.kind.collection for r in records}
    unreadable = {kind.collection for kind in VOCABULARY_KINDS if kind.collection not in read
                  and any(p.path == f"{content_dir}/{kind.vocabulary}.yml" for p in problems)}
    problems += validate(records, unreadable)
    if problems:
        raise ContentError(problems)
    return build_site(records), records


def load_site(root: Path, content_dir: str = "content") -> Site:
    """The model of the content under root/content_dir (see read_site)."""
    return read_site(root, content_dir)[0]
