"""The pages of the mini fixture, as the publishing layer lists them (golden/mini-pages.txt).

One line per page: URL, template, what it shows, and whether it is generated or read from content/.
KENNISBANK_GOLDEN=1 rewrites the file; a change in the site's pages shows up in its diff.
"""

from __future__ import annotations

import os
from pathlib import Path

from conftest import MINI
from kennisbank.core import load_site
from kennisbank.publish.pages import Publication

GOLDEN = Path(__file__).parent / "golden" / "mini-pages.txt"


def page_lines() -> list[str]:
    publication = Publication(load_site(MINI))
    return [f"/{p.url} {p.template} {p.item.kind}:{getattr(p.item, 'key', p.item.title)} "
            f"{'generated' if p.generated else p.src_uri}" for p in publication.pages]


def test_the_mini_fixture_publishes_the_golden_pages():
    lines = page_lines()
    if os.environ.get("KENNISBANK_GOLDEN"):
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == GOLDEN.read_text(encoding="utf-8").splitlines()


def test_breadcrumbs_follow_the_registry():
    publication = Publication(load_site(MINI))
    assert publication.breadcrumbs("lessons/coalitie.md") == [
        ("Start", ""), ("Lessen", "lessen/"), ("Regionale samenwerking", "themas/samenwerken/")]
    assert publication.breadcrumbs("bronnen/leren-van-elkaar.md") == [("Start", ""), ("Bronnen", "bronnen/")]
    assert publication.breadcrumbs("tags/index.md") == [("Start", "")]
    assert publication.breadcrumbs("zoeken/index.md") == []
    assert publication.breadcrumbs("over.md") == []
