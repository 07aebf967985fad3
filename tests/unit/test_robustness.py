"""Property-based: whatever an editor (or a broken editor program) saves, the loader and the checks
answer with records or clear Problems, never with an exception.

Random bytes, random text after a frontmatter line, random YAML values in every field of every
kind, and valid files with one field replaced by a random value. When the checks find nothing
wrong, building the model must work too.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kennisbank.core.load import load_content, parse_yaml, read_document
from kennisbank.core.model import build_site
from kennisbank.core.problems import ContentError, Problem
from kennisbank.core.kinds import KINDS as ALL_KINDS, DOCUMENT_KINDS, EXAMPLE, LESSON, VOCABULARY_KINDS
from kennisbank.core.validate import validate

MINI = Path(__file__).parent.parent / "fixtures" / "mini"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30), st.floats(allow_nan=True),
    text, st.dates(min_value=dt.date(1, 1, 1)), st.datetimes(), st.sampled_from(["", " ", "~", "ja", "2017"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)), max_leaves=12)


def frontmatter_for(kind) -> st.SearchStrategy:
    keys = st.one_of(st.sampled_from(kind.names), text)
    return st.dictionaries(keys, values, max_size=10)


@pytest.fixture(scope="module")
def project():
    """One copy of the small project, reused: each example rewrites one file in it."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "mini"
        shutil.copytree(MINI, root)
        yield root


def assert_problems(problems) -> None:
    assert isinstance(problems, list)
    for p in problems:
        assert isinstance(p, Problem) and p.path and p.line >= 1 and isinstance(p.field, str) and p.message
        str(p)  # every problem prints as path:line: field: message
    if problems:
        ContentError(problems).report()  # sortable and printable together


def load_and_check(root: Path):
    """What `kennisbank check` and the build do; the model is built when nothing is wrong."""
    records, problems = load_content(root)
    assert_problems(problems)
    if not problems:
        problems = validate(records)
        assert_problems(problems)
        if not problems:
            build_site(records)
    return problems


def check_changed(project: Path, file: Path, new_text) -> None:
    """Write new_text() over file (skip the example if YAML cannot write it), check, then restore."""
    original = file.read_text(encoding="utf-8")
    try:
        text = new_text()
    except yaml.YAMLError:
        assume(False)
    file.write_text(text, encoding="utf-8")
    try:
        load_and_check(project)
    finally:
        file.write_text(original, encoding="utf-8")


@given(st.binary(max_size=400))
@SETTINGS
def test_random_bytes_give_a_record_or_problems(project, data):
    file = project / "content/examples/willekeurig.md"
    file.write_bytes(data)
    try:
        record, problems = read_document(file, EXAMPLE, project, project / "content")
        assert_problems(problems)
        assert record is not None or problems
    finally:
        file.unlink()


@given(st.text(max_size=300), st.sampled_from(["---\n", "---\r\n", "--- \n", ""]), st.booleans())
@SETTINGS
def test_random_text_in_a_frontmatter_block(project, body, opening, close):
    file = project / "content/lessons/willekeurig.md"
    file.write_text(opening + body + ("\n---\nTekst.\n" if close else ""), encoding="utf-8", errors="surrogatepass")
    try:
        load_and_check(project)
    finally:
        file.unlink()


@given(st.sampled_from(DOCUMENT_KINDS).flatmap(lambda k: st.tuples(st.just(k), frontmatter_for(k))))
@SETTINGS
def test_random_fields_in_a_document(project, case):
    kind, data = case
    folder = project / "content" / kind.folder
    folder.mkdir(exist_ok=True)
    file = folder / "willekeurig.md"
    try:
        head = yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        assume(False)
    file.write_text(f"---\n{head}---\nTekst.\n", encoding="utf-8")
    try:
        load_and_check(project)
    finally:
        file.unlink()


@given(st.sampled_from(VOCABULARY_KINDS).flatmap(
    lambda k: st.tuples(st.just(k), st.dictionaries(st.one_of(text, st.integers(), st.none()),
                                                    st.one_of(frontmatter_for(k), values), max_size=3))))
@SETTINGS
def test_random_entries_in_a_vocabulary(project, case):
    kind, extra = case
    file = project / "content" / f"{kind.vocabulary}.yml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    data.update(extra)
    check_changed(project, file, lambda: yaml.safe_dump(data, allow_unicode=True))


@given(st.sampled_from([(LESSON, "lessons/coalitie.md"), (EXAMPLE, "examples/stroomlijn.md")]).flatmap(
    lambda c: st.tuples(st.just(c[1]), st.sampled_from(c[0].names), values)))
@SETTINGS
def test_one_field_of_a_valid_file_replaced(project, case):
    """Close to valid: mostly caught by the checks, and when not, the model still builds."""
    path, name, value = case
    file = project / "content" / path
    _, head, body = file.read_text(encoding="utf-8").split("---\n", 2)
    data = yaml.safe_load(head)
    data[name] = value
    check_changed(project, file, lambda: "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body)


@given(st.text(max_size=200))
@SETTINGS
def test_parse_yaml_never_raises(source):
    data, lines, problems = parse_yaml(source, "content/x.yml", 1, "veld")
    assert_problems(problems)
    assert isinstance(lines, dict)


def test_nested_yaml_aliases_do_not_hang(project):
    """A 'billion laughs' block (aliases of aliases) is refused at its first anchor, at once."""
    import time

    bomb = "".join(f"  l{i}: &l{i} [{', '.join([f'*l{i - 1}' if i else 'x'] * 9)}]\n" for i in range(12))
    file = project / "content/lessons/bom.md"
    file.write_text(f"---\ntitle: Bom\nextra:\n{bomb}---\nTekst.\n", encoding="utf-8")
    try:
        started = time.perf_counter()
        problems = load_and_check(project)
        assert time.perf_counter() - started < 5
        assert [(p.line, p.message.split(" —")[0]) for p in problems if p.path.endswith("bom.md")] == [
            (4, "gebruikt een YAML-verwijzing (&l0)")], problems
    finally:
        file.unlink()


def test_all_kinds_are_covered():
    assert {k.name for k in ALL_KINDS} == {k.name for k in (*DOCUMENT_KINDS, *VOCABULARY_KINDS)}
