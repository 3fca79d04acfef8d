"""What an HSDS 3 export from Kompassen must satisfy, written down as data for the tests.

This module is Kompassen's own restatement of the HSDS 3.x field requirements (Open Referral
Human Services Data Specification) for the twelve tables Kompassen writes or points at. It is not
a copy of the specification's schema files: it lists, per table, the facts the conformance tests
need — the CSV file of the tabular form, each field's JSON type, the string formats and fixed
value lists the specification sets, which fields a record must have and which columns must be
filled in the tabular form — and builds Draft 2020-12 JSON Schemas from them.

Public reference documentation of the specification: https://docs.openreferral.org/

Notes on how the facts are stated here:

* ``F.kind`` is the JSON type. Nested records are ``array`` (``many``) or ``object`` (``one``)
  fields whose ``ref`` names another table of this module; ``ref=None`` marks a nested table
  Kompassen never writes (contacts, funding, programs, …), accepted as any object.
* ``F.column`` is the column type of the tabular form where it is narrower than a string:
  ``date`` columns must hold ``YYYY-MM-DD`` (checked with the JSON Schema ``date`` format);
  ``time`` columns hold an ``HH:MM`` clock time, optionally with seconds and a UTC offset
  (``24:00`` is accepted as the end of a day).
* The specification allows properties it does not define (extensions), so the built schemas do
  not forbid additional properties.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE = "urn:kompassen:hsds3:"

# clock time HH:MM[:SS], 24:00 as the end of a day, optional Z or ±HH:MM
TIME_PATTERN = (
    r"^(([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?|24:00(:00)?)(Z|[+-][0-9]{2}:?[0-9]{2})?$"
)
# comma-separated iCalendar weekdays, each optionally preceded by a signed occurrence number
DAY = r"([+-]?[0-9]{1,2})?(MO|TU|WE|TH|FR|SA|SU)"
BYDAY_PATTERN = rf"^{DAY}(,{DAY})*$"
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class F:
    """One field: JSON type, optional string format, fixed values, nested table, column type."""

    kind: str = "string"
    format: str | None = None
    enum: tuple[str, ...] = ()
    ref: str | None = None
    column: str | None = None
    pattern: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """One HSDS 3 table: tabular-form file name, fields, and what must be present."""

    file: str
    fields: dict[str, F]
    required: tuple[str, ...] = ("id",)
    tabular_required: tuple[str, ...] = ()


TEXT = F()
UUID = F("string", "uuid")
URI = F("string", "uri")
EMAIL = F("string", "email")
NUMBER = F("number")
DATE = F("string", column="date")
TIME = F("string", column="time")
PLACE_KIND = F(enum=("physical", "postal", "virtual"))


def many(table: str | None) -> F:
    """A list of nested records of ``table`` (``None``: a table not described here)."""
    return F("array", ref=table)


def one(table: str | None) -> F:
    """A single nested record of ``table`` (``None``: a table not described here)."""
    return F("object", ref=table)


# Nested lists most tables carry.
TAGS = {"attributes": many("attribute"), "metadata": many("metadata")}

HSDS3: dict[str, Table] = {
    "organization": Table(
        file="organizations.csv",
        required=("id", "name", "description"),
        fields={
            "id": UUID,
            "name": TEXT,
            "alternate_name": TEXT,
            "description": TEXT,
            "email": EMAIL,
            "website": URI,
            "additional_websites": many(None),
            "tax_status": TEXT,
            "tax_id": TEXT,
            "year_incorporated": NUMBER,
            "legal_status": TEXT,
            "logo": TEXT,
            "uri": URI,
            "parent_organization_id": UUID,
            "funding": many(None),
            "contacts": many(None),
            "phones": many("phone"),
            "locations": many("location"),
            "programs": many(None),
            "organization_identifiers": many(None),
            **TAGS,
        },
    ),
    "service": Table(
        file="services.csv",
        required=("id", "name", "status"),
        tabular_required=("organization_id",),
        fields={
            "id": UUID,
            "organization_id": UUID,
            "program_id": UUID,
            "name": TEXT,
            "alternate_name": TEXT,
            "description": TEXT,
            "url": URI,
            "additional_urls": many(None),
            "email": EMAIL,
            "status": F(enum=("active", "inactive", "defunct", "temporarily closed")),
            "interpretation_services": TEXT,
            "application_process": TEXT,
            "fees_description": TEXT,
            "wait_time": TEXT,
            "fees": TEXT,
            "accreditations": TEXT,
            "eligibility_description": TEXT,
            "minimum_age": NUMBER,
            "maximum_age": NUMBER,
            "assured_date": DATE,
            "assurer_email": EMAIL,
            "licenses": TEXT,
            "alert": TEXT,
            "last_modified": F("string", "date-time"),
            "phones": many("phone"),
            "schedules": many("schedule"),
            "service_areas": many(None),
            "service_at_locations": many("service_at_location"),
            "languages": many("language"),
            "organization": one("organization"),
            "funding": many(None),
            "cost_options": many(None),
            "program": one(None),
            "required_documents": many(None),
            "contacts": many(None),
            "capacities": many(None),
            **TAGS,
        },
    ),
    "location": Table(
        file="locations.csv",
        required=("id", "location_type"),
        fields={
            "id": UUID,
            "location_type": PLACE_KIND,
            "url": URI,
            "organization_id": UUID,
            "name": TEXT,
            "alternate_name": TEXT,
            "description": TEXT,
            "transportation": TEXT,
            "latitude": NUMBER,
            "longitude": NUMBER,
            "external_identifier": TEXT,
            "external_identifier_type": TEXT,
            "languages": many("language"),
            "addresses": many("address"),
            "contacts": many(None),
            "accessibility": many(None),
            "phones": many("phone"),
            "schedules": many("schedule"),
            **TAGS,
        },
    ),
    "address": Table(
        file="addresses.csv",
        required=(
            "id",
            "address_1",
            "city",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ),
        fields={
            "id": UUID,
            "location_id": UUID,
            "attention": TEXT,
            "address_1": TEXT,
            "address_2": TEXT,
            "city": TEXT,
            "region": TEXT,
            "state_province": TEXT,
            "postal_code": TEXT,
            "country": TEXT,
            "address_type": PLACE_KIND,
            **TAGS,
        },
    ),
    "phone": Table(
        file="phones.csv",
        required=("id", "number"),
        fields={
            "id": UUID,
            "location_id": UUID,
            "service_id": UUID,
            "organization_id": UUID,
            "contact_id": UUID,
            "service_at_location_id": UUID,
            "number": TEXT,
            "extension": NUMBER,
            "type": TEXT,
            "description": TEXT,
            "languages": many("language"),
            **TAGS,
        },
    ),
    "schedule": Table(
        file="schedules.csv",
        fields={
            "id": UUID,
            "service_id": UUID,
            "location_id": UUID,
            "service_at_location_id": UUID,
            "valid_from": DATE,
            "valid_to": DATE,
            "dtstart": DATE,
            "timezone": NUMBER,
            "until": DATE,
            "count": NUMBER,
            "wkst": F(enum=WEEKDAYS),
            "freq": F(enum=("WEEKLY", "MONTHLY")),
            "interval": NUMBER,
            "byday": F(pattern=BYDAY_PATTERN),
            "byweekno": TEXT,
            "bymonthday": TEXT,
            "byyearday": TEXT,
            "description": TEXT,
            "opens_at": TIME,
            "closes_at": TIME,
            "schedule_link": URI,
            "attending_type": TEXT,
            "notes": TEXT,
            **TAGS,
        },
    ),
    "service_at_location": Table(
        file="service_at_location.csv",
        tabular_required=("service_id", "location_id"),
        fields={
            "id": UUID,
            "service_id": UUID,
            "location_id": UUID,
            "description": TEXT,
            "service_areas": many(None),
            "contacts": many(None),
            "phones": many("phone"),
            "schedules": many("schedule"),
            "location": one("location"),
            **TAGS,
        },
    ),
    "taxonomy": Table(
        file="taxonomies.csv",
        required=("id", "name", "description"),
        fields={
            "id": UUID,
            "name": TEXT,
            "description": TEXT,
            "uri": URI,
            "version": TEXT,
            "metadata": many("metadata"),
        },
    ),
    "taxonomy_term": Table(
        file="taxonomy_terms.csv",
        required=("id", "name", "description"),
        fields={
            "id": UUID,
            "code": TEXT,
            "name": TEXT,
            "description": TEXT,
            "parent_id": UUID,
            "taxonomy": TEXT,
            "taxonomy_detail": one("taxonomy"),
            "language": TEXT,
            "taxonomy_id": UUID,
            "term_uri": URI,
            "metadata": many("metadata"),
        },
    ),
    "attribute": Table(
        file="attributes.csv",
        tabular_required=("link_id", "taxonomy_term_id", "link_entity"),
        fields={
            "id": UUID,
            "link_id": UUID,
            "taxonomy_term_id": UUID,
            "link_type": TEXT,
            "link_entity": TEXT,
            "value": TEXT,
            "taxonomy_term": one("taxonomy_term"),
            "metadata": many("metadata"),
            "label": TEXT,
        },
    ),
    "language": Table(
        file="languages.csv",
        fields={
            "id": UUID,
            "service_id": UUID,
            "location_id": UUID,
            "phone_id": UUID,
            "name": TEXT,
            "code": TEXT,
            "note": TEXT,
            **TAGS,
        },
    ),
    "metadata": Table(
        file="metadata.csv",
        required=(
            "id",
            "last_action_date",
            "last_action_type",
            "field_name",
            "previous_value",
            "replacement_value",
            "updated_by",
        ),
        tabular_required=("resource_id", "resource_type"),
        fields={
            "id": UUID,
            "resource_id": UUID,
            "resource_type": TEXT,
            "last_action_date": DATE,
            "last_action_type": TEXT,
            "field_name": TEXT,
            "previous_value": TEXT,
            "replacement_value": TEXT,
            "updated_by": TEXT,
        },
    ),
}


def schema_id(table: str) -> str:
    return f"{BASE}{table}"


def _record(ref: str | None) -> dict[str, Any]:
    if ref is None:
        return {"type": "object"}
    if ref not in HSDS3:
        raise KeyError(f"nested table {ref!r} is not described in HSDS3")
    return {"$ref": schema_id(ref)}


def _property(spec: F) -> dict[str, Any]:
    if spec.kind == "array":
        return {"type": "array", "items": _record(spec.ref)}
    if spec.kind == "object":
        return _record(spec.ref)
    out: dict[str, Any] = {"type": spec.kind}
    fmt = spec.format or ("date" if spec.column == "date" else None)
    if fmt:
        out["format"] = fmt
    if spec.enum:
        out["enum"] = list(spec.enum)
    pattern = spec.pattern or (TIME_PATTERN if spec.column == "time" else None)
    if pattern:
        out["pattern"] = pattern
    return out


def json_schema(table: str) -> dict[str, Any]:
    """Draft 2020-12 JSON Schema of one record of ``table`` (nested tables by ``$ref``)."""
    spec = HSDS3[table]
    return {
        "$schema": DIALECT,
        "$id": schema_id(table),
        "type": "object",
        "properties": {name: _property(f) for name, f in spec.fields.items()},
        "required": list(spec.required),
    }


def registry() -> Registry:
    """All table schemas, so that ``$ref`` between tables resolves offline."""
    return Registry().with_resources(
        (
            schema_id(name),
            Resource.from_contents(json_schema(name), default_specification=DRAFT202012),
        )
        for name in HSDS3
    )
