"""kompassen.catalogue.search."""
