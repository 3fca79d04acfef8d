"""Test set-up shared by every test: offscreen Qt, a private home, a fixed clock.

Qt must see QT_QPA_PLATFORM before it is imported, so this runs at import time.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if not os.environ.get("XDG_RUNTIME_DIR"):
    _runtime = tempfile.mkdtemp(prefix="kompassen-xdg-")
    os.chmod(_runtime, 0o700)
    os.environ["XDG_RUNTIME_DIR"] = _runtime
# tests never read or write the developer's OS keyring: tokens go to the 0600 file
# (tests/sync/test_tokens.py covers the keyring path with an in-memory backend)
os.environ["KOMPASSEN_KEYRING"] = "0"
# nor this machine's installer defaults (/etc/kompassen/defaults.json: the .deb of
# tests/test_bundle.py ships one while other tests run); tests of them set their own file
os.environ["KOMPASSEN_DEFAULTS"] = ""

from kompassen.catalogue.store.store import CatalogueStore
from kompassen.compose import AppContext, build
from kompassen.core.clock import FixedClock
from kompassen.device.logs import close_logging

STOCKHOLM = ZoneInfo("Europe/Stockholm")
REPO = Path(__file__).resolve().parents[1]
AREAS = REPO / "data" / "areas"


@pytest.fixture
def clock() -> FixedClock:
    """Monday 23 November 2026, 12:00 in Stockholm."""
    return FixedClock(datetime(2026, 11, 23, 12, 0, tzinfo=STOCKHOLM))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private KOMPASSEN_HOME, also for subprocesses started by the test."""
    h = tmp_path / "home"
    h.mkdir()
    monkeypatch.setenv("KOMPASSEN_HOME", str(h))
    return h


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Iterator[CatalogueStore]:
    """An empty, migrated catalogue in a real SQLite file."""
    s = CatalogueStore(tmp_path / "catalogue.db", tmp_path / "backups", clock).open()
    yield s
    s.close()


@pytest.fixture
def ctx(home: Path, clock: FixedClock) -> Iterator[AppContext]:
    """The app's real object graph on a private home, with the bundled areas installed."""
    c = build({"KOMPASSEN_HOME": str(home)}, clock)
    yield c
    c.close()
    close_logging()
