"""What a release changes: records added, removed, and changed field by field.

:func:`diff_docs` compares two sets of pack documents by meaning (``canonical``: a ``false``
or ``""`` that means the same as an absent field is no change), record by record (matched
by key), so the publish preview can say "Tjänst X: telefon 08-1 → 08-2". The baseline is the
last published release, kept by :func:`remember_published` in the office data folder when
publishing, else the catalogue as installed when the session opened.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from kompassen.catalogue.pack.packdata import canonical
from kompassen.device.files import TextFileError, load_json_limited, write_atomic
from kompassen.office.editing.docs import record_list, record_name
from kompassen.office.editing.model import ABSENT, KINDS, KindSpec, join_pointer

RecordAction = Literal["added", "removed", "changed"]
MAX_PUBLISHED_BYTES = 2 * 1024 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a record: where (JSON pointer inside the record), before and after
    (ABSENT: the field did not exist)."""

    path: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class RecordChange:
    """One record that a release adds, removes or changes, with its display name."""

    kind: str
    record_id: str
    name_sv: str
    name_en: str
    action: RecordAction
    fields: tuple[FieldChange, ...] = ()

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv


@dataclass(frozen=True, slots=True)
class ReleaseDiff:
    """Every record change between two sets of documents, in the editor's kind order."""

    records: tuple[RecordChange, ...]

    def __bool__(self) -> bool:
        return bool(self.records)

    def of(self, action: RecordAction, kind: str | None = None) -> list[RecordChange]:
        return [r for r in self.records if r.action == action and kind in (None, r.kind)]

    def added(self, kind: str | None = None) -> list[RecordChange]:
        return self.of("added", kind)

    def removed(self, kind: str | None = None) -> list[RecordChange]:
        return self.of("removed", kind)

    def changed(self, kind: str | None = None) -> list[RecordChange]:
        return self.of("changed", kind)

    def counts(self) -> dict[str, dict[str, int]]:
        """{kind: {"added": n, "removed": n, "changed": n}} for the kinds with changes."""
        out: dict[str, dict[str, int]] = {}
        for r in self.records:
            out.setdefault(r.kind, {"added": 0, "removed": 0, "changed": 0})[r.action] += 1
        return out


def field_changes(old: Any, new: Any, base: tuple[str | int, ...] = ()) -> list[FieldChange]:
    """Changes between two values: objects key by key, lists of objects of the same length
    item by item, anything else (text, numbers, lists of codes) as one value."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[FieldChange] = []
        for key in list(old) + [k for k in new if k not in old]:
            a, b = old.get(key, ABSENT), new.get(key, ABSENT)
            if a is ABSENT or b is ABSENT:
                if a != b:
                    out.append(FieldChange(join_pointer(*base, key), a, b))
            else:
                out.extend(field_changes(a, b, (*base, key)))
        return out
    if (
        isinstance(old, list)
        and isinstance(new, list)
        and len(old) == len(new)
        and all(isinstance(x, dict) for x in old + new)
    ):
        out = []
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            out.extend(field_changes(a, b, (*base, i)))
        return out
    return [FieldChange(join_pointer(*base), old, new)]


def _records(docs: dict[str, Any], spec: KindSpec) -> dict[str, dict[str, Any]]:
    if spec.list_key is None:
        doc = docs.get(spec.file)
        return {str(doc.get(spec.id_field, "")): doc} if isinstance(doc, dict) else {}
    return {
        r[spec.id_field]: r
        for r in record_list(docs, spec)
        if isinstance(r, dict) and isinstance(r.get(spec.id_field), str)
    }


def diff_docs(old: dict[str, Any], new: dict[str, Any]) -> ReleaseDiff:
    """The records ``new`` adds, removes and changes compared with ``old`` (pack documents,
    and the office's contact notes when both hold them)."""
    out: list[RecordChange] = []
    for spec in KINDS:
        before, after = _records(old, spec), _records(new, spec)
        for rid, rec in after.items():
            if rid not in before:
                sv, en = record_name(spec, rec)
                out.append(RecordChange(spec.kind, rid, sv, en, "added", ()))
        for rid, rec in before.items():
            if rid not in after:
                sv, en = record_name(spec, rec)
                out.append(RecordChange(spec.kind, rid, sv, en, "removed", ()))
                continue
            if rec == after[rid]:
                continue  # the common case, compared in C: 10k services in a few ms
            fields = field_changes(canonical(rec), canonical(after[rid]))
            if fields:
                sv, en = record_name(spec, after[rid])
                out.append(RecordChange(spec.kind, rid, sv, en, "changed", tuple(fields)))
    return ReleaseDiff(tuple(out))


# --------------------------------------------------------------------------- baseline


@dataclass(frozen=True, slots=True)
class Published:
    """The documents of the last release published from this office for one area."""

    area_id: str
    version: int
    docs: dict[str, Any]


def published_path(data_dir: Path, area_id: str) -> Path:
    return data_dir / "office" / "published" / f"{area_id}.json"


def remember_published(data_dir: Path, area_id: str, version: int, docs: dict[str, Any]) -> Path:
    """Keep the documents of a release just published (the next preview's baseline).

    For the publish code to call after the server accepted the release; written atomically
    into ``<data dir>/office/published/<area>.json``.
    """
    path = published_path(data_dir, area_id)
    body = {"format": 1, "area_id": area_id, "version": version, "documents": docs}
    write_atomic(path, json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode())
    return path


def published(data_dir: Path, area_id: str) -> Published | None:
    """The last published release of the area as kept here, or None (none kept, or the copy
    is unreadable: the baseline then falls back to the catalogue as installed)."""
    path = published_path(data_dir, area_id)
    if not path.exists():
        return None
    try:
        body = load_json_limited(path, MAX_PUBLISHED_BYTES)
    except (TextFileError, OSError):
        return None
    if (
        not isinstance(body, dict)
        or body.get("area_id") != area_id
        or not isinstance(body.get("version"), int)
        or not isinstance(body.get("documents"), dict)
    ):
        return None
    return Published(area_id, body["version"], body["documents"])
