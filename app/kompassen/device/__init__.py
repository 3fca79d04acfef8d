"""kompassen.device."""
