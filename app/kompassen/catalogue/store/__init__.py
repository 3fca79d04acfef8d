"""kompassen.catalogue.store."""
