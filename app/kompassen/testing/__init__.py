"""kompassen.testing."""
