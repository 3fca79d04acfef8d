"""The guides view and the settings page, driven offscreen on the real Klara catalogue."""

from __future__ import annotations

import os
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.core.clock import STOCKHOLM, FixedClock
from kompassen.core.model import TimeWindow
from kompassen.device.settings import Settings, SettingsStore
from kompassen.gui.field.guides_page import (
    GuidesPage,
    ProblemRole,
    _GuideDelegate,
    window_applies,
)
from kompassen.gui.field.services import FieldServices
from kompassen.gui.field.settings_page import SettingsPage, valid_server_url
from kompassen.gui.i18n import Translations

TIME_CHAIN = "klara/hemlos-vuxen-tidskedja"
SIZES = ((800, 1280), (1280, 800))


def _settle() -> None:
    """Let new widgets show and the scroll area take the new layout (two posted rounds)."""
    for _ in range(3):
        QApplication.processEvents()


W = TypeVar("W", bound=QWidget)


def _shown(qtbot: QtBot, page: W, size: tuple[int, int]) -> W:
    page.resize(*size)
    if not page.isVisible():
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
    _settle()
    return page


def _saved(ctx: AppContext) -> Settings:
    """The settings as a fresh store reads them from disk."""
    return SettingsStore(ctx.settings.path).load()


def _shoot(page: QWidget, tmp_path: Path, name: str) -> Path:
    """Save a screenshot (also to $KOMPASSEN_SHOTS, for looking at them by eye)."""
    out = tmp_path / f"{name}.png"
    img = page.grab()
    assert img.save(str(out))
    shots = os.environ.get("KOMPASSEN_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        img.save(str(Path(shots) / f"{name}.png"))
    assert out.stat().st_size > 1000
    return out


def _visible_controls(page: QWidget) -> list[QWidget]:
    return [
        w
        for w in page.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLineEdit) and w.isVisibleTo(page)
    ]


# ------------------------------------------------------------------------ time windows


@pytest.mark.parametrize(
    ("when", "at", "inside"),
    [
        (TimeWindow((0, 1, 2, 3, 4), "16:30", "24:00"), datetime(2026, 11, 23, 20, 0), True),
        (TimeWindow((0, 1, 2, 3, 4), "16:30", "24:00"), datetime(2026, 11, 23, 16, 29), False),
        (TimeWindow((0, 1, 2, 3, 4), "16:30", "24:00"), datetime(2026, 11, 28, 20, 0), False),
        (TimeWindow((4,), "22:00", "06:00"), datetime(2026, 11, 28, 3, 0), True),  # Fri night
        (TimeWindow((4,), "22:00", "06:00"), datetime(2026, 11, 27, 3, 0), False),
        (TimeWindow((), "00:00", "24:00"), datetime(2026, 11, 29, 23, 59), True),
    ],
)
def test_window_applies(when: TimeWindow, at: datetime, inside: bool) -> None:
    assert window_applies(when, at.replace(tzinfo=STOCKHOLM)) is inside


# ------------------------------------------------------------------------ guides


def test_guides_list_shows_every_guide_of_the_area(qtbot: QtBot, services: FieldServices) -> None:
    page = _shown(qtbot, GuidesPage(services), (1280, 800))
    guides = services.reader.guides("klara")
    assert len(guides) == 7
    assert page.list.count() == len(guides)
    for row, g in enumerate(guides):
        item = page.list.item(row)
        assert item.text() == g.title.sv
        assert page.list.visualItemRect(item).height() >= 48
    assert page.guide is None


def test_enter_opens_a_guide_with_its_steps_in_order(qtbot: QtBot, services: FieldServices) -> None:
    page = _shown(qtbot, GuidesPage(services), (1280, 800))
    guides = services.reader.guides("klara")
    row = next(i for i, g in enumerate(guides) if g.id == TIME_CHAIN)
    page.list.setFocus()
    page.list.setCurrentRow(row)
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    assert page.guide is not None and page.guide.id == TIME_CHAIN
    assert page.title_label is not None and page.title_label.text() == guides[row].title.sv
    assert [c.number for c in page.step_cards] == list(range(1, len(guides[row].steps) + 1))
    assert [c.text_label.text() for c in page.step_cards] == [s.text.sv for s in guides[row].steps]
    assert page.step_cards[1].window_label.text() == "mån–fre 16:30–24:00"
    # weekend evenings are Socialjouren or Hemlöshetsjouren (audit C3): the day splits at 16:30
    assert page.step_cards[3].window_label.text() == "lör–sön 00:00–16:30"
    assert page.step_cards[4].window_label.text() == "lör–sön 16:30–24:00"
    assert page.sources_label is not None and "Källor:" in page.sources_label.text()


def test_a_tap_on_a_row_opens_the_guide(qtbot: QtBot, services: FieldServices) -> None:
    page = _shown(qtbot, GuidesPage(services), (1280, 800))
    rect = page.list.visualItemRect(page.list.item(2))
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.guide is not None)
    assert page.guide is not None and page.guide.id == services.reader.guides("klara")[2].id


@pytest.mark.parametrize(
    ("at", "now_steps"),
    [
        (datetime(2026, 11, 23, 12, 0), [0]),  # Monday noon: office hours
        (datetime(2026, 11, 23, 20, 0), [1]),  # Monday evening
        (datetime(2026, 11, 24, 3, 0), [2]),  # Tuesday small hours
        (datetime(2026, 11, 28, 3, 0), [3]),  # Saturday
    ],
)
def test_the_step_that_applies_now_is_marked(
    qtbot: QtBot,
    services: FieldServices,
    clock: FixedClock,
    at: datetime,
    now_steps: list[int],
) -> None:
    clock.current = at.replace(tzinfo=STOCKHOLM)  # the clock the services were built with
    page = _shown(qtbot, GuidesPage(services), (1280, 800))
    page.show_guide(TIME_CHAIN)
    _settle()  # widgets added to a shown page appear on the next loop
    assert page.steps_now() == now_steps
    for i, card in enumerate(page.step_cards):
        marked = i in now_steps
        assert card.property("role") == ("today" if marked else "card")
        if card.step.when is None:
            assert not marked and not card.now_label.isVisibleTo(page)
            continue
        assert card.now_label.isVisibleTo(page)  # every timed step says whether it applies
        said = "Gäller nu" if marked else "Gäller inte nu"
        assert card.now_label.text() == said
        assert said in card.accessibleName()


def test_the_mark_follows_the_clock_when_the_page_is_shown_again(
    qtbot: QtBot, services: FieldServices, clock: FixedClock
) -> None:
    page = _shown(qtbot, GuidesPage(services), (1280, 800))
    page.show_guide(TIME_CHAIN)
    assert page.steps_now() == [0]
    page.hide()
    clock.current = datetime(2026, 11, 23, 21, 0, tzinfo=STOCKHOLM)
    page.show()
    assert page.steps_now() == [1]


def test_a_linked_service_opens_through_the_navigator(
    qtbot: QtBot, services: FieldServices
) -> None:
    opened: list[str] = []
    services.nav.open_service = opened.append
    page = _shown(qtbot, GuidesPage(services), (1280, 800))
    page.show_guide("klara/ung-ensam-ute-pa-natten")
    card = page.step_cards[2]
    assert list(card.service_buttons) == ["klara/socialjouren", "klara/ungdomsjouren"]
    names = {s.id: s.name for s in services.reader.services(list(card.service_buttons))}
    b = card.service_buttons["klara/ungdomsjouren"]
    assert b.text_shown().startswith(names["klara/ungdomsjouren"])
    page.scroll_area.ensureWidgetVisible(b)
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    assert opened == ["klara/ungdomsjouren"]
    b2 = card.service_buttons["klara/socialjouren"]
    b2.setFocus()
    qtbot.keyClick(b2, Qt.Key.Key_Return)
    assert opened == ["klara/ungdomsjouren", "klara/socialjouren"]


def test_portrait_shows_the_guide_instead_of_the_list(
    qtbot: QtBot, services: FieldServices, tmp_path: Path
) -> None:
    page = _shown(qtbot, GuidesPage(services), (800, 1280))
    assert page.list_pane.isVisible() and not page.guide_pane.isVisible()
    _shoot(page, tmp_path, "guides-portrait-list")
    page.show_guide(TIME_CHAIN)
    _settle()
    assert not page.list_pane.isVisible() and page.guide_pane.isVisible()
    assert page.back_button.isVisible() and page.back_button.text() == "← Alla lösningar"
    _shoot(page, tmp_path, "guides-portrait-guide")
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.guide is None and page.list_pane.isVisible()
    # turning the tablet puts list and guide side by side
    page.show_guide(TIME_CHAIN)
    page.resize(1280, 800)
    _settle()
    assert page.list_pane.isVisible() and page.guide_pane.isVisible()
    assert not page.back_button.isVisible()


def test_guides_follow_language_and_area(qtbot: QtBot, services: FieldServices) -> None:
    page = _shown(qtbot, GuidesPage(services), (1280, 800))
    page.show_guide(TIME_CHAIN)
    services.state.set_lang("en")
    guides = services.reader.guides("klara")
    assert [page.list.item(i).text() for i in range(page.list.count())] == [
        g.title.en for g in guides
    ]
    chain = next(g for g in guides if g.id == TIME_CHAIN)
    assert page.title_label is not None and page.title_label.text() == chain.title.en
    assert page.step_cards[0].text_label.text() == chain.steps[0].text.en
    other = services.reader.area("vastra-sodermalm")
    services.state.set_area(other, services.reader.landmarks(other.id), None)
    assert page.list.count() == len(services.reader.guides("vastra-sodermalm"))
    assert page.list.item(0).data(Qt.ItemDataRole.UserRole).startswith("vastra-sodermalm/")
    assert page.guide is None


def test_a_language_change_event_rebuilds_the_texts(qtbot: QtBot, services: FieldServices) -> None:
    """Qt sends LanguageChange when a translator is installed; both pages redo their texts."""
    guides = _shown(qtbot, GuidesPage(services), (1280, 800))
    guides.show_guide(TIME_CHAIN)
    settings = _shown(qtbot, SettingsPage(services), (1280, 800))
    guides.back_button.setText("")
    settings.heading.setText("")
    for page in (guides, settings):
        QApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    assert guides.back_button.text() == "← Alla lösningar"
    assert settings.heading.text() == "Inställningar"
    chain = next(g for g in services.reader.guides("klara") if g.id == TIME_CHAIN)
    assert [c.number for c in guides.step_cards] == list(range(1, len(chain.steps) + 1))


# ------------------------------------------------------------------------ settings


def _settings(qtbot: QtBot, services: FieldServices, size: tuple[int, int] = (1280, 800)):
    page = SettingsPage(services)
    _shown(qtbot, page, size)
    return page


def test_settings_show_the_current_choices(qtbot: QtBot, services: FieldServices) -> None:
    page = _settings(qtbot, services)
    assert [page.area_group.button(i).text() for i in range(len(page.area_ids))] == [
        f"{a.name}\n{a.title}" for a in services.reader.areas()
    ]
    assert page.area_ids[page.area_group.checkedId()] == "klara"
    assert page.lang_group.checkedButton().text() == "Svenska"
    assert page.theme_group.checkedButton().text() == "Följ klockan"
    assert page.size_group.checkedButton().text() == "Normal"
    area = services.reader.area("klara")
    assert area.pack_version in page.version_label.text()
    assert f"Katalogversion {area.catalogue_version}" in page.version_label.text()
    for group in (page.area_group, page.lang_group, page.theme_group, page.size_group):
        assert group.exclusive()


def test_night_theme_applies_at_once_and_is_saved(
    qtbot: QtBot, services: FieldServices, ctx: AppContext
) -> None:
    page = _settings(qtbot, services)
    assert services.theme.name == "day"
    qtbot.mouseClick(page.theme_buttons[1], Qt.MouseButton.LeftButton)
    assert services.theme.name == "night"
    assert _saved(ctx).theme == "night"
    # Space on the focused "Dag" button switches back
    page.theme_buttons[0].setFocus()
    qtbot.keyClick(page.theme_buttons[0], Qt.Key.Key_Space)
    assert services.theme.name == "day" and _saved(ctx).theme == "day"


def test_text_size_applies_and_is_saved(
    qtbot: QtBot, services: FieldServices, ctx: AppContext
) -> None:
    page = _settings(qtbot, services)
    assert services.theme.scale == 1.0
    page.size_buttons[2].setFocus()
    qtbot.keyClick(page.size_buttons[2], Qt.Key.Key_Return)  # Enter toggles too
    assert page.size_buttons[2].isChecked()
    assert services.theme.scale == 1.5
    assert _saved(ctx).text_step == 2
    qtbot.mouseClick(page.size_buttons[1], Qt.MouseButton.LeftButton)
    assert services.theme.scale == 1.25 and _saved(ctx).text_step == 1


def test_language_switch_sets_state_and_is_saved(
    qtbot: QtBot, services: FieldServices, ctx: AppContext
) -> None:
    page = _settings(qtbot, services)
    seen: list[str] = []
    services.state.language_changed.connect(lambda: seen.append(services.state.lang))
    qtbot.mouseClick(page.lang_buttons[1], Qt.MouseButton.LeftButton)
    assert services.state.lang == "en" and seen == ["en"]
    assert _saved(ctx).lang == "en"
    assert page.lang_buttons[1].isChecked()
    qtbot.mouseClick(page.lang_buttons[0], Qt.MouseButton.LeftButton)
    assert services.state.lang == "sv" and _saved(ctx).lang == "sv"
    assert not page.lang_note.isVisible()


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://kompassen.example.se", True),
        ("http://10.0.0.5:8080", True),
        ("https://sync.stockholm.se:8443/", True),
        ("kompassen.example.se", False),
        ("ftp://kompassen.example.se", False),
        ("https://", False),
        ("https://kompassen example.se", False),
        ("https://kompassen.example.se:70000", False),
    ],
)
def test_valid_server_url(url: str, ok: bool) -> None:
    assert valid_server_url(url) is ok


def test_server_address_is_checked_before_it_is_saved(
    qtbot: QtBot, services: FieldServices, ctx: AppContext
) -> None:
    page = _settings(qtbot, services)
    page.server_edit.setFocus()
    qtbot.keyClicks(page.server_edit, "kompassen.example.se")
    qtbot.keyClick(page.server_edit, Qt.Key.Key_Return)
    assert page.server_status.isVisible()
    assert "Adressen stämmer inte" in page.server_status.text()
    assert page.server_status.property("role") == "warning"
    assert _saved(ctx).server_url == ""
    page.server_edit.clear()
    qtbot.keyClicks(page.server_edit, "https://kompassen.example.se:8443")
    assert not page.server_status.isVisible()  # the old complaint goes away while typing
    qtbot.mouseClick(page.server_save, Qt.MouseButton.LeftButton)
    assert _saved(ctx).server_url == "https://kompassen.example.se:8443"
    assert page.server_status.text() == "Adressen är sparad."


def test_area_button_asks_the_window_to_switch(
    qtbot: QtBot, services: FieldServices, ctx: AppContext
) -> None:
    page = _settings(qtbot, services)
    b = page.area_group.button(page.area_ids.index("vastra-sodermalm"))
    with qtbot.waitSignal(page.area_requested, timeout=1000) as blocker:
        qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    assert blocker.args == ["vastra-sodermalm"]
    assert _saved(ctx).area == "vastra-sodermalm"
    # the window switches; the page then shows the new area's versions
    other = services.reader.area("vastra-sodermalm")
    services.state.set_area(other, services.reader.landmarks(other.id), None)
    assert page.area_ids[page.area_group.checkedId()] == "vastra-sodermalm"
    assert other.name in page.version_label.text()


def test_settings_changed_elsewhere_show_when_the_page_is_shown(
    qtbot: QtBot, services: FieldServices, ctx: AppContext
) -> None:
    page = _settings(qtbot, services)
    page.hide()
    ctx.settings.save(ctx.settings.load().__class__(theme="night", text_step=1))
    page.show()
    assert page.theme_group.checkedButton() is page.theme_buttons[1]
    assert page.size_group.checkedButton() is page.size_buttons[1]


# ------------------------------------------------------------------------ both pages


def _pages(services: FieldServices) -> list[QWidget]:
    guides = GuidesPage(services)
    return [guides, SettingsPage(services)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("text_step", [0, 2])
def test_every_control_is_touch_sized_and_named(
    qtbot: QtBot, services: FieldServices, size: tuple[int, int], text_step: int
) -> None:
    services.theme.set("day", text_step, services.clock.now())
    for page in _pages(services):
        _shown(qtbot, page, size)
        if isinstance(page, GuidesPage):
            page.show_guide(TIME_CHAIN)
            _settle()
        controls = _visible_controls(page)
        assert len(controls) >= 5
        for w in controls:
            assert w.accessibleName(), w
            assert w.width() >= 48 and w.height() >= 48, (w.accessibleName(), w.size())
        # nothing is wider than the page (no text cut off at the right edge)
        for w in controls:
            right = w.mapTo(page, w.rect().topRight()).x()
            assert right <= page.width(), w.accessibleName()


def test_tab_reaches_every_control(qtbot: QtBot, services: FieldServices) -> None:
    for page in _pages(services):
        _shown(qtbot, page, (1280, 800))
        if isinstance(page, GuidesPage):
            page.show_guide("klara/psykisk-kris")
            _settle()
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
        wanted = {w for w in _visible_controls(page) if w.focusPolicy() & Qt.FocusPolicy.TabFocus}
        assert len(wanted) == len(_visible_controls(page))
        first = next(iter(wanted))
        first.setFocus()
        seen = set()
        for _ in range(len(wanted) * 3):
            seen.add(QApplication.focusWidget())
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert wanted <= seen


@pytest.mark.parametrize(("theme", "step"), [("day", 0), ("night", 0), ("day", 2)])
def test_screenshots(
    qtbot: QtBot, services: FieldServices, tmp_path: Path, theme: str, step: int
) -> None:
    """Both pages in both themes and orientations (and large text), saved for a look."""
    services.theme.set(theme, step, services.clock.now())
    services.nav.open_service = lambda _sid: None
    for size in SIZES:
        orient = "portrait" if size[0] < size[1] else "landscape"
        orient += "-large" if step else ""
        guides = GuidesPage(services)
        _shown(qtbot, guides, size)
        guides.show_guide(TIME_CHAIN)
        _settle()
        _shoot(guides, tmp_path, f"guides-{theme}-{orient}")
        settings = SettingsPage(services)
        _shown(qtbot, settings, size)
        _shoot(settings, tmp_path, f"settings-{theme}-{orient}")


def test_every_step_says_whether_it_applies_in_both_languages(
    qtbot: QtBot, services: FieldServices
) -> None:
    """Timed steps say "applies now" or "does not apply now"; an untimed one "always"."""
    page = _shown(qtbot, GuidesPage(services), (1280, 800))
    untimed = next(
        g for g in services.reader.guides("klara") if any(st.when is None for st in g.steps)
    )
    translations = Translations()
    for lang, now, not_now, always in (
        ("sv", "Gäller nu", "Gäller inte nu", "Gäller alltid"),
        ("en", "Applies now", "Does not apply now", "Always applies"),
    ):
        if lang == "en":
            assert translations.set_language("en")
            _settle()  # LanguageChange is posted
        page.show_guide(TIME_CHAIN)  # Monday noon: only the first step applies
        _settle()
        said = [c.now_label.text() for c in page.step_cards if c.step.when is not None]
        assert said == [now] + [not_now] * (len(said) - 1)
        page.show_guide(untimed.id)
        _settle()
        for card in page.step_cards:
            if card.step.when is None:
                assert card.window_label.isVisibleTo(page)
                assert card.window_label.text() == always
                assert always in card.accessibleName()
                assert not card.now_label.isVisibleTo(page)
    translations.uninstall()


@pytest.mark.parametrize("text_step", [0, 1, 2])
def test_guide_rows_fit_whole_lines_after_the_width_changes(
    qtbot: QtBot, services: FieldServices, text_step: int
) -> None:
    """Each row is as tall as its lines at the width it is painted with, at every text size.

    The list was laid out at the width it had before it was shown (the field window builds
    the page hidden) and kept those row positions when it got narrower: a title wrapping to
    one more line pushed the summary's last line under the next row, cut mid-glyph.
    """
    services.theme.set("day", text_step, services.clock.now())
    page = GuidesPage(services)
    page.resize(1600, 800)
    page.list.doItemsLayout()  # laid out while hidden, as in the window's page stack
    page = _shown(qtbot, page, (1000, 800))
    delegate = page.list.itemDelegate()
    assert isinstance(delegate, _GuideDelegate)

    qtbot.wait(200)  # a re-layout Qt posts comes 100 ms after the resize
    rects: list[QRect] = [
        page.list.visualItemRect(page.list.item(i)) for i in range(page.list.count())
    ]
    assert all(a.bottom() + 1 == b.top() for a, b in pairwise(rects))  # no overlap
    fm = QFontMetrics(services.theme.font(0.95))
    for i, rect in enumerate(rects):
        item = page.list.item(i)
        width = delegate.text_width(rect.width())
        _title, problem, height = delegate.layout_lines(page.list.indexFromItem(item), width)[2:]
        assert rect.height() == height
        assert 1 <= len(problem) <= 2 and all(fm.horizontalAdvance(x) <= width for x in problem)
        if " ".join(problem).replace(" ", "") != str(item.data(ProblemRole)).replace(" ", ""):
            assert problem[-1].endswith("…")  # cut: whole lines, the last one ends in "…"
