"""The real server process on 127.0.0.1 answers its health check and serves OpenAPI."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_starts_and_answers(tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kompassen.server.cli",
            "--db",
            str(tmp_path / "server.db"),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"{url}/api/v1/health", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                assert time.monotonic() < deadline, "server did not start in 30 s"
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["status"] == "ok"
        spec = httpx.get(f"{url}/openapi.json", timeout=5).json()
        assert "/api/v1/health" in spec["paths"]
        assert (tmp_path / "server.db").exists()
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def test_server_needs_db_argument() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kompassen.server.cli"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and "--db" in done.stderr
