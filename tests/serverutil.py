"""A real sync server on 127.0.0.1 for tests: ``LiveServer``.

Import it as ``from serverutil import LiveServer`` (``tests/`` is on ``sys.path``, like
``minipack``). It runs the real FastAPI app under uvicorn in a background thread on a free
port, around a real SQLite file::

    with LiveServer(clock=clock) as server:          # or: url = server.start(db_path)
        url = server.start(tmp_path / "server.db")   # "http://127.0.0.1:PORT"
        office = server.office_token()               # office user + login, a bearer token
        device_id, token = server.enrol()            # an enrolled tablet
        server.register_area_key("klara")            # before the area's first release
        httpx.get(f"{url}/api/v1/health")
    # stopped on leaving the block (or server.stop())

The clock passed in is the server's clock: advance a ``FixedClock`` to expire tokens/codes.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx
import uvicorn

from kompassen.core.clock import Clock
from kompassen.server import admin
from kompassen.server.app import create_app

API = "/api/v1"
AREAS = Path(__file__).resolve().parents[1] / "data" / "areas"
OFFICE_NAME = "kontoret"
OFFICE_PASSWORD = "testlösenord-123"


class LiveServer:
    """Start/stop the real server in a thread; also a context manager (stops on exit)."""

    def __init__(self, clock: Clock | None = None, **app_options: Any) -> None:
        self.clock = clock
        self.app_options = app_options  # e.g. body_limit=... for create_app
        self.url = ""
        self.api = ""
        self.target: Path | str = ""
        self.app: Any = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self, db_path: Path | str) -> str:
        """Serve ``db_path`` (a SQLite file, created if new, or a PostgreSQL URL); returns the
        base URL (without ``/api/v1``). ``target`` is what it serves, for the admin CLI."""
        if self._server is not None:
            raise RuntimeError("LiveServer is already running")
        self.target = db_path
        self.app = create_app(db_path, clock=self.clock, **self.app_options)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=port, log_level="warning", ws="none", lifespan="on"
        )
        server = uvicorn.Server(config)
        self._server = server
        self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="live-server", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                sock.close()
                raise RuntimeError("the server did not start")
            time.sleep(0.01)
        self.url = f"http://127.0.0.1:{port}"
        self.api = self.url + API
        return self.url

    def stop(self) -> None:
        """Stop serving and wait for the thread (the database is closed by the app)."""
        if self._server is None:
            return
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=20)
        self._server = None
        self._thread = None

    def __enter__(self) -> LiveServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- conveniences for tests of the clients ------------------------------------------

    def office_token(self, name: str = OFFICE_NAME, password: str = OFFICE_PASSWORD) -> str:
        """Create (or reset) an office user directly in the database and log in over HTTP."""
        admin.set_office_user(self.app.state.db, self.app.state.clock, name, password)
        r = httpx.post(f"{self.api}/office/login", json={"name": name, "password": password})
        r.raise_for_status()
        return str(r.json()["token"])

    def register_area_key(
        self, area_id: str = "klara", key: str | None = None, *, replace: bool = False
    ) -> str:
        """Pin the area's signing key as the admin would (default: the bundled pack's)."""
        if key is None:
            pack_area, key = admin.pack_signing_key(AREAS / area_id)
            assert pack_area == area_id
        return admin.register_area_key(
            self.app.state.db, self.app.state.clock, area_id, key, by="test", replace=replace
        )

    def enrolment_code(self, uses: int = 1, valid_hours: int = 24) -> str:
        """A fresh enrolment code, made directly in the database."""
        code, _ = admin.create_enrolment_code(
            self.app.state.db, self.app.state.clock, uses, valid_hours
        )
        return code

    def enrol(self, name: str = "Testplatta 1") -> tuple[str, str]:
        """Enrol a tablet over HTTP: ``(device_id, token)``."""
        r = httpx.post(f"{self.api}/enrol", json={"code": self.enrolment_code(), "name": name})
        r.raise_for_status()
        body = r.json()
        return str(body["device_id"]), str(body["token"])


def bearer(token: str) -> dict[str, str]:
    """The Authorization header for a token."""
    return {"Authorization": f"Bearer {token}"}
