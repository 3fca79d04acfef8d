"""Ids and keys of an HSDS import: id checks, foreign keys, and the Kompassen key of a record.

Why keys are chosen carefully: field workers' notes, guides and notices refer to records by
key, so a re-import keeps the key of every record it recognises (same uuid5 id), then takes
the key from the extension data, and only then makes a new slug of the name.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from kompassen.catalogue.hsds.mapping import hsds_id
from kompassen.catalogue.hsds.problems import Problems
from kompassen.catalogue.hsds.tables import TableData
from kompassen.catalogue.pack.packdata import PackData

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")

Rows = dict[str, tuple[int, dict[str, str]]]  # id -> (row number, row)


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


def existing_keys(old: PackData, area_id: str, table: str, listname: str) -> dict[str, str]:
    """HSDS id (as our export makes it) -> key, for the records the area has now."""
    return {
        hsds_id(table, f"{area_id}/{item['key']}"): item["key"]
        for item in old.doc("services.json")[listname]
    }


class RowChecks:
    """Id and foreign-key checks of the input rows; problems go to the run's list."""

    def __init__(self, problems: Problems, legacy: bool) -> None:
        self.problems = problems
        self.legacy = legacy  # HSDS 2.x/1.x input: ids need not be UUIDs
        self._cache: dict[str, Rows] = {}
        self._loose_ids: set[str] = set()

    def ids(self, data: TableData | None, required: bool) -> Rows:
        """Rows by id; empty, malformed and duplicate ids are problems (checked once)."""
        out: Rows = {}
        if data is None:
            return out
        if data.name in self._cache:
            return self._cache[data.name]
        self._cache[data.name] = out
        if "id" not in data.columns:
            return out
        for row_no, row in data.rows:
            rid = row.get("id", "")
            if not rid:
                if required or not self.legacy:
                    self.problems.add(data, row_no, "id", "Id saknas.", "The id is empty.")
                continue
            if not self.legacy and not _UUID.match(rid):
                if self.problems.strict:
                    self.problems.add(
                        data,
                        row_no,
                        "id",
                        f"”{rid}” är inget UUID (HSDS 3 kräver UUID).",
                        f"'{rid}' is not a UUID (HSDS 3 requires UUIDs).",
                    )
                    continue
                if data.name not in self._loose_ids:  # one line per table, not per row
                    self._loose_ids.add(data.name)
                    self.problems.repair(
                        data,
                        row_no,
                        "id",
                        f"”{rid}” är inget UUID (HSDS 3 kräver UUID); tabellens id läses som "
                        "de är.",
                        f"'{rid}' is not a UUID (HSDS 3 requires UUIDs); the table's ids are "
                        "read as they are.",
                    )
            if rid in out:
                self.problems.add(
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
        """Whether ``value`` names a known record; if not, a problem saying which."""
        if value in known:
            return True
        if not value:
            self.problems.add(data, row_no, col, f"{what_sv} saknas.", f"The {what_en} is empty.")
        else:
            self.problems.add(
                data,
                row_no,
                col,
                f"{what_sv} ”{value}” finns inte.",
                f"The {what_en} '{value}' does not exist.",
            )
        return False
