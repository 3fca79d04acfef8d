"""kompassen.gui.field.search."""
