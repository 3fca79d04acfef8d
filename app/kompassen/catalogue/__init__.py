"""Kompassen catalogue package."""
