"""The start page: the freshness worklist of the installed area, lazy, worst first, filtered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kompassen.catalogue.check.freshness import KINDS, SEVERITIES, check_area
from kompassen.compose import AppContext
from kompassen.gui.office.window import OfficeWindow
from kompassen.gui.office.worklist import BATCH, WorklistPage


def _loaded(office: OfficeWindow, qtbot: QtBot) -> WorklistPage:
    page = office.worklist_page
    qtbot.waitUntil(lambda: page.worklist is not None, timeout=20_000)
    return page


def test_the_start_page_is_the_worklist_of_the_area_worst_first(
    office: OfficeWindow, ctx: AppContext, qtbot: QtBot
) -> None:
    page = _loaded(office, qtbot)
    assert office.current_key() == "worklist" and office.stack.currentWidget() is page
    expected = check_area(ctx.catalogue.conn, "klara", ctx.clock)
    assert page.model.findings == expected.findings
    rank = [SEVERITIES.index(f.severity) for f in page.model.findings]
    assert rank == sorted(rank)  # worst first
    # the counts of each kind in words, from the same findings
    text = page.summary.text()
    for kind in KINDS:
        n = sum(1 for f in expected.findings if f.kind == kind)
        assert str(n) in text
    assert f"{len(expected.findings)} uppgifter" in text


def test_rows_come_a_batch_at_a_time(office: OfficeWindow, qtbot: QtBot) -> None:
    page = _loaded(office, qtbot)
    total = page.model.matching
    assert total > BATCH, "Klara has more findings than one batch"
    assert page.model.rowCount() == BATCH and page.model.canFetchMore()
    page.model.fetchMore()
    assert page.model.rowCount() == min(total, 2 * BATCH)
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == total


def test_filters_by_severity_kind_and_text(office: OfficeWindow, qtbot: QtBot) -> None:
    page = _loaded(office, qtbot)
    every = page.model.findings
    page.severity.setCurrentIndex(page.severity.findData("medium"))
    assert page.model.matching == sum(1 for f in every if f.severity == "medium")
    page.kind.setCurrentIndex(page.kind.findData("inferred"))
    wanted = [f for f in every if f.severity == "medium" and f.kind == "inferred"]
    assert page.model.matching == len(wanted) > 0
    assert "visas med filtren" in page.summary.text()
    page.severity.setCurrentIndex(0)
    page.kind.setCurrentIndex(0)
    record = every[-1].record
    page.search.setText(record.upper())  # any case
    shown = [page.model.finding(r) for r in range(page.model.rowCount())]
    assert shown and all(record in " ".join((f.record, f.fact, f.why.sv, f.fix.sv)) for f in shown)
    page.search.clear()
    assert page.model.matching == len(every)


def test_double_click_asks_to_open_the_record_and_the_checked_hook_names_it(
    office: OfficeWindow, qtbot: QtBot
) -> None:
    page = _loaded(office, qtbot)
    office.show()
    qtbot.waitExposed(office)
    first = page.model.finding(0)
    index = page.model.index(0, 2)
    page.table.scrollTo(index)
    pos = page.table.visualRect(index).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    with qtbot.waitSignal(page.open_record) as opened:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert opened.args == [first.record_type, first.record]
    editor = office.catalogue_page_shown()
    assert office.current_key() == "catalogue"  # the window routes it to the editor's page
    qtbot.waitUntil(lambda: editor.session is not None, timeout=20_000)
    qtbot.waitUntil(lambda: editor.record_id == first.record, timeout=10_000)

    # "Kontrollerad idag" on a row: the editor marks that record as checked today (unsaved)
    office.show_page("worklist")
    checkable = next(
        r for r in range(page.model.rowCount()) if page.model.finding(r).record_type == "service"
    )
    target = page.model.finding(checkable)
    page.table.selectRow(checkable)
    assert page.checked_button.isEnabled()
    with qtbot.waitSignal(page.mark_checked) as checked:
        page.checked_button.click()
    assert checked.args == [target.record_type, target.record]
    assert office.current_key() == "catalogue" and editor.record_id == target.record
    today = office.oc.ctx.clock.now().date().isoformat()
    assert editor.session is not None
    assert editor.session.value("services", target.record, "/verified_at") == today


def test_english_labels(office: OfficeWindow, qtbot: QtBot) -> None:
    from kompassen.gui.i18n import Translations

    page = _loaded(office, qtbot)
    t = Translations()
    assert t.set_language("en")
    page.set_lang("en")
    f = page.model.finding(0)
    assert page.model.data(page.model.index(0, 5)) == f.why.en
    assert page.model.data(page.model.index(0, 6)) == f.fix.en
    t.uninstall()


def test_a_narrow_screen_drops_columns_and_the_pane_shows_the_finding_whole(
    office: OfficeWindow, qtbot: QtBot
) -> None:
    from kompassen.gui.office.worklist import COLUMNS

    page = _loaded(office, qtbot)
    office.show()
    office.resize(1920, 1080)
    qtbot.waitUntil(lambda: not page.table.isColumnHidden(COLUMNS.index("fix")))
    office.resize(1280, 800)
    qtbot.waitUntil(lambda: page.table.isColumnHidden(COLUMNS.index("fix")))
    assert page.table.isColumnHidden(COLUMNS.index("field"))
    page.table.selectRow(0)
    f = page.model.finding(0)
    for part in (f.record, f.field, f.why.sv, f.fix.sv):
        assert part in page.detail.text()
    assert page.detail.wordWrap()
