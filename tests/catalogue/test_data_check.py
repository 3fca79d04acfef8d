"""The freshness worklist (``kompassen data-check``, issue #15 point 3).

The shipped packs must never carry a high finding; every kind of finding is shown on the
fictional test pack (tests/minipack.py, invented organisations only), made clean first so
that each test changes one fact and sees exactly the finding it causes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kompassen.catalogue.check.freshness import (
    JSON_FORMAT,
    KINDS,
    SEVERITIES,
    Finding,
    Worklist,
    check_area,
)
from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.store.loader import AreaNotInstalled
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.compose import AppContext
from kompassen.core.clock import FixedClock
from minipack import mini_documents

SHIPPED = ("klara", "vastra-sodermalm")


def clean_documents() -> dict[str, Any]:
    """The test pack with nothing for the worklist: public sources, recent dates, exact
    points with a source, no lapsed notice, no number to verify."""
    docs = mini_documents()
    src = ["https://testby.example/om-oss"]
    services = docs["services.json"]
    for record in (*services["organizations"], *services["services"]):
        record["sources"] = src
        record["verified_at"] = "2026-06-01"
    for guide in docs["guides.json"]["guides"]:
        guide["sources"] = src
        guide["verified_at"] = "2026-06-01"
    for landmark in docs["landmarks.json"]["landmarks"]:
        landmark["source"] = "https://testby.example/karta"
    services["services"][0]["phones"][0]["to_verify"] = False
    docs["notices.json"]["notices"][0]["expires"] = "2027-01-31"
    return docs


def worklist(
    store: CatalogueStore,
    clock: FixedClock,
    change: Callable[[dict[str, Any]], object] | None = None,
    **kw: Any,
) -> Worklist:
    docs = clean_documents()
    if change is not None:
        change(docs)
    store.install(PackData(docs))
    return check_area(store.conn, "testby", clock, **kw)


def only(found: Worklist) -> Finding:
    assert len(found.findings) == 1, [f.as_json() for f in found.findings]
    return found.findings[0]


def key_fields(found: Worklist) -> set[tuple[str, str, str, str, str]]:
    return {(f.kind, f.severity, f.record_type, f.record, f.field) for f in found.findings}


def svc(docs: dict[str, Any], key: str) -> dict[str, Any]:
    return next(s for s in docs["services.json"]["services"] if s["key"] == key)


# --------------------------------------------------------------------------- shipped packs


@pytest.mark.parametrize("area", SHIPPED)
@pytest.mark.parametrize("day", ["2026-11-23", "2026-12-02"])
def test_shipped_packs_have_no_high_finding(ctx: AppContext, area: str, day: str) -> None:
    """Fails as soon as a fact comes back that could send a person to a closed or wrong
    place or give a wrong time (the data audit's H)."""
    clock = FixedClock(ctx.clock.now().replace(*map(int, day.split("-"))))
    found = check_area(ctx.catalogue.conn, area, clock)
    high = [f.line("en") for f in found.findings if f.severity == "high"]
    assert high == [], "\n".join(high)
    assert found.findings, "a real pack always has something to check"


def test_the_clean_test_pack_has_no_finding(store: CatalogueStore, clock: FixedClock) -> None:
    assert worklist(store, clock).findings == ()


# --------------------------------------------------------------------------- contradictions


def test_hours_on_a_closed_service(store: CatalogueStore, clock: FixedClock) -> None:
    def close(docs: dict[str, Any]) -> None:
        svc(docs, "nattharbarge")["status"] = "closed"

    found = worklist(store, clock, close)
    assert ("contradiction", "high", "service", "nattharbarge", "hours.weekly") in key_fields(found)


def test_a_guide_step_naming_a_closed_service(store: CatalogueStore, clock: FixedClock) -> None:
    def close(docs: dict[str, Any]) -> None:
        svc(docs, "stodlinjen")["status"] = "closed"
        svc(docs, "stodlinjen")["hours"] = None

    f = only(worklist(store, clock, close))
    assert (f.kind, f.severity, f.record_type, f.record) == (
        "contradiction",
        "high",
        "guide",
        "sova-i-natt",
    )
    assert (f.field, f.fact) == ("steps[0].services[0]", "stodlinjen")

    def close_and_say_so(docs: dict[str, Any]) -> None:
        close(docs)
        docs["guides.json"]["guides"][0]["steps"][0]["text"]["sv"] = (
            "Stödlinjen är nedlagd – ring inte dit."
        )

    assert only(worklist(store, clock, close_and_say_so)).severity == "low"


def test_a_lapsed_notice_on_an_open_service(store: CatalogueStore, clock: FixedClock) -> None:
    """The clock moves past the notice's end: the warning is gone, the service still shows."""
    assert worklist(store, clock).findings == ()
    later = FixedClock(datetime(2027, 2, 1, 9, 0, tzinfo=clock.now().tzinfo))
    f = only(check_area(store.conn, "testby", later))
    assert (f.kind, f.severity, f.record_type, f.record, f.field, f.fact) == (
        "contradiction",
        "high",
        "notice",
        "fullt",
        "expires",
        "2027-01-31",
    )


def test_a_notice_that_ends_before_it_starts(store: CatalogueStore, clock: FixedClock) -> None:
    def backwards(docs: dict[str, Any]) -> None:
        docs["notices.json"]["notices"][0].update(starts="2027-02-01", expires="2027-01-31")

    f = only(worklist(store, clock, backwards))
    assert (f.kind, f.severity, f.field) == ("contradiction", "medium", "starts")


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(0.0, 0.0), (18.001, 59.001), (59.5, 18.0)],
    ids=["zero", "swapped", "55-km-away"],
)
def test_a_point_outside_the_area(
    store: CatalogueStore, clock: FixedClock, lat: float, lon: float
) -> None:
    def move(docs: dict[str, Any]) -> None:
        docs["services.json"]["locations"][0].update(lat=lat, lon=lon)

    f = only(worklist(store, clock, move))
    assert (f.kind, f.severity, f.record_type, f.record, f.field) == (
        "contradiction",
        "high",
        "location",
        "huset",
        "lat/lon",
    )


def test_the_plausible_box_grows_with_the_areas_landmarks(
    store: CatalogueStore, clock: FixedClock
) -> None:
    """A large area whose landmarks lie 30 km out may have services 55 km out."""

    def spread(docs: dict[str, Any]) -> None:
        docs["services.json"]["locations"][0].update(lat=59.5, lon=18.0)
        for landmark in docs["landmarks.json"]["landmarks"]:
            landmark["lat"] = 59.27

    assert worklist(store, clock, spread).findings == ()


def test_one_phone_number_on_two_organisations(store: CatalogueStore, clock: FixedClock) -> None:
    def share(docs: dict[str, Any]) -> None:
        services = docs["services.json"]
        services["organizations"].append({**services["organizations"][0], "key": "andra"})
        other = svc(docs, "stodlinjen")
        other["organization"] = "andra"
        other["phones"] = [{"number": "000 000 00 00", "kind": "helpline"}]

    found = worklist(store, clock, share)
    assert key_fields(found) == {
        ("contradiction", "medium", "service", "nattharbarge", "phones[0].number"),
        ("contradiction", "medium", "service", "stodlinjen", "phones[0].number"),
    }
    assert "andra" in found.findings[0].why.sv and "testforeningen" in found.findings[0].why.en

    def share_emergency(docs: dict[str, Any]) -> None:
        share(docs)
        for s in docs["services.json"]["services"]:
            s["phones"] = [{"number": "112", "kind": "emergency"}]

    assert worklist(store, clock, share_emergency).findings == ()


def test_verified_at_in_the_future(store: CatalogueStore, clock: FixedClock) -> None:
    def future(docs: dict[str, Any]) -> None:
        svc(docs, "stodlinjen")["verified_at"] = "2027"

    f = only(worklist(store, clock, future))
    assert (f.kind, f.severity, f.record, f.field) == (
        "contradiction",
        "medium",
        "stodlinjen",
        "verified_at",
    )


# --------------------------------------------------------------------------- inferred


def test_inferred_weekly_hours(store: CatalogueStore, clock: FixedClock) -> None:
    def inferred(docs: dict[str, Any]) -> None:
        svc(docs, "nattharbarge")["hours"]["note"] = "Veckodagarna är härledda ur en artikel."

    f = only(worklist(store, clock, inferred))
    assert (f.kind, f.severity, f.record, f.field) == (
        "inferred",
        "high",
        "nattharbarge",
        "hours.note",
    )

    def in_data_note(docs: dict[str, Any]) -> None:
        svc(docs, "stodlinjen")["data_note"] = "Öppettiderna är antagna. Åldern står i källan."

    f = only(worklist(store, clock, in_data_note))
    assert (f.severity, f.record, f.field, f.fact) == (
        "high",
        "stodlinjen",
        "data_note",
        "Öppettiderna är antagna.",
    )


def test_a_data_note_that_infers_something_else_is_no_hours_finding(
    store: CatalogueStore, clock: FixedClock
) -> None:
    def date_inferred(docs: dict[str, Any]) -> None:
        svc(docs, "stodlinjen")["data_note"] = "Datum härlett ur ett jubileum."

    assert worklist(store, clock, date_inferred).findings == ()


def test_an_inferred_guide_window(store: CatalogueStore, clock: FixedClock) -> None:
    def inferred(docs: dict[str, Any]) -> None:
        docs["guides.json"]["guides"][0]["steps"][0]["text"]["sv"] += " Tider att verifiera."

    f = only(worklist(store, clock, inferred))
    assert (f.kind, f.severity, f.record_type, f.field, f.fact) == (
        "inferred",
        "medium",
        "guide",
        "steps[0].when",
        "mon,tue,wed,thu,fri 08:00–16:30",
    )


def test_an_estimated_map_point(store: CatalogueStore, clock: FixedClock) -> None:
    def estimate(docs: dict[str, Any]) -> None:
        docs["services.json"]["locations"][0]["coords_approximate"] = True

    f = only(worklist(store, clock, estimate))
    assert (f.kind, f.severity, f.record_type, f.field) == (
        "inferred",
        "low",
        "location",
        "coords_approximate",
    )


# --------------------------------------------------------------------------- stale


def test_stale_moves_with_the_clock_and_the_age(store: CatalogueStore, clock: FixedClock) -> None:
    def checked(docs: dict[str, Any]) -> None:
        svc(docs, "stodlinjen")["verified_at"] = "2025-01"
        docs["notices.json"]["notices"][0]["expires"] = "2099-12-31"

    assert worklist(store, clock, checked).findings == ()  # 2025-01-31 .. 2026-11-23
    later = FixedClock(clock.now() + timedelta(days=100))
    f = only(check_area(store.conn, "testby", later))
    assert (f.kind, f.severity, f.record, f.field, f.fact) == (
        "stale",
        "medium",
        "stodlinjen",
        "verified_at",
        "2025-01",
    )
    assert "2 år" in f.why.sv and "2 years" in f.why.en
    assert only(check_area(store.conn, "testby", clock, max_age_years=1)).kind == "stale"


def test_a_partial_date_is_stale_only_when_its_last_day_is(
    store: CatalogueStore, clock: FixedClock
) -> None:
    def year_only(docs: dict[str, Any]) -> None:
        svc(docs, "stodlinjen")["verified_at"] = "2024"

    # "2024" may mean 2024-12-31: not older than 2 years on 2026-11-23
    assert worklist(store, clock, year_only).findings == ()
    assert check_area(store.conn, "testby", FixedClock(datetime(2027, 1, 2))).findings


def test_unknown_date_and_stale_closure_are_low(store: CatalogueStore, clock: FixedClock) -> None:
    def dates(docs: dict[str, Any]) -> None:
        svc(docs, "stodlinjen")["verified_at"] = "unknown"
        closed = svc(docs, "nattharbarge")
        closed.update(status="closed", hours=None, verified_at="2015")
        docs["guides.json"]["guides"][0]["steps"][1]["text"]["sv"] = "Härbärget är stängt."

    found = worklist(store, clock, dates)
    assert ("stale", "low", "service", "stodlinjen", "verified_at") in key_fields(found)
    assert ("stale", "low", "service", "nattharbarge", "verified_at") in key_fields(found)
    assert not found.has_high


# --------------------------------------------------------------------------- unsourced


def test_a_record_without_a_public_source(store: CatalogueStore, clock: FixedClock) -> None:
    def private(docs: dict[str, Any]) -> None:
        docs["services.json"]["organizations"][0]["sources"] = ["Partnerlistan (projektbrief)"]

    f = only(worklist(store, clock, private))
    assert (f.kind, f.severity, f.record_type, f.record, f.field) == (
        "unsourced",
        "medium",
        "organization",
        "testforeningen",
        "sources",
    )
    assert f.fact == "Partnerlistan (projektbrief)"


@pytest.mark.parametrize("source", ["stockholm.se/stod", "www.testby.example/x", "http://a.b"])
def test_public_sources_in_their_usual_shapes(
    store: CatalogueStore, clock: FixedClock, source: str
) -> None:
    def cite(docs: dict[str, Any]) -> None:
        docs["services.json"]["organizations"][0]["sources"] = ["Broschyr", source]

    assert worklist(store, clock, cite).findings == ()


def test_a_landmark_without_a_source(store: CatalogueStore, clock: FixedClock) -> None:
    def unsourced(docs: dict[str, Any]) -> None:
        del docs["landmarks.json"]["landmarks"][0]["source"]

    f = only(worklist(store, clock, unsourced))
    assert (f.kind, f.severity, f.record_type, f.record) == (
        "unsourced",
        "low",
        "landmark",
        "torget",
    )


def test_per_fact_sources_unsourced_and_stale(store: CatalogueStore, clock: FixedClock) -> None:
    """A record whose sources have ids (issue #15 point 2, stored as sources + facts): each
    fact without its own source is listed, and a fact whose source's date is too old."""
    worklist(store, clock)
    stored = {
        "sources": [
            {"id": "ny", "url": "https://testby.example/a", "date": "2026-05"},
            {"id": "gammal", "url": "https://testby.example/b", "date": "2019"},
        ],
        "facts": {"phones": ["gammal"], "weekly": ["ny"], "location": "ny"},
    }
    with store.conn:
        store.conn.execute(
            "UPDATE service SET sources_json = ? WHERE key = 'nattharbarge'", (json.dumps(stored),)
        )
    found = check_area(store.conn, "testby", clock)
    assert key_fields(found) == {
        ("unsourced", "low", "service", "nattharbarge", "handover.source"),
        ("stale", "medium", "service", "nattharbarge", "phones[0].source"),
    }
    stale = next(f for f in found.findings if f.kind == "stale")
    assert stale.fact == "gammal (2019)" and "2019" in stale.why.en


# --------------------------------------------------------------------------- to verify


def test_marked_to_verify(store: CatalogueStore, clock: FixedClock) -> None:
    def marked(docs: dict[str, Any]) -> None:
        svc(docs, "nattharbarge")["phones"][0]["to_verify"] = True
        svc(docs, "stodlinjen")["data_note"] = (
            "Åldern står i källan. Numret är gammalt – verifiera."
        )
        docs["services.json"]["locations"][0]["address"]["note"] = "Ingång från gården, verifiera."

    found = worklist(store, clock, marked)
    assert key_fields(found) == {
        ("to-verify", "low", "service", "nattharbarge", "phones[0].number"),
        ("to-verify", "low", "service", "stodlinjen", "data_note"),
        ("to-verify", "low", "location", "huset", "address.note"),
    }
    note = next(f for f in found.findings if f.field == "data_note")
    assert note.fact == "Numret är gammalt – verifiera."


# --------------------------------------------------------------------------- the list itself


def messy(docs: dict[str, Any]) -> None:
    """One finding of each severity and most kinds."""
    svc(docs, "nattharbarge")["status"] = "closed"
    svc(docs, "nattharbarge")["phones"][0]["to_verify"] = True
    svc(docs, "stodlinjen")["verified_at"] = "2019"
    docs["services.json"]["organizations"][0]["sources"] = ["muntligt"]
    docs["services.json"]["locations"][0]["coords_approximate"] = True


def test_worst_first_and_stable(store: CatalogueStore, clock: FixedClock) -> None:
    found = worklist(store, clock, messy)
    ranks = [SEVERITIES.index(f.severity) for f in found.findings]
    assert ranks == sorted(ranks) and set(ranks) == {0, 1, 2}
    assert found.has_high and found.counts()["high"] >= 1
    again = check_area(store.conn, "testby", clock)
    assert again.findings == found.findings


def test_json_schema_is_stable(store: CatalogueStore, clock: FixedClock) -> None:
    """What the office editor reads: these keys, with these meanings (docs/DATA.md)."""
    doc = json.loads(json.dumps(worklist(store, clock, messy).as_json()))
    assert set(doc) == {"format", "area", "checked_at", "max_age_years", "counts", "findings"}
    assert doc["format"] == JSON_FORMAT == 1
    assert doc["area"] == "testby" and doc["max_age_years"] == 2
    assert doc["checked_at"] == "2026-11-23T12:00:00+01:00"
    assert set(doc["counts"]) == set(SEVERITIES)
    assert sum(doc["counts"].values()) == len(doc["findings"])
    for f in doc["findings"]:
        assert set(f) == {
            "kind",
            "severity",
            "record_type",
            "record",
            "field",
            "fact",
            "why",
            "fix",
        }
        assert f["kind"] in KINDS and f["severity"] in SEVERITIES
        assert all(isinstance(f[k], str) and f[k] for k in ("record", "field", "fact"))
        for words in (f["why"], f["fix"]):
            assert set(words) == {"sv", "en"}


def test_every_finding_in_swedish_and_english(ctx: AppContext, store: CatalogueStore) -> None:
    clock = FixedClock(datetime(2030, 1, 1, 12, 0, tzinfo=ctx.clock.now().tzinfo))
    everything = [
        *worklist(store, clock, messy).findings,
        *check_area(ctx.catalogue.conn, "klara", clock).findings,
    ]
    for f in everything:
        for words in (f.why, f.fix):
            assert words.sv and words.en and words.sv != words.en, f
        assert f.line("sv").startswith(("HÖG", "MEDEL", "LÅG"))
        assert f.line("en").startswith(("HIGH", "MEDIUM", "LOW"))
        assert f.why.sv in f.line("sv") and f.fix.en in f.line("en")


def test_an_area_that_is_not_installed(store: CatalogueStore, clock: FixedClock) -> None:
    with pytest.raises(AreaNotInstalled):
        check_area(store.conn, "atlantis", clock)


# --------------------------------------------------------------------------- the command


def run(*args: str, home: Path, lang: str = "sv") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "KOMPASSEN_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "kompassen", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_command_exit_codes_and_forms(home: Path, tmp_path: Path) -> None:
    done = run("data-check", "--area", "klara", home=home)
    assert done.returncode == 0, done.stdout + done.stderr
    head, *lines = done.stdout.splitlines()
    assert head.startswith("klara: 0 hög, ") and lines
    english = run("data-check", "--area", "klara", "--lang", "en", "--json", home=home)
    doc = json.loads(english.stdout)
    assert doc["area"] == "klara" and doc["counts"]["high"] == 0
    assert len(doc["findings"]) == len(lines)
    assert run("data-check", "--area", "klara", home=home, lang="en").stdout.startswith(
        "klara: 0 high, "
    )

    docs = clean_documents()
    messy(docs)
    PackData(docs).write(tmp_path / "testby")
    assert run("install-pack", str(tmp_path / "testby"), "-q", home=home).returncode == 0
    bad = run("data-check", "--area", "testby", home=home)
    assert bad.returncode == 1
    assert bad.stdout.splitlines()[1].startswith("HÖG")

    unknown = run("data-check", "--area", "atlantis", home=home)
    assert unknown.returncode == 2 and "atlantis" in unknown.stderr
    assert run("data-check", "--area", "klara", "--max-age-years", "-1", home=home).returncode == 2
    assert run("data-check", home=home).returncode == 2
