"""Crash handling through the real start (``Launch``): bugs in slots, native crashes, Qt's
messages, SIGTERM. The hooks are really installed here (pytest-qt's own capture is off where
it would get in the way) and given back at the end of every test."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, qWarning
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kompassen.core.errors import KompassenError
from kompassen.device.logs import close_logging, setup_logging
from kompassen.device.settings import Settings, SettingsStore
from kompassen.gui.crash import CrashGuard
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.launch import Launch
from kompassen.gui.qt_log import QtMessages

HELPER = Path(__file__).with_name("sigterm_app.py")


@pytest.fixture
def started(qtbot: QtBot, home: Path) -> Iterator[tuple[Launch, FieldWindow]]:
    """The real start on a private home, until the field window is up."""
    ready: list[FieldWindow] = []
    launch = Launch({"KOMPASSEN_HOME": str(home)}, "klara", ready=ready.append)
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
        yield launch, ready[0]
    finally:
        launch.close()
        close_logging()


def _searches(qtbot: QtBot, window: FieldWindow, text: str) -> None:
    field = window.search_page.filters.search
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.waitUntil(
        lambda: (
            window.search_page.result is not None
            and window.search_page.result.query.text == text
            and window.search_page.result.total > 0
        ),
        timeout=30_000,
    )


def _crash_in_a_slot(qtbot: QtBot, window: FieldWindow) -> None:
    bad = QPushButton("Fel", window)

    def boom() -> None:
        raise RuntimeError("boom in a slot")

    bad.clicked.connect(boom)
    bad.show()
    qtbot.mouseClick(bad, Qt.MouseButton.LeftButton)


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize(
    ("lang", "words"),
    [("sv", "Något gick fel i Kompassen"), ("en", "Something went wrong in Kompassen")],
)
def test_an_exception_in_a_slot_is_logged_told_and_the_window_goes_on(
    qtbot: QtBot, home: Path, lang: str, words: str
) -> None:
    SettingsStore(home / "data" / "settings.json").save(Settings(lang=lang))
    ready: list[FieldWindow] = []
    launch = Launch({"KOMPASSEN_HOME": str(home)}, "klara", ready=ready.append)
    try:
        assert sys.excepthook == launch.crash.excepthook
        qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
        window = ready[0]
        _crash_in_a_slot(qtbot, window)

        log_file = home / "logs" / "kompassen.log"
        logged = log_file.read_text("utf-8")
        assert "Traceback (most recent call last)" in logged
        assert "RuntimeError: boom in a slot" in logged
        box = launch.crash.dialog.box
        assert box is not None and box.isVisible()
        assert not box.isModal()  # the window stays usable with the message open
        assert words in box.text() and str(log_file) in box.text()
        assert "RuntimeError" not in box.text()  # words for the worker, the details in the log

        _searches(qtbot, window, "harbarge")  # the window still works (QTest types ASCII only)
        box.accept()
    finally:
        launch.close()
        close_logging()
    assert sys.excepthook != launch.crash.excepthook  # given back


def test_an_exception_on_a_worker_thread_is_logged_and_told_on_the_gui_thread(
    qtbot: QtBot, tmp_path: Path
) -> None:
    log_file = tmp_path / "logs" / "kompassen.log"
    setup_logging(log_file)
    told: list[tuple[str, bool]] = []
    gui = threading.current_thread()
    guard = CrashGuard(
        log_file, lambda: "sv", show=lambda t: told.append((t, threading.current_thread() is gui))
    )
    guard.install(signals=False)
    try:

        def work() -> None:
            raise ValueError("boom on a worker")

        t = threading.Thread(target=work)
        t.start()
        t.join()
        qtbot.waitUntil(lambda: bool(told), timeout=5_000)
    finally:
        guard.uninstall()
        close_logging()
    assert told[0][1], "the message is shown from the GUI thread"
    assert str(log_file) in told[0][0]
    assert "ValueError: boom on a worker" in log_file.read_text("utf-8")


def test_a_user_error_that_escapes_is_told_in_its_own_words(qtbot: QtBot, tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "kompassen.log"
    setup_logging(log_file)
    told: list[str] = []
    guard = CrashGuard(log_file, lambda: "en", show=told.append).install(signals=False)
    try:
        try:
            raise KompassenError(sv="Filen kan inte läsas.", en="The file cannot be read.")
        except KompassenError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        guard.uninstall()
        close_logging()
    assert told == ["The file cannot be read."]
    assert "uncaught user error" in log_file.read_text("utf-8")


def test_a_native_crash_is_offered_as_a_report_at_the_next_start(qtbot: QtBot, home: Path) -> None:
    crash = (
        "import faulthandler\n"
        "from kompassen.device.paths import resolve_paths\n"
        "from kompassen.gui.crash import CrashGuard\n"
        "from kompassen.gui.qtapp import application\n"
        "application()\n"
        "CrashGuard(resolve_paths().log_file, lambda: 'sv').install()\n"
        "faulthandler._sigsegv()\n"
    )
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", crash], env=env, capture_output=True, timeout=60, check=False
    )
    assert done.returncode != 0
    files = list((home / "logs").glob("crash-*.txt"))
    assert len(files) == 1
    dump = files[0].read_text("utf-8")
    assert "Segmentation fault" in dump

    ready: list[FieldWindow] = []
    launch = Launch({"KOMPASSEN_HOME": str(home)}, "klara", ready=ready.append)
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
        window = ready[0]
        notice = launch.crash_notice
        assert notice is not None and notice.isVisible()
        assert "Kompassen stängdes oväntat förra gången" in notice.text.text()
        assert not files[0].exists()  # marked as seen: told once
        seen = list((home / "logs").glob("crash-*.seen.txt"))
        assert len(seen) == 1

        qtbot.mouseClick(notice.report_button, Qt.MouseButton.LeftButton)
        page = window.report_page
        assert window.stack.currentWidget() is page
        text = page.text_edit.toPlainText()
        assert "Kompassen stängdes oväntat" in text and seen[0].name in text
        assert "Segmentation fault" not in text and "Current thread" not in text  # no dump
        assert page.kind() == "observation"
    finally:
        launch.close()
        close_logging()
    # this run ended cleanly: its own crash file is gone, and the next start says nothing
    assert list((home / "logs").glob("crash-*.txt")) == seen
    ready.clear()
    again = Launch({"KOMPASSEN_HOME": str(home)}, "klara", ready=ready.append)
    try:
        qtbot.waitUntil(lambda: bool(ready), timeout=30_000)
        assert again.crash_notice is None
    finally:
        again.close()
        close_logging()


@pytest.mark.qt_log_ignore("kompassen-test: a warning from Qt")
def test_qt_messages_go_to_the_log_and_to_the_previous_handler(
    qtbot: QtBot, qtlog: object, tmp_path: Path
) -> None:
    log_file = tmp_path / "logs" / "kompassen.log"
    setup_logging(log_file)
    messages = QtMessages().install()
    try:
        qWarning("kompassen-test: a warning from Qt")
    finally:
        messages.uninstall()
    qWarning("kompassen-test: a warning from Qt after uninstall")
    close_logging()
    logged = log_file.read_text("utf-8")
    assert "WARNING kompassen.qt: kompassen-test: a warning from Qt" in logged
    assert "after uninstall" not in logged
    records = [r.message for r in qtlog.records]  # type: ignore[attr-defined]
    assert "kompassen-test: a warning from Qt" in records  # chained to pytest-qt's handler


def test_qt_messages_go_to_the_log_in_the_real_start(home: Path) -> None:
    code = (
        "import os\n"
        "from PySide6.QtCore import QTimer, qWarning\n"
        "from kompassen.gui.launch import Launch\n"
        "def ready(window):\n"
        "    qWarning('kompassen-test: Qt speaking')\n"
        "    QTimer.singleShot(0, launch.app.quit)\n"
        "launch = Launch(dict(os.environ), 'klara', ready=ready)\n"
        "launch.app.exec()\n"
        "launch.close()\n"
    )
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=90
    )
    assert done.returncode == 0, done.stderr
    assert "Qt speaking" not in done.stderr  # the log, not a console nobody reads
    assert "kompassen.qt: kompassen-test: Qt speaking" in (
        home / "logs" / "kompassen.log"
    ).read_text("utf-8")


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM is a POSIX signal")
def test_sigterm_closes_the_app_and_the_draft_being_typed_is_saved(home: Path) -> None:
    text = "Utkast som skrivs nar surfplattan stangs av"  # QTest types ASCII only
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [sys.executable, str(HELPER), text],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        try:
            line = _read_line(proc, timeout=60)
            if line != "READY":
                proc.kill()
                pytest.fail(f"the helper did not start: {proc.communicate()[1]}")
            os.kill(proc.pid, signal.SIGTERM)
            t0 = time.monotonic()
            _out, err = proc.communicate(timeout=10)
            assert time.monotonic() - t0 < 5
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert proc.returncode == 0, err
    with sqlite3.connect(home / "data" / "device.db") as conn:
        drafts = [r[0] for r in conn.execute("SELECT fields FROM draft")]
    conn.close()
    assert any(text in d for d in drafts)
    logged = (home / "logs" / "kompassen.log").read_text("utf-8")
    assert "SIGTERM received" in logged
    assert not list((home / "logs").glob("crash-*.txt"))  # a clean exit leaves no crash file


def _read_line(proc: subprocess.Popen[str], timeout: float) -> str:
    """The helper's first line of output, without hanging if it never comes."""
    out: list[str] = []
    reader = threading.Thread(
        target=lambda: out.append(proc.stdout.readline() if proc.stdout else ""), daemon=True
    )
    reader.start()
    reader.join(timeout)
    return out[0].strip() if out else ""


def test_quit_signals_quit_through_the_loop_and_are_given_back(qtbot: QtBot) -> None:
    """In the pytest process: the handler quits via the loop, and uninstall restores SIGTERM."""
    from kompassen.gui.qtapp import application
    from kompassen.gui.quit_signals import QuitSignals

    app = application()
    quits: list[bool] = []
    sig = QuitSignals(app)
    sig._quit = lambda: quits.append(True)  # type: ignore[method-assign]
    old_term = signal.getsignal(signal.SIGTERM)
    sig.install()
    try:
        threading.Timer(0.05, lambda: os.kill(os.getpid(), signal.SIGTERM)).start()
        qtbot.waitUntil(lambda: bool(quits), timeout=5_000)
        assert sig.quitting
    finally:
        sig.uninstall()
        sig.deleteLater()
    assert signal.getsignal(signal.SIGTERM) == old_term


def test_crash_files_of_earlier_runs_are_tidied(tmp_path: Path) -> None:
    from kompassen.gui.crash_file import unseen_crashes

    logs = tmp_path / "logs"
    logs.mkdir()
    gone = logs / "crash-20260101-120000-999999999.txt"  # empty: that run was killed
    gone.write_text("")
    open_elsewhere = logs / f"crash-20260101-120000-{os.getpid()}.txt"  # empty: still running
    open_elsewhere.write_text("")
    crashed = logs / "crash-20260101-120000-1.txt"
    crashed.write_text("Fatal Python error: Aborted\n")
    for i in range(7):
        (logs / f"crash-2025010{i}-120000-2.seen.txt").write_text("old")
        os.utime(logs / f"crash-2025010{i}-120000-2.seen.txt", (1_000_000 + i, 1_000_000 + i))
    assert unseen_crashes(logs) == [crashed]
    assert not gone.exists() and open_elsewhere.exists()
    assert len(list(logs.glob("*.seen.txt"))) == 5
