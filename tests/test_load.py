"""Reading the content (load.py): a large site is read by two processes, with the same result."""

from __future__ import annotations

import os

import pytest

from kennisbank import load, schema

EXAMPLES = "content/examples"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_two_processes_read_the_same_records_and_problems(mini, monkeypatch):
    folder = mini / EXAMPLES
    valid = (folder / "stroomlijn.md").read_text(encoding="utf-8")
    for n in range(7):
        (folder / f"kopie-{n}.md").write_text(valid.replace("Stroomlijn", f"Kopie {n}"), encoding="utf-8")
    (folder / "leeg.md").write_text("", encoding="utf-8")
    (folder / "kapot.md").write_text("---\ntitle: [niet dicht\n---\nTekst\n", encoding="utf-8")
    (folder / "bom.md").write_bytes(b"\xef\xbb\xbf" + valid.encode("utf-8"))

    monkeypatch.setattr(load, "READ_IN_TWO_FROM", 10**9)
    one = load.load_content(mini)
    forks = []
    real_fork = os.fork

    def counted_fork():
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(load, "READ_IN_TWO_FROM", 2)
    monkeypatch.setattr(os, "fork", counted_fork)
    monkeypatch.setattr(load.threading, "active_count", lambda: 1)  # other tests may leave a server thread
    two = load.load_content(mini)

    assert forks == [1]
    assert two == one
    assert sorted({p.path for p in two[1]}) == [f"{EXAMPLES}/bom.md", f"{EXAMPLES}/kapot.md", f"{EXAMPLES}/leeg.md"]
    kinds = {id(k) for k in schema.ALL_KINDS}
    assert all(id(record.kind) in kinds for record in two[0])  # the schema's own objects, not copies
