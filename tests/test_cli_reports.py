"""The report, outbox, sync, enrol, keys and office commands end to end, in subprocesses.

A real server runs on 127.0.0.1 in this process; every ``kompassen`` command runs as its own
process with a private KOMPASSEN_HOME, as a script or an office worker would run it.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import stat
import subprocess
import sys
import uuid as uuidlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kompassen.core.report import Report
from kompassen.reports.keys import OfficeKeys, generate_keys, write_key_file
from kompassen.reports.sealing import seal
from serverutil import OFFICE_NAME, OFFICE_PASSWORD, LiveServer, bearer

REPO = Path(__file__).resolve().parents[1]
DEV = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
PASSPHRASE = "en lång testlösenfras"

REPORT = {
    "kind": "unsolved",
    "area_id": "klara",
    "occurred_at": "2026-11-23T22:10:00+01:00",
    "landmark_id": "sergels-torg",
    "needs": ["need.shelter-tonight"],
    "groups": ["group.youth"],
    "text": "Ung person utan sovplats i natt, alla härbärgen fulla.",
    "lang": "sv",
}


def run(
    *args: str, home: Path, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {
        **os.environ,
        "KOMPASSEN_HOME": str(home),
        "KOMPASSEN_KEYRING": "0",
        "KOMPASSEN_KEY_PASSPHRASE": PASSPHRASE,
        "KOMPASSEN_OFFICE_PASSWORD": OFFICE_PASSWORD,
        "QT_QPA_PLATFORM": "offscreen",
    }
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "kompassen", *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=stdin,
        timeout=120,
        check=False,
    )


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    with LiveServer() as server:
        server.start(tmp_path / "server.db")
        server.office_token()  # creates the office user
        yield server


@pytest.fixture
def dev_key_file(tmp_path: Path) -> Path:
    """The development keys of the shipped packs in a key file (what an office would hold)."""
    path = tmp_path / "office" / "dev-keys.json"
    keys = OfficeKeys(
        DEV["sealing_private"], DEV["sealing_public"], DEV["signing_private"], DEV["signing_public"]
    )
    write_key_file(path, keys, PASSPHRASE, strength="interactive")
    return path


def test_help_for_every_new_command(home: Path) -> None:
    for cmd in (
        ["report", "submit"],
        ["outbox"],
        ["sync"],
        ["enrol"],
        ["keys", "generate"],
        ["office", "fetch-reports"],
        ["office", "publish"],
    ):
        done = run(*cmd, "--help", home=home)
        assert done.returncode == 0 and "usage" in done.stdout.lower(), cmd
    assert "3" in run("sync", "--help", home=home).stdout  # the exit status is documented


def test_keys_generate_writes_0600_and_refuses_to_overwrite(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "keys"
    done = run("keys", "generate", "--out", str(out), "--strength", "interactive", home=home)
    assert done.returncode == 0, done.stderr
    private, public = out / "office-keys.json", out / "public-keys.json"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    pub = json.loads(public.read_text())
    assert pub["sealing"] in done.stdout and pub["signing"] in done.stdout  # the snippet
    assert pub["fingerprints"]["sealing"] in done.stdout
    assert '"public_keys"' in done.stdout
    assert "private" not in public.read_text().lower()
    before = private.read_bytes()
    again = run("keys", "generate", "--out", str(out), home=home)
    assert again.returncode == 2 and "Skriver inte över" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    assert private.read_bytes() == before
    short = run(
        "keys", "generate", "--out", str(tmp_path / "k2"), home=home,
        env={"KOMPASSEN_KEY_PASSPHRASE": "kort"},
    )  # fmt: skip
    assert short.returncode == 2 and "minst" in short.stderr


def test_bad_input_gives_one_line_and_exit_2(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    done = run("report", "submit", str(bad), home=home)
    assert done.returncode == 2 and "inte giltig JSON" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    en = run("report", "submit", str(bad), home=home, env={"KOMPASSEN_LANG": "en"})
    assert en.returncode == 2 and "not valid JSON" in en.stderr
    wrong = run("report", "submit", "-", home=home, stdin=json.dumps({**REPORT, "kind": "x"}))
    assert wrong.returncode == 2 and wrong.stderr.startswith("kompassen: ")
    no_area = run("report", "submit", "-", home=home, stdin=json.dumps({**REPORT, "area_id": "z"}))
    assert no_area.returncode == 2 and "inte installerat" in no_area.stderr
    url = run("enrol", "--server", "kompassen.example.se", "ABCD", home=home)
    assert url.returncode == 2 and "Ogiltig serveradress" in url.stderr
    assert json.loads(run("outbox", "--json", home=home).stdout) == []


def test_submit_sync_fetch_publish_end_to_end(
    home: Path, tmp_path: Path, live: LiveServer, dev_key_file: Path
) -> None:
    # a tablet: enrol, queue two reports (a file and stdin), look at the outbox
    enrol = run(
        "enrol", "--server", live.url, live.enrolment_code(), "--name", "Platta 3", home=home
    )
    assert enrol.returncode == 0, enrol.stderr
    assert "Ansluten" in enrol.stdout
    report_file = tmp_path / "report.json"
    report_file.write_text(json.dumps(REPORT, ensure_ascii=False), encoding="utf-8")
    first = run("report", "submit", str(report_file), home=home)
    assert first.returncode == 0, first.stderr
    second_report = {**REPORT, "kind": "observation", "text": "Lugnt vid Plattan i kväll."}
    second = run("report", "submit", "-", home=home, stdin=json.dumps(second_report))
    assert second.returncode == 0, second.stderr
    uuids = [first.stdout.strip(), second.stdout.strip()]
    assert all(uuidlib.UUID(u) for u in uuids)
    queued = json.loads(run("outbox", "--json", home=home).stdout)
    assert {i["uuid"] for i in queued} == set(uuids)
    assert {i["status"] for i in queued} == {"queued"}
    assert set(queued[0]) == {
        "uuid", "area_id", "kind", "created_at", "status", "attempts", "last_error",
        "last_error_en", "sent_at",
    }  # fmt: skip
    assert "i kö" in run("outbox", home=home).stdout

    # the server is away: exit 3, nothing lost, words on stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    down = run("sync", "--server", dead, home=home)
    assert down.returncode == 3 and "Servern svarar inte" in down.stderr
    assert "2 kvar i utkorgen" in down.stdout
    after = json.loads(run("outbox", "--json", home=home).stdout)
    assert {(i["status"], i["attempts"]) for i in after} == {("queued", 1)}

    # the server is back
    done = run("sync", "--area", "klara", home=home)
    assert done.returncode == 0, done.stderr
    assert "Skickade 2, 0 kvar i utkorgen" in done.stdout
    sent = json.loads(run("outbox", "--json", home=home).stdout)
    assert {i["status"] for i in sent} == {"sent"} and all(i["sent_at"] for i in sent)

    # another tablet with an old key: the office cannot open that one, and keeps it
    _, other_token = live.enrol("Gammal platta")
    stray = str(uuidlib.uuid4())
    blob = seal(
        Report.from_dict(REPORT), stray, generate_keys().sealing_public, "2026-11-23T23:00:00+01:00"
    )
    r = httpx.post(
        f"{live.api}/submissions",
        json={"items": [{"uuid": stray, "area_id": "klara", "created_at": "2026-11-23T23:00:00+01:00",
                         "sealed": base64.b64encode(blob).decode()}]},
        headers=bearer(other_token),
    )  # fmt: skip
    assert r.json()["results"][0]["status"] == "stored"

    # the office fetches and opens them
    out = tmp_path / "inbox"
    office = ("--server", live.url, "--key", str(dev_key_file), "--user", OFFICE_NAME)
    fetch = run("office", "fetch-reports", *office, "--out", str(out), home=home)
    assert fetch.returncode == 0, fetch.stderr
    assert "kunde inte öppnas" in fetch.stderr
    for u, submitted in zip(uuids, (REPORT, second_report), strict=True):
        got = json.loads((out / f"{u}.json").read_text("utf-8"))
        assert got["uuid"] == u and got["report"] == Report.from_dict(submitted).to_dict()
        assert got["device_id"] and got["received_at"] and got["area_id"] == "klara"
        assert stat.S_IMODE((out / f"{u}.json").stat().st_mode) == 0o600
    assert (out / "unreadable" / f"{stray}.sealed").read_bytes() == blob
    assert not (out / f"{stray}.json").exists()
    assert (out / ".cursor").read_text().strip() == "3"
    again = run("office", "fetch-reports", *office, "--out", str(out), home=home)
    assert again.returncode == 0 and "Hämtade 0 nya" in again.stdout
    wrong = run(
        "office", "fetch-reports", *office, "--out", str(out), home=home,
        env={"KOMPASSEN_OFFICE_PASSWORD": "fel-lösenord"},
    )  # fmt: skip
    assert wrong.returncode == 2 and "Fel namn eller lösenord" in wrong.stderr

    # the office publishes its catalogue (its key pinned first); the tablet gets it on the next sync
    live.register_area_key("klara")
    pub = run("office", "publish", *office, "--area", "klara", home=home)
    assert pub.returncode == 0, pub.stderr
    assert "släpp 1" in pub.stdout
    pulled = run("sync", home=home)
    assert pulled.returncode == 0, pulled.stderr
    assert "Katalogen för klara uppdaterad till släpp 1" in pulled.stdout
    assert "Skickade 0, 0 kvar" in pulled.stdout

    # a key file whose signing key the area does not carry is refused before anything is sent
    other = tmp_path / "other-keys.json"
    write_key_file(other, generate_keys(), PASSPHRASE, strength="interactive")
    refused = run(
        "office", "publish", "--server", live.url, "--key", str(other), "--user", OFFICE_NAME,
        "--area", "klara", home=home,
    )  # fmt: skip
    assert refused.returncode == 2 and "signeringsnyckel" in refused.stderr


def test_outbox_lists_a_daily_usage_row_by_its_day_and_counts_only_reports(home: Path) -> None:
    from kompassen.compose import build
    from kompassen.core.clock import SystemClock
    from kompassen.reports.outbox import Outbox

    ctx = build({"KOMPASSEN_HOME": str(home), "KOMPASSEN_KEYRING": "0"}, SystemClock())
    try:
        with ctx.device_db.transaction() as conn:
            Outbox.insert_usage(conn, "klara", "2026-11-30", b"x" * 64, "2026-12-01T00:05:00+00:00")
    finally:
        ctx.close()
    out = run("outbox", home=home).stdout
    assert "usage 2026-11-30" in out
    assert "0 i kö" in out  # the aggregate waits too, but the count is of the user's reports
