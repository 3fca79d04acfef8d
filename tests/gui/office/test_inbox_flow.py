"""The report inbox end to end against the real server on 127.0.0.1: a tablet submits a
sealed report → the office window opens it with the area's key → triages it (a sealed
comment) → "Gör en lösning av detta" makes a guide in the editor → publish → the linked report
is solved and the signed answer is on the server for that tablet only."""

from __future__ import annotations

import base64
import json
import uuid as uuidlib
from pathlib import Path

import httpx
import pytest
from pytestqt.qtbot import QtBot

from kompassen.core.report import Report
from kompassen.gui.office.editor.page import CatalogueEditorPage
from kompassen.gui.office.inbox.page import InboxPage
from kompassen.gui.office.publish_page import PublishPage
from kompassen.gui.office.window import OfficeWindow
from kompassen.reports import answers
from kompassen.reports.keys import OfficeKeys
from kompassen.reports.sealing import seal
from serverutil import OFFICE_NAME, LiveServer, bearer

REPO = Path(__file__).resolve().parents[3]
DEV = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
KEYS = OfficeKeys(
    DEV["sealing_private"], DEV["sealing_public"], DEV["signing_private"], DEV["signing_public"]
)
WORDS = "Ingen sovplats for en man i sextioarsaldern vid Plattan"


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPASSEN_KEYRING", "0")


def submit(server: LiveServer, token: str, text: str) -> str:
    report = Report(
        kind="unsolved",
        area_id="klara",
        occurred_at="2026-11-23T23:10:00+01:00",
        text=text,
        place_text="Plattan",
        needs=("need.shelter-tonight",),
        groups=(),
    )
    u = str(uuidlib.uuid4())
    blob = seal(report, u, KEYS.sealing_public, "2026-11-23T23:15:00+01:00")
    item = {
        "uuid": u,
        "area_id": "klara",
        "created_at": "2026-11-23T23:15:00+01:00",
        "sealed": base64.b64encode(blob).decode(),
    }
    r = httpx.post(f"{server.api}/submissions", headers=bearer(token), json={"items": [item]})
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["status"] == "stored"
    return u


def test_report_to_solution_to_answer(
    signed_in: OfficeWindow, server: LiveServer, qtbot: QtBot, tmp_path: Path
) -> None:
    server.register_area_key("klara")
    _, tablet = server.enrol("Platta A")
    _, other = server.enrol("Platta B")
    sent = submit(server, tablet, WORDS)

    window = signed_in
    window.resize(1600, 900)
    window.show()
    page = window.show_page("inbox")
    assert isinstance(page, InboxPage)
    page.keeper.keep(KEYS, tmp_path / "office-keys.json")  # as the passphrase dialog would
    page.open_reports()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: page.detail.report is not None)
    report = page.detail.report
    assert report is not None and report.text == WORDS and report.state == "new"
    assert "Plattan" in page.detail.body.text()

    # triage: in progress, with a comment only the office reads
    page.change_state(page.selected_ids(), "in_progress", "Ringt natthärbärget")
    qtbot.waitUntil(lambda: page.detail.history.topLevelItemCount() == 1, timeout=20_000)
    item = page.detail.history.topLevelItem(0)
    assert item.text(1) == OFFICE_NAME and item.child(0).text(0) == "Ringt natthärbärget"

    # "Gör en lösning av detta": a new guide in the editor, the report linked to it
    assert page.solution_button.isEnabled()
    page.solution_button.click()
    editor = window.page("catalogue")
    assert isinstance(editor, CatalogueEditorPage)
    qtbot.waitUntil(
        lambda: editor.session is not None and editor.kind == "guides" and bool(editor.record_id),
        timeout=20_000,
    )
    key = editor.record_id
    assert key is not None and editor.session is not None
    assert editor.session.record("guides", key)["problem"]["sv"].startswith("Ingen sovplats")
    qtbot.waitUntil(lambda: page.detail.history.topLevelItemCount() == 2, timeout=20_000)
    assert page.detail.history.topLevelItem(1).text(3) == f"guide: {key}"
    assert editor.session.dirty
    editor.save()
    qtbot.waitUntil(lambda: editor.message.text() != "Sparar…", timeout=20_000)
    assert "Sparat" in editor.message.text(), editor.message.text()

    # publish (the keys are the window's, shared with the inbox): the report becomes solved
    publish = window.show_page("publish")
    assert isinstance(publish, PublishPage)
    assert publish.keeper is page.keeper
    publish.refresh()
    qtbot.waitUntil(lambda: publish.preview is not None, timeout=30_000)
    assert publish.preview is not None and not publish.preview.errors, publish.preview.errors
    with qtbot.waitSignal(publish.published, timeout=30_000):
        publish.publish()
    qtbot.waitUntil(lambda: "1 rapport blev löst" in page.message.text(), timeout=30_000)
    qtbot.waitUntil(lambda: page.model.total == 0)  # "Alla öppna": a solved one is not open
    page.filters.state.setCurrentIndex(page.filters.state.findData("solved"))
    qtbot.waitUntil(
        lambda: (r := page.model.report(0)) is not None and r.state == "solved", timeout=30_000
    )

    # the reporting tablet's answer is on the server; the other tablet has none
    got = httpx.get(f"{server.api}/device/answers", headers=bearer(tablet))
    assert got.status_code == 200, got.text
    last = got.json()["items"][-1]
    a = answers.verify(last["payload"], last["signature"], KEYS.signing_public)
    assert a.uuid == sent and a.state == "solved" and a.guide_id == key
    assert httpx.get(f"{server.api}/device/answers", headers=bearer(other)).json()["items"] == []
