"""kompassen.gui.field.report_form."""
