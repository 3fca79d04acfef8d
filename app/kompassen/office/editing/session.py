"""One coordinator's editing of one installed area: reversible edits, checks, draft, save.

The session holds the area's pack documents as the loader installs them
(:meth:`CatalogueStore.release_docs`) and changes them only through :class:`Edit` objects,
each of which :meth:`EditSession.revert` undoes exactly; the GUI wraps them in
QUndoCommands (redo → :meth:`apply`, undo → :meth:`revert`). After every change the applied
edits are written to the office draft (:mod:`.drafts`), and :meth:`EditSession.open` replays
them. :meth:`save` validates the whole area, installs it through the normal install path
and writes one history row per changed field, in one transaction.

No Qt and no network: the office window and the command line both use it.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from kompassen.catalogue.pack.packdata import PACK_FILES, PackData, canonical
from kompassen.catalogue.store import history as history_store
from kompassen.catalogue.store.db import reading, transaction
from kompassen.catalogue.store.history import Action, Change, ContactNote, HistoryRow, value_json
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.errors import KompassenError
from kompassen.device.files import TextFileError, load_json_limited, write_atomic
from kompassen.office.editing import diff as diff_mod
from kompassen.office.editing.docs import (
    EditConflict,
    apply_edit,
    find,
    get,
    record_list,
    record_name,
    spec_of,
)
from kompassen.office.editing.drafts import DraftNotice, DraftStore
from kompassen.office.editing.model import (
    ABSENT,
    KIND_BY_NAME,
    KINDS,
    OFFICE_NOTES_FILE,
    Edit,
    FieldProblem,
    RecordRef,
    join_pointer,
    split_pointer,
)
from kompassen.office.editing.validation import (
    FULL_VALIDATION_MAX,
    field_problems,
    hours_problems,
    reduced_documents,
)

log = logging.getLogger(__name__)

# the pack kinds whose records carry verified_at (HSDS 3 assured_date): what can be checked
CHECKABLE = ("services", "organizations", "guides")
OFFICE_ORIGIN = "office"


class _HasStore(Protocol):
    """What :meth:`EditSession.open` needs of the app's context (the AppContext has it)."""

    @property
    def catalogue(self) -> CatalogueStore: ...


class SaveRefused(KompassenError):
    """The area has problems: nothing was saved. ``problems`` says which, per field."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        first = problems[0] if problems else None
        more_sv = f" (och {len(problems) - 1} till)" if len(problems) > 1 else ""
        more_en = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(
            sv=f"Ändringarna sparades inte: {first.sv if first else ''}{more_sv}",
            en=f"The edits were not saved: {first.en if first else ''}{more_en}",
        )


class DraftNotSaved(KompassenError):
    """The draft file could not be written (a full disk): the edits live only in memory."""


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What a save did: the area's new catalogue version and the history rows written."""

    catalogue_version: int
    history_rows: int
    records_changed: int


class EditSession:
    """The edited documents of one area, the edits applied to them, and their draft."""

    def __init__(
        self,
        store: CatalogueStore,
        area_id: str,
        docs: dict[str, Any],
        *,
        data_dir: Path,
        notes: dict[str, ContactNote] | None = None,
    ) -> None:
        """Use :meth:`open`; ``docs`` are the area's documents in release form (the session
        owns them from now on)."""
        self.store = store
        self.area_id = area_id
        self.data_dir = data_dir
        self.drafts = DraftStore(data_dir)
        self._notes = dict(notes or {})
        # as installed (never changed in place: replaced on save); undo all → this
        self._base = self._with_notes(docs)
        self._opened = self._base  # the diff's fallback baseline
        self._docs = copy.deepcopy(self._base)
        self._base_hash = _hash(self._base)
        self.edits: list[Edit] = []
        self.notice: DraftNotice | None = None
        # saved edits the catalogue had lost (rebuilt from the shipped packs), installed again
        self.recovered: DraftNotice | None = None
        self.draft_error: DraftNotSaved | None = None
        self._revision = 0
        self._problems: tuple[int, list[FieldProblem]] | None = None
        self._positions: dict[str, dict[str, int]] = {}  # kind -> id -> position (hints)
        self.listeners: list[Callable[[Edit, bool], None]] = []

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        source: CatalogueStore | _HasStore,
        area_id: str,
        *,
        data_dir: Path | None = None,
        restore: bool = True,
    ) -> EditSession:
        """Open the installed area ``area_id`` for editing, replaying its draft if any.

        ``source``: the CatalogueStore, or the AppContext (its ``catalogue``). ``data_dir``:
        where the office keeps drafts and published copies (default: catalogue.db's folder,
        which is the device data folder). What happened to a draft is in :attr:`notice`.
        Raises AreaNotInstalled for an area the catalogue does not hold.
        """
        store = source if isinstance(source, CatalogueStore) else source.catalogue
        data_dir = data_dir or store.path.parent
        recovered = _recover_saved(store, area_id, data_dir)
        docs = store.release_docs(area_id)
        notes = history_store.contact_notes(store.conn, area_id)
        session = cls(store, area_id, docs, data_dir=data_dir, notes=notes)
        session.recovered = recovered
        if restore:
            session.restore()
        return session

    def _with_notes(self, docs: dict[str, Any]) -> dict[str, Any]:
        docs[OFFICE_NOTES_FILE] = {
            "notes": [{"key": k, "note": n.note} for k, n in sorted(self._notes.items())]
        }
        return docs

    def restore(self) -> DraftNotice | None:
        """Replay the area's draft on the installed documents (at open; again after a
        :meth:`discard` changes nothing). A draft that does not fit is set aside."""
        now = self.store.clock.now()
        draft, notice = self.drafts.read(self.area_id, self._base_hash, now)
        if draft is not None:
            docs = copy.deepcopy(self._base)
            try:
                for e in draft.edits:
                    apply_edit(docs, e)
            except EditConflict as exc:
                log.warning("office draft of %s does not fit: %s", self.area_id, exc)
                notice = self.drafts.set_aside(
                    self.area_id,
                    now,
                    "Utkastets ändringar passar inte längre på katalogen",
                    "The draft's edits no longer fit the catalogue",
                )
            else:
                self._docs = docs
                self.edits = list(draft.edits)
                self._changed()
                n = len(draft.edits)
                notice = DraftNotice(
                    f"{n} osparade ändringar från {draft.saved_at} återställdes.",
                    f"{n} unsaved edit(s) from {draft.saved_at} were restored.",
                    restored=n,
                )
        self.notice = notice
        return notice

    # ------------------------------------------------------------------ reading

    @property
    def dirty(self) -> bool:
        """True while applied edits are not saved."""
        return bool(self.edits)

    @property
    def revision(self) -> int:
        """Grows with every apply and revert (for caches in the GUI)."""
        return self._revision

    def documents(self) -> dict[str, Any]:
        """The edited pack documents (live; do not change them: make an Edit)."""
        return {k: v for k, v in self._docs.items() if k in PACK_FILES}

    @staticmethod
    def documents_of(docs: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in docs.items() if k in PACK_FILES}

    def installed_documents(self) -> dict[str, Any]:
        """The documents as installed, without the unsaved edits (a copy)."""
        return {k: copy.deepcopy(v) for k, v in self._base.items() if k in PACK_FILES}

    @staticmethod
    def kinds() -> list[str]:
        """The record kinds, in the editor's order (the office's contact notes last)."""
        return [k.kind for k in KINDS]

    def records(self, kind: str) -> list[RecordRef]:
        """The records of one kind with their ids and display names, in pack order."""
        spec = spec_of(kind)
        if spec.list_key is None:
            doc = self._docs.get(spec.file) or {}
            sv, en = record_name(spec, doc)
            return [RecordRef(kind, str(doc.get(spec.id_field, "")), sv, en, 0)]
        out = []
        for i, rec in enumerate(record_list(self._docs, spec)):
            if isinstance(rec, dict):
                sv, en = record_name(spec, rec)
                out.append(RecordRef(kind, str(rec.get(spec.id_field, "")), sv, en, i))
        return out

    def record(self, kind: str, record_id: str) -> dict[str, Any]:
        """One record (live; do not change it: make an Edit). KeyError when absent."""
        try:
            return find(self._docs, kind, record_id, self._hint(kind, record_id))[1]
        except EditConflict as exc:
            raise KeyError(f"{kind}/{record_id}") from exc

    def has(self, kind: str, record_id: str) -> bool:
        try:
            find(self._docs, kind, record_id, self._hint(kind, record_id))
        except EditConflict:
            return False
        return True

    def _hint(self, kind: str, record_id: str) -> int | None:
        """Where the record was when the kind's index was last built (find() checks it)."""
        spec = KIND_BY_NAME.get(kind)
        if spec is None or spec.list_key is None:
            return None
        index = self._positions.get(kind)
        if index is None:
            index = {}
            for i, rec in enumerate(record_list(self._docs, spec)):
                if isinstance(rec, dict):
                    index.setdefault(str(rec.get(spec.id_field)), i)
            self._positions[kind] = index
        return index.get(record_id)

    def value(self, kind: str, record_id: str, path: str) -> Any:
        """The value at ``path`` inside a record (a copy), or ABSENT."""
        return copy.deepcopy(get(self.record(kind, record_id), path))

    # ------------------------------------------------------------------ making edits

    def edit(self, kind: str, record_id: str, path: str, new: Any) -> Edit:
        """The edit that sets ``path`` to ``new`` (ABSENT: removes it), not yet applied.

        Inside an object that does not exist yet ("/steps/8/when/from" of a step without a
        time window) the edit sets the first missing object instead (``/steps/8/when`` to
        ``{"from": …}``), so its undo removes that object again and the record is exact.
        """
        value = _plain(new)
        parts = split_pointer(path)
        rec = self.record(kind, record_id)
        for depth in range(1, len(parts)):
            parent = join_pointer(*parts[:depth])
            if get(rec, parent) is ABSENT:
                if value is ABSENT:  # removing inside a missing object: nothing to remove
                    return Edit(kind, record_id, path, ABSENT, ABSENT)
                for part in reversed(parts[depth:]):
                    # a pack's objects have no numeric keys: "0" starts a list
                    value = [value] if part == "0" else {part: value}
                return Edit(kind, record_id, parent, ABSENT, value)
        return Edit(kind, record_id, path, self.value(kind, record_id, path), value)

    def set(self, kind: str, record_id: str, path: str, new: Any) -> Edit | None:
        """Make and apply that edit; None (nothing applied) when the value is the same."""
        e = self.edit(kind, record_id, path, new)
        if e.old == e.new and (e.old is ABSENT) == (e.new is ABSENT):
            return None
        self.apply(e)
        return e

    def add_record_edit(self, kind: str, record: dict[str, Any], index: int | None = None) -> Edit:
        """The edit that adds ``record`` (at ``index``, default last), not yet applied."""
        spec = spec_of(kind)
        rid = record.get(spec.id_field)
        if not isinstance(rid, str):
            raise ValueError(f"a new {kind} record needs its {spec.id_field}")
        at = len(record_list(self._docs, spec)) if index is None else index
        return Edit(kind, rid, "", ABSENT, copy.deepcopy(record), at)

    def remove_record_edit(self, kind: str, record_id: str) -> Edit:
        """The edit that removes a record (undo puts it back where it was), not yet applied."""
        i, rec = find(self._docs, kind, record_id, self._hint(kind, record_id))
        return Edit(kind, record_id, "", copy.deepcopy(rec), ABSENT, i)

    def list_insert_edit(
        self, kind: str, record_id: str, list_path: str, item: Any, index: int | None = None
    ) -> Edit:
        """The edit that inserts ``item`` into the list at ``list_path`` (default: at the end)."""
        lst = self.value(kind, record_id, list_path)
        if not isinstance(lst, list):
            raise ValueError(f"{list_path} is not a list")
        at = len(lst) if index is None else index
        return Edit(kind, record_id, f"{list_path}/{at}", ABSENT, copy.deepcopy(item))

    def list_remove_edit(self, kind: str, record_id: str, list_path: str, index: int) -> Edit:
        """The edit that removes item ``index`` of the list at ``list_path``."""
        path = f"{list_path}/{index}"
        return Edit(kind, record_id, path, self.value(kind, record_id, path), ABSENT)

    # ------------------------------------------------------------------ applying

    def apply(self, edit: Edit) -> None:
        """Apply an edit (EditConflict, nothing changed, if it does not fit), keep the draft."""
        apply_edit(self._docs, edit, self._hint(edit.kind, edit.record_id))
        self.edits.append(edit)
        self._changed(edit, True)

    def revert(self, edit: Edit) -> None:
        """Undo an applied edit (the last one, as an undo stack does; any applied one is
        accepted when it still fits) and keep the draft."""
        inverse = edit.inverse()
        apply_edit(self._docs, inverse, self._hint(inverse.kind, inverse.record_id))
        for i in range(len(self.edits) - 1, -1, -1):
            if self.edits[i] == edit:
                del self.edits[i]
                break
        self._changed(edit, False)

    def discard(self) -> None:
        """Throw every unsaved edit away (and the draft): back to the catalogue as installed."""
        self._docs = copy.deepcopy(self._base)
        self.edits = []
        self._changed()

    def _changed(self, edit: Edit | None = None, applied: bool = True) -> None:
        if edit is None:
            self._positions.clear()
        elif edit.is_record or edit.path == "/" + KIND_BY_NAME[edit.kind].id_field:
            self._positions.pop(edit.kind, None)  # positions moved or an id changed
        self._revision += 1
        self._write_draft()
        if edit is not None:
            for listener in list(self.listeners):
                listener(edit, applied)

    def _write_draft(self) -> None:
        try:
            self.drafts.write(self.area_id, self._base_hash, self.edits, self.store.clock.now())
            self.draft_error = None
        except OSError as exc:
            log.warning("office draft of %s not written: %s", self.area_id, exc)
            self.draft_error = DraftNotSaved(
                sv=f"Utkastet kunde inte sparas ({exc.strerror or exc}); osparade ändringar "
                "finns bara i fönstret tills du sparar.",
                en=f"The draft could not be saved ({exc.strerror or exc}); unsaved edits exist "
                "only in the window until you save.",
            )

    # ------------------------------------------------------------------ validation

    def problems(
        self, kind: str | None = None, record_id: str | None = None, *, full: bool = False
    ) -> list[FieldProblem]:
        """The validator's problems of the edited area (of one kind, of one record).

        Validated once per change, whichever form asks first; problems of a whole file have
        kind "" (they are listed only when ``kind`` is None). Above
        :data:`~.validation.FULL_VALIDATION_MAX` services only what the edits can have
        made invalid is checked; ``full`` checks everything (what :meth:`save` does; for the
        publish preview), at about 1 s per 10k services.
        """
        if full:
            out = self._validate(full=True)
        else:
            if self._problems is None or self._problems[0] != self._revision:
                self._problems = (self._revision, self._validate(full=False))
            out = self._problems[1]
        if kind is not None:
            out = [p for p in out if p.kind == kind]
        if record_id is not None:
            out = [p for p in out if p.record_id == record_id]
        return list(out)

    def touched(self) -> frozenset[tuple[str, str]]:
        """(kind, record id) of every record an applied edit changed (both ids of a rename)."""
        out = [(e.kind, e.record_id) for e in self.edits]
        out += [
            (e.kind, e.new)
            for e in self.edits
            if e.path == "/" + KIND_BY_NAME[e.kind].id_field and isinstance(e.new, str)
        ]
        return frozenset(out)

    def _validate(self, *, full: bool) -> list[FieldProblem]:
        docs = self.documents()
        services = record_list(docs, KIND_BY_NAME["services"])
        touched = self.touched()
        if full or len(services) <= FULL_VALIDATION_MAX:
            found = field_problems(docs)
        else:
            # every service with a touched key is kept, so a duplicate key is seen too
            reduced, _kept = reduced_documents(docs, touched)
            found = field_problems(reduced)
        # hours the schema let through but the app could not read; installed ones it reads
        check_hours = {rid for k, rid in touched if k == "services"}
        with_problems = {p.record_id for p in found if p.kind == "services"}
        for key in check_hours - with_problems:
            if self.has("services", key):
                hours = get(self.record("services", key), "/hours")
                if hours is not ABSENT:
                    found.extend(hours_problems("services", key, "/hours", hours))
        return found

    # ------------------------------------------------------------------ verification

    def mark_checked(self, kind: str, record_id: str, who: str, today: date) -> Edit:
        """ "Kontrollerad idag": set the record's ``verified_at`` (HSDS 3 assured_date) to
        ``today`` as an undoable edit; saved as a history row of action "verify" by ``who``
        (who checked is read back with :meth:`last_checked`)."""
        if kind not in CHECKABLE:
            raise ValueError(f"{kind} records have no verified_at")
        if not who.strip():
            raise ValueError("who checked must be given")
        old = self.value(kind, record_id, "/verified_at")
        e = Edit(kind, record_id, "/verified_at", old, today.isoformat(), checked_by=who)
        self.apply(e)
        return e

    def last_checked(self, kind: str, record_id: str) -> HistoryRow | None:
        """The last saved verification of a record (who, when), or None."""
        return history_store.last_verified(self.store.conn, self.area_id, kind, record_id)

    def contact_note(self, organization_id: str) -> str:
        """The contact note for the organisation's next check ("" when none)."""
        for rec in record_list(self._docs, KIND_BY_NAME["contact_notes"]):
            if rec.get("key") == organization_id:
                return str(rec.get("note", ""))
        return ""

    def contact_note_edit(self, organization_id: str, note: str) -> Edit | None:
        """The edit that sets the organisation's contact note ("" removes it), not applied;
        None when nothing would change. Kept office-side (catalogue.db), not in the pack."""
        if not self.has("organizations", organization_id):
            raise KeyError(f"organizations/{organization_id}")
        kind = "contact_notes"
        current = self.contact_note(organization_id)
        if note == current:
            return None
        if not current:
            return self.add_record_edit(kind, {"key": organization_id, "note": note})
        if not note:
            return self.remove_record_edit(kind, organization_id)
        return Edit(kind, organization_id, "/note", current, note)

    def set_contact_note(self, organization_id: str, note: str) -> Edit | None:
        """Make and apply :meth:`contact_note_edit` (None: nothing changed)."""
        e = self.contact_note_edit(organization_id, note)
        if e is not None:
            self.apply(e)
        return e

    # ------------------------------------------------------------------ history and diff

    def history(self, kind: str, record_id: str) -> list[HistoryRow]:
        """The record's saved change history (who, when, field, old → new), oldest first."""
        return history_store.read_history(self.store.conn, self.area_id, kind, record_id)

    def changes(self) -> diff_mod.ReleaseDiff:
        """The unsaved edits as record changes (installed → edited)."""
        return diff_mod.diff_docs(self._base, self._docs)

    def baseline(self) -> tuple[int | None, dict[str, Any]]:
        """(release version, documents) of the last release published from this office,
        else (None, the catalogue as installed when the session opened)."""
        kept = diff_mod.published(self.data_dir, self.area_id)
        if kept is not None:
            return kept.version, kept.docs
        return None, {k: v for k, v in self._opened.items() if k in PACK_FILES}

    def release_diff(self) -> diff_mod.ReleaseDiff:
        """What publishing the edited area now would change, against :meth:`baseline`."""
        return diff_mod.diff_docs(self.baseline()[1], self.documents())

    def remember_published(self, version: int, docs: dict[str, Any] | None = None) -> Path:
        """Keep the documents just published (default: the saved area) as the baseline."""
        return diff_mod.remember_published(
            self.data_dir,
            self.area_id,
            version,
            docs if docs is not None else self.installed_documents(),
        )

    # ------------------------------------------------------------------ saving

    def save(self, who: str, now: datetime) -> SaveResult:
        """Validate the whole area, install the edited documents and write their history.

        Refused with :class:`SaveRefused` (nothing written) while any problem remains. The
        install is the loader's (search index and all), in one transaction with the history
        rows and contact notes; afterwards the draft is gone and the session continues from
        what was installed.
        """
        if not who.strip():
            raise ValueError("who saves must be given")
        problems = self._validate(full=True)
        if problems:
            raise SaveRefused(problems)
        changes = self._history_changes()
        note_changes = diff_mod.diff_docs(
            {OFFICE_NOTES_FILE: self._base[OFFICE_NOTES_FILE]},
            {OFFICE_NOTES_FILE: self._docs[OFFICE_NOTES_FILE]},
        )
        at = now.isoformat(timespec="seconds")
        conn = self.store.conn
        with transaction(conn):
            if any(c.kind != "contact_notes" for c in changes) or not changes:
                version = self.store.install(
                    PackData(copy.deepcopy(self.documents()), origin=OFFICE_ORIGIN),
                    origin=OFFICE_ORIGIN,
                )
            else:
                version = self._catalogue_version()
            rows = history_store.record_changes(
                conn,
                self.area_id,
                [c for c in changes if c.kind != "contact_notes"],
                who=who,
                at=at,
                catalogue_version=version,
            )
            for rc in note_changes.records:
                note = self.contact_note(rc.record_id) if rc.action != "removed" else ""
                history_store.set_contact_note(
                    conn, self.area_id, rc.record_id, note, who=who, at=at
                )
        self._notes = history_store.contact_notes(conn, self.area_id)
        self._base = self._with_notes(self.store.release_docs(self.area_id))
        _keep_saved(self.data_dir, self.area_id, self.documents_of(self._base), at)
        self._base_hash = _hash(self._base)
        self._docs = copy.deepcopy(self._base)
        n = len({(c.kind, c.record_key) for c in changes})
        self.edits = []
        self._changed()
        return SaveResult(version, rows, n)

    def _catalogue_version(self) -> int:
        with reading():
            row = self.store.conn.execute(
                "SELECT catalogue_version FROM area WHERE id = ?", (self.area_id,)
            ).fetchone()
        return int(row[0]) if row else 0

    def _history_changes(self) -> list[Change]:
        """One change per field that differs (by meaning) from the installed documents, and
        one "verify" per record checked (instead of its verified_at update)."""
        checks: dict[tuple[str, str], Edit] = {}
        for e in self.edits:
            if e.checked_by is not None:
                checks[(e.kind, e.record_id)] = e
        out: list[Change] = []
        for rc in self.changes().records:
            if rc.action == "added":
                rec = canonical(self.record(rc.kind, rc.record_id))
                out.append(Change(rc.kind, rc.record_id, "", "create", None, value_json(rec)))
            elif rc.action == "removed":
                old = canonical(find(self._base, rc.kind, rc.record_id)[1])
                out.append(Change(rc.kind, rc.record_id, "", "delete", value_json(old), None))
            else:
                for f in rc.fields:
                    if f.path == "/verified_at" and (rc.kind, rc.record_id) in checks:
                        continue
                    action: Action = (
                        "create" if f.old is ABSENT else "delete" if f.new is ABSENT else "update"
                    )
                    out.append(
                        Change(
                            rc.kind,
                            rc.record_id,
                            f.path,
                            action,
                            None if f.old is ABSENT else value_json(f.old),
                            None if f.new is ABSENT else value_json(f.new),
                        )
                    )
        for (kind, rid), check in checks.items():
            if not self.has(kind, rid):
                continue
            before = (
                get(find(self._base, kind, rid)[1], "/verified_at")
                if _in(self._base, kind, rid)
                else ABSENT
            )
            after = get(self.record(kind, rid), "/verified_at")
            out.append(
                Change(
                    kind,
                    rid,
                    "/verified_at",
                    "verify",
                    None if before is ABSENT else value_json(before),
                    None if after is ABSENT else value_json(after),
                    by=check.checked_by,
                )
            )
        return out


def _plain(value: Any) -> Any:
    """A value as JSON has it (tuples → lists, keys → strings), so what a form gives equals
    what the draft gives back and what the validator sees; ABSENT stays ABSENT."""
    if value is ABSENT:
        return value
    return json.loads(json.dumps(value, ensure_ascii=False))


def saved_path(data_dir: Path, area_id: str) -> Path:
    """The office's copy of what it last saved of an area (see :func:`_recover_saved`)."""
    return data_dir / "office" / "saved" / f"{area_id}.json"


def _keep_saved(data_dir: Path, area_id: str, docs: dict[str, Any], at: str) -> None:
    """Keep the saved documents outside catalogue.db, which is rebuilt from the shipped
    packs when damaged: the coordinator's saved work must not go with it."""
    body = {"format": 1, "area_id": area_id, "saved_at": at, "documents": docs}
    try:
        write_atomic(
            saved_path(data_dir, area_id),
            json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(),
        )
    except OSError as exc:  # the catalogue has it; only the rebuild safety net is missing
        log.warning("office copy of %s not written: %s", area_id, exc)


def _recover_saved(store: CatalogueStore, area_id: str, data_dir: Path) -> DraftNotice | None:
    """Install the office's saved copy again when the catalogue holds the shipped pack
    instead (it was rebuilt): an office save is origin "office", and nothing but a rebuild
    or a reinstall by hand puts the bundled pack back over it. A release or an import
    since is left alone."""
    path = saved_path(data_dir, area_id)
    if not path.exists():
        return None
    with reading():
        row = store.conn.execute("SELECT origin FROM area WHERE id = ?", (area_id,)).fetchone()
    if row is None or row[0] != "bundled":
        return None
    try:
        body = load_json_limited(path, diff_mod.MAX_PUBLISHED_BYTES)
        docs = body["documents"]
        saved_at = str(body.get("saved_at", ""))
        if body.get("area_id") != area_id or not isinstance(docs, dict):
            raise ValueError("another area")
    except (TextFileError, OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("office copy %s unreadable: %s", path, exc)
        return None
    if _hash(docs) == _hash(store.release_docs(area_id)):
        return None
    from kompassen.catalogue.pack.validate import PackError

    try:
        store.install(PackData(docs, origin=OFFICE_ORIGIN), origin=OFFICE_ORIGIN)
    except PackError as exc:
        log.warning("office copy %s no longer installs: %s", path, exc.en)
        return None
    log.info("reinstalled the office's saved copy of %s (%s)", area_id, saved_at)
    return DraftNotice(
        f"Katalogen hade byggts om från paketen som följer med appen; ändringarna som "
        f"sparades {saved_at} har installerats igen.",
        f"The catalogue had been rebuilt from the packs shipped with the app; the edits "
        f"saved {saved_at} have been installed again.",
    )


def _in(docs: dict[str, Any], kind: str, record_id: str) -> bool:
    try:
        find(docs, kind, record_id)
    except EditConflict:
        return False
    return True


def _hash(docs: dict[str, Any]) -> str:
    """The content hash of the documents a draft's edits were made on."""
    from kompassen.catalogue.store.release import content_hash

    return content_hash({k: v for k, v in docs.items() if k in PACK_FILES})
