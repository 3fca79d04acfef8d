"""HSDS 3 import/export: lossless round trips, both input forms, 2.x tolerance, precise errors.

Every test uses a real SQLite catalogue in tmp_path. Bad inputs must name file, row and field
in both languages and leave the catalogue exactly as it was.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from kompassen.catalogue.hsds import mapping as hsds
from kompassen.catalogue.hsds.export import export_hsds
from kompassen.catalogue.hsds.importer import import_hsds
from kompassen.catalogue.hsds.mapping import (
    NAMESPACE,
    NUMBER_FIELDS,
    TABLES,
    HsdsError,
    hsds_id,
)
from kompassen.catalogue.pack.packdata import PackData, canonical
from kompassen.catalogue.pack.validate import read_pack_dir
from kompassen.catalogue.store.loader import dump_area
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import FixedClock
from kompassen.core.errors import KompassenError
from kompassen.testing.synthetic import generate_pack

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hsds_conformance as conformance
from minipack import mini_pack

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hsds"
AREAS = REPO / "data" / "areas"
AREA = "testby"


@pytest.fixture
def cat(tmp_path: Path) -> Iterator[CatalogueStore]:
    clock = FixedClock(datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Stockholm")))
    store = CatalogueStore(tmp_path / "catalogue.db", tmp_path / "backups", clock).open()
    store.install(mini_pack())
    yield store
    store.close()


@pytest.fixture
def exported(cat: CatalogueStore, tmp_path: Path) -> Path:
    out = tmp_path / "export"
    export_hsds(cat, AREA, out)
    return out


def snapshot(store: CatalogueStore, area_id: str = AREA) -> tuple[str, int]:
    """The area exactly as stored, plus the number of releases (an install adds one)."""
    docs = json.dumps(dump_area(store.conn, area_id).documents, sort_keys=True)
    releases = store.conn.execute("SELECT count(*) FROM area_release").fetchone()[0]
    return docs, releases


def meaning(store: CatalogueStore, area_id: str = AREA) -> Any:
    return canonical(dump_area(store.conn, area_id).documents)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def edit_csv(path: Path, fn: Callable[[list[str], list[dict[str, str]]], None]) -> None:
    header, rows = read_csv(path)
    fn(header, rows)
    write_csv(path, header, rows)


# ------------------------------------------------------------------------- round trips


def test_hsds_id_is_uuid5_of_the_fixed_namespace() -> None:
    assert hsds_id("service", "klara/x") == str(uuid.uuid5(NAMESPACE, "service:klara/x"))
    assert uuid.UUID(hsds_id("service", "å/ä")).version == 5


def test_mini_pack_round_trip_is_lossless(cat: CatalogueStore, tmp_path: Path) -> None:
    before = meaning(cat)
    result = export_hsds(cat, AREA, tmp_path / "out")
    assert result.services == 2
    assert "services.csv" in result.files and "datapackage.json" in result.files
    assert "2 tjänster" in result.summary("sv") and "2 services" in result.summary("en")
    imported = import_hsds(cat, tmp_path / "out", AREA)
    assert (imported.services, imported.organizations, imported.locations) == (2, 1, 1)
    assert imported.warnings == []
    assert "Importerade 2 tjänster" in imported.summary("sv")
    assert "Imported 2 services" in imported.summary("en")
    assert meaning(cat) == before
    origin = cat.conn.execute("SELECT origin FROM area WHERE id = ?", (AREA,)).fetchone()[0]
    assert origin == "hsds-import"


def test_export_is_stable(cat: CatalogueStore, tmp_path: Path) -> None:
    export_hsds(cat, AREA, tmp_path / "a")
    export_hsds(cat, AREA, tmp_path / "b")
    for name in ("services.csv", "attributes.csv", "schedules.csv", "datapackage.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def _round_trip(store: CatalogueStore, pack: PackData, tmp_path: Path) -> None:
    store.install(pack)
    area = pack.area_id
    before = meaning(store, area)
    export_hsds(store, area, tmp_path / area)
    result = import_hsds(store, tmp_path / area, area)
    assert result.services == len(pack.doc("services.json")["services"])
    assert meaning(store, area) == before


@pytest.mark.parametrize("area", ["klara", "vastra-sodermalm"])
def test_shipped_pack_round_trip_is_lossless(
    cat: CatalogueStore, tmp_path: Path, area: str
) -> None:
    _round_trip(cat, read_pack_dir(AREAS / area), tmp_path)


def test_a_text_longer_than_csvs_field_limit_round_trips(
    cat: CatalogueStore, tmp_path: Path
) -> None:
    """csv refuses fields over 128 kB by default; the area's own export must import again."""
    docs = mini_pack().documents
    docs["services.json"]["services"][0]["description"]["sv"] = "lång text " * 20_000 + "slut"
    cat.install(PackData(docs))
    before = meaning(cat)
    export_hsds(cat, AREA, tmp_path / "long")
    import_hsds(cat, tmp_path / "long", AREA)
    assert meaning(cat) == before


def test_synthetic_500_round_trip_is_lossless(cat: CatalogueStore, tmp_path: Path) -> None:
    _round_trip(cat, generate_pack(500, seed=3), tmp_path)


def test_synthetic_2000_services_import(cat: CatalogueStore, tmp_path: Path) -> None:
    _round_trip(cat, generate_pack(2000, seed=7), tmp_path)


# ------------------------------------------------------------------------------- forms


def test_csv_folder_without_datapackage_imports(
    cat: CatalogueStore, exported: Path, tmp_path: Path
) -> None:
    before = meaning(cat)
    plain = tmp_path / "plain"
    plain.mkdir()
    for f in exported.glob("*.csv"):
        shutil.copy(f, plain / f.name)
    import_hsds(cat, plain, AREA)
    assert meaning(cat) == before


def test_singular_csv_names_import(cat: CatalogueStore, exported: Path, tmp_path: Path) -> None:
    before = meaning(cat)
    plain = tmp_path / "singular"
    plain.mkdir()
    for table, spec in TABLES.items():
        shutil.copy(exported / spec.file, plain / f"{table}.csv")
    import_hsds(cat, plain, AREA)
    assert meaning(cat) == before


def test_csv_with_byte_order_mark_imports(
    cat: CatalogueStore, exported: Path, tmp_path: Path
) -> None:
    """Spreadsheets save "CSV UTF-8" with a BOM; it must not become part of the first column."""
    before = meaning(cat)
    plain = tmp_path / "bom"
    plain.mkdir()
    for f in exported.glob("*.csv"):
        (plain / f.name).write_bytes(b"\xef\xbb\xbf" + f.read_bytes())
    import_hsds(cat, plain, AREA)
    assert meaning(cat) == before


def test_datapackage_file_imports(cat: CatalogueStore, exported: Path) -> None:
    before = meaning(cat)
    import_hsds(cat, exported / "datapackage.json", AREA)
    assert meaning(cat) == before


def test_datapackage_with_json_resources_imports(
    cat: CatalogueStore, exported: Path, tmp_path: Path
) -> None:
    before = meaning(cat)
    pkg = tmp_path / "jsonpkg"
    pkg.mkdir()
    desc = json.loads((exported / "datapackage.json").read_text("utf-8"))
    for res in desc["resources"]:
        _, rows = read_csv(exported / res["path"])
        typed = [
            {k: (float(v) if k in NUMBER_FIELDS else v) for k, v in r.items() if v != ""}
            for r in rows
        ]
        res["path"] = f"json/{res['name']}.json"
        res["format"] = "json"
        (pkg / "json").mkdir(exist_ok=True)
        (pkg / res["path"]).write_text(json.dumps(typed, ensure_ascii=False), "utf-8")
    (pkg / "datapackage.json").write_text(json.dumps(desc), "utf-8")
    import_hsds(cat, pkg, AREA)
    assert meaning(cat) == before


# -------------------------------------------------------------------- HSDS 3 validation


@pytest.fixture(scope="module")
def hsds_schemas() -> dict[str, conformance.Table]:
    return conformance.HSDS3


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(
        conformance.json_schema(name),
        registry=conformance.registry(),
        format_checker=FormatChecker(),
    )


def _errors(validator: Draft202012Validator, instance: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


@pytest.mark.parametrize("area", ["mini", "klara"])
def test_export_validates_against_hsds3_schemas(
    cat: CatalogueStore, tmp_path: Path, hsds_schemas: dict[str, conformance.Table], area: str
) -> None:
    if area == "klara":
        cat.install(read_pack_dir(AREAS / area))
    area_id = AREA if area == "mini" else area
    out = tmp_path / "out"
    export_hsds(cat, area_id, out)

    # canonical JSON: every service object against the service schema (nested tables resolved)
    services = json.loads((out / "hsds_services.json").read_text("utf-8"))
    assert services
    service_validator = _validator("service")
    for svc in services:
        assert _errors(service_validator, svc) == []

    # tabular form: each CSV row against its table schema, tabular_required filled in
    desc = json.loads((out / "datapackage.json").read_text("utf-8"))
    assert desc["profile"] == "tabular-data-package"
    ids: dict[str, set[str]] = {}
    rows_by_table: dict[str, list[dict[str, str]]] = {}
    for res in desc["resources"]:
        table = res["name"]
        schema = hsds_schemas[table]
        assert res["path"] == schema.file == TABLES[table].file
        header, rows = read_csv(out / res["path"])
        assert header == [f["name"] for f in res["schema"]["fields"]]
        assert set(header) <= set(schema.fields)
        validator = _validator(table)
        for row in rows:
            obj = {k: (float(v) if k in NUMBER_FIELDS else v) for k, v in row.items() if v != ""}
            for req in schema.required:
                obj.setdefault(req, row.get(req, ""))  # empty strings are valid required values
            assert _errors(validator, obj) == [], (table, row)
            for req in schema.tabular_required:
                assert row[req], (table, req, row)
        ids[table] = {r["id"] for r in rows}
        assert len(ids[table]) == len(rows), f"duplicate ids in {table}"
        rows_by_table[table] = rows
    for res in desc["resources"]:
        for fk in res["schema"].get("foreignKeys", []):
            for row in rows_by_table[res["name"]]:
                value = row[fk["fields"]]
                assert not value or value in ids[fk["reference"]["resource"]], (res["name"], fk)


def test_conformance_schemas_are_valid_and_self_contained() -> None:
    assert set(conformance.HSDS3) >= set(TABLES) | {"metadata"}
    for name, table in conformance.HSDS3.items():
        built = conformance.json_schema(name)
        Draft202012Validator.check_schema(built)
        assert set(table.required) <= set(table.fields), name
        assert set(table.tabular_required) <= set(table.fields), name
        # every nested table reference resolves (an unresolvable $ref raises here)
        probe = {k: [{}] if f.kind == "array" else {} for k, f in table.fields.items() if f.ref}
        assert all(isinstance(e.message, str) for e in _validator(name).iter_errors(probe))


def _broken(row: dict[str, str], **changes: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {
        k: (float(v) if k in NUMBER_FIELDS else v) for k, v in row.items() if v != ""
    }
    for key, value in changes.items():
        if value is None:
            obj.pop(key, None)
        else:
            obj[key] = value
    return obj


def test_conformance_check_catches_bad_rows(exported: Path) -> None:
    """The validators built from hsds_conformance reject rows that break HSDS 3."""
    phone = read_csv(exported / "phones.csv")[1][0]
    service = read_csv(exported / "services.csv")[1][0]
    schedule = read_csv(exported / "schedules.csv")[1][0]
    location = read_csv(exported / "locations.csv")[1][0]
    phones, services = _validator("phone"), _validator("service")
    schedules, locations = _validator("schedule"), _validator("location")
    assert _errors(phones, _broken(phone)) == []
    assert _errors(services, _broken(service)) == []
    assert _errors(schedules, _broken(schedule)) == []
    assert _errors(locations, _broken(location, latitude=None, longitude=None)) == []

    bad: list[tuple[Draft202012Validator, dict[str, Any], str]] = [
        (phones, _broken(phone, id="not-a-uuid"), "is not a 'uuid'"),
        (phones, _broken(phone, number=None), "'number' is a required property"),
        (phones, _broken(phone, service_id="x"), "is not a 'uuid'"),
        (services, _broken(service, status="closed"), "is not one of"),
        (services, _broken(service, name=None), "'name' is a required property"),
        (services, _broken(service, email="ingen-adress"), "is not a 'email'"),
        (services, _broken(service, assured_date="24/12/2026"), "is not a 'date'"),
        (schedules, _broken(schedule, freq="DAILY"), "is not one of"),
        (schedules, _broken(schedule, byday="Monday"), "does not match"),
        (schedules, _broken(schedule, opens_at="25:99"), "does not match"),
        (locations, _broken(location, location_type="home"), "is not one of"),
        (locations, _broken(location, latitude="59.3"), "is not of type 'number'"),
    ]
    for validator, obj, message in bad:
        errors = _errors(validator, obj)
        assert errors and any(message in e for e in errors), (obj, errors)

    # nested records are checked too: a broken phone inside a canonical service object
    nested = _broken(service, phones=[_broken(phone, id="not-a-uuid")])
    assert any(e.startswith("['phones', 0, 'id']") for e in _errors(services, nested))


# ------------------------------------------------------------------------- HSDS 2.x


def test_hsds2_csv_folder_imports(cat: CatalogueStore, tmp_path: Path) -> None:
    result = import_hsds(cat, FIXTURES / "v2", AREA)
    assert (result.services, result.organizations, result.locations) == (2, 1, 1)
    doc = dump_area(cat.conn, AREA).documents
    cafe, advice = doc["services.json"]["services"]
    assert cafe["key"] == "fiktiva-nattkafeet"
    assert cafe["description"]["sv"] == "Varm dryck och vila,\nhela natten."
    assert cafe["needs"] == ["need.shelter-tonight"] and cafe["groups"] == ["group.adult"]
    assert cafe["handover"]["modes"] == ["handover.walk-in"]
    assert cafe["handover"]["instructions"] == {"sv": "Kom in genom sidodörren."}
    assert cafe["handover"]["languages"] == ["en"]
    assert cafe["locations"] == ["fiktiva-huset"]
    assert cafe["phones"] == [{"number": "000 111 22", "kind": "other", "label": {"sv": "Växel"}}]
    assert cafe["hours"]["weekly"] == [
        {"days": ["mon", "tue", "wed", "thu"], "opens": "22:00", "closes": "06:00"},
        {"days": ["fri"], "opens": "22:00", "closes": "07:00"},
    ]
    assert [e["date"] for e in cafe["hours"]["exceptions"]] == ["2026-12-24", "2026-12-25"]
    assert advice["status"] == "inactive"  # HSDS 3 word kept (coarse: closed)
    assert advice["phones"] == [{"number": "000-333 44", "kind": "sms"}]
    assert advice["hours"]["weekly"] == [{"days": ["sun"], "opens": "10:00", "closes": "14:00"}]
    assert advice["hours"]["exceptions"] == [
        {"date": "2026-12-31", "opens": "12:00", "closes": "13:00"}
    ]
    loc = doc["services.json"]["locations"][0]
    assert (loc["lat"], loc["lon"]) == (59.5, 17.5)
    assert loc["address"] == {
        "street": "Låtsasgatan 3",
        "postal_code": "999 99",
        "city": "Fiktiva staden",
    }
    # kept parts of the area; references to services that are gone are dropped and reported
    assert doc["landmarks.json"] == mini_pack().documents["landmarks.json"]
    assert all("services" not in s for s in doc["guides.json"]["guides"][0]["steps"])
    assert doc["notices.json"]["notices"] == []
    text = "\n".join(result.warnings)
    assert "Fiktiv extern taxonomi" in text
    assert "stodlinjen" in text and "nattharbarge" in text and "fullt" in text
    assert "phone numbers belong to organizations" in text
    assert "Varning" in result.summary("sv") and "Warning" in result.summary("en")


def test_key_reuse_extension_key_and_slug(cat: CatalogueStore, exported: Path) -> None:
    services = exported / "services.csv"
    renamed = hsds_id("service", f"{AREA}/stodlinjen")
    brand_new = str(uuid.uuid4())
    old_harbarge = hsds_id("service", f"{AREA}/nattharbarge")

    def change(header: list[str], rows: list[dict[str, str]]) -> None:
        for r in rows:
            if r["id"] == renamed:
                r["name"] = "Nytt namn på linjen"  # same id: key kept
            if r["id"] == old_harbarge:
                r["id"] = brand_new  # new id: key comes from the extension data

    edit_csv(services, change)
    for table in ("attributes.csv", "phones.csv", "schedules.csv", "service_at_location.csv"):
        col = "link_id" if table == "attributes.csv" else "service_id"
        edit_csv(
            exported / table,
            lambda h, rows, col=col: [
                r.update({col: brand_new}) for r in rows if r[col] == old_harbarge
            ],
        )
    import_hsds(cat, exported, AREA)
    keys = [s["key"] for s in dump_area(cat.conn, AREA).documents["services.json"]["services"]]
    assert keys == ["nattharbarge", "stodlinjen"]

    # without the extension attribute, a new id gets a slug of its name
    edit_csv(
        exported / "attributes.csv",
        lambda h, rows: rows.__setitem__(
            slice(None),
            [r for r in rows if not (r["link_id"] == brand_new and r["value"])],
        ),
    )
    result = import_hsds(cat, exported, AREA)
    keys = [s["key"] for s in dump_area(cat.conn, AREA).documents["services.json"]["services"]]
    assert keys == ["testharbarget", "stodlinjen"]
    assert any("nattharbarge" in w for w in result.warnings)


# ---------------------------------------------------------------------------- bad input


def _drop_column(name: str, column: str) -> Callable[[Path], None]:
    def mutate(d: Path) -> None:
        header, rows = read_csv(d / name)
        header.remove(column)
        write_csv(d / name, header, [{k: v for k, v in r.items() if k != column} for r in rows])

    return mutate


def _set(name: str, row: int, column: str, value: str) -> Callable[[Path], None]:
    """Set a cell; ``row`` is the 0-based data row (CSV line row + 2)."""

    def mutate(d: Path) -> None:
        edit_csv(d / name, lambda h, rows: rows[row].update({column: value}))

    return mutate


def _duplicate_first(name: str) -> Callable[[Path], None]:
    def mutate(d: Path) -> None:
        edit_csv(d / name, lambda h, rows: rows.append(dict(rows[0])))

    return mutate


def _drop_needs(d: Path) -> None:
    need_terms = {
        r["id"] for r in read_csv(d / "taxonomy_terms.csv")[1] if r["code"].startswith("need.")
    }
    edit_csv(
        d / "attributes.csv",
        lambda h, rows: rows.__setitem__(
            slice(None), [r for r in rows if r["taxonomy_term_id"] not in need_terms]
        ),
    )


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def mutate(d: Path) -> None:
        (d / name).write_bytes(data)

    return mutate


def _truncate_json(d: Path) -> None:
    text = (d / "datapackage.json").read_text("utf-8")
    (d / "datapackage.json").write_text(text[: len(text) // 2], "utf-8")


def _datapackage(fn: Callable[[dict[str, Any]], None]) -> Callable[[Path], None]:
    def mutate(d: Path) -> None:
        desc = json.loads((d / "datapackage.json").read_text("utf-8"))
        fn(desc)
        (d / "datapackage.json").write_text(json.dumps(desc), "utf-8")

    return mutate


def _huge(d: Path) -> None:
    with (d / "schedules.csv").open("r+b") as fh:  # sparse: no disk used, never read
        fh.truncate(hsds.MAX_FILE_BYTES + 1)


def _json_resource_with_bad_row(d: Path) -> None:
    _, rows = read_csv(d / "phones.csv")
    bad: list[Any] = [dict(r) for r in rows]
    bad.append(["not", "an", "object"])
    (d / "phones.json").write_text(json.dumps(bad), "utf-8")
    desc = json.loads((d / "datapackage.json").read_text("utf-8"))
    for res in desc["resources"]:
        if res["name"] == "phone":
            res["path"], res["format"] = "phones.json", "json"
    (d / "datapackage.json").write_text(json.dumps(desc), "utf-8")


def _json_locations_with(latitude: str) -> Callable[[Path], None]:
    """locations as a JSON resource whose first latitude is the raw JSON text ``latitude``."""

    def mutate(d: Path) -> None:
        _, rows = read_csv(d / "locations.csv")
        rows[0]["latitude"] = "@@LAT@@"
        text = json.dumps(rows, indent=1).replace('"@@LAT@@"', latitude)
        (d / "locations.json").write_text(text, "utf-8")
        desc = json.loads((d / "datapackage.json").read_text("utf-8"))
        for res in desc["resources"]:
            if res["name"] == "location":
                res["path"], res["format"] = "locations.json", "json"
        (d / "datapackage.json").write_text(json.dumps(desc), "utf-8")

    return mutate


LATIN1 = "id,name,description\n" + hsds_id("organization", "x") + ",Föreningen,x\n"

BAD_INPUTS: dict[str, tuple[Callable[[Path], None], list[str], list[str]]] = {
    # name: (mutation, Swedish fragments, English fragments)
    "missing required file": (
        lambda d: (d / "services.csv").unlink(),
        ["services.csv", "Filen saknas"],
        ["services.csv", "The file is missing"],
    ),
    "missing required column": (
        _drop_column("services.csv", "organization_id"),
        ["services.csv rad 1, fält organization_id: Kolumnen saknas"],
        ["services.csv row 1, field organization_id: The column is missing"],
    ),
    "unknown foreign key": (
        _set("services.csv", 1, "organization_id", str(uuid.uuid4())),
        ["services.csv rad 3, fält organization_id: Organisationen", "finns inte"],
        ["services.csv row 3, field organization_id: The organization", "does not exist"],
    ),
    "bad uuid": (
        _set("locations.csv", 0, "id", "huset-1"),
        ["locations.csv rad 2, fält id: ”huset-1” är inget UUID"],
        ["locations.csv row 2, field id: 'huset-1' is not a UUID"],
    ),
    "empty id": (
        _set("organizations.csv", 0, "id", ""),
        ["organizations.csv rad 2, fält id: Id saknas"],
        ["organizations.csv row 2, field id: The id is empty"],
    ),
    "bad time format": (
        _set("schedules.csv", 0, "opens_at", "25:99"),
        ["schedules.csv rad 2, fält opens_at: Fel tidsformat ”25:99”"],
        ["schedules.csv row 2, field opens_at: Bad time format '25:99'"],
    ),
    "duplicate ids": (
        _duplicate_first("services.csv"),
        ["services.csv rad 4, fält id: Id", "förekommer redan på rad/index 2"],
        ["services.csv row 4, field id: The id", "already occurs at row/index 2"],
    ),
    "wrong json type": (
        _datapackage(lambda desc: desc.update(resources={"phone": "phones.csv"})),
        ["datapackage.json, fält resources: Fel JSON-typ"],
        ["datapackage.json, field resources: Wrong JSON type"],
    ),
    "wrong json type in a row": (
        _json_resource_with_bad_row,
        ["phones.json index 1: Fel JSON-typ"],
        ["phones.json index 1: Wrong JSON type"],
    ),
    "non-utf-8 file": (
        _write("organizations.csv", LATIN1.encode("latin-1")),
        ["organizations.csv rad 2: Filen är inte UTF-8-kodad"],
        ["organizations.csv row 2: The file is not UTF-8 encoded"],
    ),
    "empty file": (
        _write("phones.csv", b""),
        ["phones.csv: Filen är tom"],
        ["phones.csv: The file is empty"],
    ),
    "truncated json": (
        _truncate_json,
        ["datapackage.json rad", "Ogiltig eller avkortad JSON"],
        ["datapackage.json row", "Invalid or truncated JSON"],
    ),
    "file too large": (
        _huge,
        ["schedules.csv: Filen är större än 200 MB", "den lästes inte"],
        ["schedules.csv: The file is larger than 200 MB", "it was not read"],
    ),
    "service without need": (
        _drop_needs,
        ["services.csv rad 2, fält id: Tjänsten ”Testhärbärget” har inget behov"],
        ["services.csv row 2, field id: The service 'Testhärbärget' has no need"],
    ),
    "bad phone number": (
        _set("phones.csv", 0, "number", "ring oss"),
        ["phones.csv rad 2, fält number: ”ring oss” är inget telefonnummer"],
        ["phones.csv row 2, field number: 'ring oss' is not a phone number"],
    ),
    "latitude out of range": (
        _set("locations.csv", 0, "latitude", "123"),
        ["locations.csv rad 2, fält latitude"],
        ["locations.csv row 2, field latitude: '123' is not a number between -90 and 90"],
    ),
    "datapackage.json nested 100,000 deep (#12)": (
        _write("datapackage.json", b'{"resources": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
        ["datapackage.json rad 1", "nästlad djupare än 64 nivåer", "Kolumn 78"],
        ["datapackage.json row 1", "nested deeper than 64 levels", "Column 78"],
    ),
    "NaN latitude in a JSON resource (#12)": (
        _json_locations_with("NaN"),
        ["locations.json rad", "NaN är inget tal"],
        ["locations.json row", "NaN is not a number"],
    ),
    "huge integer in a JSON resource (#12)": (
        _json_locations_with("1" * 5000),
        ["locations.json rad", "5000 siffror"],
        ["locations.json row", "5000 digits"],
    ),
    "lone surrogate in a JSON resource (#12)": (
        _json_locations_with('"\\udc00"'),
        ["locations.json rad", "trasigt tecken"],
        ["locations.json row", "broken character"],
    ),
    "resource outside the package": (
        _datapackage(lambda desc: desc["resources"][0].update(path="../../etc/passwd")),
        ["datapackage.json, fält path"],
        ["datapackage.json, field path: The resource path '../../etc/passwd' must stay inside"],
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_names_file_row_field_and_changes_nothing(
    cat: CatalogueStore, exported: Path, case: str
) -> None:
    mutate, sv_parts, en_parts = BAD_INPUTS[case]
    mutate(exported)
    before = snapshot(cat)
    with pytest.raises(HsdsError) as info:
        import_hsds(cat, exported, AREA)
    err = info.value
    assert isinstance(err, KompassenError)
    for part in sv_parts:
        assert part in err.message("sv"), err.message("sv")
    for part in en_parts:
        assert part in err.message("en"), err.message("en")
    assert snapshot(cat) == before


def test_csv_rows_are_counted_in_file_lines(cat: CatalogueStore, tmp_path: Path) -> None:
    """A quoted multi-line value does not shift the reported line of later rows."""
    folder = tmp_path / "v2"
    shutil.copytree(FIXTURES / "v2", folder)
    _set("services.csv", 1, "organization_id", "org-x")(folder)
    before = snapshot(cat)
    with pytest.raises(HsdsError) as info:
        import_hsds(cat, folder, AREA)
    assert "services.csv rad 4, fält organization_id" in info.value.message("sv")
    assert snapshot(cat) == before


def test_hsds3_input_needs_uuids_but_2x_input_does_not(cat: CatalogueStore, tmp_path: Path) -> None:
    folder = tmp_path / "v3"
    folder.mkdir()
    for f in (FIXTURES / "v2").glob("*.csv"):
        target = {"service_attributes.csv": "attributes.csv"}.get(f.name, f.name)
        if f.name in ("regular_schedules.csv", "holiday_schedules.csv"):
            continue
        if f.name == "services_at_location.csv":
            target = "service_at_location.csv"
        if f.name == "physical_addresses.csv":
            target = "addresses.csv"
        shutil.copy(f, folder / target)
    edit_csv(
        folder / "attributes.csv",
        lambda h, rows: [h.append("link_id"), *(r.update(link_id=r["service_id"]) for r in rows)],
    )
    with pytest.raises(HsdsError) as info:
        import_hsds(cat, folder, AREA)
    assert "organizations.csv rad 2, fält id: ”org-1” är inget UUID" in info.value.message("sv")


def test_import_into_area_that_is_not_installed(cat: CatalogueStore, exported: Path) -> None:
    with pytest.raises(KompassenError) as info:
        import_hsds(cat, exported, "finns-inte")
    assert "finns-inte" in info.value.message("sv") and "inte installerat" in info.value.sv
    assert "is not installed" in info.value.message("en")


def test_missing_path_is_a_clear_error(cat: CatalogueStore, tmp_path: Path) -> None:
    before = snapshot(cat)
    with pytest.raises(HsdsError) as info:
        import_hsds(cat, tmp_path / "nowhere", AREA)
    assert "nowhere" in info.value.message("en")
    assert snapshot(cat) == before


def test_cli_export_and_import(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kompassen.cli.main import main

    out = tmp_path / "klara-hsds"
    assert main(["export-hsds", "--area", "klara", str(out)]) == 0
    assert (out / "datapackage.json").exists()
    assert main(["import-hsds", str(out), "--area", "klara"]) == 0
    assert main(["import-hsds", str(tmp_path / "nowhere"), "--area", "klara"]) == 2
    err = capsys.readouterr().err
    assert "nowhere" in err
