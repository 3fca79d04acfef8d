"""Reading HSDS input into tables: a datapackage.json (CSV or JSON resources), a folder
holding one, or a folder of CSV files.

Why apart from the mapping: what can stop the reading (a missing, huge, non-UTF-8 or broken
file, a resource path outside the package) is said at once, naming the file; everything
after works on plain ``TableData`` rows of strings.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path, PurePosixPath
from typing import Any

from kompassen.catalogue.hsds.mapping import HsdsError, HsdsProblem
from kompassen.catalogue.hsds.problems import Problems, fail
from kompassen.catalogue.hsds.tables import (
    ALIASES,
    LEGACY_STEMS,
    REQUIRED_COLUMNS,
    REQUIRED_TABLES,
    Source,
    TableData,
    table_for,
)
from kompassen.device.files import TextFileError, parse_json, read_text_limited


def _read_failure(exc: TextFileError) -> HsdsError:
    """The shared reader's problem as an HSDS problem (JSON line as the row)."""
    sv, en = exc.problem_sv, exc.problem_en
    if exc.column is not None:
        sv, en = f"{sv} Kolumn {exc.column}.", f"{en} Column {exc.column}."
    return fail(exc.file, sv, en, exc.line)


def _read_text(path: Path, display: str, max_bytes: int) -> str:
    """The file as text: refuse huge files unread, non-UTF-8 and empty files."""
    try:
        text = read_text_limited(path, max_bytes, display=display, strip_bom=True)
    except TextFileError as exc:
        raise _read_failure(exc) from None
    if not text.strip():
        raise fail(display, "Filen är tom.", "The file is empty.")
    return text


def _read_csv(name: str, path: Path, display: str, max_bytes: int) -> TableData:
    text = _read_text(path, display, max_bytes)
    # the file is already capped; csv's own 128 kB field limit would refuse a long text the
    # area's own export wrote (the limit is per process: raised, never lowered)
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise fail(display, f"Trasig CSV: {exc}.", f"Broken CSV: {exc}.", 1) from None
    if not any(header):
        raise fail(display, "Rubrikraden saknas.", "The header row is missing.", 1)
    rows: list[tuple[int, dict[str, str]]] = []
    start = reader.line_num + 1
    width = len(header)
    try:
        for values in reader:
            vals = [v.strip() for v in values]
            if any(vals):
                if len(vals) > width and any(vals[width:]):
                    raise fail(
                        display,
                        f"Raden har {len(vals)} värden men rubriken bara {width} kolumner.",
                        f"The row has {len(vals)} values but the header only {width} columns.",
                        start,
                    )
                rows.append((start, dict(zip(header, vals, strict=False))))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise fail(display, f"Trasig CSV: {exc}.", f"Broken CSV: {exc}.", start) from None
    return TableData(name, display, rows, set(header))


def _load_json(path: Path, display: str, max_bytes: int) -> Any:
    text = _read_text(path, display, max_bytes)
    try:
        return parse_json(text, display)
    except TextFileError as exc:
        raise _read_failure(exc) from None


def _json_rows(name: str, data: Any, display: str) -> TableData:
    if not isinstance(data, list):
        raise fail(
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


def _safe_member(folder: Path, rel: str, display: str) -> Path:
    pure = PurePosixPath(rel)
    if pure.is_absolute() or ".." in pure.parts or not rel:
        raise fail(
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
            raise fail(
                path.name,
                "Ange en datapackage.json eller en mapp med CSV-filer.",
                "Give a datapackage.json or a folder of CSV files.",
            )
        return _read_datapackage(path, max_bytes)
    if not path.is_dir():
        raise fail(str(path), "Hittar varken fil eller mapp.", "No such file or folder.")
    tables: dict[str, TableData] = {}
    legacy = False
    for csv_path in sorted(path.glob("*.csv")):
        table = table_for(csv_path.stem)
        if table is None:
            continue
        if table in tables:
            raise fail(
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
        raise fail(
            display,
            "Fel JSON-typ: ett objekt (en datapackage.json) väntades.",
            "Wrong JSON type: an object (a datapackage.json) was expected.",
        )
    resources = desc.get("resources")
    if not isinstance(resources, list):
        raise fail(
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
        table = table_for(str(name)) if isinstance(name, str) else None
        table = table or table_for(stem)
        if table is None:
            continue
        legacy |= stem.lower() in LEGACY_STEMS or str(name).lower() in LEGACY_STEMS
        if table in tables:
            raise fail(
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
            raise fail(
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


def check_structure(src: Source, problems: Problems) -> None:
    """Every required table is there and every table has its required columns."""
    for table in REQUIRED_TABLES:
        if table not in src.tables:
            names = " / ".join(f"{n}.csv" for n in ALIASES[table][:2])
            problems.add(
                names,
                None,
                None,
                "Filen saknas (den krävs för import).",
                "The file is missing (it is required for import).",
            )
    for table, data in src.tables.items():
        if data.json_index and not data.rows:
            continue  # an empty JSON list has no columns to miss
        for col in REQUIRED_COLUMNS.get(table, ()):
            options = col if isinstance(col, tuple) else (col,)
            if not any(c in data.columns for c in options):
                label = " / ".join(options)
                problems.add(
                    data,
                    1 if not data.json_index else None,
                    label,
                    "Kolumnen saknas.",
                    "The column is missing.",
                )
    problems.raise_if_any()
