"""A link crawler over a built site folder: no server, no network.

Starting from the home page (and any extra start URLs, such as old addresses), it follows every
reference a browser would follow: links, stylesheets, scripts, images, form actions, icons, the
target of a redirect page (meta refresh and script), the search bundle named in `data-pagefind`,
and url(...) inside stylesheets. Each must resolve to a file in the site; a `#fragment` must name
an element id (or an <a name>) in the target page. Links to other hosts are collected, not followed.

    result = crawl(site_dir, site_url="https://kennisbank.example.org/")
    result.broken    -> ["lessen/x/index.html: ../y/ (bestand ontbreekt)", ...]
    result.external  -> {"https://...": {"lessen/x/index.html", ...}}
    result.pages     -> every HTML file reached
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urljoin, urlsplit

BASE = "http://site.invalid/"  # a stand-in origin for resolving relative URLs
# Attributes that make the browser fetch or navigate, per element.
FOLLOW = {
    "a": ("href",), "link": ("href",), "script": ("src",), "img": ("src",), "source": ("src",),
    "iframe": ("src",), "form": ("action",), "area": ("href",), "video": ("src", "poster"),
    "audio": ("src",), "embed": ("src",), "object": ("data",),
}
NOT_FETCHED = ("mailto:", "tel:", "data:")
# A link with one of these schemes in a page is always a defect (and a hole for script).
FORBIDDEN = ("javascript:", "vbscript:")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
REDIRECT_SCRIPT = re.compile(r"location\.replace\(\s*\"([^\"]+)\"")
REFRESH = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*(.+)$", re.I)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []  # (what, url)
        self.ids: set[str] = set()
        self._script = False

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for attr in FOLLOW.get(tag, ()):
            if attr in a and not (tag == "form" and a[attr] == ""):
                self.refs.append((f"<{tag} {attr}>", a[attr]))
        if tag in ("img", "source") and a.get("srcset"):
            for part in a["srcset"].split(","):
                if part.strip():
                    self.refs.append((f"<{tag} srcset>", part.strip().split()[0]))
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            match = REFRESH.match(a.get("content", ""))
            if match:
                self.refs.append(("<meta refresh>", match.group(1).strip().strip("'\"")))
        if "data-pagefind" in a and a["data-pagefind"].endswith(".js"):
            self.refs.append(("data-pagefind", a["data-pagefind"]))
        self._script = tag == "script"

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script:
            for target in REDIRECT_SCRIPT.findall(data):
                self.refs.append(("<script> doorverwijzing", target.encode().decode("unicode_escape")))


@dataclass
class Result:
    pages: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)
    broken: list[str] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def external_report(self) -> str:
        lines = [f"{len(self.external)} externe links (niet gevolgd, alleen gemeld):"]
        for url in sorted(self.external):
            pages = sorted(self.external[url])
            lines.append(f"{url}  ← {pages[0]}" + (f" en {len(pages) - 1} andere" if len(pages) > 1 else ""))
        return "\n".join(lines)


def _file_for(site: Path, path: str) -> str | None:
    """The file a static host serves for a URL path, relative to the site folder, or None."""
    rel = normpath(unquote(path).lstrip("/")) if path.strip("/") else "."
    if rel.startswith(".."):
        return None
    target = site / rel
    if target.is_dir():
        target = target / "index.html"
    elif path.endswith("/"):
        return None
    return target.relative_to(site).as_posix() if target.is_file() else None


def crawl(site: Path, site_url: str = "", start: tuple[str, ...] = ("",)) -> Result:
    site = Path(site)
    own_hosts = {urlsplit(BASE).netloc} | ({urlsplit(site_url).netloc} if site_url else set())
    site_path = urlsplit(site_url).path if site_url else "/"
    result = Result()
    parsed: dict[str, _Page] = {}
    pending: list[tuple[str, str, str]] = []  # (source, url as written, target file + fragment)
    queue = deque(BASE + s.lstrip("/") for s in start)
    seen_urls: set[str] = set()

    def enqueue(source: str, written: str, base: str) -> None:
        lowered = re.sub(r"[\s\x00-\x1f]", "", written).lower()
        if lowered.startswith(FORBIDDEN):
            result.broken.append(f"{source}: {written} (verboden schema)")
            return
        if lowered.startswith(NOT_FETCHED) or not written.strip():
            return
        absolute = urljoin(base, written.strip())
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https"):
            result.external[absolute].add(source)
            return
        if parts.netloc not in own_hosts:
            result.external[absolute].add(source)
            return
        path = parts.path
        if parts.netloc != urlsplit(BASE).netloc:  # an absolute link to our own public address
            if not path.startswith(site_path):
                result.external[absolute].add(source)
                return
            path = "/" + path[len(site_path):]
        file = _file_for(site, path)
        if file is None:
            result.broken.append(f"{source}: {written} (bestand ontbreekt)")
            return
        if parts.fragment:
            pending.append((source, written, f"{file}#{unquote(parts.fragment)}"))
        page_url = BASE + file.removesuffix("index.html")
        if page_url not in seen_urls:
            seen_urls.add(page_url)
            queue.append(page_url if file.endswith(".html") else BASE + file)

    while queue:
        url = queue.popleft()
        file = _file_for(site, urlsplit(url).path)
        if file is None:
            result.broken.append(f"start {url} (bestand ontbreekt)")
            continue
        if file in result.files:
            continue
        result.files.add(file)
        if file.endswith(".html"):
            result.pages.add(file)
            page = parsed[file] = _Page()
            page.feed((site / file).read_text(encoding="utf-8"))
            for what, written in page.refs:
                enqueue(f"{file} {what}", written, url)
        elif file.endswith(".css"):
            for written in CSS_URL.findall((site / file).read_text(encoding="utf-8")):
                enqueue(f"{file} url()", written, url)

    for source, written, target in pending:
        file, _, fragment = target.partition("#")
        if not file.endswith(".html"):
            continue
        if file not in parsed:
            parsed[file] = _Page()
            parsed[file].feed((site / file).read_text(encoding="utf-8"))
        if fragment not in parsed[file].ids:
            result.broken.append(f"{source}: {written} (anker #{fragment} ontbreekt)")
    return result
