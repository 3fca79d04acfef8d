"""Drafts: an upsert that is on disk when save returns, newest first, survives reopening."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from kompassen.core.clock import FixedClock
from kompassen.device.db import DeviceDb
from kompassen.reports.drafts import Drafts

from .conftest import NOW


def test_save_creates_then_updates_the_same_draft(db: DeviceDb, fixed_clock: FixedClock) -> None:
    drafts = Drafts(db, fixed_clock)
    draft_id = drafts.save({"kind": "unsolved", "text": "Påbö"})
    first = drafts.get(draft_id)
    assert first is not None
    assert first.fields == {"kind": "unsolved", "text": "Påbö"}
    assert first.created_at == first.updated_at == NOW.isoformat(timespec="seconds")
    fixed_clock.advance(timedelta(minutes=3))
    assert drafts.save({"kind": "unsolved", "text": "Påbörjad"}, draft_id) == draft_id
    second = drafts.get(draft_id)
    assert second is not None
    assert second.fields["text"] == "Påbörjad"
    assert second.created_at == first.created_at
    assert second.updated_at > first.updated_at
    assert len(drafts.list()) == 1


def test_fields_are_whatever_the_form_holds(db: DeviceDb, fixed_clock: FixedClock) -> None:
    drafts = Drafts(db, fixed_clock)
    fields = {"needs": ["need.food"], "nested": {"a": [1, 2.5, None, True]}, "extra": "ok"}
    draft = drafts.get(drafts.save(fields, "chosen-id"))
    assert draft is not None and draft.id == "chosen-id" and draft.fields == fields


def test_list_is_newest_first(db: DeviceDb, fixed_clock: FixedClock) -> None:
    drafts = Drafts(db, fixed_clock)
    a = drafts.save({"text": "a"})
    fixed_clock.advance(timedelta(minutes=1))
    b = drafts.save({"text": "b"})
    c = drafts.save({"text": "c"})  # same second as b: the later save still comes first
    assert [d.id for d in drafts.list()] == [c, b, a]
    fixed_clock.advance(timedelta(minutes=1))
    drafts.save({"text": "a again"}, a)
    assert [d.id for d in drafts.list()] == [a, c, b]


def test_list_orders_by_instant_across_a_dst_change(tmp_path: Path) -> None:
    """27 Oct 2024: 02:30+02:00 is before 02:10+01:00, though the text sorts the other way."""
    from datetime import datetime, timedelta, timezone

    db = DeviceDb(tmp_path / "device.db", tmp_path / "b", NOW)
    try:
        summer = FixedClock(datetime(2024, 10, 27, 2, 30, tzinfo=timezone(timedelta(hours=2))))
        winter = FixedClock(datetime(2024, 10, 27, 2, 10, tzinfo=timezone(timedelta(hours=1))))
        later = Drafts(db, winter).save({"text": "later"})
        earlier = Drafts(db, summer).save({"text": "earlier"})
        assert [d.id for d in Drafts(db, winter).list()] == [later, earlier]
    finally:
        db.close()


def test_delete(db: DeviceDb, fixed_clock: FixedClock) -> None:
    drafts = Drafts(db, fixed_clock)
    keep, drop = drafts.save({"text": "keep"}), drafts.save({"text": "drop"})
    drafts.delete(drop)
    drafts.delete("never-existed")
    assert drafts.get(drop) is None
    assert [d.id for d in drafts.list()] == [keep]


def test_a_saved_draft_survives_closing_and_reopening(tmp_path: Path) -> None:
    clock = FixedClock(NOW)
    db = DeviceDb(tmp_path / "device.db", tmp_path / "backups", NOW)
    draft_id = Drafts(db, clock).save({"kind": "observation", "text": "Sparat"})
    db.close()
    again = DeviceDb(tmp_path / "device.db", tmp_path / "backups", NOW)
    try:
        draft = Drafts(again, clock).get(draft_id)
        assert draft is not None and draft.fields["text"] == "Sparat"
    finally:
        again.close()


def test_a_saved_draft_is_visible_to_another_connection_at_once(
    db: DeviceDb, fixed_clock: FixedClock
) -> None:
    """Committed on return: a second reader (as after a crash) sees it without a close."""
    import sqlite3

    draft_id = Drafts(db, fixed_clock).save({"text": "direkt"})
    other = sqlite3.connect(db.path)
    try:
        assert (
            other.execute("SELECT count(*) FROM draft WHERE id = ?", (draft_id,)).fetchone()[0] == 1
        )
    finally:
        other.close()
