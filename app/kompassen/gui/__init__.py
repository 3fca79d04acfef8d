"""Kompassen gui package."""
