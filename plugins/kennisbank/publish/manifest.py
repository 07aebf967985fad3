"""Published URLs: what the site publishes, the committed manifest of it, and the check that none vanish.

A URL that was shared once (on a slide, an agenda, a handout) must keep working. The manifest
`published-urls.txt` beside mkdocs.yml lists every site path the site has published, one per line,
sorted. The build and `kennisbank check` fail when a path in it is neither a page nor an alias;
`kennisbank urls` adds new paths, and `kennisbank urls --remove PATH` takes one out on purpose.

A project without a manifest (a fresh project, the test fixtures, the benchmarks) is not checked;
`kennisbank urls` creates one. Aliases that take the address of any page are refused either way.

Pure: the plugin and the CLI hand in the model and the files.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

from ..core.kinds import DOCUMENT_KINDS, reserved_paths
from ..core.load import Record
from ..core.model import Site
from ..core.problems import Problem
from .pages import Publication
from .paths import normalise, page_url, site_path

MANIFEST = "published-urls.txt"
HEADER = (
    "# Elk adres dat de Kennisbank heeft gepubliceerd, één per regel, gesorteerd. Elk adres hier moet",
    "# blijven werken, als pagina of als oud adres (aliases) van een pagina. Bijwerken: kennisbank urls",
)
LIST_UP_TO = 30  # new paths named one by one in the command's output

Exclude = Callable[[str], bool]


def _document_folders() -> set[str]:
    return {kind.folder for kind in DOCUMENT_KINDS}


def plain_pages(content_dir: Path, exclude: Exclude | None = None) -> list[str]:
    """src_uris of the Markdown pages that are not lessons, examples or meetings."""
    found = []
    top = str(content_dir)
    for folder, subfolders, files in os.walk(top):
        # Never look inside the document folders (thousands of files) or hidden folders.
        subfolders[:] = [d for d in subfolders
                         if not d.startswith(".") and not (folder == top and d in _document_folders())]
        for name in files:
            if name.endswith(".md") and not name.startswith("."):
                src_uri = Path(folder, name).relative_to(content_dir).as_posix()
                if exclude is None or not exclude(src_uri):
                    found.append(src_uri)
    return sorted(found, key=lambda src_uri: src_uri.split("/"))


@dataclass
class UrlSet:
    """Every site path the site publishes: pages (with what they are) and aliases (with their target)."""

    pages: dict[str, str] = field(default_factory=dict)  # path -> what, e.g. 'content/over.md'
    items: dict[str, Any] = field(default_factory=dict)  # path -> lesson, example or meeting
    aliases: dict[str, str] = field(default_factory=dict)  # old path -> current path

    @property
    def all(self) -> set[str]:
        return set(self.pages) | set(self.aliases)


def url_set(site: Site, plain_src_uris: Iterable[str], content_dir: str = "content") -> UrlSet:
    """The published URLs, computed from the model and the plain pages only."""
    urls = UrlSet()
    for src_uri in plain_src_uris:
        urls.pages[site_path(page_url(src_uri))] = f"{content_dir}/{src_uri}"
    for page in Publication(site).pages:
        path = site_path(page.url)
        if page.generated:
            urls.pages[path] = f"de gegenereerde pagina '{page.item.title}'"
            continue
        urls.pages[path] = page.item.path or path
        urls.items[path] = page.item
        for alias in page.item.aliases:
            urls.aliases[alias] = path
    return urls


def read_manifest(text: str, name: str = MANIFEST) -> tuple[list[tuple[int, str]], list[Problem]]:
    """(line, path) for every path in the manifest text, and problems with lines that are not paths."""
    entries, problems, seen = [], [], set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not line.startswith("/") or not line.endswith("/") or " " in line or "#" in line:
            problems.append(Problem(name, number, "url", f"'{line}' is geen sitepad — schrijf het als "
                                    f"{normalise(line)} (met een schuine streep vooraan en achteraan)"))
            continue
        if line in seen:
            problems.append(Problem(name, number, "url", f"{line} staat twee keer in de lijst; laat er één staan"))
            continue
        seen.add(line)
        entries.append((number, line))
    return entries, problems


def format_manifest(paths: Iterable[str]) -> str:
    return "\n".join([*HEADER, *sorted(set(paths))]) + "\n"


def vanished_message(path: str, urls: UrlSet, known: set[str]) -> str:
    """Why a manifest path fails, and the two ways to fix it; names the likely new file when it can."""
    hint = ""
    section = path.strip("/").split("/")[0]
    # A page that is new since the manifest was written, in the same section, is likely the rename.
    fresh = [p for p in urls.items if p not in known and p.strip("/").split("/")[0] == section]
    match = difflib.get_close_matches(path, fresh, n=1, cutoff=0.0)
    if match:
        hint = f" (waarschijnlijk {urls.pages[match[0]]})"
    return (f"{path} bestaat niet meer — voeg `aliases: [{path}]` toe aan het bestand dat nu die inhoud "
            f"heeft{hint}, of haal de URL bewust weg met `kennisbank urls --remove {path}`")


def check_manifest(text: str, urls: UrlSet, name: str = MANIFEST) -> list[Problem]:
    """Every path in the manifest must still be a page or an alias."""
    entries, problems = read_manifest(text, name)
    known = {path for _, path in entries}
    published = urls.all
    for number, path in entries:
        if path not in published:
            problems.append(Problem(name, number, "url", vanished_message(path, urls, known)))
    return problems


def check_alias_targets(records: Iterable[Record], urls: UrlSet) -> list[Problem]:
    """Aliases may not take the address of a theme, tag, organisation, overview or plain page.

    Clashes with lessons, examples, meetings and the fixed overview URLs are reported by validate.
    """
    problems = []
    for r in records:
        aliases = r.data.get("aliases") if r.kind.folder else None
        for i, alias in enumerate(aliases if isinstance(aliases, list) else []):
            if alias in urls.pages and alias not in urls.items and alias not in reserved_paths():
                problems.append(Problem(r.path, r.line_of("aliases", i), "aliases",
                                        f"oud adres {alias} botst met {urls.pages[alias]} — dat adres "
                                        "is nog een pagina van de site; haal het hier weg"))
    return problems


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its !!python/... tags; we only need a few plain keys."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def project_exclude(root: Path) -> Exclude:
    """The pages MkDocs leaves out, read from exclude_docs and draft_docs in root/mkdocs.yml."""
    import pathspec

    lines = [".*", "/templates/"]  # MkDocs' own defaults
    config = Path(root) / "mkdocs.yml"
    if config.is_file():
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
        for key in ("exclude_docs", "draft_docs"):
            if isinstance(data.get(key), str):
                lines += data[key].splitlines()
    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    return spec.match_file


def config_exclude(config) -> Exclude:
    """The same, from a loaded MkDocs config (the plugin's view)."""
    import pathspec

    specs = [pathspec.GitIgnoreSpec.from_lines([".*", "/templates/"])]
    specs += [s for s in (config.get("exclude_docs"), config.get("draft_docs")) if s is not None]
    return lambda src_uri: any(s.match_file(src_uri) for s in specs)


def check_project(root: Path, content_dir: str, site, records: list[Record],
                  exclude: Exclude | None = None, manifest: str = MANIFEST) -> list[Problem]:
    """Alias clashes, and every manifest path still published (when the project has a manifest)."""
    root = Path(root)
    urls = url_set(site, plain_pages(root / content_dir, exclude or project_exclude(root)), content_dir)
    problems = check_alias_targets(records, urls)
    file = root / manifest
    if file.is_file():
        problems += check_manifest(file.read_text(encoding="utf-8"), urls, manifest)
    return problems


def update(text: str | None, urls: UrlSet, remove: Iterable[str] = (),
           name: str = MANIFEST) -> tuple[str | None, list[str], list[Problem]]:
    """The new manifest text, the paths added, and problems that stop the update.

    Adds every published path; removes a path only when asked and only when it is really gone.
    """
    entries, problems = read_manifest(text or "", name)
    known = {path for _, path in entries}
    lines = {path: number for number, path in entries}
    published = urls.all
    for raw in remove:
        path = normalise(raw)
        if path not in known:
            problems.append(Problem(name, 1, "url", f"{path} staat niet in de lijst; er valt niets weg te halen"))
        elif path in published:
            what = urls.pages.get(path) or f"een oud adres van {urls.pages[urls.aliases[path]]}"
            problems.append(Problem(name, lines[path], "url", f"{path} werkt nog: het is {what} — "
                                    "haal eerst de pagina of het oude adres weg"))
        else:
            known.discard(path)
    for path in sorted(known - published):
        problems.append(Problem(name, lines[path], "url", vanished_message(path, urls, known)))
    if problems:
        return None, [], problems
    added = sorted(published - known)
    return format_manifest(known | published), added, []


__all__ = ["MANIFEST", "UrlSet", "check_alias_targets", "check_manifest", "check_project", "config_exclude",
           "format_manifest", "plain_pages", "project_exclude", "read_manifest", "update", "url_set"]
