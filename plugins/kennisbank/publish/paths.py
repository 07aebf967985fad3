"""The one set of URL helpers. A page URL is what MkDocs calls `page.url`: 'lessen/x/', '' for home;
a site path is how readers and the manifest write it: '/lessen/x/'."""

from __future__ import annotations

import posixpath


def site_path(url: str) -> str:
    """A page URL as a site path: 'lessen/x/' -> '/lessen/x/', '' -> '/'."""
    url = url.strip("/")
    return f"/{url}/" if url else "/"


def normalise(path: str) -> str:
    """What an editor typed as a site path: 'voorbeelden/oud' or a full address -> '/voorbeelden/oud/'."""
    path = path.strip()
    for scheme in ("https://", "http://"):
        if path.startswith(scheme):  # a full URL: keep only its path
            path = "/" + path[len(scheme):].partition("/")[2]
    return site_path(path.split("#")[0].split("?")[0])


def page_url(src_uri: str) -> str:
    """The page URL of a plain Markdown page: 'index.md' -> '', 'over.md' -> 'over/'."""
    stem = src_uri.rsplit(".", 1)[0] if "." in src_uri.rsplit("/", 1)[-1] else src_uri
    parent, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        return f"{parent}/" if parent else ""
    return f"{stem}/"


def src_uri_for(url: str) -> str:
    """The virtual source path of a generated page with this URL: 'tags/x/' -> 'tags/x.md'."""
    url = url.strip("/")
    return f"{url}.md" if "/" in url else f"{url}/index.md"


def dest_of(url: str) -> str:
    """The file in the site folder for a page URL or site path: '/voorbeelden/oud/' -> 'voorbeelden/oud/index.html'."""
    path = url.strip("/")
    return f"{path}/index.html" if path else "index.html"


def path_of_dest(dest: str) -> str:
    """The site path of a file in the site folder: 'a/b/index.html' -> '/a/b/'."""
    return "/" + (dest[: -len("index.html")] if dest.endswith("index.html") else dest)


def prefix_to_root(url: str) -> str:
    """Relative path from a page to the site root: 'voorbeelden/x/' -> '../../', '' -> ''."""
    return "../" * url.count("/")


def relative_url(start: str, target: str) -> str:
    """The link from the page at site path `start` to the page URL `target` (both directory URLs)."""
    rel = posixpath.relpath(target.strip("/") or ".", start.strip("/") or ".")
    return "./" if rel == "." else rel + "/"


def public_url(site_url: str | None, url: str) -> str:
    """The full address of page URL `url`; the site path when there is no site_url."""
    path = url.lstrip("/")
    if not site_url:
        return "/" + path
    return site_url.rstrip("/") + "/" + path


def display_url(url: str) -> str:
    """The address as people read it on a slide or paper: without 'https://'."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return url[len(scheme):]
    return url
