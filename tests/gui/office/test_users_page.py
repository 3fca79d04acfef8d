"""Användare: an administrator adds, changes and stops office users on the real server.

pytest-qt with real widgets, the real sync server on 127.0.0.1 and the real office client.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.gui.office.users_page import UserDialog, UsersPage
from kompassen.gui.office.window import PAGES, OfficeWindow
from kompassen.office.client import OfficeClient
from kompassen.reports.keys import OfficeKeys
from kompassen.server import admin
from kompassen.sync.transport import SyncError
from serverutil import OFFICE_NAME, LiveServer

DEV_KEYS = json.loads(
    (Path(__file__).resolve().parents[2] / "fixtures" / "dev_keys.json").read_text("utf-8")
)
WAIT = 20_000
PASSWORD = "kims-lösenord-1"


def _page(office: OfficeWindow, qtbot: QtBot) -> UsersPage:
    page = office.show_page("users")
    assert isinstance(page, UsersPage)
    qtbot.waitUntil(lambda: bool(page.users), timeout=WAIT)
    return page


def _names(page: UsersPage) -> list[str]:
    return [page.table.item(r, 0).text() for r in range(page.table.rowCount())]


def _add(
    page: UsersPage, qtbot: QtBot, name: str, areas: list[str], pw: str = PASSWORD
) -> UserDialog | None:
    """Fill in and send the new-user dialog: None once it closed (saved), else the dialog."""
    dialog = page.open_add_dialog()
    dialog.name.setText(name)
    dialog.role.setCurrentIndex(dialog.role.findData("coordinator"))
    for a in areas:
        dialog.area_checks[a].setChecked(True)
    dialog.password.setText(pw)
    dialog.again.setText(pw)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.dialog is None or dialog.save_button.isEnabled(), timeout=WAIT)
    return page.dialog


def test_only_an_administrator_sees_the_page(
    signed_in: OfficeWindow, server: LiveServer, qtbot: QtBot
) -> None:
    item = signed_in.nav.item(PAGES.index("users"))
    assert item.text() == "Användare" and not item.isHidden()
    admin.set_office_user(
        server.app.state.db,
        server.app.state.clock,
        "Kim",
        PASSWORD,
        role="coordinator",
        areas=["klara"],
    )
    signed_in.session.sign_out()
    signed_in._say_who()
    assert item.isHidden()
    with qtbot.waitSignal(signed_in.session.signed_in, timeout=WAIT):
        signed_in.session.sign_in(server.url, "Kim", PASSWORD)
    assert item.isHidden()


def test_add_a_coordinator_who_signs_in_and_may_not_publish_another_area(
    signed_in: OfficeWindow, server: LiveServer, ctx: AppContext, qtbot: QtBot
) -> None:
    page = _page(signed_in, qtbot)
    assert OFFICE_NAME in _names(page)
    assert sorted(page.known_areas()) == ["klara", "vastra-sodermalm"]
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        assert _add(page, qtbot, "Kim", ["vastra-sodermalm"]) is None
    row = _names(page).index("Kim")
    cells = [page.table.item(row, c).text() for c in range(4)]
    assert cells == ["Kim", "samordnare", "vastra-sodermalm", "Aktiv"]
    assert "Kim lades till som samordnare." in page.message.text()

    kim = OfficeClient.sign_in(server.url, "Kim", PASSWORD)
    try:
        assert kim.me().areas == ("vastra-sodermalm",)
        keys = OfficeKeys(
            DEV_KEYS["sealing_private"],
            DEV_KEYS["sealing_public"],
            DEV_KEYS["signing_private"],
            DEV_KEYS["signing_public"],
        )
        docs = ctx.catalogue.release_docs("klara")
        with pytest.raises(SyncError) as refused:
            kim.publish("klara", docs, keys, datetime.now().astimezone())
        assert refused.value.kind == "forbidden" and refused.value.status == 403
        assert "inte ditt" in refused.value.sv
    finally:
        kim.close()


def test_the_dialog_says_what_is_wrong_before_and_from_the_server(
    signed_in: OfficeWindow, qtbot: QtBot
) -> None:
    page = _page(signed_in, qtbot)
    dialog = page.open_add_dialog()
    dialog.name.setText("Alex")
    dialog.area_checks["klara"].setChecked(True)
    dialog.password.setText("ett-lösenord")
    dialog.again.setText("ett-annat")
    dialog.save_button.click()
    assert "Lösenorden är inte lika" in dialog.message.text()
    dialog.reject()
    short = _add(page, qtbot, "Alex", ["klara"], pw="kort")
    assert short is not None and "minst" in short.message.text()  # the server's own limit
    assert "Alex" not in _names(page)


def test_change_areas_then_disable_after_asking_and_the_sign_in_is_refused(
    signed_in: OfficeWindow, server: LiveServer, qtbot: QtBot
) -> None:
    page = _page(signed_in, qtbot)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        _add(page, qtbot, "Kim", ["klara"])
    page.select("Kim")
    dialog = page.open_edit_dialog()
    assert dialog is not None and dialog.name.isReadOnly()
    assert dialog.area_checks["klara"].isChecked()
    dialog.area_checks["vastra-sodermalm"].setChecked(True)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        dialog.save_button.click()
    row = _names(page).index("Kim")
    assert page.table.item(row, 2).text() == "klara, vastra-sodermalm"

    page.select("Kim")
    box = page.ask_disable()
    assert box is not None and "Kim" in box.text()
    no = next(b for b in box.buttons() if b.text() == "Avbryt")
    no.click()
    qtbot.wait(50)
    assert not page.users[_names(page).index("Kim")].disabled  # nothing asked, nothing done

    page.select("Kim")
    box = page.ask_disable()
    assert box is not None
    yes = next(b for b in box.buttons() if b.text() == "Stäng av")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        yes.click()
    row = _names(page).index("Kim")
    assert page.table.item(row, 3).text() == "Avstängd"
    with pytest.raises(SyncError) as refused:
        OfficeClient.sign_in(server.url, "Kim", PASSWORD)
    assert refused.value.kind == "bad_login"


def test_the_last_administrator_cannot_be_disabled_said_in_words(
    signed_in: OfficeWindow, qtbot: QtBot
) -> None:
    page = _page(signed_in, qtbot)
    page.select(OFFICE_NAME)
    page.set_disabled(OFFICE_NAME, True)
    qtbot.waitUntil(lambda: page.message.text() not in ("", "Sparar…"), timeout=WAIT)
    assert "administratör" in page.message.text()
    assert not page.users[_names(page).index(OFFICE_NAME)].disabled


def test_screenshot_users_with_the_new_user_dialog(
    signed_in: OfficeWindow, server: LiveServer, qtbot: QtBot
) -> None:
    from tests.gui.office.test_areas_page import SHOTS, shot_with_dialog

    db, clock = server.app.state.db, server.app.state.clock
    admin.set_office_user(db, clock, "Kim Lind", PASSWORD, role="coordinator", areas=["klara"])
    admin.set_office_user(
        db, clock, "Sam Berg", PASSWORD, role="coordinator", areas=["klara", "vastra-sodermalm"]
    )
    office = signed_in
    office.resize(1920, 1080)
    office.show()
    qtbot.waitExposed(office)
    page = _page(office, qtbot)
    qtbot.waitUntil(lambda: len(page.users) == 3, timeout=WAIT)
    page.select("Sam Berg")
    dialog = page.open_add_dialog()
    dialog.name.setText("Alex Ek")
    dialog.area_checks["vastra-sodermalm"].setChecked(True)
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    path = shot_with_dialog(office, dialog, SHOTS / "office_users_sv.png")
    assert path.stat().st_size > 10_000
