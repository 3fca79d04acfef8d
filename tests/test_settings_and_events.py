"""Settings file and usage-event log: real files, bad input never loses the app."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from kompassen.compose import AppContext
from kompassen.device.db import DeviceDb
from kompassen.device.events import EventLog
from kompassen.device.settings import Settings, SettingsStore


def test_settings_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    assert store.load() == Settings()
    s = Settings(area="vastra-sodermalm", lang="en", theme="night", text_step=2).with_landmark(
        "klara", "klara/lm/plattan"
    )
    store.save(s)
    assert store.load() == s
    # written by files.write_atomic: nothing left beside it, and private like every file we write
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
    assert stat.S_IMODE((tmp_path / "settings.json").stat().st_mode) == 0o600


def test_damaged_settings_fall_back_to_defaults_and_are_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{ not json", encoding="utf-8")
    assert SettingsStore(path).load() == Settings()
    assert (tmp_path / "settings.damaged").read_text(encoding="utf-8") == "{ not json"


def test_out_of_range_values_become_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"lang": "fi", "theme": "pink", "text_step": 9, "area": "", "x": 1}),
        encoding="utf-8",
    )
    assert SettingsStore(path).load() == Settings()


def test_events_are_stored_in_device_db(ctx: AppContext) -> None:
    ev = ctx.events.record(
        "handover", "klara", service_id="klara/x", landmark_id="klara/lm", detail={"needs": ["n"]}
    )
    assert ctx.paths.device_db.exists()
    db = DeviceDb(ctx.paths.device_db, ctx.paths.backup_dir, ctx.clock.now())
    try:
        stored = EventLog(db, ctx.clock).events("handover")
    finally:
        db.close()
    assert [e.id for e in stored] == [ev.id]
    assert stored[0].detail == {"needs": ["n"]}
    assert stored[0].at.startswith("2026-11-23T12:00")
