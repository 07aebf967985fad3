"""The pure core: load -> validate -> model. Imports neither MkDocs, Material nor Jinja."""

from __future__ import annotations

from pathlib import Path

from .kinds import DOCUMENT_KINDS, VOCABULARY_KINDS
from .load import Record, load_content
from .model import Site, build_site
from .problems import ContentError, Problem
from .validate import validate


def read_site(root: Path, content_dir: str = "content") -> tuple[Site, list[Record]]:
    """Read and check all content under root/content_dir; raise ContentError listing every problem."""
    records, problems = _checked(Path(root), content_dir)
    if problems:
        raise ContentError(problems)
    return build_site(records), records


def _checked(root: Path, content_dir: str) -> tuple[list[Record], list[Problem]]:
    """Every record, and every problem: of reading, and of checking what could be read."""
    records, problems = load_content(root, content_dir)
    return records, problems + validate(records, _unreadable(records, problems, content_dir),
                                        _unread_documents(records, problems))


def _unreadable(records: list[Record], problems: list[Problem], content_dir: str) -> set[str]:
    """Vocabularies whose file could not be read."""
    read = {r.kind.collection for r in records}
    return {kind.collection for kind in VOCABULARY_KINDS if kind.collection not in read
            and any(p.path == f"{content_dir}/{kind.vocabulary}.yml" for p in problems)}


def _unread_documents(records: list[Record], problems: list[Problem]) -> list[tuple]:
    """(kind, key) of every lesson, example or meeting whose file could not be read."""
    read = {r.path for r in records}
    return [(kind, name[:-3]) for p in problems if p.path not in read
            for folder, _, name in [p.path.rpartition("/")]
            for kind in DOCUMENT_KINDS if folder.endswith(f"/{kind.folder}") and name.endswith(".md")]


def _in_document(path: str) -> bool:
    folder = path.rpartition("/")[0]
    return path.endswith(".md") and any(folder.endswith(f"/{kind.folder}") for kind in DOCUMENT_KINDS)


def read_partial(root: Path, content_dir: str = "content") -> tuple[Site | None, list[Problem]]:
    """For the live preview: the model of every document without problems, and every problem.

    A document that refers to one left out is left out too. None when a shared file (a vocabulary)
    has a problem: then no page can be trusted.
    """
    records, problems = _checked(Path(root), content_dir)
    keep, bad = records, {p.path for p in problems}
    while bad:
        if not all(_in_document(path) for path in bad):
            return None, problems
        keep = [r for r in keep if r.path not in bad]
        bad = {p.path for p in validate(keep)}
    return build_site(keep), problems


def load_site(root: Path, content_dir: str = "content") -> Site:
    """The model of the content under root/content_dir (see read_site)."""
    return read_site(root, content_dir)[0]
