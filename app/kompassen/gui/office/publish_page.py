"""The office's publish page: what the release changes, whether the area is sound, then sign
and upload it, and which tablets run which release.

1. **Preview**: the area as it is now compared with the last release the server has (the
   editing core's ``diff_docs``): services added, changed field by field, removed — in words.
2. **Validation** of the whole area (the pack validator's messages, through the editing core):
   while any error is left the publish button stays off and says why.
3. **Sign and upload**: the key file is opened with its passphrase (asked in a dialog; the
   opened keys are kept by a :class:`KeyKeeper` and forgotten after an idle time, so a desk
   left alone does not keep the signing key open), the release signed and sent with
   ``OfficeClient.publish``. The tablets pull it at their next sync.
4. **Tablets**: ``OfficeClient.release_status`` as a table: name, release, last sync.

Opening the key file (argon2id: about a second and 256 MB by design), reading the area and the
network all run off the GUI thread: the disk on the page's own worker, the network on the
session's worker.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kompassen.core.errors import KompassenError
from kompassen.gui.office.hours_editor import ui_lang
from kompassen.gui.office.when import when_words
from kompassen.gui.workers.background import Background
from kompassen.office.editing import (
    ABSENT,
    EditSession,
    diff_docs,
    remember_published,
    split_pointer,
)
from kompassen.office.editing.model import KIND_BY_NAME
from kompassen.reports.keys import OfficeKeys, read_key_file

log = logging.getLogger(__name__)

#: how long opened keys are kept without use before they are forgotten (ms)
KEY_IDLE_MS = 10 * 60_000


class KeyKeeper(QObject):
    """The opened office keys, forgotten after ``idle_ms`` without use (and on request)."""

    forgotten = Signal()

    def __init__(self, idle_ms: int = KEY_IDLE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: OfficeKeys | None = None
        self.key_file: Path | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(idle_ms)
        self._timer.timeout.connect(self.forget)

    def keep(self, keys: OfficeKeys, key_file: Path) -> None:
        self._keys = keys
        self.key_file = key_file
        self._timer.start()

    def keys(self) -> OfficeKeys | None:
        """The keys if still held; a use starts the idle time again."""
        if self._keys is not None:
            self._timer.start()
        return self._keys

    def forget(self) -> None:
        held = self._keys is not None
        self._keys = None
        self._timer.stop()
        if held:
            self.forgotten.emit()


class PassphraseDialog(QDialog):
    """The key file and its passphrase; the file is opened on a worker, errors shown in words."""

    def __init__(
        self,
        opener: Background[None],
        key_file: Path | None,
        *,
        purpose: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._opener = opener
        self.keys: OfficeKeys | None = None
        self.setModal(True)
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        self.intro = QLabel(purpose, self)
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        row = QHBoxLayout()
        self.path = QLineEdit(str(key_file) if key_file else "", self)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.file_label = QLabel(self)
        form.addRow(self.file_label, row)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_label = QLabel(self)
        form.addRow(self.pass_label, self.passphrase)
        lay.addLayout(form)
        self.error = QLabel(self)
        self.error.setProperty("role", "warning")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.retranslate()
        (self.passphrase if key_file else self.path).setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Öppna nyckelfilen"))
        self.file_label.setText(self.tr("Nyckelfil"))
        self.browse.setText(self.tr("Välj…"))
        self.pass_label.setText(self.tr("Lösenfras"))
        self.path.setAccessibleName(self.tr("Nyckelfil"))
        self.passphrase.setAccessibleName(self.tr("Lösenfras"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Öppna"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Välj nyckelfilen"), self.path.text(), "office-keys.json (*.json)"
        )
        if name:
            self.path.setText(name)

    def submit(self) -> None:
        """Open the file on the worker (a second of argon2id); the dialog stays responsive."""
        path_text = self.path.text().strip()
        if not path_text:
            self._failed_words(self.tr("Välj nyckelfilen först."))
            return
        path, phrase = Path(path_text), self.passphrase.text()
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Öppnar nyckelfilen…"))
        self.error.show()

        def done(keys: OfficeKeys) -> None:
            self.keys = keys
            self.passphrase.clear()
            self.accept()

        self._opener.submit(lambda _r: read_key_file(path, phrase), done=done, failed=self._failed)

    def key_file(self) -> Path:
        return Path(self.path.text().strip())

    def _failed(self, err: KompassenError) -> None:
        self._failed_words(err.message(_lang_of(self)))

    def _failed_words(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(text)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()


def guide_titles(docs: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """The guides in a release's documents: key → (title sv, title en)."""
    doc = docs.get("guides.json")
    items = doc.get("guides") if isinstance(doc, dict) else None
    out: dict[str, tuple[str, str]] = {}
    for g in items if isinstance(items, list) else []:
        if isinstance(g, dict) and isinstance(g.get("key"), str):
            raw = g.get("title")
            title: dict[str, Any] = raw if isinstance(raw, dict) else {}
            sv = str(title.get("sv") or g["key"])
            out[g["key"]] = (sv, str(title.get("en") or sv))
    return out


def _lang_of(_w: QObject) -> str:
    return ui_lang()


@dataclass
class Preview:
    """What the page shows before publishing (built off the GUI thread)."""

    documents: dict[str, Any]
    baseline_version: int | None = None
    changes: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (what, name, lines)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_ACTION_WORDS = {
    "added": ("Ny", "New"),
    "removed": ("Borttagen", "Removed"),
    "changed": ("Ändrad", "Changed"),
}


def _short(value: Any, lang: str) -> str:
    """A value in a line of the preview: text as it is, anything else as compact JSON."""
    if value is ABSENT:
        return "–"
    if isinstance(value, str):
        text = value
    elif isinstance(value, dict) and isinstance(value.get("sv"), str):
        text = str(value.get("en") if lang == "en" and value.get("en") else value["sv"])
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    text = str(text).replace("\n", " ")
    return text if len(text) <= 90 else text[:87] + "…"


def path_words(labeller: QObject, path: str) -> str:
    """ "/phones/0/number" → "Telefonnummer 1 › Nummer" (the editor's field names)."""
    from kompassen.gui.office.editor.fields import field_label

    words: list[str] = []
    for part in split_pointer(path):
        if part.isdigit() and words:
            words[-1] = f"{words[-1]} {int(part) + 1}"
        elif part in ("sv", "en") and words:
            words[-1] = f"{words[-1]} ({part})"
        else:
            words.append(field_label(labeller, part))
    return " › ".join(words) or QCoreApplication.translate("PublishPage", "hela posten")


def shipped_baseline(ctx: Any, area_id: str) -> dict[str, Any]:
    """Before the first release from this office the tablets run the pack shipped with the app
    (none: an area made here, so everything in it is new)."""
    from kompassen.catalogue.pack.validate import PackError, read_pack_dir
    from kompassen.catalogue.store.release import release_form

    folder = ctx.paths.bundled_areas_dir / area_id
    if not folder.is_dir():
        return {}
    try:
        return release_form(read_pack_dir(folder))
    except PackError:
        log.warning("the shipped pack of %s does not read; the preview lists all as new", area_id)
        return {}


def build_preview(ctx: Any, area_id: str, lang: str, labeller: QObject) -> Preview:
    """The saved area against the last release published from here, and its problems.

    Runs on the page's worker: reads catalogue.db (the saved area: unsaved editor edits are
    not published) and the office's copy of the last published release.
    """
    from kompassen.core.office_keys import is_placeholder_key

    session = EditSession.open(ctx, area_id, restore=False)
    version, base = session.baseline()
    docs = session.installed_documents()
    if version is None:
        base = shipped_baseline(ctx, area_id)
    diff = diff_docs(base, docs)
    en = lang == "en"
    out = Preview(documents=docs, baseline_version=version)
    for rc in diff.records:
        spec = KIND_BY_NAME[rc.kind]
        noun = spec.singular_en if en else spec.singular_sv
        what = f"{_ACTION_WORDS[rc.action][1 if en else 0]} {noun}"
        lines = [
            f"{path_words(labeller, f.path)}: {_short(f.old, lang)} → {_short(f.new, lang)}"
            for f in rc.fields
        ]
        out.changes.append((what, rc.name(lang), lines))
    for p in session.problems():
        where = p.record_id or getattr(p, "file", "")
        out.errors.append(f"{where}: {p.message(lang)}" if where else p.message(lang))
    area = docs.get("area.json") or {}
    signing = (area.get("public_keys") or {}).get("signing")
    if not isinstance(signing, str) or is_placeholder_key(area_id, "signing", signing):
        out.errors.append(
            QCoreApplication.translate(
                "PublishPage",
                "Området har ännu platshållarnycklar: skapa områdets nycklar först "
                "(Ny driftsättning…) och spara.",
            )
        )
    if version is None:
        out.warnings.append(
            QCoreApplication.translate(
                "PublishPage",
                "Inget släpp från det här kontoret finns sparat: ändringarna visas mot området "
                "som det levererades med appen, det surfplattorna har innan de fått ett släpp.",
            )
        )
    return out


class PublishPage(QWidget):
    """Preview → validation → sign and upload; and the tablets' releases."""

    published = Signal(int)
    #: after a publish: the guides the release holds, key → (title sv, title en) (the inbox
    #: marks the reports linked to them solved)
    published_guides = Signal(dict)

    def __init__(
        self,
        ctx: Any,
        session: Any,
        area_id: str,
        *,
        keeper: KeyKeeper | None = None,
        key_file: Path | None = None,
        synchronous: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.area_id = area_id
        self.session = session
        self.keeper = keeper or KeyKeeper(parent=self)
        self._key_file = key_file
        self._clock = ctx.clock
        self.preview: Preview | None = None
        self.status: Any = None
        self.passphrase_dialog: PassphraseDialog | None = None
        self.disk: Background[None] = Background(
            lambda: None, name="office-publish", synchronous=synchronous, parent=self
        )
        self._build()
        self.retranslate()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        top.addWidget(self.title, 1)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        self.publish_button = QPushButton(self)
        self.publish_button.setProperty("role", "primary")
        self.publish_button.setEnabled(False)
        self.publish_button.clicked.connect(self.publish)
        top.addWidget(self.publish_button)
        lay.addLayout(top)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.changes_label = QLabel(left)
        self.changes_label.setProperty("role", "section")
        ll.addWidget(self.changes_label)
        self.changes = QTreeWidget(left)
        self.changes.setHeaderHidden(True)
        self.changes.setWordWrap(True)
        ll.addWidget(self.changes, 3)
        self.problems_label = QLabel(left)
        self.problems_label.setProperty("role", "section")
        ll.addWidget(self.problems_label)
        self.problems = QLabel(left)
        self.problems.setWordWrap(True)
        self.problems.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ll.addWidget(self.problems, 1)
        right = QWidget(split)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.devices_label = QLabel(right)
        self.devices_label.setProperty("role", "section")
        rl.addWidget(self.devices_label)
        self.release_words = QLabel(right)
        self.release_words.setWordWrap(True)
        rl.addWidget(self.release_words)
        self.devices = QTableWidget(0, 3, right)
        self.devices.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.devices.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.devices.verticalHeader().hide()
        self.devices.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rl.addWidget(self.devices, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Publicera {area}").format(area=self.area_id))
        self.refresh_button.setText(self.tr("Uppdatera"))
        self.publish_button.setText(self.tr("Signera och publicera"))
        self.changes_label.setText(self.tr("Det här ändras för surfplattorna"))
        self.problems_label.setText(self.tr("Kontroll av hela området"))
        self.devices_label.setText(self.tr("Surfplattorna"))
        self.changes.setAccessibleName(self.tr("Det här ändras för surfplattorna"))
        self.devices.setAccessibleName(self.tr("Surfplattorna"))
        self.devices.setHorizontalHeaderLabels(
            [self.tr("Surfplatta"), self.tr("Släpp"), self.tr("Senast synkad")]
        )
        if self.preview is not None:
            self._show_preview(self.preview)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def lang(self) -> str:
        return _lang_of(self)

    # ------------------------------------------------------------------ preview

    def refresh(self) -> None:
        """Build the preview on the disk worker and ask the server about the tablets."""
        self.publish_button.setEnabled(False)
        self.message.setText(self.tr("Jämför med det senaste släppet…"))
        ctx, area, lang = self.ctx, self.area_id, self.lang()
        self.disk.submit(
            lambda _r: build_preview(ctx, area, lang, self),
            key="preview",
            done=self._show_preview,
            failed=self._failed,
        )
        self.refresh_devices()

    def _show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.changes.clear()
        for what, name, lines in preview.changes:
            top = QTreeWidgetItem(self.changes, [f"{what}: {name}"])
            for line in lines:
                QTreeWidgetItem(top, [line])
            top.setExpanded(True)
        if not preview.changes:
            QTreeWidgetItem(self.changes, [self.tr("Inget har ändrats sedan det senaste släppet.")])
        if preview.errors:
            text = self.tr(
                "%n fel måste rättas innan området kan publiceras:", "", len(preview.errors)
            )
            self.problems.setText("\n".join([text, *("• " + e for e in preview.errors)]))
            self.problems.setProperty("role", "warning")
        else:
            lines = [self.tr("Området är utan fel.")]
            lines += ["• " + w for w in preview.warnings]
            self.problems.setText("\n".join(lines))
            self.problems.setProperty("role", "")
        self.problems.style().unpolish(self.problems)
        self.problems.style().polish(self.problems)
        ready = not preview.errors and (bool(preview.changes) or preview.baseline_version is None)
        self.publish_button.setEnabled(ready)
        if preview.errors:
            self.message.setText(self.tr("Rätta felen först; sedan kan du publicera."))
        elif not ready:
            self.message.setText(self.tr("Det finns inget nytt att publicera."))
        else:
            self.message.setText(
                self.tr(
                    "%n poster ändras. Publicera: släppet signeras med områdets nyckel och "
                    "surfplattorna hämtar det vid nästa synkning.",
                    "",
                    len(preview.changes),
                )
            )

    # ------------------------------------------------------------------ tablets

    def refresh_devices(self) -> None:
        area = self.area_id
        self.session.call(
            lambda c: c.release_status(area),
            key="release-status",
            done=self._show_devices,
            failed=lambda err: self.release_words.setText(err.message(self.lang())),
        )

    def _show_devices(self, status: Any) -> None:
        self.status = status
        if status.latest_version:
            self.release_words.setText(
                self.tr(
                    "Senaste släppet är nummer {v} ({when}). {behind} av {n} surfplattor har inte hämtat det än."
                ).format(
                    v=status.latest_version,
                    when=when_words(status.published_at, self._clock.now()),
                    behind=len(status.behind),
                    n=len([d for d in status.devices if not d.revoked]),
                )
            )
        else:
            self.release_words.setText(self.tr("Området har inget släpp på servern än."))
        self.devices.setRowCount(len(status.devices))
        for i, d in enumerate(status.devices):
            release = (
                self.tr("spärrad")
                if d.revoked
                else str(d.catalogue_release)
                if d.catalogue_release
                else self.tr("paketet {v}").format(v=d.pack_version or "–")
            )
            synced = when_words(d.last_sync, self._clock.now(), never=self.tr("aldrig"))
            for col, text in enumerate((d.name or d.device_id, release, synced)):
                item = QTableWidgetItem(text)
                if (d.catalogue_release or 0) < status.latest_version and not d.revoked:
                    item.setToolTip(self.tr("Har inte hämtat det senaste släppet"))
                self.devices.setItem(i, col, item)

    # ------------------------------------------------------------------ publishing

    def publish(self) -> None:
        """Keys (asked for when not held) → sign and upload on the network worker."""
        if self.preview is None or self.preview.errors:
            return
        keys = self.keeper.keys()
        if keys is None:
            dialog = PassphraseDialog(
                self.disk,
                self.keeper.key_file or self._key_file,
                purpose=self.tr(
                    "Släppet signeras med områdets privata nyckel. Skriv nyckelfilens lösenfras "
                    "(den glöms efter en stunds overksamhet)."
                ),
                parent=self,
            )
            self.passphrase_dialog = dialog
            dialog.accepted.connect(lambda: self._opened_keys(dialog))
            dialog.open()  # window-modal, no nested event loop: the answer comes to _opened_keys
            return
        self._upload(keys)

    def _opened_keys(self, dialog: PassphraseDialog) -> None:
        self.passphrase_dialog = None
        if dialog.keys is None:
            return
        self.keeper.keep(dialog.keys, dialog.key_file())
        keys, dialog.keys = dialog.keys, None
        dialog.deleteLater()
        self._upload(keys)

    def _upload(self, keys: OfficeKeys) -> None:
        assert self.preview is not None
        docs, area, now = self.preview.documents, self.area_id, self._clock.now()
        self.publish_button.setEnabled(False)
        self.message.setText(self.tr("Signerar och skickar släppet…"))

        def done(version: int) -> None:
            data_dir = self.ctx.catalogue.path.parent
            self.disk.submit(lambda _r: remember_published(data_dir, area, version, docs))
            self.message.setText(
                self.tr(
                    "Släpp {v} är publicerat. Surfplattorna hämtar det vid nästa synkning."
                ).format(v=version)
            )
            self.published.emit(version)
            self.published_guides.emit(guide_titles(docs))
            self.refresh_devices()

        self.session.call(
            lambda c: c.publish(area, docs, keys, now),
            key="publish",
            done=done,
            failed=self._failed,
        )

    def _failed(self, err: KompassenError) -> None:
        self.message.setText(err.message(self.lang()))
        self.publish_button.setEnabled(self.preview is not None and not self.preview.errors)

    def close_workers(self) -> None:
        self.disk.close()
