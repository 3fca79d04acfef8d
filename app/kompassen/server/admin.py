"""Accounts, devices and area keys: the operations behind both the office API and the admin CLI."""

from __future__ import annotations

import base64
import binascii
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.server import auth
from kompassen.server.db import ServerDb, utc_iso


class AdminError(KompassenError):
    """An admin command or office request that cannot be carried out as asked."""


_DUMMY_HASH: str | None = None


def _dummy_hash() -> str:
    """Checked against when the user is unknown, so a wrong name costs as long as a wrong password."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = auth.hash_password(secrets.token_urlsafe(16))
    return _DUMMY_HASH


def set_office_user(db: ServerDb, clock: Clock, name: str, password: str) -> None:
    """Create the office user or replace the password (which also ends its sessions)."""
    name = name.strip()
    if not name or len(name) > 80 or any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise AdminError(
            sv="Namnet måste vara 1–80 tecken utan styrtecken.",
            en="The name must be 1–80 characters without control characters.",
        )
    if len(password) < auth.MIN_PASSWORD:
        raise AdminError(
            sv=f"Lösenordet måste vara minst {auth.MIN_PASSWORD} tecken.",
            en=f"The password must be at least {auth.MIN_PASSWORD} characters.",
        )
    hashed = auth.hash_password(password)
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO office_user (name, password_hash, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, "
            "updated_at = excluded.updated_at",
            (name, hashed, utc_iso(clock.now())),
        )
        conn.execute("DELETE FROM office_token WHERE user_name = ?", (name,))


def office_login(db: ServerDb, clock: Clock, name: str, password: str) -> tuple[str, str] | None:
    """A new office token and its expiry, or None for a wrong name or password."""
    with db.read() as conn:
        row = conn.execute(
            "SELECT password_hash FROM office_user WHERE name = ?", (name,)
        ).fetchone()
    stored = row["password_hash"] if row is not None else _dummy_hash()
    if not auth.verify_password(stored, password) or row is None:
        return None
    now = clock.now()
    token = auth.new_token()
    expires_at = utc_iso(now + auth.office_token_lifetime())
    with db.transaction() as conn:
        conn.execute("DELETE FROM office_token WHERE expires_at <= ?", (utc_iso(now),))
        conn.execute(
            "INSERT INTO office_token (token_hash, user_name, created_at, expires_at) "
            "VALUES (?, ?, ?, ?)",
            (auth.token_hash(token), name, utc_iso(now), expires_at),
        )
    return token, expires_at


def create_enrolment_code(
    db: ServerDb, clock: Clock, uses: int = 1, valid_hours: int = 24
) -> tuple[str, str]:
    """A new one-time (or ``uses``-time) code and its expiry; only its hash is stored."""
    if not 1 <= uses <= 100:
        raise AdminError(sv="Antal användningar måste vara 1–100.", en="Uses must be 1–100.")
    if not 1 <= valid_hours <= 720:
        raise AdminError(
            sv="Giltighetstiden måste vara 1–720 timmar.", en="Validity must be 1–720 hours."
        )
    now = clock.now()
    code = auth.new_enrolment_code()
    expires_at = utc_iso(now + timedelta(hours=valid_hours))
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO enrolment_code (code_hash, uses_left, created_at, expires_at) "
            "VALUES (?, ?, ?, ?)",
            (auth.code_hash(code), uses, utc_iso(now), expires_at),
        )
    return code, expires_at


def enrol(db: ServerDb, clock: Clock, code: str, name: str | None) -> tuple[str, str] | None:
    """Spend one use of the code on a new device: (device_id, token), or None for a bad code."""
    now = utc_iso(clock.now())
    digest = auth.code_hash(code)
    token = auth.new_token()
    with db.transaction() as conn:
        row = conn.execute(
            "SELECT uses_left, expires_at FROM enrolment_code WHERE code_hash = ?", (digest,)
        ).fetchone()
        if row is None or row["uses_left"] < 1 or row["expires_at"] <= now:
            return None
        conn.execute(
            "UPDATE enrolment_code SET uses_left = uses_left - 1 WHERE code_hash = ?", (digest,)
        )
        while True:
            device_id = secrets.token_hex(6)
            if conn.execute("SELECT 1 FROM device WHERE id = ?", (device_id,)).fetchone() is None:
                break
        conn.execute(
            "INSERT INTO device (id, name, token_hash, enrolled_at, last_seen) "
            "VALUES (?, ?, ?, ?, ?)",
            (device_id, name or "", auth.token_hash(token), now, now),
        )
    return device_id, token


def list_devices(db: ServerDb) -> list[dict[str, Any]]:
    """Every device ever enrolled, oldest first, with how many submissions it sent.

    ``revoked_uses``/``revoked_last_used``: how often and when last its token was presented
    after the revocation (a lost tablet in someone's hands, or one nobody told).
    """
    with db.read() as conn:
        rows = conn.execute(
            "SELECT d.id, d.name, d.enrolled_at, d.last_seen, d.revoked_at, "
            "d.revoked_uses, d.revoked_last_used, "
            "(SELECT COUNT(*) FROM submission s WHERE s.device_id = d.id) AS submissions, "
            "d.app_version, d.versions_at "
            "FROM device d ORDER BY d.enrolled_at, d.id"
        ).fetchall()
        areas: dict[str, list[dict[str, Any]]] = {}
        for a in conn.execute(
            "SELECT device_id, area_id, pack_version, catalogue_release FROM device_area "
            "ORDER BY device_id, area_id"
        ):
            areas.setdefault(a["device_id"], []).append(
                {k: a[k] for k in ("area_id", "pack_version", "catalogue_release")}
            )
    return [dict(r) | {"areas": areas.get(r["id"], [])} for r in rows]


def record_versions(
    db: ServerDb,
    clock: Clock,
    device_id: str,
    app_version: str,
    areas: list[tuple[str, str, int | None]] | None,
) -> str:
    """Keep what a device runs (app version; per area: pack version, catalogue release).

    ``areas`` replaces what the device said before; None keeps it (the device could not read
    its catalogue this time). Returns the time recorded (UTC).
    """
    now = utc_iso(clock.now())
    with db.transaction() as conn:
        conn.execute(
            "UPDATE device SET app_version = ?, versions_at = ? WHERE id = ?",
            (app_version, now, device_id),
        )
        if areas is not None:
            conn.execute("DELETE FROM device_area WHERE device_id = ?", (device_id,))
            conn.executemany(
                "INSERT INTO device_area (device_id, area_id, pack_version, catalogue_release) "
                "VALUES (?, ?, ?, ?)",
                [(device_id, *a) for a in areas],
            )
    return now


def revoke_device(db: ServerDb, clock: Clock, device_id: str) -> str | None:
    """Revoke a device (idempotent: the first revocation time stays); None when unknown."""
    with db.transaction() as conn:
        conn.execute(
            "UPDATE device SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            (utc_iso(clock.now()), device_id),
        )
        row = conn.execute("SELECT revoked_at FROM device WHERE id = ?", (device_id,)).fetchone()
    return None if row is None else str(row["revoked_at"])


# ------------------------------------------------------------------------ area keys

MAX_AREA_JSON = 1024 * 1024  # area.json holds a name, a centre and keys: far below this
AREA_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _check_area_id(area_id: str) -> str:
    if not 1 <= len(area_id) <= 64 or not set(area_id) <= AREA_ID_CHARS:
        raise AdminError(
            sv=f"Område-id {area_id!r} är ogiltigt (1–64 tecken a–z, 0–9, -).",
            en=f"The area id {area_id!r} is invalid (1–64 characters a–z, 0–9, -).",
        )
    return area_id


def check_signing_key(key: str) -> str:
    """An Ed25519 public key as base64 (32 bytes), or AdminError in words."""
    try:
        raw = base64.b64decode(key.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise AdminError(
            sv="Signeringsnyckeln måste vara en Ed25519-nyckel (32 byte) i base64.",
            en="The signing key must be an Ed25519 key (32 bytes) in base64.",
        )
    return base64.b64encode(raw).decode("ascii")


def pack_signing_key(pack_dir: Path) -> tuple[str, str]:
    """``(area_id, public_keys.signing)`` from a pack's area.json, read with a size bound."""
    from kompassen.device.files import load_json_limited

    area = load_json_limited(
        pack_dir / "area.json", MAX_AREA_JSON, display=str(pack_dir / "area.json")
    )
    keys = area.get("public_keys") if isinstance(area, dict) else None
    key = keys.get("signing") if isinstance(keys, dict) else None
    area_id = area.get("id") if isinstance(area, dict) else None
    if not isinstance(area_id, str) or not isinstance(key, str):
        raise AdminError(
            sv=f"{pack_dir / 'area.json'} saknar id eller public_keys.signing.",
            en=f"{pack_dir / 'area.json'} has no id or no public_keys.signing.",
        )
    return area_id, key


def register_area_key(
    db: ServerDb,
    clock: Clock,
    area_id: str,
    key: str,
    *,
    by: str,
    replace: bool = False,
) -> Literal["registered", "unchanged", "replaced"]:
    """Pin the key the area's releases must be signed with (before its first release).

    Registering the pinned key again changes nothing; another key needs ``replace`` (a lost
    office key: the tablets then need a pack with the new key, since they trust the old one).
    """
    area_id = _check_area_id(area_id)
    key = check_signing_key(key)
    now = utc_iso(clock.now())
    with db.transaction() as conn:
        row = conn.execute(
            "SELECT signing_key FROM area_key WHERE area_id = ?", (area_id,)
        ).fetchone()
        if row is not None and row["signing_key"] == key:
            return "unchanged"
        if row is not None and not replace:
            raise AdminError(
                sv=f"Området {area_id} har redan en annan signeringsnyckel registrerad. "
                "Byt den bara med --replace (surfplattorna litar på den gamla tills de får "
                "ett områdespaket med den nya).",
                en=f"The area {area_id} already has another signing key registered. Replace it "
                "only with --replace (the tablets trust the old one until they get an area "
                "pack with the new one).",
            )
        conn.execute(
            "INSERT INTO area_key (area_id, signing_key, registered_by, registered_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (area_id) DO UPDATE SET "
            "signing_key = excluded.signing_key, registered_by = excluded.registered_by, "
            "registered_at = excluded.registered_at",
            (area_id, key, by, now),
        )
    return "registered" if row is None else "replaced"


def list_area_keys(db: ServerDb) -> list[dict[str, Any]]:
    """Every area's pinned signing key, by area id, with who registered it and when."""
    with db.read() as conn:
        rows = conn.execute(
            "SELECT k.area_id, k.signing_key, k.registered_by, k.registered_at, "
            "(SELECT MAX(version) FROM release r WHERE r.area_id = k.area_id) AS latest_version "
            "FROM area_key k ORDER BY k.area_id"
        ).fetchall()
    return [dict(r) | {"latest_version": r["latest_version"] or 0} for r in rows]
