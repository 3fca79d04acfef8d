"""The two shipped area packs: valid, big enough, sourced, and not inventing facts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kompassen.catalogue.pack.fact_sources import source_url
from kompassen.catalogue.pack.packdata import PackData, canonical_documents
from kompassen.catalogue.pack.validate import read_pack_dir
from kompassen.catalogue.store.loader import dump_area
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.device.paths import bundled_areas_dir

AREAS = bundled_areas_dir()  # what the app installs (package data: data/areas in the checkout)
SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources" / "stockholm_services.json"
# the second pass (2026-12-01): corrections and new services, each fact with its page and date
SOURCES_2 = SOURCES.parent / "stockholm_services_2.json"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "stockholm_services.json"
MINIMUM = {"klara": 30, "vastra-sodermalm": 20}
TODAY = "2026-11-23"


@pytest.fixture(scope="module", params=sorted(MINIMUM))
def pack(request: pytest.FixtureRequest) -> PackData:
    return read_pack_dir(AREAS / request.param)


def test_every_bundled_folder_is_a_checked_pack() -> None:
    """A new area must be added to MINIMUM (and so to these checks); no stray folders."""
    folders = sorted(p.name for p in AREAS.iterdir() if p.is_dir() and p.name[0] not in "._")
    assert folders == sorted(MINIMUM)


def _services(pack: PackData) -> list[dict]:
    return pack.doc("services.json")["services"]


def test_enough_services_all_linked_and_sourced(pack: PackData) -> None:
    services = _services(pack)
    assert len(services) >= MINIMUM[pack.area_id]
    for s in services:
        assert s["needs"] and s["groups"] and s["handover"]["modes"], s["key"]
        assert s["sources"] and all(source_url(src).strip() for src in s["sources"]), s["key"]
        assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?|unknown", s["verified_at"]), s["key"]
        assert s["verified_at"] != TODAY, f"{s['key']}: verified_at must be the source's date"
    for o in pack.doc("services.json")["organizations"]:
        assert o["sources"] and o["verified_at"]


def test_landmarks_and_guides(pack: PackData) -> None:
    assert len(pack.doc("landmarks.json")["landmarks"]) >= 15
    guides = pack.doc("guides.json")["guides"]
    assert len(guides) >= 5
    text = json.dumps(guides, ensure_ascii=False).lower()
    for word in ("15", "förvirrad", "berusad", "eu", "sex"):
        assert word in text, word


def test_homelessness_time_chain_is_a_guide_with_windows(pack: PackData) -> None:
    guides = pack.doc("guides.json")["guides"]
    windows = [
        (g["key"], step["when"])
        for g in guides
        for step in g["steps"]
        if "when" in step and "need.shelter-tonight" in g["needs"]
    ]
    froms = {w["from"] for _, w in windows}
    assert "16:30" in froms, windows


def test_closed_services_are_not_shipped_as_open(pack: PackData) -> None:
    for s in _services(pack):
        name = (s["name"] + " " + s.get("alternate_name", "")).lower()
        if ("prima maria" in name and "beroendeakut" in name) or "crossroads" in name:
            assert s["status"] != "active", s["key"]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_no_invented_phone_numbers_or_addresses(pack: PackData) -> None:
    """Every phone number and street in a pack must come from the sourced data file."""
    shared = [
        record
        for path in (SOURCES, SOURCES_2)
        for record in json.loads(path.read_text(encoding="utf-8"))
    ]
    known_phones = " ".join(
        _digits(s["phone"] or "") + " " + _digits(s["referral"] or "") for s in shared
    )
    known_text = json.dumps(shared, ensure_ascii=False)
    for s in _services(pack):
        for phone in s.get("phones", []):
            assert _digits(phone["number"]) in known_phones, (s["key"], phone["number"])
    for loc in pack.doc("services.json")["locations"]:
        if "address" in loc:
            street = loc["address"]["street"]
            assert street.split(",")[0] in known_text, (loc["key"], street)


def test_pack_round_trips_through_the_catalogue(pack: PackData, store: CatalogueStore) -> None:
    store.install(pack)
    assert canonical_documents(dump_area(store.conn, pack.area_id)) == canonical_documents(pack)
    assert store.reader.service_count(pack.area_id) == len(_services(pack))
    # the typed API builds every service, with hours parsed
    services = store.reader.services(store.reader.service_ids(pack.area_id))
    assert len(services) == len(_services(pack))


def test_base_taxonomy_is_the_shared_one() -> None:
    """The package ships a copy of shared/data/taxonomy.json; it must not drift."""
    shared = SHARED.parent / "taxonomy.json"
    if not shared.exists():
        pytest.skip("shared/data is not next to this checkout")
    from kompassen.catalogue.pack.validate import base_taxonomy

    assert base_taxonomy() == json.loads(shared.read_text(encoding="utf-8"))


def test_vendored_sources_match_shared_data() -> None:
    """data/sources is a copy of shared/data, kept so CI can check provenance anywhere."""
    if not SHARED.exists():
        pytest.skip("shared/data is not next to this checkout")
    for name in ("stockholm_services.json", "stockholm_services_2.json", "landmarks_approx.json"):
        assert (SOURCES.parent / name).read_bytes() == (SHARED.parent / name).read_bytes()
