"""Office window fixtures: the app context with Klara installed, a real server on 127.0.0.1,
the office window built on both, and a signed-in office user.

General on purpose (the catalogue editor and the publish page tests use them too): nothing
here knows about one page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.core.clock import FixedClock
from kompassen.gui.office.launch import build_office_window
from kompassen.gui.office.session import SignedIn
from kompassen.gui.office.window import OfficeWindow
from kompassen.server import admin
from serverutil import OFFICE_NAME, OFFICE_PASSWORD, LiveServer

__all__ = ["OFFICE_NAME", "OFFICE_PASSWORD"]


@pytest.fixture
def server(tmp_path: Path, clock: FixedClock) -> Iterator[LiveServer]:
    """The real sync server on 127.0.0.1 (its own SQLite file, the test's clock), with the
    office user ``OFFICE_NAME`` / ``OFFICE_PASSWORD`` (an administrator)."""
    with LiveServer(clock=clock) as live:
        live.start(tmp_path / "server.db")
        admin.set_office_user(live.app.state.db, live.app.state.clock, OFFICE_NAME, OFFICE_PASSWORD)
        yield live


@pytest.fixture
def office(ctx: AppContext, qtbot: QtBot) -> Iterator[OfficeWindow]:
    """The office window on Klara (Swedish, day theme), not signed in, not shown."""
    window = build_office_window(ctx, "klara", lang="sv")
    qtbot.addWidget(window)
    yield window
    window.close_workers()


@pytest.fixture
def signed_in(office: OfficeWindow, server: LiveServer, qtbot: QtBot) -> OfficeWindow:
    """The office window signed in to ``server`` as ``OFFICE_NAME`` (through the session)."""
    with qtbot.waitSignal(office.session.signed_in, timeout=20_000) as blocker:
        office.session.sign_in(server.url, OFFICE_NAME, OFFICE_PASSWORD)
    assert isinstance(blocker.args[0], SignedIn)
    return office
