"""Search quality: realistic field queries on the shipped packs, with expectations from the data."""
