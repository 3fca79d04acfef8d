"""A new area made from an HSDS import (``import-hsds PATH --new-area ID --name "…"``).

Why: a coordinator who wants Kompassen for a new district starts from a catalogue that exists
elsewhere. The import builds the area around it: metadata, one default landmark at the centre
of the data, the data's own taxonomy terms kept as the area's terms (where no base term maps),
and placeholder office keys the coordinator replaces (``kompassen office keys generate``)
before the first release or report. Until then nobody holds the private half of either key:
no release can be signed for the area and a report sealed to it can be opened by no one.
"""

from __future__ import annotations

import re
from datetime import date
from statistics import median
from typing import Any

from kompassen.catalogue.hsds.mapping import HsdsError, HsdsProblem
from kompassen.catalogue.pack.packdata import FORMAT_VERSION, PackData
from kompassen.core.office_keys import placeholder_key

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
LANDMARK_KEY = "centrum"
DEFAULT_COLOUR = "#2b6f8f"
KEYS_NOTE = (
    "PLATSHÅLLARE, inga kontorsnycklar ännu: kör `kompassen office keys generate` och klistra in "
    "de publika nycklarna här / PLACEHOLDER, no office keys yet: run `kompassen office keys "
    "generate` and paste the public keys here"
)


class NewAreaError(HsdsError):
    """The new area cannot be made (bad id or name, already installed, no coordinates)."""

    def __init__(self, sv: str, en: str, fld: str | None = None) -> None:
        super().__init__([HsdsProblem("--new-area", None, fld, sv, en)])


def is_placeholder(area: dict[str, Any]) -> bool:
    """Whether an area.json still has the placeholder office keys of a new import."""
    keys = area.get("public_keys") or {}
    aid = str(area.get("id", ""))
    return keys.get("signing") == placeholder_key(aid, "signing")


def check_new_area(area_id: str, name: str) -> None:
    if not _ID.match(area_id):
        raise NewAreaError(
            f"”{area_id}” duger inte som områdes-id (små bokstäver a–z, siffror och -).",
            f"'{area_id}' is no good as an area id (lower-case a–z, digits and -).",
            "id",
        )
    if not name.strip():
        raise NewAreaError("Ange områdets namn med --name.", "Give the area's name with --name.")


def skeleton(area_id: str, name: str, today: date) -> PackData:
    """The documents of a new, empty area: what the import keeps of an "old" area."""
    name = name.strip()
    area = {
        "format_version": FORMAT_VERSION,
        "id": area_id,
        "name": name,
        "title": name,
        "description": {
            "sv": f"Området {name}, importerat från HSDS.",
            "en": f"The area {name}, imported from HSDS.",
        },
        "colour": DEFAULT_COLOUR,
        "version": today.strftime("%Y.%m.%d"),
        "center": {"lat": 0.0, "lon": 0.0},  # set from the data by ``place``
        "default_landmark": LANDMARK_KEY,
        "public_keys": {
            "sealing": placeholder_key(area_id, "sealing"),
            "signing": placeholder_key(area_id, "signing"),
            "note": KEYS_NOTE,
        },
    }
    landmark = {
        "key": LANDMARK_KEY,
        "name": f"{name}, mitten",
        "kind": "area-centre",
        "lat": 0.0,
        "lon": 0.0,
        "approximate": True,
        "source": "HSDS-import: medianen av platsernas koordinater",
    }
    return PackData(
        {
            "area.json": area,
            "services.json": {
                "format_version": FORMAT_VERSION,
                "organizations": [],
                "locations": [],
                "services": [],
            },
            "landmarks.json": {"format_version": FORMAT_VERSION, "landmarks": [landmark]},
            "taxonomy.json": {"format_version": FORMAT_VERSION, "groups": [], "needs": []},
            "guides.json": {"format_version": FORMAT_VERSION, "guides": []},
            "notices.json": {"format_version": FORMAT_VERSION, "notices": []},
        },
        origin="hsds-import",
    )


def place(pack: PackData) -> tuple[float, float]:
    """Put the area's centre and default landmark at the median of the located places."""
    locs = pack.doc("services.json")["locations"]
    points = [(loc["lat"], loc["lon"]) for loc in locs if loc.get("lat") is not None]
    if not points:
        raise NewAreaError(
            "Ingen plats i datat har koordinater; områdets mitt går inte att bestämma.",
            "No location in the data has coordinates; the area's centre cannot be found.",
        )
    lat = round(median(p[0] for p in points), 6)
    lon = round(median(p[1] for p in points), 6)
    pack.doc("area.json")["center"] = {"lat": lat, "lon": lon}
    for lm in pack.doc("landmarks.json")["landmarks"]:
        if lm["key"] == LANDMARK_KEY:
            lm["lat"], lm["lon"] = lat, lon
    return lat, lon
