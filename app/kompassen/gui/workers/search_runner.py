"""Runs searches on one worker thread so typing never waits for the catalogue.

The worker owns its own :class:`SearchService` (and SQLite read connection), built on the
thread itself so the search index is built there too (:class:`Background` does the thread).
Jobs are keyed: a new job under a key replaces one still waiting under that key, so fast
typing only searches for the latest text. Results come back to the GUI thread through Qt
signals. ``synchronous=True`` runs jobs on the GUI thread from the event loop (a zero timer),
for tests that want no threads at all; either way ``submit`` returns its ticket before any
result is delivered.

A damaged catalogue page met by a search ("malformed") is healed here, on the worker: the
``healer`` rebuilds the file, the worker opens a new SearchService on it, runs the job again
and ``healed`` tells the window (which says so in the status line).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal

from kompassen.catalogue.store.db import reading
from kompassen.catalogue.store.store import CatalogueRebuilt, Generation, is_corrupt
from kompassen.core.errors import KompassenError
from kompassen.gui.qtapp import drop_source_cache
from kompassen.gui.workers.background import Background

if TYPE_CHECKING:
    from kompassen.catalogue.search.service import SearchService

log = logging.getLogger(__name__)

Job = Callable[["SearchService"], Any]


class Healer(Protocol):
    """What rebuilds a damaged catalogue (the app context: ``AppContext``)."""

    def catalogue_generation(self) -> Generation: ...

    def heal_catalogue(
        self, cause: BaseException, failed_on: Generation | None = None, *, certain: bool = True
    ) -> CatalogueRebuilt | None: ...


class _Searcher:
    """The worker's SearchService, replaced by a new one after the catalogue was rebuilt."""

    def __init__(
        self,
        factory: Callable[[], SearchService],
        healer: Healer | None,
        told: Callable[[CatalogueRebuilt], None],
    ) -> None:
        self._factory = factory
        self._healer = healer
        self._told = told
        self._generation: Generation | None = None
        self._service: SearchService | None = None
        self._open()

    def _open(self) -> SearchService:
        if self._service is None:
            if self._healer is not None:
                self._generation = self._healer.catalogue_generation()  # before connecting
            with reading():
                self._service = self._factory()
        return self._service

    def run(self, job: Job) -> Any:
        try:
            with reading():  # raw SQLite storage errors of the search, in words
                return job(self._open())
        except KompassenError as exc:
            if self._healer is None or not is_corrupt(exc):
                raise
            cause = exc
        log.warning("search met a damaged catalogue (%s); healing", cause.en)
        self.close()  # before the heal: no connection of ours left on the damaged file
        notice = self._healer.heal_catalogue(cause, self._generation)
        if notice is not None:
            self._told(notice)
        with reading():
            return job(self._open())

    def close(self) -> None:
        service, self._service = self._service, None
        if service is not None:
            service.close()


def _close(searcher: _Searcher) -> None:
    searcher.close()


def _run(job: Job, searcher: _Searcher) -> Any:
    return searcher.run(job)


class SearchRunner(QObject):
    """A one-thread job queue around a SearchService, latest job per key wins."""

    finished = Signal(str, int, object)  # key, ticket, result
    failed = Signal(str, int, object)  # key, ticket, KompassenError (a bug: also the crash hook)
    healed = Signal(object)  # CatalogueRebuilt: a damaged catalogue was rebuilt (the words)

    def __init__(
        self,
        factory: Callable[[], SearchService],
        synchronous: bool = False,
        parent: QObject | None = None,
        *,
        healer: Healer | None = None,
    ) -> None:
        super().__init__(parent)
        self._bg: Background[_Searcher] = Background(
            partial(_Searcher, factory, healer, self.healed.emit),
            name="kompassen-search",
            close=_close,
            synchronous=synchronous,
            parent=self,
        )
        self._ticket = 0
        self._first_done = False

    @property
    def busy(self) -> bool:
        """A search is waiting or running."""
        return self._bg.busy

    def submit(self, key: str, job: Job) -> int:
        """Queue ``job`` under ``key`` (replacing a waiting one) and return its ticket."""
        self._ticket += 1
        ticket = self._ticket
        self._bg.submit(
            partial(_run, job),
            key=key,
            done=partial(self._done, key, ticket),
            failed=partial(self._failed, key, ticket),
        )
        return ticket

    def _done(self, key: str, ticket: int, result: object) -> None:
        if not self._first_done:  # the first search imported numpy, holidays, the analyser…
            self._first_done = True
            drop_source_cache()
        self.finished.emit(key, ticket, result)

    def _failed(self, key: str, ticket: int, err: KompassenError) -> None:
        self.failed.emit(key, ticket, err)

    def close(self) -> None:
        """Stop the thread after the job it is running; waiting jobs are dropped."""
        self._bg.close(timeout=30)
