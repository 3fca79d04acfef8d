"""The synthetic pack generator: valid, deterministic, clearly fictional, installable."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kompassen.catalogue.pack.packdata import PackData, canonical, dumps_canonical
from kompassen.catalogue.pack.validate import check_pack, read_pack_dir
from kompassen.catalogue.store import db
from kompassen.catalogue.store.loader import dump_area, install_pack
from kompassen.catalogue.store.reader import CatalogueReader
from kompassen.testing.synthetic import DATA_NOTE, generate_pack, main, write_pack

NOW = datetime(2026, 11, 23, 12, 0)


@pytest.fixture(scope="module")
def pack_1000() -> PackData:
    return generate_pack(1000, seed=7)


def _services(pack: PackData) -> list[dict[str, Any]]:
    return pack.documents["services.json"]["services"]


@pytest.mark.parametrize("n", [1, 50])
def test_small_packs_are_valid(n: int) -> None:
    check_pack(generate_pack(n, seed=n))


def test_thousand_is_valid(pack_1000: PackData) -> None:
    check_pack(pack_1000)


def test_same_seed_same_documents_other_seed_differs() -> None:
    a, b, c = generate_pack(200, seed=1), generate_pack(200, seed=1), generate_pack(200, seed=2)
    for name in a.documents:
        assert dumps_canonical(a.documents[name]) == dumps_canonical(b.documents[name])
    assert dumps_canonical(a.documents["services.json"]) != dumps_canonical(
        c.documents["services.json"]
    )


def test_exactly_n_services_and_area_is_marked_synthetic(pack_1000: PackData) -> None:
    assert len(_services(pack_1000)) == 1000
    area = pack_1000.area
    assert area["id"] == "synthetic-1000"
    assert "SYNTETISK" in area["name"]
    assert "en" in area["description"]
    assert pack_1000.origin == "synthetic"
    assert generate_pack(3, area_id="my-test").area_id == "my-test"


def test_every_service_is_complete_and_labelled(pack_1000: PackData) -> None:
    for s in _services(pack_1000):
        assert s["needs"] and s["groups"] and s["handover"]["modes"]
        assert 1 <= len(s["needs"]) <= 4 and 1 <= len(s["groups"]) <= 3
        assert s["sources"] == ["synthetic: kompassen generator seed=7"]
        assert s["verified_at"]
        assert s["data_note"] == DATA_NOTE
        assert 15 <= len(s["description"]["sv"].split()) <= 40
        assert s.get("mobile") or s.get("locations")


def test_hours_distribution_is_mixed(pack_1000: PackData) -> None:
    kinds: Counter[str] = Counter()
    for s in _services(pack_1000):
        hours = s["hours"]
        if hours is None:
            kinds["unknown"] += 1
        elif hours.get("always_open"):
            kinds["always"] += 1
        elif any(r["closes"] <= r["opens"] for r in hours["weekly"]):
            kinds["overnight"] += 1
        if hours and len({r["opens"] for r in hours.get("weekly", [])}) > 1:
            kinds["split"] += 1
        if hours and hours.get("exceptions"):
            kinds["exceptions"] += 1
        if hours and hours.get("holidays") in ("closed", "as-sunday"):
            kinds["holidays"] += 1
    for kind in ("unknown", "always", "overnight"):
        assert 50 <= kinds[kind] <= 250, kinds
    for kind in ("split", "exceptions", "holidays"):
        assert kinds[kind] > 0, kinds
    statuses = Counter(s["status"] for s in _services(pack_1000))
    assert statuses["active"] >= 900 and statuses["active"] < 1000


def test_some_codes_common_some_rare_and_area_terms_used(pack_1000: PackData) -> None:
    needs = Counter(code for s in _services(pack_1000) for code in s["needs"])
    common, rare = needs.most_common()[0][1], needs.most_common()[-1][1]
    assert common > 10 * rare
    own = "synthetic-1000.need.testbehov"
    assert needs[own] > 0
    assert pack_1000.documents["taxonomy.json"]["needs"][0]["code"] == own


def test_phones_are_fictional(pack_1000: PackData) -> None:
    numbers = [p["number"] for s in _services(pack_1000) for p in s.get("phones", [])]
    assert numbers
    assert all(n.startswith("000") for n in numbers)
    assert all(re.fullmatch(r"000-\d{3} \d{2} \d{2}", n) for n in numbers)


def test_guides_point_at_existing_services(pack_1000: PackData) -> None:
    keys = {s["key"] for s in _services(pack_1000)}
    guides = pack_1000.documents["guides.json"]["guides"]
    assert 5 <= len(guides) <= 20
    for g in guides:
        for step in g["steps"]:
            assert step["when"] and set(step["services"]) <= keys


def test_installs_into_sqlite_file_and_dumps_back(tmp_path: Path, pack_1000: PackData) -> None:
    conn = db.connect(tmp_path / "catalogue.db")
    try:
        db.migrate(conn, backup_dir=None, now=NOW)
        install_pack(conn, pack_1000, now=NOW, origin="synthetic")
        reader = CatalogueReader(conn)
        assert reader.service_count("synthetic-1000") == 1000
        ids = reader.service_ids("synthetic-1000")
        assert len(reader.services(ids)) == 1000  # every generated hours form parses
        back = dump_area(conn, "synthetic-1000")
        for name, doc in pack_1000.documents.items():
            assert dumps_canonical(canonical(back.documents[name])) == dumps_canonical(
                canonical(doc)
            ), name
    finally:
        conn.close()


def test_write_pack_and_cli_round_trip(tmp_path: Path) -> None:
    folder = write_pack(20, tmp_path, seed=5)
    assert folder == tmp_path / "synthetic-20"
    read = read_pack_dir(folder)
    assert dumps_canonical(read.documents) == dumps_canonical(generate_pack(20, seed=5).documents)
    assert main(["30", str(tmp_path / "cli"), "--seed", "2"]) == 0
    assert (tmp_path / "cli" / "synthetic-30" / "services.json").is_file()


def test_refuses_shipped_areas_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_pack(5, tmp_path / "data" / "areas")
