"""WCAG 2.1 A and AA, as far as a machine can tell: axe-core on every page type, light and dark.

axe-core comes from package-lock.json (node_modules/axe-core, installed by `make test`): the
upstream package, pinned with its integrity hash, the same copy the editors' tooling installs.
Results are also written to test-artifacts/axe.txt. What axe cannot judge (clear language, useful
alt texts, screen-reader experience) is listed as a known limitation on /toegankelijkheid/.
"""

from __future__ import annotations

import pytest

from browser import ARTIFACTS, axe


def page_types(model) -> dict[str, str]:
    """One URL for every kind of page the site has, by a Dutch name."""
    pages = {
        "start": "", "thema": model.themes[0].url, "les": model.lessons[0].url,
        "voorbeeld": model.examples[0].url, "tag": model.tags[0].url, "tags": "tags/",
        "organisatie": next(o for o in model.organisations if o.examples).url,
        "organisaties": "organisaties/", "voorbeelden": "voorbeelden/", "lessen": "lessen/",
        "themas": "themas/", "zoeken": "zoeken/", "zoeken-met-resultaten": "zoeken/?q=samenwerking",
        "over": "over/", "toegankelijkheid": "toegankelijkheid/", "404": "404.html",
    }
    if model.meetings:
        pages.update({"bijeenkomst": model.meetings[0].url, "bijeenkomsten": "bijeenkomsten/"})
    return pages


@pytest.fixture(scope="module")
def report():
    lines: list[str] = []
    yield lines
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_violations_on_any_page_type(watched, site_url, real_model, scheme, report):
    watch, page = watched(color_scheme=scheme)
    expected = {"light": "default", "dark": "slate"}[scheme]
    found = []
    for name, url in page_types(real_model).items():
        page.goto(site_url + url)
        page.wait_for_load_state("load")
        if name == "zoeken-met-resultaten":
            page.wait_for_selector(".kb-search__results li")
        elif name == "voorbeelden":
            page.wait_for_selector("[data-kb-filters]:not([hidden])")  # the filters JavaScript adds
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected, url
        # Let Material's colour transitions settle before colours are measured.
        page.evaluate("document.getAnimations().forEach(a => a.finish())")
        violations = axe(page)
        report.append(f"{scheme} /{url}: {len(violations)} overtredingen")
        report.extend(f"  {v}" for v in violations)
        found += [f"/{url} ({scheme}): {v}" for v in violations]
    assert not found, "\n".join(found)
    watch.assert_clean()


def test_open_navigation_drawer_on_a_phone(watched, site_url, real_model):
    """The navigation drawer, open on a phone, is part of the page too."""
    watch, page = watched(viewport={"width": 390, "height": 844})
    page.goto(site_url + real_model.lessons[0].url)
    page.click(".md-header label[for='__drawer']")
    page.wait_for_selector(".md-sidebar--primary", state="visible")
    page.evaluate("document.getAnimations().forEach(a => a.finish())")
    violations = axe(page)
    assert not violations, "\n".join(violations)
    watch.assert_clean()
