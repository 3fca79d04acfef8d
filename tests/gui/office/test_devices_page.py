"""Enheter against the real server: the list, a new code with its QR, revoking (asked first),
and the revoked tablet's next real sync refused; Logg lists what the office did."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import segno
from PySide6.QtGui import QColor, QFontInfo, QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kompassen import __version__
from kompassen.core.clock import STOCKHOLM, FixedClock
from kompassen.gui.office.devices_page import DevicesPage
from kompassen.gui.office.qr import BORDER
from kompassen.gui.office.when import when_words
from kompassen.gui.office.window import OfficeWindow
from kompassen.sync.enrol_uri import parse_enrolment
from serverutil import LiveServer


def _devices(window: OfficeWindow, qtbot: QtBot) -> DevicesPage:
    page = window.devices_page
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()
    return page


def _modules(image: QImage, px: int) -> list[list[bool]]:
    """The dark modules of a rendered QR code, read at each module's centre."""
    n = image.width() // px
    dark = QColor("#000000").lightness() + 60
    return [
        [image.pixelColor(x * px + px // 2, y * px + px // 2).lightness() < dark for x in range(n)]
        for y in range(n)
    ]


def _kompassen(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "KOMPASSEN_LANG": "sv"}
    return subprocess.run(
        [sys.executable, "-m", "kompassen", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_devices_are_listed_with_last_sync_in_words(
    signed_in: OfficeWindow, server: LiveServer, clock: FixedClock, qtbot: QtBot
) -> None:
    server.enrol("Surfplatta Klara 1")
    server.enrol("Surfplatta Klara 2")
    page = _devices(signed_in, qtbot)
    names = [page.model.text(d, "name") for d in page.model.devices]
    assert sorted(names) == ["Surfplatta Klara 1", "Surfplatta Klara 2"]
    assert "2 surfplattor" in page.summary.text()
    never = page.model.text(page.model.devices[0], "last_sync")
    assert never == "aldrig"  # enrolled, never synced
    assert page.model.text(page.model.devices[0], "state") == "Aktiv"


def test_time_words() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=STOCKHOLM)
    assert when_words("2026-11-22T21:14:00+00:00", now) == "i går 22:14"
    assert when_words("2026-11-23T08:12:00+00:00", now) == "i dag 09:12"
    assert when_words("2026-11-24T09:00:00+00:00", now) == "i morgon 10:00"
    assert when_words(None, now) == "aldrig"
    assert "2025" in when_words("2025-03-01T10:00:00+00:00", now)


def test_a_new_code_is_shown_as_text_and_a_qr_of_its_uri_that_enrols_a_tablet(
    signed_in: OfficeWindow, server: LiveServer, tmp_path: Path, qtbot: QtBot
) -> None:
    page = _devices(signed_in, qtbot)
    dialog = page.open_enrol_dialog()
    dialog.uses.setValue(2)
    dialog.valid.setValue(3)
    dialog.unit.setCurrentIndex(dialog.unit.findData(24))  # days
    assert dialog.valid_hours == 72
    with qtbot.waitSignal(dialog.created, timeout=20_000) as made:
        dialog.create_button.click()
    code = made.args[0]
    assert dialog.code_text.text() == code.code and code.uses == 2
    told = parse_enrolment(code.uri)  # what a tablet reads from the link
    assert (told.server, told.code) == (server.url, code.code)
    assert dialog.uri_text.text() == code.uri
    assert "2 surfplattor" in dialog.limits.text()
    dialog.code_text.ensurePolished()
    shown = QFontInfo(dialog.code_text.font())
    assert shown.fixedPitch() and shown.pointSizeF() >= 20  # big, monospace

    # the QR shown is the URI's: module for module what segno makes of the same text
    qr = dialog.qr
    image = qr.image()
    expected = [
        list(map(bool, row))
        for row in segno.make(code.uri, error="m", micro=False).matrix_iter(scale=1, border=BORDER)
    ]
    assert _modules(image, qr.px_per_module) == expected
    assert image.width() >= qr.min_px

    dialog.copy_code.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == code.code

    # the code really enrols a tablet (the real device client, a home of its own)
    tablet = tmp_path / "tablet"
    done = _kompassen(tablet, "enrol", "--server", server.url, "--name", "Ny platta", code.code)
    assert done.returncode == 0, done.stdout + done.stderr
    page.refresh()
    qtbot.waitUntil(lambda: "Ny platta" in [d.name for d in page.model.devices], timeout=20_000)


def test_revoking_asks_first_naming_the_tablet_and_its_next_sync_is_refused(
    signed_in: OfficeWindow, server: LiveServer, tmp_path: Path, qtbot: QtBot
) -> None:
    tablet = tmp_path / "tablet"
    code = server.enrolment_code()
    done = _kompassen(tablet, "enrol", "--server", server.url, "--name", "Platta att spärra", code)
    assert done.returncode == 0, done.stderr
    synced = _kompassen(tablet, "sync", "--area", "klara")
    assert synced.returncode == 0, synced.stdout + synced.stderr  # before: the server answers
    page = _devices(signed_in, qtbot)
    row = next(i for i, d in enumerate(page.model.devices) if d.name == "Platta att spärra")
    synced_row = page.model.devices[row]
    assert page.model.text(synced_row, "last_sync") == "i dag 12:00"  # the server's clock
    assert page.model.text(synced_row, "app") == __version__
    assert "klara" in page.model.text(synced_row, "catalogue")
    page.table.selectRow(row)
    assert page.revoke_button.isEnabled()

    box = page.ask_revoke()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Platta att spärra" in box.text()
    cancel = next(b for b in box.buttons() if b.text() == "Avbryt")
    cancel.click()
    qtbot.waitUntil(lambda: page.confirm is None)
    page = _devices(signed_in, qtbot)
    assert not page.model.devices[row].revoked  # "Avbryt" changed nothing

    page.table.selectRow(row)
    box = page.ask_revoke()
    assert box is not None
    yes = next(b for b in box.buttons() if b.text() == "Återkalla")
    with qtbot.waitSignal(page.revoked, timeout=20_000):
        yes.click()
    qtbot.waitUntil(lambda: page.model.devices and page.model.devices[row].revoked, timeout=20_000)
    assert page.model.text(page.model.devices[row], "state").startswith("Återkallad")
    assert not page.revoke_button.isEnabled() or page.selected() is None

    refused = _kompassen(tablet, "sync", "--area", "klara")
    assert refused.returncode == 3, refused.stdout + refused.stderr
    assert "spärrats" in refused.stderr


def test_the_log_lists_the_office_actions_newest_first(
    signed_in: OfficeWindow, server: LiveServer, clock: FixedClock, qtbot: QtBot
) -> None:
    page = _devices(signed_in, qtbot)
    dialog = page.open_enrol_dialog()
    clock.advance(timedelta(minutes=1))
    with qtbot.waitSignal(dialog.created, timeout=20_000):
        dialog.create_button.click()
    dialog.accept()
    audit = signed_in.audit_page
    with qtbot.waitSignal(audit.loaded, timeout=20_000):
        audit.refresh()
    actions = [e.action for e in audit.model.entries]
    assert actions.index("enrolment_code_created") < actions.index("sign_in")  # newest first
    words = [audit.model.text(e, "action") for e in audit.model.entries]
    assert "Skapade registreringskod" in words and "Loggade in" in words
    assert all(e.actor for e in audit.model.entries if e.action != "sign_in_failed")
