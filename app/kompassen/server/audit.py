"""The audit log of office actions: who did what, when, in which area, to what.

:func:`record` is called with the connection of the action's own transaction, so an action
and its entry are committed together or not at all (a refused action logs nothing, except a
failed sign-in, which is logged on its own). The ``detail`` is a small JSON object that never
holds a secret: keys that name one (password, token, code, …) are refused here, so a careless
caller fails its test instead of writing a password to disk.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any

from kompassen.server.db import Tx

# what the office does, as logged (the office window words each one)
ACTIONS = frozenset(
    {
        "sign_in",
        "sign_in_failed",
        "sign_out",
        "publish",
        "enrolment_code_created",
        "device_revoked",
        "user_created",
        "user_changed",
        "user_disabled",
        "password_changed",
        "area_key_registered",
        "submissions_fetched",
        "usage_fetched",
        "report_states",
        "report_answered",
    }
)
MAX_DETAIL = 2000  # characters of JSON: a few numbers and names, never documents
_SECRET_WORDS = ("password", "token", "code", "secret", "passphrase", "private", "signature")


class AuditSecretError(ValueError):
    """A detail key names a secret: a bug in the caller (the entry is not written)."""


def _check_detail(detail: Mapping[str, Any]) -> str:
    for key in detail:
        if any(word in key.lower() for word in _SECRET_WORDS):
            raise AuditSecretError(f"audit detail key {key!r} may hold a secret")
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    if len(text) > MAX_DETAIL:
        raise ValueError("audit detail too large")
    return text


def record(
    conn: Tx,
    at: str,
    actor: str,
    action: str,
    *,
    area_id: str | None = None,
    target: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Add one entry inside the caller's transaction (``at``: the server clock, UTC ISO)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, area_id, target, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (at, actor, action, area_id, target, _check_detail(detail or {})),
    )


def entries(
    conn: Tx,
    *,
    limit: int,
    before: int | None = None,
    areas: Collection[str] | None = None,
    actor: str | None = None,
) -> list[dict[str, Any]]:
    """Entries newest first (``id < before``). ``areas`` not None: only entries of those areas
    or by ``actor`` (what a coordinator may see); None: every entry (an admin)."""
    where = ["id < ?"]
    args: list[Any] = [before if before is not None else 2**62]
    if areas is not None:
        area_list = sorted(areas)
        marks = ", ".join("?" for _ in area_list)
        scope = f"area_id IN ({marks})" if area_list else "1 = 0"
        where.append(f"({scope} OR actor = ?)")
        args += [*area_list, actor or ""]
    rows = conn.execute(
        "SELECT id, at, actor, action, area_id, target, detail FROM audit_log "
        f"WHERE {' AND '.join(where)} ORDER BY id DESC LIMIT ?",
        (*args, limit),
    ).fetchall()
    return [dict(r) | {"detail": json.loads(r["detail"])} for r in rows]
