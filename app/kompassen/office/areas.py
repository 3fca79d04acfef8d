"""The office's areas: what is installed, a new area from a template or an HSDS import, and
an area written out as HSDS 3 or as a pack folder (no Qt; the office window runs these on a
worker thread).

Why a module of its own: the HSDS import (:func:`~kompassen.catalogue.hsds.importer.import_hsds`)
reads, repairs and installs in one go, but a coordinator should read the import report
*before* the catalogue changes. :func:`preview_import` runs the very same import against a
stand-in store that validates the pack as the install would and keeps it instead of writing;
:func:`install_preview` then installs exactly that pack.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from kompassen.catalogue.hsds.mapping import ImportResult
from kompassen.catalogue.hsds.new_area import LANDMARK_KEY, check_new_area, skeleton
from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.store.db import reading
from kompassen.core.errors import KompassenError

if TYPE_CHECKING:
    from kompassen.catalogue.hsds.mapping import ExportResult
    from kompassen.catalogue.store.store import CatalogueStore
    from kompassen.core.clock import Clock

TEMPLATE_ORIGIN = "office-template"
IMPORT_ORIGIN = "hsds-import"


class AreaFormError(KompassenError):
    """The new area's form does not do (said next to the form, nothing was installed)."""

    def __init__(self, sv: str, en: str, field: str) -> None:
        super().__init__(sv=sv, en=en)
        self.field = field


@dataclass(frozen=True, slots=True)
class AreaRow:
    """One installed area as the office lists it."""

    id: str
    name: str
    title: str
    pack_version: str
    catalogue_version: int
    release: int | None  # the signed release its content came from (None: a pack)
    origin: str
    services: int
    organizations: int
    locations: int


def area_rows(store: CatalogueStore) -> list[AreaRow]:
    """Every installed area with its versions and record counts, by id."""
    sql = """
        SELECT a.id, a.name, a.title, a.pack_version, a.catalogue_version, a.origin,
          (SELECT count(*) FROM service s WHERE s.area_id = a.id) AS services,
          (SELECT count(*) FROM organization o WHERE o.area_id = a.id) AS organizations,
          (SELECT count(*) FROM location l WHERE l.area_id = a.id) AS locations
        FROM area a ORDER BY a.id"""
    with reading():
        rows = store.conn.execute(sql).fetchall()
        return [
            AreaRow(
                id=r["id"],
                name=r["name"],
                title=r["title"],
                pack_version=r["pack_version"],
                catalogue_version=int(r["catalogue_version"]),
                release=store.release_version(r["id"]),
                origin=r["origin"] or "",
                services=int(r["services"]),
                organizations=int(r["organizations"]),
                locations=int(r["locations"]),
            )
            for r in rows
        ]


# ------------------------------------------------------------------------------ template


@dataclass(frozen=True, slots=True)
class NewArea:
    """What the coordinator types for an empty area."""

    id: str
    name: str  # the product name, e.g. "Solnakompassen"
    title: str  # e.g. "Solna – centrum och Råsunda"
    description_sv: str
    description_en: str
    lat: float
    lon: float


def template_pack(new: NewArea, today: date) -> PackData:
    """A valid, empty area pack (no services yet) from the HSDS import's skeleton: the
    area's metadata, one landmark at the centre, placeholder office keys (the first-run
    wizard or ``kompassen office keys generate`` replaces them before a release)."""
    try:
        check_new_area(new.id, new.name)
    except KompassenError as err:
        raise AreaFormError(err.sv, err.en, "id" if new.name.strip() else "name") from None
    if not -90 <= new.lat <= 90 or not -180 <= new.lon <= 180 or (new.lat, new.lon) == (0, 0):
        raise AreaFormError(
            "Ange områdets mitt som latitud (−90…90) och longitud (−180…180).",
            "Give the area's centre as latitude (−90…90) and longitude (−180…180).",
            "center",
        )
    pack = skeleton(new.id, new.name, today)
    area = pack.doc("area.json")
    area["title"] = new.title.strip() or new.name.strip()
    description: dict[str, Any] = {"sv": new.description_sv.strip() or area["title"]}
    if new.description_en.strip():
        description["en"] = new.description_en.strip()
    area["description"] = description
    lat, lon = round(new.lat, 6), round(new.lon, 6)
    area["center"] = {"lat": lat, "lon": lon}
    for lm in pack.doc("landmarks.json")["landmarks"]:
        if lm["key"] == LANDMARK_KEY:
            lm.update(lat=lat, lon=lon, source="Kontoret: områdets mitt när området skapades")
    pack.origin = TEMPLATE_ORIGIN
    return pack


def create_area(store: CatalogueStore, new: NewArea) -> int:
    """Install a new empty area; an id already installed is refused. The catalogue version."""
    pack = template_pack(new, store.clock.now().date())
    with reading():
        exists = store.conn.execute("SELECT 1 FROM area WHERE id = ?", (new.id,)).fetchone()
    if exists is not None:
        raise AreaFormError(
            f"Området ”{new.id}” finns redan.", f"The area '{new.id}' already exists.", "id"
        )
    return store.install(pack, origin=TEMPLATE_ORIGIN)


# ------------------------------------------------------------------------------ HSDS import


@dataclass
class ImportPreview:
    """An HSDS import made and validated but not installed: its pack and its report."""

    path: Path
    area_id: str
    new_name: str | None  # None: replaces the installed area
    pack: PackData
    result: ImportResult

    def headline(self, lang: str) -> str:
        """What installing would do, in one sentence."""
        r = self.result
        if lang == "en":
            verb = "creates the new area" if self.new_name is not None else "replaces the area"
            return (
                f"The import {verb} {self.area_id} with {r.services} services, "
                f"{r.organizations} organizations and {r.locations} locations."
            )
        verb = "skapar det nya området" if self.new_name is not None else "ersätter området"
        return (
            f"Importen {verb} {self.area_id} med {r.services} tjänster, "
            f"{r.organizations} organisationer och {r.locations} platser."
        )

    def report_text(self, lang: str, max_lines: int = 40) -> str:
        """The import report in words: what was repaired, left out or ignored, and notes."""
        lines = [w for w in (self.result.warnings if lang == "en" else self.result.warnings_sv)]
        if self.result.report is not None:
            lines.append(self.result.report.summary(lang, max_lines, notes=False))
        return "\n".join(x for x in lines if x)


class _DryRun:
    """Stands in for the store in :func:`import_hsds`: reads as the store, validates a pack
    as its install would, and keeps the pack instead of writing it."""

    def __init__(self, store: CatalogueStore) -> None:
        self._store = store
        self.pack: PackData | None = None

    @property
    def conn(self) -> Any:
        return self._store.conn

    @property
    def clock(self) -> Clock:
        return self._store.clock

    def install(self, pack: PackData, origin: str | None = None) -> int:
        from kompassen.catalogue.pack.validate import check_pack

        check_pack(pack)  # PackError, which the import points back at its rows
        self.pack = pack
        return 0


def preview_import(
    store: CatalogueStore,
    path: Path,
    area_id: str,
    *,
    new_name: str | None = None,
    strict: bool = False,
) -> ImportPreview:
    """Import ``path`` (datapackage JSON or CSV folder) as far as the install, without it.

    ``new_name``: a new area ``area_id`` of that name; else the installed ``area_id`` is
    replaced. Raises HsdsError (problems by file, row and field) when nothing can be imported.
    """
    from kompassen.catalogue.hsds.importer import import_hsds

    dry = _DryRun(store)
    with reading():
        result = import_hsds(
            cast("CatalogueStore", dry), path, area_id, strict=strict, new_name=new_name
        )
    assert dry.pack is not None  # import_hsds returns only after an install
    return ImportPreview(Path(path), area_id, new_name, dry.pack, result)


def install_preview(store: CatalogueStore, preview: ImportPreview) -> int:
    """Install the previewed import (validated again: the catalogue may have moved on)."""
    if preview.new_name is not None:
        with reading():
            row = store.conn.execute(
                "SELECT 1 FROM area WHERE id = ?", (preview.area_id,)
            ).fetchone()
        if row is not None:
            raise AreaFormError(
                f"Området ”{preview.area_id}” finns redan.",
                f"The area '{preview.area_id}' already exists.",
                "id",
            )
    return store.install(preview.pack, origin=IMPORT_ORIGIN)


# ------------------------------------------------------------------------------ export


def export_hsds(store: CatalogueStore, area_id: str, folder: Path, now: datetime) -> ExportResult:
    """The area as HSDS 3 in ``folder`` (CSV tables, datapackage.json, canonical JSON), as
    ``kompassen export-hsds`` writes it."""
    from kompassen.catalogue.hsds.export import export_hsds as export

    with reading():
        return export(store, area_id, folder, now)


def export_pack(store: CatalogueStore, area_id: str, parent: Path) -> Path:
    """The installed area as a pack folder ``parent/<area id>`` (a pack's folder carries
    its id: what ``validate-pack`` and ``install-pack`` read); the folder written."""
    from kompassen.catalogue.store.loader import dump_area

    with reading():
        pack = dump_area(store.conn, area_id)
    folder = parent / area_id
    pack.write(folder)
    return folder


def folder_is_free(folder: Path) -> bool:
    """Whether ``folder`` is missing or empty (an export never mixes with other files)."""
    return not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))
