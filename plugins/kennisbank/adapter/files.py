"""The site's files for MkDocs: content files moved to their Dutch URL, generated pages, and the
browser library the site serves from its own origin."""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.structure.files import File, Files

from ..publish.pages import Publication

# The live share panel (share.js) draws QR codes for filtered addresses with qrcode-generator, a plain
# browser script from npm (package-lock.json pins it), copied into the site so it loads from 'self'.
QR_LIBRARY = "assets/kennisbank/vendor/qrcode-generator.js"
QR_LIBRARY_SOURCE = "node_modules/qrcode-generator/dist/qrcode.js"


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


def add_qr_library(files: Files, config, root: Path | str) -> str | None:
    """Add the QR library to the site; its site path, or None when `npm ci` has not installed it."""
    source = Path(root) / QR_LIBRARY_SOURCE
    if not source.is_file():
        return None
    files.append(File.generated(config, QR_LIBRARY, abs_src_path=str(source)))
    return QR_LIBRARY
