"""Where the device keeps its sync credentials: the OS keyring, or a 0600 file.

The token is what lets a device hand reports to the server, so it goes to the OS keyring
when a real one exists (Windows Credential Manager, macOS Keychain, Secret Service). Many
tablets and kiosks have none; then a JSON file only the user can read, written atomically so
a power cut never leaves half a token. ``KOMPASSEN_KEYRING=0`` forces the file (tests, kiosks
whose keyring prompts for a password nobody knows).

The file is always there once the device is enrolled: with a keyring it holds only the server
and device id and says ``"token_in": "keyring"``. So a device that is not enrolled, or whose
token is in the file, never imports the keyring library (≈ 24 MB and a D-Bus probe on Linux) —
the window asks for the sync status at start-up.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kompassen.core.errors import KompassenError
from kompassen.device.files import TextFileError, load_json_limited, parse_json, write_atomic

log = logging.getLogger(__name__)

KEYRING_ENV = "KOMPASSEN_KEYRING"
KEYRING_SERVICE = "kompassen-sync"
KEYRING_USER = "device"
MAX_TOKEN_BYTES = 64 * 1024  # a server address, a device id and a token


@dataclass(frozen=True, slots=True)
class Credentials:
    server_url: str
    device_id: str
    token: str


class TokenStoreError(KompassenError):
    """The saved credentials cannot be written (disk, permissions)."""


def _parse(text: str | None) -> Credentials | None:
    if not text:
        return None
    try:
        if len(text) > MAX_TOKEN_BYTES:
            raise ValueError("too long")
        data: Any = parse_json(text, "token")
        if not all(isinstance(data.get(k), str) for k in ("server_url", "device_id", "token")):
            raise TypeError("not text")
        creds = Credentials(data["server_url"], data["device_id"], data["token"])
    except (TextFileError, ValueError, KeyError, TypeError, AttributeError):
        log.warning("saved sync credentials are damaged; the device must enrol again")
        return None
    return creds if creds.server_url and creds.token else None


def _real_keyring() -> Any | None:
    """The keyring backend if it can really keep secrets, else None (fail/null/empty chain)."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null

        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring install must not stop the app
        log.info("no keyring: %s", exc)
        return None
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    if isinstance(backend, chainer.ChainerBackend):
        return backend if backend.backends else None
    try:
        priority = float(backend.priority)
    except Exception:
        return None
    return backend if priority > 0 else None


class TokenStore:
    """Load, save and forget the device's credentials (one set per installation)."""

    def __init__(self, file: Path, use_keyring: bool = True) -> None:
        self.file = file
        self._use_keyring = use_keyring and os.environ.get(KEYRING_ENV, "1") != "0"
        self._backend: Any | None = None
        self._probed = False

    def _keyring(self) -> Any | None:
        if not self._use_keyring:
            return None
        if not self._probed:
            self._backend = _real_keyring()
            self._probed = True
        return self._backend

    @property
    def where(self) -> str:
        """``"keyring"`` or ``"file"``: where the token is (enrolled) or would go, for messages."""
        saved = self._read_file()
        if saved is not None:
            return "keyring" if saved.get("token_in") == "keyring" else "file"
        return "keyring" if self._keyring() is not None else "file"

    def _read_file(self) -> dict[str, Any] | None:
        try:
            data = load_json_limited(self.file, MAX_TOKEN_BYTES)
        except TextFileError as exc:
            if not exc.missing:
                log.warning("cannot read %s: %s", self.file, exc.en)
            return None
        return data if isinstance(data, dict) else None

    def load(self) -> Credentials | None:
        saved = self._read_file()
        if saved is None:
            return None  # not enrolled: no keyring to ask
        if saved.get("token_in") != "keyring":
            return _parse(json.dumps(saved))
        backend = self._keyring()
        if backend is None:
            log.warning("the token was kept in a keyring that is not available now")
            return None
        try:
            return _parse(backend.get_password(KEYRING_SERVICE, KEYRING_USER))
        except Exception as exc:  # locked or broken keyring: not enrolled for now
            log.warning("keyring read failed: %s", exc)
            return None

    def save(self, creds: Credentials) -> None:
        text = json.dumps(asdict(creds), ensure_ascii=False)
        backend = self._keyring()
        if backend is not None:
            try:
                backend.set_password(KEYRING_SERVICE, KEYRING_USER, text)
            except Exception as exc:
                log.warning("keyring write failed, using the file: %s", exc)
            else:
                # the file says where the token is, and no longer holds one
                marker = {"server_url": creds.server_url, "device_id": creds.device_id}
                self._write_file(json.dumps({**marker, "token_in": "keyring"}))
                return
        self._write_file(text)

    def clear(self) -> None:
        saved = self._read_file()
        if saved is not None and saved.get("token_in") == "keyring":
            backend = self._keyring()
            if backend is not None:
                with contextlib.suppress(Exception):  # nothing there, or a locked keyring
                    backend.delete_password(KEYRING_SERVICE, KEYRING_USER)
        self._remove_file()

    def _remove_file(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.file.unlink()

    def _write_file(self, text: str) -> None:
        """0600, atomic, fsynced (see kompassen.device.files)."""
        try:
            write_atomic(self.file, text.encode("utf-8"))
        except OSError as exc:
            raise TokenStoreError(
                sv=f"Kunde inte spara enhetens nyckel i {self.file}: {exc}",
                en=f"Could not save the device token in {self.file}: {exc}",
            ) from exc
