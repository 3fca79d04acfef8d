"""Issue #18, the whole loop with real parts on 127.0.0.1: a tablet (its own device.db, Klara
installed, a real SyncClient) sends a report from its outbox → the office window opens it with
the area's key, triages it and makes "Gör en lösning av detta" → publish → the tablet syncs: it
pulls the release with the new solution and its Rapporter tab says "Blev en lösning: …"; a
second enrolled tablet syncs and has no answer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext, build
from kompassen.core.clock import FixedClock
from kompassen.core.report import Report
from kompassen.gui.field.services import build_services
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.i18n import Translations
from kompassen.gui.office.editor.page import CatalogueEditorPage
from kompassen.gui.office.inbox.page import InboxPage
from kompassen.gui.office.launch import build_office_window
from kompassen.gui.office.publish_page import PublishPage
from kompassen.gui.office.session import SignedIn
from kompassen.gui.office.window import OfficeWindow
from kompassen.gui.theme import Theme
from kompassen.reports.keys import OfficeKeys
from kompassen.server import admin
from serverutil import OFFICE_NAME, OFFICE_PASSWORD, LiveServer

REPO = Path(__file__).resolve().parents[2]
DEV = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
KEYS = OfficeKeys(
    DEV["sealing_private"], DEV["sealing_public"], DEV["signing_private"], DEV["signing_public"]
)
WORDS = "Ingen sovplats for en kvinna i fyrtioarsaldern vid Sergels torg"


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPASSEN_KEYRING", "0")


@pytest.fixture
def server(tmp_path: Path, clock: FixedClock) -> Iterator[LiveServer]:
    """The real server on 127.0.0.1 with an office administrator (as tests/gui/office)."""
    with LiveServer(clock=clock) as live:
        live.start(tmp_path / "server.db")
        admin.set_office_user(live.app.state.db, live.app.state.clock, OFFICE_NAME, OFFICE_PASSWORD)
        yield live


@pytest.fixture
def signed_in(ctx: AppContext, server: LiveServer, qtbot: QtBot) -> Iterator[OfficeWindow]:
    """The office window on Klara (Swedish), signed in to ``server``."""
    window = build_office_window(ctx, "klara", lang="sv")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.session.signed_in, timeout=20_000) as blocker:
        window.session.sign_in(server.url, OFFICE_NAME, OFFICE_PASSWORD)
    assert isinstance(blocker.args[0], SignedIn)
    yield window
    window.close_workers()


def _tablet(tmp_path: Path, clock: FixedClock, name: str) -> AppContext:
    """A second device home: its own device.db and catalogue, the bundled areas installed."""
    home = tmp_path / name
    home.mkdir()
    return build({"KOMPASSEN_HOME": str(home)}, clock)


@pytest.fixture
def tablets(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[AppContext, AppContext]]:
    a, b = _tablet(tmp_path, clock, "platta-a"), _tablet(tmp_path, clock, "platta-b")
    yield a, b
    a.close()
    b.close()


def _enrol(device: AppContext, server: LiveServer, name: str) -> None:
    client = device.sync_client(timeout=20.0)
    try:
        client.enrol(server.url, server.enrolment_code(), name)
    finally:
        client.close()


def _field_window(device: AppContext) -> FieldWindow:
    theme = Theme("day", 0)
    translations = Translations()
    translations.set_language("sv")
    svc = build_services(
        device,
        "klara",
        synchronous=True,
        theme=theme,
        translations=translations,
        sync_factory=partial(device.sync_client, timeout=20.0),
    )
    theme.apply(device.clock.now(), force=True)
    return FieldWindow(svc)


def test_a_report_comes_back_to_its_tablet_as_a_solution(
    signed_in: OfficeWindow,
    server: LiveServer,
    tablets: tuple[AppContext, AppContext],
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    server.register_area_key("klara")
    reporter, other = tablets
    _enrol(reporter, server, "Platta A")
    _enrol(other, server, "Platta B")

    # the tablet: a report sealed to the area's key in its outbox, sent at a sync
    area = reporter.catalogue.reader.area("klara")
    report = Report(
        kind="unsolved",
        area_id="klara",
        occurred_at=reporter.clock.now().isoformat(timespec="seconds"),
        text=WORDS,
        place_text="Sergels torg",
        needs=("need.shelter-tonight",),
    )
    sent = reporter.outbox.submit(report, area.sealing_public_key)
    field = _field_window(reporter)
    qtbot.addWidget(field)
    field.resize(600, 1000)
    field.show()
    with qtbot.waitSignal(field.svc.sync.sync_finished, timeout=20_000) as done:
        field.svc.sync.sync_now()
    first = done.args[1]
    assert first.ok and first.sent == 1, first
    assert reporter.outbox.answers() == {}

    # the office: open with the key, triage, "Gör en lösning av detta", save, publish
    window = signed_in
    window.resize(1600, 900)
    window.show()
    page = window.show_page("inbox")
    assert isinstance(page, InboxPage)
    page.keeper.keep(KEYS, tmp_path / "office-keys.json")  # as the passphrase dialog would
    page.open_reports()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: page.detail.report is not None)
    opened = page.detail.report
    assert opened is not None and opened.text == WORDS and opened.state == "new"
    page.change_state(page.selected_ids(), "in_progress", "Ringt natthärbärget")
    qtbot.waitUntil(lambda: page.detail.history.topLevelItemCount() == 1, timeout=20_000)
    page.solution_button.click()
    editor = window.page("catalogue")
    assert isinstance(editor, CatalogueEditorPage)
    qtbot.waitUntil(
        lambda: editor.session is not None and editor.kind == "guides" and bool(editor.record_id),
        timeout=20_000,
    )
    key = editor.record_id
    assert key is not None
    qtbot.waitUntil(lambda: page.detail.history.topLevelItemCount() == 2, timeout=20_000)
    editor.save()
    qtbot.waitUntil(lambda: editor.message.text() != "Sparar…", timeout=20_000)
    assert "Sparat" in editor.message.text(), editor.message.text()
    publish = window.show_page("publish")
    assert isinstance(publish, PublishPage)
    publish.refresh()
    qtbot.waitUntil(lambda: publish.preview is not None, timeout=30_000)
    assert publish.preview is not None and not publish.preview.errors, publish.preview.errors
    with qtbot.waitSignal(publish.published, timeout=30_000):
        publish.publish()
    qtbot.waitUntil(lambda: "av släppet" in page.message.text(), timeout=30_000)
    assert page.message.text() == "1 rapport blev löst av släppet.", page.message.text()

    # the tablet syncs: the release with the new solution, and the signed answer
    guide_id = f"klara/{key}"  # the catalogue's id of the editor's key
    assert guide_id not in {g.id for g in reporter.catalogue.reader.guides("klara")}
    with qtbot.waitSignal(field.svc.sync.sync_finished, timeout=30_000) as done:
        field.svc.sync.sync_now()
    second = done.args[1]
    assert second.ok, second
    assert [a for a, _ in second.catalogue_updates] == ["klara"], second
    assert second.answers == 1, second
    guide = next(g for g in reporter.catalogue.reader.guides("klara") if g.id == guide_id)
    assert guide.problem.sv.startswith("Ingen sovplats"), guide.problem
    answer = reporter.outbox.answers()[sent]
    assert answer.state == "solved" and answer.guide_id == key  # the editor's key, no area
    field.show_page("reports")
    field.reports_page.refresh()
    QApplication.processEvents()
    card = field.reports_page.cards[sent]
    assert card.answer_label.isVisible()
    assert card.answer_label.text() == f"Blev en lösning: {guide.title.sv}", (
        card.answer_label.text()
    )
    field.grab().save(str(tmp_path / "reports-answered.png"))

    # the other tablet gets the release but no answer
    client = other.sync_client(timeout=20.0)
    try:
        got = client.sync(["klara"])
    finally:
        client.close()
    assert got.ok and got.answers == 0, got
    assert [a for a, _ in got.catalogue_updates] == ["klara"], got
    assert guide_id in {g.id for g in other.catalogue.reader.guides("klara")}
    assert other.outbox.answers() == {}
    field.close()
