"""The last signed release of each area, kept outside catalogue.db so a rebuild brings it back.

catalogue.db is replaceable, but a release pulled from the server is not in the bundled packs:
without a copy elsewhere, a damaged catalogue rebuilt from the packs would silently go back
to the shipped content until the next sync (and a tablet may be offline for weeks). The copy
is the release in full form (documents, manifest, signature), so it is re-verified against
the area's signing key when it is installed again; a tampered copy is refused like a bad
download.

One file per area, ``<area>.<version>.json``: the version is in the name so a start can see,
from a directory listing alone, whether the catalogue is missing a release (the file itself,
megabytes at 10k services, is read only then).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kompassen.device.files import load_json_limited, write_atomic

log = logging.getLogger(__name__)

# area ids are pack keys (pack_schema.json "key"): no dots, so the name splits unambiguously
_NAME = re.compile(r"^([a-z0-9][a-z0-9-]{0,62})\.([0-9]{1,12})\.json$")
MAX_BYTES = 512 * 1024 * 1024  # a release of 100k services is ~200 MB of JSON


@dataclass(frozen=True, slots=True)
class KeptRelease:
    area_id: str
    version: int
    path: Path

    def load(self) -> Any:
        """The release response as it was applied (a TextFileError when the copy is damaged)."""
        return load_json_limited(self.path, MAX_BYTES)


def kept(folder: Path) -> dict[str, KeptRelease]:
    """The newest kept release of each area (by file name; nothing is read)."""
    out: dict[str, KeptRelease] = {}
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return out  # no folder yet (or unreadable): nothing kept
    for name in names:
        m = _NAME.match(name)
        if m is None:
            continue
        rel = KeptRelease(m[1], int(m[2]), folder / name)
        if rel.area_id not in out or rel.version > out[rel.area_id].version:
            out[rel.area_id] = rel
    return out


def keep(
    folder: Path,
    area_id: str,
    version: int,
    manifest: dict[str, Any],
    signature: Any,
    documents: dict[str, Any],
) -> Path | None:
    """Write the release in full form (fsynced, atomic) and drop older copies of the area.

    Returns None when it could not be written (a full disk): the catalogue has the release
    already, so that is logged, not raised; the next sync or a later apply writes it again.
    """
    if _NAME.match(f"{area_id}.{version}.json") is None:
        log.warning("release %r/%r not kept: not a valid area id or version", area_id, version)
        return None
    path = folder / f"{area_id}.{version}.json"
    body = {
        "area_id": area_id,
        "version": version,
        "kind": "full",
        "base_version": None,
        "manifest": manifest,
        "signature": signature,
        "documents": documents,
    }
    try:
        write_atomic(path, json.dumps(body, ensure_ascii=False).encode("utf-8"))
    except OSError as exc:
        log.warning("release %s v%d could not be kept in %s: %s", area_id, version, folder, exc)
        return None
    for name in [p.name for p in folder.iterdir()]:
        m = _NAME.match(name)
        if m is not None and m[1] == area_id and int(m[2]) != version:
            try:
                (folder / name).unlink()
            except OSError as exc:  # an old copy left over costs only space
                log.warning("old kept release %s not removed: %s", name, exc)
    return path


def forget(rel: KeptRelease) -> None:
    """Move a copy that no longer checks out aside (``.bad``), so it is not tried every start."""
    try:
        rel.path.replace(rel.path.with_name(rel.path.name + ".bad"))
    except OSError as exc:
        log.warning("kept release %s could not be set aside: %s", rel.path, exc)
