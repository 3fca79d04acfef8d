"""The office's sign-in kept like the device token: a 0600 file of its own in the data dir (or
the keyring), forgotten on sign-out; an expired or damaged one is dropped with a log line. The
keyring is switched off, as for the device token's tests, so nothing touches the developer's."""

from __future__ import annotations

import json
import logging
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kompassen.office.credentials import (
    OfficeCredentials,
    OfficeTokenStore,
    credentials_file,
)
from kompassen.sync.tokens import Credentials, TokenStore

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
CREDS = OfficeCredentials(
    "https://sync.example.se", "kontoret", "hemlig-token", "2026-11-24T00:00:00+00:00"
)


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPASSEN_KEYRING", "0")


def test_kept_in_its_own_0600_file_beside_the_device_token(tmp_path: Path) -> None:
    device = TokenStore(tmp_path / "device-token.json")
    device.save(Credentials("https://sync.example.se", "d1", "enhetens-token"))
    store = OfficeTokenStore(credentials_file(tmp_path))
    assert store.load(NOW) is None
    store.save(CREDS)
    assert store.file.name == "office-token.json"
    assert stat.S_IMODE(store.file.stat().st_mode) == 0o600
    assert store.load(NOW) == CREDS
    assert OfficeTokenStore(credentials_file(tmp_path)).load(NOW) == CREDS  # a new start

    store.clear()  # sign-out
    assert store.load(NOW) is None and not store.file.exists()
    assert device.load() == Credentials("https://sync.example.se", "d1", "enhetens-token")


def test_an_expired_sign_in_is_dropped_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = OfficeTokenStore(credentials_file(tmp_path))
    store.save(CREDS)
    with caplog.at_level(logging.INFO, logger="kompassen.office.credentials"):
        assert store.load(NOW + timedelta(hours=12)) is None
    assert "expired" in caplog.text and "hemlig-token" not in caplog.text
    assert not store.file.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[1, 2]",
        json.dumps({"server_url": "x", "user": "u", "token": 5, "expires_at": "t"}).encode(),
        json.dumps({"server_url": "x", "user": "u", "token": "t"}).encode(),
        json.dumps({"server_url": "x", "user": "u", "token": "t", "expires_at": "igår"}).encode(),
        b"\xff\xfe\x00",
    ],
)
def test_a_damaged_sign_in_is_dropped_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    store = OfficeTokenStore(credentials_file(tmp_path))
    store.file.write_bytes(content)
    with caplog.at_level(logging.INFO, logger="kompassen.office.credentials"):
        assert store.load(NOW) is None
    assert caplog.records, "a log line says why the sign-in was dropped"
    assert not store.file.exists()


class _Keyring:
    """A keyring backend that keeps secrets in memory (the real one is never touched)."""

    priority = 1

    def __init__(self) -> None:
        self.saved: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, user: str, value: str) -> None:
        self.saved[(service, user)] = value

    def get_password(self, service: str, user: str) -> str | None:
        return self.saved.get((service, user))

    def delete_password(self, service: str, user: str) -> None:
        self.saved.pop((service, user), None)


def test_with_a_keyring_the_file_holds_no_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPASSEN_KEYRING", "1")
    ring = _Keyring()
    monkeypatch.setattr("kompassen.office.credentials._real_keyring", lambda: ring)
    store = OfficeTokenStore(credentials_file(tmp_path))
    store.save(CREDS)
    on_disk: dict[str, Any] = json.loads(store.file.read_text("utf-8"))
    assert on_disk["token_in"] == "keyring" and "token" not in on_disk
    assert "hemlig-token" not in store.file.read_text("utf-8")
    assert store.load(NOW) == CREDS
    store.clear()
    assert ring.saved == {} and not store.file.exists()
