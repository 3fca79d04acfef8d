"""Kompassen sync package."""
