"""The allowlist that every piece of HTML from content passes before it is published.

nh3 (the Python binding of Ammonia, a Rust sanitiser built on html5ever) parses HTML as a browser
does, so comment, CDATA and entity tricks are read the way a reader's browser would read them;
then only the elements, attributes and URL schemes listed here survive. The build publishes the
cleaned HTML of every page; `kennisbank check` reports, with file and line, every place where
cleaning would change something (`changes`), so an editor learns why before anything is merged.

Attribute lists (`{#id .class}`) may set an id and classes only (`IdAndClassOnly`). Ids the site
itself uses (Material's `__config`, our `kb-...`) and classes that make Material load a script from
another website (`mermaid`) or look like its own components (`md-...`) are dropped, as are images
from other websites and any inline style except a table column's alignment.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "u", "ul", "var",
})
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style"},
}
SCHEMES = frozenset({"http", "https", "mailto"})  # and relative addresses
# Their content goes too: it is code or styling, never text for the reader.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "textarea", "title", "xmp"})
RESERVED_ID_PREFIXES = ("__", "kb-")  # Material's (__config, __drawer) and our templates' ids
# Classes for which Material loads a script from a CDN, and the prefix of its own components.
CDN_CLASSES = frozenset({"mermaid", "arithmatex"})
THEME_CLASS_PREFIX = "md-"
ALIGNMENT = re.compile(r"\s*text-align:\s*(?:left|right|center);?\s*")  # what the tables extension writes
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def external(url: str) -> bool:
    """True for an address on another website: with a scheme, or starting with '//'."""
    squashed = re.sub(r"[\x00-\x20]+", "", url)
    return bool(_SCHEME.match(squashed)) or squashed.startswith(("//", "\\\\", "/\\", "\\/"))


def class_ok(name: str) -> bool:
    return name not in CDN_CLASSES and not name.startswith(THEME_CLASS_PREFIX)


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        return None if value.startswith(RESERVED_ID_PREFIXES) else value
    if attribute == "class":
        kept = [name for name in value.split() if class_ok(name)]
        return " ".join(kept) if kept else None
    if attribute == "style":
        return value if ALIGNMENT.fullmatch(value) else None
    if tag == "img" and attribute == "src" and external(value):
        return None
    return value


_STRICT = nh3.Cleaner(tags=set(TAGS), clean_content_tags=set(DROPPED_WITH_CONTENT), attributes=ATTRIBUTES,
                      attribute_filter=_filter, url_schemes=set(SCHEMES), link_rel=None)


def clean(html: str) -> str:
    """The HTML as the site publishes it."""
    return _STRICT.clean(html)


# --- what cleaning changed, for the check ------------------------------------------------------

_TAG_NAME = re.compile(r"<\s*/?\s*([A-Za-z][^\s/>]*)")
# Schemes a browser knows: the reference run keeps them, so a link that loses one is reported.
_KNOWN_SCHEMES = {"http", "https", "mailto", "javascript", "vbscript", "data", "file", "ftp", "tel", "sms",
                  "blob", "filesystem", "ws", "wss", "about", "chrome", "jar", "view-source", "intent"}


def reference(html: str) -> str:
    """The same HTML parsed and written by the same parser, with every element and attribute kept.

    Comparing it with clean() shows exactly what the allowlist took away, and nothing that is only
    a difference in how the HTML was written.
    """
    tags = {name.lower() for name in _TAG_NAME.findall(html)} | TAGS
    schemes = _KNOWN_SCHEMES | {m.lower() for m in re.findall(r"([A-Za-z][A-Za-z0-9+.-]*):", html)}
    return nh3.clean(html, tags=tags, clean_content_tags=set(), generic_attribute_prefixes={""},
                     url_schemes=schemes, link_rel=None)


@dataclass(frozen=True)
class Change:
    """One thing clean() takes away: what (in Dutch), the element and attribute, and the value."""

    element: str
    attribute: str = ""  # empty when the whole element goes
    value: str = ""


class _Elements(HTMLParser):
    """Start tags with their attributes, from HTML that nh3 wrote (so the parsers agree)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.attributes: Counter = Counter()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        for name, value in attrs:
            self.attributes[(tag, name, value or "")] += 1

    handle_startendtag = handle_starttag


def _elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def removes_anything(html: str, cleaned: str) -> bool:
    """Whether clean() took something away: `cleaned` is clean(html). Most pages come back from
    the cleaner exactly as written, and then the (slower) reference run is not needed."""
    return cleaned != html and cleaned != reference(html)


def changes(html: str) -> list[Change]:
    """Everything clean() would remove from this HTML, in a stable order; empty when nothing."""
    cleaned = clean(html)
    if not removes_anything(html, cleaned):
        return []
    kept = reference(html)
    before, after = _elements(kept), _elements(cleaned)
    found = [Change(tag) for tag in before.tags if tag not in after.tags]
    kept_tags = set(after.tags)
    for (tag, name, value), count in before.attributes.items():
        if after.attributes[(tag, name, value)] >= count:
            continue
        if tag not in kept_tags and not name.startswith("on"):
            continue  # the element goes as a whole
        found.append(Change(tag, name, value))
    if not found:  # text only: a dropped element's content, or a character the parser replaced
        found.append(Change("#text"))
    return found


# --- attribute lists ---------------------------------------------------------------------------

class _IdAndClass(AttrListTreeprocessor):
    """attr_list, but only `#id`, `.class`, `id=` and `class=` are applied; other names are noted."""

    def __init__(self, md, dropped: list[str]) -> None:
        super().__init__(md)
        self.dropped = dropped

    def assign_attrs(self, elem, attrs_string, *, strict=False):
        attrs, remainder = get_attrs_and_remainder(attrs_string)
        if strict and remainder:
            return remainder
        for name, value in attrs:
            if name == "." or name == "class" and value:
                elem.set("class", f"{elem.get('class')} {value}" if name == "." and elem.get("class") else value)
            elif name == "id" and value:
                elem.set("id", value)
            else:
                self.dropped.append(name)
        return remainder


class IdAndClassOnly(Extension):
    """attr_list (when the site uses it) restricted to ids and classes. What it leaves out is listed
    in `dropped` (names), for the check."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.dropped: list[str] = []

    def extendMarkdown(self, md):
        if "attr_list" in md.treeprocessors:
            md.treeprocessors.register(_IdAndClass(md, self.dropped), "attr_list", 8)  # attr_list's own place


__all__ = ["ATTRIBUTES", "Change", "IdAndClassOnly", "SCHEMES", "TAGS", "changes", "class_ok", "clean", "external", "reference", "removes_anything"]
