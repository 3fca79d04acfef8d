"""The outbox: submit is all-or-nothing with the draft; statuses move as docs/SYNC.md says."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from kompassen.compose import AppContext
from kompassen.core.clock import FixedClock
from kompassen.device.db import DeviceDb
from kompassen.reports import outbox as outbox_module
from kompassen.reports.drafts import Drafts
from kompassen.reports.outbox import STATUSES, Outbox
from kompassen.reports.sealing import SealError, open_sealed

from .conftest import KEYS, NOW, make_report

PUB = KEYS["sealing_public"]


def _columns(db: DeviceDb, uuid: str) -> sqlite3.Row:
    return db.query("SELECT * FROM outbox WHERE uuid = ?", (uuid,))[0]


def test_submit_queues_a_sealed_row_and_deletes_the_draft(
    db: DeviceDb, fixed_clock: FixedClock
) -> None:
    drafts, outbox = Drafts(db, fixed_clock), Outbox(db, fixed_clock)
    report = make_report()
    draft_id = drafts.save(report.to_dict())
    uuid = outbox.submit(report, PUB, draft_id)
    assert drafts.get(draft_id) is None
    row = _columns(db, uuid)
    assert (row["status"], row["area_id"], row["kind"], row["attempts"]) == (
        "queued",
        "klara",
        "unsolved",
        0,
    )
    assert row["created_at"] == NOW.isoformat(timespec="seconds")
    env = open_sealed(row["sealed"], KEYS["sealing_private"])
    assert env["uuid"] == uuid and env["report"] == report.to_dict()
    assert env["sealed_at"] == row["created_at"]
    assert outbox.counts() == {"queued": 1, "sending": 0, "sent": 0, "rejected": 0}


def test_nothing_readable_is_kept_in_clear(db: DeviceDb, fixed_clock: FixedClock) -> None:
    """Dump every byte of device.db after a submit: no text, no place, no codes."""
    report = make_report(text="Hemlig berättelse om natten", place_text="bakom kiosken")
    Outbox(db, fixed_clock).submit(report, PUB)
    db.conn.execute("PRAGMA wal_checkpoint(FULL)")
    raw = db.path.read_bytes() + Path(f"{db.path}-wal").read_bytes()
    for secret in ("Hemlig", "kiosken", "need.shelter-tonight", "sergels-torg", "group.youth"):
        assert secret.encode() not in raw


def test_a_failing_insert_keeps_the_draft(
    db: DeviceDb, fixed_clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts, outbox = Drafts(db, fixed_clock), Outbox(db, fixed_clock)
    first = outbox.submit(make_report(), PUB)
    draft_id = drafts.save({"kind": "unsolved", "text": "andra"})
    monkeypatch.setattr(outbox_module, "new_uuid", lambda: first)  # a collision
    with pytest.raises(sqlite3.IntegrityError):
        outbox.submit(make_report(text="andra"), PUB, draft_id)
    assert drafts.get(draft_id) is not None
    assert [i.uuid for i in outbox.items()] == [first]
    assert not db.conn.in_transaction


def test_a_bad_key_queues_nothing_and_keeps_the_draft(
    db: DeviceDb, fixed_clock: FixedClock
) -> None:
    drafts, outbox = Drafts(db, fixed_clock), Outbox(db, fixed_clock)
    draft_id = drafts.save({"text": "x"})
    with pytest.raises(SealError):
        outbox.submit(make_report(), "broken", draft_id)
    assert drafts.get(draft_id) is not None
    assert outbox.items() == []


def test_submit_validates_a_plain_dict(db: DeviceDb, fixed_clock: FixedClock) -> None:
    from kompassen.core.report import ReportError

    outbox = Outbox(db, fixed_clock)
    with pytest.raises(ReportError):
        outbox.submit({"kind": "unsolved"}, PUB)  # type: ignore[arg-type]
    assert outbox.counts()["queued"] == 0


def test_batches_go_oldest_first_and_sent_rows_lose_their_blob(
    db: DeviceDb, fixed_clock: FixedClock
) -> None:
    outbox = Outbox(db, fixed_clock)
    uuids = []
    for i in range(5):
        uuids.append(outbox.submit(make_report(text=f"nr {i}"), PUB))
        fixed_clock.advance(timedelta(seconds=1))
    assert [i.uuid for i in outbox.items()] == uuids[::-1]  # newest first

    batch = outbox.take_batch(2)
    assert [item.uuid for item, _ in batch] == uuids[:2]
    assert all(item.status == "sending" for item, _ in batch)
    assert open_sealed(batch[0][1], KEYS["sealing_private"])["report"]["text"] == "nr 0"
    assert outbox.counts() == {"queued": 3, "sending": 2, "sent": 0, "rejected": 0}

    outbox.mark_sent([uuids[0]])
    outbox.mark_rejected(uuids[1], "Servern känner inte igen området.")
    sent = _columns(db, uuids[0])
    assert sent["status"] == "sent" and sent["sealed"] is None
    assert sent["sent_at"] == fixed_clock.now().isoformat(timespec="seconds")
    assert (sent["area_id"], sent["kind"]) == ("klara", "unsolved")
    rejected = outbox.items(["rejected"])
    assert [(r.uuid, r.last_error, r.attempts) for r in rejected] == [
        (uuids[1], "Servern känner inte igen området.", 1)
    ]
    assert _columns(db, uuids[1])["sealed"] is not None  # kept for a retry

    batch = outbox.take_batch(10)
    assert [item.uuid for item, _ in batch] == uuids[2:]
    fixed_clock.advance(timedelta(minutes=1))
    outbox.mark_failed([item.uuid for item, _ in batch], "Ingen kontakt med servern.")
    failed = outbox.items(["queued"])
    assert {f.uuid for f in failed} == set(uuids[2:])
    assert all(f.attempts == 1 and f.last_error == "Ingen kontakt med servern." for f in failed)
    assert all(f.last_attempt_at == fixed_clock.now().isoformat(timespec="seconds") for f in failed)

    outbox.requeue_rejected(uuids[1])
    assert outbox.counts() == {"queued": 4, "sending": 0, "sent": 1, "rejected": 0}
    # a retried rejected item keeps its place by age: it goes out first
    assert outbox.take_batch(1)[0][0].uuid == uuids[1]


def test_empty_batches_and_marks_are_harmless(db: DeviceDb, fixed_clock: FixedClock) -> None:
    outbox = Outbox(db, fixed_clock)
    assert outbox.take_batch(10) == []
    assert outbox.take_batch(0) == []
    outbox.mark_sent([])
    outbox.mark_failed([], "x")
    outbox.mark_sent(["unknown"])
    assert outbox.items(["queued", "sent"]) == []
    assert outbox.items([]) == []
    with pytest.raises(ValueError):
        outbox.items(["lost"])


def test_recover_after_a_crash_mid_send(tmp_path: Path) -> None:
    clock = FixedClock(NOW)
    db = DeviceDb(tmp_path / "device.db", tmp_path / "b", NOW)
    outbox = Outbox(db, clock)
    for _ in range(3):
        outbox.submit(make_report(), PUB)
    taken = outbox.take_batch(2)
    db.close()  # the process dies with two items 'sending'

    db = DeviceDb(tmp_path / "device.db", tmp_path / "b", NOW)
    try:
        outbox = Outbox(db, clock)
        assert outbox.counts()["sending"] == 2
        assert outbox.recover() == 2
        assert outbox.recover() == 0
        assert outbox.counts() == {"queued": 3, "sending": 0, "sent": 0, "rejected": 0}
        assert [i.uuid for i, _ in outbox.take_batch(2)] == [i.uuid for i, _ in taken]
    finally:
        db.close()


def test_sent_blob_is_not_needed_by_the_schema_check(db: DeviceDb, fixed_clock: FixedClock) -> None:
    """The table refuses a queued row without its blob (the CHECK guards the invariant)."""
    with pytest.raises(sqlite3.IntegrityError), db.transaction() as conn:
        conn.execute(
            "INSERT INTO outbox (uuid, area_id, kind, created_at, sealed, status)"
            " VALUES ('x', 'klara', 'unsolved', 't', NULL, 'queued')"
        )


def test_context_opens_drafts_and_outbox_and_recovers_once(ctx: AppContext, home: Path) -> None:
    key = ctx.catalogue.reader.area("klara").sealing_public_key
    assert key == PUB  # the shipped pack carries the development key
    draft_id = ctx.drafts.save({"kind": "observation", "text": "x"})
    uuid = ctx.outbox.submit(make_report(), key, draft_id)
    assert ctx.drafts.list() == []
    assert ctx.outbox is ctx.outbox and ctx.drafts is ctx.drafts
    ctx.outbox.take_batch(1)
    ctx.close()
    from kompassen.compose import build

    again = build({"KOMPASSEN_HOME": str(home)}, ctx.clock)
    try:
        assert [(i.uuid, i.status) for i in again.outbox.items()] == [(uuid, "queued")]
    finally:
        again.close()


def test_statuses_match_the_table() -> None:
    assert STATUSES == ("queued", "sending", "sent", "rejected")


def test_errors_are_kept_in_both_languages(db: DeviceDb, fixed_clock: FixedClock) -> None:
    box = Outbox(db, fixed_clock)
    a = box.submit(make_report(), PUB)
    b = box.submit(make_report(), PUB)
    box.take_batch(10)
    box.mark_failed([a], "Servern svarar inte", "The server does not answer")
    box.mark_rejected(b, "Servern tog inte emot rapporten: okänt område")
    items = {i.uuid: i for i in box.items()}
    assert items[a].error("sv") == "Servern svarar inte"
    assert items[a].error("en") == "The server does not answer"
    assert items[b].error("en") == "Servern tog inte emot rapporten: okänt område"  # only sv
    box.take_batch(10)
    box.mark_sent([a])
    assert box.items(["sent"])[0].error("en") is None
