"""Reading HSDS input into tables: a datapackage.json (CSV or JSON resources), a folder
holding one, or a folder of CSV files.

Why apart from the mapping: what can stop the reading (a missing, huge, non-UTF-8 or broken
file, a resource path outside the package) is said at once, naming the file; everything
after works on plain ``TableData`` rows of strings.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path, PurePosixPath
from typing import Any

from kompassen.catalogue.hsds.mapping import TABLES, HsdsError, HsdsProblem
from kompassen.catalogue.hsds.problems import Problems, fail
from kompassen.catalogue.hsds.report import DROPPED
from kompassen.catalogue.hsds.tables import (
    ALIASES,
    EXTRA_COLUMNS,
    LEGACY_STEMS,
    REQUIRED_COLUMNS,
    REQUIRED_TABLES,
    UNREAD_TABLES,
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


# how other tools write "no value" (spelled out: a set test per row, not a lower() per cell)
_NULLS = frozenset(
    {"NULL", "null", "Null", "None", "none", "N/A", "n/a", "#N/A", "NaN", "nan", "nil"}
)


def _known_columns(table: str) -> set[str]:
    known = set(TABLES[table].fields) if table in TABLES else set()
    known.update(EXTRA_COLUMNS.get(table, ()))
    return known


def _header(table: str, raw: list[str], display: str, problems: Problems) -> list[str]:
    """Column names; tolerant: ``Name`` / ``Opens At`` read as the known ``name`` /
    ``opens_at`` (a column Kompassen does not know keeps its name, to be listed as ignored)."""
    header = [h.strip() for h in raw]
    known = _known_columns(table)
    for i, h in enumerate(header):
        norm = re.sub(r"[\s\-]+", "_", h.lower())
        if (
            norm != h
            and norm in known
            and problems.repair(
                display,
                1,
                h,
                f"Kolumnnamnet ”{h}” läses som ”{norm}”.",
                f"The column name '{h}' is read as '{norm}'.",
            )
        ):
            header[i] = norm
    return header


def _read_csv(
    name: str, path: Path, display: str, max_bytes: int, problems: Problems | None = None
) -> TableData:
    problems = problems if problems is not None else Problems()
    text = _read_text(path, display, max_bytes)
    # the file is already capped; csv's own 128 kB field limit would refuse a long text the
    # area's own export wrote (the limit is per process: raised, never lowered)
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    lines = io.StringIO(text, newline="").readlines()
    # csv's strict mode finds a quote that swallows the lines after it (csv would otherwise
    # glue rows together in silence); a one-line record with balanced quotes is read as
    # before (``"ab"c`` is ``abc``)
    reader = csv.reader(iter(lines), strict=True)
    try:
        header = _header(name, next(reader), display, problems)
    except csv.Error as exc:
        raise fail(display, f"Trasig CSV: {exc}.", f"Broken CSV: {exc}.", 1) from None
    if not any(header):
        raise fail(display, "Rubrikraden saknas.", "The header row is missing.", 1)
    width = len(header)
    data = TableData(name, display, [], set(header))
    offset = 0  # lines before the current reader's first line
    while True:
        start = offset + reader.line_num + 1
        try:
            for values in reader:
                _row(data, header, width, values, start, problems)
                start = offset + reader.line_num + 1
            break
        except csv.Error as exc:
            end = offset + reader.line_num
            line = lines[start - 1] if start - 1 < len(lines) else ""
            if end == start and line.count('"') % 2 == 0:
                _row(data, header, width, next(csv.reader([line])), start, problems)
            elif problems.strict:
                raise fail(display, f"Trasig CSV: {exc}.", f"Broken CSV: {exc}.", start) from None
            else:  # leave out the line the broken record began on, read on after it
                problems.add(
                    data,
                    start,
                    None,
                    f"Trasig CSV ({exc}); raden lämnades utanför.",
                    f"Broken CSV ({exc}); the row was left out.",
                )
            offset = start
            reader = csv.reader(iter(lines[start:]), strict=True)
    return data


def _row(
    data: TableData,
    header: list[str],
    width: int,
    values: list[str],
    line: int,
    problems: Problems,
) -> None:
    vals = [v.strip() for v in values]
    if not any(vals):
        return
    if len(vals) > width and any(vals[width:]):
        sv = f"Raden har {len(vals)} värden men rubriken bara {width} kolumner."
        en = f"The row has {len(vals)} values but the header only {width} columns."
        if problems.strict:
            raise fail(data.file, sv, en, line)
        problems.add(
            data, line, None, sv + " Raden lämnades utanför.", en + " The row was left out."
        )
        return
    row = dict(zip(header, vals, strict=False))
    if not _NULLS.isdisjoint(vals):  # one set operation per row: the common case is none
        for k, v in row.items():
            if v in _NULLS and problems.repair(
                data,
                line,
                k,
                f"”{v}” är inget värde; läses som tomt.",
                f"'{v}' is no value; read as empty.",
            ):
                row[k] = ""
    data.rows.append((line, row))


def _load_json(path: Path, display: str, max_bytes: int) -> Any:
    text = _read_text(path, display, max_bytes)
    try:
        return parse_json(text, display)
    except TextFileError as exc:
        raise _read_failure(exc) from None


def _json_rows(name: str, data: Any, display: str, problems: Problems | None = None) -> TableData:
    problems = problems if problems is not None else Problems()
    if not isinstance(data, list):
        raise fail(
            display,
            f"Fel JSON-typ: en lista med poster väntades, fick {type(data).__name__}.",
            f"Wrong JSON type: a list of records was expected, got {type(data).__name__}.",
        )
    table = TableData(name, display, [], set(), json_index=True)
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            problems.add(
                table,
                i,
                None,
                "Fel JSON-typ: posten ska vara ett objekt.",
                "Wrong JSON type: the record must be an object.",
            )
            continue
        row: dict[str, str] = {}
        for k, v in item.items():
            if isinstance(v, (dict, list)):
                problems.add(
                    table,
                    i,
                    k,
                    "Fel JSON-typ: ett enkelt värde (text, tal, true/false) väntades.",
                    "Wrong JSON type: a plain value (string, number, boolean) was expected.",
                    DROPPED,
                )
                continue
            if v is None:
                row[k] = ""
            elif isinstance(v, bool):
                row[k] = "true" if v else "false"
            else:
                row[k] = str(v).strip()
        table.columns.update(item)
        table.rows.append((i, row))
    problems.raise_if_any()
    return table


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


def read_source(path: Path, max_bytes: int, problems: Problems | None = None) -> Source:
    """Read a datapackage.json, a folder with one, or a folder of CSV files.

    A folder whose files are in ``data/`` (with or without a datapackage.json there) is read
    from there; the report says so.
    """
    problems = problems if problems is not None else Problems()
    if path.is_dir():
        for cand in (path / "datapackage.json", path / "data" / "datapackage.json"):
            if cand.is_file():
                path = cand
                break
    if path.is_file():
        if path.suffix.lower() != ".json":
            raise fail(
                path.name,
                "Ange en datapackage.json eller en mapp med CSV-filer.",
                "Give a datapackage.json or a folder of CSV files.",
            )
        return _read_datapackage(path, max_bytes, problems)
    if not path.is_dir():
        raise fail(str(path), "Hittar varken fil eller mapp.", "No such file or folder.")
    folder = path
    if not any(table_for(p.stem) for p in path.glob("*.csv")) and (path / "data").is_dir():
        folder = path / "data"
    tables: dict[str, TableData] = {}
    legacy = False
    csvs = sorted(folder.glob("*.csv"))
    stems = {p.stem.lower() for p in csvs}
    has_terms = any(table_for(s) == "taxonomy_term" for s in stems)
    for csv_path in csvs:
        stem = csv_path.stem.lower()
        table = table_for(stem)
        if table is None and not has_terms and stem in ("taxonomy", "taxonomies"):
            table = "taxonomy_term"  # HSDS 1.x: taxonomy.csv holds the terms
            legacy = True
        if table is None:
            _ignored_table(problems, csv_path.name, stem)
            continue
        if table in tables:
            raise fail(
                csv_path.name,
                f"Tabellen {table} finns redan i {tables[table].file}; ta bort en av filerna.",
                f"The table {table} is already given by {tables[table].file}; remove one file.",
            )
        tables[table] = _read_csv(table, csv_path, csv_path.name, max_bytes, problems)
        legacy |= stem in LEGACY_STEMS
    return Source(tables, legacy, path.name)


def _ignored_table(problems: Problems, file: str, name: str) -> None:
    if name.lower() in UNREAD_TABLES:
        problems.ignore(
            file,
            None,
            "HSDS-tabellen används inte av Kompassen och lästes inte.",
            "Kompassen does not use this HSDS table; it was not read.",
        )
    else:
        problems.ignore(
            file, None, "Okänd tabell; den lästes inte.", "Unknown table; it was not read."
        )


def _find_moved(folder: Path, rel: str) -> Path | None:
    """The file a resource path means when the export moved it: into ``data/`` next to the
    datapackage.json, out of it, or up next to the datapackage.json."""
    pure = PurePosixPath(rel)
    tries = [folder / "data" / pure, folder / "data" / pure.name, folder / pure.name]
    if pure.parts and pure.parts[0] == "data":
        tries.insert(0, folder / PurePosixPath(*pure.parts[1:]))
    if folder.name == "data":
        tries += [folder.parent / pure, folder.parent / pure.name]
    return next((p for p in tries if p.is_file()), None)


def _read_datapackage(path: Path, max_bytes: int, problems: Problems | None = None) -> Source:
    problems = problems if problems is not None else Problems()
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
            _ignored_table(problems, rel or f"{display} ({name})", str(name or stem))
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
            tables[table] = _json_rows(table, res["data"], f"{display} ({name})", problems)
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
            moved = None if problems.strict else _find_moved(path.parent, rel)
            if moved is None:
                raise fail(
                    rel,
                    f"Filen saknas (den nämns i {display}).",
                    f"The file is missing (it is listed in {display}).",
                )
            shown = os.path.relpath(moved, path.parent)
            problems.repair(
                display,
                None,
                f"resources/{i}/path",
                f"”{rel}” finns inte; filen {shown} lästes i stället.",
                f"'{rel}' does not exist; the file {shown} was read instead.",
            )
            member = moved
            rel = shown.replace(os.sep, "/")
        fmt = str(res.get("format", "")).lower()
        if fmt == "json" or rel.lower().endswith(".json"):
            data = _json_rows(table, _load_json(member, rel, max_bytes), rel, problems)
            schema = res.get("schema")
            fields = schema.get("fields") if isinstance(schema, dict) else None
            if isinstance(fields, list):  # a JSON record may leave out empty fields
                data.columns.update(
                    f["name"] for f in fields if isinstance(f, dict) and "name" in f
                )
            tables[table] = data
        else:
            tables[table] = _read_csv(table, member, rel, max_bytes, problems)
    return Source(tables, legacy, display)


def check_structure(src: Source, problems: Problems) -> None:
    """Every required table is there and every table has its required columns; columns
    Kompassen does not read are listed in the report.

    A required table that is missing or lacks a column stops the import in both modes (no
    row of it could be read); tolerant, an optional table that lacks a column is left out.
    """
    fatal = Problems()
    for table in REQUIRED_TABLES:
        if table not in src.tables:
            names = " / ".join(f"{n}.csv" for n in ALIASES[table][:2])
            fatal.add(
                names,
                None,
                None,
                "Filen saknas (den krävs för import).",
                "The file is missing (it is required for import).",
            )
    for table, data in list(src.tables.items()):
        if data.json_index and not data.rows:
            continue  # an empty JSON list has no columns to miss
        for col in REQUIRED_COLUMNS.get(table, ()):
            options = col if isinstance(col, tuple) else (col,)
            if not any(c in data.columns for c in options):
                label = " / ".join(options)
                row = 1 if not data.json_index else None
                if problems.strict or table in REQUIRED_TABLES:
                    fatal.add(data, row, label, "Kolumnen saknas.", "The column is missing.")
                else:
                    problems.add(
                        data,
                        row,
                        label,
                        "Kolumnen saknas; tabellen lämnades utanför.",
                        "The column is missing; the table was left out.",
                    )
                    del src.tables[table]
                    break
        else:
            for col in sorted(data.columns - _known_columns(table)):
                problems.ignore(
                    data,
                    col,
                    "Kolumnen läses inte av Kompassen (okänd eller inte använd).",
                    "Kompassen does not read this column (unknown or not used).",
                )
    fatal.raise_if_any()
