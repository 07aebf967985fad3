"""Property-based fuzzing of content (issue 15): generated frontmatter and bodies — valid, broken and
hostile — never make the check raise or hang, every problem names a file and a line, and what the
check accepts leaves nothing executable after the build's sanitiser."""

from __future__ import annotations

import re
import shutil
import signal
import time

from html.parser import HTMLParser

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINI
from hostile import HOSTILE_BODIES
from kennisbank.core import sanitise
from kennisbank.core.kinds import LESSON
from kennisbank.core.load import load_content
from kennisbank.core.safety import BODY_EXTENSIONS, body_problems, has_script_scheme
from kennisbank.core.validate import validate

PATH = "content/lessons/fuzz.md"
PROBLEM = re.compile(r"^content/[^:\n]+:[1-9]\d*: [^:\n]+: .+", re.S)
SETTINGS = settings(max_examples=150, deadline=3000, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Pieces of YAML an editor (or an attacker) might type: syntax, anchors, tags, deep nesting, dates.
YAML_BITS = ["title: x", "summary: y", "tags: [intervisie]", "theme: leren", "order: 3", "source: leren-van-elkaar",
             ":", "- ", "[", "]", "{", "}", "&a [1]", "*a", "!!python/object:os.system", "\t", "'", '"', "#",
             "date: 2026-02-30", "date: 2026-13-01", "slug: " + "a" * 300, "null: 1", "? x", "---", "...",
             "[" * 50 + "]" * 50, "a: &b [*b]", "<<: *a", "\x00", "\ufeff", "é", "key: |", "  indented", "\n"]
FIELD_NAMES = [f.name for f in LESSON.fields] + ["extra", "Title", "on_click", ""]
TEXT = st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE_BODIES))
VALUE = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), TEXT, st.dates()),
                     lambda inner: st.one_of(st.lists(inner, max_size=4),
                                             st.dictionaries(st.sampled_from(FIELD_NAMES), inner, max_size=3)),
                     max_leaves=10)
# Well-formed YAML from a dictionary, or raw lines that may be anything.
FRONTMATTER = st.one_of(
    st.dictionaries(st.sampled_from(FIELD_NAMES), VALUE, max_size=8).map(
        lambda d: yaml.safe_dump(d, allow_unicode=True)),
    st.lists(st.sampled_from(YAML_BITS) | st.text(max_size=15), max_size=12).map("\n".join),
)
MARKDOWN_BITS = ["# Kop", "## Kop {#id .c}", "{: #x }", "{onclick=x}", "*", "**", "`", "```", "    code", "> ",
                 "- item", "1. item", "| a | b |\n|---|---|", "[a](b)", "![a](b.png)", "[^1]", "[^1]: n", "!!! note",
                 "<div>", "</div>", "<!--", "-->", "&amp;", "&#", "&Tab;", "javascript:", "\n\n", "{", "}", "<", ">"]
BODY = st.lists(st.sampled_from(HOSTILE_BODIES) | st.sampled_from(MARKDOWN_BITS) | st.text(max_size=20),
                max_size=10).map(" ".join)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz") / "mini"
    shutil.copytree(MINI, root)
    return root


class _TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise _TooSlow


def load_and_check(project) -> list:
    """load + validate, as `kennisbank check` does, stopped after 5 seconds."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(5)
    try:
        records, problems = load_content(project)
        return problems + validate(records)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@given(head=FRONTMATTER, body=BODY)
@SETTINGS
def test_check_never_raises_or_hangs_and_every_problem_has_a_place(project, head, body):
    file = project / PATH
    file.write_text(f"---\n{head}\n---\n{body}\n", encoding="utf-8", errors="surrogatepass")
    try:
        started = time.perf_counter()
        problems = load_and_check(project)
        assert time.perf_counter() - started < 5
    finally:
        file.unlink()
    for p in problems:
        assert PROBLEM.match(str(p)), p
        assert p.line <= 2 + head.count("\n") + 1 + body.count("\n") + 1 or not p.path.endswith("fuzz.md"), p


def executable(html: str) -> list[str]:
    """Elements and attributes in the HTML that could run script or load another document."""
    found = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag not in sanitise.TAGS:
                found.append(f"<{tag}>")
            for name, value in attrs:
                if name.startswith("on") or name in ("href", "src") and has_script_scheme(value or ""):
                    found.append(f"{tag} {name}={value}")

    parser = Parser()
    parser.feed(html)
    parser.close()
    return found


@given(body=BODY)
@settings(max_examples=150, deadline=1000, derandomize=True)
def test_what_the_check_accepts_is_inert_after_sanitising(body):
    """The build publishes sanitise.clean() of each page: nothing executable survives it, whether or
    not the check reported something; and a body the check accepts needs no changes."""
    html = markdown.Markdown(extensions=[*BODY_EXTENSIONS, sanitise.IdAndClassOnly()]).convert(body)
    cleaned = sanitise.clean(html)
    assert not executable(cleaned), cleaned
    if not body_problems("x.md", body, 1):
        assert sanitise.changes(html) == []
