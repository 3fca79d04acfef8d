"""Writing area packs into catalogue.db, and reading them back out as packs.

``install_pack`` replaces one area in a single transaction: a pack that fails half-way leaves
the previous catalogue untouched. ``dump_area`` is its exact inverse (used by HSDS import,
exports and round-trip tests).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kompassen.catalogue.pack import fact_sources
from kompassen.catalogue.pack.packdata import FORMAT_VERSION, PackData
from kompassen.catalogue.search.analyzer import Analyzer
from kompassen.catalogue.search.fts import drop_area_index
from kompassen.catalogue.search.snapshot import index_for_search
from kompassen.catalogue.store.db import transaction
from kompassen.catalogue.store.errors import AreaNotInstalled
from kompassen.catalogue.store.hours_rows import HSDS_DAYS as _HSDS_DAYS
from kompassen.catalogue.store.hours_rows import hours_dict, schedules_by_service
from kompassen.catalogue.store.hours_rows import put as _put
from kompassen.catalogue.store.taxonomy import sync_base_taxonomy
from kompassen.core.model import coarse_status

__all__ = ["AreaNotInstalled", "sync_base_taxonomy"]  # re-exported (their own modules are light)

if TYPE_CHECKING:  # validating packs: imported by an install, not by a search (hours_dict)
    from kompassen.catalogue.pack.stream import Progress
    from kompassen.catalogue.pack.streamed import StreamedPack


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def install_pack(
    conn: sqlite3.Connection,
    pack: PackData,
    *,
    now: datetime,
    origin: str | None = None,
    release_version: int | None = None,
) -> int:
    """Validate and (re)install one area atomically; return its new catalogue version.

    ``release_version`` is the signed release the content came from (None for a pack).
    """
    from kompassen.catalogue.pack.validate import PackError, PackProblem, check_pack

    check_pack(pack)
    try:
        return _install_checked(conn, pack, now, origin, release_version)
    except sqlite3.IntegrityError as exc:
        # a pack the validator passed must install (tests/fuzz hold them to it); should one
        # still break a constraint, the user gets words and the old catalogue, not a traceback
        raise PackError(
            [
                PackProblem(
                    "",
                    "",
                    f"Paketet gick inte att spara i katalogen ({exc}).",
                    f"The pack could not be stored in the catalogue ({exc}).",
                )
            ],
            pack.area_id,
        ) from exc


def _install_checked(
    conn: sqlite3.Connection,
    pack: PackData,
    now: datetime,
    origin: str | None,
    release_version: int | None,
) -> int:
    area = pack.area
    area_id = area["id"]
    with transaction(conn):
        sync_base_taxonomy(conn)
        row = conn.execute("SELECT catalogue_version FROM area WHERE id = ?", (area_id,)).fetchone()
        version = (row[0] + 1) if row else 1
        drop_area_index(conn, area_id)
        conn.execute("DELETE FROM area WHERE id = ?", (area_id,))
        _insert_area(conn, pack, version, origin or pack.origin, now)
        index_for_search(conn, area_id, Analyzer())
        count = conn.execute(
            "SELECT count(*) FROM service WHERE area_id = ?", (area_id,)
        ).fetchone()[0]
        conn.execute(
            """INSERT INTO area_release (area_id, catalogue_version, pack_version, origin,
               applied_at, service_count, release_version) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (
                area_id,
                version,
                area["version"],
                origin or pack.origin,
                now.isoformat(),
                count,
                release_version,
            ),
        )
    return version


def install_streamed(
    conn: sqlite3.Connection,
    pack: StreamedPack,
    *,
    now: datetime,
    origin: str,
    progress: Progress | None = None,
) -> int:
    """(Re)install a pack whose services.json is validated and inserted record by record.

    One transaction, as :func:`install_pack`: a record that fails anywhere in the file (or a
    file cut short) leaves the previous catalogue as it was. Foreign keys are checked at the
    commit, so a file may list services before their organisations.
    """
    from kompassen.catalogue.pack.streamed import check_services
    from kompassen.catalogue.pack.validate import PackError, PackProblem

    area = pack.head.area
    area_id = area["id"]
    try:
        with transaction(conn):
            sync_base_taxonomy(conn)
            row = conn.execute(
                "SELECT catalogue_version FROM area WHERE id = ?", (area_id,)
            ).fetchone()
            version = (row[0] + 1) if row else 1
            drop_area_index(conn, area_id)
            conn.execute("DELETE FROM area WHERE id = ?", (area_id,))
            conn.execute("PRAGMA defer_foreign_keys = ON")  # ends with the transaction
            _insert_head(conn, pack.head, version, origin, now)
            count = check_services(
                pack,
                sink=lambda section, batch: insert_records(conn, area_id, section, batch),
                progress=progress,
            )
            _insert_tail(conn, pack.head)
            index_for_search(conn, area_id, Analyzer())
            conn.execute(
                """INSERT INTO area_release (area_id, catalogue_version, pack_version, origin,
                   applied_at, service_count, release_version) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (area_id, version, area["version"], origin, now.isoformat(), count, None),
            )
    except sqlite3.IntegrityError as exc:
        raise PackError(
            [
                PackProblem(
                    "",
                    "",
                    f"Paketet gick inte att spara i katalogen ({exc}).",
                    f"The pack could not be stored in the catalogue ({exc}).",
                )
            ],
            area_id,
        ) from exc
    return version


def _insert_area(
    conn: sqlite3.Connection, pack: PackData, version: int, origin: str, now: datetime
) -> None:
    """Write one validated pack as rows, one dict (column → value) per row.

    JSON columns are written by :func:`_j` (UTF-8 text, the form ``dump_area`` reads back).
    """
    _insert_head(conn, pack, version, origin, now)
    svc_doc = pack.doc("services.json")
    aid = pack.area["id"]
    for section in ("organizations", "locations", "services"):
        insert_records(conn, aid, section, list(enumerate(svc_doc[section])))
    _insert_tail(conn, pack)


def _insert_head(
    conn: sqlite3.Connection, pack: PackData, version: int, origin: str, now: datetime
) -> None:
    """The area row, its own taxonomy terms and its landmarks (what services point at)."""
    a = pack.area
    aid = a["id"]
    desc = a.get("description", {})
    keys = a["public_keys"]
    _insert(
        conn,
        "area",
        [
            {
                "id": aid,
                "name": a["name"],
                "title": a["title"],
                "description_sv": desc.get("sv", ""),
                "description_en": desc.get("en", ""),
                "colour": a["colour"],
                "center_lat": a["center"]["lat"],
                "center_lon": a["center"]["lon"],
                "default_landmark_key": a["default_landmark"],
                "sealing_public_key": keys["sealing"],
                "signing_public_key": keys["signing"],
                "public_keys_note": keys.get("note", ""),
                "format_version": a["format_version"],
                "pack_version": a["version"],
                "catalogue_version": version,
                "origin": origin,
                "loaded_at": now.isoformat(),
            }
        ],
    )
    tax = pack.doc("taxonomy.json")
    _insert(
        conn,
        "taxonomy_term",
        [
            {
                "code": t["code"],
                "kind": kind,
                "label_sv": t["sv"],
                "label_en": t.get("en", ""),
                "synonyms_json": _j(t.get("synonyms", [])),
                "area_id": aid,
                "position": pos,
            }
            for plural, kind in (("groups", "group"), ("needs", "need"))
            for pos, t in enumerate(tax.get(plural, []))
        ],
    )
    _insert(
        conn,
        "landmark",
        [
            {
                "id": f"{aid}/{lm['key']}",
                "area_id": aid,
                "key": lm["key"],
                "name": lm["name"],
                "kind": lm.get("kind", ""),
                "lat": lm["lat"],
                "lon": lm["lon"],
                "approximate": lm.get("approximate", True),
                "source": lm.get("source", ""),
                "aliases_json": _j(lm.get("aliases", [])),
                "position": pos,
            }
            for pos, lm in enumerate(pack.doc("landmarks.json")["landmarks"])
        ],
    )


def insert_records(
    conn: sqlite3.Connection, aid: str, section: str, records: list[tuple[int, dict[str, Any]]]
) -> None:
    """Rows of validated records of one services.json list, each with its position there.

    Called once per list for a pack in memory, once per batch for a streamed one.
    """
    if section == "organizations":
        _insert_organizations(conn, aid, records)
    elif section == "locations":
        _insert_locations(conn, aid, records)
    elif section == "services":
        _insert_services(conn, aid, records)


def _insert_organizations(
    conn: sqlite3.Connection, aid: str, records: list[tuple[int, dict[str, Any]]]
) -> None:
    _insert(
        conn,
        "organization",
        [
            {
                "id": f"{aid}/{o['key']}",
                "area_id": aid,
                "key": o["key"],
                "name": o["name"],
                **_texts("description", o.get("description")),
                "url": o.get("url", ""),
                "email": o.get("email", ""),
                "sources_json": _j(o["sources"]),
                "verified_at": o["verified_at"],
                "position": pos,
            }
            for pos, o in records
        ],
    )


def _insert_locations(
    conn: sqlite3.Connection, aid: str, records: list[tuple[int, dict[str, Any]]]
) -> None:
    _insert(
        conn,
        "location",
        [
            {
                "id": f"{aid}/{loc['key']}",
                "area_id": aid,
                "key": loc["key"],
                "name": loc["name"],
                **_texts("description", loc.get("description")),
                "lat": loc.get("lat"),
                "lon": loc.get("lon"),
                "coords_approximate": loc.get("coords_approximate", True),
                "coords_note": loc.get("coords_note", ""),
                "landmark_key": loc.get("landmark"),
                "position": pos,
            }
            for pos, loc in records
        ],
    )
    _insert(
        conn,
        "address",
        [
            {
                "location_id": f"{aid}/{loc['key']}",
                "address_1": loc["address"]["street"],
                "postal_code": loc["address"].get("postal_code", ""),
                "city": loc["address"].get("city", ""),
                "note": loc["address"].get("note", ""),
            }
            for _, loc in records
            if "address" in loc
        ],
    )


def _insert_services(
    conn: sqlite3.Connection, aid: str, records: list[tuple[int, dict[str, Any]]]
) -> None:
    services: list[dict[str, Any]] = []
    at_loc: list[dict[str, Any]] = []
    phones: list[dict[str, Any]] = []
    schedules: list[dict[str, Any]] = []
    handovers: list[dict[str, Any]] = []
    for pos, s in records:
        sid = f"{aid}/{s['key']}"
        hours = s.get("hours") or {}
        facts = fact_sources.facts_of(s)
        services.append(
            {
                "id": sid,
                "area_id": aid,
                "key": s["key"],
                "organization_id": f"{aid}/{s['organization']}",
                "name": s["name"],
                "alternate_name": s.get("alternate_name", ""),
                "description_sv": s["description"]["sv"],
                "description_en": s["description"].get("en", ""),
                "status": coarse_status(s["status"]),
                "status_detail": None if s["status"] == coarse_status(s["status"]) else s["status"],
                "status_from": s.get("status_from"),
                "status_until": s.get("status_until"),
                "status_note": s.get("status_note", ""),
                "mobile": s.get("mobile", False),
                "area_note": s.get("area_note", ""),
                "url": s.get("url", ""),
                "email": s.get("email", ""),
                "hours_known": s.get("hours") is not None,
                "always_open": bool(hours.get("always_open")),
                "holiday_policy": hours.get("holidays", "normal"),
                "eve_policy": hours.get("holiday_eves", "normal"),
                "hours_note": hours.get("note", ""),
                "sources_json": fact_sources.stored_json(s["sources"], facts),
                "verified_at": s["verified_at"],
                "data_note": s.get("data_note", ""),
                "position": pos,
                "term_codes_json": _j([*s["groups"], *s["needs"], *s["handover"]["modes"]]),
            }
        )
        at_loc.extend(
            {"service_id": sid, "location_id": f"{aid}/{key}", "position": i}
            for i, key in enumerate(s.get("locations", []))
        )
        phones.extend(
            {
                "service_id": sid,
                "number": ph["number"],
                "kind": ph["kind"],
                **_texts("label", ph.get("label")),
                "to_verify": ph.get("to_verify", False),
                "position": i,
            }
            for i, ph in enumerate(s.get("phones", []))
        )
        schedules.extend(
            {
                "service_id": sid,
                "kind": "weekly",
                "byday": ",".join(_HSDS_DAYS[d] for d in rule["days"]),
                "opens_at": rule["opens"],
                "closes_at": rule["closes"],
                "valid_date": None,
                "closed": False,
                "note": "",
                "position": i,
            }
            for i, rule in enumerate(hours.get("weekly", []))
        )
        schedules.extend(
            {
                "service_id": sid,
                "kind": "exception",
                "byday": None,
                "opens_at": exc.get("opens"),
                "closes_at": exc.get("closes"),
                "valid_date": exc["date"],
                "closed": exc.get("closed", False),
                "note": exc.get("note", ""),
                "position": i,
            }
            for i, exc in enumerate(hours.get("exceptions", []))
        )
        ho = s["handover"]
        handovers.append(
            {
                "service_id": sid,
                **_texts("instructions", ho.get("instructions")),
                "age_min": ho.get("age_min"),
                "age_max": ho.get("age_max"),
                "gender": ho.get("gender"),
                "no_papers_ok": ho.get("no_papers_ok"),
                "intoxicated_ok": ho.get("intoxicated_ok"),
                "referral_required": ho.get("referral_required"),
                "languages_json": _j(ho.get("languages", [])),
            }
        )
    for table, rows in (
        ("service", services),
        ("service_at_location", at_loc),
        ("phone", phones),
        ("schedule", schedules),
        ("handover", handovers),
    ):
        _insert(conn, table, rows)


def _insert_tail(conn: sqlite3.Connection, pack: PackData) -> None:
    """Guides and notices: they point at services, so they come after them."""
    aid = pack.area["id"]
    for pos, g in enumerate(pack.doc("guides.json")["guides"]):
        gid = f"{aid}/{g['key']}"
        _insert(
            conn,
            "guide",
            [
                {
                    "id": gid,
                    "area_id": aid,
                    "key": g["key"],
                    "title_sv": g["title"]["sv"],
                    "title_en": g["title"].get("en", ""),
                    "problem_sv": g["problem"]["sv"],
                    "problem_en": g["problem"].get("en", ""),
                    "sources_json": _j(g["sources"]),
                    "verified_at": g["verified_at"],
                    "position": pos,
                }
            ],
        )
        _insert(
            conn,
            "guide_term",
            [
                {"guide_id": gid, "term_code": code, "position": i}
                for i, code in enumerate([*g.get("groups", []), *g["needs"]])
            ],
        )
        for spos, step in enumerate(g["steps"]):
            when = step.get("when")
            step_id = _insert_row(
                conn,
                "guide_step",
                {
                    "guide_id": gid,
                    "position": spos,
                    "text_sv": step["text"]["sv"],
                    "text_en": step["text"].get("en", ""),
                    "days": ",".join(when["days"]) if when and "days" in when else None,
                    "from_time": when["from"] if when else None,
                    "to_time": when["to"] if when else None,
                },
            )
            _insert(
                conn,
                "guide_step_service",
                [
                    {"step_id": step_id, "service_id": f"{aid}/{key}", "position": i}
                    for i, key in enumerate(step.get("services", []))
                ],
            )
    _insert(
        conn,
        "notice",
        [
            {
                "id": f"{aid}/{n['key']}",
                "area_id": aid,
                "key": n["key"],
                "service_id": f"{aid}/{n['service']}" if "service" in n else None,
                "text_sv": n["text"]["sv"],
                "text_en": n["text"].get("en", ""),
                "starts": n.get("starts"),
                "expires": n.get("expires"),
                "position": pos,
            }
            for pos, n in enumerate(pack.doc("notices.json")["notices"])
        ],
    )


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows given as dicts (column → value, the same keys in every row) in one go.

    Not sqlite-utils' ``insert_all``, measured with ``bench/bench_pack_install.py``: its
    per-value conversion in Python made installing 10,000 services 20-50 % slower, and
    importing it adds about 9 MB and 0.1 s to the app process that applies a release.
    """
    if rows:
        conn.executemany(_insert_sql(table, rows[0]), [tuple(row.values()) for row in rows])


def _insert_row(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> int:
    """Insert one row given as a dict; return its rowid."""
    rowid = conn.execute(_insert_sql(table, row), tuple(row.values())).lastrowid
    assert rowid is not None  # an INSERT always sets it
    return rowid


def _insert_sql(table: str, row: dict[str, Any]) -> str:
    return f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})"


def _texts(column: str, text: dict[str, str] | None) -> dict[str, str | None]:
    """``<column>_sv`` and ``<column>_en`` of an optional two-language text."""
    if not text:
        return {f"{column}_sv": None, f"{column}_en": None}
    return {f"{column}_sv": text["sv"], f"{column}_en": text.get("en")}


# ------------------------------------------------------------------------ reading back


def _text(sv: str | None, en: str | None) -> dict[str, str] | None:
    if sv is None:
        return None
    return {"sv": sv, "en": en} if en else {"sv": sv}


def dump_area(conn: sqlite3.Connection, area_id: str) -> PackData:
    """The installed area as pack documents (the exact inverse of install_pack)."""
    a = conn.execute("SELECT * FROM area WHERE id = ?", (area_id,)).fetchone()
    if a is None:
        raise AreaNotInstalled(area_id)
    area: dict[str, Any] = {
        "format_version": a["format_version"],
        "id": a["id"],
        "name": a["name"],
        "title": a["title"],
    }
    _put(area, "description", _text(a["description_sv"] or None, a["description_en"]))
    area |= {
        "colour": a["colour"],
        "version": a["pack_version"],
        "center": {"lat": a["center_lat"], "lon": a["center_lon"]},
        "default_landmark": a["default_landmark_key"],
        "public_keys": {"sealing": a["sealing_public_key"], "signing": a["signing_public_key"]},
    }
    _put(area["public_keys"], "note", a["public_keys_note"])

    q = conn.execute
    orgs = []
    for o in q("SELECT * FROM organization WHERE area_id = ? ORDER BY position", (area_id,)):
        org: dict[str, Any] = {"key": o["key"], "name": o["name"]}
        _put(org, "description", _text(o["description_sv"], o["description_en"]))
        _put(org, "url", o["url"])
        _put(org, "email", o["email"])
        org |= {"sources": json.loads(o["sources_json"]), "verified_at": o["verified_at"]}
        orgs.append(org)
    addresses = {
        r["location_id"]: r
        for r in q(
            "SELECT address.* FROM address JOIN location ON location.id = address.location_id "
            "WHERE location.area_id = ?",
            (area_id,),
        )
    }
    locs = []
    for lo in q("SELECT * FROM location WHERE area_id = ? ORDER BY position", (area_id,)):
        loc: dict[str, Any] = {"key": lo["key"], "name": lo["name"]}
        _put(loc, "description", _text(lo["description_sv"], lo["description_en"]))
        if lo["id"] in addresses:
            ad = addresses[lo["id"]]
            addr = {"street": ad["address_1"]}
            for k in ("postal_code", "city", "note"):
                _put(addr, k, ad[k])
            loc["address"] = addr
        _put(loc, "lat", lo["lat"])
        _put(loc, "lon", lo["lon"])
        _put(loc, "coords_approximate", bool(lo["coords_approximate"]), True)
        _put(loc, "coords_note", lo["coords_note"])
        _put(loc, "landmark", lo["landmark_key"])
        locs.append(loc)

    kinds = {r["code"]: r["kind"] for r in q("SELECT code, kind FROM taxonomy_term")}
    terms: dict[str, list[str]] = {}
    for r in q(
        "SELECT st.service_id, st.term_code FROM service_term st JOIN service s "
        "ON s.id = st.service_id WHERE s.area_id = ? ORDER BY st.service_id, st.position",
        (area_id,),
    ):
        terms.setdefault(r[0], []).append(r[1])
    at_loc: dict[str, list[str]] = {}
    for r in q(
        "SELECT sal.service_id, l.key FROM service_at_location sal JOIN location l "
        "ON l.id = sal.location_id WHERE l.area_id = ? ORDER BY sal.service_id, sal.position",
        (area_id,),
    ):
        at_loc.setdefault(r[0], []).append(r[1])
    phones: dict[str, list[dict[str, Any]]] = {}
    for r in q(
        "SELECT p.* FROM phone p JOIN service s ON s.id = p.service_id WHERE s.area_id = ? "
        "ORDER BY p.service_id, p.position",
        (area_id,),
    ):
        ph: dict[str, Any] = {"number": r["number"], "kind": r["kind"]}
        _put(ph, "label", _text(r["label_sv"], r["label_en"]))
        _put(ph, "to_verify", bool(r["to_verify"]), False)
        phones.setdefault(r["service_id"], []).append(ph)
    sched = schedules_by_service(conn, area_id)
    handovers = {
        r["service_id"]: r
        for r in q(
            "SELECT h.* FROM handover h JOIN service s ON s.id = h.service_id WHERE s.area_id = ?",
            (area_id,),
        )
    }
    svcs = []
    for s in q("SELECT * FROM service WHERE area_id = ? ORDER BY position", (area_id,)):
        sid = s["id"]
        codes = terms.get(sid, [])
        svc: dict[str, Any] = {
            "key": s["key"],
            "organization": s["organization_id"].split("/", 1)[1],
            "name": s["name"],
        }
        _put(svc, "alternate_name", s["alternate_name"])
        svc["description"] = _text(s["description_sv"], s["description_en"])
        svc["status"] = s["status_detail"] or s["status"]
        _put(svc, "status_from", s["status_from"])
        _put(svc, "status_until", s["status_until"])
        _put(svc, "status_note", s["status_note"])
        _put(svc, "mobile", bool(s["mobile"]), False)
        _put(svc, "area_note", s["area_note"])
        _put(svc, "locations", at_loc.get(sid), None)
        svc["groups"] = [c for c in codes if kinds.get(c) == "group"]
        svc["needs"] = [c for c in codes if kinds.get(c) == "need"]
        _put(svc, "phones", phones.get(sid), None)
        _put(svc, "url", s["url"])
        _put(svc, "email", s["email"])
        svc["hours"] = hours_dict(s, sched.get(sid, []))
        ho = handovers[sid]
        handover: dict[str, Any] = {"modes": [c for c in codes if kinds.get(c) == "handover"]}
        _put(handover, "instructions", _text(ho["instructions_sv"], ho["instructions_en"]))
        for k in ("age_min", "age_max", "gender"):
            _put(handover, k, ho[k])
        for k in ("no_papers_ok", "intoxicated_ok", "referral_required"):
            _put(handover, k, None if ho[k] is None else bool(ho[k]))
        _put(handover, "languages", json.loads(ho["languages_json"]), [])
        svc["handover"] = handover
        svc["sources"], facts = fact_sources.read_stored(s["sources_json"])
        svc["verified_at"] = s["verified_at"]
        _put(svc, "data_note", s["data_note"])
        fact_sources.apply(svc, facts)
        svcs.append(svc)

    landmarks = []
    for r in q("SELECT * FROM landmark WHERE area_id = ? ORDER BY position", (area_id,)):
        lm: dict[str, Any] = {"key": r["key"], "name": r["name"]}
        _put(lm, "kind", r["kind"])
        _put(lm, "aliases", json.loads(r["aliases_json"]), [])
        lm |= {"lat": r["lat"], "lon": r["lon"]}
        _put(lm, "approximate", bool(r["approximate"]), True)
        _put(lm, "source", r["source"])
        landmarks.append(lm)

    documents: dict[str, Any] = {
        "area.json": area,
        "services.json": {
            "format_version": FORMAT_VERSION,
            "organizations": orgs,
            "locations": locs,
            "services": svcs,
        },
        "landmarks.json": {"format_version": FORMAT_VERSION, "landmarks": landmarks},
        "guides.json": {
            "format_version": FORMAT_VERSION,
            "guides": _dump_guides(conn, area_id, kinds),
        },
        "taxonomy.json": _dump_taxonomy(conn, area_id),
        "notices.json": {"format_version": FORMAT_VERSION, "notices": _dump_notices(conn, area_id)},
    }
    return PackData(documents, origin=a["origin"])


def _dump_guides(conn: sqlite3.Connection, area_id: str, kinds: dict[str, str]) -> list[Any]:
    guides = []
    for g in conn.execute("SELECT * FROM guide WHERE area_id = ? ORDER BY position", (area_id,)):
        codes = [
            r[0]
            for r in conn.execute(
                "SELECT term_code FROM guide_term WHERE guide_id = ? ORDER BY position", (g["id"],)
            )
        ]
        guide: dict[str, Any] = {
            "key": g["key"],
            "title": _text(g["title_sv"], g["title_en"]),
            "problem": _text(g["problem_sv"], g["problem_en"]),
        }
        _put(guide, "groups", [c for c in codes if kinds.get(c) == "group"], [])
        guide["needs"] = [c for c in codes if kinds.get(c) == "need"]
        steps = []
        for st in conn.execute(
            "SELECT * FROM guide_step WHERE guide_id = ? ORDER BY position", (g["id"],)
        ):
            step: dict[str, Any] = {"text": _text(st["text_sv"], st["text_en"])}
            services = [
                r[0].split("/", 1)[1]
                for r in conn.execute(
                    "SELECT service_id FROM guide_step_service WHERE step_id = ? ORDER BY position",
                    (st["id"],),
                )
            ]
            _put(step, "services", services, [])
            if st["from_time"] is not None:
                when: dict[str, Any] = {}
                if st["days"]:
                    when["days"] = st["days"].split(",")
                when |= {"from": st["from_time"], "to": st["to_time"]}
                step["when"] = when
            steps.append(step)
        guide |= {
            "steps": steps,
            "sources": json.loads(g["sources_json"]),
            "verified_at": g["verified_at"],
        }
        guides.append(guide)
    return guides


def _dump_taxonomy(conn: sqlite3.Connection, area_id: str) -> dict[str, Any]:
    doc: dict[str, Any] = {"format_version": FORMAT_VERSION, "groups": [], "needs": []}
    for r in conn.execute(
        "SELECT * FROM taxonomy_term WHERE area_id = ? ORDER BY kind, position", (area_id,)
    ):
        term: dict[str, Any] = {"code": r["code"], "sv": r["label_sv"]}
        _put(term, "en", r["label_en"])
        _put(term, "synonyms", json.loads(r["synonyms_json"]), [])
        doc[r["kind"] + "s"].append(term)
    return doc


def _dump_notices(conn: sqlite3.Connection, area_id: str) -> list[Any]:
    notices = []
    for r in conn.execute("SELECT * FROM notice WHERE area_id = ? ORDER BY position", (area_id,)):
        n: dict[str, Any] = {"key": r["key"]}
        _put(n, "service", r["service_id"].split("/", 1)[1] if r["service_id"] else None)
        n["text"] = _text(r["text_sv"], r["text_en"])
        _put(n, "starts", r["starts"])
        _put(n, "expires", r["expires"])
        notices.append(n)
    return notices
