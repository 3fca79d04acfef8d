"""The office's one connection to the sync server, used only on its own worker thread.

Every network call of the office window goes through :class:`OfficeSession`: the signed-in
:class:`~kompassen.office.client.OfficeClient` is built and used on a
:class:`~kompassen.gui.workers.background.Background` worker, and the answers (or a
:class:`~kompassen.sync.transport.SyncError` in words) come back on the GUI thread. The GUI
thread never waits on the network.

A sign-in that the server no longer accepts (expired, revoked user) emits :attr:`expired`:
the window asks for the password again instead of showing an error on every page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.gui.workers.background import Background
from kompassen.office.client import OfficeClient, OfficeUser
from kompassen.office.credentials import OfficeCredentials, OfficeTokenStore
from kompassen.sync.transport import SyncError

log = logging.getLogger(__name__)

T = TypeVar("T")

# the SyncError kind that means "your sign-in is no longer good": ask for the password again
# (a wrong password at sign-in is ``bad_login``: said in the dialog, not asked anew)
EXPIRED_KIND = "signed_out"


def is_expired(err: KompassenError) -> bool:
    """Whether ``err`` says the server no longer accepts this sign-in (ask again)."""
    return isinstance(err, SyncError) and err.kind == EXPIRED_KIND


class NotSignedIn(KompassenError):
    """A page asked for the server before anybody signed in (the window signs in first)."""

    def __init__(self) -> None:
        super().__init__(sv="Du är inte inloggad.", en="You are not signed in.")


@dataclass
class _Slot:
    """The worker's resource: the client of the current sign-in (None before and after)."""

    store: OfficeTokenStore | None
    client: OfficeClient | None = None

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None


@dataclass(frozen=True, slots=True)
class SignedIn:
    """Who is signed in, where."""

    server: str
    user: OfficeUser


@dataclass(frozen=True, slots=True)
class Resumed:
    """What starting with the kept sign-in gave: signed in (``who``), nothing kept (all
    None), or refused (``error``), with the server and user it was for."""

    who: SignedIn | None = None
    server: str = ""
    user: str = ""
    error: KompassenError | None = None


class OfficeSession(QObject):
    """The signed-in office user's client on a worker thread; answers on the GUI thread."""

    signed_in = Signal(object)  # SignedIn
    expired = Signal()  # the server no longer accepts the kept sign-in: ask again
    signed_out = Signal()  # "Logga ut" has ended the sign-in

    def __init__(
        self,
        token_file: Path | None,
        clock: Clock,
        *,
        synchronous: bool = False,
        transport: Any = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._transport = transport  # tests: an httpx transport (faults); None = the network
        store = OfficeTokenStore(token_file) if token_file is not None else None
        self.store = store
        self.clock = clock
        self.current: SignedIn | None = None
        self.kept: Resumed | None = None  # what the start found kept (server, user to offer)
        self.last: SignedIn | None = None  # the latest sign-in, also once it has ended
        self.worker: Background[_Slot] = Background(
            lambda: _Slot(store),
            name="office-net",
            close=_Slot.close,
            synchronous=synchronous,
            parent=self,
        )

    # ------------------------------------------------------------------ signing in

    def remembered(self) -> OfficeCredentials | None:
        """The kept sign-in, if any, read on the calling thread (the window uses
        :meth:`resume`, which reads it on the worker: a keyring may be slow to answer)."""
        return _load(self.store, self.clock)

    def sign_in(
        self,
        server: str,
        user: str,
        password: str,
        *,
        done: Callable[[SignedIn], None] | None = None,
        failed: Callable[[KompassenError], None] | None = None,
    ) -> None:
        """Sign in on the worker; the token is kept for the next start."""
        transport = self._transport

        def op(slot: _Slot) -> SignedIn:
            client = OfficeClient.sign_in(server, user, password, transport=transport)
            try:
                me = client.me()
            except BaseException:
                client.close()
                raise
            slot.close()
            slot.client = client
            if slot.store is not None:
                _keep(slot.store, client)
            return SignedIn(client.server, me)

        self.worker.submit(op, key="sign-in", done=self._signed_in(done), failed=failed)

    def resume(
        self,
        *,
        done: Callable[[Resumed], None] | None = None,
    ) -> None:
        """Start with the kept sign-in: read it (file or keyring), ask the server who we are;
        all on the worker. An expired or refused one is dropped; ``done`` always gets a
        :class:`Resumed` (signed in, nothing kept, or why not, with the server and user to
        offer in the dialog)."""
        transport, clock = self._transport, self.clock

        def op(slot: _Slot) -> Resumed:
            creds = _load(slot.store, clock)
            if creds is None:
                return Resumed()
            client = OfficeClient.resume(creds, transport=transport)
            try:
                me = client.me()
            except KompassenError as err:
                client.close()
                if is_expired(err) and slot.store is not None:
                    slot.store.clear()
                return Resumed(server=creds.server_url, user=creds.user, error=err)
            slot.close()
            slot.client = client
            return Resumed(SignedIn(client.server, me), creds.server_url, creds.user)

        def finish(result: Resumed) -> None:
            self.kept = result
            if result.who is not None:
                self._signed_in(None)(result.who)
            if done is not None:
                done(result)

        self.worker.submit(
            op, key="sign-in", done=finish, failed=lambda err: finish(Resumed(error=err))
        )

    def sign_out(self, *, done: Callable[[None], None] | None = None) -> None:
        """End the sign-in on the server (best effort) and forget it here and in the file."""
        self.current = None

        def op(slot: _Slot) -> None:
            if slot.client is not None:
                slot.client.sign_out()  # a server out of reach: the token still goes here
            slot.close()
            if slot.store is not None:
                slot.store.clear()

        def finish(_none: None) -> None:
            self.signed_out.emit()
            if done is not None:
                done(None)

        self.worker.submit(op, done=finish)

    def _signed_in(self, done: Callable[[SignedIn], None] | None) -> Callable[[SignedIn], None]:
        def finish(who: SignedIn) -> None:
            self.current = self.last = who
            self.signed_in.emit(who)
            if done is not None:
                done(who)

        return finish

    # ------------------------------------------------------------------ calls

    def call(
        self,
        fn: Callable[[OfficeClient], T],
        *,
        key: str | None = None,
        done: Callable[[T], None] | None = None,
        failed: Callable[[KompassenError], None] | None = None,
    ) -> None:
        """Run ``fn(client)`` on the worker; an expired sign-in also emits :attr:`expired`."""

        def op(slot: _Slot) -> T:
            if slot.client is None:
                raise NotSignedIn()
            return fn(slot.client)

        def fail(err: KompassenError) -> None:
            if is_expired(err):
                self.current = None
                self.expired.emit()
            if failed is not None:
                failed(err)

        self.worker.submit(op, key=key, done=done, failed=fail)

    def close(self) -> None:
        """Stop the worker after the running call (the client is closed on its thread)."""
        self.worker.close()


def _load(store: OfficeTokenStore | None, clock: Clock) -> OfficeCredentials | None:
    if store is None:
        return None
    try:
        return store.load(clock.now())
    except (OSError, KompassenError) as exc:
        log.warning("the kept office sign-in could not be read: %s", exc)
        return None


def _keep(store: OfficeTokenStore, client: OfficeClient) -> None:
    """Keep the token for the next start; a disk that refuses only costs a sign-in then."""
    try:
        store.save(client.credentials())
    except (OSError, KompassenError) as exc:
        log.warning("the office sign-in was not kept: %s", exc)
