"""One editing-core :class:`Edit` as a QUndoCommand: redo applies it, undo reverts it.

Typing in one field makes an edit per keystroke; consecutive edits of the same field of the
same record merge into one command (one Ctrl+Z undoes the word, not the letter), and a merge
that ends where it began makes the command obsolete (the stack drops it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from kompassen.office.editing import ABSENT, Edit, EditSession

MERGE_ID = 0x4B45  # "KE": every field edit may merge with the one before it


class EditCommand(QUndoCommand):
    """redo → ``session.apply``, undo → ``session.revert``; ``after`` runs after either."""

    def __init__(
        self,
        session: EditSession,
        edit: Edit,
        text: str,
        after: Callable[[Edit, bool], None],
        *,
        applied: bool = False,
        mergeable: bool = True,
    ) -> None:
        super().__init__(text)
        self.session = session
        self.edit = edit
        self._after = after
        self._skip_redo = applied  # an edit restored from the draft is applied already
        self._mergeable = mergeable and not edit.is_record and edit.checked_by is None

    def id(self) -> int:
        return MERGE_ID if self._mergeable else -1

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.session.apply(self.edit)
        self._after(self.edit, True)

    def undo(self) -> None:
        self.session.revert(self.edit)
        self._after(self.edit, False)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or not other._mergeable:
            return False
        a, b = self.edit, other.edit
        if (a.kind, a.record_id, a.path) != (b.kind, b.record_id, b.path):
            return False
        # the two applied edits become one: this command's old value, the other's new one.
        # The session holds both edits; keep its list equal to what undo will revert.
        merged = Edit(a.kind, a.record_id, a.path, a.old, b.new, a.index, a.checked_by)
        edits = self.session.edits
        if len(edits) >= 2 and edits[-1] == b and edits[-2] == a:
            edits[-2:] = [merged]
        self.edit = merged
        if merged.old == merged.new and (merged.old is ABSENT) == (merged.new is ABSENT):
            if edits and edits[-1] == merged:
                edits.pop()  # back where it began: nothing left to save or replay
            self.setObsolete(True)
        return True
