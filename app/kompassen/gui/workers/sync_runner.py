"""Runs the sync client on one worker thread so a slow or silent server never freezes the GUI.

The worker builds its own :class:`SyncClient` from a factory (one client, one HTTP connection
pool per thread) the first time it needs one, and closes it when the runner stops (the thread
is a :class:`Background`). Jobs are "sync", "enrol" and "status"; each reads the status after
it, and results come back to the GUI thread through Qt signals. Network and server trouble
arrive as a failed :class:`SyncReport` in words; a bug also goes to the crash hook.

An automatic timer on the GUI thread asks a :class:`SyncSchedule` whether a sync is due: every
two minutes while the server answers, after a growing, jittered pause while it does not. The
timer only starts when :meth:`start` is called (the window does that after its first paint,
so start-up imports neither the sync client nor httpx).

``synchronous=True`` runs jobs on the GUI thread from the event loop (a zero timer), for tests
that want no threads; either way a job's result arrives after the call that queued it returns.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.device.settings import SettingsStore
from kompassen.gui.workers.background import Background, report_bug

if TYPE_CHECKING:
    from kompassen.sync.backoff import SyncSchedule
    from kompassen.sync.client import SyncClient, SyncReport, SyncStatus
    from kompassen.sync.tokens import TokenStore

log = logging.getLogger(__name__)

AUTO_INTERVAL_S = 120.0  # between automatic syncs while the server answers
TICK_MS = 5_000  # how often the GUI asks the schedule whether a sync is due


@dataclass(frozen=True, slots=True)
class DeviceLink:
    """What Settings shows about the enrolment (the token itself never leaves the worker)."""

    device_id: str | None
    server_url: str | None
    token_where: str | None  # "keyring" | "file"


@dataclass(frozen=True, slots=True)
class _Answer:
    """What one job brings back: its own result, then the status read right after it."""

    result: Any
    status: tuple[SyncStatus, DeviceLink] | None
    status_bug: Exception | None = None  # reading the status hit a bug (reported on the GUI)


class _ClientSlot:
    """The worker's resource: the sync client, built on first use (a status read needs none)."""

    def __init__(self, factory: Callable[[], SyncClient]) -> None:
        self._factory = factory
        self.client: SyncClient | None = None

    def get(self) -> SyncClient:
        if self.client is None:
            self.client = self._factory()
        return self.client

    def close(self) -> None:
        if self.client is not None:
            try:
                self.client.close()
            finally:
                self.client = None


class SyncRunner(QObject):
    """A one-thread job queue around a SyncClient, plus the automatic sync timer."""

    status_changed = Signal(object)  # SyncStatus (also after every sync and enrolment)
    sync_started = Signal(int)  # ticket
    sync_finished = Signal(int, object)  # ticket, SyncReport
    enrol_finished = Signal(object, object)  # DeviceLink | None, error (KompassenError) | None
    busy_changed = Signal(bool)

    _w_started = Signal(int)  # worker → GUI thread: a sync began (queued, before its answer)

    def __init__(
        self,
        factory: Callable[[], SyncClient],
        *,
        settings: SettingsStore,
        clock: Clock,
        areas: Callable[[], Sequence[str]] = tuple,
        tokens: Callable[[], TokenStore] | None = None,
        status: Callable[[], SyncStatus] | None = None,
        synchronous: bool = False,
        interval: float = AUTO_INTERVAL_S,
        tick_ms: int = TICK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._clock = clock
        self._areas = areas
        self._tokens = tokens
        # the status without the client: no httpx and no catalogue handle until a sync is due
        self._status = status
        self._interval = interval
        self._bg: Background[_ClientSlot] = Background(
            partial(_ClientSlot, factory),
            name="kompassen-sync",
            close=_ClientSlot.close,
            synchronous=synchronous,
            parent=self,
        )
        self._ticket = 0
        self._sync_ticket = 0  # the latest sync queued
        self._pending_syncs = 0  # queued or running, seen from the GUI thread
        self.schedule: SyncSchedule | None = None
        self.status: SyncStatus | None = None
        self.link: DeviceLink | None = None
        self.last_report: SyncReport | None = None
        self.started = False
        self.auto = False
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self._tick)
        self._w_started.connect(self.sync_started)

    # ------------------------------------------------------------------ GUI side

    @property
    def busy(self) -> bool:
        """A sync is queued or running."""
        return self._pending_syncs > 0

    @property
    def enrolled(self) -> bool:
        return self.status is not None and self.status.enrolled

    @property
    def next_attempt_at(self) -> datetime | None:
        """When the automatic timer tries again after a failure (None while all is well)."""
        if self.schedule is None or self.schedule.failures == 0:
            return None
        return self.schedule.next_at

    def start(self, auto: bool = True) -> None:
        """Start the worker, read the status, and (with ``auto``) the automatic timer."""
        if self.started or self._bg.closed:
            return
        self.started = True
        self.auto = auto
        from kompassen.sync.backoff import Backoff, SyncSchedule

        self.schedule = SyncSchedule(self._clock, Backoff(), self._interval)
        self.refresh_status()
        if auto:
            self.timer.start()

    def refresh_status(self) -> None:
        """Read the status on the worker (token store, outbox counts, last sync)."""
        if not self._bg.waiting("status"):
            self._queue("status", lambda slot: None)

    def sync_now(self) -> int:
        """Queue a sync (one waiting sync is shared) and return its ticket."""
        if self._bg.waiting("sync"):
            return self._sync_ticket
        areas = tuple(self._areas())
        ticket = self._queue("sync", partial(self._do_sync, areas))
        self._sync_ticket = ticket
        self._pending_syncs += 1
        if self._pending_syncs == 1:
            self.busy_changed.emit(True)
        return ticket

    def enrol(self, code: str, name: str = "") -> int:
        """Enrol with the server address saved in Settings; the answer is ``enrol_finished``."""
        url = self._settings.load().server_url
        return self._queue("enrol", partial(self._do_enrol, url, code.strip(), name))

    def _queue(self, kind: str, job: Callable[[_ClientSlot], Any]) -> int:
        if not self.started:
            self.start(auto=False)
        self._ticket += 1
        ticket = self._ticket
        self._bg.submit(
            partial(self._answer, job, ticket if kind == "sync" else None),
            key=kind if kind in ("sync", "status") else None,  # one of each waits at a time
            done=partial(self._answered, kind, ticket),
            failed=partial(self._job_failed, kind, ticket),
        )
        return ticket

    def _tick(self) -> None:
        """The automatic timer: sync when due, enrolled and not already at it."""
        if self.schedule is None or self.busy or not self.enrolled:
            return
        if self.schedule.due():
            self.sync_now()

    def _answered(self, kind: str, ticket: int, answer: _Answer) -> None:
        if kind == "sync":
            self._got_synced(ticket, answer.result)
        elif kind == "enrol":
            self._got_enrolled(*answer.result)
        if answer.status is not None:
            self._got_status(*answer.status)
        if answer.status_bug is not None:
            report_bug(answer.status_bug)

    def _job_failed(self, kind: str, ticket: int, err: KompassenError) -> None:
        """Only a bug gets here (the jobs word what the user can do something about)."""
        if kind == "sync":
            self._got_synced(ticket, self._failed_report(err))
        elif kind == "enrol":
            self._got_enrolled(None, err)
        if kind != "status":
            self.refresh_status()

    def _got_status(self, status: SyncStatus, link: DeviceLink) -> None:
        self.status = status
        self.link = link
        self.status_changed.emit(status)

    def _got_synced(self, ticket: int, report: SyncReport) -> None:
        self.last_report = report
        if self.schedule is not None:
            self.schedule.record(report.ok)
        self._pending_syncs = max(0, self._pending_syncs - 1)
        self.sync_finished.emit(ticket, report)
        if self._pending_syncs == 0:
            self.busy_changed.emit(False)

    def _got_enrolled(self, link: DeviceLink | None, error: Exception | None) -> None:
        if link is not None and self.schedule is not None:
            self.schedule.record(True)  # a fresh enrolment starts a fresh schedule…
            self.sync_now()  # …with a first sync right away (busy before the news is out)
        self.enrol_finished.emit(link, error)

    # ------------------------------------------------------------------ worker side

    def _answer(
        self, job: Callable[[_ClientSlot], Any], ticket: int | None, slot: _ClientSlot
    ) -> _Answer:
        """Run ``job``, then read the status, so the GUI hears both in one go."""
        if ticket is not None:
            self._w_started.emit(ticket)
        result = job(slot)
        try:
            return _Answer(result, self._read_status(slot))
        except KompassenError as err:  # e.g. device.db unreadable: the next read may work
            log.warning("sync status could not be read: %s", err)
            return _Answer(result, None)
        except Exception as exc:  # a bug, but the job's own answer must still arrive
            return _Answer(result, None, exc)

    def _do_sync(self, area_ids: Sequence[str], slot: _ClientSlot) -> SyncReport:
        try:
            return slot.get().sync(area_ids)
        except KompassenError as err:  # the client words network trouble itself
            return self._failed_report(err)

    def _failed_report(self, err: KompassenError) -> SyncReport:
        from kompassen.sync.client import SyncReport

        return SyncReport(
            ok=False,
            sent=0,
            duplicates=0,
            rejected=0,
            queued_left=-1,
            catalogue_updates=[],
            error_sv=err.sv,
            error_en=err.en,
            finished_at=self._clock.now().isoformat(timespec="seconds"),
        )

    def _do_enrol(
        self, url: str, code: str, name: str, slot: _ClientSlot
    ) -> tuple[DeviceLink | None, KompassenError | None]:
        if not url:
            return None, KompassenError(
                sv="Ange synkserverns adress först och tryck Spara adress.",
                en="Enter the sync server's address first and press Save address.",
            )
        if not code:
            return None, KompassenError(
                sv="Skriv anslutningskoden du fått från kontoret.",
                en="Type the enrolment code you got from the office.",
            )
        try:
            creds = slot.get().enrol(url, code, name)
        except KompassenError as exc:
            return None, exc
        return DeviceLink(creds.device_id, creds.server_url, self._token_where()), None

    def _token_where(self) -> str | None:
        return self._tokens().where if self._tokens is not None else None

    def _read_status(self, slot: _ClientSlot) -> tuple[SyncStatus, DeviceLink]:
        status = self._status() if self._status is not None else slot.get().status()
        creds = self._tokens().load() if self._tokens is not None else None
        link = DeviceLink(
            creds.device_id if creds else None,
            creds.server_url if creds else status.server_url,
            self._token_where() if creds else None,
        )
        return status, link

    def close(self) -> None:
        """Stop the timer and the thread after the job it is running; waiting jobs are dropped."""
        self.timer.stop()
        self._bg.close(timeout=60)
