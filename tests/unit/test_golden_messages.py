"""Golden files for `kennisbank check`: each input file stands beside the exact lines it must give.

    golden/messages/examples/<name>.md        copied into content/examples/ of the mini project
    golden/messages/vocabularies/<name>/*.yml replaces that vocabulary file of the mini project
    <same path without the extension>.txt     the expected lines (KENNISBANK_GOLDEN=1 rewrites them)

Adding a case is adding a file. The messages are the editors' interface: a change shows up here.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import check

GOLDEN = Path(__file__).parent / "golden"
MESSAGES = GOLDEN / "messages"


def cases() -> list[Path]:
    return sorted([*MESSAGES.glob("examples/*.md"), *(p for p in MESSAGES.glob("vocabularies/*") if p.is_dir())])


def expected_file(case: Path) -> Path:
    return case.with_suffix(".txt") if case.is_file() else case.parent / f"{case.name}.txt"


@pytest.mark.parametrize("case", cases(), ids=lambda p: p.stem)
def test_check_gives_the_golden_lines(case, mini):
    if case.is_file():
        shutil.copy(case, mini / "content" / "examples" / case.name)
    else:
        for file in case.iterdir():
            shutil.copy(file, mini / "content" / file.name)
    code, lines = check(mini)
    golden = expected_file(case)
    if os.environ.get("KENNISBANK_GOLDEN"):
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert code == 1
    assert lines == golden.read_text(encoding="utf-8").splitlines()


def test_every_case_has_its_expected_lines():
    assert cases() and all(expected_file(case).is_file() for case in cases())
