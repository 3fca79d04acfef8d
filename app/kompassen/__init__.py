"""Kompassen: who can I hand this person over to — offline, on a tablet."""

__version__ = "0.1.0"
