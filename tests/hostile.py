"""A copy of the small project with script in every frontmatter field an editor can fill in.

Every text field of every kind gets a payload that would run (set window.__pwned) if any page,
export or search result printed it as HTML. Fields with a short maximum get a short payload.
The project also has old addresses (aliases) and a meeting, so redirect pages and the handout
are covered too.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

MINI = Path(__file__).parent / "fixtures" / "mini"

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '"><img src=x onerror=window.__pwned=1>'
SVG = "'></title><svg onload=window.__pwned=1>"
JS_URL = "javascript:window.__pwned=1"
TEMPLATE = "{{ 7*7 }}"
# For fields that allow 120 characters or more.
LONG = f"{SCRIPT}{IMG}{SVG} {TEMPLATE}"
# Each of these fits in 60 characters (a tag label).
SHORT = [SCRIPT, IMG, SVG]
# Theme intros are Markdown, where raw HTML is shown as text (script links and attribute lists
# with more than an id or a class are refused by the check: test_untrusted_content.py).
INTRO = (f"Inleiding {SCRIPT}\n\n<div onclick=\"window.__pwned=1\">blok</div>\n\n"
         f"[klik hier](https://example.org/) {IMG}")
PAYLOAD_MARK = "__pwned"


def _frontmatter(path: Path, update: dict) -> None:
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    data = yaml.safe_load(head)
    data.update(update)
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")


def _vocabulary(path: Path, update) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    update(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def make_project(target: Path) -> Path:
    """Copy the small project to target/ and fill every field with payloads; returns target."""
    shutil.copytree(MINI, target)
    content = target / "content"

    def themes(data):
        for theme in data.values():
            theme.update(title=f"Thema {LONG}"[:120], summary=f"Samenvatting {LONG}", intro=INTRO)

    def tags(data):
        for i, tag in enumerate(data.values()):
            tag.update(label=SHORT[i % len(SHORT)], description=f"Tag {LONG}", synonyms=[SHORT[(i + 1) % 3]])

    def organisations(data):
        for org in data.values():
            org.update(name=f"Org {LONG}"[:120], description=f"Org {LONG}",
                       profile={"form": LONG, "governance": LONG, "inhabitants": SCRIPT, "history": LONG,
                                "phase": LONG})

    def sources(data):
        for source in data.values():
            source.update(title=f"Bron {LONG}"[:120], publisher=f"Uitgever {LONG}", authors=LONG,
                          description=LONG, url=JS_URL)

    _vocabulary(content / "themes.yml", themes)
    _vocabulary(content / "tags.yml", tags)
    _vocabulary(content / "organisations.yml", organisations)
    _vocabulary(content / "sources.yml", sources)
    for path in sorted((content / "lessons").glob("*.md")):
        _frontmatter(path, {"title": f"{path.stem} {LONG}"[:120], "summary": f"Les {LONG} {JS_URL}",
                            "chapter": f"Hoofdstuk {LONG}", "aliases": [f"/oud/{path.stem}/"]})
    for path in sorted((content / "examples").glob("*.md")):
        _frontmatter(path, {"title": f"{path.stem} {LONG}"[:120], "summary": f"Voorbeeld {LONG}",
                            "chapter": f"Hoofdstuk {LONG}", "contact": f"{LONG} {JS_URL}",
                            "aliases": [f"/voorbeelden/oud-{path.stem}/"]})
    meetings = content / "bijeenkomsten"
    meetings.mkdir()
    meeting = {"title": f"Bijeenkomst {LONG}"[:120], "date": dt.date(2026, 11, 20), "place": f"Zaal {LONG}"[:120],
               "summary": f"Programma {LONG}", "items": ["lessen/coalitie", "voorbeelden/stroomlijn"],
               "aliases": ["/bijeenkomsten/oude-bijeenkomst/"]}
    (meetings / "regio.md").write_text("---\n" + yaml.safe_dump(meeting, allow_unicode=True, sort_keys=False)
                                       + "---\nWelkom.\n", encoding="utf-8")
    config = target / "mkdocs.yml"
    # Like the real site: no web fonts from a third party (the small project keeps Material's default).
    config.write_text(config.read_text(encoding="utf-8").replace("  language: nl\n", "  language: nl\n  font: false\n")
                      .replace(
        "  - Tags: tags/index.md\n", "  - Tags: tags/index.md\n  - Bijeenkomsten: bijeenkomsten/index.md\n"),
        encoding="utf-8")
    return target


# Markdown bodies that try to run script in ways a Markdown renderer or a sanitiser might miss.
# `kennisbank check` refuses some; the rest it accepts, and those must be harmless in a browser
# (tests/browser/test_hostile_bodies.py). The fuzz test mixes them into generated bodies.
HOSTILE_BODIES = [
    "`<script>window.__pwned=1</script>` in code",
    "    <script>window.__pwned=1</script>\n",
    "&lt;script&gt;window.__pwned=1&lt;/script&gt; as text",
    "&#60;script&#62;window.__pwned=1&#60;/script&#62;",
    "Tekst <img src=x onerror=window.__pwned=1> meer",
    "## &lt;img src=x onerror=window.__pwned=1&gt; in a heading",
    "## Kop met <em>nadruk</em> en `<b onclick=x>`",
    '[titel](/x "\\" onmouseover=\\"window.__pwned=1")',
    "<javascript:window.__pwned=1>",
    "[a](<javascript:window.__pwned=1>)",
    '!!! note "<img src=x onerror=window.__pwned=1>"\n    tekst',
    "| <b>a</b> | `|` |\n|---|---|\n| x | y |",
    "{{ 7*7 }} {% raw %} {# x #}",
    "<details><summary>Meer</summary>Uitleg</details>",
    '<a href="/x" title="&quot;&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;">a</a>',
    "<p title='</p><script>window.__pwned=1</script>'>x</p>",
    '<img src="a.png" alt="&quot;><script>window.__pwned=1</script>">',
    "<![CDATA[x]]> en <!-- <script>window.__pwned=1</script> -->",
    "Voetnoot[^x]\n\n[^x]: Met `<script>`",
    "[a](javascript:window.__pwned=1)",
    "<img src=x onerror=\"window.__pwned=1\">",
    "<svg onload=window.__pwned=1></svg>",
    '<a href="jav&#x09;ascript:window.__pwned=1">a</a>',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
    '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
    '<form><math><mtext></form><form><mglyph><style></math><img src onerror="window.__pwned=1">',
    "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
    '<a href="#" {onclick="window.__pwned=1"}>a</a>',
    "[a](https://example.org){: onclick=\"window.__pwned=1\" }",
    "Alinea\n{: #ok .fine onfocus=\"window.__pwned=1\" autofocus tabindex=1 }",
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
    '<object data="javascript:window.__pwned=1"></object>',
    '<div style="background:url(javascript:window.__pwned=1)">x</div>',
    "<select><template><img src=x onerror=window.__pwned=1></template></select>",
    "<table><tr><td><img src=x onerror=window.__pwned=1></td></tr></table>",
    "<div markdown=\"1\">[a](javascript:window.__pwned=1)</div>",
]
