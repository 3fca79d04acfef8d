"""The pack validator's problems placed on records and fields, for forms that check as you type.

:func:`field_problems` runs :func:`~kompassen.catalogue.pack.validate.validate` over the
edited documents and maps every :class:`PackProblem` (file + JSON pointer into the file) to
the record it is in and the pointer inside that record. The session caches the result per
change, so every form on screen asks for its own problems without validating again.
"""

from __future__ import annotations

from typing import Any

from kompassen.catalogue.pack.packdata import PackData
from kompassen.office.editing.model import KINDS, FieldProblem, join_pointer, split_pointer

# (file, list key) -> kind, and file -> the single-record kind of a whole document
_LISTS = {(k.file, k.list_key): k for k in KINDS if k.list_key is not None}
_SINGLE = {k.file: k for k in KINDS if k.list_key is None}


def place(docs: dict[str, Any], file: str, pointer: str) -> tuple[str, str, str]:
    """(kind, record id, pointer inside the record) of a pointer into a pack file;
    ("", "", pointer) when it is not inside a record (a whole file, a top-level key)."""
    try:
        parts = split_pointer(pointer)
    except ValueError:
        return "", "", pointer
    single = _SINGLE.get(file)
    if single is not None:
        doc = docs.get(file)
        rid = doc.get(single.id_field) if isinstance(doc, dict) else None
        return single.kind, rid if isinstance(rid, str) else "", pointer
    if len(parts) >= 2 and parts[1].isdigit():
        spec = _LISTS.get((file, parts[0]))
        if spec is not None:
            lst = (docs.get(file) or {}).get(spec.list_key)
            i = int(parts[1])
            if isinstance(lst, list) and i < len(lst) and isinstance(lst[i], dict):
                rid = lst[i].get(spec.id_field)
                if isinstance(rid, str):
                    return spec.kind, rid, join_pointer(*parts[2:])
    return "", "", pointer


def field_problems(docs: dict[str, Any]) -> list[FieldProblem]:
    """Every problem of the documents as the validator words it, placed on its record."""
    from kompassen.catalogue.pack.validate import validate

    out = []
    for p in validate(PackData(docs, origin="office")):
        kind, rid, path = place(docs, p.file, p.pointer)
        out.append(FieldProblem(kind, rid, path, p.sv, p.en, p.file))
    return out


# Up to this many services every change validates the whole area (Klara: ~5 ms); above it
# only the services an edit touched and those that depend on a touched record (see
# :func:`reduced_documents`). Saving always validates everything.
FULL_VALIDATION_MAX = 1500


def reduced_documents(
    docs: dict[str, Any], touched: frozenset[tuple[str, str]]
) -> tuple[dict[str, Any], set[str]]:
    """The documents with only the services a change can have made invalid, and their keys.

    Kept: the touched services (every service with a touched key: a duplicate is seen), every service a guide or notice links (their links are
    checked against the kept ones), and every service that refers to a touched
    organisation, location or taxonomy code (one of those removed or renamed makes it
    invalid). Every other file is whole: they are small. Untouched services passed the
    validator when the area was installed and cannot have changed.
    """
    svc_doc = docs.get("services.json") or {}
    services = svc_doc.get("services") or []
    keep = {rid for kind, rid in touched if kind == "services"}
    orgs = {rid for kind, rid in touched if kind == "organizations"}
    locs = {rid for kind, rid in touched if kind == "locations"}
    codes = {rid for kind, rid in touched if kind in ("groups", "needs")}
    for name, list_key in (("guides.json", "guides"), ("notices.json", "notices")):
        for item in (docs.get(name) or {}).get(list_key) or []:
            if not isinstance(item, dict):
                continue
            if isinstance(item.get("service"), str):
                keep.add(item["service"])
            for step in item.get("steps") or []:
                if isinstance(step, dict):
                    keep.update(x for x in step.get("services") or [] if isinstance(x, str))
    if orgs or locs or codes:
        for svc in services:
            if not isinstance(svc, dict):
                continue
            if (
                svc.get("organization") in orgs
                or locs.intersection(svc.get("locations") or ())
                or codes.intersection(svc.get("groups") or ())
                or codes.intersection(svc.get("needs") or ())
            ):
                keep.add(str(svc.get("key")))
    kept = [s for s in services if isinstance(s, dict) and s.get("key") in keep]
    reduced = dict(docs)
    reduced["services.json"] = {**svc_doc, "services": kept}
    return reduced, keep


def hours_problems(kind: str, record_id: str, path: str, hours: Any) -> list[FieldProblem]:
    """What :meth:`OpeningHours.from_dict` refuses in an hours object the schema let
    through (the app reads hours with it; both must accept what the editor writes)."""
    from kompassen.core.hours import OpeningHours

    if hours is None:
        return []
    try:
        OpeningHours.from_dict(hours)
    except ValueError as exc:
        return [
            FieldProblem(
                kind,
                record_id,
                path,
                f"Öppettiderna går inte att läsa: {exc}.",
                f"The opening hours cannot be read: {exc}.",
            )
        ]
    return []
