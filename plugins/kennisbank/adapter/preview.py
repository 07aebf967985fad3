"""`mkdocs serve` with broken content: keep serving, and show the problems on every page.

In a build, content problems stop everything before a file is written. In the live preview an
editor is halfway through a change, so the server keeps running: each page the editor may have
open is replaced by one that lists the problems (with the same messages as `kennisbank check`),
and the site comes back on the next save that fixes them. Pages keep their URLs, so the
browser's live reload lands on the same address both ways.
"""

from __future__ import annotations

import sys

import yaml
from mkdocs.structure.files import File, Files

from ..core.kinds import DOCUMENT_KINDS, KINDS
from ..core.problems import Problem
from ..publish.pages import Publication
from ..publish.paths import src_uri_for
from .files import move_to

TEMPLATE = "kb/problems.html"
TITLE = "Fouten in de inhoud"


def fallback_url(src_uri: str) -> str | None:
    """Where a content file is published, from its name alone (its frontmatter may be unreadable)."""
    for kind in DOCUMENT_KINDS:
        folder = f"{kind.folder}/"
        if src_uri.startswith(folder) and src_uri.endswith(".md") and "/" not in src_uri[len(folder):]:
            return f"{kind.url_prefix}/{src_uri[len(folder):-3]}/"
    return None


def report(problems: list[Problem]) -> str:
    count = len(problems)
    lines = ["Kennisbank: de inhoud heeft fouten. De voorvertoning toont ze op elke pagina tot ze zijn verbeterd:"]
    lines += [str(p) for p in problems]
    lines.append(f"{count} {'fout' if count == 1 else 'fouten'} gevonden.")
    return "\n".join(lines)


class ProblemPreview:
    """The live preview while the content has problems: the same URLs, each showing the problems."""

    def __init__(self, problems: list[Problem], last_good: Publication | None) -> None:
        self.problems = problems
        self.last_good = last_good
        # Straight to the terminal: a warning through MkDocs' logger would make a strict build abort,
        # and then the preview would keep showing the old page instead of the problems.
        print(report(problems), file=sys.stderr, flush=True)

    def files(self, files: Files, config) -> Files:
        """The same site, with every page replaced by the problems page at its usual URL.

        Theme assets stay. Pages generated from the model (tags, themes, overviews) come from the
        last good build when there was one, so they keep answering too.
        """
        stub = "---\n" + yaml.safe_dump({"title": TITLE, "template": TEMPLATE}, allow_unicode=True) + "---\n"
        out = Files([f for f in files if not f.is_documentation_page()])
        taken = set()
        for file in files.documentation_pages():
            page = File.generated(config, file.src_uri, content=stub)
            url = fallback_url(file.src_uri)
            if url:
                move_to(page, url)
            out.append(page)
            taken.add(file.src_uri)
        if self.last_good is not None:
            generated = [page.src_uri for page in self.last_good.pages if page.generated]
        else:
            generated = [src_uri_for(f"{kind.url_prefix}/") for kind in KINDS if kind.overview]
        for src_uri in generated:
            if src_uri not in taken:
                out.append(File.generated(config, src_uri, content=stub))
                taken.add(src_uri)
        return out

    def context(self, context):
        context["kb_problems"] = self.problems
        return context
