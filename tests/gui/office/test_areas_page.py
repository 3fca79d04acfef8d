"""Områden: a new area from the template and from HSDS (report before installing), exports.

Real widgets, the real catalogue (SQLite on disk) and the page's own worker thread.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kompassen.catalogue.hsds.export import build_tables, canonical_services
from kompassen.catalogue.pack.streamed import validate_pack_dir
from kompassen.catalogue.store.loader import dump_area
from kompassen.compose import AppContext
from kompassen.gui.office.areas_page import AreasPage, ImportDialog
from kompassen.gui.office.window import OfficeWindow

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HSDS = FIXTURES / "hsds" / "v2"
MESS = FIXTURES / "hsds_mess" / "v1_folder"
WAIT = 30_000


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> Iterator[AreasPage]:
    p = AreasPage(ctx, ctx.catalogue.reader.areas(), "sv")
    qtbot.addWidget(p)
    p.resize(1600, 900)
    qtbot.waitUntil(lambda: bool(p.rows), timeout=WAIT)
    yield p
    p.close_worker()


def _ids(page: AreasPage) -> list[str]:
    return [page.table.item(r, 0).text() for r in range(page.table.rowCount())]


def _idle(page: AreasPage, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not page.worker.busy and page.new_button.isEnabled(), timeout=WAIT)


def _import(page: AreasPage, qtbot: QtBot, path: Path, area_id: str, name: str) -> ImportDialog:
    dialog = page.open_import_dialog()
    dialog.path.setText(str(path))
    dialog.new_id.setText(area_id)
    dialog.new_name.setText(name)
    assert dialog.read_button.isEnabled() and not dialog.install_button.isEnabled()
    dialog.read_button.click()
    qtbot.waitUntil(lambda: dialog.read_button.isEnabled(), timeout=WAIT)
    return dialog


def test_the_list_shows_versions_release_and_counts(page: AreasPage, ctx: AppContext) -> None:
    assert _ids(page) == [a.id for a in ctx.catalogue.reader.areas()]
    row = _ids(page).index("klara")
    klara = ctx.catalogue.reader.area("klara")
    cells = [page.table.item(row, c).text() for c in range(page.table.columnCount())]
    assert cells[2] == klara.pack_version and cells[3] == str(klara.catalogue_version)
    assert cells[4] == "ingen"  # no signed release yet: the shipped pack
    assert cells[5] == str(klara.service_count)
    n_orgs = ctx.catalogue.conn.execute(
        "SELECT count(*) FROM organization WHERE area_id = 'klara'"
    ).fetchone()[0]
    assert cells[6] == str(n_orgs)
    assert "2 områden" in page.summary.text()


def test_a_new_area_from_the_template_installs_and_reaches_the_window(
    office: OfficeWindow, ctx: AppContext, qtbot: QtBot
) -> None:
    page = office.show_page("areas")
    assert isinstance(page, AreasPage)
    qtbot.waitUntil(lambda: bool(page.rows), timeout=WAIT)
    dialog = page.open_new_dialog()
    dialog.area_id.setText("Solna!")  # not an id: said in the dialog, nothing installed
    dialog.name.setText("Solnakompassen")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.create_button.isEnabled(), timeout=WAIT)
    assert "duger inte som områdes-id" in dialog.message.text()
    assert "Solna!" not in _ids(page)

    dialog.area_id.setText("solna")
    dialog.area_title.setText("Solna – centrum och Råsunda")
    dialog.description_sv.setText("Partnerkatalog för Solna.")
    dialog.lat.setValue(59.36)
    dialog.lon.setValue(18.0)
    with qtbot.waitSignal(page.areas_changed, timeout=WAIT):
        dialog.create_button.click()
    assert "solna" in _ids(page)
    assert "solna" in [a.id for a in office.oc.areas]  # the window knows it too
    area = ctx.catalogue.reader.area("solna")
    assert area.name == "Solnakompassen" and area.center == (59.36, 18.0)
    assert "Området solna skapades." in page.status.text()
    assert page.selected_id() == "solna"


def test_hsds_import_shows_the_report_before_installing(
    page: AreasPage, ctx: AppContext, qtbot: QtBot
) -> None:
    dialog = _import(page, qtbot, MESS, "stokig", "Stökigkompassen")
    text = dialog.report.toPlainText()
    assert "Importen skapar det nya området stokig med" in text
    assert "hoppades över" in text and "rättat" in text  # the report, in words
    assert "Traceback" not in text
    assert dialog.install_button.isEnabled()
    assert "stokig" not in [a.id for a in ctx.catalogue.reader.areas()]  # nothing yet
    with qtbot.waitSignal(page.areas_changed, timeout=WAIT):
        dialog.install_button.click()
    assert "stokig" in _ids(page)
    assert ctx.catalogue.reader.area("stokig").service_count > 0


def test_a_broken_hsds_import_shows_its_problems_and_changes_nothing(
    page: AreasPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    strict = page.open_import_dialog()
    strict.path.setText(str(MESS))
    strict.new_id.setText("stokig")
    strict.new_name.setText("Stökigkompassen")
    strict.strict.setChecked(True)
    strict.read_button.click()
    qtbot.waitUntil(lambda: strict.read_button.isEnabled(), timeout=WAIT)
    text = strict.report.toPlainText()
    assert "HSDS-datat kan inte importeras; ingenting ändrades." in text
    assert "services.csv rad" in text and "Traceback" not in text
    assert not strict.install_button.isEnabled()
    strict.reject()

    empty = tmp_path / "nothing"
    shutil.copytree(MESS, empty)
    (empty / "services.csv").write_text("id,name\n", encoding="utf-8")
    dialog = _import(page, qtbot, empty, "tom", "Tomkompassen")
    text = dialog.report.toPlainText()
    assert "ingenting ändrades" in text and "services.csv" in text and "Traceback" not in text
    assert not dialog.install_button.isEnabled()
    assert [a.id for a in ctx.catalogue.reader.areas()] == ["klara", "vastra-sodermalm"]


def test_export_hsds_then_import_gives_the_same_services(
    page: AreasPage, ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    page.select("klara")
    with qtbot.waitSignal(page.exported, timeout=WAIT) as blocker:
        page.export_hsds_to(tmp_path)
    folder = blocker.args[0]
    assert folder == tmp_path / "klara-hsds"
    assert (folder / "datapackage.json").exists() and (folder / "services.csv").exists()
    assert "exporterades som HSDS 3" in page.status.text()

    dialog = _import(page, qtbot, folder / "datapackage.json", "klara-igen", "Klara igen")
    assert dialog.install_button.isEnabled(), dialog.report.toPlainText()
    with qtbot.waitSignal(page.areas_changed, timeout=WAIT):
        dialog.install_button.click()

    def services(area_id: str) -> list[tuple[str, str, str]]:
        pack = dump_area(ctx.catalogue.conn, area_id)
        rows = canonical_services(build_tables(pack))
        return sorted((r["name"], r.get("description") or "", r.get("url") or "") for r in rows)

    assert services("klara-igen") == services("klara")

    page.export_hsds_to(tmp_path, "klara")  # the folder is there now: refused in words
    assert "finns redan och är inte tom" in page.status.text()


def test_export_as_pack_passes_validate_pack(page: AreasPage, qtbot: QtBot, tmp_path: Path) -> None:
    page.select("vastra-sodermalm")
    with qtbot.waitSignal(page.exported, timeout=WAIT) as blocker:
        page.export_pack_to(tmp_path)
    folder = blocker.args[0]
    assert folder == tmp_path / "vastra-sodermalm"
    area_id, n = validate_pack_dir(folder)
    assert area_id == "vastra-sodermalm" and n == page.rows[_ids(page).index(area_id)].services
    assert "exporterades som områdespaket" in page.status.text()


def test_the_pages_buttons_have_names_and_tab_order(page: AreasPage) -> None:
    for b in (
        page.new_button,
        page.import_button,
        page.export_hsds_button,
        page.export_pack_button,
        page.refresh_button,
    ):
        assert b.text() and b.accessibleName()
    assert page.new_button.nextInFocusChain() is page.import_button
    dialog = page.open_new_dialog()
    for w in (dialog.area_id, dialog.name, dialog.lat, dialog.lon):
        assert w.accessibleName()
    dialog.reject()


# the screenshots go to docs/ only when asked (KOMPASSEN_SHOTS=docs/screenshots): a test run
# must not change the checkout
SHOTS = Path(os.environ.get("KOMPASSEN_SHOTS") or Path(tempfile.gettempdir()) / "kompassen-shots")


def shot_with_dialog(window: QWidget, dialog: QWidget | None, path: Path) -> Path:
    """The window at its size with a modal dialog over its middle (as on screen)."""
    back = window.grab()
    canvas = QPixmap(back.size())
    painter = QPainter(canvas)
    painter.drawPixmap(0, 0, back)
    if dialog is not None:
        painter.fillRect(canvas.rect(), QColor(0, 0, 0, 90))
        front = dialog.grab()
        at = QPoint((back.width() - front.width()) // 2, (back.height() - front.height()) // 2)
        painter.drawPixmap(at, front)
        painter.setPen(QColor(0, 0, 0, 160))
        painter.drawRect(at.x() - 1, at.y() - 1, front.width() + 1, front.height() + 1)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    assert canvas.save(str(path))
    return path


def test_screenshot_areas_with_an_import_report(
    office: OfficeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    office.resize(1920, 1080)
    office.show()
    qtbot.waitExposed(office)
    page = office.show_page("areas")
    assert isinstance(page, AreasPage)
    qtbot.waitUntil(lambda: bool(page.rows), timeout=WAIT)
    dialog = _import(page, qtbot, MESS, "stokig", "Stökigkompassen")
    dialog.resize(1000, 760)
    qtbot.wait(50)
    assert dialog.install_button.isEnabled()
    path = shot_with_dialog(office, dialog, SHOTS / "office_areas_sv.png")
    assert path.stat().st_size > 10_000


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_no_cell_is_cut_off(office: OfficeWindow, qtbot: QtBot, size: tuple[int, int]) -> None:
    office.resize(*size)
    office.show()
    qtbot.waitExposed(office)
    page = office.show_page("areas")
    assert isinstance(page, AreasPage)
    qtbot.waitUntil(lambda: bool(page.rows), timeout=WAIT)
    qtbot.wait(20)
    table = page.table
    metrics = table.fontMetrics()
    cut = [
        table.item(r, c).text()
        for r in range(table.rowCount())
        for c in range(table.columnCount())
        if metrics.horizontalAdvance(table.item(r, c).text()) + 6 > table.columnWidth(c)
    ]
    assert cut == []
    assert table.horizontalScrollBar().maximum() == 0
