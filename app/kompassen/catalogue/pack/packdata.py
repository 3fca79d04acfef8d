"""The in-memory form of an area pack: one parsed JSON document per pack file.

Packs reach the catalogue from three places — a folder on disk, an HSDS import and (later) a
signed release — and all of them go through the same validation and the same loader.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REQUIRED_FILES = ("area.json", "services.json", "landmarks.json")
OPTIONAL_FILES = ("guides.json", "taxonomy.json", "notices.json")
PACK_FILES = REQUIRED_FILES + OPTIONAL_FILES
FORMAT_VERSION = 1

_LIST_OF = {
    "guides.json": "guides",
    "notices.json": "notices",
}


@dataclass
class PackData:
    """Parsed pack documents keyed by file name, plus the raw text to point at lines."""

    documents: dict[str, Any]
    texts: dict[str, str] = field(default_factory=dict)
    origin: str = "bundled"

    @property
    def area(self) -> dict[str, Any]:
        return self.documents["area.json"]

    @property
    def area_id(self) -> str:
        """The area's id, or "" while area.json is missing or broken (for messages)."""
        area = self.documents.get("area.json")
        area_id = area.get("id") if isinstance(area, dict) else None
        return area_id if isinstance(area_id, str) else ""

    def doc(self, name: str) -> dict[str, Any]:
        """A document, or the empty form of an optional file that is absent."""
        if name in self.documents:
            return self.documents[name]
        if name == "taxonomy.json":
            return {"format_version": FORMAT_VERSION, "groups": [], "needs": []}
        if name in _LIST_OF:
            return {"format_version": FORMAT_VERSION, _LIST_OF[name]: []}
        raise KeyError(name)

    def write(self, folder: Path) -> None:
        """Write the pack as a human-editable folder (pretty JSON, UTF-8)."""
        folder.mkdir(parents=True, exist_ok=True)
        for name, doc in self.documents.items():
            text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
            (folder / name).write_text(text, encoding="utf-8")


def dumps_canonical(doc: Any) -> str:
    """Stable text for comparing documents in tests and round trips."""
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1)


_TRUE_DEFAULTS = {"coords_approximate", "approximate"}
_NORMAL_DEFAULTS = {"holidays", "holiday_eves"}


def canonical(doc: Any) -> Any:
    """A document without values that mean the same as leaving them out.

    ``null``, ``false``, ``""`` and ``[]`` are the defaults of every optional field, as are
    ``approximate: true`` and ``holidays: "normal"``; dropping them lets two packs be compared
    by meaning (pack → catalogue → pack, HSDS export → import).
    """
    if isinstance(doc, dict):
        out = {}
        for k, v in doc.items():
            v = canonical(v)
            if v is None or v is False or v == "" or v == [] or v == {}:
                continue
            if (k in _TRUE_DEFAULTS and v is True) or (k in _NORMAL_DEFAULTS and v == "normal"):
                continue
            out[k] = v
        return out
    if isinstance(doc, list):
        return [canonical(v) for v in doc]
    return doc


def canonical_documents(pack: PackData) -> dict[str, Any]:
    """Every pack file (absent optional ones as their empty form), canonicalised."""
    return {name: canonical(pack.doc(name)) for name in PACK_FILES}
