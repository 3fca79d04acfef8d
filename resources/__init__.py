"""``kompassen.resources``: translations (``.qm`` built from the ``.ts`` sources) and icons.

This folder stays at the top of the repository and is mapped into the package as package data
(pyproject.toml), so ``importlib.resources`` finds it the same way from source, from a wheel
and from a frozen bundle (``kompassen.device.paths.resources_dir``).
"""
