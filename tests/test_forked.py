"""Work in a forked copy (forked.py): its result comes back, its failure too, and it can be ended."""

from __future__ import annotations

import os
import time

import pytest

from kennisbank import forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def test_the_copy_hands_back_what_it_made():
    pages = {"lessen/x/": "<h1>X</h1>"}  # the copy has what the caller had, without sending it
    copy = forked.Forked(lambda: {**pages, "pid": os.getpid()})
    result = copy.result()
    assert result["lessen/x/"] == "<h1>X</h1>" and result["pid"] != os.getpid()


def test_a_failure_in_the_copy_comes_back_with_its_reason(tmp_path):
    def broken():
        raise ValueError("sjabloon kapot")

    with pytest.raises(forked.Failed, match="ValueError: sjabloon kapot"):
        forked.Forked(broken).result()
    missing = tmp_path / "map" / "bestand.html"
    with pytest.raises(forked.Failed) as failure:
        forked.Forked(lambda: missing.write_text("x")).result()
    assert str(failure.value) == f"{missing}: No such file or directory"


def test_a_copy_that_dies_without_a_word_is_a_failure():
    with pytest.raises(forked.Failed, match="het stopte met status"):
        forked.Forked(lambda: os._exit(3)).result()


def test_stop_ends_a_copy_at_once():
    copy = forked.Forked(lambda: time.sleep(60))
    started = time.monotonic()
    copy.stop()
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(copy.pid, os.WNOHANG)  # reaped: no such child any more
