"""Runs searches on one worker thread so typing never waits for the catalogue.

The worker owns its own :class:`SearchService` (and SQLite read connection), built on the
thread itself so the search index is built there too. Jobs are keyed: a new job under a key
replaces one still waiting under that key, so fast typing only searches for the latest text.
Results come back to the GUI thread through a Qt signal. ``synchronous=True`` runs jobs on
the GUI thread from the event loop (a zero timer), for tests that want no threads at all;
either way ``submit`` returns its ticket before any result is delivered.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from kompassen.core.errors import KompassenError

if TYPE_CHECKING:
    from kompassen.catalogue.search.service import SearchService

log = logging.getLogger(__name__)

Job = Callable[["SearchService"], Any]


class SearchRunner(QObject):
    """A one-thread job queue around a SearchService, latest job per key wins."""

    finished = Signal(str, int, object)  # key, ticket, result
    failed = Signal(str, int, object)  # key, ticket, KompassenError | Exception

    def __init__(
        self,
        factory: Callable[[], SearchService],
        synchronous: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._factory = factory
        self._sync = synchronous
        self._service: SearchService | None = None
        self._pending: dict[str, tuple[int, Job]] = {}
        self._cond = threading.Condition()
        self._ticket = 0
        self._stop = False
        self._thread: threading.Thread | None = None
        self.busy = False
        if not synchronous:
            self._thread = threading.Thread(target=self._loop, name="kompassen-search", daemon=True)
            self._thread.start()

    def submit(self, key: str, job: Job) -> int:
        """Queue ``job`` under ``key`` (replacing a waiting one) and return its ticket."""
        with self._cond:
            self._ticket += 1
            ticket = self._ticket
            self._pending[key] = (ticket, job)
            if not self._sync:
                self._cond.notify()
                return ticket
        QTimer.singleShot(0, self, self._run_pending)
        return ticket

    def _run_pending(self) -> None:
        """Synchronous mode: run what is waiting, on the GUI thread."""
        while self._pending and not self._stop:
            key = next(iter(self._pending))
            ticket, job = self._pending.pop(key)
            self._run(key, ticket, job)

    def _service_now(self) -> SearchService:
        if self._service is None:
            self._service = self._factory()
        return self._service

    def _run(self, key: str, ticket: int, job: Job) -> None:
        try:
            result = job(self._service_now())
        except Exception as exc:  # delivered to the GUI, which shows it in words
            if not isinstance(exc, KompassenError):
                log.exception("search job %s failed", key)
            self.failed.emit(key, ticket, exc)
            return
        self.finished.emit(key, ticket, result)

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._stop:
                    self.busy = False
                    self._cond.wait()
                if self._stop:
                    break
                key = next(iter(self._pending))
                ticket, job = self._pending.pop(key)
                self.busy = True
            self._run(key, ticket, job)
        if self._service is not None:
            self._service.close()

    def close(self) -> None:
        """Stop the thread after the job it is running; waiting jobs are dropped."""
        with self._cond:
            self._stop = True
            self._pending.clear()
            self._cond.notify()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
        elif self._service is not None:
            self._service.close()
        self._service = None
