"""Checks of an installed area's facts (the freshness worklist, ``kompassen data-check``)."""
