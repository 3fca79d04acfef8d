"""The one SQLite layer (placeholder until it is built in this change)."""
