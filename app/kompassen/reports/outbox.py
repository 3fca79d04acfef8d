"""The durable outbox: sealed reports waiting for the sync client (docs/SYNC.md).

Only the report's kind, area and time are kept in clear; the text, the place and the codes
exist on the device only inside the sealed blob, which the device cannot open, and the blob
is dropped once the server has it. A lost tablet leaks nothing readable.

Statuses: ``queued`` → ``sending`` (taken in a batch) → ``sent``; the server may answer
``rejected`` (kept with its reason, and the user can try again). A network failure puts the
batch back to ``queued``; ``sending`` rows found at start-up (the process died mid-send) go
back to ``queued`` too, and the server's idempotency makes the resend harmless.
"""

from __future__ import annotations

import sqlite3
import uuid as uuidlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, get_args

from kompassen.core.clock import Clock
from kompassen.core.office_keys import is_placeholder_key
from kompassen.core.report import Report
from kompassen.device.db import DeviceDb

if TYPE_CHECKING:
    from kompassen.reports.answers import Answer

OutboxStatus = Literal["queued", "sending", "sent", "rejected"]
STATUSES: tuple[OutboxStatus, ...] = get_args(OutboxStatus)

#: the outbox kind of a daily usage aggregate (:mod:`kompassen.reports.usage`)
USAGE_KIND = "usage"

_COLUMNS = (
    "uuid, area_id, kind, created_at, status, attempts, last_error, last_attempt_at, sent_at,"
    " last_error_en, day"
)


@dataclass(frozen=True, slots=True)
class OutboxItem:
    uuid: str
    area_id: str
    kind: str
    created_at: str
    status: OutboxStatus
    attempts: int
    last_error: str | None
    last_attempt_at: str | None
    sent_at: str | None
    last_error_en: str | None = None  # the same reason in English (None: only Swedish known)
    day: str | None = None  # a daily usage aggregate's day (kind "usage"); None for a report

    def error(self, lang: str = "sv") -> str | None:
        """The last error in the user's language (Swedish when no English was given)."""
        return (self.last_error_en or self.last_error) if lang == "en" else self.last_error


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """A verified answer from the office to one report of this tablet (report_answer row)."""

    uuid: str
    area_id: str
    state: str  # one of reports.answers.ANSWER_STATES
    answer_sv: str
    answer_en: str
    guide_id: str | None
    answered_at: str
    seq: int

    def text(self, lang: str = "sv") -> str:
        """The answer in ``lang`` (Swedish when there is no English)."""
        return (self.answer_en or self.answer_sv) if lang == "en" else self.answer_sv


def new_uuid() -> str:
    """The client uuid of a submission (a function so a test can make two collide)."""
    return str(uuidlib.uuid4())


class Outbox:
    """The outbox table of device.db."""

    def __init__(self, db: DeviceDb, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def _now(self) -> str:
        return self._clock.now().isoformat(timespec="seconds")

    def submit(self, report: Report, sealing_public_key: str, draft_id: str | None = None) -> str:
        """Seal ``report``, queue it and delete its draft, all or nothing; returns the uuid.

        Sealing happens before the transaction (it needs no database); the insert and the
        draft's deletion commit together, so a report is never both lost and unsent, nor
        queued twice from a draft that survived.
        """
        if not isinstance(report, Report):
            report = Report.from_dict(report)
        client_uuid = new_uuid()
        now = self._now()
        from kompassen.reports.sealing import SealError, seal  # libsodium only when sending

        if is_placeholder_key(report.area_id, "sealing", sealing_public_key):
            raise SealError(
                sv="Området har inga kontorsnycklar än (det gjordes från en import), så ingen "
                "skulle kunna läsa rapporten. Be samordnaren skapa nycklarna och skicka ut "
                "området igen.",
                en="The area has no office keys yet (it was made from an import), so nobody "
                "could read the report. Ask the coordinator to create the keys and send the "
                "area out again.",
            )
        blob = seal(report, client_uuid, sealing_public_key, now)
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO outbox (uuid, area_id, kind, created_at, sealed, status)"
                " VALUES (?, ?, ?, ?, ?, 'queued')",
                (client_uuid, report.area_id, report.kind, now, blob),
            )
            if draft_id is not None:
                conn.execute("DELETE FROM draft WHERE id = ?", (draft_id,))
        if draft_id is not None:
            # the sent report's text must not stay readable in the draft's old versions
            self._db.truncate_wal()
        return client_uuid

    @staticmethod
    def insert_usage(
        conn: sqlite3.Connection, area_id: str, day: str, blob: bytes, now: str
    ) -> str:
        """Queue one sealed daily aggregate inside the caller's transaction; its uuid.

        The caller (:func:`kompassen.reports.usage.aggregate_closed_days`) deletes the
        counted events in the same transaction, so a day is queued exactly once.
        """
        client_uuid = new_uuid()
        conn.execute(
            "INSERT INTO outbox (uuid, area_id, kind, created_at, sealed, status, day)"
            " VALUES (?, ?, ?, ?, ?, 'queued', ?)",
            (client_uuid, area_id, USAGE_KIND, now, blob, day),
        )
        return client_uuid

    def items(
        self, statuses: Iterable[str] | None = None, *, reports_only: bool = False
    ) -> list[OutboxItem]:
        """Items with the given statuses (all when None), newest first.

        ``reports_only``: leave out the daily usage aggregates (kind ``usage``), which are
        statistics the tablet sends by itself, not reports the user wrote.
        """
        sql = f"SELECT {_COLUMNS} FROM outbox"
        args: tuple[str, ...] = ()
        where: list[str] = []
        if statuses is not None:
            args = tuple(_checked(statuses))
            if not args:
                return []
            where.append(f"status IN ({', '.join('?' * len(args))})")
        if reports_only:
            where.append(f"kind != '{USAGE_KIND}'")
        if where:
            sql += " WHERE " + " AND ".join(where)
        out = []
        for row in self._db.query(sql + " ORDER BY rowid DESC", args):
            item = _readable_item(row)
            if item is None:  # a damaged page SQLite still reads: shown as far as it can
                self._db.mark_damaged(f"garbled outbox row {str(row[0])[:40]!r}")
            else:
                out.append(item)
        return out

    def store_answer(self, answer: Answer, seq: int) -> bool:
        """Keep a verified answer to one of this tablet's reports; False when not stored.

        Only for a uuid in this outbox (another device's report is refused), and a newer
        ``seq`` replaces an older one (an older or equal one changes nothing).
        """
        with self._db.transaction() as conn:
            own = conn.execute(
                "SELECT 1 FROM outbox WHERE uuid = ? AND area_id = ? AND kind != ?",
                (answer.uuid, answer.area_id, USAGE_KIND),
            ).fetchone()
            if own is None:
                return False
            cur = conn.execute(
                "INSERT INTO report_answer (uuid, area_id, state, answer_sv, answer_en,"
                " guide_id, answered_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(uuid) DO UPDATE SET area_id = excluded.area_id,"
                " state = excluded.state, answer_sv = excluded.answer_sv,"
                " answer_en = excluded.answer_en, guide_id = excluded.guide_id,"
                " answered_at = excluded.answered_at, seq = excluded.seq"
                " WHERE excluded.seq > report_answer.seq",
                (
                    answer.uuid,
                    answer.area_id,
                    answer.state,
                    answer.answer_sv,
                    answer.answer_en,
                    answer.guide_id,
                    answer.answered_at,
                    seq,
                ),
            )
            return cur.rowcount > 0

    def answers(self) -> dict[str, StoredAnswer]:
        """The office's answers to this tablet's reports, by report uuid."""
        rows = self._db.query(
            "SELECT uuid, area_id, state, answer_sv, answer_en, guide_id, answered_at, seq"
            " FROM report_answer"
        )
        return {
            str(r[0]): StoredAnswer(
                str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), r[5], str(r[6]), int(r[7])
            )
            for r in rows
        }

    def counts(self, *, reports_only: bool = False) -> dict[OutboxStatus, int]:
        """How many items have each status; every status is present, 0 when none.

        ``reports_only``: the reports the user wrote, without the daily usage aggregates.
        """
        out = dict.fromkeys(STATUSES, 0)
        where = f" WHERE kind != '{USAGE_KIND}'" if reports_only else ""
        for status, n in self._db.query(
            f"SELECT status, count(*) FROM outbox{where} GROUP BY status"
        ):
            out[status] = int(n)
        return out

    def take_batch(self, limit: int) -> list[tuple[OutboxItem, bytes]]:
        """The oldest ``limit`` queued items, now ``sending``, with their sealed blobs."""
        if limit <= 0:
            return []
        with self._db.transaction() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS}, sealed FROM outbox WHERE status = 'queued'"
                " ORDER BY rowid LIMIT ?",
                (limit,),
            ).fetchall()
            if not rows:
                return []
            uuids = [r[0] for r in rows]
            conn.execute(
                f"UPDATE outbox SET status = 'sending' WHERE uuid IN ({_marks(uuids)})", uuids
            )
        return [(_item((*r[:4], "sending", *r[5:11])), bytes(r[11])) for r in rows]

    def mark_sent(self, uuids: Sequence[str]) -> None:
        """The server has these (stored or duplicate): keep the metadata, drop the blob."""
        if not uuids:
            return
        now = self._now()
        with self._db.transaction() as conn:
            for chunk in _chunks(uuids):
                conn.execute(
                    "UPDATE outbox SET status = 'sent', sealed = NULL, sent_at = ?,"
                    " last_attempt_at = ?, attempts = attempts + 1, last_error = NULL,"
                    " last_error_en = NULL"
                    f" WHERE uuid IN ({_marks(chunk)}) AND status IN ('sending', 'queued')",
                    (now, now, *chunk),
                )

    def mark_rejected(self, uuid: str, error: str, error_en: str | None = None) -> None:
        """The server refused this item; it stays (sealed) with the reason in words."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET status = 'rejected', last_error = ?, last_error_en = ?,"
                " last_attempt_at = ?, attempts = attempts + 1"
                " WHERE uuid = ? AND status IN ('sending', 'queued')",
                (error, error_en, self._now(), uuid),
            )

    def mark_failed(self, uuids: Sequence[str], error: str, error_en: str | None = None) -> None:
        """Sending failed (network, server down): back to ``queued`` for a later try."""
        if not uuids:
            return
        now = self._now()
        with self._db.transaction() as conn:
            for chunk in _chunks(uuids):
                conn.execute(
                    "UPDATE outbox SET status = 'queued', last_error = ?, last_error_en = ?,"
                    " last_attempt_at = ?, attempts = attempts + 1"
                    f" WHERE uuid IN ({_marks(chunk)}) AND status IN ('sending', 'queued')",
                    (error, error_en, now, *chunk),
                )

    def recover(self) -> int:
        """After a crash: every ``sending`` item goes back to ``queued``; returns how many.

        Skipped (0) in a damaged device.db: it is written no more, and the items can still
        be listed; ``kompassen device-db recover`` copies them out as they are, and the
        fresh file requeues them when it is first opened.
        """
        if self._db.damaged:
            return 0
        with self._db.transaction() as conn:
            return conn.execute(
                "UPDATE outbox SET status = 'queued' WHERE status = 'sending'"
            ).rowcount

    def requeue_rejected(self, uuid: str) -> None:
        """The user asks to send a rejected item again."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET status = 'queued' WHERE uuid = ? AND status = 'rejected'",
                (uuid,),
            )


def _checked(statuses: Iterable[str]) -> list[str]:
    out = list(statuses)
    unknown = [s for s in out if s not in STATUSES]
    if unknown:
        raise ValueError(f"unknown outbox status {unknown!r}; known: {STATUSES}")
    return out


def _chunks(values: Sequence[str], size: int = 500) -> list[Sequence[str]]:
    """Keep each statement well under SQLite's limit on bound parameters."""
    seq = list(values)
    return [seq[i : i + size] for i in range(0, len(seq), size)]


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _readable_item(r: Sequence[Any]) -> OutboxItem | None:
    """The item, or None when the row cannot be what was written (garbled by damage)."""
    try:
        item = _item(r)
    except (TypeError, ValueError):
        return None
    return item if item.status in STATUSES and isinstance(item.uuid, str) else None


def _item(r: Sequence[Any]) -> OutboxItem:
    return OutboxItem(r[0], r[1], r[2], r[3], r[4], int(r[5]), r[6], r[7], r[8], r[9], r[10])
