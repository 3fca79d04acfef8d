"""kompassen.cli."""
