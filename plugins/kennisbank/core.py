"""The pure pipeline: load -> validate -> model. Knows nothing of MkDocs."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from . import urls
from .load import load_content
from .model import Site, build_site
from .problems import ContentError
from .validate import validate


def load_site(root: Path, content_dir: str = "content", *, check_urls: bool = True,
              exclude: Callable[[str], bool] | None = None) -> Site:
    """Read and check all content under root/content_dir; raise ContentError listing every problem.

    With check_urls, also fail when a URL in published-urls.txt would vanish (see urls.py);
    `exclude` tells which src_uris MkDocs leaves out (default: read from root/mkdocs.yml).
    """
    records, problems = load_content(Path(root), content_dir)
    problems += validate(records)
    if problems:
        raise ContentError(problems)
    site = build_site(records)
    if check_urls:
        problems = urls.check_project(Path(root), content_dir, site, records, exclude)
        if problems:
            raise ContentError(problems)
    return site
