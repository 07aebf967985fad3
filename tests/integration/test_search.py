"""Search without a browser: facets per page, the vocabulary, and what a build writes for Pagefind."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from kennisbank.core.model import MAX_YEARS, Example, Lesson, Organisation, Source, Tag, Theme
from kennisbank.publish import search


def example(**kw):
    theme = Theme(key="leren", title="Leren")
    base = dict(key="x", year_start=2017, year_end=None, status="", date=dt.date(2026, 3, 1),
                lessons=[Lesson(key="l", theme=theme)], tags=[Tag(key="intervisie")],
                organisations=[Organisation(key="oss", name="Gemeente Oss")], source=Source(key="lve"))
    base.update(kw)
    return Example(**base)


@pytest.mark.parametrize("start, end, status, expected", [
    (2017, None, "", [2017]),
    (2017, 2019, "", [2017, 2018, 2019]),
    (2024, None, "lopend", [2024, 2025, 2026]),      # running: up to the year it was entered
    (None, 2015, "", [2015]),
    (None, None, "", []),
    (1990, None, "lopend", list(range(1990, 1990 + MAX_YEARS))),
])
def test_years_of_an_example(start, end, status, expected):
    assert example(year_start=start, year_end=end, status=status).years == expected


def test_facets_are_url_keys_per_kind():
    assert search.facets(example(year_end=2018)) == {
        "soort": ["voorbeeld"], "thema": ["leren"], "tag": ["intervisie"], "organisatie": ["oss"], "bron": ["lve"],
        "jaar": ["2017", "2018"]}
    lesson = Lesson(key="l", theme=Theme(key="leren"), tags=[Tag(key="feedback")], source=Source(key="lve"))
    assert search.facets(lesson) == {"soort": ["les"], "thema": ["leren"], "tag": ["feedback"], "bron": ["lve"]}
    assert search.facets(Source(key="lve")) == {"soort": ["bron"], "bron": ["lve"]}
    assert search.facets(SimpleNamespace(kind="tag", key="intervisie")) == {"soort": ["tag"], "tag": ["intervisie"]}
    assert search.facets(SimpleNamespace(kind="theme", key="leren")) == {"soort": ["thema"], "thema": ["leren"]}
    assert search.facets(None) == {"soort": ["pagina"]}
    # Anything the search does not know (an overview, say) counts as a plain page.
    assert search.facets(SimpleNamespace(kind="tags_index")) == {"soort": ["pagina"]}


def test_result_line_and_the_searchable_fields_of_a_page():
    item = example(organisations=[Organisation(key=n, name=n) for n in "ABCD"], year_end=2019,
                   provinces=["Limburg"], tags=[Tag(key="x", label="Regionale samenwerking")])
    assert search.details(item) == "A, B, C e.a. · 2017–2019"
    # The field list is metadata: searchable, never the excerpt; every organisation counts.
    assert search.meta(item) == {"info": "A, B, C e.a. · 2017–2019", "organisaties": "A, B, C, D",
                                 "provincie": "Limburg", "tags": "Regionale samenwerking"}
    assert search.details(Organisation(key="v", name="Venlo", kind_of="gemeente", province="Limburg")) \
        == "gemeente · Limburg"
    assert search.details(SimpleNamespace(kind="lesson")) == ""
    assert search.page_data(None) == {"facets": {"soort": ["pagina"]}, "meta": {}, "weights": {"lead": 3.0, "text": 1.0}}


def test_lessons_and_cases_weigh_more_than_the_pages_that_list_them():
    lesson = search.weights(Lesson(key="l", theme=Theme(key="t")))
    for other in (SimpleNamespace(kind="tag"), Organisation(key="o"), Source(key="s"), Theme(key="t")):
        weights = search.weights(other)
        assert weights["text"] < lesson["text"] and weights["lead"] < lesson["lead"], other
    assert search.weights(example()) == lesson
    assert lesson["lead"] > lesson["text"]  # a summary says what the page is about


def test_words_on_nearly_every_page_are_found_on_a_large_site_only():
    def site(n):
        texts = {f"examples/e{i}.md": ({}, f"De gemeente{'n' if i % 2 else ''} en het dorp {i}. "
                                           + ("Vitale dorpen." if i < 10 else "")) for i in range(n)}
        return SimpleNamespace(documents=texts)
    # Other forms count (gemeenten); function words are left out by their own list; rare words stay.
    assert search.common_words(site(150)) == ["dorp", "gemeente"]
    assert search.common_words(site(99)) == []  # a small site never leaves a word out


def test_vocabulary_json_is_safe_in_a_script_element():
    site = SimpleNamespace(
        themes=[SimpleNamespace(kind="theme", key="t", title="</script><b>", summary="", intro="")],
        organisations=[], lessons=[], examples=[], meetings=[], documents={}, sources=[],
        tags=[SimpleNamespace(kind="tag", key="x", label="X & Y", title="X & Y", description="", synonyms=["Ander woord"])])
    text = search.vocabulary_json(site, ["gemeente"])
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(text)
    assert data["labels"]["thema"]["t"] == "</script><b>"
    assert data["synonyms"] == {"x & y": "x", "ander woord": "x"}
    assert data["facets"] == ["soort", "thema", "tag", "organisatie", "bron", "jaar"]
    assert "de" in data["stopWords"] and data["labels"]["soort"]["bron"] == "Bron"
    assert data["commonWords"] == ["gemeente"]


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_build_writes_a_pagefind_index_instead_of_materials(mini_site):
    assert (mini_site / "pagefind" / "pagefind.js").is_file()
    assert (mini_site / "pagefind" / "pagefind-entry.json").is_file()
    assert list((mini_site / "pagefind" / "fragment").iterdir())
    assert not (mini_site / "search").exists()  # Material's one-file index is gone
    assert not (mini_site / "pagefind" / "pagefind-ui.js").exists()  # we use our own interface


def test_content_pages_mark_what_is_indexed(mini_site):
    page = html(mini_site, "voorbeelden/stroomlijn")
    # The summary and the text, weighted; the title is metadata; the field list is not indexed.
    assert re.search(r'<p class="kb-lead" data-pagefind-body data-pagefind-weight="3.0">', page)
    assert '<div class="kb-body" data-pagefind-body data-pagefind-weight="1.0">' in page
    assert "<h1>Stroomlijn</h1>" in page
    facts = re.search(r'<dl class="kb-facts">.*?</dl>', page, re.S).group(0)
    assert "data-pagefind" not in facts
    assert 'data-pagefind-filter="soort:voorbeeld"' in page
    assert 'data-pagefind-filter="tag:vervoer"' in page
    assert 'data-pagefind-filter="organisatie:drechtsteden"' in page
    assert re.search(r'data-pagefind-meta="info\[data-value\]" data-value="[^"]*Drechtsteden', page)
    assert re.search(r'data-pagefind-meta="organisaties\[data-value\]" data-value="[^"]*Drechtsteden', page)
    # A tag page weighs less than a case.
    assert 'class="kb-lead" data-pagefind-body data-pagefind-weight="1.5"' in html(mini_site, "tags/intervisie")
    # Overviews are for browsing, not search results.
    for url in ["voorbeelden", "tags", "lessen"]:
        assert "data-pagefind-body" not in html(mini_site, url), url


def test_search_page_and_links_to_it(mini_site):
    page = html(mini_site, "zoeken")
    assert "data-kb-search" in page and 'aria-live="polite"' in page
    vocabulary = json.loads(re.search(r"data-kb-search-vocabulary>(.*?)</script>", page).group(1))
    assert vocabulary["labels"]["tag"]["intervisie"] == "Intervisie"
    assert 'href="../../zoeken/?tag=intervisie"' in html(mini_site, "tags/intervisie")
    assert 'href="../../zoeken/?thema=leren"' in html(mini_site, "themas/leren")
    # The header field on every other page leads to the search page.
    assert re.search(r'<form class="kb-header-search" action="\.\./\.\./zoeken/"', html(mini_site, "lessen/coalitie"))
    assert 'class="kb-header-search"' not in page
