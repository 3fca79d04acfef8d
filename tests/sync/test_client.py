"""The sync client against the real server on 127.0.0.1: enrol, push, failures, status."""

from __future__ import annotations

import gzip
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from kompassen.catalogue.store.loader import dump_area
from kompassen.compose import AppContext
from kompassen.server import admin
from kompassen.sync.client import SyncClient, SyncError
from kompassen.sync.tokens import Credentials
from serverutil import LiveServer

from .conftest import queue, server_rows


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nobody listens there any more


class _Html(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<html><body>Welcome to nginx!</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def web_page() -> Iterator[str]:
    """Some other web server (not Kompassen) on 127.0.0.1."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Html)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class LoseAnswers(httpx.HTTPTransport):
    """The request reaches the real server and is answered; the answer is lost on the way."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        response.read()
        response.close()
        if request.url.path.endswith("/submissions"):
            raise httpx.ReadError("connection reset by peer", request=request)
        return response


def _count_batches(ctx: AppContext) -> list[int]:
    """Record the size of every batch the client takes from the (real) outbox."""
    sizes: list[int] = []
    original = ctx.outbox.take_batch

    def counting(limit: int) -> list:  # type: ignore[type-arg]
        batch = original(limit)
        if batch:
            sizes.append(len(batch))
        return batch

    ctx.outbox.take_batch = counting  # type: ignore[method-assign]
    return sizes


# ------------------------------------------------------------------------------ enrol


def test_enrol_saves_credentials_and_status_says_so(
    ctx: AppContext, client: SyncClient, live: LiveServer
) -> None:
    assert client.status().enrolled is False
    creds = client.enrol(live.url + "/api/v1/", live.enrolment_code(), "Platta 7")
    assert creds.server_url == live.url and creds.token
    assert ctx.tokens.load() == creds
    assert ctx.paths.token_file.exists()
    st = client.status()
    assert st.enrolled and st.server_url == live.url and st.queued == 0
    devices = admin.list_devices(live.app.state.db)
    assert [(d["id"], d["name"]) for d in devices] == [(creds.device_id, "Platta 7")]


def test_enrol_with_a_wrong_code(ctx: AppContext, client: SyncClient, live: LiveServer) -> None:
    with pytest.raises(SyncError) as err:
        client.enrol(live.url, "AAAA-BBBB-CCCC-DDDD")
    assert err.value.kind == "bad_code"
    assert "Koden gäller inte" in err.value.sv and "not valid" in err.value.en
    assert ctx.tokens.load() is None
    code = live.enrolment_code()
    client.enrol(live.url, code)
    with pytest.raises(SyncError) as again:  # a one-use code works once
        client.enrol(live.url, code)
    assert again.value.kind == "bad_code"


def test_enrol_when_the_server_is_unreachable(ctx: AppContext, client: SyncClient) -> None:
    with pytest.raises(SyncError) as err:
        client.enrol(_closed_port_url(), "AAAA-BBBB-CCCC-DDDD")
    assert err.value.kind == "unreachable" and "Servern svarar inte" in err.value.sv
    assert "utkorgen" not in err.value.sv and "outbox" not in err.value.en  # no reports here
    assert ctx.tokens.load() is None


def test_calls_without_an_outbox_do_not_speak_of_one() -> None:
    """The office's calls (and enrolling) say the server is down, not that reports wait."""
    from kompassen.sync.transport import Api

    url = _closed_port_url()
    with httpx.Client(timeout=2) as http:
        for outbox, says in ((True, True), (False, False)):
            with pytest.raises(SyncError) as err:
                Api(http, url, outbox=outbox).json("GET", "/health")
            assert err.value.kind == "unreachable" and "Servern svarar inte" in err.value.sv
            assert ("utkorgen" in err.value.sv) is says and ("outbox" in err.value.en) is says


def test_enrol_with_a_web_server_that_is_not_kompassen(client: SyncClient, web_page: str) -> None:
    with pytest.raises(SyncError) as err:
        client.enrol(web_page, "AAAA-BBBB-CCCC-DDDD")
    assert err.value.kind == "not_kompassen"
    assert "inte en Kompassen-server" in err.value.sv


def test_enrol_over_https_to_a_plain_http_server_is_a_tls_problem(
    client: SyncClient, live: LiveServer
) -> None:
    with pytest.raises(SyncError) as err:
        client.enrol(live.url.replace("http://", "https://"), live.enrolment_code())
    assert err.value.kind == "tls" and "Säker anslutning" in err.value.sv


@pytest.mark.parametrize("url", ["kompassen.example.se", "ftp://x", "https://x/?a=1", ""])
def test_enrol_with_a_bad_address(client: SyncClient, url: str) -> None:
    with pytest.raises(SyncError) as err:
        client.enrol(url, "AAAA")
    assert err.value.kind == "bad_url"


# ------------------------------------------------------------------------------- push


def test_not_enrolled_sync_is_not_ok_and_keeps_everything(
    ctx: AppContext, client: SyncClient
) -> None:
    queue(ctx, 2)
    report = client.sync(["klara"])
    assert not report.ok and report.queued_left == 2
    assert report.error_sv and "inte ansluten" in report.error_sv
    st = client.status()
    assert st.last_error_sv == report.error_sv and st.last_sync_at is None


def test_push_450_in_three_batches_each_stored_once(
    ctx: AppContext, live: LiveServer, clock: object
) -> None:
    client = ctx.sync_client(batch_size=200)
    try:
        creds = client.enrol(live.url, live.enrolment_code())
        uuids = queue(ctx, 450)
        seen_batches = _count_batches(ctx)
        report = client.sync([], pull=False)
    finally:
        client.close()
    assert report.ok, report.error_en
    assert (report.sent, report.duplicates, report.rejected, report.queued_left) == (450, 0, 0, 0)
    assert seen_batches == [200, 200, 50]
    rows = server_rows(live)
    assert sorted(rows) == sorted((creds.device_id, u) for u in uuids)
    counts = ctx.outbox.counts()
    assert counts["sent"] == 450 and counts["queued"] == counts["sending"] == 0
    blobs = ctx.device_db.query("SELECT count(*) FROM outbox WHERE sealed IS NOT NULL")[0][0]
    assert blobs == 0  # nothing readable (or sealed) stays on the device
    st = client.status()
    assert st.last_sync_at == report.finished_at and st.last_error_sv is None


def test_a_lost_answer_is_resent_as_duplicates_without_new_rows(
    ctx: AppContext, live: LiveServer
) -> None:
    lossy = ctx.sync_client(transport=LoseAnswers())
    try:
        creds = lossy.enrol(live.url, live.enrolment_code())
        uuids = queue(ctx, 5)
        first = lossy.sync(pull=False)
    finally:
        lossy.close()
    assert not first.ok and first.queued_left == 5 and first.sent == 0
    assert len(server_rows(live)) == 5  # the server did store them
    assert all(i.attempts == 1 and i.status == "queued" for i in ctx.outbox.items())
    client = ctx.sync_client()
    try:
        second = client.sync(pull=False)
    finally:
        client.close()
    assert second.ok and second.duplicates == 5 and second.sent == 0
    assert sorted(server_rows(live)) == sorted((creds.device_id, u) for u in uuids)
    assert ctx.outbox.counts()["sent"] == 5


def test_a_crash_mid_send_is_recovered_and_resent(
    ctx: AppContext, enrolled: SyncClient, live: LiveServer
) -> None:
    queue(ctx, 3)
    ctx.outbox.take_batch(2)  # the process died after taking a batch
    report = enrolled.sync(pull=False)
    assert report.ok and report.sent == 3 and len(server_rows(live)) == 3


def test_a_rejected_item_is_kept_with_words_and_the_rest_go(
    ctx: AppContext, enrolled: SyncClient, live: LiveServer
) -> None:
    uuids = queue(ctx, 3)
    with ctx.device_db.transaction() as conn:  # a damaged blob: too short to be sealed
        conn.execute("UPDATE outbox SET sealed = x'00' WHERE uuid = ?", (uuids[1],))
    report = enrolled.sync(pull=False)
    assert report.ok and report.sent == 2 and report.rejected == 1 and report.queued_left == 0
    (bad,) = ctx.outbox.items(["rejected"])
    assert bad.uuid == uuids[1] and bad.last_error and "Servern tog inte emot" in bad.last_error
    assert len(server_rows(live)) == 2
    ctx.outbox.requeue_rejected(bad.uuid)  # the user asks again: still refused, still kept
    again = enrolled.sync(pull=False)
    assert again.rejected == 1 and ctx.outbox.items(["rejected"])[0].attempts == 2


def test_revoked_device_keeps_its_reports_with_words(
    ctx: AppContext, enrolled: SyncClient, live: LiveServer, server_clock: object
) -> None:
    device_id = ctx.tokens.load().device_id  # type: ignore[union-attr]
    admin.revoke_device(live.app.state.db, live.app.state.clock, device_id)
    queue(ctx, 4)
    report = enrolled.sync(["klara"])
    assert not report.ok and report.queued_left == 4 and report.sent == 0
    assert report.error_sv and "spärrats av kontoret" in report.error_sv
    assert report.error_en and "revoked" in report.error_en
    assert all(i.status == "queued" and i.attempts == 1 for i in ctx.outbox.items())
    assert server_rows(live) == []
    assert enrolled.status().last_error_sv == report.error_sv


def test_unknown_token_says_not_enrolled(
    ctx: AppContext, enrolled: SyncClient, live: LiveServer
) -> None:
    from kompassen.sync.tokens import Credentials

    creds = ctx.tokens.load()
    assert creds is not None
    ctx.tokens.save(Credentials(creds.server_url, creds.device_id, "not-a-real-token"))
    queue(ctx, 1)
    report = enrolled.sync(pull=False)
    assert not report.ok and report.queued_left == 1
    assert report.error_sv and "inte ansluten" in report.error_sv


def test_dead_server_nothing_lost_attempts_counted(ctx: AppContext, enrolled: SyncClient) -> None:
    uuids = queue(ctx, 3)
    for n in (1, 2):
        report = enrolled.sync(["klara"], server_url=_closed_port_url())
        assert not report.ok and report.queued_left == 3 and report.sent == 0
        assert report.error_sv and "Servern svarar inte" in report.error_sv
        assert "utkorgen" in report.error_sv
        items = ctx.outbox.items()
        assert sorted(i.uuid for i in items) == sorted(uuids)
        assert all(i.status == "queued" and i.attempts == n for i in items)
        assert all(i.last_error == report.error_sv for i in items)
    st = enrolled.status()
    assert st.queued == 3 and st.last_sync_at is None and st.last_error_en


def test_server_answering_html_is_not_kompassen(
    ctx: AppContext, enrolled: SyncClient, web_page: str
) -> None:
    queue(ctx, 1)
    report = enrolled.sync(server_url=web_page, pull=False)
    assert not report.ok and report.queued_left == 1
    assert report.error_en and "not a Kompassen server" in report.error_en


def test_too_large_batches_are_split_without_counting_attempts(
    ctx: AppContext, tmp_path: object, server_clock: object
) -> None:
    from pathlib import Path

    # 20 sealed reports are about 17 kB as JSON: 20 → 10 → 5 per request fits under 6 kB
    small = LiveServer(clock=server_clock, body_limit=6_000)  # type: ignore[arg-type]
    small.start(Path(str(tmp_path)) / "small.db")
    try:
        client = ctx.sync_client(batch_size=50)
        try:
            client.enrol(small.url, small.enrolment_code())
            queue(ctx, 20)
            sizes = _count_batches(ctx)
            report = client.sync(pull=False)
        finally:
            client.close()
        assert report.ok and report.sent == 20, report.error_en
        assert len(server_rows(small)) == 20
        assert {i.attempts for i in ctx.outbox.items()} == {1}
        assert sizes[:3] == [20, 10, 5] and sum(sizes[2:]) == 20
    finally:
        small.stop()


class _BadGateway(BaseHTTPRequestHandler):
    """A reverse proxy whose backend is down."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b"<html><body>502 Bad Gateway</body></html>"
        self.send_response(502)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, *args: object) -> None:
        pass


def test_a_5xx_answer_keeps_the_batch_queued(ctx: AppContext, enrolled: SyncClient) -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _BadGateway)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        queue(ctx, 2)
        report = enrolled.sync(server_url=f"http://127.0.0.1:{httpd.server_address[1]}")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert not report.ok and report.queued_left == 2
    assert report.error_sv and "tillfälligt fel (HTTP 502)" in report.error_sv
    assert {(i.status, i.attempts) for i in ctx.outbox.items()} == {("queued", 1)}


def test_a_server_that_never_answers_times_out(ctx: AppContext, live: LiveServer) -> None:
    with socket.socket() as silent:  # the kernel accepts the connection; nobody ever answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        client = ctx.sync_client(timeout=0.5)
        try:
            client.enrol(live.url, live.enrolment_code())
            queue(ctx, 1)
            report = client.sync(server_url=f"http://127.0.0.1:{silent.getsockname()[1]}")
        finally:
            client.close()
    assert not report.ok and report.queued_left == 1
    assert report.error_sv and "tidsgränsen" in report.error_sv


def test_the_sync_client_never_imports_the_server_stack() -> None:
    import subprocess
    import sys

    code = (
        "import sys, kompassen.sync.client, kompassen.sync.backoff, kompassen.cli.office;"
        "bad = [m for m in ('fastapi', 'uvicorn', 'starlette', 'PySide6') if m in sys.modules];"
        "assert not bad, bad"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


# ----------------------------------------------- untrusted answers (#12, class 6)


class _Breaks(httpx.SyncByteStream):
    """A body that stops half-way, as when the connection drops."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"area_id": "klara", "vers'
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")


def _hostile(release: httpx.Response, submissions: httpx.Response | None = None) -> Any:
    """A server that answers health and submissions sanely, then ``release`` for the pull."""

    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/health"):
            return httpx.Response(200, json={"status": "ok", "version": "1"})
        if path.endswith("/submissions"):
            if submissions is not None:
                return submissions
            items = json.loads(request.content)["items"]
            return httpx.Response(
                200, json={"results": [{"uuid": i["uuid"], "status": "stored"} for i in items]}
            )
        return release

    return httpx.MockTransport(handle)


def _enrolled_with(ctx: AppContext, transport: httpx.BaseTransport) -> SyncClient:
    ctx.tokens.save(Credentials("http://kompassen.test", "device-1", "token-1"))
    return ctx.sync_client(transport=transport)


def _state(ctx: AppContext) -> tuple[str, Any, list[str]]:
    area = json.dumps(dump_area(ctx.catalogue.conn, "klara").documents, sort_keys=True)
    return area, ctx.catalogue.release_version("klara"), sorted(
        i.uuid for i in ctx.outbox.items(["queued"])
    )


DEEP = b'{"area_id": "klara", "version": 2, "kind": "full", "documents": ' + (
    b"[" * 50_000 + b"]" * 50_000
) + b"}"

HOSTILE_RELEASES: dict[str, tuple[httpx.Response, str]] = {
    # name: (the release answer, what the words say)
    "nested 50,000 deep": (httpx.Response(200, content=DEEP), "deeper than 64 levels"),
    "a NaN in the manifest": (
        httpx.Response(200, content=b'{"area_id": "klara", "version": NaN}'),
        "NaN is not a number",
    ),
    "a 5,000-digit version": (
        httpx.Response(200, content=b'{"area_id": "klara", "version": ' + b"7" * 5000 + b"}"),
        "5000 digits",
    ),
    "larger than the cap (gzip, counted unpacked)": (
        httpx.Response(
            200,
            content=gzip.compress(b'{"pad": "' + b" " * (3 * 1024 * 1024) + b'"}'),
            headers={"Content-Encoding": "gzip"},
        ),
        "larger than 2 MB",
    ),
    "cut off half-way": (httpx.Response(200, stream=_Breaks()), "does not answer"),
    "not JSON": (httpx.Response(200, content=b"\xff\xfe<html>"), "not a Kompassen server"),
}


@pytest.mark.parametrize("case", list(HOSTILE_RELEASES))
def test_a_hostile_release_answer_is_words_and_changes_nothing(
    ctx: AppContext, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was a RecursionError traceback from ``kompassen sync`` (the client caught ValueError)."""
    from kompassen.sync import client as client_module

    monkeypatch.setattr(client_module, "MAX_RELEASE_BYTES", 2 * 1024 * 1024)
    answer, words = HOSTILE_RELEASES[case]
    client = _enrolled_with(ctx, _hostile(answer))
    before = _state(ctx)
    try:
        report = client.sync(["klara"])
    finally:
        client.close()
    assert not report.ok
    assert report.error_en and words in report.error_en, report.error_en
    assert report.error_sv and report.error_sv != report.error_en
    assert _state(ctx) == before


def test_a_hostile_answer_to_the_push_keeps_the_reports_queued(ctx: AppContext) -> None:
    uuids = queue(ctx, 2)
    deep = httpx.Response(200, content=b'{"results": ' + b"[" * 10_000 + b"]" * 10_000 + b"}")
    client = _enrolled_with(ctx, _hostile(httpx.Response(404), submissions=deep))
    try:
        report = client.sync(["klara"])
    finally:
        client.close()
    assert not report.ok and report.sent == 0 and report.queued_left == 2
    assert report.error_en and "deeper than 64 levels" in report.error_en
    assert sorted(i.uuid for i in ctx.outbox.items(["queued"])) == sorted(uuids)


def test_an_answer_over_the_cap_is_not_read_whole(ctx: AppContext) -> None:
    """A 16 MB+ answer to a small call is refused by its Content-Length or while streaming."""
    served: list[int] = []

    class Endless(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            for _ in range(10_000):  # 640 MB if it were all read
                served.append(1)
                yield b" " * 65536

    client = _enrolled_with(ctx, _hostile(httpx.Response(404), httpx.Response(200, stream=Endless())))
    queue(ctx, 1)
    try:
        report = client.sync(["klara"])
    finally:
        client.close()
    assert report.error_en and "larger than 16 MB" in report.error_en
    assert len(served) <= 16 * 1024 * 1024 // 65536 + 2


def test_a_server_fault_says_the_servers_own_words_short_and_on_one_line() -> None:
    """A 503 for a full server disk is told with the server's words, not a bare "HTTP 503";
    a hostile server's long or multi-line words are cut to one short line."""
    import httpx

    from kompassen.sync.transport import SAID_MAX, response_error

    said = {"error": "storage", "sv": "Serverns disk är full", "detail": "The server disk is full"}
    err = response_error(httpx.Response(503, json=said), "http://127.0.0.1:1")
    assert "Serverns disk är full" in err.sv and "HTTP 503" in err.sv
    assert "The server disk is full" in err.en
    hostile = {"error": "x", "sv": "rad\n\x1b[2J" + "ö" * 10_000, "detail": "y" * 10_000}
    err = response_error(httpx.Response(503, json=hostile), "http://127.0.0.1:1")
    assert "\n" not in err.sv and "\x1b" not in err.sv
    assert len(err.sv) < SAID_MAX + 200 and len(err.en) < SAID_MAX + 200
