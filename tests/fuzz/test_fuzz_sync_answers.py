"""Fuzz: a hostile or broken server answering the real sync client (enrol, push, pull).

Random, huge, deep and truncated bodies, wrong content types and encodings, dropped
connections, and plausible-looking answers with wrong shapes, through httpx.MockTransport
into the real client: ``enrol`` returns credentials or raises SyncError; ``sync`` never
raises, says what went wrong in both languages, never installs anything unsigned, and no
report is lost or invented. One case runs ``kompassen sync`` against a real server on
127.0.0.1 that answers the release with JSON nested 50,000 deep.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from kompassen.compose import AppContext
from kompassen.core.report import Report
from kompassen.device.paths import resolve_paths
from kompassen.sync.client import SyncError
from kompassen.sync.tokens import Credentials, TokenStore

from .catalogue import snapshot
from .mutate import FUZZ, json_values

DEEP = b'{"area_id": "klara", "version": 9, "documents": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
RAW_BODIES = [
    DEEP,
    b'{"results": ' + b"[" * 5_000,
    b'{"status": "ok", "version": NaN}',
    b'{"version": ' + b"1" * 5000 + b"}",
    b'{"device_id": "d", "token": "\\ud800"}',
    b'{"results": [',
    b"",
    b"null",
    b"[]",
    b"<html><body>502 Bad Gateway</body></html>",
    b"\xff\xfe\x00{",
]
PACK_NAMES = ["area.json", "services.json", "landmarks.json", "guides.json", "taxonomy.json"]


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    content_type: str | None
    wrap: str  # plain | gzip | bad-gzip | cut | endless | drop

    def __repr__(self) -> str:  # short: a failing example must stay readable
        body = self.body if len(self.body) < 200 else self.body[:100] + b"..." + self.body[-20:]
        return f"Answer({self.status}, {body!r}, {self.content_type!r}, {self.wrap!r})"


def plausible(uuids: list[str]) -> st.SearchStrategy[Any]:
    """Answers shaped almost like the real ones, with wrong types and values mixed in."""
    anything = json_values
    text = st.text(max_size=20)
    return st.one_of(
        st.fixed_dictionaries({"status": st.sampled_from(["ok", "OK", 1]), "version": text}),
        st.fixed_dictionaries({"device_id": text | anything, "token": text | anything}),
        st.fixed_dictionaries(
            {
                "results": st.lists(
                    st.fixed_dictionaries(
                        {
                            "uuid": st.sampled_from(uuids) | text | anything,
                            "status": st.sampled_from(
                                ["stored", "duplicate", "rejected", "weird", None]
                            ),
                            "error": anything,
                            "sv": anything,
                        }
                    ),
                    max_size=4,
                )
                | anything
            }
        ),
        st.fixed_dictionaries(
            {
                "area_id": st.sampled_from(["klara", "vastra-sodermalm", "atlantis"]) | anything,
                "version": st.integers(min_value=-2, max_value=2**70) | st.booleans() | anything,
                "kind": st.sampled_from(["full", "delta", "other"]),
                "manifest": anything
                | st.fixed_dictionaries(
                    {"area_id": st.just("klara"), "version": st.integers(), "sha256": text}
                ),
                "signature": text | anything,
                "base_version": anything,
                "delta": anything,
                "documents": anything | st.dictionaries(st.sampled_from(PACK_NAMES), anything),
            }
        ),
        st.fixed_dictionaries({"error": text | anything, "detail": anything, "sv": anything}),
    )


def answers(uuids: list[str]) -> st.SearchStrategy[Answer]:
    body = st.one_of(
        json_values.map(lambda v: json.dumps(v).encode()),
        plausible(uuids).map(lambda v: json.dumps(v).encode()),
        st.integers(0, len(RAW_BODIES) - 1).map(lambda i: RAW_BODIES[i]),  # a short repr
        st.binary(max_size=40),
    )
    return st.builds(
        Answer,
        status=st.sampled_from([200, 200, 200, 201, 204, 304, 400, 401, 403, 404, 413, 422, 500]),
        body=body,
        content_type=st.sampled_from(["application/json", "text/html", None]),
        wrap=st.sampled_from(
            ["plain", "plain", "plain", "gzip", "bad-gzip", "cut", "endless", "drop"]
        ),
    )


class _Stream(httpx.SyncByteStream):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks


def _cut(body: bytes) -> Iterator[bytes]:
    yield body[: len(body) // 2]
    raise httpx.RemoteProtocolError("peer closed connection without sending complete body")


def _endless() -> Iterator[bytes]:
    for _ in range(400):  # 26 MB if it were all read
        yield b" " * 65536


def respond(answer: Answer, request: httpx.Request) -> httpx.Response:
    headers = {"Content-Type": answer.content_type} if answer.content_type else {}
    if answer.wrap == "drop":
        raise httpx.ConnectError("connection refused", request=request)
    if answer.wrap == "gzip":
        return httpx.Response(
            answer.status,
            content=gzip.compress(answer.body),
            headers={**headers, "Content-Encoding": "gzip"},
        )
    if answer.wrap == "bad-gzip":
        return httpx.Response(
            answer.status, content=answer.body, headers={**headers, "Content-Encoding": "gzip"}
        )
    if answer.wrap == "cut":
        return httpx.Response(answer.status, headers=headers, stream=_Stream(_cut(answer.body)))
    if answer.wrap == "endless":
        return httpx.Response(answer.status, headers=headers, stream=_Stream(_endless()))
    return httpx.Response(answer.status, content=answer.body, headers=headers)


def server(by_path: dict[str, Answer]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        for suffix, answer in by_path.items():
            if request.url.path.endswith(suffix):
                return respond(answer, request)
        return httpx.Response(404, json={"error": "not_found"})

    return httpx.MockTransport(handle)


@pytest.fixture
def queued(ctx: AppContext) -> list[str]:
    """Three sealed reports waiting in the device's outbox."""
    key = ctx.catalogue.reader.area("klara").sealing_public_key
    return [
        ctx.outbox.submit(
            Report.from_dict(
                {
                    "kind": "observation",
                    "area_id": "klara",
                    "occurred_at": "2026-11-23T22:10:00+01:00",
                    "text": f"Fuzzrapport {i}: kö vid härbärget.",
                    "needs": ["need.shelter-tonight"],
                    "lang": "sv",
                }
            ),
            key,
        )
        for i in range(3)
    ]


def _device_state(ctx: AppContext) -> tuple[Any, ...]:
    items = ctx.outbox.items()
    return snapshot(ctx.catalogue), ctx.catalogue.release_version("klara"), len(items)


@settings(FUZZ, max_examples=150)
@given(data=st.data())
def test_sync_against_a_hostile_server_is_words_and_changes_nothing(
    ctx: AppContext, queued: list[str], data: st.DataObject
) -> None:
    uuids = sorted(i.uuid for i in ctx.outbox.items())
    by_path = {
        "/submissions": data.draw(answers(queued), label="submissions"),
        "/release": data.draw(answers(queued), label="release"),
    }
    ctx.tokens.save(Credentials("http://kompassen.test", "device-1", "token-1"))
    before = _device_state(ctx)
    client = ctx.sync_client(transport=server(by_path))
    try:
        report = client.sync(["klara"])
    finally:
        client.close()
    event(f"ok={report.ok} sent={report.sent} rejected={report.rejected}")
    assert report.catalogue_updates == []  # nothing unsigned gets in
    if not report.ok:
        assert report.error_sv and report.error_en and report.error_sv != report.error_en
    assert _device_state(ctx) == before
    assert sorted(i.uuid for i in ctx.outbox.items()) == uuids  # none lost, none invented
    assert {i.status for i in ctx.outbox.items()} <= {"queued", "sent", "rejected"}


@settings(FUZZ, max_examples=200)
@given(release=answers(["no-report"]))
def test_release_pulls_from_a_hostile_server_never_change_the_catalogue(
    ctx: AppContext, release: Answer
) -> None:
    """An empty outbox, so every example reaches the release pull."""
    ctx.tokens.save(Credentials("http://kompassen.test", "device-1", "token-1"))
    before = _device_state(ctx)
    client = ctx.sync_client(transport=server({"/release": release}))
    try:
        report = client.sync(["klara", "vastra-sodermalm"])
    finally:
        client.close()
    event(f"ok={report.ok} warnings={len(report.warnings)}")
    assert report.catalogue_updates == []
    if not report.ok:
        assert report.error_sv and report.error_en
    for w_sv, w_en in report.warnings:
        assert w_sv and w_en
    assert _device_state(ctx) == before


@settings(FUZZ, max_examples=200)
@given(data=st.data())
def test_enrol_against_a_hostile_server_is_credentials_or_words(
    ctx: AppContext, data: st.DataObject
) -> None:
    by_path = {
        "/health": data.draw(
            st.just(Answer(200, b'{"status": "ok", "version": "1"}', None, "plain"))
            | answers(["no-report"]),
            label="health",
        ),
        "/enrol": data.draw(answers(["no-report"]), label="enrol"),
    }
    client = ctx.sync_client(transport=server(by_path))
    try:
        creds = client.enrol("http://kompassen.test", "K7QX-M2PR")
    except SyncError as err:
        event(f"refused: {err.kind}")
        assert err.message("sv") and err.message("en")
    else:
        event("enrolled")
        assert isinstance(creds.token, str) and creds.token
    finally:
        client.close()
        ctx.tokens.clear()


class _Deep(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = DEEP if "/release" in self.path else b'{"status": "ok", "version": "1"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_kompassen_sync_against_a_real_hostile_server_prints_words(home: Path) -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Deep)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        paths = resolve_paths({"KOMPASSEN_HOME": str(home)}).ensure()
        TokenStore(paths.token_file, use_keyring=False).save(Credentials(url, "d-1", "t-1"))
        env = {**os.environ, "KOMPASSEN_HOME": str(home), "KOMPASSEN_KEYRING": "0"}
        done = subprocess.run(
            [sys.executable, "-m", "kompassen", "sync", "--area", "klara"],
            capture_output=True,
            text=True,
            env={**env, "KOMPASSEN_LANG": "en"},
            timeout=120,
            check=False,
        )
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert "Traceback" not in done.stderr
    assert "deeper than 64 levels" in done.stderr + done.stdout, (done.stdout, done.stderr)
    assert done.returncode == 3, done.stderr
