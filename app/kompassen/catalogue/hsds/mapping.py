"""HSDS 3 (Open Referral Human Services Data Specification) import and export of one area.

Why: partners and municipalities keep their service directories in HSDS; Kompassen must read
them and give its own catalogue back without losing what field work needs.

Sources (openreferral/specification, branch 3.2 at commit 149f77cd, compatible with 3.0/3.1
for every field used here): ``schema/*.json`` (tables, fields, ``required``),
``docs/hsds/serialization.md`` (JSON is canonical; a Tabular Data Package of CSV files plus a
``datapackage.json`` is the tabular form, ids act as foreign keys), ``docs/hsds/extending.md``
("a HSDS publication is still conformant even if it includes properties and structures not
defined in HSDS … the HSDS Schemas permit the inclusion of new properties") and
``schema/attribute.json`` (an attribute links any record to a taxonomy term and may carry a
free ``value``).

Export layout (``export-hsds --area A DIR``)::

    DIR/datapackage.json        Tabular Data Package descriptor (profile tabular-data-package)
    DIR/<table>.csv             one CSV per table, file names as the HSDS schema "path" gives
                                (organizations.csv, services.csv, locations.csv,
                                service_at_location.csv, addresses.csv, phones.csv,
                                schedules.csv, languages.csv, taxonomies.csv,
                                taxonomy_terms.csv, attributes.csv)
    DIR/hsds_services.json      canonical HSDS 3 JSON: the dereferenced service objects
    DIR/kompassen/*.json        Kompassen extension, not HSDS: area.json, landmarks.json,
                                guides.json, taxonomy.json, notices.json of the area

Ids are ``uuid5(NAMESPACE, "<table>:<db id>")`` with db ids ``<area>/<key>`` (links and rows
add their position), so an export of the same catalogue always has the same ids.

Mapping (Kompassen → HSDS 3):

=============================  ==========================================================
organization name/url/email    organization.name / website / email; description.sv →
                               description ("" when none; HSDS requires the field)
location                       location (location_type physical), name, description.sv,
                               latitude/longitude; address → address (address_1 = street,
                               postal_code, city, country SE, address_type physical)
service                        service.name, alternate_name, description.sv, url, email,
                               status (active, inactive, defunct as they are, the older
                               closed → defunct, temporarily-closed → "temporarily
                               closed"), alert = status_note and the text of the
                               service's notices in force at export, one per line;
                               handover.instructions.sv → application_process,
                               age_min/age_max → minimum_age/maximum_age, verified_at →
                               assured_date when it is a full date
service.locations              service_at_location rows, in order
phones                         phone rows (type "text" for sms, else "voice";
                               label.sv → description)
handover.languages             language rows (code)
hours.weekly                   schedule rows: freq WEEKLY, byday MO,TU…, opens_at/closes_at
                               HH:MM local Stockholm time (closes <= opens runs past
                               midnight, 24:00 is the end of the day)
hours.always_open              one extra schedule row MO–SU 00:00–24:00
hours.exceptions               schedule rows with valid_from = valid_to = date; no times
                               means closed that day; note → notes
groups / needs / handover      taxonomy_term rows (code = our code, name = sv label,
modes                          description = en label) in three taxonomies
                               "Kompassen målgrupper/behov/överlämning"; one attribute row
                               per code (link_entity service, link_type target_group /
                               need / handover_mode)
=============================  ==========================================================

Extension data: everything HSDS has no field for travels in one attribute row per record,
pointing at the term ``kompassen.record`` of the taxonomy "Kompassen extension", with the
record's ``link_entity`` (organization, location, service, phone) and a JSON object as
``value``: the record's Kompassen ``key``; organizations: sources, verified_at,
description_en; locations: description_en, coords_approximate, coords_note, landmark,
address_note; services: status (exact), status_from, status_until, status_note,
notices (the service's notices.json entries with starts/expires), description_en, mobile, area_note, sources,
verified_at (as given), data_note, hours_known and hours (always_open, holidays,
holiday_eves, note), handover (instructions_en, gender, no_papers_ok, intoxicated_ok,
referral_required); phones: kind, to_verify, label_en. Other HSDS tools show these as
ordinary attributes and pass them on.

Import (``import-hsds PATH --area A``) reads a ``datapackage.json`` (CSV or JSON resources),
a folder holding one, or a folder of CSV files. HSDS 2.x/1.x tabular names are understood
where the mapping is unambiguous:

==============================================  ===========================================
2.x / 1.x file or column                        read as
==============================================  ===========================================
organizations.csv, services.csv, …  (plural)    the 3.x table (singular names work too)
services_at_location.csv                        service_at_location
physical_address(es).csv                        address
regular_schedule(s).csv, column weekday         schedule; weekday = day name (Monday, mån,
                                                MO) or ISO 8601 number 1 = Monday … 7 =
                                                Sunday; one weekly rule per row
holiday_schedule(s).csv (start_date, end_date,  dated exceptions, one per day (at most 62)
closed, opens_at, closes_at)
service_attribute(s).csv, service_taxonomy.csv  attribute with link_entity service
(service_id, taxonomy_term_id)
taxonomy_terms.csv without ``code``             the ``term`` (2.x) or ``name`` column holds
                                                the code
organization ``url``                            website
languages.csv ``language``                      code (2–3 letter ISO codes only)
non-UUID ids                                    accepted only in 2.x/1.x input
==============================================  ===========================================

Import decisions: the target area must be installed. Its organizations, locations and
services are replaced; area metadata, landmarks, taxonomy additions, guides and notices are
kept. Guide steps lose references to services that no longer exist; notices about such
services are dropped (kept, they would turn into area-wide notices) — both reported as
warnings. Keys: an id equal to the uuid5 of an existing record keeps that record's key;
else the key from the extension data; else a unique slug of the name. Codes: attributes
whose term code is a base or area group/need/handover code map back; terms of other
taxonomies are left out and counted in the warnings. A service without any need or
handover code after mapping is an error (never guessed: a wrong "walk in" sends people to
a closed door). Services without extension data get ``sources: ["HSDS-import <file>"]`` and
``verified_at`` = assured_date or "unknown". Every error names file, row (CSV line, or
JSON array index) and field, and leaves the catalogue unchanged: the new pack is built in
memory and installed by ``CatalogueStore.install`` in one transaction.

Tolerant import (``import_hsds(..., strict=False)``, the CLI's default; ``report.py``): rows that
cannot be read are left out, values with one obvious reading are repaired (times such as
``9:00am``, HTML, URLs without a scheme, phone formats, ``NULL``, decimal commas, moved
resource files), values that cannot be (a 0,0 or out-of-range coordinate) are dropped, and every
such step is a report entry (file, row, field, action, why). Strict, each of them is an error.
The table of every case is in docs/DATA.md ("Tolerant and strict import").
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kompassen.core.errors import KompassenError

if TYPE_CHECKING:
    from kompassen.catalogue.hsds.report import Report

HSDS_VERSION = "3.1"
NAMESPACE = uuid.UUID("5b0f7d0e-3c7a-5d55-9a53-6b6f6d706173")  # fixed forever: ids depend on it
EXTENSION_CODE = "kompassen.record"
EXTENSION_LINK_TYPE = "kompassen_extension"
MAX_FILE_BYTES = 200 * 1024 * 1024  # larger files are refused before reading
COUNTRY = "SE"

STATUS_TO_HSDS = {
    "active": "active",
    "inactive": "inactive",
    "defunct": "defunct",
    "closed": "defunct",  # the older pack word for defunct
    "temporarily-closed": "temporarily closed",
}
STATUS_FROM_HSDS = {
    "active": "active",
    "inactive": "inactive",
    "defunct": "defunct",
    "temporarily closed": "temporarily-closed",
    "temporarily-closed": "temporarily-closed",
}

# kind -> (taxonomy name, description, attribute link_type)
TAXONOMIES: dict[str, tuple[str, str, str]] = {
    "group": ("Kompassen målgrupper", "Who the field worker met (target groups)", "target_group"),
    "need": ("Kompassen behov", "What the person needs", "need"),
    "handover": ("Kompassen överlämning", "How a handover happens", "handover_mode"),
    "extension": (
        "Kompassen extension",
        "Kompassen fields HSDS has no place for; the attribute value is a JSON object",
        EXTENSION_LINK_TYPE,
    ),
}


_NS_BYTES = NAMESPACE.bytes


def hsds_id(table: str, ref: str) -> str:
    """The stable HSDS id of a Kompassen record (uuid5, so exports are reproducible).

    Same value as ``str(uuid.uuid5(NAMESPACE, f"{table}:{ref}"))`` (RFC 4122 §4.3), computed
    without building UUID objects: an export makes a few hundred thousand of them.
    """
    digest = bytearray(hashlib.sha1(_NS_BYTES + f"{table}:{ref}".encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass(frozen=True, slots=True)
class Table:
    """One HSDS table: its CSV file name and the scalar fields we read or write."""

    file: str
    fields: tuple[str, ...]
    required: tuple[str, ...] = ("id",)


# Scalar fields of each HSDS 3 table (schema/<table>.json), in the schema's order.
TABLES: dict[str, Table] = {
    "taxonomy": Table(
        "taxonomies.csv",
        ("id", "name", "description", "uri", "version"),
        ("id", "name", "description"),
    ),
    "taxonomy_term": Table(
        "taxonomy_terms.csv",
        (
            "id",
            "code",
            "name",
            "description",
            "parent_id",
            "taxonomy",
            "language",
            "taxonomy_id",
            "term_uri",
        ),
        ("id", "name", "description"),
    ),
    "organization": Table(
        "organizations.csv",
        (
            "id",
            "name",
            "alternate_name",
            "description",
            "email",
            "website",
            "year_incorporated",
            "legal_status",
            "logo",
            "uri",
            "parent_organization_id",
        ),
        ("id", "name", "description"),
    ),
    "location": Table(
        "locations.csv",
        (
            "id",
            "location_type",
            "url",
            "organization_id",
            "name",
            "alternate_name",
            "description",
            "transportation",
            "latitude",
            "longitude",
            "external_identifier",
            "external_identifier_type",
        ),
        ("id", "location_type"),
    ),
    "address": Table(
        "addresses.csv",
        (
            "id",
            "location_id",
            "attention",
            "address_1",
            "address_2",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ),
        ("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"),
    ),
    "service": Table(
        "services.csv",
        (
            "id",
            "organization_id",
            "program_id",
            "name",
            "alternate_name",
            "description",
            "url",
            "email",
            "status",
            "interpretation_services",
            "application_process",
            "fees_description",
            "accreditations",
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "assured_date",
            "assurer_email",
            "alert",
            "last_modified",
        ),
        ("id", "name", "status", "organization_id"),
    ),
    "service_at_location": Table(
        "service_at_location.csv",
        ("id", "service_id", "location_id", "description"),
        ("id", "service_id", "location_id"),
    ),
    "phone": Table(
        "phones.csv",
        (
            "id",
            "location_id",
            "service_id",
            "organization_id",
            "contact_id",
            "service_at_location_id",
            "number",
            "extension",
            "type",
            "description",
        ),
        ("id", "number"),
    ),
    "schedule": Table(
        "schedules.csv",
        (
            "id",
            "service_id",
            "location_id",
            "service_at_location_id",
            "valid_from",
            "valid_to",
            "dtstart",
            "timezone",
            "until",
            "count",
            "wkst",
            "freq",
            "interval",
            "byday",
            "byweekno",
            "bymonthday",
            "byyearday",
            "description",
            "opens_at",
            "closes_at",
            "schedule_link",
            "attending_type",
            "notes",
        ),
    ),
    "language": Table(
        "languages.csv",
        ("id", "service_id", "location_id", "phone_id", "name", "code", "note"),
    ),
    "attribute": Table(
        "attributes.csv",
        ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value", "label"),
        ("id", "link_id", "taxonomy_term_id", "link_entity"),
    ),
}

NUMBER_FIELDS = frozenset(
    {
        "year_incorporated",
        "minimum_age",
        "maximum_age",
        "latitude",
        "longitude",
        "extension",
        "timezone",
        "count",
        "interval",
    }
)
DATE_FIELDS = frozenset({"assured_date", "valid_from", "valid_to", "dtstart", "until"})
TIME_FIELDS = frozenset({"opens_at", "closes_at"})


# ------------------------------------------------------------------------------- errors


@dataclass(frozen=True, slots=True)
class HsdsProblem:
    """One thing wrong with the input, located by file, row and field."""

    file: str
    row: int | None  # CSV line (1-based) or JSON array index; None for the whole file
    field: str | None
    sv: str
    en: str
    json_index: bool = False

    def describe(self, lang: str = "sv") -> str:
        """``services.csv rad 7, fält organization_id: …`` (or ``row``/``field`` in English)."""
        where = self.file
        if self.row is not None:
            if self.json_index:
                where += f" index {self.row}"
            else:
                where += f" {'row' if lang == 'en' else 'rad'} {self.row}"
        if self.field:
            where += f", {'field' if lang == 'en' else 'fält'} {self.field}"
        return f"{where}: {self.en if lang == 'en' else self.sv}"


class HsdsError(KompassenError):
    """HSDS input that cannot be imported; the catalogue was not changed."""

    MAX_LISTED = 20

    def __init__(self, problems: list[HsdsProblem]) -> None:
        self.problems = problems

        def text(lang: str) -> str:
            lines = [p.describe(lang) for p in problems[: self.MAX_LISTED]]
            more = len(problems) - self.MAX_LISTED
            if more > 0:
                lines.append(f"… and {more} more" if lang == "en" else f"… och {more} till")
            if len(lines) == 1:
                return lines[0]
            head = (
                f"{len(problems)} problems in the HSDS data:"
                if lang == "en"
                else f"{len(problems)} fel i HSDS-datat:"
            )
            return head + "\n  " + "\n  ".join(lines)

        super().__init__(sv=text("sv"), en=text("en"))


# ------------------------------------------------------------------------------ results


@dataclass
class ImportResult:
    """What an import did, for the CLI and the office UI."""

    area_id: str
    services: int
    organizations: int
    locations: int
    warnings: list[str] = field(default_factory=list)  # English
    warnings_sv: list[str] = field(default_factory=list)
    report: Report | None = None  # what the import repaired, left out or ignored

    def summary(self, lang: str = "sv") -> str:
        if lang == "en":
            head = (
                f"Imported {self.services} services, {self.organizations} organizations and "
                f"{self.locations} locations into the area {self.area_id}."
            )
            warns = self.warnings
            label = "Warning"
        else:
            head = (
                f"Importerade {self.services} tjänster, {self.organizations} organisationer "
                f"och {self.locations} platser till området {self.area_id}."
            )
            warns = self.warnings_sv or self.warnings
            label = "Varning"
        lines = [head, *(f"  {label}: {w}" for w in warns)]
        if self.report is not None:  # the warnings are in the report too, as notes
            lines.append(self.report.summary(lang, notes=False))
        return "\n".join(lines)


@dataclass
class ExportResult:
    """What an export wrote."""

    area_id: str
    dir: Path
    files: list[str]
    services: int

    def summary(self, lang: str = "sv") -> str:
        if lang == "en":
            return (
                f"Exported {self.services} services of the area {self.area_id} as HSDS "
                f"{HSDS_VERSION} to {self.dir} ({len(self.files)} files)."
            )
        return (
            f"Exporterade {self.services} tjänster från området {self.area_id} som HSDS "
            f"{HSDS_VERSION} till {self.dir} ({len(self.files)} filer)."
        )
