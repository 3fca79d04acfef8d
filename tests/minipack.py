"""A small, entirely fictional area pack for tests (no real services, people or numbers)."""

from __future__ import annotations

import copy
from typing import Any

from kompassen.catalogue.pack.packdata import PackData

DEV_SEALING = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="
DEV_SIGNING = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI="

_DOCS: dict[str, Any] = {
    "area.json": {
        "format_version": 1,
        "id": "testby",
        "name": "Testkompassen",
        "title": "Testby centrum (påhittat område)",
        "description": {"sv": "Fiktivt område för tester.", "en": "Fictional test area."},
        "colour": "#225588",
        "version": "2026.01.01",
        "center": {"lat": 59.0, "lon": 18.0},
        "default_landmark": "torget",
        "public_keys": {"sealing": DEV_SEALING, "signing": DEV_SIGNING, "note": "test keys"},
    },
    "services.json": {
        "format_version": 1,
        "organizations": [
            {
                "key": "testforeningen",
                "name": "Testföreningen",
                "sources": ["fiktiv källa"],
                "verified_at": "2025-06-01",
            }
        ],
        "locations": [
            {
                "key": "huset",
                "name": "Testhuset",
                "address": {"street": "Påhittgatan 1", "postal_code": "000 00", "city": "Testby"},
                "lat": 59.001,
                "lon": 18.001,
                "coords_approximate": False,
                "landmark": "torget",
            }
        ],
        "services": [
            {
                "key": "nattharbarge",
                "organization": "testforeningen",
                "name": "Testhärbärget",
                "description": {"sv": "Sovplats för natten.", "en": "A bed for the night."},
                "status": "active",
                "locations": ["huset"],
                "groups": ["group.adult"],
                "needs": ["need.shelter-tonight", "need.hygiene"],
                "phones": [{"number": "000-000 00 00", "kind": "switchboard", "to_verify": True}],
                "hours": {
                    "weekly": [
                        {
                            "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                            "opens": "21:00",
                            "closes": "08:00",
                        }
                    ],
                    "holidays": "as-sunday",
                    "exceptions": [{"date": "2026-12-24", "opens": "18:00", "closes": "10:00"}],
                    "note": "Fiktiva tider",
                },
                "handover": {
                    "modes": ["handover.walk-in"],
                    "instructions": {"sv": "Gå dit med personen."},
                    "age_min": 18,
                    "intoxicated_ok": False,
                    "no_papers_ok": None,
                },
                "sources": ["fiktiv källa"],
                "verified_at": "2025",
            },
            {
                "key": "stodlinjen",
                "organization": "testforeningen",
                "name": "Teststödlinjen",
                "description": {"sv": "Någon att prata med."},
                "status": "active",
                "mobile": True,
                "groups": ["group.youth", "testby.group.nattvandrare"],
                "needs": ["need.someone-to-talk-to"],
                "hours": {"always_open": True},
                "handover": {"modes": ["handover.phone-only"]},
                "sources": ["fiktiv källa"],
                "verified_at": "unknown",
            },
        ],
    },
    "landmarks.json": {
        "format_version": 1,
        "landmarks": [
            {
                "key": "torget",
                "name": "Testtorget",
                "aliases": ["Torget"],
                "lat": 59.0,
                "lon": 18.0,
            },
            {
                "key": "stationen",
                "name": "Teststationen",
                "lat": 59.003,
                "lon": 18.0,
                "approximate": False,
                "source": "fiktiv",
            },
        ],
    },
    "guides.json": {
        "format_version": 1,
        "guides": [
            {
                "key": "sova-i-natt",
                "title": {"sv": "Någon behöver sova i natt"},
                "problem": {"sv": "Vuxen utan sovplats"},
                "groups": ["group.adult"],
                "needs": ["need.shelter-tonight"],
                "steps": [
                    {
                        "text": {"sv": "Dagtid: ring stödlinjen."},
                        "services": ["stodlinjen"],
                        "when": {
                            "days": ["mon", "tue", "wed", "thu", "fri"],
                            "from": "08:00",
                            "to": "16:30",
                        },
                    },
                    {
                        "text": {"sv": "Kväll och natt: härbärget."},
                        "services": ["nattharbarge"],
                        "when": {"from": "16:30", "to": "08:00"},
                    },
                ],
                "sources": ["fiktiv källa"],
                "verified_at": "2025",
            }
        ],
    },
    "taxonomy.json": {
        "format_version": 1,
        "groups": [
            {"code": "testby.group.nattvandrare", "sv": "Nattvandrare", "en": "Night walker"}
        ],
        "needs": [],
    },
    "notices.json": {
        "format_version": 1,
        "notices": [
            {
                "key": "fullt",
                "service": "nattharbarge",
                "text": {"sv": "Fullt i natt"},
                "starts": "2026-01-01",
                "expires": "2026-01-02",
            }
        ],
    },
}


def mini_documents() -> dict[str, Any]:
    """A fresh deep copy, so tests can break it freely."""
    return copy.deepcopy(_DOCS)


def mini_pack() -> PackData:
    return PackData(mini_documents())
