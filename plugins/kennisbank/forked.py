"""Work done by a forked copy of this process, its result handed back through a pipe.

A copy made by fork has everything the caller had (the model, the pages) without sending it, so
it can start at once; it only has the thread that forked, and it must never return into the
caller's program. Used for reading a large site's content in two (load.py) and for the pages
written while Pagefind indexes (held.py); the second process that renders pages streams its
results and has its own protocol (parallel.py), but ends the same way (`kill`).
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from typing import Any


def available() -> bool:
    """A copy helps only with a second core, and needs fork (not on Windows)."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2


class Failed(Exception):
    """The copy failed; the message says why (a file and the system's reason where it can)."""


class Forked:
    """A forked copy running `work`; `result` waits for what it returned."""

    def __init__(self, work: Callable[[], Any]) -> None:
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(read_end)
            code = 1
            try:
                outcome = ("ok", work())
                code = 0
            except BaseException as exc:  # the caller must hear of it, whatever it is
                outcome = ("failed", reason(exc))
            try:
                with os.fdopen(write_end, "wb") as out:
                    pickle.dump(outcome, out, protocol=pickle.HIGHEST_PROTOCOL)
            finally:
                os._exit(code)  # never return into the caller's program
        os.close(write_end)
        self._incoming = read_end

    def result(self) -> Any:
        """Wait until the copy ends; what `work` returned, or Failed."""
        with os.fdopen(self._incoming, "rb") as incoming:
            self._incoming = -1
            data = incoming.read()
        _, status = os.waitpid(self.pid, 0)
        try:
            kind, value = pickle.loads(data)
        except (EOFError, pickle.UnpicklingError, ValueError):
            kind, value = "failed", f"het stopte met status {status}"
        if kind != "ok":
            raise Failed(value)
        return value

    def stop(self) -> None:
        """End the copy without waiting for its result."""
        kill(self.pid)
        if self._incoming >= 0:
            os.close(self._incoming)
            self._incoming = -1


def kill(pid: int) -> None:
    """End a forked copy now and reap it."""
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ChildProcessError, ProcessLookupError):
        pass


def reason(exc: BaseException) -> str:
    """'path: No space left on device' for a failed file operation, else the error and its message."""
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror}"
    return f"{type(exc).__name__}: {exc}"
