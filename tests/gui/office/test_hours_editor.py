"""The office's hours editor: typed spans become the right OpeningHours dict and the right words.

Real widgets offscreen, keys typed with pytest-qt; the words come from core.hours at a fixed
clock, so the test also holds the editor to the tablets' own semantics.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kompassen.core.clock import FixedClock
from kompassen.core.hours import OpeningHours
from kompassen.gui.i18n import Translations
from kompassen.gui.office.hours_editor import HoursEditor, TimeField, parse_clock

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def swedish(qapp: QApplication) -> Iterator[Translations]:
    t = Translations()
    t.set_language("sv")
    yield t
    t.uninstall()


@pytest.fixture
def editor(qtbot: QtBot, swedish: Translations) -> tuple[HoursEditor, list[dict[str, Any]]]:
    """An empty editor at Monday 21 December 2026, 23:30 (the week of Christmas)."""
    clock = FixedClock(datetime(2026, 12, 21, 23, 30, tzinfo=STOCKHOLM))
    ed = HoursEditor(clock)
    qtbot.addWidget(ed)
    ed.resize(1600, 1000)
    ed.show()
    got: list[dict[str, Any]] = []
    ed.changed.connect(got.append)
    return ed, got


def _type(qtbot: QtBot, field: TimeField, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_typed_times_are_read_like_a_person_writes_them() -> None:
    assert parse_clock("9", closing=False) == parse_clock("09:00", closing=False)
    assert parse_clock("930", closing=False) == parse_clock("09.30", closing=False)
    assert str(parse_clock("1730", closing=False)) == "17:30:00"
    assert parse_clock("24:00", closing=False) is None
    assert str(parse_clock("24:00", closing=True)) == "00:00:00"
    for bad in ("25:00", "9:5", "ab", "12:60", ""):
        assert parse_clock(bad, closing=True) is None


def test_overnight_span_holiday_rule_and_exception_give_the_dict_and_the_words(
    qtbot: QtBot, editor: tuple[HoursEditor, list[dict[str, Any]]]
) -> None:
    ed, got = editor
    # Monday 22:00–06:00: an overnight span that belongs to Monday
    qtbot.mouseClick(ed.day_spans[0].add_button, Qt.MouseButton.LeftButton)
    span = ed.day_spans[0].rows[0]
    _type(qtbot, span.opens, "22")
    _type(qtbot, span.closes, "0600")
    assert "nästa dag 06:00" in span.hint.text()
    ed.copy_monday_to_weekdays()
    # public holidays as a Sunday (closed here), eves closed
    ed.holidays.setCurrentIndex(ed.holidays.findText("Som en söndag"))
    ed.eves.setCurrentIndex(ed.eves.findText("Stängt"))
    # a dated exception: Wednesday 23 December open 10–14, with a note
    qtbot.mouseClick(ed.add_exception_button, Qt.MouseButton.LeftButton)
    row = ed.exception_rows[0]
    row.date.setDate(QDate(2026, 12, 23))
    row.closed.setChecked(False)
    _type(qtbot, row.spans.rows[0].opens, "10:00")
    _type(qtbot, row.spans.rows[0].closes, "14:00")
    qtbot.keyClicks(row.note, "Julfika")

    value = got[-1]
    assert value == ed.value()
    assert value["weekly"] == [
        {"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "22:00", "closes": "06:00"}
    ]
    assert value["holidays"] == "as-sunday" and value["holiday_eves"] == "closed"
    assert value["exceptions"] == [
        {
            "date": "2026-12-23",
            "closed": False,
            "opens": "10:00",
            "closes": "14:00",
            "note": "Julfika",
        }
    ]
    assert OpeningHours.from_dict(value).to_dict() == value  # a valid OpeningHours

    words = ed.week_words.text()
    assert "Måndag</b> 21 dec.: 22:00–06:00" in words
    assert "Onsdag</b> 23 dec.: 10:00–14:00 <i>(Julfika)</i>" in words
    assert "Torsdag</b> 24 dec.: stängt <i>(Julafton)</i>" in words  # an eve: closed
    assert "Fredag</b> 25 dec.: stängt <i>(Juldagen)</i>" in words  # a holiday, as a Sunday
    # 23:30 on Monday: the overnight span runs
    assert ed.now_label.text() == "Öppet nu – stänger 06:00"


def test_closed_now_says_when_it_opens(
    qtbot: QtBot, editor: tuple[HoursEditor, list[dict[str, Any]]]
) -> None:
    ed, got = editor
    ed.load({"weekly": [{"days": ["tue"], "opens": "22:00", "closes": "06:00", "source": "s2"}]})
    assert got == []  # loading is no edit
    assert ed.now_label.text() == "Stängt nu – öppnar i morgon 22:00"
    ed.mode_buttons["always"].setChecked(True)
    assert got[-1]["always_open"] is True and got[-1]["weekly"] == []
    assert ed.now_label.text() == "Öppet nu – dygnet runt"
    ed.mode_buttons["weekly"].setChecked(True)
    assert got[-1]["weekly"] == [
        {"days": ["tue"], "opens": "22:00", "closes": "06:00", "source": "s2"}
    ]  # the fact's source stays on its span


def test_a_bad_time_gives_words_and_emits_nothing(
    qtbot: QtBot, editor: tuple[HoursEditor, list[dict[str, Any]]]
) -> None:
    ed, got = editor
    ed.load({"weekly": [{"days": ["mon"], "opens": "09:00", "closes": "16:00"}]})
    closes = ed.day_spans[0].rows[0].closes
    _type(qtbot, closes, "25:00")  # "2" on the way is 02:00: a valid whole, passed on
    assert all(OpeningHours.from_dict(v).to_dict() == v for v in got)
    assert all(v["weekly"][0]["closes"] != "25:00" for v in got)
    got.clear()
    qtbot.keyClick(closes, Qt.Key.Key_Backspace)
    qtbot.keyClicks(closes, "1")  # 25:01: still no time
    assert got == []
    assert ed.value() is None
    assert "”25:01” är ingen tid" in ed.problem_label.text()
    assert "Måndag" in ed.problem_label.text()
    assert ed.now_label.text() == "Rätta tiderna för att se veckan."
    _type(qtbot, closes, "17")
    assert got[-1]["weekly"][0]["closes"] == "17:00"
    assert ed.problem_label.isHidden()


def test_a_value_that_is_no_opening_hours_is_told_and_not_passed_on(
    qtbot: QtBot, editor: tuple[HoursEditor, list[dict[str, Any]]]
) -> None:
    ed, got = editor
    ed.load({"weekly": [{"days": ["funday"], "opens": "09:00", "closes": "16:00"}]})
    assert "går inte att läsa" in ed.problem_label.text()
    assert got == []


def test_english_words(qtbot: QtBot, editor: tuple[HoursEditor, list[dict[str, Any]]]) -> None:
    ed, _got = editor
    t = Translations()
    assert t.set_language("en")
    try:
        ed.load({"weekly": [{"days": ["mon"], "opens": "09:00", "closes": "16:00"}]})
        # the week and the opening come from core.hours in the window's language
        qtbot.waitUntil(lambda: "Monday</b> 21 Dec: 09:00–16:00" in ed.week_words.text())
        assert ed.now_label.text().endswith("opens 28 Dec 09:00")
    finally:
        t.uninstall()
