"""HSDS 3 (and tolerated 2.x) import into one installed area; mapping documented in ``mapping.py``.

Why this shape: reading, checking and mapping happen entirely in memory and produce a normal
area pack, which ``CatalogueStore.install`` validates and writes in one transaction. So bad
input can never leave a half-imported catalogue, and every problem can still be reported
against the HSDS file, row and field the user can open and fix.

This module is the run: it maps organisations, locations, services, phones and languages.
Its collaborators: ``source`` (reading files into tables), ``keys`` (ids, foreign keys, record
keys), ``attributes`` (codes and extension data), ``hours`` (schedules), ``problems``
(problems, warnings, provenance).
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from kompassen.catalogue.hsds import mapping, new_area
from kompassen.catalogue.hsds.attributes import Attributes, known_kinds
from kompassen.catalogue.hsds.hours import Schedules, pack_hours, parse_date
from kompassen.catalogue.hsds.keys import RowChecks, Rows, assign_keys, existing_keys
from kompassen.catalogue.hsds.mapping import (
    STATUS_FROM_HSDS,
    STATUS_TO_HSDS,
    HsdsError,
    HsdsProblem,
    ImportResult,
)
from kompassen.catalogue.hsds.problems import Problems, Provenance, Warnings
from kompassen.catalogue.hsds.report import DROPPED, NOTE, SKIPPED, Report
from kompassen.catalogue.hsds.source import check_structure, read_source
from kompassen.catalogue.hsds.tables import Source, TableData
from kompassen.catalogue.pack import fact_sources
from kompassen.catalogue.pack.packdata import FORMAT_VERSION, PackData
from kompassen.catalogue.pack.validate import PackError
from kompassen.catalogue.store.loader import AreaNotInstalled, dump_area
from kompassen.catalogue.store.store import CatalogueStore

_PARTIAL_DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|unknown)$")
_PHONE = re.compile(r"^[0-9+][0-9 \-]{1,20}$")
_LANG = re.compile(r"^[a-z]{2,3}$")
_DECIMAL_COMMA = re.compile(r"^-?\d{1,3},\d+$")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
_BREAK = re.compile(r"<br\s*/?>|</p\s*>|</li\s*>|</div\s*>", re.IGNORECASE)
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
_BARE_URL = re.compile(r"^(//)?([a-z0-9åäö-]+\.)+[a-z]{2,24}(:\d+)?([/?#]\S*)?$", re.IGNORECASE)
_TRUNK_ZERO = re.compile(r"^\s*\+\d{1,3}\s*\(0\)")
_PHONE_PREFIX = re.compile(r"^(tel|tfn|telefon|phone|ph|växel|sms)\s*[.:]?\s*", re.IGNORECASE)
_PACK_STATUSES = frozenset({"active", "inactive", "defunct", "temporarily-closed", "closed"})
# status words other tools write, each with one obvious HSDS reading
_STATUS_WORDS = {
    "open": "active",
    "öppen": "active",
    "aktiv": "active",
    "closed": "closed",
    "stängd": "closed",
    "nedlagd": "closed",
    "temporarily_closed": "temporarily-closed",
    "tillfälligt stängd": "temporarily-closed",
}


def _loose_phone(number: str) -> str | None:
    """The number in ``tel: +46 (0)8-123 45 67`` / ``08–123 45`` form as digits, +,
    blanks and -; None when no such reading exists (``ring oss``)."""
    text = _PHONE_PREFIX.sub("", number.strip())
    text = text.replace(" ", " ").replace("–", "-").replace("‑", "-")
    text = re.sub(r"^\+(\d{1,3})\s*\(0\)\s*", r"+\1 ", text)  # +46 (0)8 -> +46 8
    text = re.sub(r"[().]", "", text).replace("/", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return text if text != number and _PHONE.match(text) else None


# (phone id, pack phone, the row it came from) per service
Phones = dict[str, list[tuple[str, dict[str, Any], tuple[TableData, int]]]]


class _Importer:
    """One import run: tables in, pack documents out, problems and warnings collected."""

    def __init__(self, src: Source, old: PackData, area_id: str, problems: Problems) -> None:
        self.src = src
        self.t = src.tables
        self.old = old
        self.aid = area_id
        self.problems = problems
        self.warnings = Warnings()
        self.prov = Provenance()
        self.checks = RowChecks(self.problems, src.legacy)
        self.attrs = Attributes(self.problems, self.checks, self.warnings, known_kinds(old))
        self.schedules = Schedules(self.problems, self.checks, self.warnings)
        self._sal_service: dict[str, str] = {}  # service_at_location id -> service id
        # notices the services bring: their own (attribute) or one per foreign HSDS alert
        self.new_notices: list[dict[str, Any]] = []

    # -- entities

    def organizations(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        data = self.t["organization"]
        rows = self.checks.ids(data, True)
        existing = existing_keys(self.old, self.aid, "organization", "organizations")
        items = [
            (oid, self.attrs.ext_of(oid).get("key"), row.get("name", ""))
            for oid, (_, row) in rows.items()
        ]
        keys = assign_keys(items, existing)
        out: list[dict[str, Any]] = []
        by_id: dict[str, str] = {}
        for (oid, (row_no, row)), key in zip(rows.items(), keys, strict=True):
            ext = self.attrs.ext_of(oid)
            name = self._clean(data, row_no, "name", row.get("name", ""))
            if not name:
                self.problems.add(data, row_no, "name", "Namnet saknas.", "The name is empty.")
                if not self.problems.strict:
                    continue
            org: dict[str, Any] = {"key": key, "name": name}
            desc = self._text(
                self._clean(data, row_no, "description", row.get("description", "")),
                ext.get("description_en"),
            )
            if desc:
                org["description"] = desc
            url_col = "website" if row.get("website") else "url"
            url = self._url(data, row_no, url_col, row.get(url_col, ""))
            if url:
                org["url"] = url
            if row.get("email"):
                org["email"] = row["email"]
            org["sources"] = self._sources(ext)
            org["verified_at"] = self._verified(ext, "")
            self.prov.note(f"/organizations/{len(out)}", (data, row_no))
            by_id[oid] = key
            out.append(org)
        return by_id, out

    def locations(self) -> tuple[dict[str, str], list[dict[str, Any]]]:
        data = self.t.get("location")
        rows = self.checks.ids(data, True)
        addresses: dict[str, tuple[int, dict[str, str], bool]] = {}
        addr_t = self.t.get("address")
        if addr_t is not None:
            self.checks.ids(addr_t, False)
            for row_no, row in addr_t.rows:
                lid = row.get("location_id", "")
                if not self.checks.fk(
                    addr_t, row_no, "location_id", lid, rows, "Platsen", "location"
                ):
                    continue
                physical = row.get("address_type", "") in ("", "physical")
                if lid not in addresses or (physical and not addresses[lid][2]):
                    addresses[lid] = (row_no, row, physical)
        existing = existing_keys(self.old, self.aid, "location", "locations")
        items = [
            (
                lid,
                self.attrs.ext_of(lid).get("key"),
                row.get("name") or row.get("address_1", "plats"),
            )
            for lid, (_, row) in rows.items()
        ]
        keys = assign_keys(items, existing)
        landmarks = {lm["key"] for lm in self.old.doc("landmarks.json")["landmarks"]}
        out: list[dict[str, Any]] = []
        by_id: dict[str, str] = {}
        for (lid, (row_no, row)), key in zip(rows.items(), keys, strict=True):
            assert data is not None  # rows come from it
            ext = self.attrs.ext_of(lid)
            addr_row = addresses.get(lid)
            name = row.get("name") or (addr_row[1].get("address_1", "") if addr_row else "")
            name = self._clean(data, row_no, "name", name)
            if not name:
                self.problems.add(
                    data, row_no, "name", "Platsen saknar namn.", "The location has no name."
                )
                if not self.problems.strict:
                    continue
            loc: dict[str, Any] = {"key": key, "name": name}
            desc = self._text(
                self._clean(data, row_no, "description", row.get("description", "")),
                ext.get("description_en"),
            )
            if desc:
                loc["description"] = desc
            if addr_row:
                loc["address"] = self._address(addr_row[1], ext)
            lat = self._number(data, row_no, row, "latitude", -90, 90, DROPPED)
            lon = self._number(data, row_no, row, "longitude", -180, 180, DROPPED)
            if bool(row.get("latitude")) != bool(row.get("longitude")):
                self.problems.add(
                    data,
                    row_no,
                    "latitude/longitude",
                    "Ange både latitude och longitude, eller ingen av dem; koordinaten togs bort.",
                    "Give both latitude and longitude, or neither; the coordinate was left out.",
                    DROPPED,
                )
            elif lat == 0 and lon == 0:
                self.problems.add(
                    data,
                    row_no,
                    "latitude/longitude",
                    "0,0 är ingen plats (det är Atlanten); koordinaten togs bort.",
                    "0,0 is no place (it is the Atlantic); the coordinate was left out.",
                    DROPPED,
                )
                lat = lon = None
            if lat is not None and lon is not None:
                loc["lat"], loc["lon"] = lat, lon
            loc["coords_approximate"] = bool(ext.get("coords_approximate", True))
            if isinstance(ext.get("coords_note"), str) and ext["coords_note"]:
                loc["coords_note"] = ext["coords_note"]
            landmark = ext.get("landmark")
            if isinstance(landmark, str) and landmark:
                if landmark in landmarks:
                    loc["landmark"] = landmark
                else:
                    self.warnings.add(
                        f"Platsen ”{name}” pekade på landmärket ”{landmark}” som inte finns i "
                        "området; länken togs bort.",
                        f"The location '{name}' pointed at the landmark '{landmark}', which the "
                        "area does not have; the link was removed.",
                    )
            self.prov.note(f"/locations/{len(out)}", (data, row_no))
            by_id[lid] = key
            out.append(loc)
        return by_id, out

    def _address(self, row: dict[str, str], ext: dict[str, Any]) -> dict[str, Any]:
        street = row.get("address_1", "")
        if row.get("address_2"):
            street = f"{street}, {row['address_2']}"
        addr: dict[str, Any] = {"street": street}
        for k in ("postal_code", "city"):
            if row.get(k):
                addr[k] = row[k]
        if isinstance(ext.get("address_note"), str) and ext["address_note"]:
            addr["note"] = ext["address_note"]
        return addr

    def _number(
        self,
        data: TableData,
        row_no: int,
        row: dict[str, str],
        col: str,
        lo: float,
        hi: float,
        action: str = DROPPED,
    ) -> float | None:
        raw = row.get(col, "")
        if not raw:
            return None
        try:
            value: float | None = float(raw)
        except ValueError:
            value = None
            comma = raw.replace(",", ".", 1)
            if _DECIMAL_COMMA.match(raw) and self.problems.repair(
                data,
                row_no,
                col,
                f"”{raw}” har decimalkomma; läses som {comma}.",
                f"'{raw}' has a decimal comma; read as {comma}.",
            ):
                value = float(comma)
            elif _DECIMAL_COMMA.match(raw):
                return None
        if value is None or not lo <= value <= hi or value != value:
            self.problems.add(
                data,
                row_no,
                col,
                f"”{raw}” är inget tal mellan {lo:g} och {hi:g}; värdet togs bort.",
                f"'{raw}' is not a number between {lo:g} and {hi:g}; the value was left out.",
                action,
            )
            return None
        return value

    def _age(self, data: TableData, row_no: int, row: dict[str, str], col: str) -> int | None:
        value = self._number(data, row_no, row, col, 0, 120)
        if value is None:
            return None
        if value != int(value):
            self.problems.add(
                data,
                row_no,
                col,
                "Åldern ska vara ett heltal; värdet togs bort.",
                "The age must be a whole number; the value was left out.",
                DROPPED,
            )
            return None
        return int(value)

    def _text(self, sv: str, en: Any) -> dict[str, str] | None:
        if not sv:
            return None
        return {"sv": sv, "en": en} if isinstance(en, str) and en else {"sv": sv}

    def _clean(self, data: TableData, row_no: int, col: str, value: str) -> str:
        """A text without HTML: tags out, ``<br>``/``<p>`` as line breaks, entities decoded."""
        if not value or ("<" not in value and "&" not in value):
            return value
        if not (_TAG.search(value) or _ENTITY.search(value)):
            return value
        text = _BREAK.sub("\n", value)
        text = html.unescape(_TAG.sub("", text))
        text = "\n".join(" ".join(line.split()) for line in text.splitlines()).strip()
        text = re.sub(r"\n{3,}", "\n\n", text)
        if self.problems.repair(
            data,
            row_no,
            col,
            "Texten innehåller HTML; läses utan taggar.",
            "The text contains HTML; read without the tags.",
        ):
            return text
        return value

    def _url(self, data: TableData, row_no: int, col: str, value: str) -> str:
        """A web address with its scheme (``www.x.se`` as ``https://www.x.se``); tolerant,
        a value that is no web address is left out."""
        if not value or _SCHEME.match(value):
            return value
        if _BARE_URL.match(value):
            fixed = "https://" + value.lstrip("/")
            if self.problems.repair(
                data,
                row_no,
                col,
                f"”{value}” saknar http(s)://; läses som {fixed}.",
                f"'{value}' has no http(s)://; read as {fixed}.",
            ):
                return fixed
            return value
        self.problems.add(
            data,
            row_no,
            col,
            f"”{value}” är ingen webbadress; värdet togs bort.",
            f"'{value}' is not a web address; the value was left out.",
            DROPPED,
        )
        return ""

    def _sources(self, ext: dict[str, Any]) -> list[str]:
        src = ext.get("sources")
        if isinstance(src, list) and src and all(_source_item(s) for s in src):
            return list(src)
        return [f"HSDS-import {self.src.label}"]

    def _verified(self, ext: dict[str, Any], assured: str) -> str:
        value = ext.get("verified_at")
        if isinstance(value, str) and _PARTIAL_DATE.match(value):
            return value
        if assured and parse_date(assured):
            return assured
        return "unknown"

    # -- services

    def _service(
        self,
        data: TableData,
        row_no: int,
        row: dict[str, str],
        sid: str,
        key: str,
        orgs: dict[str, str],
    ) -> dict[str, Any] | None:
        ext = self.attrs.ext_of(sid)
        name = self._clean(data, row_no, "name", row.get("name", ""))
        ok_row = True
        if not name:
            self.problems.add(data, row_no, "name", "Namnet saknas.", "The name is empty.")
            ok_row = False
        org_id = row.get("organization_id", "")
        ok = self.checks.fk(
            data, row_no, "organization_id", org_id, orgs, "Organisationen", "organization"
        )
        status = ext.get("status")
        if status not in _PACK_STATUSES:
            raw = row.get("status", "").strip().lower()
            status = STATUS_FROM_HSDS.get(raw or "active")
            loose = _STATUS_WORDS.get(raw)
            if status is None and loose is not None:
                if self.problems.repair(
                    data,
                    row_no,
                    "status",
                    f"Status ”{raw}” finns inte i HSDS; läses som {STATUS_TO_HSDS[loose]}.",
                    f"The status '{raw}' is not HSDS; read as {STATUS_TO_HSDS[loose]}.",
                ):
                    status = loose
                else:
                    status = "active"
            elif status is None:
                ok_row = False
                self.problems.add(
                    data,
                    row_no,
                    "status",
                    f"Okänd status ”{raw}” (active, inactive, defunct, temporarily closed).",
                    f"Unknown status '{raw}' (active, inactive, defunct, temporarily closed).",
                )
                status = "active"
        desc_sv = self._clean(data, row_no, "description", row.get("description", ""))
        if not desc_sv:
            desc_sv = name or "-"
            self.warnings.add(
                f"Tjänsten ”{name}” saknar beskrivning; namnet används.",
                f"The service '{name}' has no description; its name is used.",
            )
        codes = self.attrs.codes.get(sid, [])
        groups = [c for c in codes if self.attrs.kinds[c] == "group"]
        needs = [c for c in codes if self.attrs.kinds[c] == "need"]
        modes = [c for c in codes if self.attrs.kinds[c] == "handover"]
        if not needs:
            self.problems.add(
                data,
                row_no,
                "id",
                f"Tjänsten ”{name}” har inget behov: ge den ett attribut med en need.*-term "
                "ur Kompassens taxonomi.",
                f"The service '{name}' has no need: give it an attribute with a need.* term of "
                "Kompassen's taxonomy.",
            )
            ok_row = False
        if not modes:
            self.problems.add(
                data,
                row_no,
                "id",
                f"Tjänsten ”{name}” saknar överlämningssätt: ge den ett attribut med en "
                "handover.*-term (t.ex. handover.walk-in).",
                f"The service '{name}' has no handover mode: give it an attribute with a "
                "handover.* term (e.g. handover.walk-in).",
            )
            ok_row = False
        if not ok or (not ok_row and not self.problems.strict):
            return None
        svc: dict[str, Any] = {
            "key": key,
            "organization": orgs[org_id],
            "name": name,
            "description": self._text(desc_sv, ext.get("description_en")),
            "status": status,
            "groups": groups,
            "needs": needs,
        }
        if row.get("alternate_name"):
            svc["alternate_name"] = row["alternate_name"]
        if status == "temporarily-closed":
            for k in ("status_from", "status_until"):
                if isinstance(ext.get(k), str) and ext[k]:
                    svc[k] = ext[k]
        self._status_note_and_notices(data, row_no, row, ext, svc)
        if ext.get("mobile") is True:
            svc["mobile"] = True
        for k in ("area_note", "data_note"):
            if isinstance(ext.get(k), str) and ext[k]:
                svc[k] = ext[k]
        url = self._url(data, row_no, "url", row.get("url", ""))
        if url:
            svc["url"] = url
        if row.get("email"):
            svc["email"] = row["email"]
        ho_ext: dict[str, Any] = ext["handover"] if isinstance(ext.get("handover"), dict) else {}
        handover: dict[str, Any] = {"modes": modes}
        instr = self._text(
            self._clean(data, row_no, "application_process", row.get("application_process", "")),
            ho_ext.get("instructions_en"),
        )
        if instr:
            handover["instructions"] = instr
        for col, k in (("minimum_age", "age_min"), ("maximum_age", "age_max")):
            age = self._age(data, row_no, row, col)
            if age is not None:
                handover[k] = age
        if ho_ext.get("gender") in ("any", "female", "male"):
            handover["gender"] = ho_ext["gender"]
        for k in ("no_papers_ok", "intoxicated_ok", "referral_required"):
            if isinstance(ho_ext.get(k), bool):
                handover[k] = ho_ext[k]
        svc["handover"] = handover
        svc["sources"] = self._sources(ext)
        svc["verified_at"] = self._verified(ext, row.get("assured_date", ""))
        assured = row.get("assured_date", "")
        if assured and parse_date(assured) is None:
            self.problems.add(
                data,
                row_no,
                "assured_date",
                f"”{assured}” är inget datum (ÅÅÅÅ-MM-DD); värdet togs bort.",
                f"'{assured}' is not a date (YYYY-MM-DD); the value was left out.",
                DROPPED,
            )
        return svc

    def _service_at_location(
        self, services: dict[str, Any], locs: dict[str, str]
    ) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        self._sal_service = {}
        data = self.t.get("service_at_location")
        if data is None:
            return out
        self.checks.ids(data, False)
        for row_no, row in data.rows:
            sid, lid = row.get("service_id", ""), row.get("location_id", "")
            ok = self.checks.fk(data, row_no, "service_id", sid, services, "Tjänsten", "service")
            ok &= self.checks.fk(data, row_no, "location_id", lid, locs, "Platsen", "location")
            if ok:
                out[sid].append(lid)
                if row.get("id"):
                    self._sal_service[row["id"]] = sid
        return out

    def _service_of(
        self, data: TableData, row_no: int, row: dict[str, str], services: dict[str, Any]
    ) -> str | None:
        """The service a phone/schedule row belongs to, directly or via service_at_location."""
        sid = row.get("service_id", "")
        if sid:
            return (
                sid
                if self.checks.fk(data, row_no, "service_id", sid, services, "Tjänsten", "service")
                else None
            )
        sal = row.get("service_at_location_id", "")
        if sal:
            if sal in self._sal_service:
                return self._sal_service[sal]
            self.checks.fk(
                data, row_no, "service_at_location_id", sal, {}, "Kopplingen", "service_at_location"
            )
        return None

    def _phones(self, services: dict[str, Any]) -> Phones:
        out: Phones = defaultdict(list)
        data = self.t.get("phone")
        if data is None:
            return out
        self.checks.ids(data, False)
        skipped = 0
        for row_no, row in data.rows:
            sid = self._service_of(data, row_no, row, services)
            if sid is None:
                if not row.get("service_id") and not row.get("service_at_location_id"):
                    skipped += 1
                continue
            number = row.get("number", "")
            if not _PHONE.match(number):
                cleaned = re.sub(r"[().]", "", number).replace("/", " ")
                cleaned = re.sub(r"\s+", " ", cleaned).strip()
                loose = _loose_phone(number)
                trunk = _TRUNK_ZERO.match(number) is not None  # +46 (0)8: the 0 goes
                if (trunk or not _PHONE.match(cleaned)) and loose is not None:
                    if self.problems.repair(
                        data,
                        row_no,
                        "number",
                        f"”{number}” är inte skrivet som ett telefonnummer; läses som {loose}.",
                        f"'{number}' is not written as a phone number; read as {loose}.",
                    ):
                        cleaned = loose
                    else:
                        continue
                if not _PHONE.match(cleaned):
                    self.problems.add(
                        data,
                        row_no,
                        "number",
                        f"”{number}” är inget telefonnummer (siffror, +, blanksteg, -).",
                        f"'{number}' is not a phone number (digits, +, spaces, -).",
                    )
                    continue
                number = cleaned
            ph: dict[str, Any] = {
                "number": number,
                "kind": "sms" if row.get("type") == "text" else "other",
            }
            if row.get("description"):
                ph["label"] = {"sv": row["description"]}
            pid = row.get("id", "")
            out[sid].append((pid, ph, (data, row_no)))
        if skipped:
            self.warnings.add(
                f"{skipped} telefonnummer hör till organisationer eller platser, inte tjänster, "
                "och lämnades utanför.",
                f"{skipped} phone numbers belong to organizations or locations, not services, "
                "and were left out.",
            )
        return out

    def apply_phone_ext(self, phones: Phones) -> None:
        for plist in phones.values():
            for pid, ph, _ in plist:
                ext = self.attrs.ext_of(pid) if pid else {}
                if ext.get("kind") in (
                    "switchboard",
                    "helpline",
                    "professional",
                    "emergency",
                    "sms",
                    "other",
                ):
                    ph["kind"] = ext["kind"]
                if ext.get("to_verify") is True:
                    ph["to_verify"] = True
                if isinstance(ext.get("label_en"), str) and ext["label_en"] and "label" in ph:
                    ph["label"]["en"] = ext["label_en"]

    def _languages(self, services: dict[str, Any]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        data = self.t.get("language")
        if data is None:
            return out
        self.checks.ids(data, False)
        skipped = 0
        for row_no, row in data.rows:
            sid = row.get("service_id", "")
            if not sid:
                skipped += 1
                continue
            if not self.checks.fk(data, row_no, "service_id", sid, services, "Tjänsten", "service"):
                continue
            code = (row.get("code") or row.get("language", "")).strip().lower()
            if not _LANG.match(code):
                skipped += 1
                continue
            out[sid].append(code)
        if skipped:
            self.warnings.add(
                f"{skipped} språkrader saknade tjänst eller en ISO-språkkod och lämnades utanför.",
                f"{skipped} language rows had no service or no ISO language code and were left out.",
            )
        return out

    def _status_note_and_notices(
        self,
        data: TableData,
        row_no: int,
        row: dict[str, str],
        ext: dict[str, Any],
        svc: dict[str, Any],
    ) -> None:
        """Kompassen's own export carries the status note and the notices (with expiry) in the
        attribute, its ``alert`` only repeats their text; an older Kompassen export had the
        status note alone in ``alert``. A foreign ``alert`` becomes a notice without expiry,
        reported as such: HSDS gives it no end date, so it shows until someone removes it."""
        key = svc["key"]
        alert = self._clean(data, row_no, "alert", row["alert"]) if row.get("alert") else ""
        if "status" in ext:
            if "status_note" in ext or "notices" in ext:
                if isinstance(ext.get("status_note"), str) and ext["status_note"]:
                    svc["status_note"] = ext["status_note"]
            elif alert:
                svc["status_note"] = alert
            notices = ext.get("notices")
            for n in notices if isinstance(notices, list) else []:
                if _notice_item(n):
                    self.new_notices.append({**n, "service": key})
            return
        if alert:
            self.new_notices.append({"key": f"{key}-alert", "service": key, "text": {"sv": alert}})
            self.problems.add(
                data,
                row_no,
                "alert",
                f"Varningen blev ett meddelande om tjänsten ”{key}” utan slutdatum (HSDS ger "
                "inget); det visas tills någon tar bort det.",
                f"The alert became a notice about the service '{key}' without an end date "
                "(HSDS gives none); it shows until someone removes it.",
                NOTE,
            )

    # -- guides and notices

    def kept_documents(self, service_keys: set[str]) -> dict[str, Any]:
        docs = {k: v for k, v in self.old.documents.items() if k != "services.json"}
        guides = docs.get("guides.json", {"format_version": FORMAT_VERSION, "guides": []})
        for guide in guides["guides"]:
            for n, step in enumerate(guide["steps"], start=1):
                refs = step.get("services", [])
                kept = [k for k in refs if k in service_keys]
                for gone in (k for k in refs if k not in service_keys):
                    self.warnings.add(
                        f"Guiden ”{guide['key']}” steg {n} pekade på tjänsten ”{gone}” som inte "
                        "längre finns; hänvisningen togs bort.",
                        f"Guide '{guide['key']}' step {n} pointed at the service '{gone}', which "
                        "no longer exists; the reference was removed.",
                    )
                if kept:
                    step["services"] = kept
                else:
                    step.pop("services", None)
        notices = docs.get("notices.json", {"format_version": FORMAT_VERSION, "notices": []})
        kept_notices = []
        # the import's own notices replace the old ones of the same key, in their place
        brought = {n["key"]: n for n in self.new_notices}
        for notice in notices["notices"]:
            if notice["key"] in brought:
                kept_notices.append(brought.pop(notice["key"]))
                continue
            if "service" in notice and notice["service"] not in service_keys:
                self.warnings.add(
                    f"Meddelandet ”{notice['key']}” gällde tjänsten ”{notice['service']}” som inte "
                    "längre finns; meddelandet togs bort.",
                    f"The notice '{notice['key']}' was about the service '{notice['service']}', "
                    "which no longer exists; the notice was removed.",
                )
                continue
            kept_notices.append(notice)
        notices["notices"] = kept_notices + list(brought.values())
        if self.new_notices:
            docs["notices.json"] = notices
        return docs

    # -- run

    def run(self) -> PackData:
        check_structure(self.src, self.problems)
        # Attributes first: they carry the codes and the extension data of every record.
        service_rows = self.checks.ids(self.t["service"], True)
        entities: dict[str, Any] = dict.fromkeys(service_rows, True)
        for table in ("organization", "location", "phone"):
            entities.update(
                dict.fromkeys(self.checks.ids(self.t.get(table), table != "phone"), True)
            )
        self.attrs.read(self.t["taxonomy_term"], self.t["attribute"], service_rows, entities)
        orgs, org_docs = self.organizations()
        locs, loc_docs = self.locations()
        self.problems.raise_if_any()
        by_id, svc_docs = self._services_full(orgs, locs, service_rows)
        self.problems.raise_if_any()
        docs = self.kept_documents(set(by_id.values()))
        if self.attrs.added:  # a new area: the data's own terms as the area's needs
            tax = docs.setdefault("taxonomy.json", {"format_version": FORMAT_VERSION})
            tax.setdefault("needs", []).extend(self.attrs.added)
        docs["services.json"] = {
            "format_version": FORMAT_VERSION,
            "organizations": org_docs,
            "locations": loc_docs,
            "services": svc_docs,
        }
        ordered = {k: docs[k] for k in self.old.documents if k in docs}
        return PackData(ordered, origin="hsds-import")

    def _services_full(
        self,
        orgs: dict[str, str],
        locs: dict[str, str],
        rows: Rows,
    ) -> tuple[dict[str, str], list[dict[str, Any]]]:
        data = self.t["service"]
        sal_map = self._service_at_location(rows, locs)
        phones = self._phones(rows)
        hours_rows = self.schedules.read(
            self.t.get("schedule"),
            self.t.get("holiday_schedule"),
            lambda data, row_no, row: self._service_of(data, row_no, row, rows),
        )
        languages = self._languages(rows)
        self.apply_phone_ext(phones)
        existing = existing_keys(self.old, self.aid, "service", "services")
        items = [
            (sid, self.attrs.ext_of(sid).get("key"), row.get("name", ""))
            for sid, (_, row) in rows.items()
        ]
        keys = assign_keys(items, existing)
        out: list[dict[str, Any]] = []
        by_id: dict[str, str] = {}
        for (sid, (row_no, row)), key in zip(rows.items(), keys, strict=True):
            index = len(out)
            svc = self._service(data, row_no, row, sid, key, orgs)
            if svc is None:
                continue
            svc_locs = [locs[lid] for lid in sal_map.get(sid, [])]
            if svc_locs:
                svc["locations"] = list(dict.fromkeys(svc_locs))
            plist = phones.get(sid, [])
            if plist:
                svc["phones"] = [ph for _, ph, _ in plist]
                for j, (_, _, src) in enumerate(plist):
                    self.prov.note(f"/services/{index}/phones/{j}", src)
            svc["hours"] = pack_hours(
                self.attrs.ext_of(sid), hours_rows.get(sid, []), index, self.prov
            )
            if languages.get(sid):
                svc["handover"]["languages"] = languages[sid]
            facts = self.attrs.ext_of(sid).get("fact_sources")
            if isinstance(facts, dict):
                fact_sources.apply(svc, facts)
            self.prov.note(f"/services/{index}", (data, row_no))
            by_id[sid] = key
            out.append(svc)
        return by_id, out


def _notice_item(n: Any) -> bool:
    """A notice as Kompassen's export puts it in a service's attribute (the validator checks
    the dates)."""
    return (
        isinstance(n, dict)
        and isinstance(n.get("key"), str)
        and isinstance(n.get("text"), dict)
        and isinstance(n["text"].get("sv"), str)
        and set(n) <= {"key", "text", "starts", "expires"}
    )


def _source_item(s: Any) -> bool:
    """A source as a pack holds it: a string, or an object with id, url and date (the
    validator checks the rest)."""
    if isinstance(s, str):
        return len(s) >= 3
    return isinstance(s, dict) and all(isinstance(s.get(k), str) for k in ("id", "url", "date"))


MAX_ROUNDS = 4  # tolerant: builds of the pack before giving up on what validation finds


def import_hsds(
    store: CatalogueStore,
    path: Path,
    area_id: str,
    *,
    strict: bool = True,
    new_name: str | None = None,
) -> ImportResult:
    """Import HSDS data at ``path`` into the installed area ``area_id``.

    ``strict`` (the default here; the CLI's ``--strict``): all or nothing, the first problem
    of any kind refuses the input, naming file, row and field. Tolerant (``strict=False``,
    the CLI's default and the office GUI's): every row that can be read is imported, values
    with one obvious repair are repaired, the rest is left out; ``result.report`` says per
    file, row and field what was done and why. Either way the area is replaced in one
    transaction or not at all, and an import that would leave it without services is
    refused.

    ``new_name``: make ``area_id`` as a new area of that name (see ``new_area.py``) instead of
    importing into an installed one; an installed ``area_id`` is then refused.
    """
    if new_name is None:
        old = dump_area(store.conn, area_id)  # AreaNotInstalled (sv + en) when missing
    else:
        old = _new_area(store, area_id, new_name)
    excluded: dict[tuple[str, int], tuple[str, str, str | None]] = {}
    for _ in range(MAX_ROUNDS):
        report = Report(source=str(path), strict=strict)
        problems = Problems(strict, report)
        src = read_source(Path(path), mapping.MAX_FILE_BYTES, problems)  # tests lower it
        if excluded:
            _exclude(src, excluded, report)
        importer = _Importer(src, old, area_id, problems)
        if new_name is not None:
            importer.attrs.keep_as = area_id
        pack = importer.run()
        if new_name is not None:
            new_area.place(pack)  # the centre of the data, or refused: no coordinates
            _new_area_notes(importer, area_id)
        doc = pack.doc("services.json")
        if not doc["services"]:
            raise HsdsError(
                [
                    HsdsProblem(
                        src.tables["service"].file,
                        None,
                        None,
                        "Ingen tjänst kunde importeras (se importrapporten); området ändrades "
                        "inte.",
                        "No service could be imported (see the import report); the area was "
                        "not changed.",
                    )
                ]
            )
        try:
            store.install(pack, origin="hsds-import")
        except PackError as err:
            found = importer.prov.translate(err)
            if strict or any(p.row is None for p in found.problems):
                raise found from None
            # tolerant: leave out the rows the pack validation refused, and build again
            for p in found.problems:
                excluded[(p.file, p.row)] = (p.sv, p.en, p.field)  # type: ignore[index]
            continue
        for text_sv, text_en in zip(importer.warnings.sv, importer.warnings.en, strict=True):
            report.add("", None, None, NOTE, text_sv, text_en)
        report.imported = {
            "organizations": len(doc["organizations"]),
            "locations": len(doc["locations"]),
            "services": len(doc["services"]),
        }
        return ImportResult(
            area_id,
            services=len(doc["services"]),
            organizations=len(doc["organizations"]),
            locations=len(doc["locations"]),
            warnings=importer.warnings.en,
            warnings_sv=importer.warnings.sv,
            report=report,
        )
    raise found


def _new_area(store: CatalogueStore, area_id: str, name: str) -> PackData:
    new_area.check_new_area(area_id, name)
    try:
        dump_area(store.conn, area_id)
    except AreaNotInstalled:
        return new_area.skeleton(area_id, name, store.clock.now().date())
    raise new_area.NewAreaError(
        f"Området ”{area_id}” finns redan; importera till det med --area {area_id}.",
        f"The area '{area_id}' already exists; import into it with --area {area_id}.",
        "id",
    )


def _new_area_notes(importer: _Importer, area_id: str) -> None:
    added = importer.attrs.added
    if added:
        names = ", ".join(t["code"] for t in added[:5]) + (" …" if len(added) > 5 else "")
        importer.warnings.add(
            f"{len(added)} termer ur datats egen taxonomi blev områdets behov ({names}).",
            f"{len(added)} terms of the data's own taxonomy became the area's needs ({names}).",
        )
    importer.warnings.add(
        f"Området {area_id} har platshållare i stället för kontorsnycklar: kör `kompassen office "
        "keys generate` och lägg de publika nycklarna i area.json innan en release eller "
        "rapport.",
        f"The area {area_id} has placeholders instead of office keys: run `kompassen office "
        "keys generate` and put the public keys in area.json before a release or report.",
    )


def _exclude(
    src: Source, excluded: dict[tuple[str, int], tuple[str, str, str | None]], report: Report
) -> None:
    """Leave out the rows an earlier build's pack validation refused, each in the report."""
    for data in src.tables.values():
        kept = []
        for row_no, row in data.rows:
            why = excluded.get((data.file, row_no))
            if why is None:
                kept.append((row_no, row))
                continue
            sv, en, fld = why
            report.add(
                data.file,
                row_no,
                fld,
                SKIPPED,
                f"{sv} Raden lämnades utanför.",
                f"{en} The row was left out.",
                data.json_index,
            )
        data.rows = kept
