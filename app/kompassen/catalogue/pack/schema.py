"""The JSON files shipped inside the package: the pack schema and the base taxonomy.

Why one module: validation, release forms and the HSDS mapping all read them; loaded once
(cached) through ``importlib.resources`` so they work from a wheel or a zip as well.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def _package_json(name: str) -> Any:
    return json.loads(resources.files("kompassen.catalogue.pack").joinpath(name).read_text("utf-8"))


@cache
def pack_schema() -> dict[str, Any]:
    """JSON Schema of the pack files: ``files`` (one schema per file name) and ``$defs``."""
    schema: dict[str, Any] = _package_json("pack_schema.json")
    return schema


@cache
def base_taxonomy() -> dict[str, Any]:
    """The product's base vocabulary (shared/data/taxonomy.json, shipped in the package)."""
    taxonomy: dict[str, Any] = _package_json("base_taxonomy.json")
    return taxonomy
