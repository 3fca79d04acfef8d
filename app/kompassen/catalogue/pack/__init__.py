"""kompassen.catalogue.pack."""
