"""Never a half-written site: `mkdocs build` writes into a staging folder beside the output and
swaps it in only when the build is complete.

MkDocs empties the site folder when a build starts and then writes file by file, so a build that
fails (a strict warning, Pagefind) or is stopped (SIGTERM from CI, Ctrl-C) used to leave a site
without its search index or with a handful of pages. Now the previous site stays as it was until
the new one is finished, and the staging folder is removed on failure and on exit. The staging
folder sits in the same parent folder as the site, so the swap is two renames on one file system.
`mkdocs serve` and `--dirty` builds are not staged (serve builds into its own temporary folder).
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import signal
from pathlib import Path

STAGING = ".{name}.bouwen-"  # + the build's process id
PREVIOUS = ".{name}.vorige-"


class _Warnings(logging.Handler):
    """Counts warnings, as MkDocs does for --strict, which aborts only after the last plugin event."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _stop(signum, frame):
    raise SystemExit(128 + signum)  # unwinds the build, so the staging folder is cleaned up


class StagedOutput:
    def __init__(self, site_dir: str, strict: bool) -> None:
        self.target = Path(site_dir).absolute()
        self.staging = self.target.parent / (STAGING.format(name=self.target.name) + str(os.getpid()))
        self.strict = strict
        self.warnings = _Warnings()
        self._previous_handler = None

    def begin(self) -> str:
        """Start staging; returns the folder the build should write to."""
        for pattern in (STAGING, PREVIOUS):  # left by a build that was killed outright (SIGKILL)
            for stale in self.target.parent.glob(pattern.format(name=self.target.name) + "*"):
                shutil.rmtree(stale, ignore_errors=True)
        logging.getLogger("mkdocs").addHandler(self.warnings)
        atexit.register(self.discard)
        try:
            self._previous_handler = signal.signal(signal.SIGTERM, _stop)
        except ValueError:  # not the main thread: leave signals alone
            self._previous_handler = None
        return str(self.staging)

    def commit(self) -> bool:
        """Put the finished site in place of the old one; False (and nothing changed) when a strict
        build will abort on its warnings."""
        if self.strict and self.warnings.count:
            self.discard()
            return False
        previous = self.target.parent / (PREVIOUS.format(name=self.target.name) + str(os.getpid()))
        if self.target.exists():
            self.target.rename(previous)
        self.staging.rename(self.target)
        shutil.rmtree(previous, ignore_errors=True)
        self._end()
        return True

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        self._end()

    def _end(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        atexit.unregister(self.discard)
        if self._previous_handler is not None:
            signal.signal(signal.SIGTERM, self._previous_handler)
            self._previous_handler = None
