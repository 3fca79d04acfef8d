"""Reliability tests: reports are never lost and never duplicated, whatever the network does.

Shared helpers: what the server holds, read like the office reads it (the office API), and
the outbox's uuids by status, read straight from device.db.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

DEV_KEYS = Path(__file__).resolve().parents[1] / "fixtures" / "dev_keys.json"


def server_items(api: str, office_token: str, device_id: str | None = None) -> list[dict[str, Any]]:
    """Every submission row on the server (optionally one device's), via the office API."""
    items: list[dict[str, Any]] = []
    after = 0
    with httpx.Client(headers={"Authorization": f"Bearer {office_token}"}, timeout=30) as http:
        while True:
            r = http.get(f"{api}/office/submissions", params={"after": after, "limit": 500})
            r.raise_for_status()
            body = r.json()
            items += body["items"]
            if body["next_after"] is None:
                break
            after = body["next_after"]
    return [i for i in items if device_id is None or i["device_id"] == device_id]


def uuid_counts(items: list[dict[str, Any]]) -> Counter[str]:
    """How many server rows each uuid has (exactly one each is the goal)."""
    return Counter(i["uuid"] for i in items)


def outbox_by_status(device_db: Path) -> dict[str, set[str]]:
    """The outbox's uuids per status, from a separate read-only connection to device.db."""
    conn = sqlite3.connect(f"file:{device_db}?mode=ro", uri=True)
    try:
        out: dict[str, set[str]] = {}
        for uuid, status in conn.execute("SELECT uuid, status FROM outbox"):
            out.setdefault(status, set()).add(uuid)
        return out
    finally:
        conn.close()
