"""HSDS 3 status in words (#15 point 3b): the detail page, the list of places and the guides
say inactive, defunct and a temporary closure with its dates. Real widgets offscreen on the
fictional mini pack; the clock is Monday 23 November 2026."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kompassen.catalogue.pack.packdata import PackData
from kompassen.compose import AppContext
from kompassen.gui.field.detail_page import DetailPage
from kompassen.gui.field.guides_page import GuidesPage
from kompassen.gui.field.locations.delegate import LocationDelegate
from kompassen.gui.field.services import FieldServices, build_services
from minipack import mini_documents

SID = "testby/stodlinjen"


@pytest.fixture
def install(ctx: AppContext, qapp: object) -> Iterator[Any]:
    """Install the mini pack with the support line's status fields, and give its services."""
    made: list[FieldServices] = []

    def put(**fields: str) -> FieldServices:
        docs = mini_documents()
        svc = docs["services.json"]["services"][1]
        assert svc["key"] == "stodlinjen"
        svc.update(fields)
        ctx.catalogue.install(PackData(docs))
        services = build_services(ctx, "testby", synchronous=True)
        services.theme.apply(ctx.clock.now(), force=True)
        made.append(services)
        return services

    yield put
    for s in made:
        s.runner.close()


def status_text(qtbot: QtBot, services: FieldServices) -> tuple[str, str]:
    page = DetailPage(services)
    qtbot.addWidget(page)
    page.show_service(SID)
    assert page.status_label is not None
    return page.status_label.text(), page.status_label.property("role")


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"status_until": "2026-12-24"}, "Tillfälligt stängd till 24 december"),
        (
            {"status_from": "2026-11-01", "status_until": "2026-12-24"},
            "Tillfälligt stängd till 24 december",  # already closed: the end is what matters
        ),
        (
            {"status_from": "2026-12-01", "status_until": "2026-12-24"},
            "Tillfälligt stängd från 1 december till 24 december",
        ),
        ({"status_from": "2026-12-01"}, "Tillfälligt stängd från 1 december"),
        ({"status_until": "2027-01-06"}, "Tillfälligt stängd till 6 januari 2027"),
        (
            {"status_until": "2026-11-20"},
            "Tillfälligt stängd till 20 november – datumet har passerat, ring och kontrollera",
        ),
        ({}, "Tillfälligt stängd"),
    ],
)
def test_a_temporary_closure_with_its_dates(
    qtbot: QtBot, install: Any, fields: dict[str, str], words: str
) -> None:
    services = install(status="temporarily-closed", **fields)
    assert status_text(qtbot, services) == (words, "closed")


@pytest.mark.parametrize(
    ("word", "words"),
    [
        ("inactive", "Inaktiv – kör inte just nu"),
        ("defunct", "Nedlagd – lämna inte över hit"),
        ("closed", "Nedlagd – lämna inte över hit"),
    ],
)
def test_inactive_and_defunct_say_which(qtbot: QtBot, install: Any, word: str, words: str) -> None:
    assert status_text(qtbot, install(status=word)) == (words, "closed")


def test_english_dates(qtbot: QtBot, install: Any) -> None:
    services = install(status="temporarily-closed", status_until="2026-12-24")
    assert services.translations.set_language("en")
    services.state.set_lang("en")
    try:
        text, _ = status_text(qtbot, services)
        assert "24 December" in text  # the month in the reader's language
    finally:
        services.translations.set_language("sv")
        services.state.set_lang("sv")


def test_the_list_of_places_says_inactive_or_ended(qtbot: QtBot, install: Any) -> None:
    for word, words in (("inactive", "Inaktiv"), ("defunct", "Nedlagd")):
        services = install(status=word)
        delegate = LocationDelegate(services.theme)
        [svc] = services.reader.services(["testby/nattharbarge"])
        refs = services.reader.services_by_location("testby")
        [ref] = refs["testby/huset"]
        assert delegate._status_text(ref) == ""  # the active shelter says nothing
        assert delegate._status_text(svc) == ""
        [line] = services.reader.services([SID])
        assert delegate._status_text(line) == words


def test_the_list_reads_the_detail_of_a_place_service(ctx: AppContext, install: Any) -> None:
    delegate = LocationDelegate(install().theme)
    docs = mini_documents()
    docs["services.json"]["services"][0]["status"] = "inactive"  # the shelter at a place
    ctx.catalogue.install(PackData(docs))
    [ref] = ctx.catalogue.reader.services_by_location("testby")["testby/huset"]
    assert (ref.status, ref.status_detail) == ("closed", "inactive")
    assert delegate._status_text(ref) == "Inaktiv"


def test_a_guide_step_names_the_state_of_its_service(qtbot: QtBot, install: Any) -> None:
    services = install(status="temporarily-closed", status_until="2026-12-24")
    page = GuidesPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show_guide("testby/sova-i-natt")
    b = page.step_cards[0].service_buttons[SID]
    assert b.text_shown().startswith("Teststödlinjen (tillfälligt stängd till 24 december)")
    services = install(status="inactive")
    page = GuidesPage(services)
    qtbot.addWidget(page)
    page.show_guide("testby/sova-i-natt")
    b = page.step_cards[0].service_buttons[SID]
    assert b.text_shown().startswith("Teststödlinjen (inaktiv)")


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        (
            {"status": "temporarily-closed", "status_until": "2026-12-24"},
            "Tillfälligt stängd till 24 december",
        ),
        (
            {"status": "temporarily-closed", "status_until": "2026-11-20"},
            "Tillfälligt stängd till 20 november – datumet har passerat, ring och kontrollera",
        ),
        ({"status": "inactive"}, "Inaktiv – kör inte just nu"),
        ({"status": "defunct"}, "Nedlagd – lämna inte över hit"),
        ({"status": "closed"}, "Nedlagd – lämna inte över hit"),
        ({"status": "active"}, None),
    ],
)
def test_the_result_card_says_what_the_detail_page_says(
    ctx: AppContext, install: Any, fields: dict[str, str], words: str | None
) -> None:
    """The card said its hours ("Öppet dygnet runt") and "Stängd" for inactive, ended and a
    closure with dates alike."""
    from kompassen.catalogue.search.model import SearchQuery
    from kompassen.gui.field.search.result_delegate import ResultDelegate

    services = install(**fields)
    ss = ctx.open_search()
    try:
        hits = ss.search(SearchQuery("testby", text="teststödlinjen", at=ctx.clock.now())).hits
    finally:
        ss.close()
    hit = next(h for h in hits if h.id == SID)
    delegate = ResultDelegate(services.theme, None, today=lambda: ctx.clock.now().date())
    got = delegate.status_text(hit)
    if words is None:
        assert got == hit.open_text  # a running service: when it is open
    else:
        assert got == words  # instead of its hours ("Öppet dygnet runt" while closed)
        assert words not in delegate.warning_text(hit)
