"""The pure publishing layer: from the model, the pages to publish, redirects, catalogue and feed data,
search facets and share data, with one set of URL helpers (paths.py). Imports no MkDocs or Jinja."""

from __future__ import annotations

from pathlib import Path

from ..core import read_site
from ..core.model import Site
from ..core.problems import ContentError
from .manifest import Exclude, check_project


def load_project(root: Path, content_dir: str = "content", *, check_urls: bool = True,
                 exclude: Exclude | None = None) -> Site:
    """The checked model of a project: the content, and (with check_urls) no published URL vanished.

    Raises ContentError listing every problem. `exclude` tells which src_uris MkDocs leaves out
    (default: read from root/mkdocs.yml).
    """
    site, records = read_site(Path(root), content_dir)
    if check_urls:
        problems = check_project(Path(root), content_dir, site, records, exclude)
        if problems:
            raise ContentError(problems)
    return site
