"""Shared set-up for the reports tests: a real device.db in tmp_path, a fixed clock, dev keys."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from kompassen.core.clock import STOCKHOLM, FixedClock
from kompassen.core.report import Report
from kompassen.device.db import DeviceDb

KEYS = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "dev_keys.json").read_text())
NOW = datetime(2026, 11, 23, 22, 0, tzinfo=STOCKHOLM)


@pytest.fixture
def fixed_clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[DeviceDb]:
    d = DeviceDb(tmp_path / "device.db", tmp_path / "backups", NOW)
    yield d
    d.close()


def make_report(**changes: object) -> Report:
    """An invented report (no real person, place text made up)."""
    fields: dict[str, object] = {
        "kind": "unsolved",
        "area_id": "klara",
        "occurred_at": "2026-11-23T22:10:00+01:00",
        "landmark_id": "sergels-torg",
        "place_text": "vid trappan mot Plattan",
        "needs": ["need.shelter-tonight"],
        "groups": ["group.youth"],
        "text": "Ung person utan sovplats, alla härbärgen fulla enligt telefon.",
    }
    fields.update(changes)
    return Report.from_dict(fields)
