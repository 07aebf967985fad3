"""Problems as GitHub Actions annotations, so a pull request shows each one on its own line.

`path:line: field: message` becomes `::error file=path,line=line,title=field::message`
(https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
"""

from __future__ import annotations

from typing import Iterable

from ..core.problems import Problem


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    title = f"Kennisbank: {problem.field}"
    return (f"::error file={_property(problem.path)},line={problem.line},title={_property(title)}"
            f"::{_data(problem.message)}")


def annotations(problems: Iterable[Problem]) -> list[str]:
    return [annotation(p) for p in sorted(set(problems))]


__all__ = ["annotation", "annotations"]
