"""The publication's pages as MkDocs files: content files moved to their Dutch URL, the rest generated."""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.structure.files import File, Files

from ..publish.pages import Publication


def move_to(file: File, url: str) -> None:
    """Publish a file at a page URL such as 'lessen/slug/'."""
    file.dest_uri = posixpath.join(url, "index.html")
    file.url = url
    file.abs_dest_path = str(Path(file.dest_dir) / file.dest_uri)


def publish_files(files: Files, config, publication: Publication) -> Files:
    """MkDocs' files with every page of the publication in place.

    A document's file keeps its source path (edit links, live reload) but gets the body load.py
    read, so MkDocs never parses the file a second time; its frontmatter comes back as page.meta
    in on_page_markdown.
    """
    for file in list(files):
        page = publication.page_for(file.src_uri)
        if page is not None and not page.generated:
            document = publication.site.documents[file.src_uri]
            # The newline keeps MkDocs from reading a body that starts with '---' as frontmatter.
            file.content_string = "\n" + document[1]
            move_to(file, page.url)
    for page in publication.pages:
        if page.generated:
            files.append(File.generated(config, page.src_uri, content=page.markdown))
    return files
