"""The publish page end to end: sign in, edit a service's phone and hours in the editor, save,
preview, sign with the key file (passphrase in the dialog), upload to the real server on
127.0.0.1, and a tablet with its own KOMPASSEN_HOME pulls the release and its search shows it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from kompassen.catalogue.search.model import SearchQuery
from kompassen.compose import AppContext, build
from kompassen.core.clock import FixedClock
from kompassen.gui.office.editor import CatalogueEditorPage
from kompassen.gui.office.publish_page import KeyKeeper, PassphraseDialog, PublishPage
from kompassen.gui.office.session import OfficeSession
from kompassen.reports.keys import OfficeKeys, write_key_file
from serverutil import OFFICE_NAME, OFFICE_PASSWORD, LiveServer

REPO = Path(__file__).resolve().parents[3]
DEV_KEYS = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
SERVICE = "efh-budget-skuldradgivning"  # Monday 13:00–15:30 in the shipped pack
PASSPHRASE = "korrekt häst batteri"


@pytest.fixture
def swedish(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    """The office key file holding the development keys that the shipped Klara pack carries."""
    path = tmp_path / "office-keys.json"
    keys = OfficeKeys(
        DEV_KEYS["sealing_private"],
        DEV_KEYS["sealing_public"],
        DEV_KEYS["signing_private"],
        DEV_KEYS["signing_public"],
    )
    write_key_file(path, keys, PASSPHRASE, strength="interactive")
    return path


@pytest.fixture
def net(server: LiveServer, clock: FixedClock, qtbot: QtBot) -> Iterator[OfficeSession]:
    """The office's network session, signed in to the real server."""
    session = OfficeSession(None, clock)
    with qtbot.waitSignal(session.signed_in, timeout=20_000):
        session.sign_in(server.url, OFFICE_NAME, OFFICE_PASSWORD)
    server.register_area_key("klara")  # the administrator pins the area's key first
    yield session
    session.close()


def _line(page: CatalogueEditorPage, pointer: str) -> QLineEdit:
    b = page.form.binding(pointer)
    assert b is not None and isinstance(b.widget, QLineEdit)
    return b.widget


def test_edit_publish_and_a_tablet_pulls_it(
    qtbot: QtBot,
    ctx: AppContext,
    clock: FixedClock,
    net: OfficeSession,
    server: LiveServer,
    key_file: Path,
    tmp_path: Path,
    swedish: None,
) -> None:
    # a tablet of its own, enrolled, with the shipped Klara: the service is closed at 12:00
    tablet = build({"KOMPASSEN_HOME": str(tmp_path / "tablet")}, clock)
    try:
        device = tablet.sync_client(timeout=30.0)
        device.enrol(server.url, server.enrolment_code(), name="Platta Klara")
        device.sync(["klara"])

        def hit(ctx_: AppContext) -> object:
            search = ctx_.open_search()
            try:
                found = search.search(SearchQuery("klara", text="budget skuldrådgivning"))
            finally:
                search.close()
            return next(h for h in found.hits if h.id.endswith(SERVICE))

        assert hit(tablet).open_now is False  # type: ignore[attr-defined]

        # the office edits the phone and Monday's hours, and saves
        editor = CatalogueEditorPage(ctx, "klara", synchronous=True, user=OFFICE_NAME)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitUntil(lambda: editor.session is not None)
        editor.open_record("services", SERVICE)
        phone = _line(editor, "/phones/0/number")
        phone.selectAll()
        qtbot.keyClicks(phone, "08-123 456")
        hours = editor.form.hours_editor
        assert hours is not None
        opens = hours.day_spans[0].rows[0].opens
        opens.selectAll()
        qtbot.keyClicks(opens, "11:00")
        with qtbot.waitSignal(editor.saved):
            qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

        # the publish page: the preview says what changes, field by field
        page = PublishPage(ctx, net, "klara", key_file=key_file, synchronous=True)
        qtbot.addWidget(page)
        page.resize(1600, 900)
        page.show()
        page.refresh()
        qtbot.waitUntil(
            lambda: page.preview is not None and page.status is not None, timeout=20_000
        )
        assert page.preview is not None and not page.preview.errors
        lines = [
            page.changes.topLevelItem(i).child(j).text(0)
            for i in range(page.changes.topLevelItemCount())
            for j in range(page.changes.topLevelItem(i).childCount())
        ]
        assert "Telefonnummer 1 › Nummer: 08-508 25 000 → 08-123 456" in lines
        assert any(line.startswith("Öppettider") and "11:00" in line for line in lines)
        assert page.publish_button.isEnabled()

        # sign (the passphrase asked in the dialog) and upload
        qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
        dialog = page.passphrase_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.path.text() == str(key_file)
        with qtbot.waitSignal(page.published, timeout=30_000) as blocker:
            dialog.passphrase.insert(PASSPHRASE)  # QTest types ASCII only
            qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        assert blocker.args == [1]
        assert "Släpp 1 är publicerat" in page.message.text()
        assert page.keeper.keys() is not None  # kept for a while…
        qtbot.waitUntil(lambda: page.status is not None and page.status.latest_version == 1)
        names = [page.devices.item(r, 0).text() for r in range(page.devices.rowCount())]
        assert "Platta Klara" in names

        # the tablet pulls it at its next sync and its search shows the change
        device.sync(["klara"])
        assert hit(tablet).open_now is True  # type: ignore[attr-defined]
        docs = tablet.catalogue.release_docs("klara")
        svc = next(s for s in docs["services.json"]["services"] if s["key"] == SERVICE)
        assert svc["phones"][0]["number"] == "08-123 456"

        # the next preview compares with what was just published: nothing new
        page.refresh()
        qtbot.waitUntil(lambda: page.message.text() == "Det finns inget nytt att publicera.")
        assert not page.publish_button.isEnabled()
        device.close()
    finally:
        tablet.close()


def test_a_wrong_passphrase_is_told_in_the_dialog(
    qtbot: QtBot, key_file: Path, qapp: QApplication
) -> None:
    from kompassen.gui.workers.background import Background

    opener: Background[None] = Background(lambda: None, name="t", synchronous=True)
    dialog = PassphraseDialog(opener, key_file, purpose="")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, "fel")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    assert dialog.keys is None and dialog.error.text()
    assert dialog.isVisible() or not dialog.result()


def test_keys_are_forgotten_after_the_idle_time(qtbot: QtBot, qapp: QApplication) -> None:
    keeper = KeyKeeper(idle_ms=50)
    keeper.keep(OfficeKeys("a", "b", "c", "d"), Path("k.json"))
    assert keeper.keys() is not None
    with qtbot.waitSignal(keeper.forgotten, timeout=2000):
        pass
    assert keeper.keys() is None
