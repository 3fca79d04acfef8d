"""Issue #18: the search page counts a search once it settles (never per keystroke, the same
query not twice), with the chip codes recognised in the words; a zero-result search keeps its
event; the typed words never reach device.db (the file and its WAL are searched for them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kompassen.gui.field.search.page import SearchPage
from kompassen.gui.field.services import FieldServices


def _settled(page: SearchPage) -> bool:
    r = page.result
    return r is not None and r.query == page.svc.state.query


def _type(qtbot: QtBot, page: SearchPage, text: str) -> None:
    page.filters.search.clear()
    qtbot.keyClicks(page.filters.search, text)
    qtbot.waitUntil(lambda: _settled(page) and page.result.query.text == text, timeout=10_000)
    qtbot.waitUntil(lambda: not page._search_timer.isActive(), timeout=10_000)
    QApplication.processEvents()


def test_searches_are_counted_once_settled_with_codes_and_never_words(
    qtbot: QtBot, services: FieldServices
) -> None:
    page = SearchPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.result is not None)
    page._search_timer.setInterval(150)  # 2 s in the app
    page._zero_timer.setInterval(150)
    events = services.events

    qtbot.wait(400)
    assert events.events() == []  # the list shown at start is no search

    _type(qtbot, page, "tjej 15 sover ute")
    (search,) = events.events("search")  # one, not one per keystroke
    assert search.area_id == "klara"
    assert set(search.detail) == {"groups", "needs", "word_codes"}
    assert {"group.female", "group.youth", "need.shelter-tonight"} <= set(
        search.detail["word_codes"]  # type: ignore[arg-type]
    )

    _type(qtbot, page, "tjej 15 sover ute")  # the same query again
    assert len(events.events("search")) == 1

    _type(qtbot, page, "xqzvw")
    qtbot.waitUntil(lambda: bool(events.events("zero_result")), timeout=10_000)
    (zero,) = events.events("zero_result")
    assert zero.detail["word_codes"] == [] and page.result.total == 0
    assert len(events.events("search")) == 2

    path = Path(events._db.path)
    raw = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    for word in (b"tjej", b"sover", b"xqzvw"):
        assert word not in raw, word
