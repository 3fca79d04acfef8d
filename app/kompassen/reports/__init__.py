"""Kompassen reports package."""
