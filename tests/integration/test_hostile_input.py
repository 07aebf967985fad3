"""Hostile input: script in frontmatter is shown as text and never runs; slugs and aliases cannot
write outside site/; Markdown bodies may not carry script (policy in safety.py and CONTRIBUTING.md).
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import check, mkdocs_build
from hostile import IMG, LONG, PAYLOAD_MARK, SCRIPT, SVG
from kennisbank.core import safety
from kennisbank.core.fields import ALIAS_RE, SLUG_RE

# What would be live markup if a payload were printed unescaped.
LIVE = ("<script>window.__pwned", "<img src=x", "<svg onload", "<div onclick")


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --- frontmatter payloads in the built files ---------------------------------------------------

def test_no_payload_is_printed_as_markup(hostile_site):
    site, _ = hostile_site
    live = [f"{p.relative_to(site)}: {marker}" for p in html_files(site)
            for marker in LIVE if marker in p.read_text(encoding="utf-8")]
    assert not live, live
    # ... and none of them became a link with a script scheme.
    hrefs = [f"{p.relative_to(site)}: {h}" for p in html_files(site)
             for h in re.findall(r'(?:href|src|action)="([^"]*)"', p.read_text(encoding="utf-8"))
             if safety.has_script_scheme(h.replace("&#58;", ":"))]
    assert not hrefs, hrefs


def test_no_template_code_runs(hostile_site):
    """'{{ 7*7 }}' in a field stays those characters: frontmatter is never a template."""
    site, _ = hostile_site
    page = (site / "lessen" / "coalitie" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in page and ">49<" not in page


def test_catalog_and_feed_stay_well_formed_and_exact(hostile_site):
    site, _ = hostile_site
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    example = next(e for e in catalog["examples"] if e["slug"] == "stroomlijn")
    assert example["summary"] == f"Voorbeeld {LONG}"
    assert {t["label"] for t in catalog["tags"]} <= {SCRIPT, IMG, SVG}
    feed = ET.parse(site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [t.text for t in feed.findall("a:entry/a:title", ns)]
    assert any(t.startswith("stroomlijn <script>") for t in titles), titles
    labels = {c.get("label") for c in feed.findall("a:entry/a:category", ns)}
    assert labels <= {SCRIPT, IMG, SVG} and labels
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    assert len(sitemap) > 5


def test_payloads_never_run_in_the_browser(hostile_site, chromium):
    """Every page of the hostile site in Chromium: nothing sets window.__pwned, no element carries an
    event attribute, no request for the payload's image; the payload text itself is visible."""
    from browser import DESKTOP, Watch, serve

    site, _ = hostile_site
    with serve(site) as base:
        context = chromium.new_context(viewport=DESKTOP)
        watch = Watch(context, base)
        page = watch.page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        # Redirect pages (old addresses) move on at once; their escaping is checked in the files above.
        pages = [p.relative_to(site).as_posix() for p in html_files(site)
                 if 'content="noindex"' not in p.read_text(encoding="utf-8")]
        assert len(pages) > 15
        for rel in pages:
            page.goto(base + rel.removesuffix("index.html"))
            page.wait_for_load_state("load")
            state = page.evaluate("""() => ({
                pwned: window.__pwned,
                handlers: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
                    .filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name)),
                text: document.body ? document.body.innerText : ''})""")
            assert state["pwned"] is None, rel
            assert not state["handlers"], (rel, state["handlers"])
        # The search page lists the payload titles as text.
        page.goto(base + "zoeken/?q=coalitie")
        page.wait_for_selector(".kb-search__results li")
        titles = page.locator(".kb-search__results li a").all_text_contents()
        assert any("<script>window.__pwned=1</script>" in t for t in titles), titles
        assert page.evaluate("window.__pwned") is None
        # A lesson shows its title exactly as written.
        page.goto(base + "lessen/coalitie/")
        assert page.locator("h1").inner_text().startswith("coalitie <script>window.__pwned=1</script>")
        assert page.title().startswith("coalitie <script>")
        context.close()
    assert not dialogs
    # Redirect pages send the browser on, so the payload never got a chance either; and no request
    # for the payload's image 'x' or for any other host was made.
    assert not [f for f in watch.failed if f.endswith("/x")], watch.failed
    watch.assert_clean()  # no console error either: the search vocabulary JSON still parses


def test_theme_intro_markdown_shows_html_as_text(hostile_site):
    site, _ = hostile_site
    page = (site / "themas" / "leren" / "index.html").read_text(encoding="utf-8")
    body = page.split('class="kb-body"', 1)[1].split("</div>", 1)[0]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in body
    assert "&lt;div onclick=" in body
    assert '<a href="https://example.org/">klik hier</a>' in body


def test_safe_markdown_unit():
    """Frontmatter Markdown as the build publishes it: raw HTML as text, then the allowlist."""
    import markdown

    from kennisbank.core import sanitise

    md = markdown.Markdown(extensions=["attr_list", safety.SafeMarkdown(), sanitise.IdAndClassOnly()])
    html = sanitise.clean(md.convert('[a](java&#x09;script:x) [b](https://example.org/){: onmouseover="x" } '
                                     '**vet** <b>c</b>'))
    assert html == ('<p><a>a</a> <a href="https://example.org/">b</a> <strong>vet</strong> '
                    '&lt;b&gt;c&lt;/b&gt;</p>')


# --- slugs, aliases and file names cannot leave site/ ------------------------------------------

TRAVERSAL = ["..", "../x", "../../etc/passwd", "/etc", "a/b", "a\\b", "x/../..", "%2e%2e", "..%2f",
             "a/./b", ".", "", " ", "a..b", "C:", "c:\\x", "x\x00y", "Ä", "a_b", "a--b", "-a", "a-"]


@pytest.mark.parametrize("value", TRAVERSAL)
def test_slug_pattern_refuses_anything_path_like(value):
    assert not SLUG_RE.fullmatch(value)


@pytest.mark.parametrize("value", ["/../", "/voorbeelden/../../etc/", "/a/../b/", "//evil.example/",
                                   "/a//b/", "/a/./", "/a", "a/", "/a/b", "/%2e%2e/", "/a\\b/", "/A/",
                                   "/a/\n/", "/a/\x00/", "http://x/", "/a/b/\n"])
def test_alias_pattern_refuses_anything_that_leaves_its_folder(value):
    assert not ALIAS_RE.fullmatch(value)


@given(st.from_regex(SLUG_RE, fullmatch=True))
@settings(max_examples=200, deadline=None)
def test_every_valid_slug_stays_inside_the_site(slug):
    """A page is written to <site>/<folder>/<slug>/index.html: no valid slug moves that path."""
    import posixpath

    for folder in ("lessen", "voorbeelden", "bijeenkomsten", "tags", "themas", "organisaties"):
        target = f"/site/{folder}/{slug}/index.html"
        assert posixpath.normpath(target) == target


@given(st.from_regex(ALIAS_RE, fullmatch=True))
@settings(max_examples=60, deadline=None)
def test_every_valid_alias_stays_inside_the_site(alias):
    from kennisbank.publish.paths import dest_of as alias_dest

    dest = alias_dest(alias)
    assert not dest.startswith("/") and ".." not in dest.split("/") and dest.endswith("/index.html")


@pytest.mark.parametrize("where, edit, field", [
    ("slug", lambda t: t.replace("year_start: 2017", "year_start: 2017\nslug: ../../../buiten"), "slug"),
    ("alias", lambda t: t.replace("year_start: 2017", "year_start: 2017\naliases: [/../../buiten/]"), "aliases"),
    ("alias", lambda t: t.replace("year_start: 2017", "year_start: 2017\naliases: ['/voorbeelden/..%2f..%2fbuiten/']"), "aliases"),
])
def test_traversal_in_frontmatter_is_refused_before_anything_is_written(mini, tmp_path, where, edit, field):
    path = mini / "content/examples/stroomlijn.md"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    code, lines = check(mini)
    assert code == 1 and any(f": {field}: " in line for line in lines), lines
    site = tmp_path / "out" / "site"
    assert mkdocs_build(mini, site).returncode == 1
    assert not (tmp_path / "out").exists() and not list(tmp_path.rglob("buiten*"))


@pytest.mark.parametrize("field, value", [("slug", '"stroomlijn-2\\n"'), ("aliases", '["/voorbeelden/oud/\\n"]')])
def test_a_trailing_newline_does_not_slip_through(mini, field, value):
    """'$' in a pattern also matches before a final newline; validation must match the whole value."""
    path = mini / "content/examples/stroomlijn.md"
    path.write_text(path.read_text(encoding="utf-8").replace("year_start: 2017", f"year_start: 2017\n{field}: {value}"),
                    encoding="utf-8")
    code, lines = check(mini)
    assert code == 1 and any(f": {field}: ongeldig" in line for line in lines), lines


@pytest.mark.parametrize("name", ["..md", "...md", "Hoofdletters.md", "met spatie.md", "a_b.md", "é.md"])
def test_file_names_that_are_not_slugs_are_refused(mini, name):
    shutil.copy(mini / "content/examples/stroomlijn.md", mini / "content/examples" / name)
    code, lines = check(mini)
    assert code == 1
    assert any(line.startswith(f"content/examples/{name}:1: slug: ongeldige slug") for line in lines), lines


# --- raw HTML in Markdown bodies ---------------------------------------------------------------

@pytest.mark.parametrize("body, what", [
    ("<script>alert(1)</script>", "het element <script>"),
    ("Tekst <img src=x onerror=alert(1)> meer", "het attribuut onerror="),
    ("<iframe src='https://example.org'></iframe>", "het element <iframe>"),
    ("[klik](javascript:alert(1))", "een javascript:-adres in href="),
    ("[klik](JaVa&#x09;ScRiPt:alert(1))", "een javascript:-adres in href="),
    ("[klik](https://example.org){: onclick=\"alert(1)\" }", "het attribuut onclick="),
    ("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "een data:-adres in href="),
    ("<svg onload=alert(1)></svg>", "het attribuut onload="),
    ("<style>body{display:none}</style>", "het element <style>"),
])
def test_script_in_a_body_is_refused_with_its_line(mini, body, what):
    path = mini / "content/lessons/coalitie.md"
    text = path.read_text(encoding="utf-8")
    before = text + "\nGewone tekst.\n\n"
    path.write_text(before + body + "\n", encoding="utf-8")
    line = before.count("\n") + 1
    code, lines = check(mini)
    assert code == 1
    assert any(l.startswith(f"content/lessons/coalitie.md:{line}: tekst: bevat {what}") for l in lines), lines


@pytest.mark.parametrize("body", [
    "Een regel<br>met een breuk en <abbr title=\"Gemeenschappelijke regeling\">GR</abbr>.",
    "Code uitleggen mag: `<script>alert(1)</script>` en\n\n    <img src=x onerror=alert(1)>\n",
    "Een [gewone link](https://example.org/) en een [interne](../verschillen/).",
    "Over data: cijfers en javascript als woord.",
])
def test_harmless_html_and_code_in_a_body_are_allowed(mini, body):
    path = mini / "content/lessons/coalitie.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + body + "\n", encoding="utf-8")
    code, lines = check(mini)
    assert code == 0, lines


# --- invisible control characters (they make feed.xml ill-formed) -----------------------------

@pytest.mark.parametrize("char", ["\\x00", "\\x01", "\\x0b", "\\x0c", "\\x1f", "\\x7f", "\\x85", "\\ufffe"])
def test_control_characters_in_text_are_refused(mini, char):
    path = mini / "content/examples/stroomlijn.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary: Doelgroepenvervoer in de Drechtsteden.",
                                 f'summary: "Doelgroepen{char}vervoer"'), encoding="utf-8")
    code, lines = check(mini)
    assert code == 1 and any(": summary: bevat een onzichtbaar stuurteken" in line for line in lines), lines


@given(st.text(st.characters(blacklist_categories=["Cs"])))
@settings(max_examples=300, deadline=None)
def test_text_that_passes_the_check_is_valid_in_xml(value):
    from markupsafe import escape

    from kennisbank.core.validate import CONTROL_RE

    if not CONTROL_RE.search(value):
        ET.fromstring(f"<t a=\"{escape(value)}\">{escape(value)}</t>")
