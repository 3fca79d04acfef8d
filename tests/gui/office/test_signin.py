"""Signing in to the real server from the office window: good and bad passwords, a server
that is down, and the kept sign-in at the next start (expired: asked again)."""

from __future__ import annotations

import json
import socket
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.core.clock import FixedClock
from kompassen.gui.office.launch import build_office_window
from kompassen.gui.office.signin import SignInDialog
from kompassen.gui.office.window import OfficeWindow
from kompassen.office.credentials import credentials_file
from serverutil import OFFICE_NAME, OFFICE_PASSWORD, LiveServer


def _dialog(office: OfficeWindow, server: str) -> SignInDialog:
    office.show()
    dialog = office.ask_sign_in()
    dialog.server.setText(server)
    dialog.user.setText(OFFICE_NAME)
    return dialog


def test_enter_signs_in_and_the_status_bar_names_user_and_server(
    office: OfficeWindow, server: LiveServer, ctx: AppContext, qtbot: QtBot
) -> None:
    dialog = _dialog(office, server.url)
    dialog.password.setText(OFFICE_PASSWORD)
    dialog.password.setFocus()
    with qtbot.waitSignal(dialog.succeeded, timeout=20_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    words = office.who.text()
    assert OFFICE_NAME in words and server.url in words and "Inloggad" in words
    assert office.sign_button.text() == "Logga ut"
    kept = credentials_file(ctx.paths.data_dir).read_text("utf-8")
    assert OFFICE_PASSWORD not in kept  # the token is kept, never the password
    assert json.loads(kept)["user"] == OFFICE_NAME


def test_a_wrong_password_is_said_in_the_dialog_and_the_field_kept(
    office: OfficeWindow, server: LiveServer, qtbot: QtBot
) -> None:
    dialog = _dialog(office, server.url)
    dialog.password.setText("fel-lösenord")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.isVisible(), timeout=20_000)
    assert dialog.isVisible() and office.session.current is None
    assert "Fel namn eller lösenord" in dialog.error.text()
    assert "Traceback" not in dialog.error.text()
    assert dialog.password.text() == "fel-lösenord"  # kept: fix one letter, not all
    assert dialog.password.hasFocus() or not dialog.isActiveWindow()


def test_a_server_that_is_down_is_said_in_words(office: OfficeWindow, qtbot: QtBot) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dialog = _dialog(office, f"http://127.0.0.1:{port}")
    dialog.password.setText(OFFICE_PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.isVisible(), timeout=30_000)
    text = dialog.error.text()
    assert f"127.0.0.1:{port}" in text and "Traceback" not in text
    assert dialog.isVisible() and dialog.password.text() == OFFICE_PASSWORD


def test_empty_fields_are_asked_for_without_a_network_call(
    office: OfficeWindow, qtbot: QtBot
) -> None:
    dialog = _dialog(office, "")
    dialog.submit()
    assert dialog.error.text() == "Skriv serverns adress." and not dialog.busy


def test_a_kept_sign_in_starts_signed_in_and_an_expired_one_asks_again(
    signed_in: OfficeWindow,
    server: LiveServer,
    ctx: AppContext,
    clock: FixedClock,
    qtbot: QtBot,
) -> None:
    second = build_office_window(ctx, "klara", lang="sv")
    qtbot.addWidget(second)
    try:
        with qtbot.waitSignal(second.session.signed_in, timeout=20_000):
            second.start()
        assert second.signin is None  # no dialog: the kept token was good
        assert OFFICE_NAME in second.who.text()
    finally:
        second.close_workers()

    # the sign-in expires on the server's clock: the next call asks for the password again
    clock.advance(timedelta(days=400))
    page = signed_in.devices_page
    with qtbot.waitSignal(signed_in.session.expired, timeout=20_000):
        page.refresh()
    dialog = signed_in.signin
    assert dialog is not None and dialog.isVisible()
    assert "gått ut" in dialog.reason.text()
    assert dialog.server.text() == server.url and dialog.user.text() == OFFICE_NAME
    assert signed_in.session.current is None and "Inte inloggad" in signed_in.who.text()


def test_signing_out_ends_the_sign_in_on_the_server_and_forgets_it(
    signed_in: OfficeWindow, ctx: AppContext, qtbot: QtBot
) -> None:
    from kompassen.office.client import OfficeClient
    from kompassen.sync.transport import SyncError

    creds = signed_in.session.remembered()
    assert creds is not None
    signed_in.show()
    with qtbot.waitSignal(signed_in.session.signed_out, timeout=20_000):
        signed_in.sign_button.click()  # "Logga ut"
    assert signed_in.signin is not None and signed_in.signin.isVisible()  # asks who is next
    assert "Inte inloggad" in signed_in.who.text()
    assert not credentials_file(ctx.paths.data_dir).exists()
    old = OfficeClient.resume(creds)
    try:
        old.me()
        raise AssertionError("the old token still works")
    except SyncError as err:
        assert err.kind == "signed_out"
    finally:
        old.close()


def test_a_kept_sign_in_the_server_has_ended_asks_again_at_the_start(
    signed_in: OfficeWindow, server: LiveServer, ctx: AppContext, qtbot: QtBot
) -> None:
    from kompassen.server import admin

    # a new password ends every session of the user on the server; the token is still kept here
    admin.set_office_user(server.app.state.db, server.app.state.clock, OFFICE_NAME, "nytt-lösen-1")
    assert credentials_file(ctx.paths.data_dir).exists()
    second = build_office_window(ctx, "klara", lang="sv")
    qtbot.addWidget(second)
    try:
        second.show()
        second.start()
        qtbot.waitUntil(lambda: second.signin is not None, timeout=20_000)
        dialog = second.signin
        assert dialog is not None and second.session.current is None
        assert "Logga in igen" in dialog.reason.text()  # said why, in words
        assert dialog.server.text() == server.url and dialog.user.text() == OFFICE_NAME
        assert not credentials_file(ctx.paths.data_dir).exists()  # asked once, not every start
    finally:
        second.close_workers()
