"""The freshness worklist: every fact of an installed area that needs somebody's attention.

A field worker acts on what the tablet says, so a coordinator needs one list of what to
check next, worst first: facts that contradict each other (hours on a closed service, a
lapsed warning, a map point in the sea), facts that were inferred rather than read from a
source, facts older than a set age, facts without a public source, and facts the pack
itself marks "to verify". ``kompassen data-check`` prints it; the office editor (a later
issue) shows the same :class:`Finding` objects, through :meth:`Worklist.as_json`.

It reads the installed catalogue (catalogue.db) with plain SQL and never writes. Time comes
from the injected clock: a fact becomes stale when the clock moves, not when the machine's
does. Severities follow the data audit: *high* could send a person to a wrong or closed
place or give a wrong time; *medium* is stale or unsourced but lower risk; *low* is a
marked uncertainty or a judgement. docs/DATA.md ("The freshness worklist") lists the kinds.
"""

from __future__ import annotations

import json
import re
import sqlite3
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from kompassen.catalogue.store.db import reading
from kompassen.catalogue.store.loader import AreaNotInstalled
from kompassen.core.clock import Clock
from kompassen.core.geo import distance_m
from kompassen.core.model import Text

Severity = Literal["high", "medium", "low"]
Kind = Literal["contradiction", "inferred", "stale", "unsourced", "to-verify"]

# the JSON form's version: bump it when a key changes meaning or goes away (adding is fine)
JSON_FORMAT = 1
DEFAULT_MAX_AGE_YEARS = 2
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low")
KINDS: tuple[Kind, ...] = ("contradiction", "inferred", "stale", "unsourced", "to-verify")

# A point farther from the area's centre than this is not plausible for the area: at least
# MIN_RADIUS_KM, or RADIUS_FACTOR times the median distance of the area's own landmarks
# (a large rural area spreads its landmarks, and its radius grows with them).
MIN_RADIUS_KM = 20.0
RADIUS_FACTOR = 3.0

# Words with which a pack says that a time was worked out rather than read from a source.
_INFERRED = (
    "härled",
    "inferred",
    "antag",
    "assumed",
    "ingen källa anger",
    "anges inte i någon källa",
    "no source gives",
    "att verifiera",
    "to verify",
    "to be verified",
    "ungefärlig",
    "approximate",
)
# The stronger subset: in a record's general data_note these speak of inference, not of a
# check still to make ("verifiera att tiderna gäller" is a check).
_INFERRED_STRONG = (
    "härled",
    "inferred",
    "antag",
    "assumed",
    "ingen källa anger",
    "no source gives",
)
_HOURS_WORDS = ("tid", "öppet", "öppen", "veckodag", "hours", "times", "open")
_VERIFY = ("verifiera", "verify", "kontrollera", "to check")
# Words with which a guide step says that a service it links has closed.
_CLOSURE = (
    "stäng",
    "nedlagd",
    "lagts ned",
    "lades ned",
    "upphört",
    "ersattes",
    "ersatt",
    "hänvisa inte",
    "closed",
    "ended",
    "replaced",
    "do not refer",
)
_PUBLIC_SOURCE = re.compile(
    r"^(https?://|www\.)|\b[a-z0-9-]+\.(se|nu|com|org|net|eu|info|gov|io|fi|no|dk)(/|\b)",
    re.IGNORECASE,
)
_LABELS: dict[str, tuple[str, str]] = {
    "high": ("HÖG", "HIGH"),
    "medium": ("MEDEL", "MEDIUM"),
    "low": ("LÅG", "LOW"),
    "service": ("tjänst", "service"),
    "organization": ("organisation", "organisation"),
    "location": ("plats", "location"),
    "guide": ("lösning", "guide"),
    "landmark": ("landmärke", "landmark"),
    "notice": ("meddelande", "notice"),
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One fact that needs attention, with why and the fix it needs (Swedish and English)."""

    kind: Kind
    severity: Severity
    record_type: str  # service | organization | location | guide | landmark | notice
    record: str  # the record's key in the pack
    field: str  # where in the record, as in the pack: "hours.weekly", "phones[0].number"
    fact: str  # the value checked, as the pack has it
    why: Text
    fix: Text

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "record_type": self.record_type,
            "record": self.record,
            "field": self.field,
            "fact": self.fact,
            "why": {"sv": self.why.sv, "en": self.why.en},
            "fix": {"sv": self.fix.sv, "en": self.fix.en},
        }

    def line(self, lang: str) -> str:
        """One line for a terminal: severity, record, field and fact, why → fix."""
        en = 1 if lang == "en" else 0
        sev = _LABELS[self.severity][en]
        rtype = _LABELS.get(self.record_type, (self.record_type, self.record_type))[en]
        fact = _short(self.fact, 60)
        return (
            f"{sev:<6} {rtype} {self.record} · {self.field} = {fact}: "
            f"{self.why.get(lang)} → {self.fix.get(lang)}"
        )


@dataclass(frozen=True, slots=True)
class Worklist:
    """Every finding of one area, worst first, and what it was measured against."""

    area_id: str
    checked_at: datetime
    max_age_years: int
    findings: tuple[Finding, ...]

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES}

    @property
    def has_high(self) -> bool:
        return any(f.severity == "high" for f in self.findings)

    def as_json(self) -> dict[str, Any]:
        return {
            "format": JSON_FORMAT,
            "area": self.area_id,
            "checked_at": self.checked_at.isoformat(timespec="seconds"),
            "max_age_years": self.max_age_years,
            "counts": self.counts(),
            "findings": [f.as_json() for f in self.findings],
        }


def check_area(
    conn: sqlite3.Connection,
    area_id: str,
    clock: Clock,
    *,
    max_age_years: int = DEFAULT_MAX_AGE_YEARS,
) -> Worklist:
    """The worklist of ``area_id`` as installed, measured at ``clock.now()``."""
    if max_age_years < 0:
        raise ValueError("max_age_years must be 0 or more")
    now = clock.now()
    with reading():
        area = conn.execute(
            "SELECT id, center_lat, center_lon FROM area WHERE id = ?", (area_id,)
        ).fetchone()
        if area is None:
            raise AreaNotInstalled(area_id)
        facts = _Facts(conn, area_id, (area[1], area[2]))
        findings = list(_all_checks(facts, now, max_age_years))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    kinds = {k: i for i, k in enumerate(KINDS)}
    findings.sort(
        key=lambda f: (order[f.severity], kinds[f.kind], f.record_type, f.record, f.field)
    )
    return Worklist(area_id, now, max_age_years, tuple(findings))


# --------------------------------------------------------------------------- reading


class _Facts:
    """The area's rows the checks need, read once (a few queries, any catalogue size)."""

    def __init__(self, conn: sqlite3.Connection, area_id: str, centre: tuple[float, float]) -> None:
        q = conn.execute
        self.centre = centre
        self.services = q(
            "SELECT id, key, organization_id, status, always_open, hours_note, sources_json, "
            "verified_at, data_note, status_from, status_until FROM service WHERE area_id = ? "
            "ORDER BY position",
            (area_id,),
        ).fetchall()
        self.status = {r[0]: r[3] for r in self.services}
        self.key = {r[0]: r[1] for r in self.services}
        self.orgs = q(
            "SELECT id, key, name, sources_json, verified_at FROM organization "
            "WHERE area_id = ? ORDER BY position",
            (area_id,),
        ).fetchall()
        self.weekly: dict[str, int] = dict(
            q(
                "SELECT s.id, count(*) FROM schedule sc JOIN service s ON s.id = sc.service_id "
                "WHERE s.area_id = ? AND sc.kind = 'weekly' GROUP BY s.id",
                (area_id,),
            ).fetchall()
        )
        self.phones = q(
            "SELECT s.id, s.key, s.organization_id, p.number, p.kind, p.to_verify, "
            "row_number() OVER (PARTITION BY s.id ORDER BY p.position) - 1 "
            "FROM phone p JOIN service s ON s.id = p.service_id "
            "WHERE s.area_id = ? ORDER BY s.position, p.position",
            (area_id,),
        ).fetchall()
        self.phone_count: dict[str, int] = {}
        for p in self.phones:
            self.phone_count[p[0]] = self.phone_count.get(p[0], 0) + 1
        self.located: dict[str, int] = dict(
            q(
                "SELECT s.id, count(*) FROM service_at_location sl JOIN service s "
                "ON s.id = sl.service_id WHERE s.area_id = ? GROUP BY s.id",
                (area_id,),
            ).fetchall()
        )
        self.locations = q(
            "SELECT l.key, l.lat, l.lon, l.coords_approximate, l.coords_note, a.note "
            "FROM location l LEFT JOIN address a ON a.location_id = l.id "
            "WHERE l.area_id = ? ORDER BY l.position",
            (area_id,),
        ).fetchall()
        self.landmarks = q(
            "SELECT key, lat, lon, source FROM landmark WHERE area_id = ? ORDER BY position",
            (area_id,),
        ).fetchall()
        self.guides = q(
            "SELECT id, key, sources_json, verified_at FROM guide WHERE area_id = ? "
            "ORDER BY position",
            (area_id,),
        ).fetchall()
        self.steps = q(
            "SELECT g.key, st.id, st.position, st.text_sv, st.text_en, st.days, st.from_time, "
            "st.to_time FROM guide_step st JOIN guide g ON g.id = st.guide_id "
            "WHERE g.area_id = ? ORDER BY g.position, st.position",
            (area_id,),
        ).fetchall()
        self.step_services: dict[int, list[str]] = {}
        for step_id, service_id in q(
            "SELECT ss.step_id, ss.service_id FROM guide_step_service ss JOIN guide_step st "
            "ON st.id = ss.step_id JOIN guide g ON g.id = st.guide_id WHERE g.area_id = ? "
            "ORDER BY ss.step_id, ss.position",
            (area_id,),
        ):
            self.step_services.setdefault(step_id, []).append(service_id)
        self.notices = q(
            "SELECT n.key, n.service_id, n.starts, n.expires, n.text_sv FROM notice n "
            "WHERE n.area_id = ? ORDER BY n.position",
            (area_id,),
        ).fetchall()


# --------------------------------------------------------------------------- the checks


def _all_checks(facts: _Facts, now: datetime, max_age: int) -> Iterator[Finding]:
    yield from _contradictions(facts, now)
    yield from _inferred(facts)
    for s in facts.services:
        # a closure confirmed long ago stays a closure: its age matters less
        closed = _ended(s["status"])
        yield from _dated("service", s["key"], s["verified_at"], now, max_age, closed=closed)
        stored = _stored_sources(s["sources_json"])
        yield from _sourced("service", s["key"], stored[0])
        yield from _per_fact(facts, s, stored, now, max_age)
    for o in facts.orgs:
        yield from _dated("organization", o["key"], o["verified_at"], now, max_age)
        yield from _sourced("organization", o["key"], _stored_sources(o["sources_json"])[0])
    for g in facts.guides:
        yield from _dated("guide", g["key"], g["verified_at"], now, max_age)
        yield from _sourced("guide", g["key"], _stored_sources(g["sources_json"])[0])
    for lm in facts.landmarks:
        if not (lm["source"] or "").strip():
            yield Finding(
                "unsourced",
                "low",
                "landmark",
                lm["key"],
                "source",
                f"{lm['lat']}, {lm['lon']}",
                Text(
                    "Landmärkets läge har ingen källa.",
                    "The landmark's position has no source.",
                ),
                Text(
                    "Ange var läget kommer från (karta, Wikipedia) eller kontrollera det på plats.",
                    "Say where the position comes from (a map, Wikipedia) or check it on site.",
                ),
            )
    yield from _to_verify(facts)


def _contradictions(facts: _Facts, now: datetime) -> Iterator[Finding]:
    # hours on a service that has closed: the app would show it as open
    for s in facts.services:
        if _ended(s["status"]) and (s["always_open"] or facts.weekly.get(s["id"])):
            yield Finding(
                "contradiction",
                "high",
                "service",
                s["key"],
                "hours.always_open" if s["always_open"] else "hours.weekly",
                "dygnet runt / 24/7" if s["always_open"] else f"{facts.weekly[s['id']]} rules",
                Text(
                    "Tjänsten är stängd men har öppettider – den kan visas som öppen.",
                    "The service is closed but has opening hours – it may be shown as open.",
                ),
                Text(
                    "Ta bort öppettiderna (behåll dem som anteckning) eller rätta statusen.",
                    "Remove the opening hours (keep them as a note) or correct the status.",
                ),
            )
    # a temporary closure whose last day has passed: it may have reopened (or ended for good)
    today = now.date().isoformat()
    for s in facts.services:
        if s["status"] == "temporarily-closed" and s["status_until"] and s["status_until"] < today:
            yield Finding(
                "contradiction",
                "high",
                "service",
                s["key"],
                "status_until",
                s["status_until"],
                Text(
                    f"Tjänsten är tillfälligt stängd till {s['status_until']}, ett datum som "
                    "har passerat – den visas som stängd fast den kanske har öppnat igen.",
                    f"The service is temporarily closed until {s['status_until']}, a date that "
                    "has passed – it shows as closed though it may have reopened.",
                ),
                Text(
                    "Kontrollera om den har öppnat igen: sätt status active, ett nytt "
                    "slutdatum med källa, eller inactive/defunct.",
                    "Verify whether it has reopened: set the status to active, give a new end "
                    "date with its source, or inactive/defunct.",
                ),
            )
    # a guide step that sends people to a closed service
    for st in facts.steps:
        for i, sid in enumerate(facts.step_services.get(st["id"], ())):
            if not _ended(facts.status.get(sid)):
                continue
            text = f"{st['text_sv']} {st['text_en']}".casefold()
            said = any(w in text for w in _CLOSURE)
            field = f"steps[{st['position']}].services[{i}]"
            if said:
                yield Finding(
                    "contradiction",
                    "low",
                    "guide",
                    st["key"],
                    field,
                    facts.key[sid],
                    Text(
                        "Steget länkar en stängd tjänst; texten säger att den är stängd.",
                        "The step links a closed service; its text says it is closed.",
                    ),
                    Text(
                        "Kontrollera att texten fortfarande stämmer, eller ta bort länken.",
                        "Check that the text is still right, or remove the link.",
                    ),
                )
            else:
                yield Finding(
                    "contradiction",
                    "high",
                    "guide",
                    st["key"],
                    field,
                    facts.key[sid],
                    Text(
                        "Steget hänvisar till en tjänst som är stängd.",
                        "The step refers people to a service that is closed.",
                    ),
                    Text(
                        "Byt till en tjänst som är öppen, eller skriv i steget att den är stängd.",
                        "Link a service that is open, or say in the step that it is closed.",
                    ),
                )
    # notices: a lapsed warning, or one that ends before it starts
    stamp = now.strftime("%Y-%m-%dT%H:%M:%S")
    for n in facts.notices:
        if n["expires"] is None:
            # an HSDS alert brings no end date: it shows until someone removes it
            yield Finding(
                "to-verify",
                "medium",
                "notice",
                n["key"],
                "expires",
                "",
                Text(
                    "Meddelandet har inget slutdatum och visas tills någon tar bort det.",
                    "The notice has no end date and shows until someone removes it.",
                ),
                Text(
                    "Kontrollera om det fortfarande gäller och ge det ett slutdatum med källa.",
                    "Check whether it still holds and give it an end date with its source.",
                ),
            )
            continue
        expires = n["expires"] if len(n["expires"]) > 10 else f"{n['expires']}T23:59:59"
        status = facts.status.get(n["service_id"]) if n["service_id"] else None
        if expires < stamp:
            high = status is not None and not _ended(status)
            yield Finding(
                "contradiction",
                "high" if high else "medium",
                "notice",
                n["key"],
                "expires",
                n["expires"],
                Text(
                    "Meddelandet har gått ut"
                    + (
                        " – varningen visas inte längre, men tjänsten visas som öppen."
                        if high
                        else "."
                    ),
                    "The notice has expired"
                    + (" – the warning is gone but the service still shows." if high else "."),
                ),
                Text(
                    "Ta reda på vad som gäller nu: rätta tjänstens status eller ge meddelandet "
                    "ett nytt slutdatum med källa.",
                    "Find out what holds now: correct the service's status or give the notice "
                    "a new end date with its source.",
                ),
            )
        if n["starts"] and n["starts"][:19] > expires:
            yield Finding(
                "contradiction",
                "medium",
                "notice",
                n["key"],
                "starts",
                f"{n['starts']} > {n['expires']}",
                Text(
                    "Meddelandet börjar efter att det har gått ut och visas aldrig.",
                    "The notice starts after it expires and is never shown.",
                ),
                Text("Rätta start- eller slutdatumet.", "Correct the start or end date."),
            )
    # places: 0,0 or outside the area
    radius_km = _radius_km(facts)
    points = [("location", r["key"], r["lat"], r["lon"]) for r in facts.locations]
    points += [("landmark", r["key"], r["lat"], r["lon"]) for r in facts.landmarks]
    for rtype, key, lat, lon in points:
        if lat is None or lon is None:  # no map point (validation refuses half of one)
            continue
        far_km = distance_m(facts.centre[0], facts.centre[1], lat, lon) / 1000
        if (lat, lon) == (0, 0) or far_km > radius_km:
            yield Finding(
                "contradiction",
                "high",
                rtype,
                key,
                "lat/lon",
                f"{lat}, {lon}",
                Text(
                    f"Punkten ligger {far_km:,.0f} km från områdets mitt (rimligt: högst "
                    f"{radius_km:,.0f} km)"
                    + (" – 0,0 är ingen plats." if (lat, lon) == (0, 0) else "."),
                    f"The point is {far_km:,.0f} km from the area's centre (plausible: at most "
                    f"{radius_km:,.0f} km)"
                    + (" – 0,0 is no place." if (lat, lon) == (0, 0) else "."),
                ),
                Text(
                    "Rätta koordinaten (ombytt latitud/longitud?) eller ta bort kartpunkten.",
                    "Correct the coordinate (latitude and longitude swapped?) or remove the point.",
                ),
            )
    # one number for two organisations (emergency numbers such as 112 are shared by design)
    owners: dict[str, dict[str, tuple[str, int]]] = {}
    for p in facts.phones:
        if p["kind"] == "emergency":
            continue
        digits = re.sub(r"\D", "", p[3])
        owners.setdefault(digits, {}).setdefault(p[2], (p[1], p[6]))
    org_key = {o["id"]: o["key"] for o in facts.orgs}
    for digits, by_org in owners.items():
        if len(by_org) < 2:
            continue
        names = ", ".join(sorted(org_key.get(o, o) for o in by_org))
        for service_key, index in sorted(by_org.values()):
            yield Finding(
                "contradiction",
                "medium",
                "service",
                service_key,
                f"phones[{index}].number",
                digits,
                Text(
                    f"Samma nummer finns hos flera organisationer: {names}.",
                    f"The same number belongs to several organisations: {names}.",
                ),
                Text(
                    "Kontrollera vems numret är och rätta det hos de andra.",
                    "Check whose number it is and correct it for the others.",
                ),
            )


def _radius_km(facts: _Facts) -> float:
    far = [
        distance_m(facts.centre[0], facts.centre[1], r["lat"], r["lon"]) / 1000
        for r in facts.landmarks
        if (r["lat"], r["lon"]) != (0, 0)
    ]
    return max(MIN_RADIUS_KM, RADIUS_FACTOR * statistics.median(far)) if far else MIN_RADIUS_KM


def _inferred(facts: _Facts) -> Iterator[Finding]:
    # structured opening hours that the pack says were worked out: the app shows them exactly
    for s in facts.services:
        if _ended(s["status"]) or not (s["always_open"] or facts.weekly.get(s["id"])):
            continue
        note = s["hours_note"] or ""
        in_note = _marked(note, _INFERRED)
        in_data_note = next(
            (
                sentence
                for sentence in _sentences(s["data_note"] or "")
                if _marked(sentence, _INFERRED_STRONG) and _marked(sentence, _HOURS_WORDS)
            ),
            None,
        )
        if in_note or in_data_note:
            yield Finding(
                "inferred",
                "high",
                "service",
                s["key"],
                "hours.note" if in_note else "data_note",
                _short(note if in_note else in_data_note or "", 160),
                Text(
                    "Öppettiderna är härledda, inte hämtade ur en källa, men visas som exakta "
                    "öppet/stängt.",
                    "The opening hours are inferred, not taken from a source, but are shown as "
                    "exact open/closed.",
                ),
                Text(
                    "Behåll tiderna som anteckning (inga veckoregler) tills en källa anger dem.",
                    "Keep the times as a note (no weekly rules) until a source gives them.",
                ),
            )
    # guide time windows the step itself calls inferred or "to verify"
    for st in facts.steps:
        if st["from_time"] is None:
            continue
        text = f"{st['text_sv']} {st['text_en']}"
        if _marked(text, _INFERRED):
            days = st["days"] or "(every day)"
            yield Finding(
                "inferred",
                "medium",
                "guide",
                st["key"],
                f"steps[{st['position']}].when",
                f"{days} {st['from_time']}–{st['to_time']}",
                Text(
                    "Stegets tidsfönster är härlett eller att verifiera; appen väljer steget "
                    "efter det.",
                    "The step's time window is inferred or to verify; the app picks the step "
                    "by it.",
                ),
                Text(
                    "Kontrollera tiderna hos verksamheten och ange källan, eller gör fönstret "
                    "bredare.",
                    "Check the times with the service and cite the source, or widen the window.",
                ),
            )
    for loc in facts.locations:
        if loc["lat"] is not None and loc["coords_approximate"]:
            yield Finding(
                "inferred",
                "low",
                "location",
                loc["key"],
                "coords_approximate",
                f"{loc['lat']}, {loc['lon']}",
                Text("Kartpunkten är en uppskattning.", "The map point is an estimate."),
                Text(
                    "Kontrollera punkten mot en karta eller på plats och ange källan.",
                    "Check the point against a map or on site and cite the source.",
                ),
            )


def _dated(
    rtype: str, key: str, verified_at: str, now: datetime, max_age: int, *, closed: bool = False
) -> Iterator[Finding]:
    span = _date_span(verified_at)
    if span is None:
        yield Finding(
            "stale",
            "low",
            rtype,
            key,
            "verified_at",
            verified_at,
            Text("Inget datum: källan visar inget datum.", "No date: the source shows no date."),
            Text(
                "Kontrollera uppgifterna och ange datumet källan visar (eller kontrolldagen).",
                "Check the facts and give the date the source shows (or the day checked).",
            ),
        )
        return
    earliest, latest = span
    today = now.date()
    if earliest > today:
        yield Finding(
            "contradiction",
            "medium",
            rtype,
            key,
            "verified_at",
            verified_at,
            Text("Datumet ligger i framtiden.", "The date is in the future."),
            Text(
                "Rätta datumet till det källan visar, eller skriv unknown.",
                "Correct the date to the one the source shows, or write unknown.",
            ),
        )
        return
    limit = _years_before(today, max_age)
    if latest < limit:
        yield Finding(
            "stale",
            "low" if closed else "medium",
            rtype,
            key,
            "verified_at",
            verified_at,
            Text(
                f"Senast kontrollerad {verified_at}, äldre än {max_age} år.",
                f"Last checked {verified_at}, older than {max_age} years.",
            ),
            Text(
                "Kontrollera mot en aktuell källa och ange datumet den visar.",
                "Check against a current source and give the date it shows.",
            ),
        )


def _per_fact(
    facts: _Facts,
    s: Any,
    stored: tuple[list[Any], dict[str, Any]],
    now: datetime,
    max_age: int,
) -> Iterator[Finding]:
    """A service whose sources have ids (a source per fact): each phone, place, hours and
    eligibility fact without its own source, and each whose source's date is too old.
    A record with plain sources only is sourced as a whole (checked by :func:`_sourced`)."""
    sources, refs = stored
    by_id = {x["id"]: x for x in sources if isinstance(x, dict) and "id" in x}
    if not by_id:
        return
    sid = s["id"]
    wanted: list[tuple[str, Any]] = [("handover.source", refs.get("handover"))]
    if facts.weekly.get(sid) or s["always_open"]:
        # the hours as a whole, or every weekly rule with its own
        rules = list(refs.get("weekly") or [])
        whole = refs.get("hours")
        if whole is None and rules and all(r in by_id for r in rules):
            whole = rules[0]
        wanted.append(("hours.source", whole))
    if facts.located.get(sid):
        wanted.append(("location_source", refs.get("location")))
    if s["status"] != "active":
        wanted.append(("status_source", refs.get("status")))
    phone_refs = list(refs.get("phones") or [])
    for index in range(facts.phone_count.get(sid, 0)):
        ref = phone_refs[index] if index < len(phone_refs) else None
        wanted.append((f"phones[{index}].source", ref))
    limit = _years_before(now.date(), max_age)
    for field, ref in wanted:
        if ref is None or ref not in by_id:
            yield Finding(
                "unsourced",
                "low",
                "service",
                s["key"],
                field,
                "–",
                Text(
                    "Uppgiften har ingen egen källa (bara postens).",
                    "The fact has no source of its own (only the record's).",
                ),
                Text(
                    'Ange vilken av postens källor uppgiften kommer från ("source": id).',
                    'Say which of the record\'s sources the fact comes from ("source": id).',
                ),
            )
            continue
        date_text = str(by_id[ref].get("date") or "unknown")
        span = _date_span(date_text)
        if span is not None and span[1] < limit:
            yield Finding(
                "stale",
                "low" if _ended(s["status"]) else "medium",
                "service",
                s["key"],
                field,
                f"{ref} ({date_text})",
                Text(
                    f"Källan är från {date_text}, äldre än {max_age} år.",
                    f"The source is from {date_text}, older than {max_age} years.",
                ),
                Text(
                    "Kontrollera uppgiften mot en aktuell källa och ange den med sitt datum.",
                    "Check the fact against a current source and cite it with its date.",
                ),
            )


def _stored_sources(text: str | None) -> tuple[list[Any], dict[str, Any]]:
    """A ``sources_json`` column in either stored form: the plain list of a record without
    per-fact sources, or ``{"sources": [...], "facts": {...}}`` (see pack/fact_sources.py)."""
    value = json.loads(text or "[]")
    if isinstance(value, dict):
        return list(value.get("sources", [])), dict(value.get("facts", {}))
    return list(value) if isinstance(value, list) else [], {}


def _source_text(source: Any) -> str:
    """What a source points at: the string itself, or a source object's url (or title)."""
    if isinstance(source, dict):
        return str(source.get("url") or source.get("title") or source.get("id") or "")
    return str(source)


def _sourced(rtype: str, key: str, stored: list[Any]) -> Iterator[Finding]:
    sources = [_source_text(s) for s in stored]
    if any(_PUBLIC_SOURCE.search(s.strip()) for s in sources):
        return
    yield Finding(
        "unsourced",
        "medium",
        rtype,
        key,
        "sources",
        _short("; ".join(sources) or "–", 120),
        Text(
            "Ingen offentlig källa: uppgifterna går inte att kontrollera.",
            "No public source: the facts cannot be checked.",
        ),
        Text(
            "Ange en offentlig sida (adress) som visar uppgifterna.",
            "Cite a public page (its address) that shows the facts.",
        ),
    )


def _to_verify(facts: _Facts) -> Iterator[Finding]:
    for p in facts.phones:
        if p["to_verify"]:
            yield Finding(
                "to-verify",
                "low",
                "service",
                p[1],
                f"phones[{p[6]}].number",
                p[3],
                Text(
                    "Numret kommer från en sekundär källa (att verifiera).",
                    "The number comes from a secondary source (to verify).",
                ),
                Text(
                    "Ring eller kontrollera numret på verksamhetens egen sida; ta sedan bort "
                    "to_verify.",
                    "Call or check the number on the service's own page; then remove to_verify.",
                ),
            )
    for s in facts.services:
        sentence = next((x for x in _sentences(s["data_note"] or "") if _marked(x, _VERIFY)), None)
        if sentence:
            yield _note_to_verify("service", s["key"], "data_note", sentence)
    for loc in facts.locations:
        for field, value in (("address.note", loc[5]), ("coords_note", loc[4])):
            sentence = next((x for x in _sentences(value or "") if _marked(x, _VERIFY)), None)
            if sentence:
                yield _note_to_verify("location", loc["key"], field, sentence)


def _note_to_verify(rtype: str, key: str, field: str, sentence: str) -> Finding:
    return Finding(
        "to-verify",
        "low",
        rtype,
        key,
        field,
        _short(sentence, 160),
        Text(
            "Posten säger själv att detta ska verifieras.", "The record itself says to verify this."
        ),
        Text(
            "Verifiera uppgiften mot källan och ta bort eller skriv om anteckningen.",
            "Verify the fact against the source and remove or rewrite the note.",
        ),
    )


# --------------------------------------------------------------------------- helpers


def _ended(status: str | None) -> bool:
    """A status of a service that no longer runs: closed, or HSDS 3's inactive and defunct
    (a temporary closure is not an end: its hours come back)."""
    return status is not None and status not in ("active", "temporarily-closed")


def _marked(text: str, words: tuple[str, ...]) -> bool:
    folded = text.casefold()
    return any(w in folded for w in words)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _date_span(value: str) -> tuple[date, date] | None:
    """The earliest and latest day a partial date ("2024", "2024-05", "2024-05-17") can mean;
    None for "unknown" or anything unreadable."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value or "")
    if not m:
        return None
    try:
        year = int(m[1])
        if m[3]:
            d = date(year, int(m[2]), int(m[3]))
            return d, d
        if m[2]:
            month = int(m[2])
            first = date(year, month, 1)
            nxt = date(year + (month == 12), month % 12 + 1, 1)
            return first, date.fromordinal(nxt.toordinal() - 1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
