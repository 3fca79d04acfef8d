"""office.db: encrypted at rest, wrong keys refused in words, usage counted once."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kompassen.office.inbox.store import (
    InboxKeyError,
    InboxLocked,
    InboxStorageError,
    InboxStore,
    SealedReport,
)
from kompassen.reports.keys import generate_keys
from kompassen.reports.usage_format import DayUsage

WORDS = "Sovplats saknas vid Klarabergsviadukten"


def envelope(uuid: str, text: str = WORDS, kind: str = "unsolved") -> dict[str, object]:
    return {
        "format": 1,
        "uuid": uuid,
        "sealed_at": "2026-11-23T22:15:00+01:00",
        "report": {
            "kind": kind,
            "area_id": "klara",
            "occurred_at": "2026-11-23T22:10:00+01:00",
            "landmark_id": "lm.central",
            "place_text": "Under trappan",
            "needs": ["need.sleep"],
            "groups": ["group.youth"],
            "text": text,
            "service_id": None,
            "lang": "sv",
        },
    }


def test_reports_are_encrypted_at_rest(tmp_path: Path) -> None:
    path = tmp_path / "office" / "office.db"
    keys = generate_keys()
    store = InboxStore(path)
    assert store.locked
    with pytest.raises(InboxLocked):
        store.summaries("klara", date(2026, 11, 1), date(2026, 11, 30))
    store.unlock(keys)
    assert store.add_report(
        1, "klara", "2026-11-23T21:15:00Z", "2026-11-23T21:16:00Z", envelope("u1")
    )
    assert not store.add_report(1, "klara", "x", "y", envelope("u1"))
    store.close()
    assert (path.parent.stat().st_mode & 0o777) == 0o700

    raw = b""
    for f in path.parent.iterdir():
        if f.is_file():
            raw += f.read_bytes()
    for word in ("Sovplats", "Klarabergsviadukten", "trappan", "need.sleep", "group.youth", "u1"):
        assert word.encode() not in raw
    conn = sqlite3.connect(path)
    dump = "\n".join(conn.iterdump())
    conn.close()
    assert "Sovplats" not in dump and "trappan" not in dump

    again = InboxStore(path)
    with pytest.raises(InboxKeyError) as err:
        again.unlock(generate_keys())
    assert "andra nycklar" in err.value.sv and "other keys" in err.value.en
    assert again.locked
    again.unlock(keys)
    r = again.report(1)
    assert r is not None and r.text == WORDS and r.needs == ("need.sleep",)
    assert again.uuid(1) == "u1"
    [s] = again.summaries("klara", date(2026, 11, 23), date(2026, 11, 23))
    assert s.kind == "unsolved" and s.state == "new" and s.landmark_id == "lm.central"
    assert again.summaries("klara", date(2026, 11, 24), date(2026, 11, 30)) == []
    assert len(again.open_problems("klara")) == 1
    again.add_state_changes(
        [
            {
                "id": 5,
                "submission_id": 1,
                "area_id": "klara",
                "state": "solved",
                "actor": "anna",
                "at": "2026-11-24T08:00:00Z",
                "comment_sealed": None,
                "link_kind": "guide",
                "link_id": "g.sleep",
            }
        ]
    )
    assert again.open_problems("klara") == []
    r = again.report(1)
    assert r is not None and r.state == "solved" and r.links == (("guide", "g.sleep"),)
    again.close()


def test_usage_counted_once_and_summed(tmp_path: Path) -> None:
    store = InboxStore(tmp_path / "office.db")
    u = DayUsage("klara", "2026-11-23", {"search": {"": 3, "group.youth": 1}})
    assert store.add_usage(10, u)
    assert not store.add_usage(10, u)
    assert store.add_usage(11, DayUsage("klara", "2026-11-23", {"search": {"": 2}}))
    assert store.add_usage(12, DayUsage("other", "2026-11-23", {"search": {"": 9}}))
    rows = store.usage_rows("klara", date(2026, 11, 23), date(2026, 11, 23))
    assert rows == [("2026-11-23", "search", "", 5), ("2026-11-23", "search", "group.youth", 1)]
    assert store.usage_rows("klara", date(2026, 11, 24), date(2026, 11, 25)) == []
    store.close()


def test_sealed_leftovers_kept(tmp_path: Path) -> None:
    store = InboxStore(tmp_path / "office.db")
    store.unlock(generate_keys())
    store.add_sealed(SealedReport(3, "klara", "c", "r", "u3", b"\x01\x02"))
    store.add_sealed(SealedReport(3, "klara", "c", "r", "u3", b"\x01\x02"))
    assert store.unreadable_count() == 1
    store.add_report(3, "klara", "c", "r", envelope("u3"))
    assert store.unreadable_count() == 0
    store.close()


def test_a_wrong_key_file_opened_first_does_not_lock_the_inbox_for_good(tmp_path: Path) -> None:
    right, wrong = generate_keys(), generate_keys()
    store = InboxStore(tmp_path / "office.db")
    store.unlock(wrong)  # nothing opened with it: only sealed leftovers
    store.add_sealed(SealedReport(3, "klara", "c", "r", "u3", b"blob"))
    store.close()
    store = InboxStore(tmp_path / "office.db")
    store.unlock(right)
    assert store.add_report(3, "klara", "c", "r", envelope("u3"))
    store.close()
    store = InboxStore(tmp_path / "office.db")
    with pytest.raises(InboxKeyError):
        store.unlock(wrong)
    store.unlock(right)
    assert store.report(3) is not None
    store.close()


def test_a_damaged_file_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(InboxStorageError) as err:
        InboxStore(path)
    assert err.value.kind == "corrupt" and "inkorg" in err.value.sv
