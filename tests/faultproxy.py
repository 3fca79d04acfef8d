"""A fault-injecting HTTP proxy on 127.0.0.1, in front of the real sync server.

The sync client talks to the proxy as if it were the server. Each request is read (request line,
headers, ``Content-Length`` body: enough HTTP/1.1 for httpx → uvicorn) and then handled in one of
these modes, taken from a script:

- ``pass``: forward it and relay the answer.
- ``500``: answer ``500 Internal Server Error`` itself; the server never sees the request.
- ``timeout``: never answer (the connection stays open until the client gives up).
- ``drop_after_commit``: forward it, read the server's whole answer (so the server has stored
  what it was sent), then close the client's connection without a byte: the server committed,
  the client never heard.
- ``slow``: hold the request ``slow_delay`` seconds (if the client goes away meanwhile, the
  request is dropped, as one still in the network would be), forward it, then dribble the
  answer in ``slow_chunk``-byte pieces every ``slow_interval`` seconds.
- ``reset``: close the connection with a TCP reset (SO_LINGER 0) as soon as the request is read.

Real sockets and threads, no mocks: the client sees exactly what a flaky mobile network or a
crashing reverse proxy would show it. The proxy also says what was in flight at a given moment
(:meth:`FaultProxy.in_flight`), which the crash test uses to tell how many kills landed mid-request.
"""

from __future__ import annotations

import contextlib
import itertools
import select
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

MODES = ("pass", "500", "timeout", "drop_after_commit", "slow", "reset")


class _Closed(Exception):
    """The peer closed the connection (or the proxy is stopping)."""


@dataclass
class Exchange:
    """One request seen by the proxy and what became of it."""

    id: int
    method: str
    path: str
    mode: str
    phase: str = "request"  # request → upstream → response → done (or failed)
    started: float = field(default_factory=time.monotonic)


class _Reader:
    """Buffered reads from a socket: lines for the head, exact byte counts for bodies."""

    def __init__(self, sock: socket.socket, stop: threading.Event) -> None:
        self.sock = sock
        self.stop = stop
        self.buf = bytearray()

    def _fill(self) -> None:
        while True:
            if self.stop.is_set():
                raise _Closed
            ready, _, _ = select.select([self.sock], [], [], 0.2)
            if ready:
                break
        try:
            data = self.sock.recv(65536)
        except OSError as exc:
            raise _Closed from exc
        if not data:
            raise _Closed
        self.buf += data

    def line(self) -> bytes:
        while (i := self.buf.find(b"\r\n")) < 0:
            if len(self.buf) > 65536:
                raise _Closed
            self._fill()
        out = bytes(self.buf[: i + 2])
        del self.buf[: i + 2]
        return out

    def exactly(self, n: int) -> bytes:
        while len(self.buf) < n:
            self._fill()
        out = bytes(self.buf[:n])
        del self.buf[:n]
        return out

    def until_eof(self) -> bytes:
        try:
            while True:
                self._fill()
        except _Closed:
            pass
        out = bytes(self.buf)
        self.buf.clear()
        return out

    def head(self) -> tuple[bytes, dict[str, str]]:
        """The start line and headers (names lower-cased), as raw bytes and a dict."""
        raw = bytearray()
        first = self.line()
        while first == b"\r\n":  # stray CRLF between keep-alive requests
            first = self.line()
        raw += first
        headers: dict[str, str] = {}
        while (ln := self.line()) != b"\r\n":
            raw += ln
            name, _, value = ln.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        raw += b"\r\n"
        return bytes(raw), headers


def _read_body(r: _Reader, headers: dict[str, str], *, no_body: bool) -> tuple[bytes, bool]:
    """The message body as it came on the wire; the flag says the sender closes afterwards."""
    if no_body:
        return b"", False
    if "chunked" in headers.get("transfer-encoding", "").lower():
        out = bytearray()
        while True:
            size_line = r.line()
            out += size_line
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while (trailer := r.line()) != b"\r\n":
                    out += trailer
                out += b"\r\n"
                return bytes(out), False
            out += r.exactly(size + 2)
    if "content-length" in headers:
        return r.exactly(int(headers["content-length"])), False
    return r.until_eof(), True


class FaultProxy:
    """A threaded TCP proxy with a per-request fault script.

    ``script(["500", "pass"], then="pass", match="/submissions")``: requests whose path contains
    ``match`` take the listed modes in order, then ``then``; other requests pass.
    """

    def __init__(
        self,
        upstream_host: str,
        upstream_port: int,
        *,
        slow_chunk: int = 16,
        slow_interval: float = 0.01,
        slow_delay: float = 0.0,
    ) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.slow_chunk = slow_chunk
        self.slow_interval = slow_interval
        self.slow_delay = slow_delay
        self._lock = threading.Lock()
        self._plan: deque[str] = deque()
        self._then = "pass"
        self._match = ""
        self._ids = itertools.count(1)
        self.log: list[Exchange] = []
        self._stop = threading.Event()
        self._socks: set[socket.socket] = set()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._accept_loop, name="faultproxy", daemon=True)

    # -- control ------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._listener.close()
        with self._lock:
            socks = list(self._socks)
        for s in socks:
            _close(s)
        self._thread.join(timeout=5)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def script(self, modes: Iterable[str] = (), *, then: str = "pass", match: str = "") -> None:
        """Replace the plan: ``modes`` for the next matching requests, then ``then``."""
        modes = list(modes)
        for m in (*modes, then):
            if m not in MODES:
                raise ValueError(f"unknown mode {m!r}")
        with self._lock:
            self._plan = deque(modes)
            self._then = then
            self._match = match

    def clear(self) -> None:
        """Every request passes again."""
        self.script()

    def modes_seen(self, match: str = "") -> list[str]:
        """The mode each request (whose path contains ``match``) was handled in, in order."""
        with self._lock:
            return [e.mode for e in self.log if match in e.path]

    def in_flight(self) -> list[Exchange]:
        """Requests not yet finished (copies), e.g. at the moment a client process is killed."""
        with self._lock:
            return [
                Exchange(e.id, e.method, e.path, e.mode, e.phase, e.started)
                for e in self.log
                if e.phase not in ("done", "failed")
            ]

    def _next_mode(self, path: str) -> str:
        with self._lock:
            if self._match not in path:
                return "pass"
            return self._plan.popleft() if self._plan else self._then

    def _set_phase(self, ex: Exchange, phase: str) -> None:
        with self._lock:
            ex.phase = phase

    # -- serving ------------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        self._listener.settimeout(0.1)  # closing a socket does not wake accept() on Linux
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            with self._lock:
                self._socks.add(client)
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        up_reader: _Reader | None = None
        reader = _Reader(client, self._stop)
        ex: Exchange | None = None
        try:
            while True:
                head, headers = reader.head()
                has_body = "content-length" in headers or "transfer-encoding" in headers
                body, _ = _read_body(reader, headers, no_body=not has_body)
                method, path, *_ = [*head.split(b"\r\n", 1)[0].decode("latin-1").split(" "), "", ""]
                ex = Exchange(next(self._ids), method, path, self._next_mode(path))
                with self._lock:
                    self.log.append(ex)
                if ex.mode == "reset":
                    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self._set_phase(ex, "done")
                    return
                if ex.mode == "500":
                    msg = b"fault proxy: injected 500"
                    client.sendall(
                        b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n"
                        b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(msg), msg)
                    )
                    self._set_phase(ex, "done")
                    return
                if ex.mode == "timeout":
                    self._set_phase(ex, "hanging")
                    reader.until_eof()  # until the client gives up or the proxy stops
                    self._set_phase(ex, "done")
                    return
                if ex.mode == "slow" and self.slow_delay and _gone_within(client, self.slow_delay):
                    self._set_phase(ex, "failed")  # lost in the network with its sender
                    return
                self._set_phase(ex, "upstream")
                if upstream is None:
                    upstream = socket.create_connection(self.upstream, timeout=None)
                    with self._lock:
                        self._socks.add(upstream)
                    up_reader = _Reader(upstream, self._stop)
                assert up_reader is not None
                upstream.sendall(head + body)
                resp_head, resp_headers = up_reader.head()
                status = int(resp_head.split(b" ", 2)[1])
                no_body = method == "HEAD" or status in (204, 304) or 100 <= status < 200
                resp_body, eof = _read_body(up_reader, resp_headers, no_body=no_body)
                self._set_phase(ex, "response")
                if ex.mode == "drop_after_commit":
                    self._set_phase(ex, "done")
                    return
                answer = resp_head + resp_body
                if ex.mode == "slow":
                    for i in range(0, len(answer), self.slow_chunk):
                        client.sendall(answer[i : i + self.slow_chunk])
                        time.sleep(self.slow_interval)
                else:
                    client.sendall(answer)
                self._set_phase(ex, "done")
                if eof or "close" in resp_headers.get("connection", "").lower():
                    return
        except (_Closed, OSError):
            if ex is not None and ex.phase != "done":
                self._set_phase(ex, "failed")
        finally:
            for s in (client, upstream):
                if s is not None:
                    _close(s)
                    with self._lock:
                        self._socks.discard(s)


def _gone_within(sock: socket.socket, seconds: float) -> bool:
    """Wait ``seconds``; True if the peer closed the connection meanwhile."""
    ready, _, _ = select.select([sock], [], [], seconds)
    if not ready:
        return False
    try:
        return sock.recv(1, socket.MSG_PEEK) == b""
    except OSError:
        return True


def _close(s: socket.socket) -> None:
    with contextlib.suppress(OSError):
        s.close()
