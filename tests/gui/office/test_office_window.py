"""The office window's shell: navigation, lazy pages, shortcuts, accessible names, text
that fits at 1920×1080 and 1280×800, and the field and office starts kept apart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kompassen.gui.office.window import OFFICE_PAGES, PAGES, OfficeWindow
from serverutil import LiveServer

REPO = Path(__file__).resolve().parents[3]
OWN_TESTS: tuple[str, ...] = ()  # every page is held to these checks here


def test_navigation_lists_the_pages_and_builds_each_on_first_use(
    office: OfficeWindow, qtbot: QtBot
) -> None:
    assert set(PAGES) == set(OFFICE_PAGES)
    texts = [office.nav.item(i).text() for i in range(office.nav.count())]
    assert texts[:8] == [
        "Arbetslista",
        "Rapporter",
        "Statistik",
        "Katalog",
        "Publicera",
        "Enheter",
        "Områden",
        "Logg",
    ]
    shown = [
        office.nav.item(i).text()
        for i in range(office.nav.count())
        if not office.nav.item(i).isHidden()
    ]
    assert shown == texts[:8]  # not signed in: no administrator's pages
    assert office.current_key() == "worklist"
    assert [k for k in PAGES if office.built(k)] == ["worklist"]  # the rest wait
    office.nav.setCurrentRow(PAGES.index("areas"))
    assert office.built("areas") and office.stack.currentWidget() is office.areas_page
    table = office.areas_page.table
    ids = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "klara" in ids
    row = ids.index("klara")
    area = next(a for a in office.oc.areas if a.id == "klara")
    assert table.item(row, 2).text() == area.pack_version


def test_ctrl_number_goes_to_each_page_and_f5_refreshes(
    signed_in: OfficeWindow, server: LiveServer, qtbot: QtBot
) -> None:
    office = signed_in
    office.show()
    qtbot.waitExposed(office)
    office.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is office)
    for n, key in enumerate(PAGES, start=1):
        qtbot.keyClick(office, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        assert office.current_key() == key, key
        assert office.stack.currentWidget() is office.page(key)
    devices = Qt.Key(Qt.Key.Key_1 + PAGES.index("devices"))
    qtbot.keyClick(office, devices, Qt.KeyboardModifier.ControlModifier)
    page = office.devices_page
    qtbot.waitUntil(lambda: not office.session.worker.busy, timeout=20_000)
    qtbot.wait(50)  # the page's first answer delivered
    server.enrol("Ny efter F5")
    assert "Ny efter F5" not in [d.name for d in page.model.devices]
    qtbot.keyClick(office, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "Ny efter F5" in [d.name for d in page.model.devices], timeout=20_000)


def _controls(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QSpinBox, QAbstractItemView)
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.objectName().startswith("qt_")
        and w.parent() is not None
        and not _inside_combo(w)
    ]


def _page_of(w: QWidget) -> str:
    parent: QWidget | None = w
    while parent is not None and parent.property("officePage") is None:
        parent = parent.parentWidget()
    return str(parent.property("officePage")) if parent is not None else type(w.window()).__name__


def _inside_combo(w: QWidget) -> bool:
    """A combo box's own parts (its line edit, its popup's list): named by the combo."""
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, QSpinBox | QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def test_every_control_has_an_accessible_name(signed_in: OfficeWindow, qtbot: QtBot) -> None:
    office = signed_in
    for key in PAGES:
        office.show_page(key)
    dialog = office.devices_page.open_enrol_dialog()
    signin = office.ask_sign_in()
    missing = [
        f"{_page_of(w)}: {type(w).__name__} {w.objectName()} {w.toolTip()}"
        for root in (office, dialog, signin)
        for w in _controls(root)
        if _page_of(w) not in OWN_TESTS  # the editor's and the publish page's tests check theirs
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
    ]
    assert missing == []


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_no_text_is_cut_off(office: OfficeWindow, qtbot: QtBot, size: tuple[int, int]) -> None:
    office.resize(*size)
    office.show()
    qtbot.waitExposed(office)
    cut: list[str] = []
    for key in PAGES:
        page = office.show_page(key)
        qtbot.wait(10)
        cut += [f"{key}: {c}" for c in _cut([*page.findChildren(QWidget), office.sign_button])]
    for i in range(office.nav.count()):
        item = office.nav.item(i)
        if item.isHidden():
            continue
        need = office.nav.fontMetrics().horizontalAdvance(item.text())
        if need > office.nav.visualItemRect(item).width():
            cut.append(f"nav {item.text()!r}")
    assert cut == []


def _cut(widgets: list[QWidget]) -> list[str]:
    """The visible buttons and one-line labels whose text is wider than their room."""
    cut = []
    for w in widgets:
        if not w.isVisible():
            continue
        if isinstance(w, QAbstractButton | QLabel) and w.text():
            if isinstance(w, QLabel) and w.wordWrap():
                continue
            need = w.fontMetrics().horizontalAdvance(w.text().replace("&", ""))
            if need > _room(w) + 1:
                cut.append(f"{type(w).__name__} {w.text()!r}")
    return cut


def _room(w: QWidget) -> int:
    """The width the text gets: a push button's inside its style sheet border and padding."""
    if isinstance(w, QPushButton):
        opt = QStyleOptionButton()
        w.initStyleOption(opt)
        return w.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, w).width()
    return w.contentsRect().width()


def test_the_code_dialog_text_fits_with_the_focus_ring(
    signed_in: OfficeWindow, qtbot: QtBot
) -> None:
    dialog = signed_in.devices_page.open_enrol_dialog()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.created, timeout=20_000):
        dialog.create_code()
    qtbot.wait(20)
    for button in (dialog.copy_code, dialog.copy_uri, dialog.copy_qr, dialog.create_button):
        button.setFocus()  # a focused button's border is wider
        qtbot.wait(5)
        assert _cut([button]) == [], button.text()
    assert _cut(dialog.findChildren(QWidget)) == []


def _modules_after(code: str, home: Path) -> set[str]:
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_the_field_start_imports_no_office_and_the_office_no_field(tmp_path: Path) -> None:
    field = _modules_after(
        "from kompassen.compose import build\n"
        "from kompassen.gui.app import build_window\n"
        "ctx = build()\n"
        "w = build_window(ctx)\n"
        "for key in ('locations', 'guides', 'settings', 'reports'): w.page(key)\n",
        tmp_path / "field",
    )
    assert "kompassen.gui.field.window" in field  # the check sees what it should
    assert not [m for m in field if m.startswith("kompassen.gui.office")]
    assert not [m for m in field if m.startswith("kompassen.office")]

    office = _modules_after(
        "from kompassen.cli.main import build_parser\n"
        "assert build_parser([]).parse_args(['--office']).office\n"
        "from kompassen.compose import build\n"
        "from kompassen.gui.office.launch import build_office_window\n"
        "ctx = build()\n"
        "w = build_office_window(ctx)\n"
        "for key in ('worklist', 'catalogue', 'publish', 'devices', 'areas', 'audit'):\n"
        "    w.page(key)\n"
        "w.close_workers()\n",
        tmp_path / "office",
    )
    assert "kompassen.gui.office.window" in office
    assert not [m for m in office if m.startswith("kompassen.gui.field")]
    assert "kompassen.gui.launch" not in office and "kompassen.gui.app" not in office


def test_kompassen_office_starts_the_office_window_and_asks_to_sign_in(tmp_path: Path) -> None:
    """The real start (``kompassen --office``, its own process: the event loop ends in it)."""
    code = (
        "import json, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from kompassen.cli.main import main\n"
        "from kompassen.gui.office import launch\n"
        "seen = {}\n"
        "def ready(w):\n"
        "    def look(tries=0):\n"
        "        asks = w.signin is not None and w.signin.isVisible()\n"
        "        if not asks and tries < 500:\n"
        "            return QTimer.singleShot(20, lambda: look(tries + 1))\n"
        "        seen.update(title=w.windowTitle(), page=w.current_key(), asks=asks)\n"
        "        w.close(); QApplication.instance().quit()\n"
        "    QTimer.singleShot(0, look)\n"
        "real = launch.launch_office\n"
        "launch.launch_office = lambda environ, area_id=None: real(environ, area_id, ready=ready)\n"
        "rc = main(['--office', '--area', 'klara'])\n"
        "print(json.dumps({'rc': rc, **seen}))\n"
    )
    env = {**os.environ, "KOMPASSEN_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["rc"] == 0 and seen["asks"] is True and seen["page"] == "worklist"
    assert seen["title"].startswith("Kompassen kontor – Klara")


def test_the_signed_in_user_is_who_edits_in_the_catalogue(
    office: OfficeWindow, server: LiveServer, qtbot: QtBot
) -> None:
    from serverutil import OFFICE_NAME, OFFICE_PASSWORD

    editor = office.catalogue_page_shown()  # built before anybody signed in
    assert editor.user == ""
    with qtbot.waitSignal(office.session.signed_in, timeout=20_000):
        office.session.sign_in(server.url, OFFICE_NAME, OFFICE_PASSWORD)
    assert editor.user == OFFICE_NAME


def _tab_chain(start: QWidget, n: int) -> list[QWidget]:
    """The next ``n`` widgets Tab goes to from ``start``."""
    chain, w = [start], start
    while len(chain) <= n:
        w = w.nextInFocusChain()
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled():
            chain.append(w)
    return chain


def test_tab_goes_through_the_fields_in_reading_order(office: OfficeWindow, qtbot: QtBot) -> None:
    dialog = office.ask_sign_in()
    assert _tab_chain(dialog.server, 3) == [dialog.server, dialog.user, dialog.password, dialog.ok]
    page = office.worklist_page
    qtbot.waitUntil(lambda: page.worklist is not None, timeout=20_000)
    assert _tab_chain(page.severity, 4) == [
        page.severity,
        page.kind,
        page.search,
        page.refresh_button,
        page.table,
    ]


def test_the_publish_page_offers_the_key_file_the_wizard_made(
    office: OfficeWindow, tmp_path: Path
) -> None:
    """The first-run wizard remembers its key file: publishing asks only for the passphrase."""
    from kompassen.office.setup import remember_key_file

    key_file = tmp_path / "office-keys.json"
    key_file.write_text("{}", encoding="utf-8")
    remember_key_file(office.oc.ctx.paths.data_dir, key_file)
    page = office.page("publish")
    assert page._key_file == key_file  # type: ignore[attr-defined]
