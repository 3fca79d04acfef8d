"""Tolerant HSDS import (issue #15 point 4): real, messy exports import row by row.

Each kind of mess a real export has is imported with the right line in the import report
(file, row, field, what was done); ``strict=True`` / ``--strict`` refuses the same input naming
file, row and field, and the catalogue is left exactly as it was. The corpus in
``tests/fixtures/hsds_mess/`` is written in the shapes real 1.x/2.x exports have; the single
messes are made in a fresh HSDS 3 export of the mini pack, one at a time.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompassen.catalogue.hsds.export import export_hsds
from kompassen.catalogue.hsds.importer import import_hsds
from kompassen.catalogue.hsds.mapping import HsdsError
from kompassen.catalogue.hsds.report import CHANGES, Report, default_report_base
from kompassen.catalogue.pack.packdata import canonical
from kompassen.catalogue.pack.validate import check_pack
from kompassen.catalogue.store.loader import dump_area
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import FixedClock
from kompassen.core.errors import KompassenError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from minipack import mini_pack

MESS = Path(__file__).resolve().parents[1] / "fixtures" / "hsds_mess"
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


def snapshot(store: CatalogueStore) -> tuple[str, int]:
    docs = json.dumps(dump_area(store.conn, AREA).documents, sort_keys=True)
    releases = store.conn.execute("SELECT count(*) FROM area_release").fetchone()[0]
    return docs, releases


def services(store: CatalogueStore, area: str = AREA) -> dict[str, dict[str, Any]]:
    doc = dump_area(store.conn, area).doc("services.json")
    return {s["name"]: s for s in doc["services"]}


def locations(store: CatalogueStore) -> dict[str, dict[str, Any]]:
    doc = dump_area(store.conn, AREA).doc("services.json")
    return {loc["name"]: loc for loc in doc["locations"]}


def entry(report: Report, file: str, row: int | None, fld: str | None, action: str) -> str:
    """The English reason of the one report entry at file/row/field with that action."""
    found = [
        e
        for e in report.entries
        if e.file == file and e.row == row and e.field == fld and e.action == action
    ]
    assert found, f"no {action} entry at {file} {row} {fld}:\n" + report.summary("en", 100)
    return found[0].en


def edit_csv(path: Path, fn: Callable[[list[str], list[dict[str, str]]], None]) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = list(reader.fieldnames or []), list(reader)
    fn(header, rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def cell(name: str, row: int, column: str, value: str) -> Callable[[Path], None]:
    """Set a cell; ``row`` is the 0-based data row (file line = row + 2)."""

    def mutate(d: Path) -> None:
        edit_csv(d / name, lambda h, rows: rows[row].update({column: value}))

    return mutate


def cells(name: str, row: int, **values: str) -> Callable[[Path], None]:
    def mutate(d: Path) -> None:
        edit_csv(d / name, lambda h, rows: rows[row].update(values))

    return mutate


def broken_quote(d: Path) -> None:
    """A services.csv row whose quote is never closed, between two good rows."""
    lines = (d / "services.csv").read_text("utf-8").splitlines(keepends=True)
    lines.insert(2, 'feedbeef-0000-4000-8000-000000000001,x,,"Trasig,rad\n')
    (d / "services.csv").write_text("".join(lines), "utf-8")


def drop_needs(d: Path) -> None:
    with (d / "taxonomy_terms.csv").open(encoding="utf-8", newline="") as fh:
        need_terms = {r["id"] for r in csv.DictReader(fh) if r["code"].startswith("need.")}
    first_service = _first_service(d)
    edit_csv(
        d / "attributes.csv",
        lambda h, rows: rows.__setitem__(
            slice(None),
            [
                r
                for r in rows
                if not (r["taxonomy_term_id"] in need_terms and r["link_id"] == first_service)
            ],
        ),
    )


def _first_service(d: Path) -> str:
    with (d / "services.csv").open(encoding="utf-8", newline="") as fh:
        return next(csv.DictReader(fh))["id"]


# name: (mutation, file, row, field, action, English fragment of the reason)
MESSES: dict[str, tuple[Callable[[Path], None], str, int | None, str | None, str, str]] = {
    "HTML in a description": (
        cell("services.csv", 0, "description", "<p>Sovplats&nbsp;för <b>natten</b>.</p>"),
        "services.csv",
        2,
        "description",
        "repaired",
        "contains HTML",
    ),
    "URL without a scheme": (
        cell("services.csv", 0, "url", "www.example.invalid/natt"),
        "services.csv",
        2,
        "url",
        "repaired",
        "read as https://www.example.invalid/natt",
    ),
    "phone number with a prefix": (
        cell("phones.csv", 0, "number", "Tel: +46 (0)00-000 00 00"),
        "phones.csv",
        2,
        "number",
        "repaired",
        "read as +46 00-000 00 00",
    ),
    "NULL for a missing value": (
        cell("services.csv", 1, "alternate_name", "NULL"),
        "services.csv",
        3,
        "alternate_name",
        "repaired",
        "read as empty",
    ),
    "time as 9:00pm": (
        cell("schedules.csv", 0, "opens_at", "9:00pm"),
        "schedules.csv",
        2,
        "opens_at",
        "repaired",
        "read as 21:00",
    ),
    "time as 0800": (
        cell("schedules.csv", 0, "closes_at", "0800"),
        "schedules.csv",
        2,
        "closes_at",
        "repaired",
        "read as 08:00",
    ),
    "time as 21.00": (
        cell("schedules.csv", 0, "opens_at", "21.00"),
        "schedules.csv",
        2,
        "opens_at",
        "repaired",
        "read as 21:00",
    ),
    "weekday range in Swedish": (
        cell("schedules.csv", 0, "byday", "mån-sön"),
        "schedules.csv",
        2,
        "byday",
        "repaired",
        "read as MO,TU,WE,TH,FR,SA,SU",
    ),
    "closed day": (
        cells("schedules.csv", 0, opens_at="Stängt", closes_at=""),
        "schedules.csv",
        2,
        "opens_at",
        "repaired",
        "closed day",
    ),
    "0,0 coordinate": (
        cells("locations.csv", 0, latitude="0", longitude="0"),
        "locations.csv",
        2,
        "latitude/longitude",
        "dropped",
        "0,0 is no place",
    ),
    "latitude out of range": (
        cell("locations.csv", 0, "latitude", "123"),
        "locations.csv",
        2,
        "latitude",
        "dropped",
        "not a number between -90 and 90",
    ),
    "decimal comma": (
        cell("locations.csv", 0, "latitude", "59,001"),
        "locations.csv",
        2,
        "latitude",
        "repaired",
        "decimal comma",
    ),
    "broken quoting": (broken_quote, "services.csv", 3, None, "skipped", "Broken CSV"),
    "too many values in a row": (
        lambda d: (d / "phones.csv").write_text(
            (d / "phones.csv").read_text("utf-8") + "a,,,,,,000-1,,voice,,extra,more\n",
            "utf-8",
        ),
        "phones.csv",
        3,
        None,
        "skipped",
        "the header only 10 columns",
    ),
    "service without a need": (
        drop_needs,
        "services.csv",
        2,
        "id",
        "skipped",
        "has no need",
    ),
    "non-UUID ids in HSDS 3": (
        cell("phones.csv", 0, "id", "telefon-1"),
        "phones.csv",
        2,
        "id",
        "repaired",
        "is not a UUID",
    ),
    "bad phone number": (
        cell("phones.csv", 0, "number", "ring oss"),
        "phones.csv",
        2,
        "number",
        "skipped",
        "is not a phone number",
    ),
}


@pytest.mark.parametrize("case", list(MESSES))
def test_each_mess_imports_tolerantly_with_its_report_line(
    cat: CatalogueStore, exported: Path, case: str
) -> None:
    mutate, file, row, fld, action, fragment = MESSES[case]
    mutate(exported)
    result = import_hsds(cat, exported, AREA, strict=False)
    assert result.report is not None
    assert fragment in entry(result.report, file, row, fld, action)
    check_pack(dump_area(cat.conn, AREA))  # what came in is a valid pack


@pytest.mark.parametrize("case", list(MESSES))
def test_strict_refuses_each_mess_naming_file_row_field(
    cat: CatalogueStore, exported: Path, case: str
) -> None:
    mutate, file, row, fld, _, _ = MESSES[case]
    mutate(exported)
    before = snapshot(cat)
    with pytest.raises(HsdsError) as info:
        import_hsds(cat, exported, AREA, strict=True)
    assert any(p.file == file and p.row == row and p.field == fld for p in info.value.problems), (
        info.value.message("en")
    )
    where = f"{file} row {row}" + (f", field {fld}" if fld else "")
    assert where in info.value.message("en")
    assert snapshot(cat) == before


def test_the_repaired_values_are_what_the_report_says(cat: CatalogueStore, exported: Path) -> None:
    cell("services.csv", 0, "description", "<p>Sovplats&nbsp;för<br>natten.</p>")(exported)
    cell("services.csv", 0, "url", "www.example.invalid/natt")(exported)
    cells("schedules.csv", 0, opens_at="10pm", closes_at="0800", byday="mån-sön")(exported)
    cells("locations.csv", 0, latitude="0", longitude="0")(exported)
    cell("phones.csv", 0, "number", "Tel: +46 (0)00-000 00 00")(exported)
    import_hsds(cat, exported, AREA, strict=False)
    svc = services(cat)["Testhärbärget"]
    assert svc["description"]["sv"] == "Sovplats för\nnatten."
    assert svc["url"] == "https://www.example.invalid/natt"
    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert {"days": days, "opens": "22:00", "closes": "08:00"} in svc["hours"]["weekly"]
    assert svc["phones"][0]["number"] == "+46 00-000 00 00"
    loc = locations(cat)["Testhuset"]
    assert "lat" not in loc and "lon" not in loc


def test_unknown_columns_and_tables_are_listed_and_not_refused(
    cat: CatalogueStore, exported: Path
) -> None:
    edit_csv(
        exported / "services.csv",
        lambda h, rows: [
            h.append("intern_kommentar"),
            *(r.update(intern_kommentar="x") for r in rows),
        ],
    )
    (exported / "volunteers.csv").write_text("id,name\n1,Någon\n", "utf-8")
    desc = json.loads((exported / "datapackage.json").read_text("utf-8"))
    desc["resources"].append({"name": "volunteers", "path": "volunteers.csv", "format": "csv"})
    (exported / "datapackage.json").write_text(json.dumps(desc), "utf-8")
    for strict in (True, False):  # listed, never an error
        result = import_hsds(cat, exported, AREA, strict=strict)
        assert result.report is not None
        assert "not read" in entry(
            result.report, "services.csv", None, "intern_kommentar", "ignored"
        )
        assert "Unknown table" in entry(result.report, "volunteers.csv", None, None, "ignored")


def test_datapackage_paths_the_other_way_round(cat: CatalogueStore, exported: Path) -> None:
    """The datapackage.json says data/x.csv, the files sit next to it."""
    desc = json.loads((exported / "datapackage.json").read_text("utf-8"))
    for res in desc["resources"]:
        res["path"] = "data/" + res["path"]
    (exported / "datapackage.json").write_text(json.dumps(desc), "utf-8")
    before = snapshot(cat)
    with pytest.raises(HsdsError) as info:
        import_hsds(cat, exported, AREA, strict=True)
    assert info.value.message("en").startswith("data/")
    assert "The file is missing (it is listed in datapackage.json)" in info.value.message("en")
    assert snapshot(cat) == before
    result = import_hsds(cat, exported, AREA, strict=False)
    assert result.report is not None and result.services == 2
    i = [r["name"] for r in desc["resources"]].index("organization")
    why = entry(result.report, "datapackage.json", None, f"resources/{i}/path", "repaired")
    assert "'data/" in why and "was read instead" in why


# ------------------------------------------------------------------------- the corpus


def test_v1_folder_imports_every_row_it_can(cat: CatalogueStore) -> None:
    result = import_hsds(cat, MESS / "v1_folder", AREA, strict=False)
    report = result.report
    assert report is not None
    assert sorted(services(cat)) == [
        "Fiktiva härbärget",
        "Fiktiva matsalen",
        "Fiktiva nattkaféet",
        "Fiktiva samtalslinjen",
    ]
    # skipped rows, each with its line and why
    assert "Broken CSV" in entry(report, "services.csv", 4, None, "skipped")
    assert "has no need" in entry(report, "services.csv", 7, "id", "skipped")
    assert "'org-9' does not exist" in entry(
        report, "services.csv", 8, "organization_id", "skipped"
    )
    assert "name is empty" in entry(report, "services.csv", 9, "name", "skipped")
    assert "'ring oss'" in entry(report, "phones.csv", 6, "number", "skipped")
    assert "'25:99'" in entry(report, "regular_schedules.csv", 10, "opens_at", "skipped")
    # repairs
    assert "read as 22:00" in entry(report, "regular_schedules.csv", 2, "opens_at", "repaired")
    assert "'Mon-Fri'" in entry(report, "regular_schedules.csv", 4, "weekday", "repaired")
    assert "closed day" in entry(report, "regular_schedules.csv", 5, "opens_at", "repaired")
    assert "'0900'" in entry(report, "regular_schedules.csv", 7, "opens_at", "repaired")
    assert "'9:00am'" in entry(report, "regular_schedules.csv", 8, "opens_at", "repaired")
    assert "'dagligen'" in entry(report, "regular_schedules.csv", 9, "weekday", "repaired")
    assert "0,0" in entry(report, "location.csv", 3, "latitude/longitude", "dropped")
    assert "'95.2'" in entry(report, "location.csv", 4, "latitude", "dropped")
    assert "HTML" in entry(report, "organizations.csv", 2, "description", "repaired")
    assert "'open' is not HSDS" in entry(report, "services.csv", 3, "status", "repaired")
    assert "Internal Notes" in [e.field for e in report.entries if e.action == "ignored"]
    assert "contacts.csv" in [e.file for e in report.entries if e.action == "ignored"]
    assert "volunteer_shifts.csv" in [e.file for e in report.entries if e.action == "ignored"]
    # what came in
    svc = services(cat)
    kafe = svc["Fiktiva nattkaféet"]
    assert kafe["description"]["sv"] == "Varm dryck\noch vila hela natten."
    assert kafe["url"] == "https://example.invalid/kafe"
    assert kafe["phones"][0]["number"] == "000-111 22 33"
    weekly = kafe["hours"]["weekly"]
    assert {"days": ["mon"], "opens": "22:00", "closes": "06:00"} in weekly  # over midnight
    assert {"days": ["tue"], "opens": "22:00", "closes": "06:00"} in weekly
    mat = svc["Fiktiva matsalen"]
    assert mat["hours"]["weekly"] == [
        {"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "11:30", "closes": "13:00"}
    ]  # Saturday and Sunday closed: no rule for them
    samtal = svc["Fiktiva samtalslinjen"]
    assert samtal["phones"][0]["number"] == "+46 00-111 22 44"
    assert "age_max" not in samtal["handover"] and samtal["handover"]["age_min"] == 16
    locs = locations(cat)
    assert "lat" not in locs["Nollpunkten"] and "lat" not in locs["Fel latitud"]
    assert (locs["Kommatecken"]["lat"], locs["Kommatecken"]["lon"]) == (59.312, 18.06)
    check_pack(dump_area(cat.conn, AREA))


def test_an_unknown_status_skips_the_service(cat: CatalogueStore, tmp_path: Path) -> None:
    """Never guessed as active: a closed service shown as open sends people to a locked door."""
    folder = tmp_path / "v1"
    shutil.copytree(MESS / "v1_folder", folder)
    cell("services.csv", 1, "status", "kanske")(folder)
    result = import_hsds(cat, folder, AREA, strict=False)
    assert result.report is not None
    assert "Unknown status 'kanske'" in entry(result.report, "services.csv", 3, "status", "skipped")
    assert "Fiktiva matsalen" not in services(cat)


def test_v1_folder_strict_is_refused_and_nothing_changes(cat: CatalogueStore) -> None:
    before = snapshot(cat)
    with pytest.raises(HsdsError) as info:
        import_hsds(cat, MESS / "v1_folder", AREA, strict=True)
    assert "services.csv row 4: Broken CSV" in info.value.message("en")
    assert "services.csv rad 4: Trasig CSV" in info.value.message("sv")
    assert snapshot(cat) == before


def test_v2_datapackage_with_files_in_data(cat: CatalogueStore) -> None:
    result = import_hsds(cat, MESS / "v2_datapackage_data", AREA, strict=False)
    report = result.report
    assert report is not None and result.services == 3
    why = entry(report, "datapackage.json", None, "resources/1/path", "repaired")
    assert "'services.csv' does not exist" in why and "data/services.csv" in why
    # rows are reported against the file that was read
    assert "HTML" in entry(report, "data/services.csv", 2, "description", "repaired")
    assert "'-200'" in entry(report, "data/locations.csv", 3, "latitude", "dropped")
    assert "'9:00 AM'" in entry(report, "data/regular_schedules.csv", 3, "opens_at", "repaired")
    svc = services(cat)
    assert svc["Fiktiva boendet"]["status"] == "temporarily-closed"
    assert svc["Fiktiva dagverksamheten"]["status"] == "defunct"  # HSDS 3's word, kept
    assert svc["Fiktiva socialjouren"]["hours"] == {"always_open": True}
    with pytest.raises(HsdsError) as info:
        import_hsds(cat, MESS / "v2_datapackage_data", AREA, strict=True)
    assert "organizations.csv: The file is missing" in info.value.message("en")


# ------------------------------------------------------------- never a half-made area


@pytest.mark.parametrize(
    "mutate, fragment",
    [
        (lambda d: (d / "services.csv").write_bytes("id,name\nx,Å\n".encode("latin-1")), "UTF-8"),
        (lambda d: (d / "taxonomy_terms.csv").unlink(), "The file is missing"),
        (
            lambda d: edit_csv(
                d / "services.csv",
                lambda h, rows: [r.update(organization_id="nope") for r in rows],
            ),
            "No service could be imported",
        ),
    ],
)
def test_a_broken_file_never_leaves_a_half_made_area(
    cat: CatalogueStore, exported: Path, mutate: Callable[[Path], None], fragment: str
) -> None:
    mutate(exported)
    before = snapshot(cat)
    with pytest.raises(HsdsError) as info:
        import_hsds(cat, exported, AREA, strict=False)
    assert fragment in info.value.message("en")
    assert snapshot(cat) == before


# ------------------------------------------------------------------------ the report


def test_report_saved_as_json_and_markdown(cat: CatalogueStore, tmp_path: Path) -> None:
    result = import_hsds(cat, MESS / "v1_folder", AREA, strict=False)
    assert result.report is not None
    json_path, md_path = result.report.save(tmp_path / "rep" / "import", "en")
    data = json.loads(json_path.read_text("utf-8"))
    assert data["mode"] == "tolerant" and data["imported"]["services"] == 4
    assert data["counts"]["skipped"] == len(
        [e for e in data["entries"] if e["action"] == "skipped"]
    )
    first = data["entries"][0]
    assert set(first) >= {"file", "row", "field", "action", "why_sv", "why_en"}
    md = md_path.read_text("utf-8")
    assert md.startswith("# Import report") and "| services.csv | 4 |" in md
    sv = result.report.markdown("sv")
    assert "| fil | rad | fält | åtgärd | varför |" in sv and "hoppades över" in sv


def test_default_report_sits_next_to_the_input(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    assert default_report_base(folder) == tmp_path / "export-import-report"
    pkg = folder / "datapackage.json"
    pkg.write_text("{}", "utf-8")
    assert default_report_base(pkg) == folder / "datapackage-import-report"


def test_cli_tolerant_by_default_strict_on_request(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kompassen.cli.main import main

    out = tmp_path / "klara-hsds"
    assert main(["export-hsds", "--area", "klara", str(out)]) == 0
    edit_csv(out / "services.csv", lambda h, rows: rows[0].update(url="www.example.invalid"))
    capsys.readouterr()
    assert main(["import-hsds", str(out), "--area", "klara", "--strict"]) == 2
    err = capsys.readouterr().err
    assert "services.csv" in err and "url" in err and "Traceback" not in err
    base = tmp_path / "rapport"
    assert main(["import-hsds", str(out), "--area", "klara", "--report", str(base)]) == 0
    shown = capsys.readouterr().out
    assert "Importrapport" in shown and "rättat" in shown and "rapport.json" in shown
    data = json.loads((tmp_path / "rapport.json").read_text("utf-8"))
    assert any(e["field"] == "url" and e["action"] == "repaired" for e in data["entries"])
    assert (tmp_path / "rapport.md").is_file()
    assert main(["import-hsds", str(out), "--area", "klara"]) == 0  # default: next to it
    assert (tmp_path / "klara-hsds-import-report.json").is_file()


def test_cli_report_in_english(home: Path, tmp_path: Path) -> None:
    import subprocess

    out = tmp_path / "klara-hsds"
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    cmd = [sys.executable, "-m", "kompassen"]
    subprocess.run([*cmd, "export-hsds", "--area", "klara", str(out)], env=env, check=True)
    shutil.copy(MESS / "v1_folder" / "volunteer_shifts.csv", out / "volunteer_shifts.csv")
    edit_csv(out / "locations.csv", lambda h, rows: rows[0].update(latitude="0", longitude="0"))
    done = subprocess.run(
        [*cmd, "import-hsds", str(out), "--area", "klara"],
        capture_output=True,
        text=True,
        env={**env, "KOMPASSEN_LANG": "en"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Import report (" in done.stdout and "0,0 is no place" in done.stdout
    assert "Full report:" in done.stdout


# ------------------------------------------------------------------------------ fuzz

CSV_CHARS = st.sampled_from([*'ab,"\n\r ;<>&0:9.-', "NULL", "å", "\ufeff", "é"])


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=st.lists(CSV_CHARS, max_size=200).map("".join),
    name=st.sampled_from(
        ["services.csv", "phones.csv", "schedules.csv", "locations.csv", "attributes.csv"]
    ),
)
def test_fuzz_csv_never_a_traceback_never_half_made(
    cat: CatalogueStore, exported: Path, text: str, name: str
) -> None:
    original = (exported / name).read_text("utf-8")
    header = original.splitlines()[0]
    (exported / name).write_text(header + "\n" + original.split("\n", 1)[1] + text, "utf-8")
    before = snapshot(cat)
    try:
        result = import_hsds(cat, exported, AREA, strict=False)
    except KompassenError as err:
        assert err.message("sv") and err.message("en")
        assert snapshot(cat) == before
    else:
        assert result.report is not None
        check_pack(dump_area(cat.conn, AREA))
    finally:
        (exported / name).write_text(original, "utf-8")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(extra=st.lists(JSON_VALUES, max_size=4))
def test_fuzz_json_resource_never_a_traceback(
    cat: CatalogueStore, exported: Path, extra: list[Any]
) -> None:
    with (exported / "phones.csv").open(encoding="utf-8", newline="") as fh:
        rows: list[Any] = list(csv.DictReader(fh))
    (exported / "phones.json").write_text(json.dumps(rows + extra), "utf-8")
    desc = json.loads((exported / "datapackage.json").read_text("utf-8"))
    for res in desc["resources"]:
        if res["name"] == "phone":
            res["path"], res["format"] = "phones.json", "json"
    (exported / "datapackage.json").write_text(json.dumps(desc), "utf-8")
    before = snapshot(cat)
    try:
        result = import_hsds(cat, exported, AREA, strict=False)
    except KompassenError as err:
        assert err.message("sv") and err.message("en")
        assert snapshot(cat) == before
    else:
        assert result.report is not None
        bad = [e for e in result.report.entries if e.file == "phones.json" and e.action in CHANGES]
        assert len(bad) <= len(extra) * 20


# ------------------------------------------------------- a new area from an import (point 5)

NEW = "fiktiva"


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[CatalogueStore]:
    clock = FixedClock(datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Stockholm")))
    store = CatalogueStore(tmp_path / "new.db", tmp_path / "new-backups", clock).open()
    yield store
    store.close()


def installed(store: CatalogueStore) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT id FROM area ORDER BY id")]


def test_new_area_from_an_import_is_made_and_searchable_at_once(empty: CatalogueStore) -> None:
    from kompassen.catalogue.hsds.new_area import is_placeholder
    from kompassen.catalogue.search.model import SearchQuery
    from kompassen.catalogue.search.service import SearchService

    result = import_hsds(empty, MESS / "v1_folder", NEW, strict=False, new_name="Fiktivakompassen")
    assert result.services == 4 and NEW in installed(empty)
    pack = dump_area(empty.conn, NEW)
    area = pack.doc("area.json")
    assert area["name"] == "Fiktivakompassen" and area["version"] == "2026.11.23"
    # the centre is the median of the located places (59.5/17.5, 59.312/18.06; 0,0 and 95.2
    # were dropped), and the default landmark stands there
    assert area["center"] == {"lat": 59.406, "lon": 17.78}
    landmark = pack.doc("landmarks.json")["landmarks"][0]
    assert landmark["key"] == area["default_landmark"]
    assert (landmark["lat"], landmark["lon"]) == (59.406, 17.78)
    # office keys are placeholders nobody holds, and the run says so
    assert is_placeholder(area)
    assert any("office keys generate" in w for w in result.warnings)
    # the data's own taxonomy term is kept as the area's need, on its service
    needs = pack.doc("taxonomy.json")["needs"]
    assert needs == [{"code": f"{NEW}.need.bd-1800", "sv": "BD-1800"}]
    assert f"{NEW}.need.bd-1800" in services(empty, NEW)["Fiktiva härbärget"]["needs"]
    check_pack(pack, NEW)
    hits = SearchService(empty.conn, empty.clock).search(SearchQuery(NEW, text="nattkafeet")).hits
    assert hits and hits[0].name == "Fiktiva nattkaféet"


def test_new_area_survives_export_and_import_unchanged(
    empty: CatalogueStore, tmp_path: Path
) -> None:
    import_hsds(empty, MESS / "v2_datapackage_data", NEW, strict=False, new_name="Fiktiva")
    before = canonical(dump_area(empty.conn, NEW).documents)
    export_hsds(empty, NEW, tmp_path / "again")
    result = import_hsds(empty, tmp_path / "again", NEW, strict=True)
    assert result.services == 3
    assert canonical(dump_area(empty.conn, NEW).documents) == before


def test_new_area_refuses_an_installed_id_and_keeps_asking_for_area(
    cat: CatalogueStore,
) -> None:
    before = snapshot(cat)
    with pytest.raises(HsdsError) as info:
        import_hsds(cat, MESS / "v1_folder", AREA, strict=False, new_name="Igen")
    assert f"import into it with --area {AREA}" in info.value.message("en")
    assert snapshot(cat) == before
    with pytest.raises(KompassenError) as missing:
        import_hsds(cat, MESS / "v1_folder", NEW, strict=False)
    assert "is not installed" in missing.value.message("en")


@pytest.mark.parametrize(
    "mutate, fragment",
    [
        (lambda d: (d / "taxonomy.csv").unlink(), "The file is missing"),
        (
            lambda d: edit_csv(
                d / "location.csv",
                lambda h, rows: [r.update(latitude="", longitude="") for r in rows],
            ),
            "No location in the data has coordinates",
        ),
        (lambda d: (d / "services.csv").write_bytes(b"id,name\n\xff\n"), "UTF-8"),
    ],
)
def test_a_broken_new_area_is_never_half_made(
    empty: CatalogueStore, tmp_path: Path, mutate: Callable[[Path], None], fragment: str
) -> None:
    folder = tmp_path / "v1"
    shutil.copytree(MESS / "v1_folder", folder)
    mutate(folder)
    with pytest.raises(HsdsError) as info:
        import_hsds(empty, folder, NEW, strict=False, new_name="Fiktiva")
    assert fragment in info.value.message("en")
    assert installed(empty) == []


def test_new_area_bad_id_or_no_name(empty: CatalogueStore) -> None:
    with pytest.raises(HsdsError) as bad:
        import_hsds(empty, MESS / "v1_folder", "Fel Id", strict=False, new_name="X")
    assert "no good as an area id" in bad.value.message("en")
    with pytest.raises(HsdsError) as unnamed:
        import_hsds(empty, MESS / "v1_folder", NEW, strict=False, new_name=" ")
    assert "--name" in unnamed.value.message("en")
    assert installed(empty) == []


def test_cli_new_area(home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from kompassen.cli.main import main

    base = tmp_path / "rapport"
    args = ["import-hsds", str(MESS / "v2_datapackage_data"), "--report", str(base)]
    assert main([*args, "--new-area", NEW, "--name", "Fiktivakompassen"]) == 0
    out = capsys.readouterr().out
    assert "Importerade 3 tjänster" in out and NEW in out
    assert main(["areas"]) == 0
    assert NEW in capsys.readouterr().out
    assert main([*args, "--new-area", NEW, "--name", "Igen"]) == 2  # installed now: --area
    assert f"--area {NEW}" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*args, "--new-area", NEW, "--area", NEW])
