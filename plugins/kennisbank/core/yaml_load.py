"""Reading YAML from content with bounds: no anchors or aliases, limited nesting and value length.

Content comes from pull requests, so a file may be built to hurt: nested aliases (a 536-byte
"billion laughs" file), a thousand nested brackets, one huge value. This loader refuses them with
a Dutch message and the line, before any of it is turned into Python objects. It reads events
with libyaml when present (fast) and builds the node tree in Python, where depth can be counted;
libyaml's own tree builder recurses in C and crashes the process on deep nesting.

Dates that do not exist (2026-02-30) become `NoSuchDate`, a text that validation reports on the
field's own line, instead of an English error for the whole file.
"""

from __future__ import annotations

import re

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

MAX_DEPTH = 20  # a lesson needs 3 (field, list, item); a contact block 4
MAX_VALUE = 10_000  # characters in one value; the longest field (a theme's intro) allows 4,000

# libyaml's event parser when installed (the same events, several times faster), else PyYAML's.
_FAST = yaml.__with_libyaml__
_PARSER = (yaml.cyaml.CParser,) if _FAST else (yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser)


class NoSuchDate(str):
    """A value written as a date that is not in the calendar, such as 2026-02-30."""


class RefusedYaml(yaml.MarkedYAMLError):
    """Something content may not use; `problem` is the Dutch message."""

    def __init__(self, message: str, mark) -> None:
        super().__init__(problem=message, problem_mark=mark)


class _Constructor(SafeConstructor):
    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return NoSuchDate(node.value)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


# YAML 1.1 reads 14:00 as the number 840 (base 60). Content means a time of day there, and the web
# form (a YAML 1.2 writer) writes times without quotes: such plain values stay text.
_BASE_60 = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")


class _Resolver(Resolver):
    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and implicit[0] and _BASE_60.fullmatch(value):
            return "tag:yaml.org,2002:str"
        return super().resolve(kind, value, implicit)


class ContentLoader(*_PARSER, Composer, _Constructor, _Resolver):
    """SafeLoader semantics, with the bounds above; `load(text)` returns the root node or None."""

    def __init__(self, text: str) -> None:
        if _FAST:
            yaml.cyaml.CParser.__init__(self, text)
        else:
            yaml.reader.Reader.__init__(self, text)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
        Composer.__init__(self)
        _Constructor.__init__(self)
        _Resolver.__init__(self)
        self.depth = 0

    # Python's Composer, not CParser's: CParser defines get_single_node itself.
    get_single_node = Composer.get_single_node
    compose_document = Composer.compose_document

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            name = event.anchor
            raise RefusedYaml(
                f"gebruikt een YAML-verwijzing ({'*' if isinstance(event, yaml.AliasEvent) else '&'}{name}) "
                "— die zijn in de inhoud niet toegestaan; schrijf de waarde gewoon uit", event.start_mark)
        if isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_VALUE:
            raise RefusedYaml(f"bevat een waarde van {len(event.value)} tekens; maximaal {MAX_VALUE} — "
                              "maak de tekst korter", event.start_mark)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise RefusedYaml(f"is meer dan {MAX_DEPTH} niveaus diep genest — zo diep gaat geen veld; "
                              "controleer de haakjes en de inspringing", event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def load(self):
        try:
            node = self.get_single_node()
            return node, (self.construct_document(node) if node is not None else None)
        finally:
            self.dispose()


def construct_key(node: yaml.Node):
    """The Python value of a mapping key's node (null, 1 or yes become None, 1, True)."""
    if not isinstance(node, yaml.ScalarNode):
        return node.value
    constructor = _Constructor()
    return constructor.construct_object(node)


__all__ = ["ContentLoader", "MAX_DEPTH", "MAX_VALUE", "NoSuchDate", "RefusedYaml", "construct_key"]
