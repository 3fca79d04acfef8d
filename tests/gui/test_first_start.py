"""First start on a new tablet (issue #16): the shipped packs install off the GUI thread with a
progress bar while typing goes on, then the field window searches what was typed; the office's
enrolment code or QR content is taken on the first screen, against the real server."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kompassen.device.paths import bundled_areas_dir, resolve_paths
from kompassen.device.settings import SettingsStore
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.first_start import EnrolStrip, FirstStart
from kompassen.gui.launch import Launch
from kompassen.sync.enrol_uri import make_uri
from kompassen.sync.tokens import TokenStore
from serverutil import LiveServer

WAIT_MS = 60_000


class Heartbeat:
    """A 5 ms timer on the GUI thread: the longest gap between its ticks is how long the event
    loop was blocked (while ``during()`` holds)."""

    def __init__(self, during: object) -> None:
        self.during = during
        self.last: float | None = None
        self.gaps: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        if not callable(self.during) or not self.during():
            self.last = None
            return
        if self.last is not None:
            self.gaps.append(now - self.last)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        return max(self.gaps, default=0.0)


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPASSEN_KEYRING", "0")


def _launch(env: dict[str, str]) -> tuple[Launch, list[FieldWindow]]:
    ready: list[FieldWindow] = []
    return Launch(env, None, ready=ready.append), ready


def _first(started: Launch) -> FirstStart:
    assert started.first_start is not None
    return started.first_start


def _installing(started: Launch) -> bool:
    return started.first_start is not None and not started.first_start.finished


def test_a_new_tablet_installs_with_a_progress_bar_and_keeps_what_was_typed(
    qtbot: QtBot, home: Path
) -> None:
    typed: list[str] = []
    started: Launch

    def type_while_installing() -> None:
        if _installing(started) and not typed:
            qtbot.keyClicks(started.start.search, "sover")
            typed.append(started.start.search.text())
        elif not typed and started.window is None:
            QTimer.singleShot(2, type_while_installing)

    QTimer.singleShot(0, type_while_installing)
    started, ready = _launch({"KOMPASSEN_HOME": str(home)})
    beat = Heartbeat(lambda: _installing(started))
    try:
        qtbot.waitUntil(lambda: started.first_start is not None, timeout=WAIT_MS)
        first = _first(started)
        # shown in the loop turn after the install starts (a loaded machine may poll between)
        qtbot.waitUntil(lambda: first.progress.isVisible(), timeout=WAIT_MS)
        assert not started.start.status.isVisible()
        qtbot.waitUntil(lambda: bool(ready), timeout=WAIT_MS)
        blocked = beat.stop()
        values = first.progress.values
        # the bar rose step by step to full, never backwards
        assert len(values) >= 2 and values == sorted(values) and values[-1] == 1000, values
        assert blocked < 0.100, f"the event loop was blocked {blocked * 1000:.0f} ms"
        assert len(beat.gaps) > 10  # the heartbeat really ran during the install
        assert typed == ["sover"]
        window = ready[0]
        assert window.search_page.filters.search.text() == "sover"
        assert started.start.focusWidget() is window.search_page.filters.search
        qtbot.waitUntil(
            lambda: (
                window.search_page.result is not None
                and window.search_page.result.query.text == "sover"
            ),
            timeout=WAIT_MS,
        )
        assert window.search_page.result.total > 0
        assert started.broken_packs is None
        # every shipped pack is installed
        assert {a.id for a in started.ctx.catalogue.reader.areas()} == {
            p.name for p in bundled_areas_dir().iterdir() if (p / "area.json").is_file()
        }
    finally:
        beat.stop()
        started.close()


def test_the_second_start_installs_nothing_and_offers_no_strip(qtbot: QtBot, home: Path) -> None:
    started, ready = _launch({"KOMPASSEN_HOME": str(home)})
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=WAIT_MS)
        assert started.first_start is not None
    finally:
        started.close()
    again, ready = _launch({"KOMPASSEN_HOME": str(home)})
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=WAIT_MS)
        assert again.first_start is None and again.start.menuWidget() is None
    finally:
        again.close()


@pytest.mark.parametrize("damage", ["broken json", "a folder, not a file"])
def test_a_damaged_shipped_pack_is_said_in_words_and_the_rest_installs(
    qtbot: QtBot, home: Path, tmp_path: Path, damage: str
) -> None:
    packs = Path(shutil.copytree(bundled_areas_dir(), tmp_path / "packs"))
    services = packs / "vastra-sodermalm" / "services.json"
    if damage == "broken json":
        services.write_text('{"services": [', encoding="utf-8")
    else:
        services.unlink()
        services.mkdir()  # unreadable as a file, even for root
    started, ready = _launch({"KOMPASSEN_HOME": str(home), "KOMPASSEN_BUNDLED_AREAS": str(packs)})
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=WAIT_MS)
        assert _first(started).progress.values[-1] == 1000
        box = started.broken_packs
        assert box is not None and "vastra-sodermalm" in box.informativeText()
        assert "Traceback" not in box.informativeText()
        assert ready[0].svc.state.area.id == "klara"
        box.accept()
    finally:
        started.close()


# ---------------------------------------------------------------------------- enrolment


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    with LiveServer() as server:
        server.start(tmp_path / "server.db")
        yield server


def _strip(started: Launch) -> EnrolStrip:
    return _first(started).strip


def _tokens(home: Path) -> TokenStore:
    return TokenStore(resolve_paths({"KOMPASSEN_HOME": str(home)}).token_file)


def _server_url(home: Path) -> str:
    paths = resolve_paths({"KOMPASSEN_HOME": str(home)})
    return SettingsStore(paths.settings_file).load().server_url


def test_pasting_the_office_qr_content_enrols_the_tablet(
    qtbot: QtBot, home: Path, live: LiveServer
) -> None:
    started, ready = _launch({"KOMPASSEN_HOME": str(home)})
    try:
        qtbot.waitUntil(lambda: started.first_start is not None, timeout=WAIT_MS)
        strip = _strip(started)
        qtbot.waitUntil(lambda: strip.isVisible(), timeout=WAIT_MS)
        assert started.start.menuWidget() is strip
        assert started.start.focusWidget() is started.start.search  # the strip takes no focus
        code = live.enrolment_code()
        strip.code.setText(make_uri(live.url, code))  # pasted, maybe before the window is up
        strip.connect_button.click()
        qtbot.waitUntil(lambda: bool(ready), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: strip.enrolled_as is not None, timeout=WAIT_MS)
        creds = _tokens(home).load()
        assert creds is not None and creds.device_id == strip.enrolled_as
        assert creds.server_url == live.url and _server_url(home) == live.url
        assert "Kopplad till kontoret" in strip.message.text()
        assert strip.code.text() == ""
        qtbot.waitUntil(lambda: not strip.isVisible(), timeout=WAIT_MS)
    finally:
        started.close()


def test_a_bare_code_uses_the_configured_server(qtbot: QtBot, home: Path, live: LiveServer) -> None:
    paths = resolve_paths({"KOMPASSEN_HOME": str(home)}).ensure()
    store = SettingsStore(paths.settings_file)
    from dataclasses import replace

    store.save(replace(store.load(), server_url=live.url))
    started, ready = _launch({"KOMPASSEN_HOME": str(home)})
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=WAIT_MS)
        strip = _strip(started)
        qtbot.keyClicks(strip.code, live.enrolment_code().lower().replace("-", " "))
        strip.connect_button.click()
        qtbot.waitUntil(lambda: strip.enrolled_as is not None, timeout=WAIT_MS)
        assert _tokens(home).load() is not None
    finally:
        started.close()


def test_bad_code_hostile_uri_offline_and_no_server_are_said_and_nothing_is_lost(
    qtbot: QtBot, home: Path, live: LiveServer
) -> None:
    started, ready = _launch({"KOMPASSEN_HOME": str(home)})
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=WAIT_MS)
        strip = _strip(started)

        def attempt(text: str) -> str:
            strip.code.setText(text)
            strip.connect_button.click()
            qtbot.waitUntil(strip.connect_button.isEnabled, timeout=WAIT_MS)
            assert strip.code.text() == text  # what was pasted stays, to correct it
            assert strip.message.isVisible() and strip.message.property("role") == "warning"
            return strip.message.text()

        # a bare code with no server set
        assert "Ingen synkserver" in attempt("K7QX-M2PR-ABCD-EFGH")
        # a hostile URI: refused before any network call, nothing saved
        said = attempt("kompassen://enrol?server=https%3A%2F%2Fme%3Apw%40evil.se&code=ABCD")
        assert "Serveradressen" in said
        assert "ingen anslutningskod" in attempt("https://evil.se/?code=ABCD")
        # a wrong code at the real server: refused there; the old (empty) server is put back
        assert "Det gick inte att koppla" in attempt(make_uri(live.url, "WRONG-CODE-1234"))
        assert _server_url(home) == ""
        # offline: a server that does not answer (a closed port)
        assert "Det gick inte att koppla" in attempt(make_uri("http://127.0.0.1:9", "ABCD-EFGH"))
        assert _tokens(home).load() is None and strip.isVisible()
        # and it still works afterwards
        code = live.enrolment_code()
        strip.code.setText(make_uri(live.url, code))
        strip.connect_button.click()
        qtbot.waitUntil(lambda: strip.enrolled_as is not None, timeout=WAIT_MS)
    finally:
        started.close()


def test_later_hides_the_strip_and_the_search_keeps_the_focus(qtbot: QtBot, home: Path) -> None:
    started, ready = _launch({"KOMPASSEN_HOME": str(home)})
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=WAIT_MS)
        strip = _strip(started)
        strip.code.setFocus()
        QApplication.processEvents()
        strip.later.click()
        assert not strip.isVisible()
        assert started.start.focusWidget() is ready[0].search_page.filters.search
        assert _tokens(home).load() is None
    finally:
        started.close()


def test_settings_takes_the_qr_content_too(qtbot: QtBot, home: Path, live: LiveServer) -> None:
    """Enrolling later: the Settings field reads the same URI (server and code at once)."""
    started, ready = _launch({"KOMPASSEN_HOME": str(home)})
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=WAIT_MS)
        _strip(started).later.click()
        w = ready[0]
        w.show_page("settings")
        page = w.settings_page
        page.enrol_code.setText("kompassen://enrol?server=ftp%3A%2F%2Fx.se&code=ABCD")
        page.enrol_button.click()
        assert "Serveradressen" in page.enrol_message.text()
        assert _server_url(home) == ""
        page.enrol_code.setText(make_uri(live.url, live.enrolment_code()))
        page.enrol_button.click()
        qtbot.waitUntil(lambda: "Ansluten som enhet" in page.enrol_message.text(), timeout=WAIT_MS)
        assert page.server_edit.text() == live.url and _server_url(home) == live.url
        assert _tokens(home).load() is not None
    finally:
        started.close()
