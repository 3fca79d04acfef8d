"""Kompassen server package."""
