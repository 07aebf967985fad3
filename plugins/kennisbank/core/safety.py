"""What may run in a page: frontmatter never, Markdown bodies only what cannot execute.

Two rules (CONTRIBUTING.md, "HTML in teksten"):

- Frontmatter values are data. Templates escape them; the one field rendered as Markdown, a
  theme's `intro`, goes through `SafeMarkdown`, which shows raw HTML as text and drops links with
  a script scheme (javascript:, vbscript:, data:) and `on...` attributes that attr_list could add.
- Markdown bodies may hold a little raw HTML (a <br>, an <abbr>): they are reviewed in a pull
  request. What can run script or pull in another page is refused by `kennisbank check` with file,
  line and a fix: <script>, <iframe> and friends, `on...=` event attributes, script-scheme URLs.
  Reviewers miss such things in long texts; the check does not.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Iterable

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .problems import Problem

SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
# Elements that run script, embed another document, or change how the page itself loads.
FORBIDDEN_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet",
                            "base", "meta", "link", "style", "noscript", "template"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "xlink:href",
                            "srcset", "background", "cite", "srcdoc"})
# Extensions that shape the HTML a body becomes (mkdocs.yml); attr_list can add any attribute.
BODY_EXTENSIONS = ("attr_list", "tables", "footnotes", "admonition", "md_in_html")
# Only bodies with one of these are rendered and scanned; plain prose costs nothing.
_SUSPECT = re.compile(r"<[A-Za-z!?/]|\{[:#.\s]|&#|(?:java|vb)script|data\s*:", re.I)
# Every match of _SUSPECT holds one of these; looking for them first is eight times quicker.
_SUSPECT_MARKS = ("<", "{", "&#", "script", "data")
BODY_FIELD = "tekst"


def has_script_scheme(url: str) -> bool:
    """True for javascript:, vbscript: and data: URLs, however they are spelled or padded."""
    # As a browser reads an attribute: character references decoded, then spaces and controls ignored.
    squashed = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url or "")).lower()
    return squashed.startswith(SCRIPT_SCHEMES)


class _Defuse(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            for name in list(element.attrib):
                if name.lower().startswith("on") or name.lower() in URL_ATTRIBUTES and has_script_scheme(element.get(name)):
                    del element.attrib[name]


class SafeMarkdown(Extension):
    """Markdown for frontmatter: raw HTML is shown as text, links that run script are dropped."""

    def extendMarkdown(self, md):
        for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
            if name in registry:
                registry.deregister(name)
        md.treeprocessors.register(_Defuse(md), "kb_defuse", 0)  # last: after attr_list


class _Scan(HTMLParser):
    """Everything executable in a piece of HTML, as (what, token to find its line by)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.found.append((f"het element <{tag}>", f"<{tag}"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((f"het attribuut {name}=", name))
            elif name in URL_ATTRIBUTES and has_script_scheme(value or ""):
                scheme = re.sub(r"[\x00-\x20\x7f]+", "", value).split(":", 1)[0].lower()
                self.found.append((f"een {scheme}:-adres in {name}=", scheme))

    handle_startendtag = handle_starttag


def _line_of(body: str, token: str, first_line: int) -> int:
    """The first body line with the token, else with anything suspect (an encoded scheme)."""
    lines = body.split("\n")
    for test in (lambda line: token.lower() in line.lower(), _SUSPECT.search):
        for number, line in enumerate(lines):
            if test(line):
                return first_line + number
    return first_line


def _suspect(body: str) -> bool:
    lowered = body.lower()
    return any(mark in lowered for mark in _SUSPECT_MARKS) and _SUSPECT.search(body) is not None


def body_problems(path: str, body: str, first_line: int) -> list[Problem]:
    """Problems for executable HTML in one Markdown body that starts at file line `first_line`."""
    if not body or not _suspect(body):
        return []
    rendered = markdown.Markdown(extensions=list(BODY_EXTENSIONS)).convert(body)
    scan = _Scan()
    scan.feed(rendered)
    scan.close()
    problems = []
    for what, token in dict.fromkeys(scan.found):
        problems.append(Problem(
            path, _line_of(body, token, first_line), BODY_FIELD,
            f"bevat {what}: dat kan code uitvoeren in de browser van lezers en mag niet in de tekst — "
            "gebruik gewone Markdown (links als [tekst](https://...)); vraag een beheerder als je "
            "echt iets wilt insluiten"))
    return problems


def document_problems(records: Iterable) -> list[Problem]:
    """body_problems for every lesson, example and meeting among the records."""
    problems: list[Problem] = []
    for record in records:
        if record.kind.folder:
            problems += body_problems(record.path, record.body, record.body_line)
    return problems


__all__ = ["SafeMarkdown", "body_problems", "document_problems", "has_script_scheme"]
