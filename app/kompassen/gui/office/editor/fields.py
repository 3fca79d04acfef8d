"""The editor's right side: a form for one record, built from the pack schema.

Every record kind gets its form from ``pack_schema.json`` (the same schema the validator
checks), so a field added to the schema appears in the editor without code here: texts in two
languages, choices for enums, yes/no/not stated for nullable booleans, chips for taxonomy
codes (groups, needs, handover modes), day boxes for weekday lists, sub-forms for lists of
objects (phones, sources, guide steps with their time windows), and the hours editor for
``hours``. Each field knows its JSON pointer inside the record; a change asks the page for an
:class:`Edit` of that pointer (``edit_wanted``), so undo, drafts and history see every change.

:meth:`RecordForm.sync` puts the record's current values back into the widgets (after undo
or redo) and rebuilds the form when a list changed length; :meth:`show_problems` places the
validator's messages under the field whose pointer is the longest prefix of the problem's.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.clock import Clock
from kompassen.gui.office.hours_editor import HoursEditor
from kompassen.gui.widgets.flow_layout import FlowLayout
from kompassen.office.editing import ABSENT, FieldProblem, hours_value, join_pointer, split_pointer
from kompassen.office.editing.docs import get

LONG_TEXTS = frozenset({"description", "problem", "instructions", "text", "data_note"})
SKIPPED = frozenset({"format_version"})
TERM_PREFIX = {"groups": "group.", "needs": "need.", "modes": "handover."}
DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class UndoKeysToPage(QObject):
    """Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y in a text field go to the page's undo stack.

    A QLineEdit has an undo of its own and would take the keys; every keystroke here is an
    edit on the page's stack already, so the field's own undo would only disagree with it.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            key = QKeySequence(event.keyCombination())  # type: ignore[attr-defined]
            for std in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo):
                if any(
                    key.matches(k) == QKeySequence.SequenceMatch.ExactMatch
                    for k in QKeySequence.keyBindings(std)
                ):
                    event.ignore()
                    return True
            if key.matches(QKeySequence("Ctrl+Y")) == QKeySequence.SequenceMatch.ExactMatch:
                event.ignore()
                return True
        return False


@dataclass
class Binding:
    """One widget bound to one pointer of the record."""

    pointer: str
    widget: QWidget
    read: Callable[[], Any]  # the widget's value (ABSENT: remove the field)
    write: Callable[[Any], None]  # show a value (emits no edit)
    problem: QLabel


class _Bad(ValueError):
    """A value the widget cannot turn into JSON (words in args[0]); no edit is made."""


class RecordForm(QWidget):
    """The fields of one record; changes become ``edit_wanted(pointer, value)``."""

    edit_wanted = Signal(str, object)
    insert_wanted = Signal(str, object)  # list pointer, new item
    remove_wanted = Signal(str, int)  # list pointer, index

    def __init__(
        self,
        schema: dict[str, Any],
        clock: Clock,
        lang: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._schema = schema
        self._defs: dict[str, Any] = schema.get("$defs", {})
        self._clock = clock
        self._lang = lang
        self._undo_keys = UndoKeysToPage(self)
        self.kind = ""
        self.record_id = ""
        self.record: dict[str, Any] = {}
        self.terms: dict[str, tuple[str, str]] = {}  # code -> (sv, en)
        self.bindings: list[Binding] = []
        self._lists: dict[str, int] = {}  # list pointer -> length when built
        self._syncing = False
        # in the page's scroll area: scroll instead of squeezing the fields below their size
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self.general_problems = QLabel(self)
        self.general_problems.setProperty("role", "warning")
        self.general_problems.setWordWrap(True)
        self.general_problems.hide()
        self._lay.addWidget(self.general_problems)
        self._body: QWidget | None = None
        self.hours_editor: HoursEditor | None = None

    # ------------------------------------------------------------------ schema

    def _resolve(self, node: Any) -> tuple[dict[str, Any], str, bool]:
        """(node, $ref name, nullable) with $ref and "null or X" unwrapped."""
        ref = ""
        nullable = False
        for _ in range(8):
            if not isinstance(node, dict):
                return {}, ref, nullable
            if "$ref" in node:
                ref = node["$ref"].rsplit("/", 1)[-1]
                node = self._defs.get(ref, {})
                continue
            one = node.get("oneOf")
            if isinstance(one, list) and any(o.get("type") == "null" for o in one):
                nullable = True
                rest = [o for o in one if o.get("type") != "null"]
                node = rest[0] if len(rest) == 1 else {"oneOf": rest}
                continue
            break
        t = node.get("type")
        if isinstance(t, list) and "null" in t:
            nullable = True
            node = {**node, "type": next((x for x in t if x != "null"), "string")}
        return node, ref, nullable

    def item_schema(self, kind_file: str, list_key: str | None) -> dict[str, Any]:
        f = self._schema["files"][kind_file]
        if list_key is None:
            return dict(f)
        return dict(f["properties"][list_key]["items"])

    def template(self, node: Any, list_pointer: str = "") -> Any:
        """A new list item with the schema's required fields filled with empty values."""
        n = self._resolve(node)[0]
        if "oneOf" in n:  # sources: a source object with the next free id
            objs = [o for o in n["oneOf"] if self._resolve(o)[0].get("type") == "object"]
            if objs:
                item = self.template(objs[0])
                if isinstance(item, dict) and "id" in item:
                    used = {
                        s.get("id")
                        for s in (get(self.record, list_pointer) or [])
                        if isinstance(s, dict)
                    }
                    i = 1
                    while f"s{i}" in used:
                        i += 1
                    item["id"] = f"s{i}"
                    item["date"] = "unknown"
                return item
            return ""
        if "enum" in n:
            return next((v for v in n["enum"] if v is not None), None)
        t = n.get("type")
        if t == "object":
            props = n.get("properties", {})
            return {k: self.template(props[k]) for k in n.get("required", []) if k in props}
        if t == "array":
            return []
        if t == "boolean":
            return False
        if t in ("integer", "number"):
            return 0
        return ""

    # ------------------------------------------------------------------ building

    def show_record(
        self,
        kind: str,
        record_id: str,
        record: dict[str, Any],
        item_schema: dict[str, Any],
        terms: dict[str, tuple[str, str]],
    ) -> None:
        """Build the form of one record (replacing the one shown)."""
        self.kind, self.record_id, self.record = kind, record_id, record
        self._item_schema = item_schema
        self.terms = terms
        self._rebuild()

    def _rebuild(self) -> None:
        if self._body is not None:
            self._body.hide()
            self._body.deleteLater()
        self.bindings = []
        self._lists = {}
        self.hours_editor = None
        self._body = QWidget(self)
        form = QFormLayout(self._body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._syncing = True
        try:
            self._object(self._item_schema, "", form, top=True)
        finally:
            self._syncing = False
        self._lay.addWidget(self._body)
        for w in self._body.findChildren(QLineEdit) + self._body.findChildren(QPlainTextEdit):
            w.installEventFilter(self._undo_keys)

    def _object(
        self, node: dict[str, Any], base: str, form: QFormLayout, top: bool = False
    ) -> None:
        required = set(node.get("required", []))
        for name, sub in node.get("properties", {}).items():
            if name in SKIPPED:
                continue
            pointer = join_pointer(*split_pointer(base), name)
            if top and name in ("key", "code", "id"):
                shown = QLabel(str(get(self.record, pointer) or ""), self._body)
                shown.setProperty("role", "muted")
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(self._label(name), shown)
                continue
            self._field(name, sub, pointer, name in required, form)

    def _field(self, name: str, sub: Any, pointer: str, required: bool, form: QFormLayout) -> None:
        node, ref, nullable = self._resolve(sub)
        label = self._label(name)
        if ref == "hours" or name == "hours":
            self._hours(pointer, form, label)
            return
        if ref == "text" or (
            node.get("type") == "object" and set(node.get("properties", {})) == {"sv", "en"}
        ):
            box = QWidget(self._body)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            for lang in ("sv", "en"):
                p = join_pointer(*split_pointer(pointer), lang)
                lang_word = self.tr("svenska") if lang == "sv" else self.tr("engelska")
                self._text(p, lay, long=name in LONG_TEXTS, required=False, placeholder=lang_word)
            form.addRow(label, box)
            return
        if "enum" in node:
            self._choice(pointer, node["enum"], nullable, required, form, label)
            return
        t = node.get("type")
        if t == "boolean":
            if nullable:
                self._choice(pointer, [True, False, None], True, required, form, label)
            else:
                self._check(pointer, form, label)
            return
        if t in ("integer", "number"):
            self._number(pointer, t == "integer", nullable, required, form, label)
            return
        if t == "array":
            self._array(name, node, pointer, form, label)
            return
        if t == "object":
            group = QGroupBox(label, self._body)
            inner = QFormLayout(group)
            inner.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            self._object(node, pointer, inner)
            form.addRow(group)
            return
        box = QWidget(self._body)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        if ref == "source_ref" or name.endswith("source"):
            self._source_choice(pointer, lay, required)
        else:
            self._text(pointer, lay, long=name in LONG_TEXTS, required=required)
        form.addRow(label, box)

    def _problem_label(self, parent: QWidget) -> QLabel:
        lab = QLabel(parent)
        lab.setProperty("role", "warning")
        lab.setWordWrap(True)
        lab.hide()
        return lab

    def _bind(
        self,
        pointer: str,
        widget: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        problem: QLabel,
    ) -> Binding:
        b = Binding(pointer, widget, read, write, problem)
        write(get(self.record, pointer))
        self.bindings.append(b)
        return b

    def _changed(self, b: Binding) -> None:
        if self._syncing:
            return
        try:
            value = b.read()
        except _Bad as bad:
            b.problem.setText(str(bad))
            b.problem.show()
            return
        self.edit_wanted.emit(b.pointer, value)

    def _text(
        self, pointer: str, lay: QVBoxLayout, *, long: bool, required: bool, placeholder: str = ""
    ) -> None:
        problem = self._problem_label(self._body or self)
        if long:
            edit: QLineEdit | QPlainTextEdit = QPlainTextEdit(self._body)
            assert isinstance(edit, QPlainTextEdit)
            edit.setFixedHeight(96)
            pte = edit

            def read_long() -> Any:
                text = pte.toPlainText()
                return text if text or required else ABSENT

            def write_long(v: Any) -> None:
                text = v if isinstance(v, str) else ""
                if pte.toPlainText() != text:
                    pte.setPlainText(text)

            b = self._bind(pointer, edit, read_long, write_long, problem)
            pte.textChanged.connect(lambda: self._changed(b))
        else:
            line = QLineEdit(self._body)

            def read_line() -> Any:
                text = line.text()
                return text if text or required else ABSENT

            def write_line(v: Any) -> None:
                text = v if isinstance(v, str) else ""
                if line.text() != text:
                    line.setText(text)

            b = self._bind(pointer, line, read_line, write_line, problem)
            line.textEdited.connect(lambda _t: self._changed(b))
            edit = line
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(pointer)
        lay.addWidget(edit)
        lay.addWidget(problem)

    def _source_choice(self, pointer: str, lay: QVBoxLayout, required: bool) -> None:
        box = QComboBox(self._body)
        ids = [
            s["id"]
            for s in (self.record.get("sources") or [])
            if isinstance(s, dict) and isinstance(s.get("id"), str)
        ]
        box.addItem(self.tr("– ingen källa –"), None)
        for i in ids:
            box.addItem(i, i)
        problem = self._problem_label(self._body or self)

        def read() -> Any:
            v = box.currentData()
            return ABSENT if v is None and not required else v

        def write(v: Any) -> None:
            i = box.findData(v) if isinstance(v, str) else 0
            if i < 0:
                box.addItem(str(v), v)
                i = box.count() - 1
            box.setCurrentIndex(i)

        b = self._bind(pointer, box, read, write, problem)
        box.activated.connect(lambda _i: self._changed(b))
        lay.addWidget(box)
        lay.addWidget(problem)

    def _choice(
        self,
        pointer: str,
        values: list[Any],
        nullable: bool,
        required: bool,
        form: QFormLayout,
        label: str,
    ) -> None:
        box = QComboBox(self._body)
        if nullable and None not in values:
            values = [*values, None]
        if not required and not nullable:
            values = [ABSENT, *values]
        for v in values:
            box.addItem(self._value_word(v), v)
        problem = self._problem_label(self._body or self)

        def read() -> Any:
            return values[box.currentIndex()] if box.currentIndex() >= 0 else ABSENT

        def write(v: Any) -> None:
            for i, x in enumerate(values):
                if x is v or (x == v and type(x) is type(v)):
                    box.setCurrentIndex(i)
                    return
            if v is ABSENT and None in values:
                box.setCurrentIndex(values.index(None))
                return
            box.setCurrentIndex(-1)

        b = self._bind(pointer, box, read, write, problem)
        box.activated.connect(lambda _i: self._changed(b))
        form.addRow(label, _stack(self._body, box, problem))

    def _check(self, pointer: str, form: QFormLayout, label: str) -> None:
        box = QCheckBox(self._body)
        problem = self._problem_label(self._body or self)

        def read() -> Any:
            return True if box.isChecked() else ABSENT

        def write(v: Any) -> None:
            box.setChecked(v is True)

        b = self._bind(pointer, box, read, write, problem)
        box.toggled.connect(lambda _c: self._changed(b))
        form.addRow(label, _stack(self._body, box, problem))

    def _number(
        self,
        pointer: str,
        integer: bool,
        nullable: bool,
        required: bool,
        form: QFormLayout,
        label: str,
    ) -> None:
        line = QLineEdit(self._body)
        line.setMaximumWidth(220)
        problem = self._problem_label(self._body or self)

        def read() -> Any:
            text = line.text().strip().replace(",", ".")
            if not text:
                return None if nullable else (ABSENT if not required else 0)
            try:
                return int(text) if integer else float(text)
            except ValueError:
                raise _Bad(
                    self.tr("Skriv ett heltal.")
                    if integer
                    else self.tr("Skriv ett tal, t.ex. 59.33.")
                ) from None

        def write(v: Any) -> None:
            text = "" if v is None or v is ABSENT or isinstance(v, bool) else str(v)
            if line.text() != text:
                line.setText(text)

        b = self._bind(pointer, line, read, write, problem)
        line.textEdited.connect(lambda _t: self._changed(b))
        form.addRow(label, _stack(self._body, line, problem))

    def _array(
        self, name: str, node: dict[str, Any], pointer: str, form: QFormLayout, label: str
    ) -> None:
        items, ref, _ = self._resolve(node.get("items", {}))
        required_list = False
        if ref == "term_code" or name in TERM_PREFIX:
            self._chips(name, pointer, form, label)
            return
        if ref == "day" or set(items.get("enum") or []) == set(DAY_KEYS):
            self._days(pointer, form, label)
            return
        if items.get("type") == "string" and "oneOf" not in items:
            line = QLineEdit(self._body)
            line.setPlaceholderText(self.tr("med komma emellan"))
            problem = self._problem_label(self._body or self)

            def read() -> Any:
                parts = [p.strip() for p in line.text().split(",") if p.strip()]
                return parts if parts or required_list else ABSENT

            def write(v: Any) -> None:
                text = ", ".join(str(x) for x in v) if isinstance(v, list) else ""
                if [p.strip() for p in line.text().split(",") if p.strip()] != (
                    v if isinstance(v, list) else []
                ):
                    line.setText(text)

            b = self._bind(pointer, line, read, write, problem)
            line.textEdited.connect(lambda _t: self._changed(b))
            form.addRow(label, _stack(self._body, line, problem))
            return
        self._list(node, pointer, form, label)

    def _chips(self, name: str, pointer: str, form: QFormLayout, label: str) -> None:
        box = QWidget(self._body)
        flow = FlowLayout(box, spacing=6)
        prefix = TERM_PREFIX.get(name, "")
        codes = [c for c in self.terms if c.split(".")[-2:-1] == [prefix.rstrip(".")]]
        current = get(self.record, pointer)
        for c in current if isinstance(current, list) else []:
            if c not in codes:
                codes.append(c)
        buttons: dict[str, QPushButton] = {}
        lang = self._lang()
        for code in codes:
            sv, en = self.terms.get(code, (code, code))
            btn = QPushButton(en if lang == "en" else sv, box)
            btn.setCheckable(True)
            btn.setProperty("role", "chip")
            btn.setToolTip(code)
            flow.addWidget(btn)
            buttons[code] = btn
        problem = self._problem_label(self._body or self)

        def read() -> Any:
            return [c for c in codes if buttons[c].isChecked()]

        def write(v: Any) -> None:
            on = set(v) if isinstance(v, list) else set()
            for c, btn in buttons.items():
                btn.setChecked(c in on)

        b = self._bind(pointer, box, read, write, problem)
        for btn in buttons.values():
            btn.toggled.connect(lambda _c: self._changed(b))
        form.addRow(label, _stack(self._body, box, problem))

    def _days(self, pointer: str, form: QFormLayout, label: str) -> None:
        from PySide6.QtCore import QLocale

        box = QWidget(self._body)
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        checks = []
        for i, _key in enumerate(DAY_KEYS):
            c = QCheckBox(QLocale().dayName(i + 1, QLocale.FormatType.ShortFormat), box)
            lay.addWidget(c)
            checks.append(c)
        lay.addStretch(1)
        problem = self._problem_label(self._body or self)

        def read() -> Any:
            days = [k for k, c in zip(DAY_KEYS, checks, strict=True) if c.isChecked()]
            return days or ABSENT

        def write(v: Any) -> None:
            on = set(v) if isinstance(v, list) else set()
            for k, c in zip(DAY_KEYS, checks, strict=True):
                c.setChecked(k in on)

        b = self._bind(pointer, box, read, write, problem)
        for c in checks:
            c.toggled.connect(lambda _c: self._changed(b))
        form.addRow(label, _stack(self._body, box, problem))

    def _list(self, node: dict[str, Any], pointer: str, form: QFormLayout, label: str) -> None:
        group = QGroupBox(label, self._body)
        lay = QVBoxLayout(group)
        value = get(self.record, pointer)
        items = value if isinstance(value, list) else []
        self._lists[pointer] = len(items)
        item_node = node.get("items", {})
        for i, item in enumerate(items):
            card = QFrame(group)
            card.setProperty("role", "card")
            cl = QVBoxLayout(card)
            inner = QFormLayout()
            inner.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            ip = join_pointer(*split_pointer(pointer), i)
            resolved, _ref, _ = self._resolve(item_node)
            if isinstance(item, dict):
                obj = resolved
                if "oneOf" in resolved:
                    obj = next(
                        (
                            self._resolve(o)[0]
                            for o in resolved["oneOf"]
                            if self._resolve(o)[0].get("type") == "object"
                        ),
                        {},
                    )
                self._object(obj, ip, inner)
            else:
                box = QWidget(card)
                bl = QVBoxLayout(box)
                bl.setContentsMargins(0, 0, 0, 0)
                self._text(ip, bl, long=False, required=True)
                inner.addRow(self.tr("Källa"), box)
            cl.addLayout(inner)
            remove = QPushButton(self.tr("Ta bort"), card)
            remove.clicked.connect(lambda _c=False, i=i: self.remove_wanted.emit(pointer, i))
            cl.addWidget(remove, 0, Qt.AlignmentFlag.AlignRight)
            lay.addWidget(card)
        add = QPushButton(self.tr("+ Lägg till"), group)
        add.clicked.connect(
            lambda: self.insert_wanted.emit(pointer, self.template(item_node, pointer))
        )
        lay.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        problem = self._problem_label(group)
        lay.addWidget(problem)
        self.bindings.append(Binding(pointer, group, lambda: ABSENT, lambda _v: None, problem))
        form.addRow(group)

    def _hours(self, pointer: str, form: QFormLayout, label: str) -> None:
        editor = HoursEditor(self._clock, self._body, scroll=False)
        problem = self._problem_label(self._body or self)
        self.hours_editor = editor

        def write(v: Any) -> None:
            editor.load(v if isinstance(v, dict) else None)

        def read() -> Any:
            value = editor.value()
            if value is None:
                raise _Bad(self.tr("Rätta öppettiderna först."))
            return hours_value(get(self.record, pointer), value)

        b = self._bind(pointer, editor, read, write, problem)
        editor.changed.connect(lambda _d: self._changed(b))
        group = QGroupBox(self._body)  # the editor's own heading says "Öppettider"
        group.setAccessibleName(label)
        gl = QVBoxLayout(group)
        gl.addWidget(editor)
        gl.addWidget(problem)
        form.addRow(group)

    # ------------------------------------------------------------------ words

    def _label(self, name: str) -> str:
        return field_label(self, name)

    def _value_word(self, v: Any) -> str:
        if v is ABSENT:
            return self.tr("– inte angivet –")
        if v is None:
            return self.tr("Inte angivet")
        if v is True:
            return self.tr("Ja")
        if v is False:
            return self.tr("Nej")
        return value_word(self, str(v))

    # ------------------------------------------------------------------ after edits

    def sync(self, record: dict[str, Any], skip: str | None = None) -> None:
        """Show the record's current values; a list that changed length rebuilds the form."""
        self.record = record
        for pointer, n in self._lists.items():
            v = get(record, pointer)
            if (len(v) if isinstance(v, list) else 0) != n:
                self._rebuild()
                return
        self._syncing = True
        try:
            for b in self.bindings:
                if b.pointer == skip:
                    continue
                v = get(record, b.pointer)
                try:
                    current = b.read()
                except _Bad:
                    current = object()
                if b.widget is self.hours_editor:
                    if current != v:
                        b.write(copy.deepcopy(v))
                elif current != v or (current is ABSENT) != (v is ABSENT):
                    b.write(v)
                b.problem.hide()
        finally:
            self._syncing = False

    def show_problems(self, problems: list[FieldProblem], lang: str) -> None:
        """Each message under the field it is about (the longest pointer prefix), the rest on top."""
        by_binding: dict[int, list[str]] = {}
        general: list[str] = []
        for p in problems:
            best, best_len = -1, -1
            for i, b in enumerate(self.bindings):
                if (p.path == b.pointer or p.path.startswith(b.pointer + "/")) and len(
                    b.pointer
                ) > best_len:
                    best, best_len = i, len(b.pointer)
            if best < 0:
                general.append(p.message(lang))
            else:
                by_binding.setdefault(best, []).append(p.message(lang))
        for i, b in enumerate(self.bindings):
            msgs = by_binding.get(i, [])
            b.problem.setText("\n".join(msgs))
            b.problem.setVisible(bool(msgs))
        self.general_problems.setText("\n".join(general))
        self.general_problems.setVisible(bool(general))

    def binding(self, pointer: str) -> Binding | None:
        return next((b for b in self.bindings if b.pointer == pointer), None)


def _stack(parent: QWidget | None, widget: QWidget, problem: QLabel) -> QWidget:
    box = QWidget(parent)
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(widget)
    lay.addWidget(problem)
    return box


def field_label(_w: QObject | None, name: str) -> str:
    """A field's name in words (the schema's key when it has none); the words' context is
    named (RecordForm) so lupdate and Qt agree whichever page asks."""
    labels = {
        "key": QCoreApplication.translate("RecordForm", "Id"),
        "code": QCoreApplication.translate("RecordForm", "Kod"),
        "id": QCoreApplication.translate("RecordForm", "Id"),
        "name": QCoreApplication.translate("RecordForm", "Namn"),
        "alternate_name": QCoreApplication.translate("RecordForm", "Annat namn"),
        "organization": QCoreApplication.translate("RecordForm", "Organisation"),
        "description": QCoreApplication.translate("RecordForm", "Beskrivning"),
        "status": QCoreApplication.translate("RecordForm", "Status"),
        "status_from": QCoreApplication.translate("RecordForm", "Stängt från (ÅÅÅÅ-MM-DD)"),
        "status_until": QCoreApplication.translate("RecordForm", "Stängt till och med"),
        "status_note": QCoreApplication.translate("RecordForm", "Om statusen"),
        "status_source": QCoreApplication.translate("RecordForm", "Källa för statusen"),
        "mobile": QCoreApplication.translate("RecordForm", "Uppsökande, ingen fast plats"),
        "area_note": QCoreApplication.translate("RecordForm", "Om området"),
        "locations": QCoreApplication.translate("RecordForm", "Platser (id)"),
        "location_source": QCoreApplication.translate("RecordForm", "Källa för platsen"),
        "groups": QCoreApplication.translate("RecordForm", "Målgrupper"),
        "needs": QCoreApplication.translate("RecordForm", "Hjälper med"),
        "phones": QCoreApplication.translate("RecordForm", "Telefonnummer"),
        "number": QCoreApplication.translate("RecordForm", "Nummer"),
        "kind": QCoreApplication.translate("RecordForm", "Slag"),
        "label": QCoreApplication.translate("RecordForm", "Etikett"),
        "to_verify": QCoreApplication.translate("RecordForm", "Behöver verifieras"),
        "source": QCoreApplication.translate("RecordForm", "Källa"),
        "url": QCoreApplication.translate("RecordForm", "Webbsida"),
        "email": QCoreApplication.translate("RecordForm", "E-post"),
        "hours": QCoreApplication.translate("RecordForm", "Öppettider"),
        "handover": QCoreApplication.translate("RecordForm", "Så lämnar du över"),
        "modes": QCoreApplication.translate("RecordForm", "Sätt"),
        "instructions": QCoreApplication.translate("RecordForm", "Instruktioner"),
        "age_min": QCoreApplication.translate("RecordForm", "Lägsta ålder"),
        "age_max": QCoreApplication.translate("RecordForm", "Högsta ålder"),
        "gender": QCoreApplication.translate("RecordForm", "Kön"),
        "no_papers_ok": QCoreApplication.translate("RecordForm", "Går bra utan papper"),
        "intoxicated_ok": QCoreApplication.translate("RecordForm", "Går bra påverkad"),
        "referral_required": QCoreApplication.translate("RecordForm", "Kräver remiss"),
        "languages": QCoreApplication.translate("RecordForm", "Språk"),
        "sources": QCoreApplication.translate("RecordForm", "Källor"),
        "title": QCoreApplication.translate("RecordForm", "Titel"),
        "date": QCoreApplication.translate("RecordForm", "Källans datum"),
        "checked": QCoreApplication.translate("RecordForm", "Senast kontrollerad"),
        "verified_at": QCoreApplication.translate("RecordForm", "Kontrollerad"),
        "data_note": QCoreApplication.translate("RecordForm", "Osäkert i uppgifterna"),
        "problem": QCoreApplication.translate("RecordForm", "Problemet"),
        "steps": QCoreApplication.translate("RecordForm", "Steg"),
        "text": QCoreApplication.translate("RecordForm", "Text"),
        "services": QCoreApplication.translate("RecordForm", "Tjänster (id)"),
        "when": QCoreApplication.translate("RecordForm", "Gäller när"),
        "days": QCoreApplication.translate("RecordForm", "Dagar"),
        "from": QCoreApplication.translate("RecordForm", "Från (TT:MM)"),
        "to": QCoreApplication.translate("RecordForm", "Till (TT:MM)"),
        "service": QCoreApplication.translate("RecordForm", "Tjänst (id)"),
        "starts": QCoreApplication.translate("RecordForm", "Visas från"),
        "expires": QCoreApplication.translate("RecordForm", "Upphör"),
        "address": QCoreApplication.translate("RecordForm", "Adress"),
        "street": QCoreApplication.translate("RecordForm", "Gata"),
        "postal_code": QCoreApplication.translate("RecordForm", "Postnummer"),
        "city": QCoreApplication.translate("RecordForm", "Ort"),
        "note": QCoreApplication.translate("RecordForm", "Anteckning"),
        "lat": QCoreApplication.translate("RecordForm", "Latitud"),
        "lon": QCoreApplication.translate("RecordForm", "Longitud"),
        "coords_approximate": QCoreApplication.translate("RecordForm", "Ungefärligt läge"),
        "coords_note": QCoreApplication.translate("RecordForm", "Om läget"),
        "landmark": QCoreApplication.translate("RecordForm", "Landmärke (id)"),
        "aliases": QCoreApplication.translate("RecordForm", "Andra namn"),
        "approximate": QCoreApplication.translate("RecordForm", "Ungefärligt läge"),
        "weekly": QCoreApplication.translate("RecordForm", "Veckotider"),
        "opens": QCoreApplication.translate("RecordForm", "Öppnar"),
        "closes": QCoreApplication.translate("RecordForm", "Stänger"),
        "exceptions": QCoreApplication.translate("RecordForm", "Undantag"),
        "always_open": QCoreApplication.translate("RecordForm", "Dygnet runt"),
        "holidays": QCoreApplication.translate("RecordForm", "Röda dagar"),
        "holiday_eves": QCoreApplication.translate("RecordForm", "Aftnar"),
        "closed": QCoreApplication.translate("RecordForm", "Stängt"),
    }
    return labels.get(name, name)


def value_word(_w: QObject | None, value: str) -> str:
    """An enum value in words (the value itself when it has none)."""
    words = {
        "active": QCoreApplication.translate("RecordForm", "Aktiv"),
        "inactive": QCoreApplication.translate("RecordForm", "Inte i gång just nu"),
        "defunct": QCoreApplication.translate("RecordForm", "Nedlagd"),
        "temporarily-closed": QCoreApplication.translate("RecordForm", "Tillfälligt stängd"),
        "closed": QCoreApplication.translate("RecordForm", "Stängd"),
        "switchboard": QCoreApplication.translate("RecordForm", "Växel"),
        "helpline": QCoreApplication.translate("RecordForm", "Stödlinje"),
        "professional": QCoreApplication.translate("RecordForm", "För yrkesverksamma"),
        "emergency": QCoreApplication.translate("RecordForm", "Akut"),
        "sms": QCoreApplication.translate("RecordForm", "Sms"),
        "other": QCoreApplication.translate("RecordForm", "Annat"),
        "any": QCoreApplication.translate("RecordForm", "Alla"),
        "female": QCoreApplication.translate("RecordForm", "Kvinnor"),
        "male": QCoreApplication.translate("RecordForm", "Män"),
    }
    return words.get(value, value)
