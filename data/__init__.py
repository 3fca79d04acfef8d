"""``kompassen.bundled``: the area packs shipped with the app (``areas/<id>/*.json``).

This folder stays at the top of the repository and is mapped into the package as package data
(pyproject.toml), so ``importlib.resources`` finds it the same way from source, from a wheel
and from a frozen bundle (``kompassen.device.paths.bundled_areas_dir``).
"""
