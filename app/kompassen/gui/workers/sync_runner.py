"""Runs the sync client on one worker thread so a slow or silent server never freezes the GUI.

The worker builds its own :class:`SyncClient` from a factory (one client, one HTTP connection
pool per thread) the first time it needs one, and closes it when the runner stops. Jobs are
"sync", "enrol" and "status"; results come back to the GUI thread through Qt signals.

An automatic timer on the GUI thread asks a :class:`SyncSchedule` whether a sync is due: every
two minutes while the server answers, after a growing, jittered pause while it does not. The
timer only starts when :meth:`start` is called (the window does that after its first paint,
so start-up imports neither the sync client nor httpx).

``synchronous=True`` runs jobs on the GUI thread from the event loop (a zero timer), for tests
that want no threads; either way a job's result arrives after the call that queued it returns.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.device.settings import SettingsStore

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
class _Job:
    kind: str  # "sync" | "enrol" | "status"
    ticket: int
    args: tuple[Any, ...] = ()


class SyncRunner(QObject):
    """A one-thread job queue around a SyncClient, plus the automatic sync timer."""

    status_changed = Signal(object)  # SyncStatus (also after every sync and enrolment)
    sync_started = Signal(int)  # ticket
    sync_finished = Signal(int, object)  # ticket, SyncReport
    enrol_finished = Signal(object, object)  # DeviceLink | None, error (KompassenError) | None
    busy_changed = Signal(bool)

    # worker → runner (queued to the GUI thread, handled before the public signals go out)
    _w_status = Signal(object, object)  # SyncStatus, DeviceLink
    _w_started = Signal(int)
    _w_synced = Signal(int, object)
    _w_enrolled = Signal(object, object)

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
        self._factory = factory
        self._settings = settings
        self._clock = clock
        self._areas = areas
        self._tokens = tokens
        # the status without the client: no httpx and no catalogue handle until a sync is due
        self._status = status
        self._sync = synchronous
        self._interval = interval
        self._client: SyncClient | None = None
        self._jobs: list[_Job] = []
        self._cond = threading.Condition()
        self._ticket = 0
        self._stop = False
        self._thread: threading.Thread | None = None
        self._running: _Job | None = None
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
        self._w_status.connect(self._got_status)
        self._w_started.connect(self._got_started)
        self._w_synced.connect(self._got_synced)
        self._w_enrolled.connect(self._got_enrolled)

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
        if self.started or self._stop:
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
        with self._cond:
            waiting = any(j.kind == "status" for j in self._jobs)
        if not waiting:
            self._queue("status")

    def sync_now(self) -> int:
        """Queue a sync (one waiting sync is shared) and return its ticket."""
        with self._cond:  # the worker pops jobs under the same lock
            waiting = next((j.ticket for j in self._jobs if j.kind == "sync"), None)
        if waiting is not None:
            return waiting
        ticket = self._queue("sync", tuple(self._areas()))
        self._pending_syncs += 1
        if self._pending_syncs == 1:
            self.busy_changed.emit(True)
        return ticket

    def enrol(self, code: str, name: str = "") -> int:
        """Enrol with the server address saved in Settings; the answer is ``enrol_finished``."""
        url = self._settings.load().server_url
        return self._queue("enrol", (url, code.strip(), name))

    def _queue(self, kind: str, args: tuple[Any, ...] = ()) -> int:
        if not self.started:
            self.start(auto=False)
        with self._cond:
            self._ticket += 1
            job = _Job(kind, self._ticket, args)
            self._jobs.append(job)
            if not self._sync:
                if self._thread is None and not self._stop:
                    self._thread = threading.Thread(
                        target=self._loop, name="kompassen-sync", daemon=True
                    )
                    self._thread.start()
                self._cond.notify()
                return job.ticket
        QTimer.singleShot(0, self, self._run_pending)
        return job.ticket

    def _tick(self) -> None:
        """The automatic timer: sync when due, enrolled and not already at it."""
        if self.schedule is None or self.busy or not self.enrolled:
            return
        if self.schedule.due():
            self.sync_now()

    def _got_status(self, status: SyncStatus, link: DeviceLink) -> None:
        self.status = status
        self.link = link
        self.status_changed.emit(status)

    def _got_started(self, ticket: int) -> None:
        self.sync_started.emit(ticket)

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

    def _client_now(self) -> SyncClient:
        if self._client is None:
            self._client = self._factory()
        return self._client

    def _run_pending(self) -> None:
        """Synchronous mode: run what is waiting, on the GUI thread."""
        while self._jobs and not self._stop:
            job = self._jobs.pop(0)
            self._run(job)

    def _run(self, job: _Job) -> None:
        if job.kind == "sync":
            self._w_started.emit(job.ticket)
            self._w_synced.emit(job.ticket, self._do_sync(job.args))
        elif job.kind == "enrol":
            link, error = self._do_enrol(*job.args)
            self._w_enrolled.emit(link, error)
        self._emit_status()

    def _do_sync(self, area_ids: Sequence[str]) -> SyncReport:
        try:
            return self._client_now().sync(area_ids)
        except Exception as exc:  # the client words network trouble itself; this is the rest
            if not isinstance(exc, KompassenError):
                log.exception("sync failed")
                exc = KompassenError(sv=f"Synkningen misslyckades: {exc}", en=f"The sync failed: {exc}")
            from kompassen.sync.client import SyncReport

            return SyncReport(
                ok=False,
                sent=0,
                duplicates=0,
                rejected=0,
                queued_left=-1,
                catalogue_updates=[],
                error_sv=exc.sv,
                error_en=exc.en,
                finished_at=self._clock.now().isoformat(timespec="seconds"),
            )

    def _do_enrol(
        self, url: str, code: str, name: str
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
            creds = self._client_now().enrol(url, code, name)
        except KompassenError as exc:
            return None, exc
        except Exception as exc:
            log.exception("enrolment failed")
            return None, KompassenError(
                sv=f"Anslutningen misslyckades: {exc}", en=f"Enrolment failed: {exc}"
            )
        return DeviceLink(creds.device_id, creds.server_url, self._token_where()), None

    def _token_where(self) -> str | None:
        return self._tokens().where if self._tokens is not None else None

    def _emit_status(self) -> None:
        try:
            status = self._status() if self._status is not None else self._client_now().status()
            creds = self._tokens().load() if self._tokens is not None else None
            link = DeviceLink(
                creds.device_id if creds else None,
                creds.server_url if creds else status.server_url,
                self._token_where() if creds else None,
            )
        except Exception:  # a status the worker cannot read is not worth a crash
            log.exception("sync status could not be read")
            return
        self._w_status.emit(status, link)

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._jobs and not self._stop:
                    self._running = None
                    self._cond.wait()
                if self._stop:
                    break
                job = self._jobs.pop(0)
                self._running = job
            self._run(job)
        self._close_client()

    def _close_client(self) -> None:
        if self._client is not None:
            try:
                self._client.close()
            finally:
                self._client = None

    def close(self) -> None:
        """Stop the timer and the thread after the job it is running; waiting jobs are dropped."""
        self.timer.stop()
        with self._cond:
            self._stop = True
            self._jobs.clear()
            self._cond.notify()
        if self._thread is not None:
            self._thread.join(timeout=60)
            self._thread = None
        else:
            self._close_client()
