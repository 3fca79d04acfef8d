"""The field GUI: the tablet a patrol carries (search, detail, locations, guides, settings)."""
