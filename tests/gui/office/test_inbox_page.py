"""The Rapporter page on the real server: opened with the key file's passphrase, rows loaded
a batch at a time, many reports set to one state with one comment, saved filters; and the
screenshots (the list, one report's history) in Swedish and English."""

from __future__ import annotations

import base64
import json
import os
import tempfile
import uuid as uuidlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.core.clock import FixedClock
from kompassen.core.report import Report
from kompassen.gui.office.inbox import model as inbox_model
from kompassen.gui.office.inbox.page import InboxPage
from kompassen.gui.office.window import OfficeWindow
from kompassen.gui.theme import Theme
from kompassen.reports.keys import OfficeKeys, write_key_file
from kompassen.reports.sealing import seal
from serverutil import LiveServer, bearer

REPO = Path(__file__).resolve().parents[3]
DEV = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
KEYS = OfficeKeys(
    DEV["sealing_private"], DEV["sealing_public"], DEV["signing_private"], DEV["signing_public"]
)


def submit(server: LiveServer, token: str, text: str) -> str:
    report = Report(
        kind="unsolved",
        area_id="klara",
        occurred_at="2026-11-23T23:10:00+01:00",
        text=text,
        place_text="vid trappan",
        landmark_id="sergels-torg",
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


SHOTS = Path(os.environ.get("KOMPASSEN_SHOTS") or Path(tempfile.gettempdir()) / "kompassen-shots")
PASSPHRASE = "korrekt hast batteri"
TEXTS = [
    "Kvinna utan mat vid Klarabergsgatan",
    "Ingen sovplats ikvall for ett par",
    "Man behover prata med nagon om spel",
]


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPASSEN_KEYRING", "0")


@pytest.fixture
def translated(lang: str, signed_in: OfficeWindow) -> Iterator[str]:
    """The app's translations in ``lang`` while the test runs (the English screenshots),
    installed after the window's own, so they are asked first."""
    from kompassen.gui.i18n import Translations

    t = Translations()
    assert t.set_language(lang)
    yield lang
    t.uninstall()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_open_bulk_state_saved_filters_and_shots(
    translated: str,
    signed_in: OfficeWindow,
    server: LiveServer,
    ctx: AppContext,
    clock: FixedClock,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    monkeypatch.setattr(inbox_model, "BATCH", 2)  # three reports: two batches
    server.register_area_key("klara")
    _, tablet = server.enrol("Platta A")
    for text in TEXTS:
        submit(server, tablet, text)
    key_file = tmp_path / "office-keys.json"
    write_key_file(key_file, KEYS, PASSPHRASE, strength="interactive")

    page = InboxPage(
        signed_in.session, "klara", ctx.paths.data_dir, clock, key_file=key_file, lang=lang
    )
    qtbot.addWidget(page)
    page.resize(1600, 900)
    page.show()
    today = clock.now().date()  # the period's default comes from the injected clock
    assert page.filters.until.date().toPython() == today
    assert (today - page.filters.since.date().toPython()).days == 30
    assert not page.state_button.isEnabled()  # nothing open yet

    asked: list[list[int]] = []
    page.model.need_rows.connect(asked.append)

    # the passphrase dialog opens the key file; the reports are fetched and listed
    page.open_reports()
    dialog = page.passphrase_dialog
    assert dialog is not None and dialog.path.text() == str(key_file)
    dialog.passphrase.insert(PASSPHRASE)
    dialog.submit()
    qtbot.waitUntil(lambda: page.model.total == 3, timeout=30_000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=20_000)  # as the view asks
    assert [len(b) for b in asked] == [2, 1]  # a batch at a time
    assert page.count.text().startswith("3")
    # the landmark by its name from the catalogue, then the worker's own words for the place
    from kompassen.gui.office.inbox.model import COLUMNS

    place = page.model.index(0, COLUMNS.index("place")).data()
    assert place == "Sergels torg – vid trappan", place
    box = page.filters.place
    assert box.itemText(box.findData("sergels-torg")) == "Sergels torg"

    # many rows, one state, one comment
    page.table.selectAll()
    assert len(page.selected_ids()) == 3
    page.ask_state()
    sd = page.state_dialog
    assert sd is not None and sd.count == 3
    sd.state.setCurrentIndex(sd.state.findData("needs_info"))
    sd.comment.setPlainText("Vantar pa uppgifter fran natten")
    assert not sd.link_id.isEnabled() and sd.link() is None
    sd.link_kind.setCurrentIndex(sd.link_kind.findData("service"))
    sd.link_id.setText("clara-matutdelning")
    assert sd.link() == ("service", "clara-matutdelning")
    sd.accept()
    qtbot.waitUntil(
        lambda: all(
            (r := page.model.report(i)) is not None and r.state == "needs_info" for i in range(3)
        ),
        timeout=30_000,
    )
    page.select_rows([0])
    qtbot.waitUntil(lambda: page.detail.history.topLevelItemCount() == 1, timeout=20_000)
    assert page.detail.history.topLevelItem(0).child(0).text(0) == "Vantar pa uppgifter fran natten"
    assert page.detail.history.topLevelItem(0).text(3) == "service: clara-matutdelning"

    # a saved filter: words in the text; chosen again after clearing; deleted
    page.filters.text.setText("sovplats")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=20_000)
    page.filters.name.setText("Sovplats")
    page.filters.save_button.click()
    qtbot.waitUntil(lambda: page.filters.saved.count() == 1, timeout=20_000)
    page.filters.text.clear()
    qtbot.waitUntil(lambda: page.model.total == 3, timeout=20_000)
    page.filters.saved.setCurrentIndex(0)
    page.filters.saved.activated.emit(0)
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=20_000)
    assert page.filters.text.text() == "sovplats"

    SHOTS.mkdir(parents=True, exist_ok=True)
    Theme("day").set("day", 0, clock.now())
    page.filters.text.clear()
    qtbot.waitUntil(lambda: page.model.total == 3, timeout=20_000)
    qtbot.waitUntil(lambda: page.model.rowCount() >= 2, timeout=20_000)
    QApplication.processEvents()
    page.grab().save(str(SHOTS / f"office_inbox_{lang}.png"))
    page.select_rows([0])
    qtbot.waitUntil(lambda: page.detail.history.topLevelItemCount() == 1, timeout=20_000)
    page.detail.grab().save(str(SHOTS / f"office_report_history_{lang}.png"))

    page.filters.delete_button.click()
    qtbot.waitUntil(lambda: page.filters.saved.count() == 0, timeout=20_000)
    page.close_workers()
