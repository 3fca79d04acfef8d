"""The device's credentials: a 0600 file written atomically, or the OS keyring when real."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer, fail, null

from kompassen.sync.tokens import Credentials, TokenStore, _real_keyring

CREDS = Credentials("https://kompassen.example.se", "dev-1234", "t0ken-abc_123")


def test_file_roundtrip_with_mode_0600(tmp_path: Path) -> None:
    store = TokenStore(tmp_path / "data" / "device-token.json")
    assert store.load() is None and store.where == "file"
    store.save(CREDS)
    mode = stat.S_IMODE(store.file.stat().st_mode)
    assert mode == 0o600, oct(mode)
    assert TokenStore(store.file).load() == CREDS
    assert [p.name for p in store.file.parent.iterdir()] == ["device-token.json"]  # no temp left


def test_mode_0600_even_with_a_permissive_umask(tmp_path: Path) -> None:
    import os

    old = os.umask(0)
    try:
        store = TokenStore(tmp_path / "t.json")
        store.save(CREDS)
    finally:
        os.umask(old)
    assert stat.S_IMODE(store.file.stat().st_mode) == 0o600


def test_replace_and_clear(tmp_path: Path) -> None:
    store = TokenStore(tmp_path / "t.json")
    store.save(CREDS)
    newer = Credentials("https://other.example.se", "dev-9", "other")
    store.save(newer)
    assert store.load() == newer
    store.clear()
    assert store.load() is None and not store.file.exists()
    store.clear()  # twice is fine


def test_damaged_file_means_not_enrolled(tmp_path: Path) -> None:
    f = tmp_path / "t.json"
    f.write_text('{"server_url": "https://x", "device_id": ')
    assert TokenStore(f).load() is None
    f.write_text('{"server_url": "", "device_id": "d", "token": "t"}')
    assert TokenStore(f).load() is None


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


@pytest.mark.usefixtures("restore_keyring")
def test_fail_null_and_empty_chain_backends_are_not_real() -> None:
    for backend in (fail.Keyring(), null.Keyring(), chainer.ChainerBackend()):
        keyring.set_keyring(backend)
        if isinstance(backend, chainer.ChainerBackend) and backend.backends:
            continue  # this machine has a real keyring in the chain: nothing to check
        assert _real_keyring() is None, backend


@pytest.mark.usefixtures("restore_keyring")
def test_env_switch_keeps_the_keyring_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPASSEN_KEYRING", "0")
    store = TokenStore(tmp_path / "t.json")
    assert store.where == "file"
    store.save(CREDS)
    assert store.file.exists()
    assert TokenStore(tmp_path / "t.json", use_keyring=False).load() == CREDS


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend (the library's plugin API) that keeps secrets in memory."""

    priority = 5  # type: ignore[assignment]

    def __init__(self, broken: bool = False) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}
        self.broken = broken

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.broken:
            raise keyring.errors.PasswordSetError("locked")
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.mark.usefixtures("restore_keyring")
def test_a_real_keyring_holds_the_token_and_the_file_only_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPASSEN_KEYRING", "1")
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    f = tmp_path / "t.json"
    f.write_text('{"server_url": "https://old", "device_id": "d", "token": "stale"}')
    store = TokenStore(f)
    assert store.where == "file"  # the old token is in the file
    store.save(CREDS)
    assert "t0ken" not in f.read_text() and "stale" not in f.read_text()  # no token in the file
    assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert "t0ken-abc_123" in next(iter(ring.secrets.values()))
    assert TokenStore(f).load() == CREDS and TokenStore(f).where == "keyring"
    store.clear()
    assert ring.secrets == {} and TokenStore(f).load() is None and not f.exists()


def test_not_enrolled_never_imports_the_keyring(tmp_path: Path) -> None:
    """The window reads the sync status at start-up: that must not load keyring (≈ 24 MB)."""
    import subprocess
    import sys

    code = (
        "import os, sys\n"
        "os.environ['KOMPASSEN_KEYRING'] = '1'\n"
        "from pathlib import Path\n"
        "from kompassen.sync.tokens import TokenStore\n"
        f"s = TokenStore(Path({str(tmp_path / 'none.json')!r}))\n"
        "assert s.load() is None\n"
        "assert 'keyring' not in sys.modules, 'keyring imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.usefixtures("restore_keyring")
def test_a_locked_keyring_falls_back_to_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPASSEN_KEYRING", "1")
    keyring.set_keyring(MemoryKeyring(broken=True))
    store = TokenStore(tmp_path / "t.json")
    store.save(CREDS)
    assert store.file.exists() and stat.S_IMODE(store.file.stat().st_mode) == 0o600
    assert store.load() == CREDS
