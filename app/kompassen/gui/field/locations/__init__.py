"""kompassen.gui.field.locations."""
