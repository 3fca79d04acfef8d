"""Reusable widgets: flow layout, chips, compass arrow."""
