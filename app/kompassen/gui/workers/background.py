"""One worker thread that owns a resource and runs operations on it; answers on the GUI thread.

Anki's QueryOp/CollectionOp idea, small: the search service, the sync client (and whatever
else must not block the GUI) is built *on* its worker thread by a factory and only ever used
there. An operation is ``op(resource) -> result``; its ``done`` callback gets the result on the
GUI thread. Operations run one at a time, in the order they were queued; one queued under a
``key`` replaces a waiting one under the same key (fast typing only searches the latest text).

Errors: a :class:`KompassenError` is the user's problem and goes to the operation's ``failed``
callback, to be shown in words. Any other exception is a bug: it goes to ``sys.excepthook`` on
the GUI thread (the crash hook logs and shows it; pytest-qt fails the test), and ``failed``
then gets a worded "unexpected error" so the page does not wait for an answer forever.

``synchronous=True`` runs operations on the GUI thread from the event loop (a zero timer), for
tests that want no threads; either way ``submit`` returns before any answer is delivered.
:meth:`Background.drain` waits until everything queued has run and delivers the answers at
once (before the app quits, or before reading what the worker wrote).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from kompassen.core.errors import KompassenError

log = logging.getLogger(__name__)

R = TypeVar("R")
T = TypeVar("T")

Failed = Callable[[KompassenError], None]


def report_bug(exc: BaseException) -> None:
    """Hand a bug to ``sys.excepthook`` (call on the GUI thread): never swallowed, never fatal."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


def unexpected(exc: BaseException) -> KompassenError:
    """The words a page shows for a bug it was waiting on (the details went to the crash hook)."""
    return KompassenError(
        sv=f"Ett oväntat fel inträffade ({type(exc).__name__}: {exc}).",
        en=f"An unexpected error happened ({type(exc).__name__}: {exc}).",
    )


class _Bridge(QObject):
    """Lives on the GUI thread: a callable emitted from the worker runs here (queued)."""

    deliver = Signal(object)  # a callable without arguments

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.deliver.connect(self._call)

    def _call(self, fn: Callable[[], None]) -> None:
        fn()


@dataclass(eq=False, slots=True)
class _Op:
    key: str | None
    fn: Callable[[Any], Any]
    done: Callable[[Any], None] | None
    failed: Failed | None


class Background(Generic[R]):
    """A one-thread queue of operations on a resource built (and closed) on that thread."""

    def __init__(
        self,
        factory: Callable[[], R],
        *,
        name: str,
        close: Callable[[R], None] | None = None,
        synchronous: bool = False,
        parent: QObject | None = None,
    ) -> None:
        self._factory = factory
        self._close_resource = close
        self._name = name
        self._sync = synchronous
        self._bridge = _Bridge(parent)
        self._resource: R | None = None
        self._ops: list[_Op] = []
        self._cond = threading.Condition()
        self._running = False
        self._stop = False
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ GUI side

    @property
    def busy(self) -> bool:
        """An operation is waiting or running."""
        with self._cond:
            return self._running or bool(self._ops)

    @property
    def queued(self) -> int:
        """How many operations wait (the running one not counted)."""
        with self._cond:
            return len(self._ops)

    @property
    def closed(self) -> bool:
        return self._stop

    def waiting(self, key: str) -> bool:
        """Whether an operation under ``key`` is queued and not yet started."""
        with self._cond:
            return any(op.key == key for op in self._ops)

    def submit(
        self,
        fn: Callable[[R], T],
        *,
        key: str | None = None,
        done: Callable[[T], None] | None = None,
        failed: Failed | None = None,
    ) -> None:
        """Queue ``fn`` (replacing a waiting one under ``key``); answers come on the GUI thread.

        After :meth:`close` nothing runs any more: pages still react to signals while the
        window goes away, and what they queue then is dropped (logged).
        """
        op = _Op(key, fn, done, failed)
        with self._cond:
            if self._stop:
                log.debug("%s is closed: an operation was dropped", self._name)
                return
            same = next((i for i, o in enumerate(self._ops) if key and o.key == key), None)
            if same is None:
                self._ops.append(op)
            else:
                self._ops[same] = op  # keeps its place in the queue
            if not self._sync:
                if self._thread is None:
                    self._thread = threading.Thread(target=self._loop, name=self._name, daemon=True)
                    self._thread.start()
                self._cond.notify_all()
                return
        QTimer.singleShot(0, self._bridge, self._run_pending)

    def drain(self, timeout: float = 30.0) -> bool:
        """Run (or wait for) everything queued and deliver the answers now; False on timeout."""
        if self._sync:
            self._run_pending()
            return True
        with self._cond:
            idle = self._cond.wait_for(lambda: not self._ops and not self._running, timeout)
        # the answers were posted to the bridge: hand them out before returning
        QCoreApplication.sendPostedEvents(self._bridge, QEvent.Type.MetaCall)
        return idle

    def close(self, *, drain: bool = False, timeout: float = 60.0) -> None:
        """Stop after the running operation (``drain``: after all queued ones) and close the resource."""
        if drain and not self._stop:
            self.drain(timeout)
        with self._cond:
            self._stop = True
            self._ops.clear()
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        else:
            self._close_now()

    # ------------------------------------------------------------------ running

    def _run_pending(self) -> None:
        """Synchronous mode: run what is waiting, on the GUI thread."""
        while True:
            with self._cond:
                if not self._ops or self._stop:
                    return
                op = self._ops.pop(0)
            self._execute(op)()

    def _execute(self, op: _Op) -> Callable[[], None]:
        """Run one operation; what to do with its outcome on the GUI thread."""
        try:
            if self._resource is None:
                self._resource = self._factory()
            result = op.fn(self._resource)
        except KompassenError as err:
            return partial(_fail, op, err)
        except Exception as exc:
            return partial(_bug, op, exc)
        return partial(_succeed, op, result)

    def _loop(self) -> None:
        while True:
            with self._cond:
                self._running = False
                self._cond.notify_all()  # a drain() may be waiting for this
                while not self._ops and not self._stop:
                    self._cond.wait()
                if self._stop:
                    break
                op = self._ops.pop(0)
                self._running = True
            self._bridge.deliver.emit(self._execute(op))
        self._close_now()

    def _close_now(self) -> None:
        """Close the resource on the thread that built it."""
        resource, self._resource = self._resource, None
        if resource is not None and self._close_resource is not None:
            self._close_resource(resource)


def _succeed(op: _Op, result: Any) -> None:
    if op.done is not None:
        op.done(result)


def _fail(op: _Op, err: KompassenError) -> None:
    if op.failed is not None:
        op.failed(err)


def _bug(op: _Op, exc: Exception) -> None:
    report_bug(exc)
    if op.failed is not None:
        op.failed(unexpected(exc))
