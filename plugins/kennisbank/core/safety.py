"""What may run in a page: frontmatter never, Markdown bodies only what the allowlist keeps.

Two rules (CONTRIBUTING.md, "HTML in teksten"):

- Frontmatter values are data. Templates escape them; the one field rendered as Markdown, a
  theme's `intro`, goes through `SafeMarkdown`, which shows raw HTML as text, and then through the
  same allowlist as a body (a javascript: link or an `on...` attribute is reported and removed).
- Markdown bodies (lessons, examples, meetings and plain pages such as content/over.md) may hold a
  little raw HTML (a <br>, an <abbr>). The build publishes every page's HTML through the allowlist
  in sanitise.py; `kennisbank check` renders each body the way the site does and reports, with
  file, line and a fix, everything the allowlist would take away: script, event attributes,
  script-scheme URLs, images and styles from other websites, ids the site needs itself.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Iterable

import markdown
from markdown.extensions import Extension

from . import sanitise
from .problems import Problem

SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
# Elements that run script, embed another document, or change how the page itself loads.
SCRIPT_ELEMENTS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
                             "meta", "link", "style", "noscript", "template", "svg", "math", "set",
                             "animate", "handler", "portal"})
# Elements that can take over the page's own controls or ids (Material reads #__config).
FORM_ELEMENTS = frozenset({"form", "input", "button", "select", "textarea", "dialog"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "xlink:href",
                            "srcset", "background", "cite", "srcdoc"})
# The Markdown extensions of the site (mkdocs.yml; a test keeps the two the same), so the check
# renders a body exactly as the build does. toc gives headings their ids.
BODY_EXTENSIONS = ("toc", "attr_list", "admonition", "footnotes", "tables")
BODY_FIELD = "tekst"
# Characters that XML and HTML forbid in text: controls other than tab and newlines.
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_RUNS_CODE = ("dat kan code uitvoeren in de browser van lezers en mag niet in de tekst — gebruik gewone "
              "Markdown (links als [tekst](https://...)); vraag een beheerder als je echt iets wilt insluiten")
_NOT_LISTED = "staat niet op de lijst van toegestane HTML, dus de site laat het weg"


def has_script_scheme(url: str) -> bool:
    """True for javascript:, vbscript: and data: URLs, however they are spelled or padded."""
    # As a browser reads an attribute: character references decoded, then spaces and controls ignored.
    squashed = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url or "")).lower()
    return squashed.startswith(SCRIPT_SCHEMES)


class SafeMarkdown(Extension):
    """Markdown for frontmatter fields: raw HTML is shown as text. Links and attributes then pass the
    same allowlist as bodies (sanitise.clean in the build, the check reports what it removes)."""

    def extendMarkdown(self, md):
        for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
            if name in registry:
                registry.deregister(name)


def _explain(change: sanitise.Change) -> tuple[str, list[str]]:
    """The Dutch message for one change, and the words that find its line in the source."""
    tag, name, value = change.element, change.attribute, change.value
    first = re.split(r"[\x00-\x20&]", value.strip(), maxsplit=1)[0][:30]
    if tag == "#text":
        return ("bevat HTML die de site niet zo kan tonen (tekst in een element dat wordt weggelaten, "
                "of een onleesbaar teken) — gebruik gewone Markdown", ["<"])
    if not name:
        if tag in SCRIPT_ELEMENTS:
            return f"bevat het element <{tag}>: {_RUNS_CODE}", [f"<{tag}"]
        if tag in FORM_ELEMENTS:
            return (f"bevat het element <{tag}>: formulieren en knoppen kunnen de pagina zelf verstoren en "
                    f"mogen niet in de tekst — {_NOT_LISTED}", [f"<{tag}"])
        return f"bevat het element <{tag}>, dat {_NOT_LISTED} — gebruik gewone Markdown", [f"<{tag}"]
    if name.startswith("on"):
        return f"bevat het attribuut {name}=: {_RUNS_CODE}", [name]
    if name in URL_ATTRIBUTES and has_script_scheme(value):
        scheme = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(value)).split(":", 1)[0].lower()
        return f"bevat een {scheme}:-adres in {name}=: {_RUNS_CODE}", [first, scheme]
    if tag == "img" and name == "src" and sanitise.external(value):
        return (f"laadt een afbeelding van een andere website ({value[:80]}): de site haalt niets van andere "
                "websites — zet het bestand in de repository (bijvoorbeeld in content/afbeeldingen/) en "
                "verwijs ernaar met een pad binnen de site", [first, "!["])
    if name in ("href", "src"):
        return (f"bevat een link met het adres '{value[:80]}': alleen http:, https:, mailto: en adressen "
                "binnen de site mogen — pas het adres aan", [first])
    if name == "id":
        return (f"gebruikt de id '{value}', die de site zelf nodig heeft — geef het kopje of element een "
                "andere id, bijvoorbeeld met {#mijn-kopje} erachter", [value])
    if name == "class":
        bad = [c for c in value.split() if not sanitise.class_ok(c)]
        shown = bad[0] if bad else value
        if shown in sanitise.CDN_CLASSES:
            return (f"gebruikt de class '{shown}': daarvoor zou de site een script van een andere website "
                    "laden, en dat doet zij niet — zet het schema als afbeelding (PNG) in de repository", [shown])
        return f"gebruikt de class '{shown}', die van het thema van de site is — haal hem weg", [shown]
    if name == "style":
        return ("bevat een style-attribuut: de opmaak komt van de site zelf, en een url() erin zou iets van "
                "een andere website laden — haal het weg", ["style"])
    return f"bevat het attribuut {name}= op <{tag}>, dat {_NOT_LISTED} — haal het weg", [name]


# A body without any of these, without images and without a link to another scheme than http(s) or
# mailto, renders to HTML the allowlist keeps as it is: the check need not render it (5 ms a page).
_MARKUP = re.compile(r"[<{&\\\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|!\[")
_TARGET = re.compile(r"\]\(([^)]*)\)|^[ ]{0,3}\[[^\]]*\]:(.*)$", re.M)
_HEADING = re.compile(r"^[ ]{0,3}#+[ \t]*(?:_|kb)|^[ ]{0,3}(?:_|kb).*\n[=-]+[ \t]*$", re.M | re.I)
_SAFE_SCHEME = re.compile("(?:" + "|".join(sorted(sanitise.SCHEMES)) + "):", re.I)


def _inert(body: str) -> bool:
    """True when the body certainly renders to HTML that the allowlist does not change."""
    if _MARKUP.search(body) or _HEADING.search(body):
        return False
    for match in _TARGET.finditer(body):
        target = re.sub(r"[\x00-\x20]+", "", match.group(1) or match.group(2) or "")
        if sanitise.external(target) and not _SAFE_SCHEME.match(target):
            return False
    return True


def _line_of(body: str, tokens: Iterable[str], first_line: int) -> int:
    """The first body line with one of the tokens (tried in order), else with anything HTML-like."""
    lines = body.split("\n")
    for token in [t for t in tokens if t] + ["<", "{", "&", ":"]:
        for number, line in enumerate(lines):
            if token.lower() in line.lower():
                return first_line + number
    return first_line


def body_problems(path: str, body: str, first_line: int, field: str = BODY_FIELD,
                  frontmatter: bool = False) -> list[Problem]:
    """Problems for HTML the allowlist would change in one Markdown text that starts at file line
    `first_line`; `frontmatter` renders it as a Markdown field (raw HTML shown as text)."""
    if not body or not body.strip():
        return []
    problems = []
    # A frontmatter field's control characters are reported by validation, with the field's own message.
    control = None if frontmatter else CONTROL_RE.search(body)
    if control:
        line = first_line + body[: control.start()].count("\n")
        problems.append(Problem(path, line, field, f"bevat een onzichtbaar stuurteken (U+{ord(control.group()):04X}), "
                                "vaak meegekopieerd uit een pdf of tekstverwerker — haal het weg"))
    if _inert(body):
        return problems
    attrs = sanitise.IdAndClassOnly()
    extensions = [*BODY_EXTENSIONS, attrs, *([SafeMarkdown()] if frontmatter else [])]
    rendered = markdown.Markdown(extensions=extensions, extension_configs={"toc": {"permalink": True}}).convert(body)
    for name in dict.fromkeys(attrs.dropped):
        message = (f"bevat het attribuut {name}= in een attribuutlijst {{...}}: {_RUNS_CODE}" if name.startswith("on")
                   else f"een attribuutlijst {{...}} mag alleen een id (#naam) en classes (.naam) zetten, "
                        f"niet '{name}' — haal '{name}' weg")
        problems.append(Problem(path, _line_of(body, [name + "=", name], first_line), field, message))
    for change in sanitise.changes(rendered):
        message, tokens = _explain(change)
        problems.append(Problem(path, _line_of(body, tokens, first_line), field, message))
    return list(dict.fromkeys(problems))


def page_problems(file: Path, root: Path) -> list[Problem]:
    """body_problems for a plain page (content/over.md): its optional frontmatter is skipped."""
    from .load import read_text

    path = file.relative_to(root).as_posix()
    text, problems = read_text(file, path)
    if text is None:
        return [p for p in problems if "is leeg" not in p.message]  # an empty page is allowed
    lines = text.split("\n")
    start = 0
    if lines[0].rstrip() == "---":
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 0)
    return body_problems(path, "\n".join(lines[start:]), start + 1)


def document_problems(records: Iterable) -> list[Problem]:
    """body_problems for every lesson, example and meeting, and for every Markdown field."""
    problems: list[Problem] = []
    for record in records:
        if record.kind.folder:
            problems += body_problems(record.path, record.body, record.body_line)
        for f in record.kind.fields:
            value = record.data.get(f.name)
            if f.markdown and isinstance(value, str):
                problems += body_problems(record.path, value, record.line_of(f.name), f.name, frontmatter=True)
    return problems


__all__ = ["SafeMarkdown", "body_problems", "document_problems", "has_script_scheme", "page_problems"]
