"""The live preview's pure parts: which pages can still be built, and messages as HTML."""

from __future__ import annotations

from pathlib import Path

from kennisbank.adapter.preview import ProblemPreview
from kennisbank.adapter.renderer import message_html
from kennisbank.core import read_partial

EXAMPLE = "content/examples/stroomlijn.md"


def break_example(root: Path) -> None:
    path = root / EXAMPLE
    path.write_text(path.read_text(encoding="utf-8").replace("regionale-samenwerking]", "regionaal]", 1),
                    encoding="utf-8")


def test_the_partial_site_leaves_out_only_the_broken_page(mini):
    break_example(mini)
    site, problems = read_partial(mini)
    assert [p.path for p in problems] == [EXAMPLE]
    assert "stroomlijn" not in {e.slug for e in site.examples} and site.examples
    assert all("stroomlijn" not in {e.slug for e in lesson.examples} for lesson in site.lessons)


def test_a_broken_vocabulary_leaves_no_partial_site(mini):
    tags = mini / "content" / "tags.yml"
    tags.write_text(tags.read_text(encoding="utf-8").replace("\n  label:", "\n\tlabel:", 1), encoding="utf-8")
    site, problems = read_partial(mini)
    assert site is None and [p.path for p in problems] == ["content/tags.yml"]


def test_an_unforeseen_failure_becomes_a_dutch_problem(mini, capsys):
    try:
        {}["x"]
    except KeyError as error:  # as in the plugin's on_config
        preview = ProblemPreview.start(mini, "content", error, None)
    assert preview.partial is None
    (problem,) = preview.problems
    assert problem.field == "bouw" and "kon de site niet bouwen (KeyError)" in problem.message
    assert "Traceback" in capsys.readouterr().err  # the details for a maintainer, in the terminal


def test_backticks_in_a_message_become_code_and_the_rest_is_escaped():
    html = message_html("voeg `aliases: [/x/]` toe aan <b>")
    assert html == "voeg <code>aliases: [/x/]</code> toe aan &lt;b&gt;"
