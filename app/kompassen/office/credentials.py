"""Where the office keeps its sign-in: the OS keyring when a real one exists, else a 0600 file.

Kept like the device token (:mod:`kompassen.sync.tokens`), under its own keyring entry and its
own file in the data dir (``office-token.json``), so signing the office out never touches the
tablet's enrolment and vice versa. With a keyring the file holds only the server, user and
expiry and says ``"token_in": "keyring"``. An expired or damaged sign-in is dropped (with a
log line) when it is loaded: the window then asks for the password again.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kompassen.core.errors import KompassenError
from kompassen.device.files import TextFileError, load_json_limited, parse_json, write_atomic
from kompassen.sync.tokens import KEYRING_ENV, _real_keyring

log = logging.getLogger(__name__)

FILE_NAME = "office-token.json"
KEYRING_SERVICE = "kompassen-office"
KEYRING_USER = "office"
MAX_BYTES = 64 * 1024
_FIELDS = ("server_url", "user", "token", "expires_at")


@dataclass(frozen=True, slots=True)
class OfficeCredentials:
    """A sign-in to keep: the server, who, the office token and when it expires (UTC ISO)."""

    server_url: str
    user: str
    token: str
    expires_at: str

    def expired(self, now: datetime) -> bool:
        """Whether the server would refuse it at ``now`` (an unreadable expiry counts too)."""
        try:
            moment = datetime.fromisoformat(self.expires_at)
        except ValueError:
            return True
        if moment.tzinfo is None:
            return True
        return moment <= now


class OfficeCredentialsError(KompassenError):
    """The sign-in cannot be written (disk, permissions)."""


def credentials_file(data_dir: Path) -> Path:
    """The office sign-in's file in the device's data dir."""
    return data_dir / FILE_NAME


def _parse(text: str | None) -> OfficeCredentials | None:
    if not text:
        return None
    try:
        if len(text) > MAX_BYTES:
            raise ValueError("too long")
        data: Any = parse_json(text, "office token")
        if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in _FIELDS):
            raise TypeError("not text")
        creds = OfficeCredentials(*(data[k] for k in _FIELDS))
    except (TextFileError, ValueError, TypeError):
        log.warning("the saved office sign-in is damaged; it is dropped (sign in again)")
        return None
    return creds if creds.server_url and creds.token else None


class OfficeTokenStore:
    """Load, save and forget the office's sign-in (one per installation)."""

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

    def _read_file(self) -> dict[str, Any] | None:
        try:
            data = load_json_limited(self.file, MAX_BYTES)
        except TextFileError as exc:
            if not exc.missing:
                log.warning("cannot read %s: %s; the office sign-in is dropped", self.file, exc.en)
                self._remove_file()
            return None
        if not isinstance(data, dict):
            log.warning("%s is damaged; the office sign-in is dropped", self.file)
            self._remove_file()
            return None
        return data

    def load(self, now: datetime | None = None) -> OfficeCredentials | None:
        """The kept sign-in, or None (none, damaged, expired at ``now`` (default: the current
        time): the latter two are forgotten, so the window asks once and not at every start)."""
        now = now or datetime.now(UTC)
        saved = self._read_file()
        if saved is None:
            return None
        if saved.get("token_in") != "keyring":
            creds = _parse(json.dumps(saved))
        else:
            backend = self._keyring()
            if backend is None:
                log.warning("the office token was kept in a keyring that is not available now")
                return None
            try:
                creds = _parse(backend.get_password(KEYRING_SERVICE, KEYRING_USER))
            except Exception as exc:  # a locked or broken keyring: not signed in for now
                log.warning("keyring read failed: %s", exc)
                return None
        if creds is None:
            self.clear()
            return None
        if creds.expired(now):
            log.info(
                "the office sign-in of %s expired at %s; dropped", creds.user, creds.expires_at
            )
            self.clear()
            return None
        return creds

    def save(self, creds: OfficeCredentials) -> None:
        """Keep the sign-in (keyring when real, else the 0600 file)."""
        text = json.dumps(asdict(creds), ensure_ascii=False)
        backend = self._keyring()
        if backend is not None:
            try:
                backend.set_password(KEYRING_SERVICE, KEYRING_USER, text)
            except Exception as exc:
                log.warning("keyring write failed, using the file: %s", exc)
            else:
                marker = {k: v for k, v in asdict(creds).items() if k != "token"}
                self._write_file(json.dumps({**marker, "token_in": "keyring"}, ensure_ascii=False))
                return
        self._write_file(text)

    def clear(self) -> None:
        """Forget the sign-in (at sign-out, or when it is expired or damaged)."""
        saved = None
        with contextlib.suppress(TextFileError):
            saved = load_json_limited(self.file, MAX_BYTES)
        if isinstance(saved, dict) and saved.get("token_in") == "keyring":
            backend = self._keyring()
            if backend is not None:
                with contextlib.suppress(Exception):
                    backend.delete_password(KEYRING_SERVICE, KEYRING_USER)
        self._remove_file()

    def _remove_file(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.file.unlink()

    def _write_file(self, text: str) -> None:
        try:
            write_atomic(self.file, text.encode("utf-8"))
        except OSError as exc:
            raise OfficeCredentialsError(
                sv=f"Kunde inte spara kontorets inloggning i {self.file}: {exc}",
                en=f"Could not save the office sign-in in {self.file}: {exc}",
            ) from exc
