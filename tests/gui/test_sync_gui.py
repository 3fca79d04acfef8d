"""Sync in the field window, against the real server on 127.0.0.1: enrol, send, fail, end a shift.

Real widgets, a real device.db, the real FastAPI server under uvicorn (``serverutil``), and the
sync worker thread itself; a silent server is a socket that accepts and never answers.
"""

from __future__ import annotations

import base64
import json
import os
import re
import socket
import time
from collections.abc import Iterator
from functools import partial
from itertools import pairwise
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kompassen.catalogue.store.release import make_manifest, sign_manifest
from kompassen.compose import AppContext
from kompassen.core.clock import FixedClock
from kompassen.core.report import Report
from kompassen.gui.field.reports.end_shift import EndShiftDialog
from kompassen.gui.field.services import build_services
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.i18n import Translations
from kompassen.gui.qtapp import application
from kompassen.gui.theme import Theme
from kompassen.reports.sealing import SealError, open_sealed
from kompassen.server import admin
from kompassen.sync.tokens import Credentials
from serverutil import LiveServer, bearer

WAIT = 20_000  # ms: generous for a loaded CI machine; the real waits are far shorter


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests must never write the developer's real keyring: the token goes to a 0600 file."""
    monkeypatch.setenv("KOMPASSEN_KEYRING", "0")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with LiveServer() as live:
        live.start(tmp_path / "server.db")
        yield live


def _window(ctx: AppContext, *, synchronous: bool = False, timeout: float = 3.0) -> FieldWindow:
    """The field window as ``build_window`` makes it, with a short client timeout."""
    application()
    theme = Theme("day", 0)
    translations = Translations()
    translations.set_language("sv")
    svc = build_services(
        ctx,
        "klara",
        synchronous=synchronous,
        theme=theme,
        translations=translations,
        sync_factory=partial(ctx.sync_client, timeout=timeout),
    )
    theme.apply(ctx.clock.now(), force=True)
    return FieldWindow(svc)


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[FieldWindow]:
    w = _window(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _submit(ctx: AppContext, text: str, kind: str = "unsolved") -> str:
    area = ctx.catalogue.reader.area("klara")
    report = Report(
        kind=kind,
        area_id="klara",
        occurred_at=ctx.clock.now().isoformat(timespec="seconds"),
        text=text,
    )
    return ctx.outbox.submit(report, area.sealing_public_key)


def _enrol_in_settings(qtbot: QtBot, w: FieldWindow, url: str, code: str) -> None:
    w.show_page("settings")
    page = w.settings_page
    page.server_edit.setText(url)
    qtbot.mouseClick(page.server_save, Qt.MouseButton.LeftButton)
    page.enrol_code.setText(code)
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Ansluten som enhet" in page.enrol_message.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: not w.svc.sync.busy, timeout=WAIT)  # the first sync after enrolling


def _silent_server() -> socket.socket:
    """A socket that accepts connections (the kernel's backlog) and never answers a byte."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    return s


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _card_states(w: FieldWindow) -> list[str]:
    return [c.state.text() for c in w.reports_page.cards.values()]


def _targets(root: QWidget) -> list[QWidget]:
    return [
        c
        for c in root.findChildren(QWidget)
        if isinstance(c, QAbstractButton | QLineEdit) and c.isVisibleTo(root)
    ]


def _shoot(widget: QWidget, tmp_path: Path, name: str) -> Path:
    """Render to PNG (also to $KOMPASSEN_SHOTS, for looking at by eye)."""
    img = widget.grab()
    out = tmp_path / f"{name}.png"
    assert img.save(str(out))
    shots = os.environ.get("KOMPASSEN_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        img.save(str(Path(shots) / f"{name}.png"))
    assert out.stat().st_size > 1000
    return out


# ------------------------------------------------------------------------ the happy path


def test_enrol_then_two_reports_wait_and_synka_nu_sends_them(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext, server: LiveServer
) -> None:
    w = window
    _enrol_in_settings(qtbot, w, server.url, server.enrolment_code())
    settings = w.settings_page
    qtbot.waitUntil(lambda: "som enhet" in settings.enrol_state.text(), timeout=WAIT)
    assert "i en skyddad fil" in settings.enrol_state.text()
    assert ctx.tokens.load() is not None
    qtbot.waitUntil(lambda: "Alla rapporter skickade" in w.sync_status.words, timeout=WAIT)
    assert "senast synkad 12:00" in w.sync_status.words

    _submit(ctx, "Testrapport ett: ingen plats på härbärget")
    _submit(ctx, "Testrapport två: stängt tidigare än väntat")
    qtbot.waitUntil(lambda: w.sync_status.words.startswith("2 rapporter väntar"), timeout=WAIT)

    qtbot.mouseClick(w.sync_status, Qt.MouseButton.LeftButton)  # the indicator opens the tab
    assert w.stack.currentWidget() is w.reports_page
    assert w.nav_buttons["reports"].isChecked()
    page = w.reports_page
    qtbot.waitUntil(lambda: _card_states(w)[:2] == ["Väntar", "Väntar"], timeout=WAIT)

    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.svc.sync.busy, timeout=WAIT)
    qtbot.waitUntil(lambda: _card_states(w) == ["Skickad 12:00"] * 2, timeout=WAIT)
    qtbot.waitUntil(
        lambda: w.sync_status.words == "Alla rapporter skickade · senast synkad 12:00",
        timeout=WAIT,
    )
    assert ctx.outbox.counts()["sent"] == 2
    # the office really has them (sealed: the server cannot read them either)
    office = server.office_token()
    got = httpx.get(f"{server.api}/office/submissions", headers=bearer(office)).json()
    assert len(got["items"]) == 2


# ------------------------------------------------------------------------ trouble


def test_a_silent_server_never_freezes_the_window_and_the_reports_stay(
    qtbot: QtBot, ctx: AppContext, server: LiveServer
) -> None:
    device_id, token = server.enrol()
    silent = _silent_server()
    port = silent.getsockname()[1]
    ctx.tokens.save(Credentials(f"http://127.0.0.1:{port}", device_id, token))
    w = _window(ctx, timeout=1.5)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    try:
        _submit(ctx, "Testrapport: väntar på en server som tiger")
        _submit(ctx, "Testrapport: också den väntar")
        w.show_page("reports")
        page = w.reports_page
        qtbot.waitUntil(lambda: w.svc.sync.status is not None, timeout=WAIT)

        ticks: list[float] = []
        beat = QTimer()
        beat.setInterval(20)
        beat.timeout.connect(lambda: ticks.append(time.monotonic()))
        beat.start()
        started = time.monotonic()
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        assert w.svc.sync.busy and not page.sync_button.isEnabled()
        qtbot.waitUntil(lambda: not w.svc.sync.busy, timeout=WAIT)
        beat.stop()
        took = time.monotonic() - started
        assert took >= 1.4  # the request really waited for the client's timeout…
        gaps = [b - a for a, b in pairwise(ticks)]
        assert len(ticks) >= 30 and max(gaps) < 0.5  # …while the GUI thread kept running

        assert ctx.outbox.counts()["queued"] == 2
        status = w.sync_status.words
        assert status.startswith("2 rapporter väntar · Servern svarar inte")
        assert "försöker igen" in status
        assert "rapporterna ligger kvar i utkorgen" in page.error_text.text()
        qtbot.waitUntil(lambda: _card_states(w) == ["Väntar", "Väntar"], timeout=WAIT)
        details = [c.detail.text() for c in page.cards.values()]
        assert all(d.startswith("1 försök · senaste felet: Servern svarar inte") for d in details)
    finally:
        w.close()
        silent.close()


def test_a_stopped_server_is_named_and_the_backoff_waits(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext, server: LiveServer, clock: FixedClock
) -> None:
    w = window
    _enrol_in_settings(qtbot, w, server.url, server.enrolment_code())
    server.stop()
    _submit(ctx, "Testrapport: servern är nere")
    _submit(ctx, "Testrapport: fortfarande nere")
    runner = w.svc.sync
    ticket = runner.sync_now()
    with qtbot.waitSignal(runner.sync_finished, timeout=WAIT) as got:
        pass
    assert got.args[0] == ticket and not got.args[1].ok
    assert runner.next_attempt_at is not None and runner.schedule.failures == 1
    text = w.sync_status.words
    assert text.startswith("2 rapporter väntar · Servern svarar inte – försöker igen ")
    # the automatic timer tries again only when the backoff is over, by itself
    finished: list[object] = []
    runner.sync_finished.connect(lambda _t, r: finished.append(r))
    runner.timer.setInterval(20)
    qtbot.wait(300)
    assert finished == [] and not runner.busy  # the clock stands still: not due yet
    clock.current = runner.next_attempt_at
    with qtbot.waitSignal(runner.sync_finished, timeout=WAIT):
        pass
    assert runner.schedule.failures == 2
    assert ctx.outbox.counts()["queued"] == 2


def test_a_revoked_tablet_is_told_so_in_words(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext, server: LiveServer
) -> None:
    w = window
    _enrol_in_settings(qtbot, w, server.url, server.enrolment_code())
    device_id = ctx.tokens.load().device_id
    assert admin.revoke_device(server.app.state.db, server.app.state.clock, device_id)
    _submit(ctx, "Testrapport: efter spärren")
    _submit(ctx, "Testrapport: också efter spärren")
    w.show_page("reports")
    qtbot.mouseClick(w.reports_page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.svc.sync.busy, timeout=WAIT)
    qtbot.waitUntil(lambda: "Enheten har spärrats av kontoret" in w.sync_status.words, timeout=WAIT)
    assert "Kontakta kontoret" in w.reports_page.error_text.text()
    assert ctx.outbox.counts()["queued"] == 2


def test_not_enrolled_is_said_and_enrolment_errors_are_words(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext, server: LiveServer
) -> None:
    w = window
    w.show_page("settings")
    page = w.settings_page
    qtbot.waitUntil(lambda: "inte ansluten" in page.enrol_state.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: w.sync_status.words == "Inte ansluten till någon server", timeout=WAIT)
    # no address yet
    page.enrol_code.setText("FEL-KOD")
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    assert "Spara adress" in page.enrol_message.text()
    assert page.enrol_message.property("role") == "warning"
    # a wrong code, against the real server
    page.server_edit.setText(server.url)
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)  # saves the address first
    assert w.svc.settings.load().server_url == server.url
    qtbot.waitUntil(
        lambda: page.enrol_message.text().startswith("Anslutningen misslyckades"), timeout=WAIT
    )
    assert page.enrol_button.isEnabled()
    assert ctx.tokens.load() is None
    # nothing is listening there
    page.server_edit.setText(f"http://127.0.0.1:{_closed_port()}")
    page.enrol_code.setText(server.enrolment_code())
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Servern svarar inte" in page.enrol_message.text(), timeout=WAIT)


# ------------------------------------------------------------------------ rejected items


def test_a_rejected_report_says_why_and_can_be_tried_again(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext, server: LiveServer
) -> None:
    w = window
    _enrol_in_settings(qtbot, w, server.url, server.enrolment_code())
    uuid = _submit(ctx, "Testrapport: avvisad en gång")
    # what the client records when the server refuses an item
    ctx.outbox.take_batch(10)
    ctx.outbox.mark_rejected(uuid, "Servern tog inte emot rapporten: okänt område")
    w.show_page("reports")
    page = w.reports_page
    page.refresh()
    card = page.cards[uuid]
    assert card.state.text() == "Avvisad: Servern tog inte emot rapporten: okänt område"
    assert card.retry is not None
    qtbot.waitUntil(card.retry.isVisible)  # new cards show on the next turn of the loop
    qtbot.waitUntil(lambda: "1 avvisad" in w.sync_status.words, timeout=WAIT)
    qtbot.mouseClick(card.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.outbox.counts()["sent"] == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: _card_states(w) == ["Skickad 12:00"], timeout=WAIT)


# ------------------------------------------------------------------------ end of shift


def test_end_of_shift_lists_what_stays_and_why_then_clears_the_search(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext, server: LiveServer, tmp_path: Path
) -> None:
    w = window
    _enrol_in_settings(qtbot, w, server.url, server.enrolment_code())
    _submit(ctx, "Testrapport: skickas innan servern går ner")
    w.show_page("reports")
    qtbot.mouseClick(w.reports_page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.outbox.counts()["sent"] == 1, timeout=WAIT)
    server.stop()
    _submit(ctx, "Testrapport: stannar på plattan", kind="observation")
    _submit(ctx, "Testrapport: stannar också")
    ctx.drafts.save({"kind": "solution", "text": "Ett halvfärdigt utkast"})

    w.show_page("search")
    w.search_page.filters.search.setText("sover ute")
    w.svc.state.update(text="sover ute", groups=("group.youth",))
    w.show_page("reports")
    qtbot.mouseClick(w.reports_page.end_button, Qt.MouseButton.LeftButton)
    dialog = w.reports_page.end_shift_dialog
    assert isinstance(dialog, EndShiftDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.done_syncing, timeout=WAIT)
    assert dialog.heading.text() == "2 rapporter ligger kvar på surfplattan"
    texts = [lab.text() for lab in dialog.findChildren(type(dialog.heading))]
    assert any(t.startswith("Varför: Servern svarar inte") for t in texts)
    assert "Väntar (2)" in texts
    assert (
        dialog.drafts_row.isVisible() and "utkast har inte skickats" in dialog.drafts_label.text()
    )
    assert dialog.retry_button.isVisible()
    for target in _targets(dialog):
        assert target.height() >= 48 and target.width() >= 48, target.accessibleName()
        assert target.accessibleName()
    assert dialog.progress_text.text() == "Inga rapporter kunde skickas nu."
    for _ in range(3):
        QApplication.processEvents()
    _shoot(dialog, tmp_path, "end-of-shift")

    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.search_page
    assert w.search_page.filters.search.text() == ""
    assert w.svc.state.query.text == "" and w.svc.state.query.groups == ()
    assert ctx.outbox.counts()["queued"] == 2  # nothing was thrown away


def test_end_of_shift_when_everything_goes(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext, server: LiveServer
) -> None:
    w = window
    _enrol_in_settings(qtbot, w, server.url, server.enrolment_code())
    _submit(ctx, "Testrapport: sista för natten")
    _submit(ctx, "Testrapport: allra sista")
    w.show_page("reports")
    qtbot.mouseClick(w.reports_page.end_button, Qt.MouseButton.LeftButton)
    dialog = w.reports_page.end_shift_dialog
    assert isinstance(dialog, EndShiftDialog)
    qtbot.waitUntil(lambda: dialog.done_syncing, timeout=WAIT)
    assert dialog.heading.text() == "Allt är skickat"
    assert dialog.progress_text.text() == "2 rapporter skickades nu."
    assert not dialog.drafts_row.isVisible() and not dialog.retry_button.isVisible()
    qtbot.keyClick(dialog.done_button, Qt.Key.Key_Space)
    assert w.stack.currentWidget() is w.search_page


# ------------------------------------------------------------------------ the page itself


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)])
def test_reports_page_targets_are_touch_sized_and_named(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, size: tuple[int, int]
) -> None:
    w = _window(ctx, synchronous=True)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    try:
        uuid = _submit(ctx, "Testrapport: avvisad", kind="correction")
        ctx.outbox.take_batch(10)
        ctx.outbox.mark_rejected(uuid, "Servern tog inte emot rapporten: för stor")
        _submit(ctx, "Testrapport: väntar")
        ctx.drafts.save({"kind": "unsolved", "text": "Utkast"})
        w.show_page("reports")
        qtbot.waitUntil(lambda: w.svc.sync.status is not None, timeout=WAIT)
        QApplication.processEvents()
        page = w.reports_page
        assert page.drafts_row.isVisible()
        assert w.sync_status.height() >= 48
        assert w.sync_status.accessibleName().startswith(
            "Synkstatus: Inte ansluten till någon server"
        )
        for target in _targets(page):
            assert target.height() >= 48 and target.width() >= 48, target.accessibleName()
            assert target.accessibleName(), type(target).__name__
        nav = w.nav_buttons["reports"]
        assert nav.text() == "Rapporter" and list(w.nav_buttons)[3] == "reports"
        qtbot.keyClick(w, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
        assert w.stack.currentWidget() is page
        for theme in ("day", "night"):
            w.svc.theme.set(theme, 0, ctx.clock.now())
            QApplication.processEvents()
            _shoot(w, tmp_path, f"reports-{theme}-{size[0]}x{size[1]}")
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
        assert w.stack.currentWidget() is not page  # the report form opened
    finally:
        w.close()


# ------------------------------------------------------------------------ the whole loop


def test_a_report_written_in_the_form_reaches_the_office_readable_only_with_its_key(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext, server: LiveServer
) -> None:
    """Form → Skicka → "1 rapport väntar" → Synka nu → "Skickad" → the office opens it."""
    w = window
    _enrol_in_settings(qtbot, w, server.url, server.enrolment_code())
    qtbot.waitUntil(lambda: "Alla rapporter skickade" in w.sync_status.words, timeout=WAIT)

    w.open_report({"kind": "unsolved", "needs": ["need.shelter-tonight"]})
    page = w.report_page
    text = "Ung kvinna utan sovplats vid Plattan, Nattjouren var full."
    page.text_edit.setPlainText(text)
    page.flush()
    assert page.send_button.isEnabled()
    with qtbot.waitSignal(page.submitted, timeout=WAIT):  # sealed and queued on the worker
        qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    assert ctx.outbox.counts()["queued"] == 1 and ctx.drafts.list() == []
    qtbot.waitUntil(lambda: w.sync_status.words.startswith("1 rapport väntar"), timeout=WAIT)

    w.show_page("reports")
    qtbot.waitUntil(lambda: _card_states(w) == ["Väntar"], timeout=WAIT)
    qtbot.mouseClick(w.reports_page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _card_states(w) == ["Skickad 12:00"], timeout=WAIT)
    qtbot.waitUntil(  # the indicator follows with the status read after the sync
        lambda: w.sync_status.words == "Alla rapporter skickade · senast synkad 12:00",
        timeout=WAIT,
    )
    # nothing readable is left on the tablet
    assert ctx.device_db.query("SELECT sealed FROM outbox")[0][0] is None

    office = server.office_token()
    [item] = httpx.get(f"{server.api}/office/submissions", headers=bearer(office)).json()["items"]
    blob = base64.b64decode(item["sealed"])
    keys = json.loads((Path(__file__).parents[1] / "fixtures" / "dev_keys.json").read_text())
    envelope = open_sealed(blob, keys["sealing_private"])
    assert envelope["report"]["text"] == text
    assert envelope["report"]["needs"] == ["need.shelter-tonight"]
    with pytest.raises(SealError):  # the area's public key (all a tablet has) cannot open it
        open_sealed(blob, keys["sealing_public"])


def test_a_signed_release_pulled_by_the_window_updates_what_it_shows(
    qtbot: QtBot, ctx: AppContext, server: LiveServer
) -> None:
    """The GUI's worker applies the release on its own catalogue connection; the window's
    reader sees the new catalogue after the commit, and the status bar says so."""
    keys = json.loads((Path(__file__).parents[1] / "fixtures" / "dev_keys.json").read_text())
    docs = ctx.catalogue.release_docs("klara")
    service = docs["services.json"]["services"][0]
    service["name"] = "Nytt namn från kontoret"
    manifest = make_manifest("klara", 1, docs, "2026-11-23T12:00:00+01:00")
    body = {
        "manifest": manifest,
        "signature": sign_manifest(manifest, keys["signing_private"]),
        "documents": docs,
    }
    office = bearer(server.office_token())
    server.register_area_key("klara")
    assert httpx.post(f"{server.api}/office/releases", json=body, headers=office).status_code == 201

    application()
    w = FieldWindow(build_services(ctx, "klara"))  # the real factory: its own catalogue handle
    qtbot.addWidget(w)
    w.show()
    before = w.svc.state.area.catalogue_version
    try:
        _enrol_in_settings(qtbot, w, server.url, server.enrolment_code())  # first sync pulls
        qtbot.waitUntil(
            lambda: "Katalogen är uppdaterad" in w.statusBar().currentMessage(), timeout=WAIT
        )
        assert w.svc.state.area.catalogue_version == before + 1
        sid = f"klara/{service['key']}"
        assert w.svc.reader.service(sid).name == "Nytt namn från kontoret"
        assert ctx.catalogue.release_version("klara") == 1
    finally:
        w.close()


# ------------------------------------------------------------------------ said once and right


def _broken_urls(lab: QLabel, widths: range) -> list[tuple[int, str]]:
    """(width, line) wherever the label's own wrapping would end a line inside a URL."""
    from PySide6.QtGui import QTextLayout, QTextOption

    text = lab.text()
    plain = text.replace("\u2060", "")
    spans = [(m.start(), m.end()) for m in re.finditer(r"https?://[^\s()]+", plain)]
    assert spans, plain
    broken = []
    for width in widths:
        layout = QTextLayout(text, lab.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        ends = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            ends.append((line.textStart() + line.textLength(), line))
        layout.endLayout()
        for end, _line in ends[:-1]:
            at = len(text[:end].replace("\u2060", ""))  # the break in the visible text
            if any(start < at < stop for start, stop in spans):
                broken.append((width, text[:end].replace("\u2060", "")))
    return broken


def test_a_server_address_in_the_failure_never_wraps_mid_url(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext, server: LiveServer
) -> None:
    w = window
    _enrol_in_settings(qtbot, w, server.url, server.enrolment_code())
    server.stop()
    _submit(ctx, "Testrapport: servern är borta")
    w.show_page("reports")
    qtbot.mouseClick(w.reports_page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.svc.sync.busy, timeout=WAIT)
    error = w.reports_page.error_text
    qtbot.waitUntil(lambda: "Servern svarar inte" in error.text(), timeout=WAIT)
    assert "127.0.0.1" in error.text().replace("\u2060", "")
    assert error.wordWrap()
    assert _broken_urls(error, range(120, 700, 7)) == []


def test_synka_nu_not_enrolled_says_so_and_opens_enrolment(
    qtbot: QtBot, window: FieldWindow
) -> None:
    w = window
    w.show_page("reports")
    page = w.reports_page
    qtbot.waitUntil(lambda: w.svc.sync.status is not None, timeout=WAIT)
    page.refresh()
    assert "inte ansluten" in page.sync_text.text()
    assert page.enrol_button.isVisible()
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.settings_page
    assert QApplication.focusWidget() is w.settings_page.enrol_code
    assert not w.svc.sync.busy  # no sync that could only fail


def test_end_of_shift_with_a_draft_does_not_say_everything_is_sent(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext, server: LiveServer
) -> None:
    w = window
    _enrol_in_settings(qtbot, w, server.url, server.enrolment_code())
    _submit(ctx, "Testrapport: skickas")
    w.svc.drafts.save({"kind": "unsolved", "text": "Ett utkast som aldrig skickades"})
    w.show_page("reports")
    qtbot.mouseClick(w.reports_page.end_button, Qt.MouseButton.LeftButton)
    dialog = w.reports_page.end_shift_dialog
    assert isinstance(dialog, EndShiftDialog)
    qtbot.waitUntil(lambda: dialog.done_syncing, timeout=WAIT)
    assert dialog.heading.text() != "Allt är skickat"
    shown = [
        lab.text() for lab in dialog.findChildren(QLabel) if lab.isVisibleTo(dialog) and lab.text()
    ]
    assert sum("utkast" in t.lower() for t in shown) == 1, shown
    assert dialog.drafts_label.text() == "1 utkast har inte skickats."
    assert dialog.progress_text.text() == "1 rapport skickades nu."


@pytest.mark.parametrize("step", [0, 2])
def test_the_sync_indicator_is_cut_with_an_ellipsis_never_clipped_in_portrait(
    qtbot: QtBot, window: FieldWindow, ctx: AppContext, server: LiveServer, step: int
) -> None:
    """Portrait at the largest text: long sync words end in "…" inside the status bar; the
    count of waiting reports stays readable; the whole words are in the accessible name."""
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    w = window
    _enrol_in_settings(qtbot, w, server.url, server.enrolment_code())
    server.stop()
    _submit(ctx, "Testrapport: servern är nere")
    with qtbot.waitSignal(w.svc.sync.sync_finished, timeout=WAIT):
        w.svc.sync.sync_now()
    w.svc.theme.set("night", step, ctx.clock.now())
    w.resize(800, 1280)
    qtbot.waitUntil(lambda: w.width() == 800, timeout=WAIT)
    QApplication.processEvents()
    b = w.sync_status
    words = b.words
    assert words.startswith("1 rapport väntar · Servern svarar inte")
    bar = w.statusBar()
    assert b.geometry().left() >= 0 and b.geometry().right() <= bar.width()
    shown = b.text()
    opt = QStyleOptionButton()
    b.initStyleOption(opt)
    pad = (
        b.style()
        .sizeFromContents(
            QStyle.ContentsType.CT_PushButton, opt, QSize(0, b.fontMetrics().height()), b
        )
        .width()
    )
    assert b.fontMetrics().horizontalAdvance(shown) <= b.width() - pad
    assert shown == words or (shown.endswith("…") and words.startswith(shown[:-1]))
    assert shown.startswith("1 rapport")
    assert words in b.accessibleName()
    w.resize(1920, 1080)
    qtbot.waitUntil(lambda: w.width() == 1920, timeout=WAIT)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: b.text() == words, timeout=WAIT)  # room again: the words whole
