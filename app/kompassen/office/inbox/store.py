"""office.db: the opened reports encrypted at rest, usage counts, the state mirror, filters.

An opened report is the field worker's own words, so it never lies in clear on the office's
disk: each opened envelope is kept as a libsodium ``SecretBox`` under a key derived from the
office's private sealing key (BLAKE2b with a fixed personalisation), and only what the
statistics and ordering need without the keys — ids, area, kind and times — is in clear.
A report that could not be opened keeps its server blob, sealed, to be retried with the next
keys: never lost. State comments arrive sealed to the office key and stay that way on disk.

After :meth:`InboxStore.unlock` every report is decrypted once into an in-memory index, so
filtering 20,000 reports by words, needs or groups is a loop over Python objects (a few
milliseconds), not 20,000 decryptions per keystroke.

One thread: open the store on the worker thread that uses it.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from nacl.encoding import RawEncoder
from nacl.exceptions import CryptoError
from nacl.hash import blake2b
from nacl.public import PrivateKey, SealedBox
from nacl.secret import SecretBox

from kompassen.core.errors import KompassenError
from kompassen.office.inbox.model import InboxReport, ReportSummary, StateChange
from kompassen.reports.keys import OfficeKeys
from kompassen.reports.usage_format import DayUsage
from kompassen.sqlite import (
    Migration,
    StorageError,
    atomic,
    connect,
    migrate,
    storage_errors,
)

#: BLAKE2b personalisation of the at-rest key (16 bytes): changing it makes office.db unreadable
_PERSON = b"kompassen.inbox1"
_CHECK_PLAIN = b"kompassen office.db at-rest key check"
CLOSED_STATES = frozenset({"solved", "not_actionable"})

MIGRATIONS = (
    Migration(
        1,
        "reports encrypted at rest, sealed leftovers, usage, state mirror, saved filters",
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
        CREATE TABLE cursor (name TEXT PRIMARY KEY, after INTEGER NOT NULL);
        CREATE TABLE report (
            submission_id INTEGER PRIMARY KEY,
            area_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            created_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            box BLOB NOT NULL
        );
        CREATE INDEX report_area ON report (area_id, occurred_at);
        CREATE TABLE sealed (
            submission_id INTEGER PRIMARY KEY,
            area_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            uuid TEXT NOT NULL,
            blob BLOB NOT NULL,
            tries INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE usage (
            submission_id INTEGER PRIMARY KEY,
            area_id TEXT NOT NULL,
            day TEXT NOT NULL
        );
        CREATE INDEX usage_area_day ON usage (area_id, day);
        CREATE TABLE usage_count (
            submission_id INTEGER NOT NULL REFERENCES usage (submission_id),
            metric TEXT NOT NULL,
            key TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (submission_id, metric, key)
        );
        CREATE TABLE state_change (
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL,
            area_id TEXT NOT NULL,
            state TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            comment_sealed BLOB,
            link_kind TEXT,
            link_id TEXT
        );
        CREATE INDEX state_change_submission ON state_change (submission_id, id);
        CREATE TABLE saved_filter (
            area_id TEXT NOT NULL,
            name TEXT NOT NULL,
            filter TEXT NOT NULL,
            PRIMARY KEY (area_id, name)
        );
        """,
    ),
)


class InboxStorageError(StorageError):
    """office.db cannot be read or written right now, in words."""


class InboxLocked(KompassenError):
    """The reports are encrypted and the office keys are not open."""

    def __init__(self) -> None:
        super().__init__(
            sv="Rapporterna är krypterade: öppna kontorets nycklar först.",
            en="The reports are encrypted: open the office keys first.",
        )


class InboxKeyError(KompassenError):
    """office.db was encrypted with other keys than the ones given (or is damaged)."""


@dataclass(frozen=True, slots=True)
class SealedReport:
    """A report the office could not open yet, kept as the server sent it."""

    submission_id: int
    area_id: str
    created_at: str
    received_at: str
    uuid: str  # the server's uuid of the submission (what an answer must name)
    blob: bytes


def at_rest_key(keys: OfficeKeys) -> bytes:
    """The 32-byte SecretBox key of office.db, derived from the private sealing key."""
    try:
        raw = base64.b64decode(keys.sealing_private, validate=True)
    except (ValueError, TypeError) as exc:
        raise _bad_keys() from exc
    if len(raw) != 32:
        raise _bad_keys()
    return blake2b(raw, digest_size=32, person=_PERSON, encoder=RawEncoder)


def instant(iso: str) -> float:
    """The POSIX time of an ISO 8601 time (naive is taken as UTC; unreadable sorts first)."""
    try:
        dt = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return 0.0
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()


def local_day(iso: str) -> str:
    """The calendar day of a time as the tablet wrote it (its own offset: Stockholm's)."""
    return iso[:10]


class InboxStore:
    """office.db on ONE thread (open it on the worker thread that uses it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with self._guard(
            "Kontorets inkorg kunde inte öppnas", "The office inbox could not be opened"
        ):
            self.conn = connect(path, synchronous="FULL", busy_timeout_ms=10000, row_factory=None)
            try:
                self.conn.execute("PRAGMA secure_delete = ON")
                migrate(
                    self.conn,
                    MIGRATIONS,
                    name="office",
                    backup_dir=path.parent / "backups",
                    now=datetime.now(UTC),
                    error_cls=InboxStorageError,
                )
            except BaseException:
                self.conn.close()
                raise
        self._box: SecretBox | None = None
        self._opener: SealedBox[PrivateKey] | None = None
        self._reports: dict[int, InboxReport] = {}
        self._uuids: dict[int, str] = {}
        self._hay: dict[int, str] = {}  # text + place, lower case, for the word filter
        self._order: dict[int, float] = {}  # occurred_at as POSIX time, for newest first

    def close(self) -> None:
        self._box = None
        self._opener = None
        self._reports.clear()
        self._uuids.clear()
        self._hay.clear()
        self._order.clear()
        self.conn.close()

    @contextmanager
    def _guard(self, what_sv: str, what_en: str) -> Iterator[None]:
        with storage_errors(
            InboxStorageError,
            f"{what_sv} ({self.path})",
            f"{what_en} ({self.path})",
            then_sv="Inget har raderats.",
            then_en="Nothing was deleted.",
        ):
            yield

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction around several writes (a fetched page and its cursor)."""
        with (
            self._guard(
                "Kontorets inkorg kunde inte sparas", "The office inbox could not be saved"
            ),
            atomic(self.conn),
        ):
            yield

    # ------------------------------------------------------------------ keys

    def unlock(self, keys: OfficeKeys) -> None:
        """Derive the at-rest key, check it against the file, decrypt the index once."""
        box = SecretBox(at_rest_key(keys))
        opener = SealedBox(PrivateKey(base64.b64decode(keys.sealing_private)))
        with self._guard("Kontorets inkorg kunde inte läsas", "The office inbox could not be read"):
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'check'").fetchone()
            empty = self.conn.execute("SELECT 1 FROM report LIMIT 1").fetchone() is None
            if row is None or empty:
                # nothing is encrypted under the old key yet (a wrong key file opened first
                # leaves only sealed leftovers, which are the server's blobs): bind to these keys
                with atomic(self.conn):
                    self.conn.execute(
                        "INSERT INTO meta (key, value) VALUES ('check', ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        (bytes(box.encrypt(_CHECK_PLAIN)),),
                    )
            else:
                try:
                    ok = box.decrypt(bytes(row[0])) == _CHECK_PLAIN
                except CryptoError:
                    ok = False
                if not ok:
                    raise InboxKeyError(
                        sv="Rapporterna i kontorets inkorg är krypterade med andra nycklar än de "
                        "som öppnades. Öppna områdets rätta nyckelfil.",
                        en="The reports in the office inbox are encrypted with other keys than "
                        "the ones opened. Open the area's right key file.",
                    )
            if self._box is not None and bytes(self._box) == bytes(box):
                return
            self._box, self._opener = box, opener
            self._load()

    @property
    def locked(self) -> bool:
        return self._box is None

    def _need_box(self) -> SecretBox:
        if self._box is None:
            raise InboxLocked()
        return self._box

    def _load(self) -> None:
        box = self._need_box()
        self._reports.clear()
        self._uuids.clear()
        self._hay.clear()
        self._order.clear()
        rows = self.conn.execute(
            "SELECT submission_id, area_id, kind, created_at, received_at, occurred_at, box "
            "FROM report"
        ).fetchall()
        for sid, area, kind, created, received, occurred, blob in rows:
            try:
                env = json.loads(box.decrypt(bytes(blob)).decode("utf-8"))
            except (CryptoError, UnicodeDecodeError, ValueError) as exc:
                raise InboxKeyError(
                    sv=f"Rapport {sid} i kontorets inkorg är skadad och kunde inte läsas.",
                    en=f"Report {sid} in the office inbox is damaged and could not be read.",
                ) from exc
            self._index(sid, area, kind, created, received, occurred, env)
        for sid, changes in self._changes_by_submission().items():
            self._apply_changes(sid, changes)

    def _index(
        self,
        sid: int,
        area: str,
        kind: str,
        created: str,
        received: str,
        occurred: str,
        env: dict[str, Any],
    ) -> None:
        r = env.get("report") or {}
        report = InboxReport(
            submission_id=sid,
            area_id=area,
            kind=kind,
            created_at=created,
            received_at=received,
            occurred_at=occurred,
            text=str(r.get("text") or ""),
            landmark_id=r.get("landmark_id") or None,
            place_text=str(r.get("place_text") or ""),
            needs=tuple(str(x) for x in r.get("needs") or ()),
            groups=tuple(str(x) for x in r.get("groups") or ()),
            service_id=r.get("service_id") or None,
            lang=str(r.get("lang") or "sv"),
        )
        self._reports[sid] = report
        self._uuids[sid] = str(env.get("server_uuid") or env.get("uuid") or "")
        self._hay[sid] = f"{report.text}\n{report.place_text}".casefold()
        self._order[sid] = instant(occurred)

    # ------------------------------------------------------------------ cursors

    def cursor(self, name: str) -> int:
        """Where paging through ``name`` (reports, usage, states) goes on; 0 at first."""
        row = self.conn.execute("SELECT after FROM cursor WHERE name = ?", (name,)).fetchone()
        return int(row[0]) if row else 0

    def set_cursor(self, name: str, after: int) -> None:
        with self.batch():
            self.conn.execute(
                "INSERT INTO cursor (name, after) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET after = excluded.after",
                (name, int(after)),
            )

    # ------------------------------------------------------------------ reports

    def add_report(
        self,
        submission_id: int,
        area_id: str,
        created_at: str,
        received_at: str,
        envelope: dict[str, Any],
        uuid: str = "",
    ) -> bool:
        """Keep an opened envelope encrypted; False when the report was already here.

        ``uuid`` is the server's uuid of the submission (answers name it); kept inside the box.
        """
        box = self._need_box()
        if submission_id in self._reports:
            return False
        if uuid:
            envelope = {**envelope, "server_uuid": uuid}
        r = envelope.get("report") or {}
        kind = str(r.get("kind") or "")
        occurred = str(r.get("occurred_at") or created_at)
        plain = json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with self.batch():
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO report (submission_id, area_id, kind, created_at, "
                "received_at, occurred_at, box) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    submission_id,
                    area_id,
                    kind,
                    created_at,
                    received_at,
                    occurred,
                    bytes(box.encrypt(plain)),
                ),
            )
            self.conn.execute("DELETE FROM sealed WHERE submission_id = ?", (submission_id,))
        if cur.rowcount == 0:
            return False
        self._index(submission_id, area_id, kind, created_at, received_at, occurred, envelope)
        changes = self._changes_by_submission(submission_id).get(submission_id)
        if changes:
            self._apply_changes(submission_id, changes)
        return True

    def add_sealed(self, item: SealedReport) -> None:
        """Keep a report that could not be opened, sealed (once; a retry counts a try)."""
        with self.batch():
            self.conn.execute(
                "INSERT INTO sealed (submission_id, area_id, created_at, received_at, uuid, "
                "blob) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (submission_id) DO UPDATE SET "
                "tries = tries + 1",
                (
                    item.submission_id,
                    item.area_id,
                    item.created_at,
                    item.received_at,
                    item.uuid,
                    item.blob,
                ),
            )

    def sealed_items(self) -> list[SealedReport]:
        rows = self.conn.execute(
            "SELECT submission_id, area_id, created_at, received_at, uuid, blob FROM sealed "
            "ORDER BY submission_id"
        ).fetchall()
        return [SealedReport(int(a), b, c, d, u, bytes(e)) for a, b, c, d, u, e in rows]

    def unreadable_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM sealed").fetchone()[0])

    def has_report(self, submission_id: int) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM report WHERE submission_id = ?", (submission_id,)
        ).fetchone()
        return row is not None

    def reports(self) -> dict[int, InboxReport]:
        """The decrypted index (do not change it); InboxLocked before unlock."""
        self._need_box()
        return self._reports

    def report(self, submission_id: int) -> InboxReport | None:
        self._need_box()
        return self._reports.get(submission_id)

    def uuid(self, submission_id: int) -> str:
        """The report's uuid from its envelope (what an answer names)."""
        self._need_box()
        return self._uuids.get(submission_id, "")

    def haystack(self, submission_id: int) -> str:
        return self._hay.get(submission_id, "")

    def order_key(self, submission_id: int) -> float:
        return self._order.get(submission_id, 0.0)

    def summaries(self, area_id: str, since: date, until: date) -> list[ReportSummary]:
        """Reports that occurred since..until (inclusive), in codes only; needs unlock."""
        self._need_box()
        lo, hi = since.isoformat(), until.isoformat()
        return [
            _summary(r)
            for r in self._reports.values()
            if r.area_id == area_id and lo <= local_day(r.occurred_at) <= hi
        ]

    def open_problems(self, area_id: str) -> list[ReportSummary]:
        """Unsolved problems not yet solved or found not actionable, whenever they occurred."""
        self._need_box()
        return [
            _summary(r)
            for r in self._reports.values()
            if r.area_id == area_id and r.kind == "unsolved" and r.state not in CLOSED_STATES
        ]

    # ------------------------------------------------------------------ usage

    def add_usage(self, submission_id: int, usage: DayUsage) -> bool:
        """Count one tablet's day once: False when this submission was counted before."""
        with self.batch():
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO usage (submission_id, area_id, day) VALUES (?, ?, ?)",
                (submission_id, usage.area_id, usage.day),
            )
            if cur.rowcount == 0:
                return False
            self.conn.executemany(
                "INSERT INTO usage_count (submission_id, metric, key, count) VALUES (?, ?, ?, ?)",
                [
                    (submission_id, metric, key, int(n))
                    for metric, values in usage.counts.items()
                    for key, n in values.items()
                ],
            )
        return True

    def usage_rows(self, area_id: str, since: date, until: date) -> list[tuple[str, str, str, int]]:
        """(day, metric, key, count) summed over devices, days since..until inclusive."""
        rows = self.conn.execute(
            "SELECT u.day, c.metric, c.key, sum(c.count) FROM usage u "
            "JOIN usage_count c ON c.submission_id = u.submission_id "
            "WHERE u.area_id = ? AND u.day BETWEEN ? AND ? "
            "GROUP BY u.day, c.metric, c.key ORDER BY u.day, c.metric, c.key",
            (area_id, since.isoformat(), until.isoformat()),
        ).fetchall()
        return [(str(d), str(m), str(k), int(n)) for d, m, k, n in rows]

    # ------------------------------------------------------------------ states

    def add_state_changes(self, items: Iterable[dict[str, Any]]) -> int:
        """Mirror the server's state changes (checked dicts as the server lists them).

        ``comment_sealed`` is the raw SealedBox (bytes) or None. Returns how many were new.
        """
        new: list[tuple[Any, ...]] = []
        for it in items:
            new.append(
                (
                    int(it["id"]),
                    int(it["submission_id"]),
                    str(it["area_id"]),
                    str(it["state"]),
                    str(it.get("actor") or ""),
                    str(it["at"]),
                    it.get("comment_sealed"),
                    it.get("link_kind"),
                    it.get("link_id"),
                )
            )
        if not new:
            return 0
        added = 0
        with self.batch():
            for row in new:
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO state_change (id, submission_id, area_id, state, "
                    "actor, at, comment_sealed, link_kind, link_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
                added += cur.rowcount
        if self._box is not None:
            touched = {row[1] for row in new}
            changes = self._changes_by_submission(*touched)
            for sid in touched:
                if sid in self._reports and sid in changes:
                    self._apply_changes(sid, changes[sid])
        return added

    def history(self, submission_id: int) -> list[StateChange]:
        """A report's state changes, oldest first, comments opened when the keys are."""
        return self._changes_by_submission(submission_id).get(submission_id, [])

    def _changes_by_submission(self, *ids: int) -> dict[int, list[StateChange]]:
        sql = (
            "SELECT id, submission_id, state, actor, at, comment_sealed, link_kind, link_id "
            "FROM state_change"
        )
        params: Sequence[int] = ()
        if ids:
            sql += f" WHERE submission_id IN ({','.join('?' * len(ids))})"
            params = ids
        out: dict[int, list[StateChange]] = {}
        for cid, sid, state, actor, at, sealed, lk, li in self.conn.execute(
            sql + " ORDER BY id", params
        ):
            out.setdefault(int(sid), []).append(
                StateChange(
                    id=int(cid),
                    submission_id=int(sid),
                    state=str(state),
                    actor=str(actor),
                    at=str(at),
                    comment=self._open_comment(sealed),
                    link_kind=lk,
                    link_id=li,
                )
            )
        return out

    def _open_comment(self, sealed: bytes | None) -> str:
        if not sealed or self._opener is None:
            return ""
        try:
            return self._opener.decrypt(bytes(sealed)).decode("utf-8")
        except (CryptoError, UnicodeDecodeError, ValueError):
            return ""

    def _apply_changes(self, sid: int, changes: list[StateChange]) -> None:
        report = self._reports.get(sid)
        if report is None or not changes:
            return
        last = changes[-1]
        links: list[tuple[str, str]] = []
        for c in changes:
            if c.link_kind and c.link_id and (c.link_kind, c.link_id) not in links:
                links.append((c.link_kind, c.link_id))
        self._reports[sid] = replace(report, state=last.state, state_at=last.at, links=tuple(links))

    # ------------------------------------------------------------------ saved filters

    def save_filter(self, area_id: str, name: str, filter_json: str) -> None:
        with self.batch():
            self.conn.execute(
                "INSERT INTO saved_filter (area_id, name, filter) VALUES (?, ?, ?) "
                "ON CONFLICT (area_id, name) DO UPDATE SET filter = excluded.filter",
                (area_id, name, filter_json),
            )

    def saved_filters(self, area_id: str) -> list[tuple[str, str]]:
        rows = self.conn.execute(
            "SELECT name, filter FROM saved_filter WHERE area_id = ? ORDER BY name COLLATE NOCASE",
            (area_id,),
        ).fetchall()
        return [(str(n), str(f)) for n, f in rows]

    def delete_filter(self, area_id: str, name: str) -> None:
        with self.batch():
            self.conn.execute(
                "DELETE FROM saved_filter WHERE area_id = ? AND name = ?", (area_id, name)
            )


def _summary(r: InboxReport) -> ReportSummary:
    return ReportSummary(
        area_id=r.area_id,
        kind=r.kind,
        occurred_at=r.occurred_at,
        created_at=r.created_at,
        landmark_id=r.landmark_id,
        needs=r.needs,
        groups=r.groups,
        state=r.state,
        state_at=r.state_at,
    )


def _bad_keys() -> InboxKeyError:
    return InboxKeyError(
        sv="Kontorets privata nyckel är fel (ska vara 32 byte i base64).",
        en="The office private key is wrong (must be 32 bytes in base64).",
    )
