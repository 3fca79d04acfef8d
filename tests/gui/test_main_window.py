"""The minimal main window, driven for real offscreen."""

from __future__ import annotations

from pathlib import Path

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.gui.app import build_window
from kompassen.gui.service_list_model import ServiceIdRole, ServiceListModel


def test_window_shows_the_area_and_its_services(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    window = build_window(ctx, "klara")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Klarakompassen" in window.windowTitle()
    assert window.model.rowCount() == min(ServiceListModel.BATCH, window.area.service_count)
    first = window.model.index(0, 0)
    assert window.model.data(first, ServiceIdRole).startswith("klara/")
    assert "tjänster" in window.statusBar().currentMessage()
    window.grab().save(str(tmp_path / "main.png"))
    assert (tmp_path / "main.png").stat().st_size > 1000


def test_service_list_model_is_lazy_and_correct(
    qtbot: QtBot, ctx: AppContext, qtmodeltester: ModelTester
) -> None:
    reader = ctx.catalogue.reader
    ids = reader.service_ids("klara")
    model = ServiceListModel(reader)
    model.BATCH = 5
    model.set_ids(ids)
    assert model.rowCount() == 5
    assert model.canFetchMore(model.index(-1, 0))
    qtmodeltester.check(model)
    while model.canFetchMore(model.index(-1, 0)):
        model.fetchMore(model.index(-1, 0))
    assert model.rowCount() == len(ids)


def test_rows_are_touch_sized(qtbot: QtBot, ctx: AppContext) -> None:
    window = build_window(ctx, "klara")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    rect = window.list.visualRect(window.model.index(0, 0))
    assert rect.height() >= 48
