"""kompassen.catalogue.hsds."""
