"""A synthetic area pack of any size, for tests and benchmarks.

Real catalogues are small and hand-made; search, list models and installs must also hold up
at 10k or 100k services. This builds a realistic-looking but clearly fictional pack
(area "SYNTETISK TESTDATA", "Syntetgatan" addresses, "000-" phone numbers) deterministically
from a seed. It lives in memory or in temp folders only and must never be shipped in
data/areas.

    python -m kompassen.testing.synthetic 10000 OUTDIR [--seed N]
"""

from __future__ import annotations

import argparse
import base64
import gc
import hashlib
import random
import sys
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date
from itertools import accumulate
from math import gcd
from pathlib import Path
from typing import Any, TypeVar

from kompassen.catalogue.pack.packdata import FORMAT_VERSION, PackData

ORIGIN = "synthetic"
DATA_NOTE = "Syntetisk testdata – inte en riktig tjänst"
AREA_NAME = "SYNTETISK TESTDATA"
AREA_TITLE = "Syntetiskt område – inte riktiga tjänster"

CENTER_LAT = 59.33
CENTER_LON = 18.06
SPREAD = 0.02  # degrees either side of the centre

Json = dict[str, Any]
_T = TypeVar("_T")
Hours = Json | None

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
ALL_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# ------------------------------------------------------------------------- word lists
# Everything below is computed once at import, so the per-service loop only draws numbers.

_DISTRICTS = (
    "Norr",
    "Syd",
    "Öst",
    "Väst",
    "Centrum",
    "Hamnen",
    "Parken",
    "Torget",
    "Bron",
    "Backen",
    "Gläntan",
    "Udden",
)

# (name stem, weight, primary needs, typical groups, Swedish lead, English lead)
_ARCHETYPES: tuple[tuple[str, int, tuple[str, ...], tuple[str, ...], str, str], ...] = (
    (
        "Härbärge",
        10,
        ("need.shelter-tonight", "need.hygiene"),
        ("group.adult",),
        "Härbärge med sovplats för natten.",
        "Night shelter with a bed for the night.",
    ),
    (
        "Nattkaféet",
        8,
        ("need.shelter-tonight", "need.food"),
        ("group.adult", "group.eu-citizen"),
        "Nattkafé med värme och mat.",
        "Night café with warmth and food.",
    ),
    (
        "Ungdomsmottagning",
        7,
        ("need.healthcare", "need.someone-to-talk-to"),
        ("group.youth", "group.young-adult"),
        "Ungdomsmottagning för unga.",
        "Youth clinic for young people.",
    ),
    (
        "Soppköket",
        8,
        ("need.food",),
        ("group.adult", "group.eu-citizen"),
        "Soppkök med varm mat.",
        "Soup kitchen serving hot food.",
    ),
    (
        "Kvinnojouren",
        5,
        ("need.domestic-violence", "need.protected-housing"),
        ("group.female",),
        "Kvinnojour med skyddat boende.",
        "Women's shelter with protected housing.",
    ),
    (
        "Sprutbytet",
        3,
        ("need.harm-reduction", "need.substance-use"),
        ("group.adult",),
        "Sprutbyte och naloxon.",
        "Needle exchange and naloxone.",
    ),
    (
        "Stödlinjen",
        6,
        ("need.someone-to-talk-to", "need.suicide-risk"),
        ("group.adult", "group.young-adult"),
        "Stödlinje för den som behöver samtal.",
        "Helpline for a conversation.",
    ),
    (
        "Dagverksamheten",
        7,
        ("need.food", "need.hygiene", "need.clothes"),
        ("group.adult",),
        "Dagverksamhet med dusch och tvätt.",
        "Day centre with showers and laundry.",
    ),
    (
        "Socialjouren",
        2,
        ("need.social-emergency",),
        ("group.adult", "group.family", "group.youth"),
        "Socialjour för akuta situationer.",
        "Social emergency service.",
    ),
    (
        "Rådgivningen",
        4,
        ("need.legal-advice", "need.migration-advice"),
        ("group.undocumented", "group.eu-citizen"),
        "Rådgivning om juridik och migration.",
        "Advice on law and migration.",
    ),
    (
        "Psykiatriakuten",
        2,
        ("need.mental-health", "need.emergency-medical"),
        ("group.adult",),
        "Akut psykiatri utan tidsbokning.",
        "Emergency psychiatry without appointment.",
    ),
    (
        "Fältgruppen",
        4,
        ("need.youth-at-risk",),
        ("group.youth",),
        "Fältgrupp som möter ungdomar ute.",
        "Outreach team meeting young people.",
    ),
    (
        "Klädbanken",
        3,
        ("need.clothes",),
        ("group.adult", "group.family"),
        "Klädbank med kläder och skor.",
        "Clothes bank with clothes and shoes.",
    ),
    (
        "Vårdmottagningen",
        3,
        ("need.healthcare",),
        ("group.undocumented", "group.eu-citizen"),
        "Vård för papperslösa och EU-medborgare.",
        "Care for undocumented people and EU citizens.",
    ),
    (
        "Regnbågsstödet",
        1,
        ("need.lgbtq-support", "need.someone-to-talk-to"),
        ("group.lgbtq",),
        "Stöd och samtal för hbtqi-personer.",
        "Support and conversation for LGBTQI people.",
    ),
    (
        "Mottagningen",
        4,
        ("need.substance-use", "need.healthcare"),
        ("group.adult",),
        "Mottagning för missbruk och beroende.",
        "Clinic for substance use and addiction.",
    ),
)

# Every phrase has at most 8 words, so a description stops between 15 and 40 words.
_PHRASES_SV = (
    "Vi erbjuder sovplats och dusch.",
    "Enkel mat serveras varje kväll.",
    "Du kan komma utan att boka tid.",
    "Samtal med personal som har tystnadsplikt.",
    "Hemlösa vuxna är välkomna.",
    "EU-medborgare och papperslösa kan också få hjälp.",
    "Jour på natten när annat är stängt.",
    "Stöd vid missbruk och beroende.",
    "Sprutbyte finns på plats.",
    "Akut stöd till den som far illa.",
    "Kontakt med psykiatri kan förmedlas.",
    "Kvinnojour och skyddat boende vid behov.",
    "Ungdom upp till tjugo år tas emot.",
    "Soppkök med frukost och lunch.",
    "Tvätt och kläder i mån av tillgång.",
    "Personalen talar flera språk.",
    "Ta med legitimation om du har.",
    "Hundar får följa med.",
    "Begränsat antal platser varje natt.",
    "Samtal sker anonymt om du vill.",
    "Vi hjälper till vidare till socialtjänsten.",
    "Ring gärna innan du kommer.",
    "Kaffe och smörgås hela dagen.",
    "Vi har ingen tidsbokning.",
)
_PHRASES_EN = (
    "Beds and showers are available.",
    "A simple meal is served every evening.",
    "No appointment is needed.",
    "Staff are bound by confidentiality.",
    "Homeless adults are welcome.",
    "EU citizens and undocumented people can get help.",
    "Open at night when others are closed.",
    "Support for substance use and addiction.",
    "Needle exchange on site.",
    "Contact with psychiatry can be arranged.",
    "Call before you come if you can.",
    "A limited number of places every night.",
)

_LANDMARK_NAMES = (
    "Syntetiska torget",
    "Påhittade stationen",
    "Testparken",
    "Låtsasbron",
    "Fiktiva kyrkan",
    "Exempelhallen",
    "Syntetiska biblioteket",
    "Testplatsen",
    "Påhittade fontänen",
    "Låtsashamnen",
)
_LANDMARK_KINDS = ("square", "station", "park", "bridge", "church", "building")

_STREETS = (
    "Syntetgatan",
    "Påhittvägen",
    "Låtsasgränd",
    "Testallén",
    "Fiktivgatan",
    "Exempelstigen",
    "Syntetbacken",
    "Testkajen",
)
_ORG_FORMS = ("Föreningen", "Stiftelsen", "Syntetiska", "Testkommunens", "Nätverket")
_ORG_NAMES = ("Nattljus", "Vägvisaren", "Testhjärtat", "Fyren", "Bryggan", "Ankaret", "Hamnen")

# Needs beyond the archetype's own: weighted so a few are common and some rare.
_EXTRA_NEEDS = (
    ("need.someone-to-talk-to", 30),
    ("need.food", 25),
    ("need.hygiene", 20),
    ("need.shelter-tonight", 15),
    ("need.mental-health", 12),
    ("need.substance-use", 12),
    ("need.clothes", 10),
    ("need.intoxicated", 8),
    ("need.healthcare", 8),
    ("need.social-emergency", 6),
    ("need.housing", 6),
    ("need.violence-victim", 5),
    ("need.money-and-work", 4),
    ("need.language-help", 4),
    ("need.youth-at-risk", 3),
    ("need.legal-advice", 3),
    ("need.migration-advice", 3),
    ("need.harm-reduction", 2),
    ("need.report-crime", 2),
    ("need.confused-or-lost", 1),
    ("need.sexual-exploitation", 1),
    ("need.human-trafficking", 1),
)
_EXTRA_GROUPS = (
    ("group.adult", 30),
    ("group.young-adult", 12),
    ("group.eu-citizen", 10),
    ("group.male", 8),
    ("group.female", 8),
    ("group.undocumented", 6),
    ("group.family", 5),
    ("group.youth", 5),
    ("group.older", 4),
    ("group.lgbtq", 3),
    ("group.child", 1),
    ("group.tourist", 1),
)
_HANDOVER_MODES = (
    ("handover.walk-in", 40),
    ("handover.call-first", 25),
    ("handover.accompany", 10),
    ("handover.referral", 8),
    ("handover.they-come", 6),
    ("handover.phone-only", 6),
)
_LANGUAGES = ("sv", "en", "ar", "so", "ro", "pl", "fa", "ti")

_ARCH_CUM = list(accumulate(a[1] for a in _ARCHETYPES))
_NEED_CODES = [c for c, _ in _EXTRA_NEEDS]
_NEED_CUM = list(accumulate(w for _, w in _EXTRA_NEEDS))
_GROUP_CODES = [c for c, _ in _EXTRA_GROUPS]
_GROUP_CUM = list(accumulate(w for _, w in _EXTRA_GROUPS))
_MODE_CODES = [c for c, _ in _HANDOVER_MODES]
_MODE_CUM = list(accumulate(w for _, w in _HANDOVER_MODES))
_PHRASE_SV_WORDS = [len(p.split()) for p in _PHRASES_SV]
_ARCH_LEAD_WORDS = [len(a[4].split()) for a in _ARCHETYPES]
# Strides coprime with the phrase count: stepping by one visits every phrase before repeating.
_STRIDES = [k for k in range(1, len(_PHRASES_SV)) if gcd(k, len(_PHRASES_SV)) == 1]
_STRIDES_EN = [k for k in range(1, len(_PHRASES_EN)) if gcd(k, len(_PHRASES_EN)) == 1]

_VERIFIED_FROM = date(2019, 1, 1).toordinal()
_VERIFIED_TO = date(2026, 12, 31).toordinal()


# ------------------------------------------------------------------------- randomness


class _Rand(random.Random):
    """random.Random plus one-frame draws: randrange/choices cost ~5x more per call at 100k."""

    def below(self, n: int) -> int:
        return int(self.random() * n)

    def between(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def pick(self, seq: Sequence[_T]) -> _T:
        return seq[int(self.random() * len(seq))]

    def weighted(self, seq: Sequence[_T], cum: Sequence[int]) -> _T:
        return seq[bisect_right(cum, self.random() * cum[-1])]


# ----------------------------------------------------------------------------- hours


def _always(rng: _Rand) -> Hours:
    return {"always_open": True}


def _overnight(rng: _Rand) -> Hours:
    opens, closes = rng.pick((("21:00", "08:00"), ("22:00", "07:00"), ("20:00", "09:00")))
    days = ALL_DAYS if rng.random() < 0.7 else WEEKDAYS
    return {"weekly": [{"days": list(days), "opens": opens, "closes": closes}]}


def _office(rng: _Rand) -> Hours:
    opens, closes = rng.pick((("08:00", "16:30"), ("09:00", "17:00"), ("08:30", "16:00")))
    weekly = [{"days": list(WEEKDAYS), "opens": opens, "closes": closes}]
    if rng.random() < 0.3:  # short Fridays
        weekly = [
            {"days": ["mon", "tue", "wed", "thu"], "opens": opens, "closes": closes},
            {"days": ["fri"], "opens": opens, "closes": "15:00"},
        ]
    return {"weekly": weekly}


def _evening(rng: _Rand) -> Hours:
    opens, closes = rng.pick((("17:00", "22:00"), ("18:00", "23:00"), ("19:00", "24:00")))
    days = rng.pick((list(ALL_DAYS), ["thu", "fri", "sat"], ["mon", "wed", "fri"]))
    return {"weekly": [{"days": days, "opens": opens, "closes": closes}]}


def _split(rng: _Rand) -> Hours:
    days = rng.pick((list(WEEKDAYS), list(ALL_DAYS), ["tue", "thu"]))
    return {
        "weekly": [
            {"days": days, "opens": "10:00", "closes": "13:00"},
            {"days": list(days), "opens": "17:00", "closes": "21:00"},
        ]
    }


def _weekend(rng: _Rand) -> Hours:
    opens, closes = rng.pick((("11:00", "16:00"), ("10:00", "14:00"), ("12:00", "18:00")))
    return {"weekly": [{"days": ["sat", "sun"], "opens": opens, "closes": closes}]}


def _unknown(rng: _Rand) -> Hours:
    return None


# (maker, weight in percent)
_HOURS_MAKERS: tuple[tuple[Callable[[_Rand], Hours], int], ...] = (
    (_always, 10),
    (_overnight, 15),
    (_office, 30),
    (_evening, 12),
    (_split, 10),
    (_weekend, 13),
    (_unknown, 10),
)
_HOURS_FNS = [f for f, _ in _HOURS_MAKERS]
_HOURS_CUM = list(accumulate(w for _, w in _HOURS_MAKERS))

_EXCEPTIONS: tuple[Json, ...] = (
    {"date": "2026-12-24", "opens": "10:00", "closes": "14:00", "note": "Julafton"},
    {"date": "2026-12-31", "closed": True, "note": "Nyårsafton"},
    {"date": "2026-06-19", "closed": True},
    {"date": "2027-01-06", "opens": "12:00", "closes": "16:00"},
)


def _hours(rng: _Rand) -> Hours:
    hours = rng.weighted(_HOURS_FNS, _HOURS_CUM)(rng)
    if hours is None or hours.get("always_open"):
        return hours
    r = rng.random()
    if r < 0.15:
        hours["holidays"] = "closed"
    elif r < 0.30:
        hours["holidays"] = "as-sunday"
    if rng.random() < 0.1:
        hours["holiday_eves"] = rng.pick(("closed", "as-saturday"))
    if rng.random() < 0.04:
        hours["exceptions"] = [dict(e) for e in rng.sample(_EXCEPTIONS, rng.between(1, 2))]
    if rng.random() < 0.05:
        hours["note"] = "Syntetiska tider, kan avvika."
    return hours


# --------------------------------------------------------------------------- helpers


def _keys(seed: int) -> tuple[str, str]:
    """Two valid-looking 32-byte base64 keys that are obviously not anyone's real keys."""

    def key(purpose: str) -> str:
        digest = hashlib.sha256(f"kompassen-synthetic-{purpose}-{seed}".encode()).digest()
        return base64.b64encode(digest).decode("ascii")

    return key("sealing"), key("signing")


def _pick(rng: _Rand, codes: Sequence[str], cum: Sequence[int], k: int) -> list[str]:
    return [rng.weighted(codes, cum) for _ in range(k)]


def _verified(rng: _Rand) -> str:
    if rng.random() < 0.05:
        return "unknown"
    return date.fromordinal(rng.between(_VERIFIED_FROM, _VERIFIED_TO)).isoformat()


def _phone(rng: _Rand) -> str:
    """Always "000-…": no Swedish area code starts with 000, so it can never be dialled."""
    return f"000-{rng.between(0, 999):03d} {rng.between(0, 99):02d} {rng.between(0, 99):02d}"


def _coord(rng: _Rand, around: float, centre: float, jitter: float) -> float:
    value = around + rng.uniform(-jitter, jitter)
    return round(min(centre + SPREAD, max(centre - SPREAD, value)), 6)


# -------------------------------------------------------------------------- the pack


def generate_pack(n_services: int, *, seed: int = 0, area_id: str | None = None) -> PackData:
    """A valid, fictional pack with exactly ``n_services`` services, the same for a seed."""
    if n_services < 1:
        raise ValueError("n_services must be at least 1")
    # Millions of fresh acyclic dicts make the cyclic GC rescan everything again and again
    # (~25% of the time at 100k); nothing here can form a cycle, so pause it meanwhile.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _generate(n_services, seed, area_id)
    finally:
        if was_enabled:
            gc.enable()


def _generate(n_services: int, seed: int, area_id: str | None) -> PackData:
    rng = _Rand(seed)
    aid = area_id or f"synthetic-{n_services}"
    source = [f"synthetic: kompassen generator seed={seed}"]
    own_need = f"{aid}.need.testbehov"
    own_group = f"{aid}.group.testgrupp"

    landmarks = _landmarks(rng)
    lm_keys = [lm["key"] for lm in landmarks]
    lm_pos = [(lm["lat"], lm["lon"]) for lm in landmarks]

    orgs: list[Json] = []
    for i in range(max(1, n_services // 5)):
        org: Json = {
            "key": f"org-{i}",
            "name": f"{rng.pick(_ORG_FORMS)} {rng.pick(_ORG_NAMES)} {i}",
            "sources": list(source),
            "verified_at": _verified(rng),
        }
        if rng.random() < 0.3:
            org["description"] = {"sv": "Påhittad organisation för testdata."}
        orgs.append(org)

    locations: list[Json] = []
    for i in range(max(1, n_services // 2)):
        lm = rng.below(len(lm_keys))
        loc: Json = {
            "key": f"loc-{i}",
            "name": f"Syntethuset {i}",
            "address": {
                "street": f"{rng.pick(_STREETS)} {rng.between(1, 99)}",
                "postal_code": "000 00",
                "city": "Syntetstad",
            },
        }
        if rng.random() < 0.97:
            loc["lat"] = _coord(rng, lm_pos[lm][0], CENTER_LAT, 0.004)
            loc["lon"] = _coord(rng, lm_pos[lm][1], CENTER_LON, 0.004)
            loc["coords_approximate"] = rng.random() < 0.2
        loc["landmark"] = lm_keys[lm]
        locations.append(loc)

    n_orgs, n_locs = len(orgs), len(locations)
    archetypes = _ARCHETYPES
    arch_idx = tuple(range(len(archetypes)))
    n_phrases, n_phrases_en = len(_PHRASES_SV), len(_PHRASES_EN)
    services: list[Json] = []
    by_need: dict[str, list[str]] = {}
    for i in range(n_services):
        a = rng.weighted(arch_idx, _ARCH_CUM)
        stem, _, a_needs, a_groups, lead_sv, lead_en = archetypes[a]
        key = f"svc-{i}"

        needs = list(a_needs[: rng.between(1, len(a_needs))])
        needs += _pick(rng, _NEED_CODES, _NEED_CUM, rng.between(0, 4 - len(needs)))
        if rng.random() < 0.03:
            needs.append(own_need)
        needs = list(dict.fromkeys(needs))[:4]  # ordered de-duplication, no set(): determinism
        groups = [rng.pick(a_groups)]
        groups += _pick(rng, _GROUP_CODES, _GROUP_CUM, rng.between(0, 2))
        if rng.random() < 0.02:
            groups.append(own_group)
        groups = list(dict.fromkeys(groups))[:3]

        words = _ARCH_LEAD_WORDS[a]
        target = rng.between(15, 32)
        parts = [lead_sv]
        p, step = rng.below(n_phrases), rng.pick(_STRIDES)  # a walk that never repeats
        while words < target:
            parts.append(_PHRASES_SV[p])
            words += _PHRASE_SV_WORDS[p]
            p = (p + step) % n_phrases
        description: Json = {"sv": " ".join(parts)}
        if rng.random() < 0.5:
            q, step = rng.below(n_phrases_en), rng.pick(_STRIDES_EN)
            en = [lead_en]
            for _ in range(rng.between(2, 4)):
                en.append(_PHRASES_EN[q])
                q = (q + step) % n_phrases_en
            description["en"] = " ".join(en)

        mobile = rng.random() < 0.1 or stem in ("Stödlinjen", "Fältgruppen")
        if mobile:
            modes = [rng.pick(("handover.phone-only", "handover.they-come"))]
        else:
            modes = _pick(rng, _MODE_CODES, _MODE_CUM, rng.between(1, 2))
        handover: Json = {"modes": list(dict.fromkeys(modes))}
        _handover_details(rng, handover, groups)

        svc: Json = {
            "key": key,
            "organization": f"org-{rng.below(n_orgs)}",
            "name": f"{stem} {rng.pick(_DISTRICTS)} {i + 1}",
            "description": description,
            "status": "active",
        }
        r = rng.random()
        if r < 0.015:
            svc["status"] = "closed"
            svc["status_note"] = "Syntetiskt nedlagd."
        elif r < 0.03:
            svc["status"] = "temporarily-closed"
            svc["status_note"] = "Tillfälligt stängt (syntetiskt)."
        if mobile:
            svc["mobile"] = True
            svc["area_note"] = "Hela det syntetiska området"
        else:
            loc_keys = [f"loc-{rng.below(n_locs)}"]
            if rng.random() < 0.05:
                loc_keys.append(f"loc-{rng.below(n_locs)}")
            svc["locations"] = list(dict.fromkeys(loc_keys))
        svc["groups"] = groups
        svc["needs"] = needs
        n_phones = rng.weighted((0, 1, 2), (15, 85, 100))
        if n_phones:
            phones: list[Json] = [{"number": _phone(rng), "kind": "switchboard"}]
            if n_phones == 2:
                phones.append(
                    {"number": _phone(rng), "kind": "helpline", "label": {"sv": "Jourtelefon"}}
                )
            svc["phones"] = phones
        svc["hours"] = _hours(rng)
        svc["handover"] = handover
        svc["sources"] = list(source)
        svc["verified_at"] = _verified(rng)
        svc["data_note"] = DATA_NOTE
        services.append(svc)
        for code in needs:
            by_need.setdefault(code, []).append(key)

    sealing, signing = _keys(seed)
    area: Json = {
        "format_version": FORMAT_VERSION,
        "id": aid,
        "name": AREA_NAME,
        "title": AREA_TITLE,
        "description": {
            "sv": "Syntetisk testdata för tester och mätningar. Inga tjänster här är riktiga.",
            "en": "Synthetic test data for tests and benchmarks. None of these services are real.",
        },
        "colour": "#aa00aa",
        "version": "2026.01.01",
        "center": {"lat": CENTER_LAT, "lon": CENTER_LON},
        "default_landmark": lm_keys[0],
        "public_keys": {
            "sealing": sealing,
            "signing": signing,
            "note": f"Syntetiska nycklar (seed={seed}), inga riktiga nycklar.",
        },
    }
    documents: Json = {
        "area.json": area,
        "services.json": {
            "format_version": FORMAT_VERSION,
            "organizations": orgs,
            "locations": locations,
            "services": services,
        },
        "landmarks.json": {"format_version": FORMAT_VERSION, "landmarks": landmarks},
        "guides.json": {
            "format_version": FORMAT_VERSION,
            "guides": _guides(rng, by_need, [s["key"] for s in services[:50]], source),
        },
        "taxonomy.json": {
            "format_version": FORMAT_VERSION,
            "groups": [{"code": own_group, "sv": "Syntetisk testgrupp", "en": "Synthetic group"}],
            "needs": [{"code": own_need, "sv": "Syntetiskt testbehov", "en": "Synthetic need"}],
        },
        "notices.json": {"format_version": FORMAT_VERSION, "notices": _notices(rng, services)},
    }
    return PackData(documents, origin=ORIGIN)


def _landmarks(rng: _Rand) -> list[Json]:
    out: list[Json] = [
        {
            "key": "lm-0",
            "name": "Syntetiska torget 1",
            "kind": "square",
            "aliases": ["Torget"],
            "lat": CENTER_LAT,
            "lon": CENTER_LON,
            "approximate": False,
            "source": "syntetisk",
        }
    ]
    for i in range(1, rng.between(20, 40)):
        out.append(
            {
                "key": f"lm-{i}",
                "name": f"{rng.pick(_LANDMARK_NAMES)} {i + 1}",
                "kind": rng.pick(_LANDMARK_KINDS),
                "lat": round(CENTER_LAT + rng.uniform(-SPREAD, SPREAD), 6),
                "lon": round(CENTER_LON + rng.uniform(-SPREAD, SPREAD), 6),
            }
        )
    return out


def _handover_details(rng: _Rand, handover: Json, groups: list[str]) -> None:
    """Age, gender and other conditions, mostly consistent with the groups served."""
    if "group.youth" in groups and rng.random() < 0.7:
        handover["age_min"], handover["age_max"] = rng.pick(((13, 20), (13, 25), (12, 17)))
    elif "group.adult" in groups and rng.random() < 0.4:
        handover["age_min"] = 18
    if "group.female" in groups and rng.random() < 0.7:
        handover["gender"] = "female"
    elif "group.male" in groups and rng.random() < 0.5:
        handover["gender"] = "male"
    elif rng.random() < 0.2:
        handover["gender"] = "any"
    r = rng.random()
    if r < 0.25:
        handover["intoxicated_ok"] = rng.random() < 0.5
    if rng.random() < 0.3:
        handover["no_papers_ok"] = rng.random() < 0.7
    if rng.random() < 0.1:
        handover["referral_required"] = True
    if rng.random() < 0.2:
        handover["languages"] = rng.sample(_LANGUAGES, rng.between(1, 3))
    if rng.random() < 0.2:
        handover["instructions"] = {"sv": "Följ med till entrén och fråga efter personalen."}


_GUIDE_TOPICS = (
    ("need.shelter-tonight", "Någon behöver sova i natt", "Someone needs a bed tonight"),
    ("need.food", "Någon är hungrig", "Someone is hungry"),
    ("need.someone-to-talk-to", "Någon behöver prata", "Someone needs to talk"),
    ("need.domestic-violence", "Våld i nära relation", "Domestic violence"),
    ("need.substance-use", "Missbruk och beroende", "Substance use"),
    ("need.hygiene", "Någon behöver duscha", "Someone needs a shower"),
    ("need.youth-at-risk", "Ung person i riskmiljö", "Young person at risk"),
    ("need.healthcare", "Någon behöver vård", "Someone needs care"),
    ("need.clothes", "Någon behöver kläder", "Someone needs clothes"),
    ("need.mental-health", "Psykisk ohälsa", "Mental health"),
)
_WHEN: tuple[tuple[Json, str], ...] = (
    ({"days": list(WEEKDAYS), "from": "08:00", "to": "16:30"}, "Dagtid vardagar"),
    ({"from": "16:30", "to": "24:00"}, "Kväll"),
    ({"from": "22:00", "to": "08:00"}, "Natt"),
    ({"days": ["sat", "sun"], "from": "00:00", "to": "24:00"}, "Helg"),
)


def _guides(
    rng: _Rand, by_need: dict[str, list[str]], fallback: list[str], source: list[str]
) -> list[Json]:
    """5–20 guides whose steps point at services that actually have the guide's need."""
    guides: list[Json] = []
    for i in range(rng.randint(5, 20)):
        need, title_sv, title_en = _GUIDE_TOPICS[i % len(_GUIDE_TOPICS)]
        pool = by_need.get(need) or fallback
        steps: list[Json] = []
        for when, label in rng.sample(_WHEN, rng.randint(2, 3)):
            chosen = list(dict.fromkeys(rng.choice(pool) for _ in range(rng.randint(1, 3))))
            steps.append(
                {
                    "text": {"sv": f"{label}: kontakta någon av dessa syntetiska tjänster."},
                    "services": chosen,
                    "when": {k: (list(v) if isinstance(v, list) else v) for k, v in when.items()},
                }
            )
        guides.append(
            {
                "key": f"guide-{i}",
                "title": {"sv": f"{title_sv} ({i + 1})", "en": f"{title_en} ({i + 1})"},
                "problem": {"sv": f"Syntetiskt exempel: {title_sv.lower()}."},
                "groups": ["group.adult"],
                "needs": [need],
                "steps": steps,
                "sources": list(source),
                "verified_at": _verified(rng),
            }
        )
    return guides


def _notices(rng: _Rand, services: list[Json]) -> list[Json]:
    notices: list[Json] = [
        {
            "key": "notice-area",
            "text": {
                "sv": "Detta är syntetisk testdata, inga riktiga tjänster.",
                "en": "This is synthetic test data, no real services.",
            },
            "expires": "2099-12-31",
        }
    ]
    for i in range(rng.randint(2, 5)):
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        notices.append(
            {
                "key": f"notice-{i}",
                "service": rng.choice(services)["key"],
                "text": {"sv": rng.choice(("Fullt i natt", "Stängt för städning", "Ny ingång"))},
                "starts": f"2026-{month:02d}-{day:02d}",
                "expires": f"2026-{month:02d}-{day:02d}T23:59",
            }
        )
    return notices


# ------------------------------------------------------------------------------- CLI


def write_pack(n_services: int, folder: Path, *, seed: int = 0) -> Path:
    """Write the pack to ``folder/<area id>`` (the loader wants folder name == area id)."""
    resolved = folder.resolve()
    if any(p.name == "areas" and p.parent.name == "data" for p in (resolved, *resolved.parents)):
        raise ValueError(f"refusing to write synthetic data into a shipped areas folder: {folder}")
    pack = generate_pack(n_services, seed=seed)
    target = folder / pack.area_id
    pack.write(target)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m kompassen.testing.synthetic N OUTDIR [--seed S]``."""
    parser = argparse.ArgumentParser(
        prog="python -m kompassen.testing.synthetic",
        description="Write a synthetic (fictional) area pack for tests and benchmarks.",
    )
    parser.add_argument("n_services", type=int)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    try:
        path = write_pack(args.n_services, args.outdir, seed=args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
