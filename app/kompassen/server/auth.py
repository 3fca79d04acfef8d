"""Tokens, office passwords and enrolment codes, and the FastAPI dependencies that check them.

Only hashes are stored: SHA-256 of tokens and codes (they are long and random, so a fast hash
is enough) and argon2id of passwords (people choose those).
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Literal

import nacl.exceptions
import nacl.pwhash
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from kompassen.server.db import SYSTEM, Scope, ServerDb, utc_iso
from kompassen.server.errors import ApiError

log = logging.getLogger(__name__)

OFFICE_TOKEN_HOURS = 12
MIN_PASSWORD = 8
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud and typed by hand
CODE_GROUPS = 4
CODE_GROUP_LEN = 4
_CODE_SEPARATORS = re.compile(r"[\s\-–—]+")


def new_token() -> str:
    """32 random bytes, URL-safe base64."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def hash_password(password: str) -> str:
    """argon2id, PyNaCl's interactive limits (about 0.1 s and 64 MiB per check)."""
    return nacl.pwhash.argon2id.str(password.encode("utf-8", "surrogatepass")).decode("ascii")


def verify_password(stored: str, password: str) -> bool:
    try:
        return bool(
            nacl.pwhash.argon2id.verify(
                stored.encode("ascii"), password.encode("utf-8", "surrogatepass")
            )
        )
    except (nacl.exceptions.InvalidkeyError, nacl.exceptions.CryptoError, ValueError):
        return False


def new_enrolment_code() -> str:
    """``K7QX-M2PR-…``: 16 characters of a 32-letter alphabet (80 bits)."""
    chars = [secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LEN)]
    groups = ["".join(chars[i : i + CODE_GROUP_LEN]) for i in range(0, len(chars), CODE_GROUP_LEN)]
    return "-".join(groups)


def normalise_code(text: str) -> str:
    """Case, dashes and spaces do not matter when a code is typed."""
    return _CODE_SEPARATORS.sub("", text).upper()


def code_hash(text: str) -> str:
    return hashlib.sha256(normalise_code(text).encode("utf-8", "surrogatepass")).hexdigest()


OfficeRole = Literal["admin", "coordinator"]


@dataclass(frozen=True)
class Principal:
    """Who is calling: a device (by id) or an office user (by name, with role and areas).

    An office ``admin`` works on every area and manages users; a ``coordinator`` only on
    ``areas`` (what :meth:`may` says and :func:`require_area` enforces).
    """

    role: Literal["device", "office"]
    id: str
    office_role: OfficeRole | None = None
    areas: frozenset[str] = frozenset()

    @property
    def is_admin(self) -> bool:
        return self.role == "office" and self.office_role == "admin"

    def may(self, area_id: str) -> bool:
        return self.is_admin or (self.role == "office" and area_id in self.areas)

    def scope(self) -> frozenset[str] | None:
        """The areas this caller is limited to, or None for every area (an admin)."""
        return None if self.is_admin else self.areas

    def db_scope(self) -> Scope:
        """What this caller's transactions may see (row-level security on PostgreSQL): an
        admin every area, a coordinator their areas, a device its own area (none before
        it is bound to one)."""
        return Scope(self.scope(), self.id)

    @property
    def area(self) -> str | None:
        """A device's own area (None: not bound yet, a device enrolled before areas)."""
        return next(iter(self.areas)) if self.role == "device" and self.areas else None


_bearer = HTTPBearer(auto_error=False, description="Device or office token")


def _db(request: Request) -> ServerDb:
    db: ServerDb = request.app.state.db
    return db


def _now_iso(request: Request) -> str:
    return utc_iso(request.app.state.clock.now())


def _unauthorized() -> ApiError:
    return ApiError(
        401,
        "unauthorized",
        en="Missing, unknown or expired token.",
        sv="Token saknas, är okänd eller har gått ut.",
        headers={"WWW-Authenticate": "Bearer"},
    )


def caller(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """Resolve the bearer token; a device's ``last_seen`` is updated on every call.

    A revoked device's token is refused with 403, and the attempt is counted on the device
    row (committed before the answer) so the office sees a lost tablet still trying.
    """
    if credentials is None or not credentials.credentials:
        raise _unauthorized()
    digest = token_hash(credentials.credentials)
    now = _now_iso(request)
    # the server's own work: whose token this is is not yet known, so no area to limit to
    with _db(request).transaction(SYSTEM) as conn:
        device = conn.execute(
            "SELECT id, revoked_at, area_id FROM device WHERE token_hash = ?", (digest,)
        ).fetchone()
        if device is not None and device["revoked_at"] is None:
            conn.execute("UPDATE device SET last_seen = ? WHERE id = ?", (now, device["id"]))
            home = frozenset({device["area_id"]}) if device["area_id"] else frozenset()
            return Principal("device", device["id"], areas=home)
        if device is not None:
            conn.execute(
                "UPDATE device SET revoked_uses = revoked_uses + 1, revoked_last_used = ? "
                "WHERE id = ?",
                (now, device["id"]),
            )
            office = None
        else:
            office = conn.execute(
                "SELECT t.user_name, t.expires_at, u.role, u.disabled_at FROM office_token t "
                "JOIN office_user u ON u.name = t.user_name WHERE t.token_hash = ?",
                (digest,),
            ).fetchone()
            areas = (
                frozenset(
                    r["area_id"]
                    for r in conn.execute(
                        "SELECT area_id FROM office_user_area WHERE user_name = ?",
                        (office["user_name"],),
                    )
                )
                if office is not None
                else frozenset()
            )
    # raised outside the transaction: an error inside would roll the count back
    if device is not None:
        log.warning("revoked device %s presented its token", device["id"])
        raise ApiError(
            403,
            "revoked",
            en="This device has been revoked.",
            sv="Den här enheten är spärrad.",
        )
    if office is None or office["expires_at"] <= now or office["disabled_at"] is not None:
        raise _unauthorized()
    role: OfficeRole = "admin" if office["role"] == "admin" else "coordinator"
    return Principal("office", office["user_name"], role, areas)


def _wrong_role() -> ApiError:
    return ApiError(
        403,
        "wrong_role",
        en="This token may not use this endpoint.",
        sv="Den här token får inte använda den här tjänsten.",
    )


def device_caller(who: Annotated[Principal, Depends(caller)]) -> Principal:
    if who.role != "device":
        raise _wrong_role()
    return who


def office_caller(who: Annotated[Principal, Depends(caller)]) -> Principal:
    if who.role != "office":
        raise _wrong_role()
    return who


def not_your_area(area_id: str) -> ApiError:
    return ApiError(
        403,
        "not_your_area",
        en=f"You may not work on the area {area_id} (ask an administrator to give it to you).",
        sv=f"Du får inte arbeta med området {area_id} (be en administratör att ge dig det).",
    )


def require_area(who: Principal, area_id: str) -> None:
    """403 ``not_your_area`` unless the office caller may work on ``area_id``."""
    if not who.may(area_id):
        raise not_your_area(area_id)


def admin_only() -> ApiError:
    return ApiError(
        403,
        "admin_only",
        en="Only an administrator may do this.",
        sv="Bara en administratör får göra det här.",
    )


def admin_caller(who: Annotated[Principal, Depends(office_caller)]) -> Principal:
    if not who.is_admin:
        raise admin_only()
    return who


AnyCaller = Annotated[Principal, Depends(caller)]
DeviceCaller = Annotated[Principal, Depends(device_caller)]
OfficeCaller = Annotated[Principal, Depends(office_caller)]
AdminCaller = Annotated[Principal, Depends(admin_caller)]


def office_token_lifetime() -> timedelta:
    return timedelta(hours=OFFICE_TOKEN_HOURS)
