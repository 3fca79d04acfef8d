"""The Klara pack the fuzz tests start from, and a snapshot to prove "nothing changed"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kompassen.catalogue.pack.packdata import PACK_FILES
from kompassen.catalogue.store.loader import dump_area
from kompassen.catalogue.store.store import CatalogueStore

KLARA = Path(__file__).resolve().parents[2] / "data" / "areas" / "klara"
DOCS: dict[str, Any] = {
    name: json.loads((KLARA / name).read_text("utf-8"))
    for name in PACK_FILES
    if (KLARA / name).exists()
}


def snapshot(store: CatalogueStore, area_id: str = "klara") -> tuple[str, int]:
    """The installed area exactly, and how many installs there were."""
    docs = json.dumps(dump_area(store.conn, area_id).documents, sort_keys=True)
    return docs, store.conn.execute("SELECT count(*) FROM area_release").fetchone()[0]
