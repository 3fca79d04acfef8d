"""HSDS 3 export of one installed area (the mapping is documented in ``mapping.py``).

The export is built from ``dump_area`` — the same pack form the loader installs — so export
and import are two views of one mapping and a round trip can be checked by comparing packs.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

from kompassen.catalogue.hsds.mapping import (
    COUNTRY,
    DATE_FIELDS,
    EXTENSION_CODE,
    EXTENSION_LINK_TYPE,
    HSDS_VERSION,
    NUMBER_FIELDS,
    STATUS_TO_HSDS,
    TABLES,
    TAXONOMIES,
    TIME_FIELDS,
    ExportResult,
    hsds_id,
)
from kompassen.catalogue.pack import fact_sources
from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.pack.schema import base_taxonomy
from kompassen.catalogue.store.loader import dump_area
from kompassen.catalogue.store.store import CatalogueStore

Row = dict[str, Any]

WRITE_ORDER = (
    "taxonomy",
    "taxonomy_term",
    "organization",
    "location",
    "address",
    "service",
    "service_at_location",
    "phone",
    "schedule",
    "language",
    "attribute",
)
_DAYS = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
ALL_DAYS = "MO,TU,WE,TH,FR,SA,SU"
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FOREIGN_KEYS = {
    "taxonomy_term": [("taxonomy_id", "taxonomy")],
    "address": [("location_id", "location")],
    "service": [("organization_id", "organization")],
    "service_at_location": [("service_id", "service"), ("location_id", "location")],
    "phone": [("service_id", "service")],
    "schedule": [("service_id", "service")],
    "language": [("service_id", "service")],
    "attribute": [("taxonomy_term_id", "taxonomy_term")],
}


def term_id(code: str) -> str:
    return hsds_id("taxonomy_term", code)


def _ext_json(ext: dict[str, Any]) -> str:
    return json.dumps(ext, ensure_ascii=False, separators=(",", ":"))


class _Builder:
    """Collects the rows of every table while walking the pack once."""

    def __init__(self, pack: PackData, now: datetime | None = None) -> None:
        self.pack = pack
        self.aid = pack.area_id
        self.now = now
        self.rows: dict[str, list[Row]] = {name: [] for name in WRITE_ORDER}
        # a service's notices (without the service key): they travel in its attribute
        self.notices: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for n in pack.doc("notices.json")["notices"] if "notices.json" in pack.documents else []:
            if "service" in n:
                self.notices[n["service"]].append({k: v for k, v in n.items() if k != "service"})

    def alert(self, s: dict[str, Any]) -> str | None:
        """HSDS ``alert``: the status note and the text of the service's notices in force now
        (all of them when no time is given), one per line."""
        lines = [s["status_note"]] if s.get("status_note") else []
        stamp = None if self.now is None else self.now.strftime("%Y-%m-%dT%H:%M:%S")
        for n in self.notices.get(s["key"], []):
            if stamp is not None:
                expires = n.get("expires")
                if expires is not None and len(expires) == 10:
                    expires += "T23:59:59"
                if (n.get("starts") or "") > stamp or (expires is not None and expires < stamp):
                    continue
            lines.append(n["text"]["sv"])
        return "\n".join(lines) or None

    def ext(self, entity: str, link_id: str, ref: str, data: dict[str, Any]) -> None:
        self.rows["attribute"].append(
            {
                "id": hsds_id("attribute", f"{ref}/kompassen"),
                "link_id": link_id,
                "taxonomy_term_id": term_id(EXTENSION_CODE),
                "link_type": EXTENSION_LINK_TYPE,
                "link_entity": entity,
                "value": _ext_json(data),
            }
        )

    def build(self) -> dict[str, list[Row]]:
        self._taxonomy()
        doc = self.pack.doc("services.json")
        for org in doc["organizations"]:
            self._organization(org)
        for loc in doc["locations"]:
            self._location(loc)
        kinds = self._kinds()
        for svc in doc["services"]:
            self._service(svc, kinds)
        return self.rows

    def _kinds(self) -> dict[str, str]:
        return {r["code"]: r["_kind"] for r in self.rows["taxonomy_term"]}

    def _taxonomy(self) -> None:
        for kind, (name, desc, _) in TAXONOMIES.items():
            self.rows["taxonomy"].append(
                {
                    "id": hsds_id("taxonomy", kind),
                    "name": name,
                    "description": desc,
                    "version": "1",
                }
            )
        base = base_taxonomy()
        area_terms = self.pack.doc("taxonomy.json")
        for plural, kind in (("groups", "group"), ("needs", "need"), ("handover", "handover")):
            for term in [*base[plural], *area_terms.get(plural, [])]:
                self.rows["taxonomy_term"].append(
                    {
                        "id": term_id(term["code"]),
                        "code": term["code"],
                        "name": term["sv"],
                        "description": term.get("en") or term["sv"],
                        "taxonomy": TAXONOMIES[kind][0],
                        "language": "sv",
                        "taxonomy_id": hsds_id("taxonomy", kind),
                        "_kind": kind,
                    }
                )
        self.rows["taxonomy_term"].append(
            {
                "id": term_id(EXTENSION_CODE),
                "code": EXTENSION_CODE,
                "name": "Kompassen-post",
                "description": "Kompassen record data (JSON in the attribute value)",
                "taxonomy": TAXONOMIES["extension"][0],
                "taxonomy_id": hsds_id("taxonomy", "extension"),
                "_kind": "extension",
            }
        )

    def _organization(self, o: dict[str, Any]) -> None:
        ref = f"{self.aid}/{o['key']}"
        oid = hsds_id("organization", ref)
        desc = o.get("description") or {}
        self.rows["organization"].append(
            {
                "id": oid,
                "name": o["name"],
                "description": desc.get("sv", ""),
                "email": o.get("email") or None,
                "website": o.get("url") or None,
            }
        )
        ext: dict[str, Any] = {"key": o["key"], "sources": o["sources"]}
        ext["verified_at"] = o["verified_at"]
        if desc.get("en"):
            ext["description_en"] = desc["en"]
        self.ext("organization", oid, f"organization:{ref}", ext)

    def _location(self, loc: dict[str, Any]) -> None:
        ref = f"{self.aid}/{loc['key']}"
        lid = hsds_id("location", ref)
        desc = loc.get("description") or {}
        self.rows["location"].append(
            {
                "id": lid,
                "location_type": "physical",
                "name": loc["name"],
                "description": desc.get("sv") or None,
                "latitude": loc.get("lat"),
                "longitude": loc.get("lon"),
            }
        )
        ext: dict[str, Any] = {"key": loc["key"]}
        if desc.get("en"):
            ext["description_en"] = desc["en"]
        ext["coords_approximate"] = loc.get("coords_approximate", True)
        for k in ("coords_note", "landmark"):
            if loc.get(k):
                ext[k] = loc[k]
        addr = loc.get("address")
        if addr:
            self.rows["address"].append(
                {
                    "id": hsds_id("address", ref),
                    "location_id": lid,
                    "address_1": addr["street"],
                    "city": addr.get("city", ""),
                    "state_province": "",
                    "postal_code": addr.get("postal_code", ""),
                    "country": COUNTRY,
                    "address_type": "physical",
                }
            )
            if addr.get("note"):
                ext["address_note"] = addr["note"]
        self.ext("location", lid, f"location:{ref}", ext)

    def _service(self, s: dict[str, Any], kinds: dict[str, str]) -> None:
        aid = self.aid
        ref = f"{aid}/{s['key']}"
        sid = hsds_id("service", ref)
        ho = s["handover"]
        instr = ho.get("instructions") or {}
        verified = s["verified_at"]
        self.rows["service"].append(
            {
                "id": sid,
                "organization_id": hsds_id("organization", f"{aid}/{s['organization']}"),
                "name": s["name"],
                "alternate_name": s.get("alternate_name") or None,
                "description": s["description"]["sv"],
                "url": s.get("url") or None,
                "email": s.get("email") or None,
                "status": STATUS_TO_HSDS[s["status"]],
                "application_process": instr.get("sv") or None,
                "minimum_age": ho.get("age_min"),
                "maximum_age": ho.get("age_max"),
                "assured_date": verified if _FULL_DATE.match(verified) else None,
                "alert": self.alert(s),
            }
        )
        for loc_key in s.get("locations", []):
            self.rows["service_at_location"].append(
                {
                    "id": hsds_id("service_at_location", f"{ref}/{loc_key}"),
                    "service_id": sid,
                    "location_id": hsds_id("location", f"{aid}/{loc_key}"),
                }
            )
        for i, ph in enumerate(s.get("phones", [])):
            pid = hsds_id("phone", f"{ref}/{i}")
            label = ph.get("label") or {}
            self.rows["phone"].append(
                {
                    "id": pid,
                    "service_id": sid,
                    "number": ph["number"],
                    "type": "text" if ph["kind"] == "sms" else "voice",
                    "description": label.get("sv") or None,
                }
            )
            pext: dict[str, Any] = {"kind": ph["kind"]}
            if ph.get("to_verify"):
                pext["to_verify"] = True
            if label.get("en"):
                pext["label_en"] = label["en"]
            self.ext("phone", pid, f"phone:{ref}/{i}", pext)
        self._hours(s, ref, sid)
        for i, code in enumerate(ho.get("languages", [])):
            self.rows["language"].append(
                {"id": hsds_id("language", f"{ref}/{i}"), "service_id": sid, "code": code}
            )
        for code in [*s["groups"], *s["needs"], *ho["modes"]]:
            self.rows["attribute"].append(
                {
                    "id": hsds_id("attribute", f"{ref}/{code}"),
                    "link_id": sid,
                    "taxonomy_term_id": term_id(code),
                    "link_type": TAXONOMIES[kinds.get(code, "need")][2],
                    "link_entity": "service",
                }
            )
        self.ext("service", sid, f"service:{ref}", _service_ext(s, self.notices.get(s["key"])))

    def _hours(self, s: dict[str, Any], ref: str, sid: str) -> None:
        hours = s.get("hours")
        if not hours:
            return
        rows = self.rows["schedule"]
        for i, rule in enumerate(hours.get("weekly", [])):
            rows.append(
                {
                    "id": hsds_id("schedule", f"{ref}/weekly/{i}"),
                    "service_id": sid,
                    "freq": "WEEKLY",
                    "byday": ",".join(_DAYS[d] for d in rule["days"]),
                    "opens_at": rule["opens"],
                    "closes_at": rule["closes"],
                }
            )
        if hours.get("always_open"):
            rows.append(
                {
                    "id": hsds_id("schedule", f"{ref}/always"),
                    "service_id": sid,
                    "freq": "WEEKLY",
                    "byday": ALL_DAYS,
                    "opens_at": "00:00",
                    "closes_at": "24:00",
                    "description": "Öppet dygnet runt / Open 24 hours",
                }
            )
        for i, exc in enumerate(hours.get("exceptions", [])):
            closed = exc.get("closed", False)
            rows.append(
                {
                    "id": hsds_id("schedule", f"{ref}/exception/{i}"),
                    "service_id": sid,
                    "valid_from": exc["date"],
                    "valid_to": exc["date"],
                    "opens_at": exc.get("opens"),
                    "closes_at": exc.get("closes"),
                    "description": "Stängt / Closed" if closed else None,
                    "notes": exc.get("note") or None,
                }
            )


def _service_ext(s: dict[str, Any], notices: list[dict[str, Any]] | None) -> dict[str, Any]:
    """The Kompassen part of a service that HSDS has no field for: the exact status word, a
    temporary closure's dates, the status note and the service's notices with their expiry
    (HSDS ``alert`` has only their text)."""
    ext: dict[str, Any] = {"key": s["key"], "status": s["status"]}
    for k in ("status_from", "status_until", "status_note"):
        if s.get(k):
            ext[k] = s[k]
    if notices:
        ext["notices"] = notices
    if s["description"].get("en"):
        ext["description_en"] = s["description"]["en"]
    if s.get("mobile"):
        ext["mobile"] = True
    for k in ("area_note", "data_note"):
        if s.get(k):
            ext[k] = s[k]
    ext["sources"] = s["sources"]
    facts = fact_sources.facts_of(s)
    if facts:
        ext["fact_sources"] = facts  # which source each fact comes from (see DATA.md)
    ext["verified_at"] = s["verified_at"]
    hours = s.get("hours")
    ext["hours_known"] = hours is not None
    if hours:
        h: dict[str, Any] = {"always_open": bool(hours.get("always_open", False))}
        for k in ("holidays", "holiday_eves", "note"):
            if hours.get(k):
                h[k] = hours[k]
        ext["hours"] = h
    ho = s["handover"]
    handover: dict[str, Any] = {}
    if (ho.get("instructions") or {}).get("en"):
        handover["instructions_en"] = ho["instructions"]["en"]
    for k in ("gender", "no_papers_ok", "intoxicated_ok", "referral_required"):
        if ho.get(k) is not None:
            handover[k] = ho[k]
    if handover:
        ext["handover"] = handover
    return ext


def build_tables(pack: PackData, now: datetime | None = None) -> dict[str, list[Row]]:
    """Every HSDS table of the pack as rows (None = empty cell); ``_``-keys are internal.
    ``now`` picks the notices whose text goes into ``alert`` (None: all of them)."""
    return _Builder(pack, now).build()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _json_row(row: Row) -> Row:
    return {k: v for k, v in row.items() if v is not None and not k.startswith("_")}


def canonical_services(tables: dict[str, list[Row]]) -> list[Row]:
    """The dereferenced HSDS 3 service objects (the canonical JSON form)."""
    orgs = {r["id"]: _json_row(r) for r in tables["organization"]}
    # Terms are embedded without taxonomy_detail (optional): term.taxonomy and taxonomy_id
    # name the taxonomy, and repeating it on every attribute would double the file.
    terms = {r["id"]: _json_row(r) for r in tables["taxonomy_term"]}
    by_link: dict[str, list[Row]] = defaultdict(list)
    for r in tables["attribute"]:
        a = _json_row(r)
        a["taxonomy_term"] = terms[a["taxonomy_term_id"]]
        by_link[a["link_id"]].append(a)
    addresses: dict[str, list[Row]] = defaultdict(list)
    for r in tables["address"]:
        addresses[r["location_id"]].append(_json_row(r))
    locations = {}
    for r in tables["location"]:
        loc = _json_row(r)
        loc["addresses"] = addresses.get(loc["id"], [])
        loc["attributes"] = by_link.get(loc["id"], [])
        locations[loc["id"]] = loc
    children: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for table, key in (("phone", "phones"), ("schedule", "schedules"), ("language", "languages")):
        for r in tables[table]:
            item = _json_row(r)
            if table == "phone":
                item["attributes"] = by_link.get(item["id"], [])
            children[r["service_id"]][key].append(item)
    for r in tables["service_at_location"]:
        sal = _json_row(r)
        sal["location"] = locations[sal["location_id"]]
        children[r["service_id"]]["service_at_locations"].append(sal)
    out = []
    for r in tables["service"]:
        svc = _json_row(r)
        org = dict(orgs[svc["organization_id"]])
        org["attributes"] = by_link.get(org["id"], [])
        svc["organization"] = org
        for key in ("phones", "schedules", "languages", "service_at_locations"):
            svc[key] = children[svc["id"]].get(key, [])
        svc["attributes"] = by_link.get(svc["id"], [])
        out.append(svc)
    return out


def _field_descriptor(table: str, name: str) -> dict[str, Any]:
    spec = TABLES[table]
    fd: dict[str, Any] = {"name": name, "type": "string"}
    if name in NUMBER_FIELDS:
        fd["type"] = "number"
    elif name in DATE_FIELDS:
        fd["type"] = "date"
    elif name in TIME_FIELDS:
        # HSDS asks for HH:MM; 24:00 (end of day) is not a Frictionless "time", so a pattern.
        fd["constraints"] = {"pattern": r"([01]\d|2[0-4]):[0-5]\d"}
    elif name == "id" or name.endswith("_id"):
        fd["format"] = "uuid"
    if name in spec.required:
        fd.setdefault("constraints", {})["required"] = True
    if name == "id":
        fd.setdefault("constraints", {})["unique"] = True
    return fd


def datapackage(pack: PackData, files: dict[str, str]) -> dict[str, Any]:
    """A Frictionless Tabular Data Package descriptor for the written CSV files."""
    resources = []
    for table in WRITE_ORDER:
        spec = TABLES[table]
        schema: dict[str, Any] = {
            "fields": [_field_descriptor(table, f) for f in spec.fields],
            "primaryKey": "id",
        }
        fks = [
            {"fields": col, "reference": {"resource": ref, "fields": "id"}}
            for col, ref in _FOREIGN_KEYS.get(table, [])
        ]
        if fks:
            schema["foreignKeys"] = fks
        resources.append(
            {
                "name": table,
                "path": files[table],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": schema,
            }
        )
    area = pack.area
    return {
        "name": f"kompassen-{area['id']}",
        "title": f"{area['name']} — {area['title']}",
        "profile": "tabular-data-package",
        "version": area["version"],
        "hsds_version": HSDS_VERSION,
        "resources": resources,
        "kompassen": {
            "about": (
                "Kompassen export. Fields HSDS has no place for are attributes pointing at "
                f"the taxonomy term '{EXTENSION_CODE}' with a JSON object as value. Ids are "
                "uuid5 of a fixed namespace and '<table>:<area>/<key>'. Times are local "
                "wall-clock time in Europe/Stockholm. kompassen/*.json holds the area's "
                "landmarks, guides, notices and metadata (not HSDS)."
            ),
            "area": area["id"],
            "extension_term": EXTENSION_CODE,
        },
    }


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    os.replace(tmp, path)


def _write_csv(path: Path, fields: tuple[str, ...], rows: list[Row]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(fields)
        writer.writerows([_cell(r.get(f)) for f in fields] for r in rows)
    os.replace(tmp, path)


def export_area(
    conn: sqlite3.Connection, area_id: str, out_dir: Path, now: datetime | None = None
) -> ExportResult:
    """Write one area as HSDS 3 into ``out_dir`` (created when missing); ``now`` picks the
    notices in force for each service's ``alert``."""
    pack = dump_area(conn, area_id)
    tables = build_tables(pack, now)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {t: TABLES[t].file for t in WRITE_ORDER}
    written = []
    for table in WRITE_ORDER:
        _write_csv(out_dir / files[table], TABLES[table].fields, tables[table])
        written.append(files[table])
    descriptor = datapackage(pack, files)
    if _write_metadata(conn, area_id, out_dir, descriptor):
        written.append(METADATA_FILE)
    desc = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    _write_text(out_dir / "datapackage.json", desc)
    canonical = json.dumps(canonical_services(tables), ensure_ascii=False, separators=(",", ":"))
    _write_text(out_dir / "hsds_services.json", canonical)
    written += ["datapackage.json", "hsds_services.json"]
    ext_dir = out_dir / "kompassen"
    ext_dir.mkdir(exist_ok=True)
    for name, doc in pack.documents.items():
        if name == "services.json":
            continue  # that part is the HSDS data itself
        _write_text(ext_dir / name, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        written.append(f"kompassen/{name}")
    services = len(pack.doc("services.json")["services"])
    return ExportResult(area_id, out_dir, written, services)


METADATA_FILE = "metadata.csv"
METADATA_FIELDS = (
    "id",
    "resource_id",
    "resource_type",
    "last_action_date",
    "last_action_type",
    "field_name",
    "previous_value",
    "replacement_value",
    "updated_by",
)


def _write_metadata(
    conn: sqlite3.Connection, area_id: str, out_dir: Path, descriptor: dict[str, Any]
) -> bool:
    """The office's change history as HSDS 3 ``metadata`` rows (one per changed field of a
    service, organisation or location; field_name is the JSON pointer inside the pack
    record, values are JSON). Written only when there is history; False otherwise."""
    from kompassen.catalogue.store.history import HSDS_RESOURCE, metadata_rows

    history = metadata_rows(conn, area_id)
    if not history:
        return False
    rows = []
    for h in history:
        table = HSDS_RESOURCE[h.kind]
        rows.append(
            {
                "id": hsds_id("metadata", f"{area_id}/{h.id}"),
                "resource_id": hsds_id(table, f"{area_id}/{h.record_key}"),
                "resource_type": table,
                "last_action_date": h.updated_at[:10],
                "last_action_type": h.action,
                "field_name": h.field or "*",
                "previous_value": h.previous_json or "",
                "replacement_value": h.replacement_json or "",
                "updated_by": h.updated_by,
            }
        )
    _write_csv(out_dir / METADATA_FILE, METADATA_FIELDS, rows)
    fields: list[dict[str, Any]] = [
        {"name": f, "type": "date" if f == "last_action_date" else "string"}
        for f in METADATA_FIELDS
    ]
    for fd in fields:
        if fd["name"] in ("id", "resource_id"):
            fd["format"] = "uuid"
        if fd["name"] != "previous_value" and fd["name"] != "replacement_value":
            fd["constraints"] = {"required": True}
    descriptor["resources"].append(
        {
            "name": "metadata",
            "path": METADATA_FILE,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "profile": "tabular-data-resource",
            "schema": {"fields": fields, "primaryKey": "id"},
        }
    )
    return True


def export_hsds(
    store: CatalogueStore, area_id: str, out_dir: Path, now: datetime | None = None
) -> ExportResult:
    """Write the installed area as HSDS 3 (CSV tables, datapackage.json, canonical JSON)."""
    return export_area(store.conn, area_id, out_dir, now)
