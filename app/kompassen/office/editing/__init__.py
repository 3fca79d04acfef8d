"""Editing the catalogue in the office, without Qt: sessions of reversible edits over an
installed area, validation placed on fields, drafts, saving with a change history,
verification, and the diff a publish previews.

The GUI codes against these names::

    session = EditSession.open(ctx, "klara")   # ctx.catalogue; replays the draft
    session.notice                              # DraftNotice | None (restored / set aside)
    e = session.edit("services", key, "/phones/0/number", "08-123 45")
    session.apply(e); session.revert(e)         # QUndoCommand.redo / undo
    session.problems("services", key)           # [FieldProblem(kind, record_id, path, sv, en)]
    session.mark_checked("services", key, "Anna", today)   # an Edit too
    session.save("Anna", now)                   # SaveResult, or raises SaveRefused
    session.release_diff()                      # ReleaseDiff for the publish preview
"""

from kompassen.office.editing.diff import (
    FieldChange,
    Published,
    RecordChange,
    ReleaseDiff,
    diff_docs,
    published,
    remember_published,
)
from kompassen.office.editing.docs import EditConflict
from kompassen.office.editing.drafts import DraftNotice, DraftStore
from kompassen.office.editing.hours import hours_value
from kompassen.office.editing.model import (
    ABSENT,
    KINDS,
    Edit,
    FieldProblem,
    KindSpec,
    RecordRef,
    join_pointer,
    split_pointer,
)
from kompassen.office.editing.session import (
    CHECKABLE,
    DraftNotSaved,
    EditSession,
    SaveRefused,
    SaveResult,
)

__all__ = [
    "ABSENT",
    "CHECKABLE",
    "KINDS",
    "DraftNotSaved",
    "DraftNotice",
    "DraftStore",
    "Edit",
    "EditConflict",
    "EditSession",
    "FieldChange",
    "FieldProblem",
    "KindSpec",
    "Published",
    "RecordChange",
    "RecordRef",
    "ReleaseDiff",
    "SaveRefused",
    "SaveResult",
    "diff_docs",
    "hours_value",
    "join_pointer",
    "published",
    "remember_published",
    "split_pointer",
]
