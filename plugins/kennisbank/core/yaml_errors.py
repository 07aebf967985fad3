"""YAML mistakes as an editor can act on them: one Dutch message, on the line where the mistake is.

The parser reports where it got stuck, in English ("could not find expected ':'", "mapping values
are not allowed here"), often on the line after the mistake. `explain` looks at the lines around
that place and names the mistake an editor makes: a tab, a missing colon, a colon or apostrophe in
a value without the right quotes, or a line that is indented differently from its neighbours.
`merged_item` catches the one mistake YAML accepts silently: a list item indented further than the
one above it, which YAML reads as the rest of that item.
"""

from __future__ import annotations

import re

import yaml

_KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[^\s:#'\"][^:#]*?):(?:\s+(?P<value>.*))?$")
_FIX = "Verbeter de regel en sla het bestand opnieuw op."


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _quoted(key: str, value: str, dash: str = "") -> str:
    """The line with the value between double quotes, as an editor can copy it."""
    inner = value.strip()
    if len(inner) >= 2 and inner[0] == inner[-1] and inner[0] in "'\"":
        inner = inner[1:-1]
    elif inner[:1] in "'\"":
        inner = inner[1:]
    inner = inner.replace("\\", "\\\\").replace('"', '\\"')
    return f'{dash}{key}: "{inner}"'


def _tab_line(lines: list[str], around: int) -> int | None:
    """The line (0-based) with a tab in its indentation, nearest to `around`."""
    tabs = [i for i, line in enumerate(lines) if "\t" in line[: len(line) - len(line.lstrip(" \t"))] or
            ("\t" in line and i == around)]
    return min(tabs, key=lambda i: abs(i - around)) if tabs else None


def _quote_problem(line: str) -> str | None:
    """A value in quotes that holds the same quote inside: 'Thema's' ends after 'Thema'."""
    match = _KEY.match(line)
    if not match or not match.group("value"):
        return None
    value = match.group("value").strip()
    quote = value[:1]
    if quote not in "'\"" or value.count(quote) <= 2 and value.endswith(quote) and len(value) > 1:
        return None
    fixed = _quoted(match.group("key"), value, match.group("dash") or "")
    if quote == "'":
        return (f"de waarde staat tussen enkele aanhalingstekens (') en bevat zelf een apostrof — zet de "
                f"waarde tussen dubbele aanhalingstekens: {fixed}")
    return (f"de waarde staat tussen dubbele aanhalingstekens (\") en bevat er zelf ook een — schrijf een "
            f"aanhalingsteken in de tekst als \\\": {fixed}")


def field_on(line: str) -> str | None:
    """The field a line names ('summary' in '  summary: ...'), if it names one."""
    match = _KEY.match(line)
    return match.group("key").strip() if match else None


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """(0-based line, Dutch message) for a parse error in `text`."""
    lines = text.split("\n")
    mark = exc.problem_mark or exc.context_mark
    at = min(mark.line if mark else 0, max(len(lines) - 1, 0))
    problem = exc.problem or ""

    tab = _tab_line(lines, at)
    if tab is not None and ("\t" in problem or "tab" in problem or abs(tab - at) <= 1):
        return tab, ("bevat een tab — YAML kent geen tabs: spring in met spaties (twee per niveau), "
                     "net als de regels eromheen. " + _FIX)

    if "could not find expected ':'" in problem and exc.context_mark is not None:
        line_no = exc.context_mark.line
        line = lines[line_no] if line_no < len(lines) else ""
        words = line.strip().split(None, 1)
        example = f"{words[0]}: {words[1]}" if len(words) == 2 else f"{line.strip()}: ..."
        return line_no, (f"mist een dubbele punt na de naam van het veld — schrijf '{example.strip()}' "
                         "(naam, dubbele punt, spatie, waarde)")

    if ("expected ',' or ']'" in problem or "expected ',' or '}'" in problem) and exc.context_mark is not None:
        close = "]" if "]" in problem else "}"
        return exc.context_mark.line, (f"de lijst op deze regel wordt niet gesloten — zet een '{close}' achter "
                                       "de laatste waarde, bijvoorbeeld [eerste, tweede]")

    for line_no in sorted({at, max(at - 1, 0)}, reverse=True):
        quote = _quote_problem(lines[line_no]) if line_no < len(lines) else None
        if quote:
            return line_no, quote

    line = lines[at] if at < len(lines) else ""
    match = _KEY.match(line)
    previous = next((lines[i] for i in range(at - 1, -1, -1) if lines[i].strip() and
                     not lines[i].lstrip().startswith("#")), "")
    if "mapping values are not allowed" in problem and match and ": " in (match.group("value") or ""):
        fixed = _quoted(match.group("key"), match.group("value"), match.group("dash") or "")
        return at, (f"de waarde bevat een dubbele punt met een spatie erna — zet de hele waarde tussen "
                    f"dubbele aanhalingstekens: {fixed.strip()}")
    if line.strip() and previous and _indent(line) != _indent(previous):
        deeper = "verder" if _indent(line) > _indent(previous) else "minder ver"
        name = (match.group("key") if match else line.strip()[:30]).strip()
        above = field_on(previous) or previous.strip()[:30]
        return at, (f"springt {deeper} in dan de regel erboven — zet '{name}' recht onder '{above}' "
                    "(met even veel spaties vooraan)")
    return at, ("is geen geldige regel met een veld — schrijf elk veld als 'naam: waarde' op een eigen regel, "
                "met even veel spaties vooraan als de velden eromheen. " + _FIX)


def merged_item(node: yaml.Node) -> bool:
    """A list item that YAML read together with the next line, because that line was indented further."""
    return (isinstance(node, yaml.ScalarNode) and not node.style and node.end_mark.line > node.start_mark.line
            and " - " in node.value)


__all__ = ["explain", "field_on", "merged_item"]
