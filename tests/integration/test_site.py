"""The real site: every lesson, example, tag, theme and organisation has its page, and links hold."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if attrs.get("id"):
            self.ids.add(attrs["id"])


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page(site: Path, url: str) -> Path:
    return site / url / "index.html"


def links_to(site: Path, source_url: str, target_url: str) -> bool:
    """Does the page at source_url link to target_url (relative links resolved)?"""
    from posixpath import normpath, join

    for href in parse(page(site, source_url)).hrefs:
        if href.startswith(("http:", "https:", "mailto:", "#")):
            continue
        path = href.split("#")[0]
        resolved = normpath(join(source_url, path)).strip("./") + "/"
        if resolved == target_url:
            return True
    return False


def test_every_item_has_its_page(real_site, real_model):
    items = [*real_model.lessons, *real_model.examples, *real_model.themes, *real_model.tags,
             *real_model.organisations, *real_model.meetings]
    missing = [item.url for item in items if not page(real_site, item.url).is_file()]
    assert not missing
    for overview in ["lessen/", "voorbeelden/", "tags/", "themas/", "organisaties/", "over/", "methode/"]:
        assert page(real_site, overview).is_file(), overview


def test_every_lesson_links_to_its_examples_and_back(real_site, real_model):
    broken = []
    for lesson in real_model.lessons:
        for example in lesson.examples:
            if not links_to(real_site, lesson.url, example.url):
                broken.append(f"{lesson.url} -> {example.url}")
            if not links_to(real_site, example.url, lesson.url):
                broken.append(f"{example.url} -> {lesson.url}")
    assert not broken


def test_every_lesson_is_illustrated_or_says_why(real_model):
    silent = [l.slug for l in real_model.lessons if not l.examples and not l.no_example_reason]
    assert not silent
    assert all(e.lessons for e in real_model.examples)


def test_tag_and_organisation_pages_list_their_items(real_site, real_model):
    for tag in real_model.tags:
        for item in [*tag.lessons, *tag.examples]:
            assert links_to(real_site, tag.url, item.url), (tag.url, item.url)
    for org in real_model.organisations:
        for example in org.examples:
            assert links_to(real_site, org.url, example.url), (org.url, example.url)
            assert links_to(real_site, example.url, org.url), (example.url, org.url)


def test_theme_pages_list_lessons_in_order_with_anchors(real_site, real_model):
    for theme in real_model.themes:
        html = page(real_site, theme.url).read_text(encoding="utf-8")
        positions = [html.index(f'id="les-{l.slug}"') for l in theme.lessons]
        assert positions == sorted(positions), theme.key
        for example in theme.examples:
            assert links_to(real_site, theme.url, example.url)


def test_lessons_and_examples_show_related_with_reasons(real_site, real_model):
    for item in [*real_model.lessons, *real_model.examples]:
        html = page(real_site, item.url).read_text(encoding="utf-8")
        assert 3 <= len(item.related) <= 5, item.url
        assert 'id="kb-related-title"' in html
        for rel in item.related:
            assert rel.reasons and re.match(r"^\d+ gedeelde? ", rel.reasons[0])
            assert links_to(real_site, item.url, rel.item.url)


# Every link, anchor and asset: tests/test_links.py (a crawler over the built site).


def test_examples_overview_is_complete_without_javascript(real_site, real_model):
    html = page(real_site, "voorbeelden/").read_text(encoding="utf-8")
    rows = re.findall(r"<tr data-title=", html)
    assert len(rows) == len(real_model.examples)
    assert "data-kb-filters hidden" in html  # the filter form only appears with JavaScript


def test_breadcrumbs_on_lesson(real_site, real_model):
    lesson = real_model.lessons[0]
    html = page(real_site, lesson.url).read_text(encoding="utf-8")
    crumbs = html.split('aria-label="Kruimelpad"')[1].split("</nav>")[0]
    assert "Start" in crumbs and "Lessen" in crumbs and lesson.theme.title in crumbs
