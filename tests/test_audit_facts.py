"""The audit's high-severity findings (data/sources/AUDIT.md, 2026-12-01) stay fixed.

Each test is named after an H item of the audit and reads the packs as the app installs them
(the bundled areas on a private KOMPASSEN_HOME), so it fails if a wrong fact comes back: a
service that has ended shown as open, a closing that is not announced, weekdays that no source
gives, a map point for an address that was only proposed, an adults-only unit offered to
children, or the missing under-18 psychiatric emergency.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kompassen.catalogue.store.reader import CatalogueReader
from kompassen.compose import AppContext
from kompassen.core.hours import is_open
from kompassen.core.model import Guide, Notice, Service, TimeWindow
from kompassen.device.paths import bundled_areas_dir

STOCKHOLM = ZoneInfo("Europe/Stockholm")
AREAS = ("klara", "vastra-sodermalm")


def at(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=STOCKHOLM)


@pytest.fixture
def reader(ctx: AppContext) -> Iterator[CatalogueReader]:
    """The catalogue the app installed from the bundled packs."""
    yield ctx.catalogue.reader


def service(reader: CatalogueReader, area: str, key: str) -> Service:
    return reader.service(f"{area}/{key}")


def guide(reader: CatalogueReader, area: str, key: str) -> Guide:
    return next(g for g in reader.guides(area) if g.id == f"{area}/{key}")


def notices_for(reader: CatalogueReader, area: str, key: str, when: datetime) -> list[Notice]:
    return [n for n in reader.notices(area, when) if n.service_id == f"{area}/{key}"]


def window_applies(when: TimeWindow, moment: datetime) -> bool:
    """The guide's rule for a step's window (an end at or before the start runs past midnight)."""
    minute = moment.hour * 60 + moment.minute
    start, end = (int(x[:2]) * 60 + int(x[3:]) for x in (when.start, when.end))
    day, yesterday = moment.weekday(), (moment.weekday() - 1) % 7
    if end <= start:
        return (minute >= start and (not when.days or day in when.days)) or (
            minute < end and (not when.days or yesterday in when.days)
        )
    return start <= minute < end and (not when.days or day in when.days)


def all_steps_services(reader: CatalogueReader, area: str) -> set[str]:
    return {sid for g in reader.guides(area) for st in g.steps for sid in st.service_ids}


@pytest.mark.parametrize("area", AREAS)
def test_B1_sl_outreach_that_ended_is_not_shown_as_open(reader: CatalogueReader, area: str) -> None:
    """The SL partnership ran to 2025-06-01 and is being ended: closed, and no guide sends there."""
    s = service(reader, area, "stadsmissionen-sl")
    assert s.status == "closed"
    assert "2025-06-01" in s.status_note
    assert s.hours is None  # no hours on a closed service
    assert f"{area}/stadsmissionen-sl" not in all_steps_services(reader, area)
    assert any("battrestadsdel.se" in u for u in s.provenance.sources)


@pytest.mark.parametrize("area", AREAS)
def test_B2_st_goran_needle_exchange_carries_a_dated_closing_notice(
    reader: CatalogueReader, area: str
) -> None:
    """It may close at the turn of the year: a visible notice, before and after 2026-12-31."""
    key = "sprututbytet-st-goran"
    for when in (at(2026, 12, 2, 12), at(2026, 12, 31, 23), at(2027, 2, 1, 12)):
        (notice,) = notices_for(reader, area, key, when)
        assert "2026-12-31" in notice.text.sv and "verifiera" in notice.text.sv
        assert notice.text.en and "2026-12-31" in notice.text.en
    s = service(reader, area, key)
    assert s.status == "active"  # not confirmed closed: the notice says so, not a silent change
    assert any("nytt-bygglov" in u for u in s.provenance.sources)
    # the Södermalm Wednesday rule no longer sends men there without a warning
    soder = service(reader, area, "sprututbytet-sodermalm")
    assert soder.handover.instructions is not None
    assert "2026-12-31" in soder.handover.instructions.sv


@pytest.mark.parametrize("area", AREAS)
def test_B3_eu_shelter_is_not_shipped_as_confirmed(reader: CatalogueReader, area: str) -> None:
    """Operator, place and times are unconfirmed after April 2024: a notice, and no weekly rule
    that picks one source's lottery times (weekends would read as closed)."""
    key = "akutboende-eu"
    (notice,) = notices_for(reader, area, key, at(2026, 12, 5, 10, 15))
    assert "april 2024" in notice.text.sv and "verifiera" in notice.text.sv
    s = service(reader, area, key)
    assert s.hours is not None and not s.hours.rules
    assert is_open(s.hours, at(2026, 12, 5, 10, 15)) is None  # a Saturday: unknown, not closed
    assert "Ny Gemenskap" in s.description.sv
    assert any("nygemenskap.org/vinternatt" in u for u in s.provenance.sources)


@pytest.mark.parametrize("area", AREAS)
def test_B4_E4_mika_has_no_map_point_for_the_proposed_address(
    reader: CatalogueReader, area: str
) -> None:
    """Göta Ark was only proposed (2021): no location there, no coordinates, address to verify."""
    s = service(reader, area, "mikamottagningen")
    assert s.locations
    for loc in s.locations:
        assert loc.lat is None and loc.lon is None
        street = loc.address.street if loc.address else ""
        assert "Göta Ark" not in street
    assert all("gota-ark" not in loc.id for loc in reader.locations(area))
    (notice,) = notices_for(reader, area, "mikamottagningen", at(2026, 12, 2, 12))
    assert "verifiera" in notice.text.sv


@pytest.mark.parametrize("area", AREAS)
def test_C1_homelessness_evening_line_invents_no_weekdays(
    reader: CatalogueReader, area: str
) -> None:
    """No source gives weekdays: a Saturday evening is unknown, never closed; the guide's
    evening step applies on every day, next to Socialjouren at weekends."""
    s = service(reader, area, "hemloshetsmottagningen")
    assert s.hours is not None and not s.hours.rules
    assert "16.30–24.00" in s.hours.note
    assert is_open(s.hours, at(2026, 12, 5, 20)) is None  # Saturday 20:00
    assert is_open(s.hours, at(2026, 12, 2, 20)) is None  # Wednesday 20:00: unknown too
    chain = guide(reader, area, "hemlos-vuxen-tidskedja")
    line, jour = f"{area}/hemloshetsmottagningen", f"{area}/socialjouren"
    for day in range(1, 8):  # 2026-12-01 is a Tuesday: every weekday once, at 20:00
        now = [
            st for st in chain.steps if st.when and window_applies(st.when, at(2026, 12, day, 20))
        ]
        assert any(line in st.service_ids for st in now), day  # evenings, whatever the day
        assert all("att verifiera" in st.text.sv for st in now), day
        if at(2026, 12, day, 20).weekday() >= 5:  # weekend evenings: either of them (C3)
            assert any(line in st.service_ids and jour in st.service_ids for st in now), day


@pytest.mark.parametrize("area", AREAS)
def test_A6_adult_psychiatric_emergency_is_18_plus(reader: CatalogueReader, area: str) -> None:
    """The S:t Göran unit is for 18+ only: the age limit is set and the guide says so."""
    s = service(reader, area, "psykiatrisk-akut-st-goran")
    assert s.handover.age_min == 18
    assert "18" in s.description.sv
    crisis = guide(reader, area, "psykisk-kris")
    text = " ".join(st.text.sv for st in crisis.steps)
    assert "för alla som bor eller vistas" not in text
    adult = next(st for st in crisis.steps if f"{area}/psykiatrisk-akut-st-goran" in st.service_ids)
    assert "18" in adult.text.sv


@pytest.mark.parametrize("area", AREAS)
def test_G1_under_18_psychiatric_emergency_is_there(reader: CatalogueReader, area: str) -> None:
    """BUP Akutenhet, only with the facts the sources give: address, hours, no phone number."""
    s = service(reader, area, "bup-akutenhet")
    assert s.status == "active"
    assert s.handover.age_max == 17 and s.handover.age_min is None
    assert not s.phones  # the sources give none
    (loc,) = s.locations
    assert loc.address is not None and loc.address.street == "Sachsgatan 10"
    assert loc.lat is None and loc.lon is None  # no coordinates in the sources
    assert s.hours is not None
    assert is_open(s.hours, at(2026, 12, 1, 17)) is True  # Tuesday evening
    assert is_open(s.hours, at(2026, 12, 2, 3)) is True  # Wednesday night
    assert is_open(s.hours, at(2026, 12, 1, 10)) is False  # weekday office hours: local BUP
    assert is_open(s.hours, at(2026, 12, 5, 11)) is True  # Saturday
    assert is_open(s.hours, at(2026, 12, 25, 11)) is True  # juldagen, a Friday holiday
    for key in ("ung-ensam-ute-pa-natten", "psykisk-kris"):
        assert any(
            f"{area}/bup-akutenhet" in st.service_ids for st in guide(reader, area, key).steps
        )


GUESSED_YEARS = {  # D1, D2, D4, D5: years no source shows
    "clara-matutdelning",
    "clara-samtal",
    "clara-uppsokande",
    "clara-matutdelning-medborgarplatsen",
    "hallplats-fralsningsarmen",
    "ny-gemenskap-kafe-norrmalm",
    "ny-gemenskap-kafe-sodermalm",
    "ny-gemenskap-vinternatt-sommarnatt",
    "ny-gemenskap-extra-kalla-natter",
}


@pytest.mark.parametrize("area", AREAS)
def test_D_no_guessed_verified_years(reader: CatalogueReader, area: str) -> None:
    """verified_at is a date a source shows or unknown (the audit's guessed years are gone)."""
    ids = set(reader.service_ids(area))
    for key in GUESSED_YEARS:
        if f"{area}/{key}" in ids:
            got = service(reader, area, key).provenance.verified_at
            assert got in ("unknown", "2022-12-09"), (key, got)


def test_shared_services_are_identical_in_both_packs() -> None:
    """The audit compared the shared copies as one: a fix in one pack is a fix in both."""
    docs = {
        a: json.loads((bundled_areas_dir() / a / "services.json").read_text(encoding="utf-8"))
        for a in AREAS
    }
    for section in ("services", "organizations"):
        k, v = ({r["key"]: r for r in docs[a][section]} for a in AREAS)
        shared = set(k) & set(v)
        assert len(shared) >= 19
        assert [key for key in sorted(shared) if k[key] != v[key]] == []
