"""The HSDS input as Kompassen reads it: which files are which table, and their rows.

Why a module of its own: reading (``source.py``), checking (``keys.py``) and locating
problems (``problems.py``) all speak of the same ``TableData``; it depends on nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

# Logical table -> accepted file stems / resource names (3.x singular and plural, 2.x, 1.x).
ALIASES: dict[str, tuple[str, ...]] = {
    "organization": ("organization", "organizations"),
    "service": ("service", "services"),
    "location": ("location", "locations"),
    "service_at_location": (
        "service_at_location",
        "service_at_locations",
        "services_at_location",
        "services_at_locations",
    ),
    "address": ("address", "addresses", "physical_address", "physical_addresses"),
    "phone": ("phone", "phones"),
    "schedule": ("schedule", "schedules", "regular_schedule", "regular_schedules"),
    "holiday_schedule": ("holiday_schedule", "holiday_schedules"),
    "taxonomy_term": ("taxonomy_term", "taxonomy_terms"),
    "attribute": (
        "attribute",
        "attributes",
        "service_attribute",
        "service_attributes",
        "service_taxonomy",
        "services_taxonomy",
    ),
    "language": ("language", "languages"),
}
LEGACY_STEMS = frozenset(
    {
        "services_at_location",
        "services_at_locations",
        "physical_address",
        "physical_addresses",
        "regular_schedule",
        "regular_schedules",
        "holiday_schedule",
        "holiday_schedules",
        "service_attribute",
        "service_attributes",
        "service_taxonomy",
        "services_taxonomy",
    }
)
REQUIRED_TABLES = ("organization", "service", "taxonomy_term", "attribute")
# Columns a file must have; tuples inside mean "one of these".
REQUIRED_COLUMNS: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "organization": ("id", "name"),
    "service": ("id", "organization_id", "name"),
    "location": ("id",),
    "service_at_location": ("service_id", "location_id"),
    "address": ("location_id", "address_1"),
    "phone": ("number",),
    "schedule": (("service_id", "service_at_location_id"),),
    "holiday_schedule": (("service_id", "service_at_location_id"), "start_date"),
    "taxonomy_term": ("id", ("code", "term", "name")),
    "attribute": (("link_id", "service_id"), ("taxonomy_term_id", "taxonomy_id")),
    "language": (("code", "language"),),
}


# Columns read under a 2.x/1.x or tool-specific name, beyond the HSDS 3 fields of
# ``mapping.TABLES``; any other column is listed as ignored in the import report.
EXTRA_COLUMNS: dict[str, tuple[str, ...]] = {
    "organization": ("url",),
    "service": (),
    "location": (),
    "service_at_location": (),
    "address": ("address_type",),
    "phone": ("type", "language"),
    "schedule": ("weekday", "closed"),
    "holiday_schedule": (
        "id",
        "service_id",
        "location_id",
        "service_at_location_id",
        "start_date",
        "end_date",
        "closed",
        "opens_at",
        "closes_at",
        "notes",
        "description",
    ),
    "taxonomy_term": ("term", "vocabulary"),
    "attribute": ("service_id", "taxonomy_id", "taxonomy_detail"),
    "language": ("language",),
}
# HSDS tables (any version) Kompassen does not read: listed as ignored, never an error.
UNREAD_TABLES = frozenset(
    {
        "taxonomy",
        "taxonomies",
        "contact",
        "contacts",
        "funding",
        "fundings",
        "accessibility",
        "accessibility_for_disabilities",
        "eligibility",
        "eligibilities",
        "service_area",
        "service_areas",
        "required_document",
        "required_documents",
        "payment_accepted",
        "payments_accepted",
        "program",
        "programs",
        "metadata",
        "meta_table_description",
        "organization_identifier",
        "organization_identifiers",
        "url",
        "urls",
        "cost_option",
        "cost_options",
        "service_capacity",
        "unit",
        "units",
        "postal_address",
        "postal_addresses",
    }
)


@dataclass
class TableData:
    """One input table: where it came from and its rows as strings."""

    name: str
    file: str
    rows: list[tuple[int, dict[str, str]]]
    columns: set[str]
    json_index: bool = False


@dataclass
class Source:
    """The tables found at PATH, and whether the input looks like HSDS 2.x or older."""

    tables: dict[str, TableData]
    legacy: bool
    label: str


def table_for(stem: str) -> str | None:
    """The logical table a file stem or resource name stands for, if any."""
    stem = stem.lower()
    for table, names in ALIASES.items():
        if stem in names:
            return table
    return None
