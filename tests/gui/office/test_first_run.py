"""The first-run wizard walked with keys and clicks over the real office window and the real
server on 127.0.0.1: passphrase words, no finishing without the backup box, the keys in the
area (history) and on the server, cancel that says what was written, the start offer."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from kompassen.core.office_keys import placeholder_key
from kompassen.gui.office.first_run import (
    FIRST_RUN_BUTTON,
    KEYS,
    PASSPHRASE,
    PLACE,
    FirstRunWizard,
    offer_first_run,
    open_first_run,
)
from kompassen.gui.office.window import OfficeWindow
from kompassen.office import setup
from kompassen.office.editing import EditSession
from kompassen.reports.keys import KEY_FILE, read_key_file
from kompassen.server import admin
from serverutil import OFFICE_NAME, LiveServer

AREA = "klara"
PASS = "korrekt hast batteri"
# the screenshots go to docs/ only when asked (KOMPASSEN_SHOTS=docs/screenshots): a test run
# must not change the checkout
SHOTS = Path(os.environ.get("KOMPASSEN_SHOTS") or Path(tempfile.gettempdir()) / "kompassen-shots")
Next = QWizard.WizardButton.NextButton
Commit = QWizard.WizardButton.CommitButton
Finish = QWizard.WizardButton.FinishButton


def _click(w: QWizard, which: QWizard.WizardButton) -> None:
    button = w.button(which)
    assert button.isVisible() and button.isEnabled(), f"{which} not clickable"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _tick(box: QCheckBox) -> None:
    """Click the box where its indicator is (a stretched box's middle is empty room)."""
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _wizard(window: OfficeWindow, qtbot: QtBot) -> FirstRunWizard:
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    wizard = open_first_run(window, strength="interactive")
    qtbot.waitExposed(wizard)
    return wizard


def _to_passphrase(w: FirstRunWizard, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: w.button(Next).isEnabled(), timeout=10_000)
    _click(w, Next)
    assert w.currentId() == PASSPHRASE


def _type_passphrase(w: FirstRunWizard, first: str, again: str) -> None:
    page = w.passphrase
    page.first.setFocus()
    QTest.keyClicks(page.first, first)
    QTest.keyClicks(page.again, again)


def _area_keys(window: OfficeWindow) -> tuple[str, str]:
    a = next(a for a in window.oc.ctx.catalogue.reader.areas() if a.id == AREA)
    return a.sealing_public_key, a.signing_public_key


def _shot(window: OfficeWindow, w: FirstRunWizard, name: str) -> Path:
    """The office window at 1920×1080 with the wizard over its middle (as on screen)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    w.resize(1100, 800)
    back = window.grab()
    canvas = QPixmap(back.size())
    painter = QPainter(canvas)
    painter.drawPixmap(0, 0, back)
    painter.fillRect(canvas.rect(), QColor(0, 0, 0, 90))  # the window behind a modal wizard
    front = w.grab()
    at = QPoint((back.width() - front.width()) // 2, (back.height() - front.height()) // 2)
    painter.drawPixmap(at, front)
    painter.setPen(QColor(0, 0, 0, 160))
    painter.drawRect(at.x() - 1, at.y() - 1, front.width() + 1, front.height() + 1)
    painter.end()
    path = SHOTS / name
    assert canvas.save(str(path))
    return path


def test_walk_the_wizard_signed_in(
    signed_in: OfficeWindow, server: LiveServer, qtbot: QtBot
) -> None:
    window = signed_in
    before = _area_keys(window)
    w = _wizard(window, qtbot)
    assert w.currentId() == PLACE
    assert w.place.folder.text() == str(setup.default_key_folder(window.oc.ctx.paths.data_dir))
    _to_passphrase(w, qtbot)
    # too short, then a mismatch: words in the page, no way on
    QTest.keyClicks(w.passphrase.first, "kort")
    assert "minst 8 tecken" in w.passphrase.words.text()
    assert not w.button(Commit).isEnabled()
    w.passphrase.first.clear()
    _type_passphrase(w, PASS, PASS + "x")
    assert "inte lika" in w.passphrase.words.text()
    assert not w.button(Commit).isEnabled()
    QTest.keyClick(w.passphrase.again, Qt.Key.Key_Backspace)
    assert "inte lika" not in w.passphrase.words.text()
    assert w.button(Commit).text() == "Skapa nycklarna"
    _click(w, Commit)
    qtbot.waitUntil(lambda: w.currentId() == KEYS, timeout=20_000)
    page = w.keys_page
    qtbot.waitUntil(lambda: page.server_state == "done", timeout=20_000)
    assert page.area_state == "done"
    files = w.files
    assert files is not None and files.key_file.parent == w.default_folder
    assert read_key_file(files.key_file, PASS) == files.keys
    fp = setup.fingerprints(files.keys)
    assert page.sealing_fp.text() == fp["sealing"] and page.signing_fp.text() == fp["signing"]
    assert "registrerad på servern" in page.server_words.text()
    assert "två kopior" in page.backup_words.text()
    assert "aldrig öppnas" in page.backup_words.text()
    # the area has the new keys, in the history as the signed-in user's change
    assert _area_keys(window) == (files.keys.sealing_public, files.keys.signing_public) != before
    rows = EditSession.open(window.oc.ctx, AREA).history("area", AREA)
    assert {r.field for r in rows if r.updated_by == OFFICE_NAME} == {
        "/public_keys/sealing",
        "/public_keys/signing",
    }
    pinned = {k["area_id"]: k["signing_key"] for k in admin.list_area_keys(server.app.state.db)}
    assert pinned[AREA] == files.keys.signing_public
    # cannot finish without the backup box
    assert not w.button(Finish).isEnabled()
    assert "Kryssa i rutan" in page.finish_words.text()
    back = w.button(QWizard.WizardButton.BackButton)
    assert not (back.isVisible() and back.isEnabled())  # past the commit page: no way back
    _tick(page.backup_box)
    assert page.backup_box.isChecked() and w.button(Finish).isEnabled()
    assert page.finish_words.text() == ""
    _shot(window, w, "office_first_run_sv.png")
    _click(w, Finish)
    qtbot.waitUntil(lambda: not w.isVisible())
    assert setup.known_key_file(window.oc.ctx.paths.data_dir) == files.key_file.resolve()


def test_not_signed_in_registers_after_the_sign_in(
    office: OfficeWindow, server: LiveServer, qtbot: QtBot
) -> None:
    w = _wizard(office, qtbot)
    _to_passphrase(w, qtbot)
    _type_passphrase(w, PASS, PASS)
    _click(w, Commit)
    page = w.keys_page
    qtbot.waitUntil(lambda: page.area_state == "done", timeout=20_000)
    assert page.server_state == "signed_out" and "Inte inloggad" in page.server_words.text()
    from serverutil import OFFICE_PASSWORD

    office.session.sign_in(server.url, OFFICE_NAME, OFFICE_PASSWORD)
    qtbot.waitUntil(lambda: page.server_state == "done", timeout=20_000)
    assert w.files is not None
    pinned = {k["area_id"]: k["signing_key"] for k in admin.list_area_keys(server.app.state.db)}
    assert pinned[AREA] == w.files.keys.signing_public


def test_cancel_before_the_keys_writes_nothing(office: OfficeWindow, qtbot: QtBot) -> None:
    w = _wizard(office, qtbot)
    _to_passphrase(w, qtbot)
    _type_passphrase(w, PASS, PASS)
    w.reject()
    assert not w.isVisible()
    assert not w.default_folder.exists()


def test_cancel_after_the_key_file_says_so_and_offers_to_continue(
    office: OfficeWindow, qtbot: QtBot
) -> None:
    ctx = office.oc.ctx
    before = _area_keys(office)
    editor = EditSession.open(ctx, AREA)  # unsaved edits in the catalogue: the keys wait
    editor.set("services", editor.records("services")[0].record_id, "/name", "Osparad")
    w = _wizard(office, qtbot)
    _to_passphrase(w, qtbot)
    _type_passphrase(w, PASS, PASS)
    _click(w, Commit)
    page = w.keys_page
    qtbot.waitUntil(lambda: page.area_state == "failed", timeout=20_000)
    assert "osparade ändringar" in page.area_words.text() and page.area_retry.isVisible()
    assert _area_keys(office) == before and not w.button(Finish).isEnabled()
    QTest.mouseClick(w.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert w.isVisible() and "Avbryt igen" in w.cancel_words.text()
    # the editor's edit undone: Försök igen puts the keys in
    editor.discard()
    QTest.mouseClick(page.area_retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.area_state == "done", timeout=20_000)
    assert w.files is not None
    assert _area_keys(office) == (w.files.keys.sealing_public, w.files.keys.signing_public)


def test_an_existing_key_file_is_continued_with_not_overwritten(
    office: OfficeWindow, qtbot: QtBot
) -> None:
    folder = setup.default_key_folder(office.oc.ctx.paths.data_dir)
    made = setup.create(folder, PASS, strength="interactive")
    before = made.key_file.read_bytes()
    w = _wizard(office, qtbot)
    qtbot.waitUntil(lambda: w.place.continue_box.isVisible(), timeout=10_000)
    assert "skrivs aldrig över" in w.place.words.text() and KEY_FILE in w.place.words.text()
    assert not w.button(Next).isEnabled()
    _tick(w.place.continue_box)
    _to_passphrase(w, qtbot)
    assert not w.passphrase.again.isVisible()
    assert w.button(Commit).text() == "Öppna nyckelfilen"
    QTest.keyClicks(w.passphrase.first, "fel losenfras")
    _click(w, Commit)
    qtbot.waitUntil(lambda: "Fel lösenfras" in w.passphrase.progress.text(), timeout=20_000)
    assert w.currentId() == PASSPHRASE
    w.passphrase.first.clear()
    QTest.keyClicks(w.passphrase.first, PASS)
    _click(w, Commit)
    qtbot.waitUntil(lambda: w.keys_page.area_state == "done", timeout=20_000)
    assert w.files is not None and w.files.keys == made.keys
    assert made.key_file.read_bytes() == before
    assert "öppnad" in w.keys_page.file_words.text()


def test_offered_at_start_and_from_the_status_bar(office: OfficeWindow, qtbot: QtBot) -> None:
    ctx = office.oc.ctx
    data_dir = ctx.paths.data_dir
    made = setup.create(data_dir / "elsewhere", PASS, strength="interactive")
    setup.remember_key_file(data_dir, made.key_file)
    offer_first_run(office)  # the shipped area's keys and a known key file: nothing to do
    assert office.findChild(FirstRunWizard) is None
    s = EditSession.open(ctx, AREA)
    for purpose in ("sealing", "signing"):
        s.set("area", AREA, f"/public_keys/{purpose}", placeholder_key(AREA, purpose))
    s.save("import", datetime(2026, 11, 23, 11, 0))
    office.oc.areas = ctx.catalogue.reader.areas()
    offer_first_run(office)
    wizard = office.findChild(FirstRunWizard)
    assert wizard is not None and wizard.isVisible()
    wizard.reject()
    button = office.findChild(QPushButton, FIRST_RUN_BUTTON)
    assert button is not None and button.text() == "Ny driftsättning…"
    office.show()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(w.isVisible() for w in office.findChildren(FirstRunWizard)))


def test_an_open_editor_is_rebuilt_so_its_save_keeps_the_new_keys(
    office: OfficeWindow, qtbot: QtBot
) -> None:
    old_editor = office.catalogue_page_shown()
    qtbot.waitUntil(lambda: old_editor.session is not None, timeout=20_000)
    w = _wizard(office, qtbot)
    _to_passphrase(w, qtbot)
    _type_passphrase(w, PASS, PASS)
    _click(w, Commit)
    qtbot.waitUntil(lambda: w.keys_page.area_state == "done", timeout=20_000)
    assert w.files is not None
    new_keys = (w.files.keys.sealing_public, w.files.keys.signing_public)
    editor = office.page("catalogue")
    assert editor is not old_editor and office.current_key() == "catalogue"
    qtbot.waitUntil(lambda: editor.session is not None, timeout=20_000)  # type: ignore[attr-defined]
    session = editor.session  # type: ignore[attr-defined]
    assert session.value("area", AREA, "/public_keys/signing") == new_keys[1]
    svc = session.records("services")[0].record_id
    session.set("services", svc, "/name", "Efter guiden")
    session.save("Anna", datetime(2026, 11, 23, 12, 30))
    assert _area_keys(office) == new_keys


def test_another_key_on_the_server_is_replaced_only_when_the_admin_asks(
    signed_in: OfficeWindow, server: LiveServer, qtbot: QtBot
) -> None:
    server.register_area_key(AREA)  # the shipped pack's key: the one the tablets trust
    w = _wizard(signed_in, qtbot)
    _to_passphrase(w, qtbot)
    _type_passphrase(w, PASS, PASS)
    _click(w, Commit)
    page = w.keys_page
    qtbot.waitUntil(lambda: page.server_state == "failed", timeout=20_000)
    assert "gamla nyckelfilen är förlorad" in page.server_words.text()
    assert page.replace_button.isVisible() and not page.register_button.isVisible()
    assert w.files is not None
    pinned = {k["area_id"]: k["signing_key"] for k in admin.list_area_keys(server.app.state.db)}
    assert pinned[AREA] != w.files.keys.signing_public
    QTest.mouseClick(page.replace_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.server_state == "done", timeout=20_000)
    assert "bytt på servern" in page.server_words.text()
    pinned = {k["area_id"]: k["signing_key"] for k in admin.list_area_keys(server.app.state.db)}
    assert pinned[AREA] == w.files.keys.signing_public
