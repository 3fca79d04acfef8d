"""The office's catalogue editor (lists, schema-driven forms, undo/redo, drafts, save)."""

from kompassen.gui.office.editor.page import EDITABLE_KINDS, CatalogueEditorPage

__all__ = ["EDITABLE_KINDS", "CatalogueEditorPage"]
