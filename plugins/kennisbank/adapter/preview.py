"""`mkdocs serve` with broken content: keep serving, and show each problem where it is.

In a build, content problems stop everything before a file is written. In the live preview an
editor is halfway through a change, so the server keeps running. A page whose file has problems
(or that refers to one that has) shows them at its own address; every other page is built as
usual, with a banner that names the problems. When a shared file (a vocabulary) is broken, or
the build fails in a way nobody foresaw, every page shows the problems instead. The site comes
back on the next save that fixes them; pages keep their URLs, so live reload lands on the same
address both ways.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import yaml
from mkdocs.structure.files import File, Files

from ..core import read_partial
from ..core.kinds import DOCUMENT_KINDS, KINDS
from ..core.problems import ContentError, Problem
from ..publish.pages import Publication
from ..publish.paths import src_uri_for
from .files import move_to

TEMPLATE = "kb/problems.html"
TITLE = "Fouten in de inhoud"
STUB = "---\n" + yaml.safe_dump({"title": TITLE, "template": TEMPLATE}, allow_unicode=True) + "---\n"


def fallback_url(src_uri: str) -> str | None:
    """Where a content file is published, from its name alone (its frontmatter may be unreadable).
    None for an overview's own source path (lessen/index.md): 'index' is never a document's name."""
    for kind in DOCUMENT_KINDS:
        folder = f"{kind.folder}/"
        name = src_uri[len(folder):-3]
        if src_uri.startswith(folder) and src_uri.endswith(".md") and "/" not in name and name != "index":
            return f"{kind.url_prefix}/{name}/"
    return None


def report(problems: list[Problem]) -> str:
    count = len(problems)
    lines = ["Kennisbank: de inhoud heeft fouten. De voorvertoning toont ze tot ze zijn verbeterd:"]
    lines += [str(p) for p in problems]
    lines.append(f"{count} {'fout' if count == 1 else 'fouten'} gevonden.")
    return "\n".join(lines)


def unexpected(error: Exception) -> Problem:
    """A failure nobody foresaw, as a problem the preview can show (the terminal gets the details)."""
    return Problem("content", 1, "bouw", f"de voorvertoning kon de site niet bouwen ({type(error).__name__}) — "
                   "maak je laatste wijziging ongedaan en meld dit aan een beheerder, met de melding uit het "
                   "venster van `make serve`")


class ProblemPreview:
    """The live preview while the content has problems.

    `partial` is the publication of every page without problems (None: no page can be trusted).
    """

    @classmethod
    def start(cls, root: Path, content_dir: str, error: Exception, last_good: Publication | None) -> "ProblemPreview":
        """The preview for this failure: the site without the pages that have problems, when it can."""
        if not isinstance(error, ContentError):
            traceback.print_exc()  # for the maintainers; the page says it in Dutch
            return cls([unexpected(error)], None, last_good)
        try:
            site, _ = read_partial(root, content_dir)
            partial = Publication(site) if site is not None else None
        except Exception:  # the partial site is a courtesy: without it every page shows the problems
            traceback.print_exc()
            partial = None
        return cls(error.problems, partial, last_good)

    def __init__(self, problems: list[Problem], partial: Publication | None, last_good: Publication | None) -> None:
        self.problems = problems
        self.partial = partial
        self.last_good = last_good
        self.broken: set[str] = set()  # src_uris of the pages that show their problems
        # Straight to the terminal: a warning through MkDocs' logger would make a strict build abort,
        # and then the preview would keep showing the old page instead of the problems.
        print(report(problems), file=sys.stderr, flush=True)

    def files(self, files: Files, config) -> Files:
        """Every page replaced by the problems page at its usual URL (no partial site).

        Theme assets stay. Pages generated from the model (tags, themes, overviews) come from the
        last good build when there was one, so they keep answering too.
        """
        out = Files([f for f in files if not f.is_documentation_page()])
        taken = set()
        for file in files.documentation_pages():
            out.append(self._stub(config, file.src_uri))
            taken.add(file.src_uri)
        if self.last_good is not None:
            generated = [page.src_uri for page in self.last_good.pages if page.generated]
        else:
            generated = [src_uri_for(f"{kind.url_prefix}/") for kind in KINDS if kind.overview]
        for src_uri in generated:
            if src_uri not in taken:
                out.append(File.generated(config, src_uri, content=STUB))
                taken.add(src_uri)
        return out

    def mark(self, files: Files, config) -> Files:
        """The partial site: each document page left out of it shows its problems at its own URL.

        So does an overview that is only published with at least one item (the meetings), when every
        item was left out: the navigation names it, and a missing page would stop the rebuild."""
        for file in list(files.documentation_pages()):
            if fallback_url(file.src_uri) and self.partial.page_for(file.src_uri) is None:
                files.remove(file)
                files.append(self._stub(config, file.src_uri))
                self.broken.add(file.src_uri)
        for kind in DOCUMENT_KINDS:
            overview = src_uri_for(f"{kind.url_prefix}/")
            left_out = any(src.startswith(f"{kind.folder}/") for src in self.broken)
            if kind.overview and left_out and files.get_file_from_path(overview) is None:
                files.append(self._stub(config, overview))
                self.broken.add(overview)
        return files

    def _stub(self, config, src_uri: str) -> File:
        page = File.generated(config, src_uri, content=STUB)
        url = fallback_url(src_uri)
        if url:
            move_to(page, url)
        return page

    def context(self, context, src_uri: str):
        """The problems for a problems page; for any other page of the partial site, the banner."""
        if self.partial is None or src_uri in self.broken:
            own = [p for p in self.problems if p.path.endswith("/" + src_uri)]
            context["kb_problems"] = own or self.problems
            context["kb_other_problems"] = [p for p in self.problems if p not in own] if own else []
            context["kb_whole_site"] = self.partial is None
        else:
            context["kb_problem_banner"] = [(p, self.url_of(p)) for p in self.problems]
        return context

    def url_of(self, problem: Problem) -> str | None:
        """The page that shows this problem, as a site path ('voorbeelden/x/'), if one does."""
        return next((fallback_url(src) for src in self.broken if problem.path.endswith("/" + src)), None)
