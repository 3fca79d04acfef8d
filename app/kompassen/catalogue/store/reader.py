"""The typed read API of the catalogue: SQL rows in, ``core.model`` dataclasses out.

Everything here reads; nothing writes. Batch methods take lists of ids so a lazy list model
can fetch just the rows it is about to show.

A storage problem while reading is a CatalogueDbError in words, never a raw ``sqlite3``
error; a damaged page ("malformed", "not a database") is handed to the ``heal`` callback
(the store's :meth:`~kompassen.catalogue.store.store.CatalogueStore.heal`: move aside,
rebuild) and the read is tried once more, on the rebuilt file.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Concatenate, ParamSpec, TypeVar

from kompassen.catalogue.pack.fact_sources import read_stored, source_url
from kompassen.catalogue.store.db import CatalogueDbError, reading
from kompassen.catalogue.store.hours_rows import DAY_CODES, hours_dict
from kompassen.catalogue.store.loader import AreaNotInstalled
from kompassen.core.hours import OpeningHours
from kompassen.core.model import (
    Address,
    Area,
    FactSources,
    Guide,
    GuideStep,
    Handover,
    Landmark,
    Location,
    Notice,
    Organization,
    Phone,
    Provenance,
    Service,
    ServiceRef,
    Term,
    Text,
    TimeWindow,
)
from kompassen.core.model import Source as FactSource

P = ParamSpec("P")
T = TypeVar("T")

Source = sqlite3.Connection | Callable[[], sqlite3.Connection]


def _text(sv: str | None, en: str | None) -> Text | None:
    return None if sv is None else Text(sv, en or "")


def _opt_bool(v: int | None) -> bool | None:
    return None if v is None else bool(v)


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _reads(
    method: Callable[Concatenate[CatalogueReader, P], T],
) -> Callable[Concatenate[CatalogueReader, P], T]:
    """Storage errors in words; on a damaged file: heal, then read once more."""

    @functools.wraps(method)
    def read(self: CatalogueReader, *args: P.args, **kwargs: P.kwargs) -> T:
        try:
            with reading():
                return method(self, *args, **kwargs)
        except CatalogueDbError as exc:
            if exc.kind != "corrupt" or self._heal is None:
                raise
            self._heal(exc)
        with reading():
            return method(self, *args, **kwargs)

    return read


class CatalogueReader:
    """Reads one catalogue.db connection (the writer is elsewhere: one writer per database).

    ``conn`` may be a callable giving the current connection: the store's reader follows
    the store when a rebuild replaced its connection.
    """

    def __init__(
        self, conn: Source, heal: Callable[[CatalogueDbError], object] | None = None
    ) -> None:
        self._source = conn
        self._heal = heal

    @property
    def _conn(self) -> sqlite3.Connection:
        source = self._source
        return source if isinstance(source, sqlite3.Connection) else source()

    # ------------------------------------------------------------------ areas and terms

    @_reads
    def areas(self) -> list[Area]:
        rows = self._conn.execute(
            "SELECT a.*, (SELECT count(*) FROM service s WHERE s.area_id = a.id) AS n "
            "FROM area a ORDER BY a.id"
        ).fetchall()
        return [self._area(r) for r in rows]

    @_reads
    def area(self, area_id: str) -> Area:
        row = self._conn.execute(
            "SELECT a.*, (SELECT count(*) FROM service s WHERE s.area_id = a.id) AS n "
            "FROM area a WHERE a.id = ?",
            (area_id,),
        ).fetchone()
        if row is None:
            raise AreaNotInstalled(area_id)
        return self._area(row)

    @staticmethod
    def _area(r: sqlite3.Row) -> Area:
        return Area(
            id=r["id"],
            name=r["name"],
            title=r["title"],
            colour=r["colour"],
            description=Text(r["description_sv"], r["description_en"]),
            center=(r["center_lat"], r["center_lon"]),
            default_landmark_id=f"{r['id']}/{r['default_landmark_key']}"
            if r["default_landmark_key"]
            else None,
            sealing_public_key=r["sealing_public_key"],
            signing_public_key=r["signing_public_key"],
            pack_version=r["pack_version"],
            catalogue_version=r["catalogue_version"],
            service_count=r["n"],
        )

    @_reads
    def release_version(self, area_id: str) -> int | None:
        """The signed release the area's current content came from (None: a pack, not a release)."""
        row = self._conn.execute(
            "SELECT release_version FROM area_release WHERE area_id = ? ORDER BY id DESC LIMIT 1",
            (area_id,),
        ).fetchone()
        return None if row is None else row[0]

    @_reads
    def installed_at(self, area_id: str) -> str | None:
        """When the area's current content was installed (ISO time; the About page shows it)."""
        row = self._conn.execute("SELECT loaded_at FROM area WHERE id = ?", (area_id,)).fetchone()
        return None if row is None else row[0]

    @_reads
    def terms(self, area_id: str | None = None, kind: str | None = None) -> list[Term]:
        """Base vocabulary plus the additions of ``area_id``, in their published order."""
        sql = "SELECT * FROM taxonomy_term WHERE (area_id IS NULL OR area_id = ?)"
        args: list[object] = [area_id]
        if kind:
            sql += " AND kind = ?"
            args.append(kind)
        sql += " ORDER BY kind, area_id IS NOT NULL, position"
        return [
            Term(
                r["code"],
                r["kind"],
                Text(r["label_sv"], r["label_en"]),
                tuple(json.loads(r["synonyms_json"])),
                r["area_id"],
            )
            for r in self._conn.execute(sql, args)
        ]

    # ----------------------------------------------------------------------- services

    @_reads
    def service_ids(self, area_id: str) -> list[str]:
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT id FROM service WHERE area_id = ? ORDER BY position", (area_id,)
            )
        ]

    @_reads
    def services_by_location(self, area_id: str) -> dict[str, list[ServiceRef]]:
        """Location id → the services there (id, name, status), in catalogue order."""
        out: dict[str, list[ServiceRef]] = {}
        for loc, sid, name, status, detail in self._conn.execute(
            "SELECT sl.location_id, s.id, s.name, s.status, s.status_detail "
            "FROM service_at_location sl"
            " JOIN service s ON s.id = sl.service_id WHERE s.area_id = ?"
            " ORDER BY s.position, sl.position",
            (area_id,),
        ):
            out.setdefault(loc, []).append(ServiceRef(sid, name, status, detail))
        return out

    @_reads
    def service_count(self, area_id: str) -> int:
        return self._conn.execute(
            "SELECT count(*) FROM service WHERE area_id = ?", (area_id,)
        ).fetchone()[0]

    @_reads
    def service(self, service_id: str) -> Service:
        found = self.services([service_id])
        if not found:
            raise KeyError(service_id)
        return found[0]

    @_reads
    def services(self, ids: Sequence[str]) -> list[Service]:
        """Build full services for ``ids`` (order kept, unknown ids skipped) in a few queries."""
        if not ids:
            return []
        q = self._conn.execute
        ids = list(ids)
        out: dict[str, Service] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            m = _marks(len(chunk))
            rows = q(f"SELECT * FROM service WHERE id IN ({m})", chunk).fetchall()
            org_ids = sorted({r["organization_id"] for r in rows})
            orgs = {
                o["id"]: Organization(
                    o["id"],
                    o["area_id"],
                    o["name"],
                    _text(o["description_sv"], o["description_en"]),
                    o["url"],
                    o["email"],
                    _provenance(o["sources_json"], o["verified_at"])[0],
                )
                for o in q(
                    f"SELECT * FROM organization WHERE id IN ({_marks(len(org_ids))})", org_ids
                )
            }
            terms: dict[str, list[tuple[str, str]]] = {}
            for r in q(
                f"SELECT st.service_id, st.term_code, t.kind FROM service_term st JOIN taxonomy_term t "
                f"ON t.code = st.term_code WHERE st.service_id IN ({m}) ORDER BY st.position",
                chunk,
            ):
                terms.setdefault(r[0], []).append((r[1], r[2]))
            phones: dict[str, list[Phone]] = {}
            for r in q(f"SELECT * FROM phone WHERE service_id IN ({m}) ORDER BY position", chunk):
                phones.setdefault(r["service_id"], []).append(
                    Phone(
                        r["number"],
                        r["kind"],
                        _text(r["label_sv"], r["label_en"]),
                        bool(r["to_verify"]),
                    )
                )
            sched: dict[str, list[sqlite3.Row]] = {}
            for r in q(
                f"SELECT * FROM schedule WHERE service_id IN ({m}) ORDER BY kind DESC, position",
                chunk,
            ):
                sched.setdefault(r["service_id"], []).append(r)
            handovers = {
                r["service_id"]: r
                for r in q(f"SELECT * FROM handover WHERE service_id IN ({m})", chunk)
            }
            locs: dict[str, list[Location]] = {}
            for r in q(
                f"SELECT sal.service_id, l.*, a.address_1, a.postal_code, a.city, a.note AS addr_note "
                f"FROM service_at_location sal JOIN location l ON l.id = sal.location_id "
                f"LEFT JOIN address a ON a.location_id = l.id WHERE sal.service_id IN ({m}) "
                f"ORDER BY sal.position",
                chunk,
            ):
                locs.setdefault(r["service_id"], []).append(self._location(r))
            for r in rows:
                sid = r["id"]
                codes = terms.get(sid, [])
                hd = hours_dict(r, sched.get(sid, []))
                ho = handovers[sid]
                provenance, facts, phone_sources = _provenance(
                    r["sources_json"], r["verified_at"], r["data_note"]
                )
                svc_phones = phones.get(sid, [])
                if phone_sources:
                    svc_phones = [
                        replace(ph, source=phone_sources[i] if i < len(phone_sources) else None)
                        for i, ph in enumerate(svc_phones)
                    ]
                out[sid] = Service(
                    id=sid,
                    area_id=r["area_id"],
                    organization=orgs[r["organization_id"]],
                    name=r["name"],
                    alternate_name=r["alternate_name"],
                    description=Text(r["description_sv"], r["description_en"]),
                    status=r["status"],
                    status_detail=r["status_detail"] if r["status_detail"] != "closed" else None,
                    status_from=_day(r["status_from"]),
                    status_until=_day(r["status_until"]),
                    status_note=r["status_note"],
                    mobile=bool(r["mobile"]),
                    area_note=r["area_note"],
                    url=r["url"],
                    email=r["email"],
                    groups=tuple(c for c, k in codes if k == "group"),
                    needs=tuple(c for c, k in codes if k == "need"),
                    phones=tuple(svc_phones),
                    hours=None if hd is None else OpeningHours.from_dict(hd),
                    handover=Handover(
                        modes=tuple(c for c, k in codes if k == "handover"),
                        instructions=_text(ho["instructions_sv"], ho["instructions_en"]),
                        age_min=ho["age_min"],
                        age_max=ho["age_max"],
                        gender=ho["gender"],
                        no_papers_ok=_opt_bool(ho["no_papers_ok"]),
                        intoxicated_ok=_opt_bool(ho["intoxicated_ok"]),
                        referral_required=_opt_bool(ho["referral_required"]),
                        languages=tuple(json.loads(ho["languages_json"])),
                    ),
                    locations=tuple(locs.get(sid, ())),
                    provenance=provenance,
                    facts=facts,
                )
        return [out[i] for i in ids if i in out]

    @staticmethod
    def _location(r: sqlite3.Row) -> Location:
        address = (
            Address(r["address_1"], r["postal_code"], r["city"], r["addr_note"])
            if r["address_1"] is not None
            else None
        )
        return Location(
            id=r["id"],
            area_id=r["area_id"],
            name=r["name"],
            description=_text(r["description_sv"], r["description_en"]),
            address=address,
            lat=r["lat"],
            lon=r["lon"],
            coords_approximate=bool(r["coords_approximate"]),
            coords_note=r["coords_note"],
            landmark_id=f"{r['area_id']}/{r['landmark_key']}" if r["landmark_key"] else None,
        )

    @_reads
    def locations(self, area_id: str) -> list[Location]:
        return [
            self._location(r)
            for r in self._conn.execute(
                "SELECT l.*, a.address_1, a.postal_code, a.city, a.note AS addr_note FROM location l "
                "LEFT JOIN address a ON a.location_id = l.id WHERE l.area_id = ? ORDER BY l.position",
                (area_id,),
            )
        ]

    # ------------------------------------------------------------------ places (Platser)

    @_reads
    def place_points(
        self, area_id: str
    ) -> list[tuple[str, float | None, float | None, str | None]]:
        """Each location with a service: (id, lat, lon, landmark id), in catalogue order.

        What sorting the Platser list needs and no more, so its first screen does not wait
        for every name and address (at 100,000 services: 0.15 s instead of 2 s).
        A service is only at its own area's locations (the pack names them by key), so
        "has a service" needs no look at the service table.
        """
        from kompassen.catalogue.search import snapshot  # numpy: the window has it already

        version = self._conn.execute(
            "SELECT catalogue_version FROM area WHERE id = ?", (area_id,)
        ).fetchone()
        if version is not None:  # kept at install (the query below: ~0.2 s at 100k)
            kept = snapshot.load_places(self._conn, area_id, version[0])
            if kept is not None:
                return kept
        return [
            (r[0], r[1], r[2], f"{area_id}/{r[3]}" if r[3] else None)
            for r in self._conn.execute(snapshot.PLACE_POINTS_SQL, (area_id,))
        ]

    @_reads
    def places(
        self, area_id: str, location_ids: Sequence[str]
    ) -> list[tuple[Location, tuple[ServiceRef, ...]]]:
        """These locations (order kept, unknown ids skipped) and the area's services at each.

        The rows of one screenful of Platser; the same objects as :meth:`locations` and
        :meth:`services_by_location` give (services in catalogue order).
        """
        q = self._conn.execute
        out: list[tuple[Location, tuple[ServiceRef, ...]]] = []
        ids = list(location_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            m = _marks(len(chunk))
            locs = {
                r["id"]: self._location(r)
                for r in q(
                    "SELECT l.*, a.address_1, a.postal_code, a.city, a.note AS addr_note "
                    "FROM location l LEFT JOIN address a ON a.location_id = l.id "
                    f"WHERE l.id IN ({m})",
                    chunk,
                )
            }
            here: dict[str, list[ServiceRef]] = {}
            # CROSS JOIN: the links first (one pass over them, as no index leads with the
            # location), then each service by its key; left to itself the planner may walk
            # every service of the area instead (6 s at 100,000 services)
            for loc, sid, name, status, detail in q(
                "SELECT sl.location_id, s.id, s.name, s.status, s.status_detail "
                "FROM service_at_location sl"
                f" CROSS JOIN service s ON s.id = sl.service_id WHERE sl.location_id IN ({m})"
                " AND s.area_id = ? ORDER BY s.position, sl.position",
                [*chunk, area_id],
            ):
                here.setdefault(loc, []).append(ServiceRef(sid, name, status, detail))
            out.extend((locs[i], tuple(here.get(i, ()))) for i in chunk if i in locs)
        return out

    @_reads
    def place_services(self, area_id: str) -> dict[str, list[str]]:
        """Location id → the ids of the services there (any order): which places a filter keeps."""
        out: dict[str, list[str]] = {}
        for loc, sid in self._conn.execute(
            "SELECT location_id, service_id FROM service_at_location WHERE location_id IN "
            "(SELECT id FROM location WHERE area_id = ?)",
            (area_id,),
        ):
            out.setdefault(loc, []).append(sid)
        return out

    # --------------------------------------------------------- landmarks, guides, notices

    @_reads
    def landmarks(self, area_id: str) -> list[Landmark]:
        return [
            Landmark(
                r["id"],
                r["area_id"],
                r["name"],
                r["kind"],
                r["lat"],
                r["lon"],
                bool(r["approximate"]),
                r["source"],
                tuple(json.loads(r["aliases_json"])),
            )
            for r in self._conn.execute(
                "SELECT * FROM landmark WHERE area_id = ? ORDER BY position", (area_id,)
            )
        ]

    @_reads
    def guides(self, area_id: str) -> list[Guide]:
        q = self._conn.execute
        kinds = {r[0]: r[1] for r in q("SELECT code, kind FROM taxonomy_term")}
        guides = []
        for g in q(
            "SELECT * FROM guide WHERE area_id = ? ORDER BY position", (area_id,)
        ).fetchall():
            codes = [
                r[0]
                for r in q(
                    "SELECT term_code FROM guide_term WHERE guide_id = ? ORDER BY position",
                    (g["id"],),
                )
            ]
            steps = []
            for st in q(
                "SELECT * FROM guide_step WHERE guide_id = ? ORDER BY position", (g["id"],)
            ).fetchall():
                services = tuple(
                    r[0]
                    for r in q(
                        "SELECT service_id FROM guide_step_service WHERE step_id = ? ORDER BY position",
                        (st["id"],),
                    )
                )
                when = None
                if st["from_time"] is not None:
                    days = (
                        tuple(DAY_CODES.index(d) for d in st["days"].split(","))
                        if st["days"]
                        else ()
                    )
                    when = TimeWindow(days, st["from_time"], st["to_time"])
                steps.append(GuideStep(Text(st["text_sv"], st["text_en"]), services, when))
            guides.append(
                Guide(
                    id=g["id"],
                    area_id=g["area_id"],
                    title=Text(g["title_sv"], g["title_en"]),
                    problem=Text(g["problem_sv"], g["problem_en"]),
                    groups=tuple(c for c in codes if kinds.get(c) == "group"),
                    needs=tuple(c for c in codes if kinds.get(c) == "need"),
                    steps=tuple(steps),
                    provenance=_provenance(g["sources_json"], g["verified_at"])[0],
                )
            )
        return guides

    @_reads
    def notices(self, area_id: str, at: datetime) -> list[Notice]:
        """Notices in force at ``at`` (dates compare as local ISO text)."""
        stamp = at.strftime("%Y-%m-%dT%H:%M:%S")
        return [
            Notice(
                r["id"],
                r["area_id"],
                r["service_id"],
                Text(r["text_sv"], r["text_en"]),
                r["starts"] or "",
                r["expires"] or "",
            )
            for r in self._conn.execute(
                "SELECT * FROM notice WHERE area_id = ? AND (starts IS NULL OR starts <= ?) "
                "AND (expires IS NULL "
                "OR (CASE WHEN length(expires) = 10 THEN expires || 'T23:59:59' ELSE expires END) >= ?) "
                "ORDER BY position",
                (area_id, stamp, stamp),
            )
        ]


def _day(text: str | None) -> date | None:
    """A stored ISO date (validated at install), or None."""
    return None if text is None else date.fromisoformat(text)


def _provenance(
    sources_json: str, verified_at: str, note: str = ""
) -> tuple[Provenance, FactSources, tuple[FactSource | None, ...]]:
    """A record's provenance, its facts' sources and its phones' sources (aligned with the
    phones), from a ``sources_json`` column in either stored form."""
    sources, facts = read_stored(sources_json)
    cited = tuple(
        FactSource(
            str(x.get("id", "")),
            source_url(x),
            str(x.get("title", "")),
            str(x.get("date", "unknown")),
            str(x.get("checked", "")),
        )
        if isinstance(x, dict)
        else FactSource("", str(x))
        for x in sources
    )
    provenance = Provenance(tuple(source_url(x) for x in sources), verified_at, note, cited)
    if not facts:
        return provenance, FactSources(), ()
    by_id = {c.id: c for c in cited if c.id}

    def one(ref: object) -> FactSource | None:
        return by_id.get(ref) if isinstance(ref, str) else None

    def many(name: str) -> tuple[FactSource | None, ...]:
        return tuple(one(ref) for ref in facts.get(name) or ())

    fact_sources = FactSources(
        status=one(facts.get("status")),
        location=one(facts.get("location")),
        hours=one(facts.get("hours")),
        weekly=many("weekly"),
        exceptions=many("exceptions"),
        handover=one(facts.get("handover")),
    )
    return provenance, fact_sources, many("phones")
