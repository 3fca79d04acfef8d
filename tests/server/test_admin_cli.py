"""The admin CLI on a real database file, in-process and once as a subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from kompassen.server.cli import main
from serverutil import LiveServer


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_office_user_sets_and_replaces_the_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "server.db"
    _stdin(monkeypatch, "första-lösenordet\nignored second line\n")
    assert main(["--db", str(db), "office-user", "kontoret"]) == 0
    _stdin(monkeypatch, "andra-lösenordet\n")
    assert main(["--db", str(db), "office-user", "kontoret"]) == 0
    assert "kontoret" in capsys.readouterr().out
    with LiveServer() as live:
        live.start(db)

        def login(password: str) -> httpx.Response:
            body = {"name": "kontoret", "password": password}
            return httpx.post(f"{live.api}/office/login", json=body)

        assert login("första-lösenordet").status_code == 401
        assert login("andra-lösenordet").status_code == 200


@pytest.mark.parametrize("password", ["", "kort", "1234567"])
def test_office_user_refuses_short_passwords(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    password: str,
) -> None:
    _stdin(monkeypatch, password + "\n")
    assert main(["--db", str(tmp_path / "s.db"), "office-user", "kontoret"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and ("lösenord" in err.lower())


def test_codes_devices_and_revoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "server.db"
    assert main(["--db", str(db), "enrolment-code", "--uses", "2", "--valid-hours", "3"]) == 0
    code = capsys.readouterr().out.strip()
    assert len(code) == 19
    assert main(["--db", str(db), "enrolment-code", "--uses", "0"]) == 2
    assert "1–100" in capsys.readouterr().err
    with LiveServer() as live:
        live.start(db)
        r = httpx.post(f"{live.api}/enrol", json={"code": code.lower(), "name": "Platta Söder"})
        assert r.status_code == 200
        device_id, token = r.json()["device_id"], r.json()["token"]
        assert main(["--db", str(db), "devices", "--json"]) == 0
        listed = json.loads(capsys.readouterr().out)
        assert [(d["id"], d["name"], d["revoked_at"]) for d in listed] == [
            (device_id, "Platta Söder", None)
        ]
        assert main(["--db", str(db), "devices"]) == 0
        assert "Platta Söder" in capsys.readouterr().out
        assert main(["--db", str(db), "revoke", device_id]) == 0
        assert device_id in capsys.readouterr().out
        health = httpx.get(
            f"{live.api}/areas/klara/release", headers={"Authorization": f"Bearer {token}"}
        )
        assert health.status_code == 403
    assert main(["--db", str(db), "revoke", "nosuchdevice"]) == 2
    assert "ingen enhet" in capsys.readouterr().err


def test_cli_as_a_subprocess(tmp_path: Path) -> None:
    db = tmp_path / "server.db"
    base = [sys.executable, "-m", "kompassen.server.cli", "--db", str(db)]
    done = subprocess.run(
        [*base, "office-user", "kontoret"],
        input="ett-bra-lösenord\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    short = subprocess.run(
        [*base, "office-user", "kontoret"],
        input="kort\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert short.returncode == 2 and "minst 8 tecken" in short.stderr
    code = subprocess.run([*base, "enrolment-code"], capture_output=True, text=True, check=False)
    assert code.returncode == 0 and len(code.stdout.strip()) == 19
    devices = subprocess.run(
        [*base, "devices", "--json"], capture_output=True, text=True, check=False
    )
    assert devices.returncode == 0 and json.loads(devices.stdout) == []
