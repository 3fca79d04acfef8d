"""The editor's vocabulary: record kinds, JSON pointers, reversible edits, field problems.

Pure data (no storage): the session applies edits to the pack documents, the GUI wraps each
one in a QUndoCommand (redo = :meth:`EditSession.apply`, undo = :meth:`EditSession.revert`),
and the draft file stores them as JSON (:meth:`Edit.as_json` / :meth:`Edit.from_json`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

__all__ = [
    "ABSENT",
    "KINDS",
    "Absent",
    "Edit",
    "FieldProblem",
    "KindSpec",
    "RecordRef",
    "join_pointer",
    "split_pointer",
]


class Absent:
    """The value of a key or list item that does not exist (before an add, after a remove).

    Distinct from ``None``, which is a JSON value (``null``) a record may hold.
    """

    _instance: Absent | None = None

    def __new__(cls) -> Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self) -> str:
        return "ABSENT"


ABSENT: Final = Absent()


OFFICE_NOTES_FILE: Final = "office:contact_notes"


@dataclass(frozen=True, slots=True)
class KindSpec:
    """Where the records of one kind live in the pack, and what identifies and names them.

    ``list_key`` None: the document itself is the one record (area.json).
    """

    kind: str
    file: str
    list_key: str | None
    id_field: str = "key"
    singular_sv: str = ""
    singular_en: str = ""
    office: bool = False  # kept by the office (catalogue.db), not in the pack


# Every editable record kind, in the order the editor lists them.
KINDS: Final[tuple[KindSpec, ...]] = (
    KindSpec("services", "services.json", "services", "key", "tjänst", "service"),
    KindSpec(
        "organizations", "services.json", "organizations", "key", "organisation", "organisation"
    ),
    KindSpec("locations", "services.json", "locations", "key", "plats", "location"),
    KindSpec("landmarks", "landmarks.json", "landmarks", "key", "landmärke", "landmark"),
    KindSpec("guides", "guides.json", "guides", "key", "lösning", "guide"),
    KindSpec("notices", "notices.json", "notices", "key", "meddelande", "notice"),
    KindSpec("groups", "taxonomy.json", "groups", "code", "målgrupp", "group"),
    KindSpec("needs", "taxonomy.json", "needs", "code", "behov", "need"),
    KindSpec("area", "area.json", None, "id", "område", "area"),
    # the coordinator's note per organisation for the next check: {"key": org, "note": …}
    KindSpec(
        "contact_notes",
        OFFICE_NOTES_FILE,
        "notes",
        "key",
        "kontaktanteckning",
        "contact note",
        office=True,
    ),
)
KIND_BY_NAME: Final[dict[str, KindSpec]] = {k.kind: k for k in KINDS}


def split_pointer(pointer: str) -> list[str]:
    """RFC 6901 pointer → its unescaped parts ("" is the whole record)."""
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"a JSON pointer starts with '/': {pointer!r}")
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")]


def join_pointer(*parts: str | int) -> str:
    """Parts → an RFC 6901 pointer: ``join_pointer("phones", 0, "number")`` is
    ``"/phones/0/number"``."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


@dataclass(frozen=True, slots=True)
class RecordRef:
    """One record as a list shows it: kind, id, and its display name in both languages."""

    kind: str
    record_id: str
    name_sv: str
    name_en: str
    index: int  # position in its list (0 for the area)

    def name(self, lang: str = "sv") -> str:
        return (self.name_en or self.name_sv) if lang == "en" else self.name_sv


@dataclass(frozen=True, slots=True)
class Edit:
    """One small reversible change of one record.

    ``path`` is a JSON pointer inside the record ("/phones/0/number"; "" = the whole record).
    ``old``/``new`` are JSON values or :data:`ABSENT`:

    - a field set, changed or removed: ``path`` names it, ``old``/``new`` its values
      (``new=ABSENT`` removes the key; ``old=ABSENT`` adds it);
    - a list item inserted or removed: ``path`` ends in its index, ``old=ABSENT`` inserts
      ``new`` there, ``new=ABSENT`` removes the item that is ``old``;
    - a record added or removed: ``path=""``, ``index`` its position in the kind's list,
      ``old=ABSENT`` adds ``new``, ``new=ABSENT`` removes it.

    ``checked_by`` marks a verification (:meth:`EditSession.mark_checked`): saved as a history
    row of action "verify" by that person. An edit of "/key" (or "/code") renames the record:
    after it the record is found under ``new``.
    """

    kind: str
    record_id: str
    path: str
    old: Any
    new: Any
    index: int | None = None
    checked_by: str | None = None

    @property
    def is_record(self) -> bool:
        """A whole record added or removed (path "")."""
        return self.path == ""

    @property
    def action(self) -> str:
        """ "create", "delete" or "update" (what HSDS metadata calls last_action_type)."""
        if self.old is ABSENT:
            return "create"
        if self.new is ABSENT:
            return "delete"
        return "update"

    def inverse(self) -> Edit:
        """The edit that undoes this one (a rename's record id is the new name)."""
        record_id = self.record_id
        spec = KIND_BY_NAME.get(self.kind)
        if spec is not None and self.path == "/" + spec.id_field and isinstance(self.new, str):
            record_id = self.new
        return Edit(
            self.kind, record_id, self.path, self.new, self.old, self.index, self.checked_by
        )

    def as_json(self) -> dict[str, Any]:
        """The draft file's form; ABSENT is a missing "old"/"new" key."""
        out: dict[str, Any] = {"kind": self.kind, "record": self.record_id, "path": self.path}
        if self.old is not ABSENT:
            out["old"] = self.old
        if self.new is not ABSENT:
            out["new"] = self.new
        if self.index is not None:
            out["index"] = self.index
        if self.checked_by is not None:
            out["checked_by"] = self.checked_by
        return out

    @classmethod
    def from_json(cls, d: Any) -> Edit:
        """The inverse of :meth:`as_json`; raises ValueError on anything else."""
        if not isinstance(d, dict):
            raise ValueError("an edit is a JSON object")
        kind, record, path = d.get("kind"), d.get("record"), d.get("path")
        if not (isinstance(kind, str) and kind in KIND_BY_NAME):
            raise ValueError(f"unknown kind {kind!r}")
        if not isinstance(record, str) or not isinstance(path, str):
            raise ValueError("an edit needs a record id and a path")
        split_pointer(path)  # raises on a malformed pointer
        index = d.get("index")
        if index is not None and (not isinstance(index, int) or isinstance(index, bool)):
            raise ValueError("index must be an integer")
        checked_by = d.get("checked_by")
        if checked_by is not None and not isinstance(checked_by, str):
            raise ValueError("checked_by must be a string")
        return cls(
            kind, record, path, d.get("old", ABSENT), d.get("new", ABSENT), index, checked_by
        )


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """A validation message placed on a record's field, in Swedish and English.

    ``kind``/``record_id`` are "" for a problem of a whole file; ``path`` is the JSON
    pointer inside the record ("" = the record itself), as in :class:`Edit`.
    """

    kind: str
    record_id: str
    path: str
    sv: str
    en: str
    file: str = ""  # the pack file the validator found it in

    def message(self, lang: str = "sv") -> str:
        return self.en if lang == "en" else self.sv
