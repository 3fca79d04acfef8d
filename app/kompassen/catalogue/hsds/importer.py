"""HSDS 3 (and tolerated 2.x) import into one installed area; mapping documented in ``hsds.py``.

Why this shape: reading, checking and mapping happen entirely in memory and produce a normal
area pack, which ``CatalogueStore.install`` validates and writes in one transaction. So bad
input can never leave a half-imported catalogue, and every problem can still be reported
against the HSDS file, row and field the user can open and fix.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

from kompassen.catalogue.hsds import mapping
from kompassen.catalogue.hsds.mapping import (
    EXTENSION_CODE,
    STATUS_FROM_HSDS,
    HsdsError,
    HsdsProblem,
    ImportResult,
    hsds_id,
)
from kompassen.catalogue.pack.packdata import FORMAT_VERSION, PackData
from kompassen.catalogue.pack.validate import PackError, base_taxonomy
from kompassen.catalogue.store.loader import dump_area
from kompassen.catalogue.store.store import CatalogueStore

# Logical table -> accepted file stems / resource names (3.x singular and plural, 2.x, 1.x).
ALIASES: dict[str, tuple[str, ...]] = {
    "organization": ("organization", "organizations"),
    "service": ("service", "services"),
    "location": ("location", "locations"),
    "service_at_location": (
        "service_at_location",
        "service_at_locations",
        "services_at_location",
        "services_at_locations",
    ),
    "address": ("address", "addresses", "physical_address", "physical_addresses"),
    "phone": ("phone", "phones"),
    "schedule": ("schedule", "schedules", "regular_schedule", "regular_schedules"),
    "holiday_schedule": ("holiday_schedule", "holiday_schedules"),
    "taxonomy_term": ("taxonomy_term", "taxonomy_terms"),
    "attribute": (
        "attribute",
        "attributes",
        "service_attribute",
        "service_attributes",
        "service_taxonomy",
        "services_taxonomy",
    ),
    "language": ("language", "languages"),
}
LEGACY_STEMS = frozenset(
    {
        "services_at_location",
        "services_at_locations",
        "physical_address",
        "physical_addresses",
        "regular_schedule",
        "regular_schedules",
        "holiday_schedule",
        "holiday_schedules",
        "service_attribute",
        "service_attributes",
        "service_taxonomy",
        "services_taxonomy",
    }
)
REQUIRED_TABLES = ("organization", "service", "taxonomy_term", "attribute")
# Columns a file must have; tuples inside mean "one of these".
REQUIRED_COLUMNS: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "organization": ("id", "name"),
    "service": ("id", "organization_id", "name"),
    "location": ("id",),
    "service_at_location": ("service_id", "location_id"),
    "address": ("location_id", "address_1"),
    "phone": ("number",),
    "schedule": (("service_id", "service_at_location_id"),),
    "holiday_schedule": (("service_id", "service_at_location_id"), "start_date"),
    "taxonomy_term": ("id", ("code", "term", "name")),
    "attribute": (("link_id", "service_id"), "taxonomy_term_id"),
    "language": (("code", "language"),),
}

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|unknown)$")
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_PHONE = re.compile(r"^[0-9+][0-9 \-]{1,20}$")
_LANG = re.compile(r"^[a-z]{2,3}$")
_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_PACK_DAYS = dict(zip(_DAY_CODES, ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), strict=True))
_DAY_NAMES = {
    **{c.lower(): c for c in _DAY_CODES},
    **dict(
        zip(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
            _DAY_CODES,
            strict=True,
        )
    ),
    **dict(zip(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), _DAY_CODES, strict=True)),
    **dict(
        zip(
            ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
            _DAY_CODES,
            strict=False,
        )
    ),
    **dict(zip(("mån", "tis", "ons", "tors", "fre", "lör", "sön"), _DAY_CODES, strict=True)),
    **{str(i + 1): c for i, c in enumerate(_DAY_CODES)},  # ISO 8601: 1 = Monday
}
_TRUE = {"true", "1", "yes", "ja", "y"}
MAX_EXCEPTION_DAYS = 62


# ------------------------------------------------------------------------------ reading


@dataclass
class TableData:
    """One input table: where it came from and its rows as strings."""

    name: str
    file: str
    rows: list[tuple[int, dict[str, str]]]
    columns: set[str]
    json_index: bool = False


class _Problems:
    """Collects problems so one run reports as many as it can find."""

    def __init__(self) -> None:
        self.items: list[HsdsProblem] = []

    def add(self, t: TableData | str, row: int | None, fld: str | None, sv: str, en: str) -> None:
        if isinstance(t, TableData):
            self.items.append(HsdsProblem(t.file, row, fld, sv, en, t.json_index))
        else:
            self.items.append(HsdsProblem(t, row, fld, sv, en))

    def raise_if_any(self) -> None:
        if self.items:
            raise HsdsError(self.items)


def _fail(file: str, sv: str, en: str, row: int | None = None, fld: str | None = None) -> HsdsError:
    return HsdsError([HsdsProblem(file, row, fld, sv, en)])


def _read_text(path: Path, display: str, max_bytes: int) -> str:
    """The file as text: refuse huge files unread, non-UTF-8 and empty files."""
    if not path.is_file():
        raise _fail(display, "Filen finns inte.", "The file does not exist.")
    size = path.stat().st_size
    if size > max_bytes:
        limit = max_bytes // (1024 * 1024)
        raise _fail(
            display,
            f"Filen är större än {limit} MB ({size} byte); den lästes inte.",
            f"The file is larger than {limit} MB ({size} bytes); it was not read.",
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(
            display,
            "Filen är inte UTF-8-kodad (spara den som UTF-8).",
            "The file is not UTF-8 encoded (save it as UTF-8).",
            line,
        ) from None
    if not text.strip():
        raise _fail(display, "Filen är tom.", "The file is empty.")
    return text


def _read_csv(name: str, path: Path, display: str, max_bytes: int) -> TableData:
    text = _read_text(path, display, max_bytes)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise _fail(display, f"Trasig CSV: {exc}.", f"Broken CSV: {exc}.", 1) from None
    if not any(header):
        raise _fail(display, "Rubrikraden saknas.", "The header row is missing.", 1)
    rows: list[tuple[int, dict[str, str]]] = []
    start = reader.line_num + 1
    width = len(header)
    try:
        for values in reader:
            vals = [v.strip() for v in values]
            if any(vals):
                if len(vals) > width and any(vals[width:]):
                    raise _fail(
                        display,
                        f"Raden har {len(vals)} värden men rubriken bara {width} kolumner.",
                        f"The row has {len(vals)} values but the header only {width} columns.",
                        start,
                    )
                rows.append((start, dict(zip(header, vals, strict=False))))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _fail(display, f"Trasig CSV: {exc}.", f"Broken CSV: {exc}.", start) from None
    return TableData(name, display, rows, set(header))


def _load_json(path: Path, display: str, max_bytes: int) -> Any:
    text = _read_text(path, display, max_bytes)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(
            display,
            f"Ogiltig eller avkortad JSON (kolumn {exc.colno}): {exc.msg}.",
            f"Invalid or truncated JSON (column {exc.colno}): {exc.msg}.",
            exc.lineno,
        ) from None


def _json_rows(name: str, data: Any, display: str) -> TableData:
    if not isinstance(data, list):
        raise _fail(
            display,
            f"Fel JSON-typ: en lista med poster väntades, fick {type(data).__name__}.",
            f"Wrong JSON type: a list of records was expected, got {type(data).__name__}.",
        )
    rows: list[tuple[int, dict[str, str]]] = []
    columns: set[str] = set()
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            raise HsdsError(
                [
                    HsdsProblem(
                        display,
                        i,
                        None,
                        "Fel JSON-typ: posten ska vara ett objekt.",
                        "Wrong JSON type: the record must be an object.",
                        True,
                    )
                ]
            )
        row: dict[str, str] = {}
        for k, v in item.items():
            if isinstance(v, (dict, list)):
                raise HsdsError(
                    [
                        HsdsProblem(
                            display,
                            i,
                            k,
                            "Fel JSON-typ: ett enkelt värde (text, tal, true/false) väntades.",
                            "Wrong JSON type: a plain value (string, number, boolean) was expected.",
                            True,
                        )
                    ]
                )
            if v is None:
                row[k] = ""
            elif isinstance(v, bool):
                row[k] = "true" if v else "false"
            else:
                row[k] = str(v).strip()
        columns.update(item)
        rows.append((i, row))
    return TableData(name, display, rows, columns, json_index=True)


def _table_for(stem: str) -> str | None:
    stem = stem.lower()
    for table, names in ALIASES.items():
        if stem in names:
            return table
    return None


@dataclass
class Source:
    """The tables found at PATH, and whether the input looks like HSDS 2.x or older."""

    tables: dict[str, TableData]
    legacy: bool
    label: str


def _safe_member(folder: Path, rel: str, display: str) -> Path:
    pure = PurePosixPath(rel)
    if pure.is_absolute() or ".." in pure.parts or not rel:
        raise _fail(
            display,
            f"Resursens sökväg ”{rel}” måste ligga i paketets mapp.",
            f"The resource path '{rel}' must stay inside the package folder.",
            fld="path",
        )
    return folder / pure


def read_source(path: Path, max_bytes: int) -> Source:
    """Read a datapackage.json, a folder with one, or a folder of CSV files."""
    if path.is_dir() and (path / "datapackage.json").is_file():
        path = path / "datapackage.json"
    if path.is_file():
        if path.suffix.lower() != ".json":
            raise _fail(
                path.name,
                "Ange en datapackage.json eller en mapp med CSV-filer.",
                "Give a datapackage.json or a folder of CSV files.",
            )
        return _read_datapackage(path, max_bytes)
    if not path.is_dir():
        raise _fail(str(path), "Hittar varken fil eller mapp.", "No such file or folder.")
    tables: dict[str, TableData] = {}
    legacy = False
    for csv_path in sorted(path.glob("*.csv")):
        table = _table_for(csv_path.stem)
        if table is None:
            continue
        if table in tables:
            raise _fail(
                csv_path.name,
                f"Tabellen {table} finns redan i {tables[table].file}; ta bort en av filerna.",
                f"The table {table} is already given by {tables[table].file}; remove one file.",
            )
        tables[table] = _read_csv(table, csv_path, csv_path.name, max_bytes)
        legacy |= csv_path.stem.lower() in LEGACY_STEMS
    return Source(tables, legacy, path.name)


def _read_datapackage(path: Path, max_bytes: int) -> Source:
    display = path.name
    desc = _load_json(path, display, max_bytes)
    if not isinstance(desc, dict):
        raise _fail(
            display,
            "Fel JSON-typ: ett objekt (en datapackage.json) väntades.",
            "Wrong JSON type: an object (a datapackage.json) was expected.",
        )
    resources = desc.get("resources")
    if not isinstance(resources, list):
        raise _fail(
            display,
            "Fel JSON-typ: ”resources” ska vara en lista.",
            "Wrong JSON type: 'resources' must be a list.",
            fld="resources",
        )
    version = str(desc.get("version", ""))
    legacy = version.startswith(("1.", "2.")) and desc.get("name") == "human_services_data"
    tables: dict[str, TableData] = {}
    for i, res in enumerate(resources):
        if not isinstance(res, dict):
            raise HsdsError(
                [
                    HsdsProblem(
                        display,
                        i,
                        "resources",
                        "Fel JSON-typ: resursen ska vara ett objekt.",
                        "Wrong JSON type: the resource must be an object.",
                        True,
                    )
                ]
            )
        rel = res.get("path")
        name = res.get("name")
        if rel is not None and not isinstance(rel, str):
            raise HsdsError(
                [
                    HsdsProblem(
                        display,
                        i,
                        "path",
                        "Fel JSON-typ: ”path” ska vara text.",
                        "Wrong JSON type: 'path' must be a string.",
                        True,
                    )
                ]
            )
        member = _safe_member(path.parent, rel, display) if rel is not None else None
        stem = PurePosixPath(rel).stem if rel else ""
        table = _table_for(str(name)) if isinstance(name, str) else None
        table = table or _table_for(stem)
        if table is None:
            continue
        legacy |= stem.lower() in LEGACY_STEMS or str(name).lower() in LEGACY_STEMS
        if table in tables:
            raise _fail(
                display,
                f"Tabellen {table} ges av flera resurser.",
                f"The table {table} is given by more than one resource.",
                i,
                "name",
            )
        if "data" in res and rel is None:
            tables[table] = _json_rows(table, res["data"], f"{display} ({name})")
            continue
        if not rel:
            raise HsdsError(
                [
                    HsdsProblem(
                        display,
                        i,
                        "path",
                        "Resursen saknar ”path”.",
                        "The resource has no 'path'.",
                        True,
                    )
                ]
            )
        assert member is not None
        if not member.is_file():
            raise _fail(
                rel,
                f"Filen saknas (den nämns i {display}).",
                f"The file is missing (it is listed in {display}).",
            )
        fmt = str(res.get("format", "")).lower()
        if fmt == "json" or rel.lower().endswith(".json"):
            data = _json_rows(table, _load_json(member, rel, max_bytes), rel)
            schema = res.get("schema")
            fields = schema.get("fields") if isinstance(schema, dict) else None
            if isinstance(fields, list):  # a JSON record may leave out empty fields
                data.columns.update(
                    f["name"] for f in fields if isinstance(f, dict) and "name" in f
                )
            tables[table] = data
        else:
            tables[table] = _read_csv(table, member, rel, max_bytes)
    return Source(tables, legacy, display)


# ------------------------------------------------------------------------------ mapping


@dataclass
class _Warnings:
    sv: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)

    def add(self, sv: str, en: str) -> None:
        self.sv.append(sv)
        self.en.append(en)


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:50].strip("-")
    return slug or "post"


def assign_keys(items: list[tuple[str, str | None, str]], existing: dict[str, str]) -> list[str]:
    """Keys for (hsds id, key from extension, name): reuse, then extension, then slug."""
    keys: list[str | None] = [None] * len(items)
    used: set[str] = set()
    for i, (hid, _, _) in enumerate(items):
        old = existing.get(hid)
        if old is not None and old not in used:
            keys[i] = old
            used.add(old)
    for i, (_, ext_key, _) in enumerate(items):
        if keys[i] is None and ext_key and _KEY.match(ext_key) and ext_key not in used:
            keys[i] = ext_key
            used.add(ext_key)
    for i, (_, _, name) in enumerate(items):
        if keys[i] is None:
            base = _slug(name)
            key, n = base, 2
            while key in used:
                key = f"{base[:56]}-{n}"
                n += 1
            keys[i] = key
            used.add(key)
    return [k for k in keys if k is not None]


def _parse_time(value: str) -> str | None:
    """HH:MM from HH:MM, HH:MM:SS or with a zone suffix (read as local time); None if bad."""
    m = _TIME.match(value)
    if not m:
        return None
    h, mi, sec = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if (h, mi, sec) == (23, 59, 59):
        return "24:00"
    if h > 24 or mi > 59 or sec > 59 or (h == 24 and (mi or sec)):
        return None
    return f"{h:02d}:{mi:02d}"


def _parse_date(value: str) -> date | None:
    if not _DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


class _Importer:
    """One import run: tables in, pack documents out, problems and warnings collected."""

    def __init__(self, src: Source, old: PackData, area_id: str) -> None:
        self.src = src
        self.t = src.tables
        self.old = old
        self.aid = area_id
        self.p = _Problems()
        self.w = _Warnings()
        self.prov: dict[str, tuple[TableData, int]] = {}
        self.ext: dict[str, tuple[TableData, int, dict[str, Any]]] = {}
        self.codes: dict[str, list[str]] = defaultdict(list)
        self.kinds: dict[str, str] = {}
        self._id_cache: dict[str, dict[str, tuple[int, dict[str, str]]]] = {}

    # -- generic row checks

    def _get(self, table: str) -> TableData | None:
        return self.t.get(table)

    def check_structure(self) -> None:
        for table in REQUIRED_TABLES:
            if table not in self.t:
                names = " / ".join(f"{n}.csv" for n in ALIASES[table][:2])
                self.p.add(
                    names,
                    None,
                    None,
                    "Filen saknas (den krävs för import).",
                    "The file is missing (it is required for import).",
                )
        for table, data in self.t.items():
            if data.json_index and not data.rows:
                continue  # an empty JSON list has no columns to miss
            for col in REQUIRED_COLUMNS.get(table, ()):
                options = col if isinstance(col, tuple) else (col,)
                if not any(c in data.columns for c in options):
                    label = " / ".join(options)
                    self.p.add(
                        data,
                        1 if not data.json_index else None,
                        label,
                        "Kolumnen saknas.",
                        "The column is missing.",
                    )
        self.p.raise_if_any()

    def ids(self, data: TableData | None, required: bool) -> dict[str, tuple[int, dict[str, str]]]:
        """Rows by id; empty, malformed and duplicate ids are problems."""
        out: dict[str, tuple[int, dict[str, str]]] = {}
        if data is None:
            return out
        if data.name in self._id_cache:
            return self._id_cache[data.name]
        self._id_cache[data.name] = out
        has_id = "id" in data.columns
        if not has_id:
            return out
        for row_no, row in data.rows:
            rid = row.get("id", "")
            if not rid:
                if required or not self.src.legacy:
                    self.p.add(data, row_no, "id", "Id saknas.", "The id is empty.")
                continue
            if not self.src.legacy and not _UUID.match(rid):
                self.p.add(
                    data,
                    row_no,
                    "id",
                    f"”{rid}” är inget UUID (HSDS 3 kräver UUID).",
                    f"'{rid}' is not a UUID (HSDS 3 requires UUIDs).",
                )
                continue
            if rid in out:
                self.p.add(
                    data,
                    row_no,
                    "id",
                    f"Id ”{rid}” förekommer redan på rad/index {out[rid][0]}.",
                    f"The id '{rid}' already occurs at row/index {out[rid][0]}.",
                )
                continue
            out[rid] = (row_no, row)
        return out

    def fk(
        self,
        data: TableData,
        row_no: int,
        col: str,
        value: str,
        known: dict[str, Any],
        what_sv: str,
        what_en: str,
    ) -> bool:
        if value in known:
            return True
        if not value:
            self.p.add(data, row_no, col, f"{what_sv} saknas.", f"The {what_en} is empty.")
        else:
            self.p.add(
                data,
                row_no,
                col,
                f"{what_sv} ”{value}” finns inte.",
                f"The {what_en} '{value}' does not exist.",
            )
        return False

    # -- taxonomy and attributes

    def known_codes(self) -> None:
        base = base_taxonomy()
        for plural, kind in (("groups", "group"), ("needs", "need"), ("handover", "handover")):
            for term in base[plural]:
                self.kinds[term["code"]] = kind
        tax = self.old.doc("taxonomy.json")
        for plural, kind in (("groups", "group"), ("needs", "need")):
            for term in tax.get(plural, []):
                self.kinds[term["code"]] = kind

    def attributes(self, services: dict[str, Any], entities: dict[str, Any]) -> None:
        terms_t = self.t["taxonomy_term"]
        terms = self.ids(terms_t, True)
        code_col = next(c for c in ("code", "term", "name") if c in terms_t.columns)
        term_codes = {tid: row.get(code_col, "") for tid, (_, row) in terms.items()}
        term_tax = {tid: row.get("taxonomy", "") for tid, (_, row) in terms.items()}
        attrs = self.t["attribute"]
        self.ids(attrs, False)
        foreign: dict[str, int] = defaultdict(int)
        for row_no, row in attrs.rows:
            link = row.get("link_id") or row.get("service_id", "")
            entity = row.get("link_entity", "").lower() or (
                "service" if "service_id" in row else ""
            )
            tid = row.get("taxonomy_term_id", "")
            if not self.fk(attrs, row_no, "taxonomy_term_id", tid, term_codes, "Termen", "term"):
                continue
            code = term_codes[tid]
            if code == EXTENSION_CODE:
                self._extension(attrs, row_no, row, link)
                continue
            if code not in self.kinds:
                foreign[term_tax.get(tid) or code] += 1
                continue
            if entity in ("", "service") and link in services:
                if code not in self.codes[link]:
                    self.codes[link].append(code)
            elif entity == "service" or (not entity and link not in entities):
                self.fk(attrs, row_no, "link_id", link, services, "Tjänsten", "service")
        if foreign:
            total = sum(foreign.values())
            names = ", ".join(sorted(foreign)[:5])
            self.w.add(
                f"{total} attribut pekar på termer utanför Kompassens taxonomi ({names}) och "
                "lämnades utanför.",
                f"{total} attributes point at terms outside Kompassen's taxonomy ({names}) and "
                "were left out.",
            )

    def _extension(self, attrs: TableData, row_no: int, row: dict[str, str], link: str) -> None:
        try:
            value = json.loads(row.get("value", ""))
        except json.JSONDecodeError:
            value = None
        if not isinstance(value, dict):
            self.p.add(
                attrs,
                row_no,
                "value",
                "Kompassen-tillägget ska vara ett JSON-objekt.",
                "The Kompassen extension must be a JSON object.",
            )
            return
        self.ext[link] = (attrs, row_no, value)

    def ext_of(self, hid: str) -> dict[str, Any]:
        entry = self.ext.get(hid)
        return entry[2] if entry else {}

    # -- entities

    def organizations(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        data = self.t["organization"]
        rows = self.ids(data, True)
        existing = self._existing("organization", "organizations")
        items = [
            (oid, self.ext_of(oid).get("key"), row.get("name", ""))
            for oid, (_, row) in rows.items()
        ]
        keys = assign_keys(items, existing)
        out = []
        by_id = {}
        for (oid, (row_no, row)), key in zip(rows.items(), keys, strict=True):
            ext = self.ext_of(oid)
            name = row.get("name", "")
            if not name:
                self.p.add(data, row_no, "name", "Namnet saknas.", "The name is empty.")
            org: dict[str, Any] = {"key": key, "name": name}
            desc = self._text(row.get("description", ""), ext.get("description_en"))
            if desc:
                org["description"] = desc
            url = row.get("website") or row.get("url", "")
            if url:
                org["url"] = url
            if row.get("email"):
                org["email"] = row["email"]
            org["sources"] = self._sources(ext)
            org["verified_at"] = self._verified(ext, "")
            self.prov[f"/organizations/{len(out)}"] = (data, row_no)
            by_id[oid] = key
            out.append(org)
        return by_id, out

    def locations(self) -> tuple[dict[str, str], list[dict[str, Any]]]:
        data = self._get("location")
        rows = self.ids(data, True)
        addresses: dict[str, tuple[int, dict[str, str], bool]] = {}
        addr_t = self._get("address")
        if addr_t is not None:
            self.ids(addr_t, False)
            for row_no, row in addr_t.rows:
                lid = row.get("location_id", "")
                if not self.fk(addr_t, row_no, "location_id", lid, rows, "Platsen", "location"):
                    continue
                physical = row.get("address_type", "") in ("", "physical")
                if lid not in addresses or (physical and not addresses[lid][2]):
                    addresses[lid] = (row_no, row, physical)
        existing = self._existing("location", "locations")
        items = [
            (lid, self.ext_of(lid).get("key"), row.get("name") or row.get("address_1", "plats"))
            for lid, (_, row) in rows.items()
        ]
        keys = assign_keys(items, existing)
        landmarks = {lm["key"] for lm in self.old.doc("landmarks.json")["landmarks"]}
        out = []
        by_id = {}
        for (lid, (row_no, row)), key in zip(rows.items(), keys, strict=True):
            assert data is not None  # rows come from it
            ext = self.ext_of(lid)
            addr_row = addresses.get(lid)
            name = row.get("name") or (addr_row[1].get("address_1", "") if addr_row else "")
            if not name:
                self.p.add(
                    data, row_no, "name", "Platsen saknar namn.", "The location has no name."
                )
            loc: dict[str, Any] = {"key": key, "name": name}
            desc = self._text(row.get("description", ""), ext.get("description_en"))
            if desc:
                loc["description"] = desc
            if addr_row:
                loc["address"] = self._address(addr_row[1], ext)
            lat = self._number(data, row_no, row, "latitude", -90, 90)
            lon = self._number(data, row_no, row, "longitude", -180, 180)
            if bool(row.get("latitude")) != bool(row.get("longitude")):
                self.p.add(
                    data,
                    row_no,
                    "latitude/longitude",
                    "Ange både latitude och longitude, eller ingen av dem.",
                    "Give both latitude and longitude, or neither.",
                )
            if lat is not None and lon is not None:
                loc["lat"], loc["lon"] = lat, lon
            loc["coords_approximate"] = bool(ext.get("coords_approximate", True))
            if isinstance(ext.get("coords_note"), str) and ext["coords_note"]:
                loc["coords_note"] = ext["coords_note"]
            landmark = ext.get("landmark")
            if isinstance(landmark, str) and landmark:
                if landmark in landmarks:
                    loc["landmark"] = landmark
                else:
                    self.w.add(
                        f"Platsen ”{name}” pekade på landmärket ”{landmark}” som inte finns i "
                        "området; länken togs bort.",
                        f"The location '{name}' pointed at the landmark '{landmark}', which the "
                        "area does not have; the link was removed.",
                    )
            self.prov[f"/locations/{len(out)}"] = (data, row_no)
            by_id[lid] = key
            out.append(loc)
        return by_id, out

    def _address(self, row: dict[str, str], ext: dict[str, Any]) -> dict[str, Any]:
        street = row.get("address_1", "")
        if row.get("address_2"):
            street = f"{street}, {row['address_2']}"
        addr: dict[str, Any] = {"street": street}
        for k in ("postal_code", "city"):
            if row.get(k):
                addr[k] = row[k]
        if isinstance(ext.get("address_note"), str) and ext["address_note"]:
            addr["note"] = ext["address_note"]
        return addr

    def _number(
        self, data: TableData, row_no: int, row: dict[str, str], col: str, lo: float, hi: float
    ) -> float | None:
        raw = row.get(col, "")
        if not raw:
            return None
        try:
            value = float(raw)
        except ValueError:
            value = None
        if value is None or not lo <= value <= hi:
            self.p.add(
                data,
                row_no,
                col,
                f"”{raw}” är inget tal mellan {lo:g} och {hi:g}.",
                f"'{raw}' is not a number between {lo:g} and {hi:g}.",
            )
            return None
        return value

    def _age(self, data: TableData, row_no: int, row: dict[str, str], col: str) -> int | None:
        value = self._number(data, row_no, row, col, 0, 120)
        if value is None:
            return None
        if value != int(value):
            self.p.add(
                data, row_no, col, "Åldern ska vara ett heltal.", "The age must be a whole number."
            )
        return int(value)

    def _text(self, sv: str, en: Any) -> dict[str, str] | None:
        if not sv:
            return None
        return {"sv": sv, "en": en} if isinstance(en, str) and en else {"sv": sv}

    def _sources(self, ext: dict[str, Any]) -> list[str]:
        src = ext.get("sources")
        if isinstance(src, list) and src and all(isinstance(s, str) and len(s) >= 3 for s in src):
            return list(src)
        return [f"HSDS-import {self.src.label}"]

    def _verified(self, ext: dict[str, Any], assured: str) -> str:
        value = ext.get("verified_at")
        if isinstance(value, str) and _PARTIAL_DATE.match(value):
            return value
        if assured and _parse_date(assured):
            return assured
        return "unknown"

    def _existing(self, table: str, listname: str) -> dict[str, str]:
        return {
            hsds_id(table, f"{self.aid}/{item['key']}"): item["key"]
            for item in self.old.doc("services.json")[listname]
        }

    # -- services

    def _service(
        self,
        data: TableData,
        row_no: int,
        row: dict[str, str],
        sid: str,
        key: str,
        orgs: dict[str, str],
    ) -> dict[str, Any] | None:
        ext = self.ext_of(sid)
        name = row.get("name", "")
        if not name:
            self.p.add(data, row_no, "name", "Namnet saknas.", "The name is empty.")
        org_id = row.get("organization_id", "")
        ok = self.fk(
            data, row_no, "organization_id", org_id, orgs, "Organisationen", "organization"
        )
        status = ext.get("status")
        if status not in ("active", "closed", "temporarily-closed"):
            raw = row.get("status", "").strip().lower()
            status = STATUS_FROM_HSDS.get(raw or "active")
            if status is None:
                self.p.add(
                    data,
                    row_no,
                    "status",
                    f"Okänd status ”{raw}” (active, inactive, defunct, temporarily closed).",
                    f"Unknown status '{raw}' (active, inactive, defunct, temporarily closed).",
                )
                status = "active"
        desc_sv = row.get("description", "")
        if not desc_sv:
            desc_sv = name or "-"
            self.w.add(
                f"Tjänsten ”{name}” saknar beskrivning; namnet används.",
                f"The service '{name}' has no description; its name is used.",
            )
        codes = self.codes.get(sid, [])
        groups = [c for c in codes if self.kinds[c] == "group"]
        needs = [c for c in codes if self.kinds[c] == "need"]
        modes = [c for c in codes if self.kinds[c] == "handover"]
        if not needs:
            self.p.add(
                data,
                row_no,
                "id",
                f"Tjänsten ”{name}” har inget behov: ge den ett attribut med en need.*-term "
                "ur Kompassens taxonomi.",
                f"The service '{name}' has no need: give it an attribute with a need.* term of "
                "Kompassen's taxonomy.",
            )
        if not modes:
            self.p.add(
                data,
                row_no,
                "id",
                f"Tjänsten ”{name}” saknar överlämningssätt: ge den ett attribut med en "
                "handover.*-term (t.ex. handover.walk-in).",
                f"The service '{name}' has no handover mode: give it an attribute with a "
                "handover.* term (e.g. handover.walk-in).",
            )
        if not ok:
            return None
        svc: dict[str, Any] = {
            "key": key,
            "organization": orgs[org_id],
            "name": name,
            "description": self._text(desc_sv, ext.get("description_en")),
            "status": status,
            "groups": groups,
            "needs": needs,
        }
        if row.get("alternate_name"):
            svc["alternate_name"] = row["alternate_name"]
        if row.get("alert"):
            svc["status_note"] = row["alert"]
        if ext.get("mobile") is True:
            svc["mobile"] = True
        for k in ("area_note", "data_note"):
            if isinstance(ext.get(k), str) and ext[k]:
                svc[k] = ext[k]
        for k in ("url", "email"):
            if row.get(k):
                svc[k] = row[k]
        ho_ext = ext.get("handover") if isinstance(ext.get("handover"), dict) else {}
        handover: dict[str, Any] = {"modes": modes}
        instr = self._text(row.get("application_process", ""), ho_ext.get("instructions_en"))
        if instr:
            handover["instructions"] = instr
        for col, k in (("minimum_age", "age_min"), ("maximum_age", "age_max")):
            age = self._age(data, row_no, row, col)
            if age is not None:
                handover[k] = age
        if ho_ext.get("gender") in ("any", "female", "male"):
            handover["gender"] = ho_ext["gender"]
        for k in ("no_papers_ok", "intoxicated_ok", "referral_required"):
            if isinstance(ho_ext.get(k), bool):
                handover[k] = ho_ext[k]
        svc["handover"] = handover
        svc["sources"] = self._sources(ext)
        svc["verified_at"] = self._verified(ext, row.get("assured_date", ""))
        assured = row.get("assured_date", "")
        if assured and _parse_date(assured) is None:
            self.p.add(
                data,
                row_no,
                "assured_date",
                f"”{assured}” är inget datum (ÅÅÅÅ-MM-DD).",
                f"'{assured}' is not a date (YYYY-MM-DD).",
            )
        return svc

    def _service_at_location(
        self, services: dict[str, Any], locs: dict[str, str]
    ) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        self._sal_service: dict[str, str] = {}
        data = self._get("service_at_location")
        if data is None:
            return out
        self.ids(data, False)
        for row_no, row in data.rows:
            sid, lid = row.get("service_id", ""), row.get("location_id", "")
            ok = self.fk(data, row_no, "service_id", sid, services, "Tjänsten", "service")
            ok &= self.fk(data, row_no, "location_id", lid, locs, "Platsen", "location")
            if ok:
                out[sid].append(lid)
                if row.get("id"):
                    self._sal_service[row["id"]] = sid
        return out

    def _service_of(
        self, data: TableData, row_no: int, row: dict[str, str], services: dict[str, Any]
    ) -> str | None:
        """The service a phone/schedule row belongs to, directly or via service_at_location."""
        sid = row.get("service_id", "")
        if sid:
            return (
                sid
                if self.fk(data, row_no, "service_id", sid, services, "Tjänsten", "service")
                else None
            )
        sal = row.get("service_at_location_id", "")
        if sal:
            if sal in self._sal_service:
                return self._sal_service[sal]
            self.fk(
                data, row_no, "service_at_location_id", sal, {}, "Kopplingen", "service_at_location"
            )
        return None

    def _phones(
        self, services: dict[str, Any]
    ) -> dict[str, list[tuple[str, dict[str, Any], tuple[TableData, int]]]]:
        out: dict[str, list[tuple[str, dict[str, Any], tuple[TableData, int]]]] = defaultdict(list)
        data = self._get("phone")
        if data is None:
            return out
        self.ids(data, False)
        skipped = 0
        for row_no, row in data.rows:
            sid = self._service_of(data, row_no, row, services)
            if sid is None:
                if not row.get("service_id") and not row.get("service_at_location_id"):
                    skipped += 1
                continue
            number = row.get("number", "")
            if not _PHONE.match(number):
                cleaned = re.sub(r"[().]", "", number).replace("/", " ")
                cleaned = re.sub(r"\s+", " ", cleaned).strip()
                if not _PHONE.match(cleaned):
                    self.p.add(
                        data,
                        row_no,
                        "number",
                        f"”{number}” är inget telefonnummer (siffror, +, blanksteg, -).",
                        f"'{number}' is not a phone number (digits, +, spaces, -).",
                    )
                    continue
                number = cleaned
            ph: dict[str, Any] = {
                "number": number,
                "kind": "sms" if row.get("type") == "text" else "other",
            }
            if row.get("description"):
                ph["label"] = {"sv": row["description"]}
            pid = row.get("id", "")
            out[sid].append((pid, ph, (data, row_no)))
        if skipped:
            self.w.add(
                f"{skipped} telefonnummer hör till organisationer eller platser, inte tjänster, "
                "och lämnades utanför.",
                f"{skipped} phone numbers belong to organizations or locations, not services, "
                "and were left out.",
            )
        return out

    def apply_phone_ext(
        self, phones: dict[str, list[tuple[str, dict[str, Any], tuple[TableData, int]]]]
    ) -> None:
        for plist in phones.values():
            for pid, ph, _ in plist:
                ext = self.ext_of(pid) if pid else {}
                if ext.get("kind") in (
                    "switchboard",
                    "helpline",
                    "professional",
                    "emergency",
                    "sms",
                    "other",
                ):
                    ph["kind"] = ext["kind"]
                if ext.get("to_verify") is True:
                    ph["to_verify"] = True
                if isinstance(ext.get("label_en"), str) and ext["label_en"] and "label" in ph:
                    ph["label"]["en"] = ext["label_en"]

    def _schedules(
        self, services: dict[str, Any]
    ) -> dict[str, list[tuple[str, Any, tuple[TableData, int]]]]:
        """Per service: ("weekly", rule) and ("exception", exc) in file order."""
        out: dict[str, list[tuple[str, Any, tuple[TableData, int]]]] = defaultdict(list)
        skipped = 0
        for table in ("schedule", "holiday_schedule"):
            data = self._get(table)
            if data is None:
                continue
            self.ids(data, False)
            for row_no, row in data.rows:
                sid = self._service_of(data, row_no, row, services)
                if sid is None:
                    if not row.get("service_id") and not row.get("service_at_location_id"):
                        skipped += 1
                    continue
                entries = self._schedule_row(data, row_no, row, table == "holiday_schedule")
                if entries is None:
                    skipped += 1
                    continue
                out[sid].extend((kind, item, (data, row_no)) for kind, item in entries)
        if skipped:
            self.w.add(
                f"{skipped} schemarader kunde inte läsas som veckotider eller datumundantag för "
                "en tjänst och lämnades utanför.",
                f"{skipped} schedule rows could not be read as weekly hours or dated exceptions "
                "of a service and were left out.",
            )
        return out

    def _times(
        self, data: TableData, row_no: int, row: dict[str, str]
    ) -> tuple[str | None, str | None, bool]:
        ok = True
        result: list[str | None] = []
        for col in ("opens_at", "closes_at"):
            raw = row.get(col, "")
            if not raw:
                result.append(None)
                continue
            t = _parse_time(raw)
            if t is None:
                ok = False
                self.p.add(
                    data,
                    row_no,
                    col,
                    f"Fel tidsformat ”{raw}” (TT:MM, t.ex. 09:30).",
                    f"Bad time format '{raw}' (HH:MM, e.g. 09:30).",
                )
            result.append(t)
        return result[0], result[1], ok

    def _schedule_row(
        self, data: TableData, row_no: int, row: dict[str, str], holiday: bool
    ) -> list[tuple[str, Any]] | None:
        opens, closes, ok = self._times(data, row_no, row)
        if not ok:
            return []
        byday = row.get("byday", "")
        weekday = row.get("weekday", "")
        freq = row.get("freq", "").upper()
        if not holiday and (byday or weekday or freq == "DAILY"):
            if freq not in ("", "WEEKLY", "DAILY"):
                return None
            days = self._days(data, row_no, "byday" if byday else "weekday", byday or weekday)
            if freq == "DAILY" and not (byday or weekday):
                days = list(_DAY_CODES)
            if days is None:
                return []
            if opens is None or closes is None:
                return None
            return [
                (
                    "weekly",
                    {"days": [_PACK_DAYS[d] for d in days], "opens": opens, "closes": closes},
                )
            ]
        start_col = "start_date" if holiday else "valid_from"
        end_col = "end_date" if holiday else "valid_to"
        start_raw = row.get(start_col, "")
        if not start_raw:
            return None
        start = _parse_date(start_raw)
        end_raw = row.get(end_col, "") or start_raw
        end = _parse_date(end_raw)
        for col, raw, val in ((start_col, start_raw, start), (end_col, end_raw, end)):
            if val is None:
                self.p.add(
                    data,
                    row_no,
                    col,
                    f"”{raw}” är inget datum (ÅÅÅÅ-MM-DD).",
                    f"'{raw}' is not a date (YYYY-MM-DD).",
                )
                return []
        assert start is not None and end is not None
        span = (end - start).days
        if span < 0 or span >= MAX_EXCEPTION_DAYS:
            self.p.add(
                data,
                row_no,
                end_col,
                f"Perioden måste vara 1–{MAX_EXCEPTION_DAYS} dagar.",
                f"The period must be 1–{MAX_EXCEPTION_DAYS} days.",
            )
            return []
        closed = row.get("closed", "").lower() in _TRUE or (opens is None and closes is None)
        if not closed and (opens is None or closes is None):
            self.p.add(
                data,
                row_no,
                "opens_at/closes_at",
                "Ett öppet undantag behöver både opens_at och closes_at.",
                "An open exception needs both opens_at and closes_at.",
            )
            return []
        out = []
        for i in range(span + 1):
            exc: dict[str, Any] = {"date": (start + timedelta(days=i)).isoformat()}
            if closed:
                exc["closed"] = True
            else:
                exc["opens"], exc["closes"] = opens, closes
            if row.get("notes"):
                exc["note"] = row["notes"]
            out.append(("exception", exc))
        return out

    def _days(self, data: TableData, row_no: int, col: str, raw: str) -> list[str] | None:
        days = []
        for part in re.split(r"[,\s]+", raw.strip()):
            if not part:
                continue
            code = _DAY_NAMES.get(part.lower())
            if code is None:
                self.p.add(
                    data,
                    row_no,
                    col,
                    f"Okänd veckodag ”{part}” (MO–SU, Monday, 1 = måndag … 7 = söndag).",
                    f"Unknown weekday '{part}' (MO–SU, Monday, 1 = Monday … 7 = Sunday).",
                )
                return None
            if code not in days:
                days.append(code)
        return sorted(days, key=_DAY_CODES.index) if days else None

    def _hours(
        self, sid: str, rows: list[tuple[str, Any, tuple[TableData, int]]], index: int
    ) -> dict[str, Any] | None:
        ext = self.ext_of(sid)
        has_ext = "hours_known" in ext
        h_ext = ext.get("hours") if isinstance(ext.get("hours"), dict) else {}
        known = bool(ext.get("hours_known")) or bool(rows) if has_ext else bool(rows)
        if not known:
            return None
        weekly = [(item, src) for kind, item, src in rows if kind == "weekly"]
        exceptions = [(item, src) for kind, item, src in rows if kind == "exception"]
        all_day = [
            i
            for i, (r, _) in enumerate(weekly)
            if len(r["days"]) == 7
            and r["opens"] == "00:00"
            and r["closes"] in ("24:00", "00:00", "23:59")
        ]
        always = False
        if has_ext:
            if h_ext.get("always_open") is True and all_day:
                always = True
                del weekly[all_day[0]]
        elif all_day and len(weekly) == 1:
            always = True
            weekly = []
        hours: dict[str, Any] = {}
        if always:
            hours["always_open"] = True
        if weekly:
            hours["weekly"] = [r for r, _ in weekly]
            for j, (_, src) in enumerate(weekly):
                self.prov[f"/services/{index}/hours/weekly/{j}"] = src
        if h_ext.get("holidays") in ("closed", "as-sunday", "normal"):
            hours["holidays"] = h_ext["holidays"]
        if h_ext.get("holiday_eves") in ("closed", "as-saturday", "normal"):
            hours["holiday_eves"] = h_ext["holiday_eves"]
        if exceptions:
            hours["exceptions"] = [e for e, _ in exceptions]
            for j, (_, src) in enumerate(exceptions):
                self.prov[f"/services/{index}/hours/exceptions/{j}"] = src
        if isinstance(h_ext.get("note"), str) and h_ext["note"]:
            hours["note"] = h_ext["note"]
        return hours

    def _languages(self, services: dict[str, Any]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        data = self._get("language")
        if data is None:
            return out
        self.ids(data, False)
        skipped = 0
        for row_no, row in data.rows:
            sid = row.get("service_id", "")
            if not sid:
                skipped += 1
                continue
            if not self.fk(data, row_no, "service_id", sid, services, "Tjänsten", "service"):
                continue
            code = (row.get("code") or row.get("language", "")).strip().lower()
            if not _LANG.match(code):
                skipped += 1
                continue
            out[sid].append(code)
        if skipped:
            self.w.add(
                f"{skipped} språkrader saknade tjänst eller en ISO-språkkod och lämnades utanför.",
                f"{skipped} language rows had no service or no ISO language code and were left out.",
            )
        return out

    # -- guides and notices

    def kept_documents(self, service_keys: set[str]) -> dict[str, Any]:
        docs = {k: v for k, v in self.old.documents.items() if k != "services.json"}
        guides = docs.get("guides.json", {"format_version": FORMAT_VERSION, "guides": []})
        for guide in guides["guides"]:
            for n, step in enumerate(guide["steps"], start=1):
                refs = step.get("services", [])
                kept = [k for k in refs if k in service_keys]
                for gone in (k for k in refs if k not in service_keys):
                    self.w.add(
                        f"Guiden ”{guide['key']}” steg {n} pekade på tjänsten ”{gone}” som inte "
                        "längre finns; hänvisningen togs bort.",
                        f"Guide '{guide['key']}' step {n} pointed at the service '{gone}', which "
                        "no longer exists; the reference was removed.",
                    )
                if kept:
                    step["services"] = kept
                else:
                    step.pop("services", None)
        notices = docs.get("notices.json", {"format_version": FORMAT_VERSION, "notices": []})
        kept_notices = []
        for notice in notices["notices"]:
            if "service" in notice and notice["service"] not in service_keys:
                self.w.add(
                    f"Meddelandet ”{notice['key']}” gällde tjänsten ”{notice['service']}” som inte "
                    "längre finns; meddelandet togs bort.",
                    f"The notice '{notice['key']}' was about the service '{notice['service']}', "
                    "which no longer exists; the notice was removed.",
                )
                continue
            kept_notices.append(notice)
        notices["notices"] = kept_notices
        return docs

    # -- run

    def run(self) -> PackData:
        self.check_structure()
        self.known_codes()
        # Attributes first: they carry the codes and the extension data of every record.
        service_rows = self.ids(self.t["service"], True)
        entities: dict[str, Any] = dict.fromkeys(service_rows, True)
        for table in ("organization", "location", "phone"):
            entities.update(dict.fromkeys(self.ids(self._get(table), table != "phone"), True))
        self.attributes(service_rows, entities)
        orgs, org_docs = self.organizations()
        locs, loc_docs = self.locations()
        self.p.raise_if_any()
        by_id, svc_docs = self._services_full(orgs, locs, service_rows)
        self.p.raise_if_any()
        docs = self.kept_documents(set(by_id.values()))
        docs["services.json"] = {
            "format_version": FORMAT_VERSION,
            "organizations": org_docs,
            "locations": loc_docs,
            "services": svc_docs,
        }
        ordered = {k: docs[k] for k in self.old.documents if k in docs}
        return PackData(ordered, origin="hsds-import")

    def _services_full(
        self,
        orgs: dict[str, str],
        locs: dict[str, str],
        rows: dict[str, tuple[int, dict[str, str]]],
    ) -> tuple[dict[str, str], list[dict[str, Any]]]:
        data = self.t["service"]
        sal_map = self._service_at_location(rows, locs)
        phones = self._phones(rows)
        hours_rows = self._schedules(rows)
        languages = self._languages(rows)
        self.apply_phone_ext(phones)
        existing = self._existing("service", "services")
        items = [
            (sid, self.ext_of(sid).get("key"), row.get("name", ""))
            for sid, (_, row) in rows.items()
        ]
        keys = assign_keys(items, existing)
        out: list[dict[str, Any]] = []
        by_id: dict[str, str] = {}
        for (sid, (row_no, row)), key in zip(rows.items(), keys, strict=True):
            index = len(out)
            svc = self._service(data, row_no, row, sid, key, orgs)
            if svc is None:
                continue
            svc_locs = [locs[lid] for lid in sal_map.get(sid, [])]
            if svc_locs:
                svc["locations"] = list(dict.fromkeys(svc_locs))
            plist = phones.get(sid, [])
            if plist:
                svc["phones"] = [ph for _, ph, _ in plist]
                for j, (_, _, src) in enumerate(plist):
                    self.prov[f"/services/{index}/phones/{j}"] = src
            svc["hours"] = self._hours(sid, hours_rows.get(sid, []), index)
            if languages.get(sid):
                svc["handover"]["languages"] = languages[sid]
            self.prov[f"/services/{index}"] = (data, row_no)
            by_id[sid] = key
            out.append(svc)
        return by_id, out

    def translate(self, err: PackError) -> HsdsError:
        """Point pack validation problems back at the HSDS file, row and field."""
        problems = []
        for p in err.problems:
            if p.file != "services.json":
                problems.append(HsdsProblem(p.file, None, p.pointer or None, p.sv, p.en))
                continue
            prefix = p.pointer
            while prefix and prefix not in self.prov:
                prefix = prefix.rsplit("/", 1)[0]
            if not prefix:
                problems.append(HsdsProblem("services", None, p.pointer, p.sv, p.en))
                continue
            data, row = self.prov[prefix]
            rest = p.pointer[len(prefix) :].strip("/") or None
            fld = _PACK_TO_HSDS.get(re.sub(r"/\d+$", "", rest or ""), rest)
            problems.append(HsdsProblem(data.file, row, fld, p.sv, p.en, data.json_index))
        return HsdsError(problems)


_PACK_TO_HSDS = {
    "handover/age_min": "minimum_age",
    "handover/age_max": "maximum_age",
    "handover/languages": "languages",
    "handover/instructions": "application_process",
    "description": "description",
    "opens": "opens_at",
    "closes": "closes_at",
    "lat": "latitude",
    "lon": "longitude",
    "address/street": "address_1",
}


def import_hsds(store: CatalogueStore, path: Path, area_id: str) -> ImportResult:
    """Import HSDS data at ``path`` into the installed area ``area_id`` (all or nothing)."""
    old = dump_area(store.conn, area_id)  # AreaNotInstalled (sv + en) when missing
    src = read_source(Path(path), mapping.MAX_FILE_BYTES)  # read at call time: tests lower it
    importer = _Importer(src, old, area_id)
    pack = importer.run()
    try:
        store.install(pack, origin="hsds-import")
    except PackError as err:
        raise importer.translate(err) from None
    doc = pack.doc("services.json")
    return ImportResult(
        area_id,
        services=len(doc["services"]),
        organizations=len(doc["organizations"]),
        locations=len(doc["locations"]),
        warnings=importer.w.en,
        warnings_sv=importer.w.sv,
    )
