"""Recovering device.db keeps the office's answers and fetches them again at the next sync."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from kompassen.device.db import DeviceDb
from kompassen.device.recovery import recover

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def test_a_recovery_keeps_answers_and_resets_their_cursor(tmp_path: Path) -> None:
    path, backups = tmp_path / "device.db", tmp_path / "backups"
    db = DeviceDb(path, backups, NOW)
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO report_answer (uuid, area_id, state, answer_sv, answer_en, guide_id,"
            " answered_at, seq) VALUES ('u1', 'klara', 'solved', 'Blev en lösning: Test', '',"
            " 'g1', '2026-12-01T10:00:00+00:00', 7)"
        )
        conn.execute("INSERT INTO sync_state (key, value) VALUES ('answers_after', '7')")
        conn.execute("INSERT INTO sync_state (key, value) VALUES ('other', 'kept')")
    db.close()

    result = recover(path, backups, NOW, force=True)

    assert any(t.table == "report_answer" and t.saved == 1 for t in result.tables)
    db = DeviceDb(path, backups, NOW)
    try:
        assert [tuple(r) for r in db.query("SELECT uuid, seq FROM report_answer")] == [("u1", 7)]
        keys = {r[0] for r in db.query("SELECT key FROM sync_state")}
        assert "answers_after" not in keys and "other" in keys
    finally:
        db.close()
