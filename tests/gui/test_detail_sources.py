"""The detail page says where each fact comes from and how old it is (#15 point 2).

Real widgets offscreen on the installed Klara pack; the expected words are built here from the
catalogue's facts (site and year of the source), not taken from the page's own helper.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kompassen.catalogue.pack.packdata import PackData
from kompassen.compose import AppContext
from kompassen.core.model import Service, Source
from kompassen.gui.field.detail_page import DetailPage
from kompassen.gui.field.services import FieldServices, build_services
from minipack import mini_documents


def klara(svc: FieldServices) -> list[Service]:
    return svc.reader.services(svc.reader.service_ids("klara"))


def pick(svc: FieldServices, want: object) -> Service:
    found = [s for s in klara(svc) if want(s)]  # type: ignore[operator]
    if not found:
        pytest.fail("the Klara pack no longer has a service with the properties this test needs")
    return found[0]


def texts(page: DetailPage) -> list[str]:
    return [lab.text() for lab in page.findChildren(QLabel) if lab.isVisibleTo(page)]


def age_sv(src: Source) -> str:
    return str(src.year) if src.year is not None else "datum okänt"


@pytest.fixture
def page(qtbot: QtBot, services: FieldServices) -> Iterator[DetailPage]:
    p = DetailPage(services)
    qtbot.addWidget(p)
    p.resize(800, 1280)
    yield p
    p.deleteLater()


def shown(qtbot: QtBot, page: DetailPage, service_id: str) -> None:
    page.show_service(service_id)
    with qtbot.waitExposed(page):
        page.show()


def test_a_phone_says_which_page_gives_it_and_its_year(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    s = pick(services, lambda s: any(p.source for p in s.phones))
    shown(qtbot, page, s.id)
    src = next(p.source for p in s.phones if p.source)
    assert f"Telefon enligt {src.site}, {age_sv(src)}" in texts(page)


def test_undated_hours_say_date_unknown(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    s = pick(services, lambda s: s.facts.hours is not None and s.facts.hours.year is None)
    shown(qtbot, page, s.id)
    assert s.facts.hours is not None
    assert f"Öppettider enligt {s.facts.hours.site}, datum okänt" in texts(page)


def test_a_dated_source_shows_its_year_and_every_source_its_date(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    def dated(s: Service) -> bool:
        return any(
            f is not None and f.year is not None
            for f in (s.facts.hours, s.facts.status, s.facts.location, s.facts.handover)
        )

    s = pick(services, dated)
    shown(qtbot, page, s.id)
    words = [lab.text() for lab in page.source_labels]
    assert any(f", {y}" in w for w in words for y in {c.year for c in s.provenance.cited} if y)
    sources = next(t for t in texts(page) if t.startswith("Källor:"))
    for c in s.provenance.cited:
        assert f"({age_sv(c)})" in sources


def test_a_phone_without_a_source_says_so(
    qtbot: QtBot, page: DetailPage, services: FieldServices
) -> None:
    """Unsourced is shown, not hidden: the worklist reports the same fact."""
    s = pick(
        services,
        lambda s: (
            s.phones
            and all(p.source is None for p in s.phones)
            and any(c.id for c in s.provenance.cited)
        ),
    )
    shown(qtbot, page, s.id)
    assert "Telefon: källa ej angiven" in texts(page)


@pytest.fixture
def testby(ctx: AppContext, qapp: object) -> Iterator[FieldServices]:
    """The fictional mini pack: plain-string sources, as packs were before source ids."""
    ctx.catalogue.install(PackData(mini_documents()))
    svc = build_services(ctx, "testby", synchronous=True)
    svc.theme.apply(ctx.clock.now(), force=True)
    yield svc
    svc.runner.close()


def test_an_old_pack_without_source_ids_shows_no_per_fact_words(
    qtbot: QtBot, testby: FieldServices
) -> None:
    """No "källa ej angiven" under every phone of a pack that never named sources per fact."""
    page = DetailPage(testby)
    qtbot.addWidget(page)
    page.show_service("testby/nattharbarge")
    assert page.phone_buttons and page.service is not None and page.service.hours is not None
    assert page.source_labels == []
    assert not any("enligt" in t or "källa ej angiven" in t for t in texts(page))
    page.deleteLater()


def test_english_words(qtbot: QtBot, page: DetailPage, services: FieldServices) -> None:
    source = "{what} enligt {site}, {age}"
    assert services.translations.set_language("en")
    services.state.set_lang("en")
    try:
        if QCoreApplication.translate("DetailPage", source) == source:
            pytest.skip("the English translation of the new words is not in the .qm yet")
        s = pick(services, lambda s: any(p.source for p in s.phones))
        shown(qtbot, page, s.id)
        src = next(p.source for p in s.phones if p.source)
        age = str(src.year) if src.year is not None else "date unknown"
        assert f"Phone per {src.site}, {age}" in texts(page)
    finally:
        services.translations.set_language("sv")
        services.state.set_lang("sv")
