"""Runs searches on one worker thread so typing never waits for the catalogue.

The worker owns its own :class:`SearchService` (and SQLite read connection), built on the
thread itself so the search index is built there too (:class:`Background` does the thread).
Jobs are keyed: a new job under a key replaces one still waiting under that key, so fast
typing only searches for the latest text. Results come back to the GUI thread through Qt
signals. ``synchronous=True`` runs jobs on the GUI thread from the event loop (a zero timer),
for tests that want no threads at all; either way ``submit`` returns its ticket before any
result is delivered.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kompassen.core.errors import KompassenError
from kompassen.gui.workers.background import Background

if TYPE_CHECKING:
    from kompassen.catalogue.search.service import SearchService

Job = Callable[["SearchService"], Any]


def _close(service: SearchService) -> None:
    service.close()


class SearchRunner(QObject):
    """A one-thread job queue around a SearchService, latest job per key wins."""

    finished = Signal(str, int, object)  # key, ticket, result
    failed = Signal(str, int, object)  # key, ticket, KompassenError (a bug: also the crash hook)

    def __init__(
        self,
        factory: Callable[[], SearchService],
        synchronous: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bg: Background[SearchService] = Background(
            factory, name="kompassen-search", close=_close, synchronous=synchronous, parent=self
        )
        self._ticket = 0

    @property
    def busy(self) -> bool:
        """A search is waiting or running."""
        return self._bg.busy

    def submit(self, key: str, job: Job) -> int:
        """Queue ``job`` under ``key`` (replacing a waiting one) and return its ticket."""
        self._ticket += 1
        ticket = self._ticket
        self._bg.submit(
            job,
            key=key,
            done=partial(self._done, key, ticket),
            failed=partial(self._failed, key, ticket),
        )
        return ticket

    def _done(self, key: str, ticket: int, result: object) -> None:
        self.finished.emit(key, ticket, result)

    def _failed(self, key: str, ticket: int, err: KompassenError) -> None:
        self.failed.emit(key, ticket, err)

    def close(self) -> None:
        """Stop the thread after the job it is running; waiting jobs are dropped."""
        self._bg.close(timeout=30)
