"""Accounts, devices and area keys: the operations behind both the office API and the admin CLI."""

from __future__ import annotations

import base64
import binascii
import secrets
from collections.abc import Collection
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.server import audit, auth
from kompassen.server.db import SYSTEM, Scope, ServerDb, Tx, utc_iso

SERVER_ADMIN = "kompassen-server"  # the actor of what the admin CLI does (not an office user)


class AdminError(KompassenError):
    """An admin command or office request that cannot be carried out as asked.

    ``code`` is the API's error code for it (``invalid``, ``last_admin``, ``user_exists``, …).
    """

    def __init__(self, *, sv: str, en: str, code: str = "invalid", status: int = 400) -> None:
        super().__init__(sv=sv, en=en)
        self.code = code
        self.status = status


_DUMMY_HASH: str | None = None


def _dummy_hash() -> str:
    """Checked against when the user is unknown, so a wrong name costs as long as a wrong password."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = auth.hash_password(secrets.token_urlsafe(16))
    return _DUMMY_HASH


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 80 or any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise AdminError(
            sv="Namnet måste vara 1–80 tecken utan styrtecken.",
            en="The name must be 1–80 characters without control characters.",
        )
    return name


def _check_password(password: str) -> None:
    if len(password) < auth.MIN_PASSWORD:
        raise AdminError(
            sv=f"Lösenordet måste vara minst {auth.MIN_PASSWORD} tecken.",
            en=f"The password must be at least {auth.MIN_PASSWORD} characters.",
        )


def _check_role(role: str) -> auth.OfficeRole:
    if role == "admin":
        return "admin"
    if role == "coordinator":
        return "coordinator"
    raise AdminError(
        sv=f"Okänd roll {role!r} (admin eller coordinator).",
        en=f"Unknown role {role!r} (admin or coordinator).",
    )


def _user_row(conn: Tx, name: str) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT name, role, disabled_at, updated_at FROM office_user WHERE name = ?", (name,)
    ).fetchone()
    if row is None:
        return None
    areas = [
        r["area_id"]
        for r in conn.execute(
            "SELECT area_id FROM office_user_area WHERE user_name = ? ORDER BY area_id", (name,)
        )
    ]
    return dict(row) | {"areas": areas}


def _set_areas(conn: Tx, name: str, areas: Collection[str]) -> None:
    conn.execute("DELETE FROM office_user_area WHERE user_name = ?", (name,))
    conn.executemany(
        "INSERT INTO office_user_area (user_name, area_id) VALUES (?, ?)",
        [(name, a) for a in sorted(set(areas))],
    )


def _other_active_admins(conn: Tx, name: str) -> int:
    row = conn.execute(
        "SELECT COUNT(*) FROM office_user WHERE role = 'admin' AND disabled_at IS NULL "
        "AND name <> ?",
        (name,),
    ).one()
    return int(row[0])


def set_office_user(
    db: ServerDb,
    clock: Clock,
    name: str,
    password: str,
    *,
    role: str | None = None,
    areas: Collection[str] | None = None,
    actor: str = SERVER_ADMIN,
) -> None:
    """Create the office user or replace the password (which also ends its sessions).

    The admin CLI's way in (``kompassen-server office-user``): a new user is an ``admin``
    unless ``role`` says otherwise; for an existing one ``role``/``areas`` None keep what it
    has, and a disabled user is enabled again (the server's admin wants them back).
    """
    name = _check_name(name)
    _check_password(password)
    checked_role = None if role is None else _check_role(role)
    checked_areas = None if areas is None else [_check_area_id(a) for a in areas]
    hashed = auth.hash_password(password)
    now = utc_iso(clock.now())
    with db.transaction(SYSTEM) as conn:
        before = _user_row(conn, name)
        conn.execute(
            "INSERT INTO office_user (name, password_hash, updated_at, role) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, "
            "updated_at = excluded.updated_at, disabled_at = NULL",
            (name, hashed, now, checked_role or "admin"),
        )
        if checked_role is not None:
            conn.execute("UPDATE office_user SET role = ? WHERE name = ?", (checked_role, name))
        if checked_areas is not None:
            _set_areas(conn, name, checked_areas)
        conn.execute("DELETE FROM office_token WHERE user_name = ?", (name,))
        after = _user_row(conn, name)
        assert after is not None
        detail = {"role": after["role"], "areas": after["areas"], "reset": True}
        audit.record(
            conn,
            now,
            actor,
            "user_created" if before is None else "user_changed",
            target=name,
            detail=detail,
        )


def list_users(db: ServerDb) -> list[dict[str, Any]]:
    """Every office user by name: role, areas, disabled or not, when last changed."""
    with db.read(SYSTEM) as conn:
        names = [r["name"] for r in conn.execute("SELECT name FROM office_user ORDER BY name")]
        return [u for u in (_user_row(conn, n) for n in names) if u is not None]


def office_user(db: ServerDb, name: str) -> dict[str, Any] | None:
    with db.read(SYSTEM) as conn:
        return _user_row(conn, name)


def create_user(
    db: ServerDb,
    clock: Clock,
    actor: str,
    name: str,
    password: str,
    role: str,
    areas: Collection[str],
) -> dict[str, Any]:
    """A new office user with a first password (an administrator's office request)."""
    name = _check_name(name)
    _check_password(password)
    checked_role = _check_role(role)
    checked_areas = [_check_area_id(a) for a in areas]
    hashed = auth.hash_password(password)
    now = utc_iso(clock.now())
    with db.transaction(SYSTEM) as conn:
        if _user_row(conn, name) is not None:
            raise AdminError(
                sv=f"Det finns redan en användare {name}.",
                en=f"There already is a user {name}.",
                code="user_exists",
                status=409,
            )
        conn.execute(
            "INSERT INTO office_user (name, password_hash, updated_at, role) VALUES (?, ?, ?, ?)",
            (name, hashed, now, checked_role),
        )
        _set_areas(conn, name, checked_areas)
        user = _user_row(conn, name)
        assert user is not None
        audit.record(
            conn,
            now,
            actor,
            "user_created",
            target=name,
            detail={"role": user["role"], "areas": user["areas"]},
        )
    return user


def update_user(
    db: ServerDb,
    clock: Clock,
    actor: str,
    name: str,
    *,
    role: str | None = None,
    areas: Collection[str] | None = None,
    password: str | None = None,
    disabled: bool | None = None,
) -> dict[str, Any] | None:
    """Change what is given (None keeps it); None when there is no such user.

    A new password or disabling ends the user's sessions. The last active admin can be
    neither demoted nor disabled (nobody could manage users any more).
    """
    checked_role = None if role is None else _check_role(role)
    checked_areas = None if areas is None else [_check_area_id(a) for a in areas]
    if password is not None:
        _check_password(password)
    hashed = None if password is None else auth.hash_password(password)
    now = utc_iso(clock.now())
    with db.transaction(SYSTEM) as conn:
        before = _user_row(conn, name)
        if before is None:
            return None
        active_admin = before["role"] == "admin" and before["disabled_at"] is None
        loses = (checked_role is not None and checked_role != "admin") or disabled is True
        if active_admin and loses and _other_active_admins(conn, name) == 0:
            raise AdminError(
                sv=f"{name} är den enda aktiva administratören och kan inte tas bort som "
                "administratör eller stängas av. Gör någon annan till administratör först.",
                en=f"{name} is the only active administrator and cannot be demoted or "
                "disabled. Make someone else an administrator first.",
                code="last_admin",
                status=409,
            )
        if checked_role is not None:
            conn.execute("UPDATE office_user SET role = ? WHERE name = ?", (checked_role, name))
        if checked_areas is not None:
            _set_areas(conn, name, checked_areas)
        if hashed is not None:
            conn.execute("UPDATE office_user SET password_hash = ? WHERE name = ?", (hashed, name))
        if disabled is True and before["disabled_at"] is None:
            conn.execute("UPDATE office_user SET disabled_at = ? WHERE name = ?", (now, name))
        elif disabled is False:
            conn.execute("UPDATE office_user SET disabled_at = NULL WHERE name = ?", (name,))
        if hashed is not None or disabled is True:
            conn.execute("DELETE FROM office_token WHERE user_name = ?", (name,))
        conn.execute("UPDATE office_user SET updated_at = ? WHERE name = ?", (now, name))
        after = _user_row(conn, name)
        assert after is not None
        changed: dict[str, Any] = {}
        for key in ("role", "areas"):
            if before[key] != after[key]:
                changed[key] = {"from": before[key], "to": after[key]}
        if hashed is not None:
            changed["reset"] = True
        if disabled is False and before["disabled_at"] is not None:
            changed["enabled"] = True
        action = (
            "user_disabled"
            if disabled is True and before["disabled_at"] is None
            else "user_changed"
        )
        audit.record(conn, now, actor, action, target=name, detail=changed)
    return after


def change_password(
    db: ServerDb, clock: Clock, name: str, old: str, new: str, keep_token_hash: str | None
) -> bool:
    """One's own password: False when ``old`` is wrong. Other sessions end; this one stays."""
    _check_password(new)
    with db.read(SYSTEM) as conn:
        row = conn.execute(
            "SELECT password_hash FROM office_user WHERE name = ?", (name,)
        ).fetchone()
    if row is None or not auth.verify_password(row["password_hash"], old):
        return False
    hashed = auth.hash_password(new)
    now = utc_iso(clock.now())
    with db.transaction(SYSTEM) as conn:
        conn.execute(
            "UPDATE office_user SET password_hash = ?, updated_at = ? WHERE name = ?",
            (hashed, now, name),
        )
        conn.execute(
            "DELETE FROM office_token WHERE user_name = ? AND token_hash <> ?",
            (name, keep_token_hash or ""),
        )
        audit.record(conn, now, name, "password_changed", target=name)
    return True


def office_login(
    db: ServerDb, clock: Clock, name: str, password: str, *, source: str | None = None
) -> tuple[str, str] | None:
    """A new office token and its expiry, or None for a wrong name or password (or a
    disabled user). Both are logged; a failed one under the name only if it is a user's
    (an unknown "name" may be a password typed in the wrong field)."""
    with db.read(SYSTEM) as conn:
        row = conn.execute(
            "SELECT password_hash, disabled_at FROM office_user WHERE name = ?", (name,)
        ).fetchone()
    stored = row["password_hash"] if row is not None else _dummy_hash()
    right = auth.verify_password(stored, password) and row is not None
    now = clock.now()
    where = {"from": source} if source else {}
    if not right or row is None or row["disabled_at"] is not None:
        reason = "unknown_user" if row is None else "disabled" if right else "wrong_password"
        with db.transaction(SYSTEM) as conn:
            audit.record(
                conn,
                utc_iso(now),
                name if row is not None else "",
                "sign_in_failed",
                target=name if row is not None else None,
                detail={"reason": reason, **where},
            )
        return None
    token = auth.new_token()
    expires_at = utc_iso(now + auth.office_token_lifetime())
    with db.transaction(SYSTEM) as conn:
        conn.execute("DELETE FROM office_token WHERE expires_at <= ?", (utc_iso(now),))
        conn.execute(
            "INSERT INTO office_token (token_hash, user_name, created_at, expires_at) "
            "VALUES (?, ?, ?, ?)",
            (auth.token_hash(token), name, utc_iso(now), expires_at),
        )
        audit.record(
            conn, utc_iso(now), name, "sign_in", detail={"expires_at": expires_at, **where}
        )
    return token, expires_at


def office_logout(db: ServerDb, clock: Clock, name: str, digest: str) -> None:
    """End one session (the token presented)."""
    with db.transaction(SYSTEM) as conn:
        conn.execute("DELETE FROM office_token WHERE token_hash = ?", (digest,))
        audit.record(conn, utc_iso(clock.now()), name, "sign_out")


def create_enrolment_code(
    db: ServerDb,
    clock: Clock,
    uses: int = 1,
    valid_hours: int = 24,
    *,
    actor: str = SERVER_ADMIN,
    area_id: str | None = None,
    scope: Scope = SYSTEM,
) -> tuple[str, str]:
    """A new one-time (or ``uses``-time) code and its expiry; only its hash is stored.

    ``actor`` (an office user, or the admin CLI) is kept with the code: the devices enrolled
    with it count as that user's (a coordinator sees the tablets they enrolled). ``area_id``:
    the district the tablets enrolled with it belong to (they get only its releases); None
    (the admin CLI without ``--area``) binds each tablet to the area it first syncs.
    """
    if area_id is not None:
        area_id = _check_area_id(area_id)
    if not 1 <= uses <= 100:
        raise AdminError(sv="Antal användningar måste vara 1–100.", en="Uses must be 1–100.")
    if not 1 <= valid_hours <= 720:
        raise AdminError(
            sv="Giltighetstiden måste vara 1–720 timmar.", en="Validity must be 1–720 hours."
        )
    now = clock.now()
    code = auth.new_enrolment_code()
    expires_at = utc_iso(now + timedelta(hours=valid_hours))
    with db.transaction(scope) as conn:
        conn.execute(
            "INSERT INTO enrolment_code (code_hash, uses_left, created_at, expires_at, "
            "created_by, area_id) VALUES (?, ?, ?, ?, ?, ?)",
            (auth.code_hash(code), uses, utc_iso(now), expires_at, actor, area_id),
        )
        audit.record(
            conn,
            utc_iso(now),
            actor,
            "enrolment_code_created",
            area_id=area_id,
            detail={
                "uses": uses,
                "valid_hours": valid_hours,
                "expires_at": expires_at,
                "area": area_id,
            },
        )
    return code, expires_at


def enrol(db: ServerDb, clock: Clock, code: str, name: str | None) -> tuple[str, str] | None:
    """Spend one use of the code on a new device: (device_id, token), or None for a bad code."""
    now = utc_iso(clock.now())
    digest = auth.code_hash(code)
    token = auth.new_token()
    with db.transaction(SYSTEM) as conn:
        row = conn.execute(
            "SELECT uses_left, expires_at, created_by, area_id FROM enrolment_code "
            "WHERE code_hash = ?",
            (digest,),
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
            "INSERT INTO device (id, name, token_hash, enrolled_at, last_seen, enrolled_by, "
            "area_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                device_id,
                name or "",
                auth.token_hash(token),
                now,
                now,
                row["created_by"],
                row["area_id"],
            ),
        )
    return device_id, token


def device_scope(areas: Collection[str] | None, user: str | None) -> tuple[str, list[Any]]:
    """SQL condition on ``device d``: the devices an office user may see and revoke.

    An admin (``areas`` None) every device. A coordinator the devices of their areas, those
    that carry one of their areas (as the tablet said at its last sync) and the devices
    enrolled with a code they made (a new tablet has not synced yet, and whoever enrolled it must be able to revoke
    it). A tablet of another area is not theirs to see: its name and sync times are that
    area's business.
    """
    if areas is None:
        return "1 = 1", []
    area_list = sorted(areas)
    marks = ", ".join("?" for _ in area_list)
    if not area_list:
        return "d.enrolled_by = ?", [user or ""]
    carries = (
        f"d.area_id IN ({marks}) OR EXISTS (SELECT 1 FROM device_area x "
        f"WHERE x.device_id = d.id AND x.area_id IN ({marks}))"
    )
    return f"({carries} OR d.enrolled_by = ?)", [*area_list, *area_list, user or ""]


def list_devices(
    db: ServerDb, *, areas: Collection[str] | None = None, user: str | None = None
) -> list[dict[str, Any]]:
    """Devices ever enrolled, oldest first, with how many reports each sent (daily usage
    aggregates are not counted: they are not reports).

    ``areas``/``user``: limit to what a coordinator may see (:func:`device_scope`); None:
    every device. ``revoked_uses``/``revoked_last_used``: how often and when last its token
    was presented after the revocation (a lost tablet in someone's hands, or one nobody told).
    """
    scope, args = device_scope(areas, user)
    with db.read(Scope(None if areas is None else frozenset(areas), user or "")) as conn:
        rows = conn.execute(
            "SELECT d.id, d.name, d.area_id, d.enrolled_at, d.last_seen, d.revoked_at, "
            "d.revoked_uses, d.revoked_last_used, "
            "(SELECT COUNT(*) FROM submission s WHERE s.device_id = d.id AND s.kind = 'report') "
            "AS submissions, "
            "d.app_version, d.versions_at, d.enrolled_by "
            f"FROM device d WHERE {scope} ORDER BY d.enrolled_at, d.id",
            args,
        ).fetchall()
        carried: dict[str, list[dict[str, Any]]] = {}
        for a in conn.execute(
            "SELECT device_id, area_id, pack_version, catalogue_release FROM device_area "
            "ORDER BY device_id, area_id"
        ):
            carried.setdefault(a["device_id"], []).append(
                {k: a[k] for k in ("area_id", "pack_version", "catalogue_release")}
            )
    return [dict(r) | {"areas": carried.get(r["id"], [])} for r in rows]


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

    The server's own bookkeeping of one device's rows (by its id), so it runs for every
    area: a tablet may carry packs of other districts beside its own.
    """
    now = utc_iso(clock.now())
    with db.transaction(SYSTEM) as conn:
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


def revoke_device(
    db: ServerDb,
    clock: Clock,
    device_id: str,
    *,
    actor: str = SERVER_ADMIN,
    areas: Collection[str] | None = None,
) -> str | None:
    """Revoke a device (idempotent: the first revocation time stays); None when unknown or
    not one ``actor`` may see (``areas``: a coordinator's, see :func:`device_scope`)."""
    scope, args = device_scope(areas, actor)
    now = utc_iso(clock.now())
    with db.transaction(Scope(None if areas is None else frozenset(areas), actor)) as conn:
        row = conn.execute(
            f"SELECT d.revoked_at FROM device d WHERE d.id = ? AND {scope}", (device_id, *args)
        ).fetchone()
        if row is None:
            return None
        if row["revoked_at"] is not None:
            return str(row["revoked_at"])
        conn.execute("UPDATE device SET revoked_at = ? WHERE id = ?", (now, device_id))
        carried = [
            r["area_id"]
            for r in conn.execute(
                "SELECT area_id FROM device_area WHERE device_id = ? ORDER BY area_id",
                (device_id,),
            )
        ]
        audit.record(
            conn,
            now,
            actor,
            "device_revoked",
            area_id=carried[0] if len(carried) == 1 else None,
            target=device_id,
            detail={"areas": carried},
        )
    return now


def bind_device_area(db: ServerDb, device_id: str, area_id: str) -> bool:
    """Give a device that has no area yet (enrolled before districts, or with a code of no
    area) the area it first asks for; True when it is bound to ``area_id`` now."""
    with db.transaction(SYSTEM) as conn:
        conn.execute(
            "UPDATE device SET area_id = ? WHERE id = ? AND area_id IS NULL", (area_id, device_id)
        )
        row = conn.execute("SELECT area_id FROM device WHERE id = ?", (device_id,)).fetchone()
    return row is not None and row["area_id"] == area_id


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
    actor: str = SERVER_ADMIN,
    scope: Scope = SYSTEM,
) -> Literal["registered", "unchanged", "replaced"]:
    """Pin the key the area's releases must be signed with (before its first release).

    Registering the pinned key again changes nothing; another key needs ``replace`` (a lost
    office key: the tablets then need a pack with the new key, since they trust the old one).
    """
    area_id = _check_area_id(area_id)
    key = check_signing_key(key)
    now = utc_iso(clock.now())
    with db.transaction(scope) as conn:
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
                code="key_conflict",  # 409 as the office API documents it
                status=409,
            )
        conn.execute(
            "INSERT INTO area_key (area_id, signing_key, registered_by, registered_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (area_id) DO UPDATE SET "
            "signing_key = excluded.signing_key, registered_by = excluded.registered_by, "
            "registered_at = excluded.registered_at",
            (area_id, key, by, now),
        )
        outcome: Literal["registered", "replaced"] = "registered" if row is None else "replaced"
        audit.record(
            conn,
            now,
            actor,
            "area_key_registered",
            area_id=area_id,
            target=area_id,
            detail={"outcome": outcome, "public_key": key},
        )
    return outcome


def list_area_keys(db: ServerDb) -> list[dict[str, Any]]:
    """Every area's pinned signing key, by area id, with who registered it and when."""
    with db.read(SYSTEM) as conn:
        rows = conn.execute(
            "SELECT k.area_id, k.signing_key, k.registered_by, k.registered_at, "
            "(SELECT MAX(version) FROM release r WHERE r.area_id = k.area_id) AS latest_version "
            "FROM area_key k ORDER BY k.area_id"
        ).fetchall()
    return [dict(r) | {"latest_version": r["latest_version"] or 0} for r in rows]
