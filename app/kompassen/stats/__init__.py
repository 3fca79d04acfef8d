"""Kompassen stats package."""
