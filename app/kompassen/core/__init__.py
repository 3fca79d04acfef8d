"""Kompassen core package."""
