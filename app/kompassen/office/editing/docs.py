"""Applying edits to pack documents: find a record, read and write inside it by pointer.

Kept apart from the session so the diff, the drafts and the tests share one implementation.
Values are deep-copied on the way in and out: an :class:`Edit` never aliases the documents.
"""

from __future__ import annotations

import copy
from typing import Any

from kompassen.office.editing.model import ABSENT, KIND_BY_NAME, Edit, KindSpec, split_pointer


class EditConflict(ValueError):
    """An edit that does not fit the documents (its record or its old value is not there).

    Raised before anything is changed; the draft restore turns it into words.
    """


def spec_of(kind: str) -> KindSpec:
    try:
        return KIND_BY_NAME[kind]
    except KeyError:
        raise EditConflict(f"unknown kind {kind!r}") from None


def record_list(docs: dict[str, Any], spec: KindSpec, *, create: bool = False) -> list[Any]:
    """The kind's list in the documents; absent from an optional file it reads as empty and
    is made only when ``create`` (an add), so reading never changes the documents."""
    if spec.list_key is None:
        raise EditConflict(f"{spec.kind} is a single record")
    doc = docs.get(spec.file)
    lst = doc.get(spec.list_key) if isinstance(doc, dict) else None
    if isinstance(lst, list):
        return lst
    if not create:
        return []
    if not isinstance(doc, dict):
        doc = docs[spec.file] = {"format_version": 1}
    lst = doc[spec.list_key] = []
    return lst


def find(
    docs: dict[str, Any], kind: str, record_id: str, hint: int | None = None
) -> tuple[int, dict[str, Any]]:
    """(position, record) of ``record_id``; EditConflict when it is not there.

    ``hint``: where the caller's index says the record is (checked, then a scan if wrong),
    so a session over 10k services finds a record without walking the list.
    """
    spec = spec_of(kind)
    if spec.list_key is None:
        doc = docs.get(spec.file)
        if not isinstance(doc, dict) or doc.get(spec.id_field) != record_id:
            raise EditConflict(f"no {kind} {record_id!r}")
        return 0, doc
    lst = record_list(docs, spec)
    if hint is not None and 0 <= hint < len(lst):
        rec = lst[hint]
        if isinstance(rec, dict) and rec.get(spec.id_field) == record_id:
            return hint, rec
    for i, rec in enumerate(lst):
        if isinstance(rec, dict) and rec.get(spec.id_field) == record_id:
            return i, rec
    raise EditConflict(f"no {kind} {record_id!r}")


def get(value: Any, pointer: str) -> Any:
    """The value at ``pointer`` inside ``value``, or ABSENT."""
    for part in split_pointer(pointer):
        if isinstance(value, dict):
            if part not in value:
                return ABSENT
            value = value[part]
        elif isinstance(value, list):
            if not part.isdigit() or int(part) >= len(value):
                return ABSENT
            value = value[int(part)]
        else:
            return ABSENT
    return value


def _container(record: dict[str, Any], parts: list[str]) -> Any:
    """The dict or list that holds the last part (never created: an edit inside a missing
    object sets the whole object instead, so its undo restores the record exactly)."""
    node: Any = record
    for part in parts[:-1]:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise EditConflict(f"no {part!r}")
    return node


def put(record: dict[str, Any], pointer: str, old: Any, new: Any) -> None:
    """Replace ``old`` by ``new`` at ``pointer`` (ABSENT: add or remove); the value there
    must be ``old`` (EditConflict, nothing changed, otherwise)."""
    parts = split_pointer(pointer)
    if not parts:
        raise EditConflict("a record is replaced by a record edit")
    node = _container(record, parts)
    last = parts[-1]
    if isinstance(node, dict):
        if node.get(last, ABSENT) != old:
            raise EditConflict(f"{pointer}: the value is not the one the edit expects")
        if new is ABSENT:
            node.pop(last, None)
        else:
            node[last] = copy.deepcopy(new)
        return
    if not isinstance(node, list) or not last.isdigit():
        raise EditConflict(f"{pointer}: not a field")
    i = int(last)
    if old is ABSENT:  # an insert before item i (i == len: at the end)
        if i > len(node) or new is ABSENT:
            raise EditConflict(f"{pointer}: beyond the end of the list")
        node.insert(i, copy.deepcopy(new))
        return
    if i >= len(node) or node[i] != old:
        raise EditConflict(f"{pointer}: the value is not the one the edit expects")
    if new is ABSENT:
        del node[i]
    else:
        node[i] = copy.deepcopy(new)


def apply_edit(docs: dict[str, Any], edit: Edit, hint: int | None = None) -> None:
    """Apply one edit to the documents in place; EditConflict (nothing changed) if it does
    not fit. ``hint``: the record's position, if known (see :func:`find`)."""
    spec = spec_of(edit.kind)
    if edit.is_record:
        if spec.list_key is None:
            raise EditConflict("the area cannot be added or removed")
        lst = record_list(docs, spec, create=edit.old is ABSENT)
        if edit.old is ABSENT:
            if not isinstance(edit.new, dict) or edit.new.get(spec.id_field) != edit.record_id:
                raise EditConflict("a new record must carry its id")
            if any(isinstance(r, dict) and r.get(spec.id_field) == edit.record_id for r in lst):
                raise EditConflict(f"{edit.kind} {edit.record_id!r} exists already")
            at = len(lst) if edit.index is None else min(max(edit.index, 0), len(lst))
            lst.insert(at, copy.deepcopy(edit.new))
            return
        i, rec = find(docs, edit.kind, edit.record_id, hint)
        if rec != edit.old:
            raise EditConflict(f"{edit.kind} {edit.record_id!r} is not the one the edit expects")
        if edit.new is ABSENT:
            del lst[i]
            if not lst and not spec.office and spec.list_key not in _required_lists(spec.file):
                # an optional list made by the add goes with its last record (exact undo)
                docs[spec.file].pop(spec.list_key, None)
        else:
            lst[i] = copy.deepcopy(edit.new)
        return
    _, rec = find(docs, edit.kind, edit.record_id, hint)
    put(rec, edit.path, edit.old, edit.new)


def _required_lists(file: str) -> list[str]:
    from kompassen.catalogue.pack.schema import pack_schema

    return list(pack_schema()["files"][file].get("required", []))


def record_name(spec: KindSpec, rec: dict[str, Any]) -> tuple[str, str]:
    """A record's display name (sv, en): its name, title or text, else its id."""
    for field in ("name", "title", "text", "sv"):
        value = rec.get(field)
        if isinstance(value, str) and value:
            en = rec.get("en") if field == "sv" else None
            return value, en if isinstance(en, str) and en else value
        if isinstance(value, dict) and isinstance(value.get("sv"), str):
            sv = value["sv"]
            en = value.get("en")
            return sv, en if isinstance(en, str) and en else sv
    rid = str(rec.get(spec.id_field, ""))
    return rid, rid
