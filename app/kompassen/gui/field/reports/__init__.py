"""kompassen.gui.field.reports."""
