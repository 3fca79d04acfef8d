"""kompassen.gui.workers."""
