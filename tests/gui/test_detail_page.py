"""The service detail page on the real Klara catalogue, driven through real widgets offscreen.

Expected texts are computed from the catalogue and the core functions, so the tests keep
holding when the area data is edited.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QScrollArea,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kompassen.catalogue.pack.packdata import PackData
from kompassen.compose import AppContext
from kompassen.core import geo
from kompassen.core.hours import status, week_summary
from kompassen.core.model import Service
from kompassen.gui.app import build_window
from kompassen.gui.field.detail_page import DetailPage, dial_url, verified_date
from kompassen.gui.field.services import FieldServices, build_services
from kompassen.gui.field.window import FieldWindow
from minipack import mini_documents

# ---------------------------------------------------------------------------- helpers


def klara(svc: FieldServices) -> list[Service]:
    return svc.reader.services(svc.reader.service_ids("klara"))


def pick(svc: FieldServices, want: object) -> Service:
    """The first Klara service with the wanted properties (the shipped pack must have one)."""
    found = [s for s in klara(svc) if want(s)]  # type: ignore[operator]
    if not found:
        pytest.fail("the Klara pack no longer has a service with the properties this test needs")
    return found[0]


def with_phones_and_hours(s: Service) -> bool:
    return bool(s.phones) and s.hours is not None and s.hours.known and s.status == "active"


def texts(page: QWidget) -> list[str]:
    """Every label text on the page, in creation order."""
    return [lab.text() for lab in page.findChildren(QLabel) if lab.isVisibleTo(page)]


def alltext(page: QWidget) -> str:
    return "\n".join(texts(page))


def buttons(page: QWidget) -> list[QAbstractButton]:
    return [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]


def click(qtbot: QtBot, page: DetailPage, b: QAbstractButton) -> None:
    """Scroll the button into view and click it, as a finger would."""
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    scroll.ensureWidgetVisible(b)
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


@pytest.fixture
def page(qtbot: QtBot, services: FieldServices) -> Iterator[DetailPage]:
    p = DetailPage(services)
    qtbot.addWidget(p)
    p.resize(800, 1280)
    yield p
    p.deleteLater()  # a leftover top-level page would still receive LanguageChange


def shown(qtbot: QtBot, page: DetailPage, service_id: str) -> DetailPage:
    page.show_service(service_id)
    with qtbot.waitExposed(page):  # a context manager: it waits on leaving the block
        page.show()
    return page


# ---------------------------------------------------------------------------- tests


def test_shows_a_service_with_phones_and_hours(
    qtbot: QtBot, page: DetailPage, services: FieldServices, tmp_path: Path
) -> None:
    s = pick(services, with_phones_and_hours)
    shown(qtbot, page, s.id)
    now = services.clock.now()
    assert page.service_id == s.id
    text = alltext(page)
    assert s.name in text and s.organization.name in text
    # open status in words, with the matching style role
    st = status(s.hours, now, "sv")
    assert page.status_label is not None and page.status_label.text() == st.text
    expected_role = {"open": "open", "always": "open", "closed": "closed"}[st.state]
    assert page.status_label.property("role") == expected_role
    assert s.description.sv in text
    for section in ("Vad de gör", "Vem de tar emot", "Så lämnar du över", "Öppettider denna vecka"):
        assert section in text
    # every phone number big, each with Ring and Kopiera
    phone_labels = [
        lab.text() for lab in page.findChildren(QLabel) if lab.property("role") == "phone"
    ]
    assert sorted(phone_labels) == sorted(p.number for p in s.phones)
    assert len(page.phone_buttons) == len(s.phones)
    for _phone, call, copy in page.phone_buttons:
        assert call.text() in ("Ring", "Skicka sms") and copy.text() == "Kopiera"
    big = next(lab for lab in page.findChildren(QLabel) if lab.property("role") == "phone")
    normal = next(lab for lab in page.findChildren(QLabel) if lab.text() == s.description.sv)
    assert big.fontInfo().pointSizeF() > normal.fontInfo().pointSizeF() * 1.3
    page.grab().save(str(tmp_path / "detail.png"))
    assert (tmp_path / "detail.png").stat().st_size > 10_000


def test_week_has_seven_rows_and_today_is_highlighted(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    s = pick(services, with_phones_and_hours)
    shown(qtbot, page, s.id)
    today = services.clock.now().date()
    rows = week_summary(s.hours, today, "sv")
    assert len(page.week_rows) == 7
    roles = [f.property("role") for f in page.week_rows]
    assert roles.count("today") == 1
    today_frame = page.week_rows[[r.day for r in rows].index(today)]
    assert today_frame.property("role") == "today"
    assert "(i dag)" in " ".join(lab.text() for lab in today_frame.findChildren(QLabel))
    for frame, row in zip(page.week_rows, rows, strict=True):
        row_text = " ".join(lab.text() for lab in frame.findChildren(QLabel))
        assert row.weekday.capitalize() in row_text
        assert (", ".join(row.spans) if row.spans else "Stängt") in row_text
        if row.holiday:
            assert row.holiday in row_text


def test_holidays_are_named_in_the_week(
    qtbot: QtBot, ctx: AppContext, services: FieldServices, page: DetailPage
) -> None:
    """Christmas week 2026: julafton and juldagen are named on their rows."""
    from datetime import datetime

    from kompassen.core.clock import STOCKHOLM

    ctx.clock.current = datetime(2026, 12, 23, 12, 0, tzinfo=STOCKHOLM)  # type: ignore[attr-defined]
    s = pick(services, with_phones_and_hours)
    shown(qtbot, page, s.id)
    week = " ".join(" ".join(lab.text() for lab in f.findChildren(QLabel)) for f in page.week_rows)
    assert "Julafton" in week and "Juldagen" in week


def test_unknown_values_say_ej_angivet_never_alla(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    s = pick(
        services,
        lambda s: (
            s.handover.gender is None
            and s.handover.age_min is None
            and s.handover.age_max is None
            and s.handover.intoxicated_ok is None
        ),
    )
    shown(qtbot, page, s.id)
    unknown = [lab.text() for lab in page.findChildren(QLabel) if lab.property("role") == "unknown"]
    assert unknown.count("Ej angivet") >= 3  # age, gender, intoxicated at least
    assert not [t for t in texts(page) if t.lower().startswith("alla")]


def test_groups_needs_and_handover_modes_use_the_taxonomy_labels(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    s = pick(services, lambda s: s.groups and s.needs and s.handover.modes)
    shown(qtbot, page, s.id)
    labels = {t.code: t.label.sv for t in services.reader.terms("klara")}
    text = alltext(page)
    for code in (*s.groups, *s.needs, *s.handover.modes):
        assert labels[code] in text


def test_handover_button_records_an_event_and_confirms(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    s = pick(services, with_phones_and_hours)
    services.state.update(needs=("need.food",))
    shown(qtbot, page, s.id)
    assert page.handover_button is not None and page.handover_button.property("role") == "primary"
    assert page.confirmation_label is not None and not page.confirmation_label.isVisible()
    with qtbot.waitSignal(page.handover_recorded) as sig:
        click(qtbot, page, page.handover_button)
    assert sig.args == [s.id]
    [event] = services.events.events("handover")
    assert event.service_id == s.id and event.area_id == "klara"
    assert event.landmark_id == services.state.landmark.id  # type: ignore[union-attr]
    assert event.detail == {"groups": [], "needs": ["need.food"]}
    assert page.confirmation_label.isVisible()
    assert page.confirmation_label.text() == "Överlämning registrerad 12:00"
    # the confirmation survives a re-render of the same service
    page.rerender()
    assert page.confirmation_label.text() == "Överlämning registrerad 12:00"


def test_report_button_opens_the_report_with_a_prefill(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    calls: list[dict] = []
    services.nav.open_report = calls.append
    s = pick(services, with_phones_and_hours)
    shown(qtbot, page, s.id)
    assert page.report_button is not None
    click(qtbot, page, page.report_button)
    assert [(c["kind"], c["service_id"], c["text"]) for c in calls] == [
        ("correction", s.id, f"Fel i uppgiften om {s.name}: ")
    ]


def test_ring_opens_a_tel_url_and_kopiera_copies(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    opened: list[QUrl] = []

    def dial(url: QUrl) -> bool:
        opened.append(url)
        return True  # a phone: the dialer took the number

    page.open_url = dial
    s = pick(services, with_phones_and_hours)
    shown(qtbot, page, s.id)
    phone, call, copy = page.phone_buttons[0]
    click(qtbot, page, call)
    assert page.no_dialer is None  # nothing in the way of the call
    assert [u.toString() for u in opened] == [dial_url(phone).toString()]
    assert opened[0].scheme() == "tel"
    assert opened[0].path() == "".join(c for c in phone.number if c.isdigit() or c == "+")
    click(qtbot, page, copy)
    assert QGuiApplication.clipboard().text() == phone.number
    assert f"Numret {phone.number} är kopierat." in texts(page)


def test_numbers_to_verify_carry_a_warning(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    s = pick(services, lambda s: any(p.to_verify for p in s.phones))
    shown(qtbot, page, s.id)
    warnings = [lab for lab in page.findChildren(QLabel) if lab.property("role") == "warning"]
    checks = [w for w in warnings if "Kontrollera numret" in w.text()]
    assert len(checks) == sum(p.to_verify for p in s.phones)


def test_closed_service_says_so_with_its_note(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    s = pick(services, lambda s: s.status in ("closed", "temporarily-closed"))
    shown(qtbot, page, s.id)
    assert page.status_label is not None and page.status_label.property("role") == "closed"
    assert page.status_label.text() in ("Nedlagd – lämna inte över hit", "Tillfälligt stängd")
    if s.status_note:
        assert s.status_note in texts(page)


def test_service_without_places_phones_or_hours(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    s = pick(
        services,
        lambda s: not s.locations and not s.phones and (s.hours is None or not s.hours.known),
    )
    shown(qtbot, page, s.id)
    text = alltext(page)
    assert "Inget telefonnummer angivet" in text
    assert "Öppettiderna är inte kända – ring och fråga innan ni går dit." in text
    assert page.week_rows == []
    assert page.status_label is not None and page.status_label.property("role") == "unknown"
    if s.mobile:
        assert "Tjänsten rör sig i området och har ingen fast adress." in text
        if s.area_note:
            assert s.area_note in text
    else:
        assert "Ingen adress angiven." in text


def test_directions_from_the_chosen_place(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    s = pick(services, lambda s: any(loc.lat is not None for loc in s.locations))
    shown(qtbot, page, s.id)
    lat, lon = services.state.near  # type: ignore[misc]
    loc = next(loc for loc in s.locations if loc.lat is not None)
    d = geo.describe(lat, lon, loc.lat, loc.lon, "sv")  # type: ignore[arg-type]
    place = services.state.place_name
    want = f"{d.text} från {place}" if d.word else f"{d.text}, vid {place}"
    assert want in texts(page)
    if loc.coords_approximate:
        assert "Läget är ungefärligt – avståndet är en uppskattning." in texts(page)
    # choosing another place re-renders the directions
    other = next(lm for lm in services.state.landmarks if lm.id != services.state.landmark.id)  # type: ignore[union-attr]
    services.state.set_landmark(other.id)
    d2 = geo.describe(other.lat, other.lon, loc.lat, loc.lon, "sv")  # type: ignore[arg-type]
    want2 = f"{d2.text} från {other.name}" if d2.word else f"{d2.text}, vid {other.name}"
    assert want2 in texts(page)


def test_stale_or_unknown_verification_warns(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    today = services.clock.now().date()
    for s in (
        pick(services, lambda s: s.provenance.verified_at == "unknown"),
        pick(
            services,
            lambda s: (d := verified_date(s.provenance.verified_at)) and (today - d).days > 365,
        ),
    ):
        shown(qtbot, page, s.id)
        text = alltext(page)
        shown_date = "okänt" if s.provenance.verified_year is None else s.provenance.verified_at
        assert f"Senast kontrollerad: {shown_date}" in text
        warnings = [
            lab.text() for lab in page.findChildren(QLabel) if lab.property("role") == "warning"
        ]
        assert any("kontrollera" in w for w in warnings)


def test_verified_date_takes_the_latest_day_a_partial_date_can_mean() -> None:
    from datetime import date

    assert verified_date("2023") == date(2023, 12, 31)
    assert verified_date("2024-02") == date(2024, 2, 29)
    assert verified_date("2020-10-10") == date(2020, 10, 10)
    assert verified_date("unknown") is None
    assert verified_date("2023-13") is None


def test_unknown_id_shows_a_clear_message(qtbot: QtBot, page: DetailPage) -> None:
    shown(qtbot, page, "klara/finns-inte")
    assert "Tjänsten finns inte längre i katalogen" in texts(page)
    assert page.service is None and page.service_id == "klara/finns-inte"
    assert page.back_button is not None and page.back_button.isVisible()


def test_escape_and_the_back_button_go_back(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    backs: list[bool] = []
    services.nav.back = lambda: backs.append(True)
    shown(qtbot, page, pick(services, with_phones_and_hours).id)
    with qtbot.waitActive(page):
        page.activateWindow()
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert backs == [True]
    assert page.back_button is not None
    click(qtbot, page, page.back_button)
    assert backs == [True, True]


def test_escape_works_inside_a_window_that_binds_escape_too(
    qtbot: QtBot, services: FieldServices
) -> None:
    """Two window-wide Escape shortcuts would cancel out; the page defers to its window."""
    host = QWidget()
    qtbot.addWidget(host)
    host_backs: list[bool] = []
    QShortcut(QKeySequence(Qt.Key.Key_Escape), host, lambda: host_backs.append(True))
    page_backs: list[bool] = []
    services.nav.back = lambda: page_backs.append(True)
    page = DetailPage(services, host)
    QVBoxLayout(host).addWidget(page)
    page.show_service(pick(services, with_phones_and_hours).id)
    host.resize(800, 1280)
    with qtbot.waitExposed(host):
        host.show()
    with qtbot.waitActive(host):
        host.activateWindow()
    page.setFocus()
    assert QApplication.focusWidget() is page.back_button
    qtbot.keyClick(page.back_button, Qt.Key.Key_Escape)  # type: ignore[arg-type]
    assert host_backs == [True] and page_backs == []


def test_a_hidden_page_catches_up_when_shown(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    s = pick(services, lambda s: with_phones_and_hours(s) and s.description.en)
    shown(qtbot, page, s.id)
    page.hide()
    before = page.handover_button
    services.state.set_lang("en")
    assert page.handover_button is before  # not rebuilt while nobody sees it
    with qtbot.waitExposed(page):
        page.show()
    assert s.description.en in alltext(page)


def test_tab_reaches_every_button(qtbot: QtBot, page: DetailPage, services: FieldServices) -> None:
    shown(qtbot, page, pick(services, with_phones_and_hours).id)
    with qtbot.waitActive(page):
        page.activateWindow()
    assert page.back_button is not None
    page.back_button.setFocus()
    seen: list[QWidget] = []
    for _ in range(200):
        w = QApplication.focusWidget()
        if w in seen:
            break
        seen.append(w)  # type: ignore[arg-type]
        qtbot.keyClick(w, Qt.Key.Key_Tab)  # type: ignore[arg-type]
    missing = [b.accessibleName() for b in buttons(page) if b not in seen]
    assert missing == []


def test_english_rerenders_catalogue_and_core_texts(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    s = pick(services, lambda s: with_phones_and_hours(s) and s.description.en)
    shown(qtbot, page, s.id)
    bar = page.findChild(QScrollArea).verticalScrollBar()  # type: ignore[union-attr]
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    services.state.set_lang("en")
    assert kept > 0 and bar.value() == kept  # the worker keeps their place on the page
    now = services.clock.now()
    text = alltext(page)
    assert page.status_label is not None
    assert page.status_label.text() == status(s.hours, now, "en").text
    assert s.description.en in text
    assert week_summary(s.hours, now.date(), "en")[0].weekday in text
    services.state.set_lang("sv")
    assert s.description.sv in alltext(page)


def test_language_change_event_rerenders(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    """Installing a translator sends LanguageChange; the page must build itself again."""
    s = pick(services, with_phones_and_hours)
    shown(qtbot, page, s.id)
    before = page.handover_button
    QCoreApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    assert page.handover_button is not before and page.service_id == s.id


def test_buttons_are_touch_sized_and_named(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    shown(qtbot, page, pick(services, with_phones_and_hours).id)
    scroll = page.findChild(QScrollArea)
    assert scroll is not None and scroll.accessibleName()
    all_buttons = buttons(page)
    assert len(all_buttons) >= 5  # back, ring, kopiera, handover, report
    for b in all_buttons:
        assert b.width() >= 48 and b.height() >= 48, b.accessibleName()
        assert b.accessibleName().strip(), b.text()


def test_every_klara_service_renders(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    """No service in the shipped data makes the page fail (both languages)."""
    page.show()
    for lang in ("sv", "en"):
        services.state.set_lang(lang)
        for s in klara(services):
            page.show_service(s.id)
            assert s.name in texts(page)
            for b in page.findChildren(QAbstractButton):
                assert b.accessibleName().strip()


# ---------------------------------------------------------------------------- mini pack


@pytest.fixture
def testby(ctx: AppContext, qapp: object) -> Iterator[FieldServices]:
    """The fictional mini pack, with its notice made current, for what Klara lacks today."""
    docs = mini_documents()
    docs["notices.json"]["notices"][0].update(starts="2026-11-01", expires="2026-12-31")
    ctx.catalogue.install(PackData(docs))
    svc = build_services(ctx, "testby", synchronous=True)
    svc.theme.apply(ctx.clock.now(), force=True)
    yield svc
    svc.runner.close()


def test_notices_ages_and_mobile_from_the_mini_pack(qtbot: QtBot, testby: FieldServices) -> None:
    page = DetailPage(testby)
    qtbot.addWidget(page)
    page.show_service("testby/nattharbarge")
    warnings = [
        lab.text() for lab in page.findChildren(QLabel) if lab.property("role") == "warning"
    ]
    assert "⚠ Fullt i natt" in warnings
    text = alltext(page)
    assert "Från 18 år" in text and "Tas inte emot" in text
    page.show_service("testby/stodlinjen")
    text = alltext(page)
    assert "Tjänsten rör sig i området och har ingen fast adress." in text
    assert "Öppet dygnet runt" in text
    assert "⚠ Fullt i natt" not in text  # the notice belongs to the other service


# ---------------------------------------------------------------------------- opening afresh


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[FieldWindow]:
    """The real field window (synchronous workers), landscape like a tablet."""
    w = build_window(ctx, "klara", synchronous=True)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.search_page.result is not None)
    yield w
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _scroll_down(qtbot: QtBot, page: DetailPage) -> QScrollBar:
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    return bar


def test_opening_a_service_starts_at_the_top_without_the_last_visits_confirmation(
    qtbot: QtBot, window: FieldWindow
) -> None:
    """A confirmation from an earlier visit would read as a handover just made (issue #13)."""
    a, b = [s for s in klara(window.svc) if with_phones_and_hours(s)][:2]
    window.open_service(a.id)
    page = window.detail_page
    qtbot.waitUntil(page.isVisible)
    bar = _scroll_down(qtbot, page)
    assert page.handover_button is not None
    click(qtbot, page, page.handover_button)
    assert page.confirmation_label is not None and page.confirmation_label.isVisible()

    window.back()
    window.open_service(a.id)  # the same service again
    assert bar.value() == 0
    assert page.confirmation_label is not None and not page.confirmation_label.isVisible()
    assert "Överlämning registrerad" not in alltext(page)

    _scroll_down(qtbot, page)
    window.open_service(b.id)  # another service, straight from this one
    assert bar.value() == 0 and page.service_id == b.id

    # going back to a page (from its report form, say) is no new visit: it stays as it was
    click(qtbot, page, page.handover_button)  # type: ignore[arg-type]
    _scroll_down(qtbot, page)
    at = bar.value()
    window.open_report({"kind": "correction", "text": "Fel", "service_id": b.id})
    window.back()
    assert window.stack.currentWidget() is page
    assert bar.value() == at and page.confirmation_label.isVisible()


# ---------------------------------------------------------------------------- no dialer


@pytest.mark.qt_log_ignore("openUrl")  # offscreen Qt: "This plugin does not support openUrl()"
def test_ring_without_a_dialer_says_so_and_shows_the_number_to_copy(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    """The real ``QDesktopServices.openUrl``: offscreen it cannot open ``tel:`` (False)."""
    s = pick(services, lambda s: with_phones_and_hours(s) and s.phones[0].kind != "sms")
    shown(qtbot, page, s.id)
    phone, call, _copy = next(p for p in page.phone_buttons if p[0].kind != "sms")
    assert page.open_url(dial_url(phone)) is False  # what the test relies on
    click(qtbot, page, call)
    dialog = page.no_dialer
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.isModal()  # the page stays usable behind it
    assert dialog.text.text() == "Den här enheten kan inte ringa. Ring numret från en telefon:"
    assert dialog.number.text() == phone.number
    card_number = next(
        lab
        for lab in page.findChildren(QLabel)
        if lab.property("role") == "phone"
        and lab.text() == phone.number
        and lab is not dialog.number
    )
    assert dialog.number.font().pointSizeF() > card_number.font().pointSizeF()  # large
    assert dialog.number.sizeHint().width() <= dialog.number.width()  # not cut
    assert dialog.copy_button.text() == "Kopiera" and dialog.copy_button.height() >= 48
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == phone.number
    assert dialog.feedback.isVisible()
    assert dialog.feedback.text() == f"Numret {phone.number} är kopierat."
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    click(qtbot, page, call)  # again: the same dialog, shown again
    assert page.no_dialer is dialog and dialog.isVisible() and not dialog.feedback.isVisible()
    page.hide()  # the worker left the page: the number goes with it
    assert not dialog.isVisible()


def test_a_failed_dial_in_english(qtbot: QtBot, page: DetailPage, services: FieldServices) -> None:
    assert services.translations.set_language("en")  # the GUI texts come from the .qm
    services.state.set_lang("en")
    s = pick(services, with_phones_and_hours)
    page.open_url = lambda _url: False  # a tablet without a SIM
    shown(qtbot, page, s.id)
    _phone, call, _copy = page.phone_buttons[0]
    click(qtbot, page, call)
    dialog = page.no_dialer
    assert dialog is not None and dialog.isVisible()
    assert dialog.text.text().startswith("This device cannot")
    assert dialog.copy_button.text() == "Copy"
    services.translations.set_language("sv")
