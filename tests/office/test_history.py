"""Saving: whole-area validation, the normal install, one history row per changed field,
kept across later installs and exported as HSDS ``metadata``."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest

from kompassen.catalogue.hsds.export import export_hsds
from kompassen.catalogue.hsds.importer import import_hsds
from kompassen.catalogue.hsds.mapping import hsds_id
from kompassen.catalogue.search.model import SearchQuery
from kompassen.catalogue.store import history
from kompassen.compose import AppContext, build
from kompassen.core.clock import FixedClock
from kompassen.office.editing import ABSENT, EditSession, SaveRefused

REPO = Path(__file__).resolve().parents[2]
NOW = datetime.fromisoformat("2026-11-23T12:00:00+01:00")


def _svc_with_phone(s: EditSession) -> str:
    return next(
        r.record_id
        for r in s.records("services")
        if s.record("services", r.record_id).get("phones")
        and s.record("services", r.record_id).get("status") == "active"
    )


def test_save_writes_history_and_a_fresh_context_searches_the_edit(
    ctx: AppContext, home: Path, clock: FixedClock
) -> None:
    s = EditSession.open(ctx, "klara")
    svc = _svc_with_phone(s)
    old_name = s.value("services", svc, "/name")
    old_phone = s.value("services", svc, "/phones/0/number")
    s.set("services", svc, "/name", "Zebrafinkens nattcafé")
    s.set("services", svc, "/phones/0/number", "08-555 12 34")
    org = s.records("organizations")[0].record_id
    s.set("organizations", org, "/email", "kontakt@example.se")
    result = s.save("Anna Andersson", NOW)
    assert not s.dirty and result.records_changed == 2 and result.history_rows == 3

    rows = s.history("services", svc)
    assert [(r.field, r.action, r.previous, r.replacement) for r in rows] == [
        ("/name", "update", old_name, "Zebrafinkens nattcafé"),
        ("/phones/0/number", "update", old_phone, "08-555 12 34"),
    ]
    assert all(r.updated_by == "Anna Andersson" for r in rows)
    assert all(r.updated_at == "2026-11-23T12:00:00+01:00" for r in rows)
    assert rows[0].catalogue_version == result.catalogue_version
    (org_row,) = s.history("organizations", org)
    assert (org_row.field, org_row.action, org_row.previous_json) == ("/email", "create", None)

    fresh = build({"KOMPASSEN_HOME": str(home)}, clock)
    try:
        search = fresh.open_search()
        try:
            hits = search.search(SearchQuery("klara", text="zebrafinkens", time_mode="any")).hits
        finally:
            search.close()
        assert hits and hits[0].name == "Zebrafinkens nattcafé"
        service = fresh.catalogue.reader.service(hits[0].id)
        assert service.phones[0].number == "08-555 12 34"
    finally:
        fresh.close()


def test_save_refuses_an_area_with_problems_and_writes_nothing(ctx: AppContext) -> None:
    s = EditSession.open(ctx, "klara")
    svc = _svc_with_phone(s)
    s.set("services", svc, "/phones/0/number", "ring oss")
    s.set("services", svc, "/name", "Giltigt namn")
    version = ctx.catalogue.reader.area("klara")
    with pytest.raises(SaveRefused) as info:
        s.save("Anna", NOW)
    assert info.value.problems[0].path == "/phones/0/number"
    assert "sparades inte" in info.value.sv and "not saved" in info.value.en
    assert s.dirty and s.history("services", svc) == []
    assert ctx.catalogue.reader.area("klara") == version
    assert ctx.catalogue.release_docs("klara") == s.installed_documents()


def test_history_survives_a_later_install_of_the_area(ctx: AppContext) -> None:
    s = EditSession.open(ctx, "klara")
    svc = s.records("services")[0].record_id
    s.set("services", svc, "/name", "Före ominstallationen")
    s.save("Anna", NOW)
    ctx.catalogue.install_dir(REPO / "data" / "areas" / "klara", origin="local")  # install-pack
    assert [r.replacement for r in s.history("services", svc)] == ["Före ominstallationen"]
    again = EditSession.open(ctx, "klara")
    assert again.record("services", svc)["name"] != "Före ominstallationen"
    assert len(again.history("services", svc)) == 1


def test_added_and_removed_records_are_one_row_each(ctx: AppContext) -> None:
    s = EditSession.open(ctx, "klara")
    lm = s.records("landmarks")[0].record_id
    unused = {loc.get("landmark") for loc in s.documents()["services.json"]["locations"]}
    lm = next(r.record_id for r in s.records("landmarks") if r.record_id not in unused)
    s.apply(s.remove_record_edit("landmarks", lm))
    s.apply(
        s.add_record_edit(
            "landmarks",
            {"key": "ny-plats", "name": "Ny plats", "kind": "square", "lat": 59.33, "lon": 18.06},
        )
    )
    s.save("Anna", NOW)
    assert [(r.action, r.field) for r in s.history("landmarks", lm)] == [("delete", "")]
    (added,) = s.history("landmarks", "ny-plats")
    assert added.action == "create" and added.replacement["name"] == "Ny plats"


def test_hsds_export_writes_history_as_metadata(ctx: AppContext, tmp_path: Path) -> None:
    s = EditSession.open(ctx, "klara")
    svc = _svc_with_phone(s)
    s.set("services", svc, "/name", "Nytt namn i HSDS")
    s.mark_checked("services", svc, "Berit", NOW.date())
    lm = s.records("landmarks")[0].record_id
    s.set("landmarks", lm, "/name", "Inte HSDS")  # landmarks are not HSDS resources
    s.save("Anna", NOW)
    out = tmp_path / "hsds"
    result = export_hsds(ctx.catalogue, "klara", out, NOW)
    assert "metadata.csv" in result.files
    with (out / "metadata.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["resource_type"] for r in rows} == {"service"}
    by_field = {r["field_name"]: r for r in rows}
    name = by_field["/name"]
    assert name["resource_id"] == hsds_id("service", f"klara/{svc}")
    assert (name["last_action_type"], name["last_action_date"]) == ("update", "2026-11-23")
    assert json.loads(name["replacement_value"]) == "Nytt namn i HSDS"
    assert name["updated_by"] == "Anna"
    check = by_field["/verified_at"]
    assert (check["last_action_type"], check["updated_by"]) == ("verify", "Berit")
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    (meta,) = [r for r in package["resources"] if r["name"] == "metadata"]
    assert meta["path"] == "metadata.csv"
    assert [f["name"] for f in meta["schema"]["fields"]] == [
        "id",
        "resource_id",
        "resource_type",
        "last_action_date",
        "last_action_type",
        "field_name",
        "previous_value",
        "replacement_value",
        "updated_by",
    ]
    # the export still imports (strict) and the history is still there after that install
    import_hsds(ctx.catalogue, out, "klara")
    assert ctx.catalogue.release_docs("klara")["services.json"] == s.documents()["services.json"]
    assert len(history.read_history(ctx.catalogue.conn, "klara", "services", svc)) == 2


def test_an_export_without_history_has_no_metadata_file(ctx: AppContext, tmp_path: Path) -> None:
    result = export_hsds(ctx.catalogue, "klara", tmp_path / "hsds", NOW)
    assert "metadata.csv" not in result.files
    assert not (tmp_path / "hsds" / "metadata.csv").exists()


def test_a_save_of_only_contact_notes_installs_nothing(ctx: AppContext) -> None:
    s = EditSession.open(ctx, "klara")
    before = ctx.catalogue.reader.area("klara")
    org = s.records("organizations")[0].record_id
    s.set_contact_note(org, "Ring Karin på växeln, tisdagar")
    result = s.save("Anna", NOW)
    assert result.history_rows == 0
    assert ctx.catalogue.reader.area("klara") == before
    assert EditSession.open(ctx, "klara").contact_note(org) == "Ring Karin på växeln, tisdagar"
    assert s.value("organizations", org, "/name") is not ABSENT


def test_saved_edits_come_back_after_the_catalogue_is_rebuilt(ctx: AppContext) -> None:
    s = EditSession.open(ctx, "klara")
    svc = s.records("services")[0].record_id
    s.set("services", svc, "/name", "Sparat före skadan")
    s.save("Anna", NOW)
    assert EditSession.open(ctx, "klara").recovered is None  # nothing lost: nothing to do
    notice = ctx.catalogue.heal(RuntimeError("a damaged page"))  # rebuilt from the packs
    assert notice is not None
    assert ctx.catalogue.release_docs("klara") != s.installed_documents()
    again = EditSession.open(ctx, "klara")
    assert again.recovered is not None
    assert "installerats igen" in again.recovered.sv and "installed again" in again.recovered.en
    assert again.record("services", svc)["name"] == "Sparat före skadan"
    assert ctx.catalogue.release_docs("klara") == again.installed_documents()
