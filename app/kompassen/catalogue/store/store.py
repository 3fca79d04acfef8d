"""The catalogue as one object: open (migrate, back up, heal), install packs, read.

catalogue.db is replaceable, so a file that is not a database is moved aside and rebuilt from
the bundled packs instead of stopping the app; nothing precious lives in it.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kompassen.catalogue.pack.packdata import PACK_FILES, PackData
from kompassen.catalogue.pack.validate import PackError, read_pack_dir
from kompassen.catalogue.search.analyzer import Analyzer
from kompassen.catalogue.search.fts import index_area
from kompassen.catalogue.store.db import (
    CatalogueDbError,
    MigrationResult,
    connect,
    migrate,
    transaction,
)
from kompassen.catalogue.store.loader import (
    AreaNotInstalled,
    dump_area,
    install_pack,
    sync_base_taxonomy,
)
from kompassen.catalogue.store.reader import CatalogueReader
from kompassen.catalogue.store.release import (
    DeltaMismatch,
    ReleaseError,
    apply_delta,
    check_manifest,
    content_hash,
    release_form,
    verify_manifest,
)
from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.sqlite import storage_errors

log = logging.getLogger(__name__)

SEARCH_INDEX_VERSION = 3  # the schema version that introduced search_fts


def _version_tuple(v: str) -> tuple[int, ...]:
    return tuple(int(p) for p in v.split(".") if p.isdigit())


@dataclass(frozen=True, slots=True)
class InstallReport:
    area_id: str
    catalogue_version: int | None
    error: PackError | None = None


class CatalogueStore:
    """Owns the catalogue.db connection; the only writer of the catalogue."""

    def __init__(self, path: Path, backup_dir: Path, clock: Clock) -> None:
        self.path = path
        self.backup_dir = backup_dir
        self.clock = clock
        self._conn: sqlite3.Connection | None = None
        self.migration: MigrationResult | None = None
        self.healed_from: Path | None = None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("CatalogueStore.open() has not been called")
        return self._conn

    @property
    def reader(self) -> CatalogueReader:
        return CatalogueReader(self.conn)

    def open(self) -> CatalogueStore:
        """Open and migrate; a corrupt file (only that) is moved aside and rebuilt.

        A full disk, a read-only folder or a file from a newer app is raised as a
        CatalogueDbError: rebuilding would not help, or would throw away a newer catalogue.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._open_and_migrate()
        except CatalogueDbError as exc:
            if exc.kind != "corrupt":
                raise
            self._move_aside(exc)
            self._open_and_migrate()
        return self

    def _open_and_migrate(self) -> None:
        conn = connect(self.path, cache_mb=4, mmap_mb=0)
        try:
            with storage_errors(
                CatalogueDbError,
                f"Katalogen kunde inte öppnas ({self.path})",
                f"The catalogue could not be opened ({self.path})",
            ):
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            self.migration = migrate(conn, backup_dir=self.backup_dir, now=self.clock.now())
            with transaction(conn):
                sync_base_taxonomy(conn)
                if 0 < self.migration.from_version < SEARCH_INDEX_VERSION:
                    # areas installed before the search index existed get indexed now
                    for (area_id,) in conn.execute("SELECT id FROM area").fetchall():
                        index_area(conn, area_id, Analyzer())
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    def _move_aside(self, exc: Exception) -> None:
        stamp = self.clock.now().strftime("%Y%m%dT%H%M%S")
        target = self.backup_dir / f"catalogue-unreadable-{stamp}.db"
        target.parent.mkdir(parents=True, exist_ok=True)
        log.warning("catalogue.db unreadable (%s); moved to %s and rebuilding", exc, target)
        self.path.replace(target)
        for suffix in ("-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)
        self.healed_from = target

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -------------------------------------------------------------------------- install

    @staticmethod
    def _bundled_is_newer(folder: Path, current: tuple[str, str]) -> bool:
        """Only a bundled copy may be replaced by a bundled pack, and only by a newer one."""
        origin, installed_version = current
        if origin != "bundled":
            return False
        try:
            version = json.loads((folder / "area.json").read_text(encoding="utf-8"))["version"]
        except (OSError, ValueError, KeyError, TypeError):
            return True  # let the full read report what is wrong with it
        return _version_tuple(str(version)) > _version_tuple(installed_version)

    def install(self, pack: PackData, origin: str | None = None) -> int:
        started = time.perf_counter()  # logged: a slow tablet is diagnosed from its log
        version = install_pack(self.conn, pack, now=self.clock.now(), origin=origin)
        n = len(pack.doc("services.json").get("services") or ())
        secs = time.perf_counter() - started
        log.info("installed area %s (%d services) in %.2f s", pack.area_id, n, secs)
        return version

    def install_dir(self, folder: Path, origin: str = "bundled") -> int:
        pack = read_pack_dir(folder)
        pack.origin = origin
        return self.install(pack)

    def install_bundled(self, root: Path) -> list[InstallReport]:
        """Install shipped packs that are missing or newer than the installed bundled copy.

        A broken bundled pack is reported and skipped: the other areas still load.
        """
        reports = []
        installed = {
            r["id"]: (r["origin"], r["pack_version"])
            for r in self.conn.execute("SELECT id, origin, pack_version FROM area")
        }
        for folder in sorted(p for p in root.iterdir() if (p / "area.json").exists()):
            current = installed.get(folder.name)
            if current is not None and not self._bundled_is_newer(folder, current):
                continue  # the usual start-up: nothing to read beyond area.json
            try:
                pack = read_pack_dir(folder)
            except PackError as err:
                log.error("bundled pack %s is invalid:\n%s", folder.name, err.message("en"))
                reports.append(InstallReport(folder.name, None, err))
                continue
            version = self.install(pack, origin="bundled")
            log.info("installed bundled area %s as catalogue v%d", folder.name, version)
            reports.append(InstallReport(folder.name, version))
        return reports

    # -------------------------------------------------------------------------- releases

    def release_version(self, area_id: str) -> int | None:
        """The signed release the area's content came from (None: not from a release)."""
        return self.reader.release_version(area_id)

    def release_docs(self, area_id: str) -> dict[str, Any]:
        """The installed area in release form: what a delta from the server applies to."""
        return release_form(dump_area(self.conn, area_id))

    def apply_release(self, response: dict[str, Any]) -> int:
        """Check and install a release response (full or delta); return the catalogue version.

        Nothing is written before the content hash and the signature (by the *installed*
        area's signing key) hold, and the install is one transaction: any ReleaseError leaves
        the old catalogue exactly as it was. DeltaMismatch means: ask for the full snapshot.
        """
        if not isinstance(response, dict):
            raise _malformed("svaret är inte ett objekt", "the response is not an object")
        area_id, version = response.get("area_id"), response.get("version")
        if (
            not isinstance(area_id, str)
            or not isinstance(version, int)
            or isinstance(version, bool)
        ):
            raise _malformed("område eller version saknas", "area or version missing")
        kind = response.get("kind")
        if kind not in ("full", "delta"):
            raise _malformed("okänd sort", "unknown kind")
        try:
            area = self.reader.area(area_id)
        except AreaNotInstalled as exc:
            raise ReleaseError(
                sv=f"Området ”{area_id}” är inte installerat, så släppet kan inte tas emot.",
                en=f"The area '{area_id}' is not installed, so the release cannot be applied.",
            ) from exc
        current = self.release_version(area_id)
        if current is not None and version <= current:
            raise ReleaseError(
                sv=f"Katalogsläpp {version} för ”{area_id}” är inte nyare än det installerade "
                f"({current}).",
                en=f"Release {version} of '{area_id}' is not newer than the installed one "
                f"({current}).",
            )
        manifest = check_manifest(response.get("manifest"))
        if manifest["area_id"] != area_id or manifest["version"] != version:
            raise _malformed(
                "manifestet gäller ett annat släpp", "the manifest names another release"
            )
        signature: Any = response.get("signature")  # any JSON: verify_manifest checks it
        verify_manifest(manifest, signature, area.signing_public_key)

        if kind == "delta":
            base = response.get("base_version")
            if current is None or base != current or isinstance(base, bool):
                raise DeltaMismatch(
                    sv=f"Ändringarna bygger på släpp {base}, men enheten har {current}.",
                    en=f"The delta is based on release {base}, but the device has {current}.",
                )
            try:
                delta: Any = response.get("delta")  # any JSON: apply_delta checks it
                docs = apply_delta(self.release_docs(area_id), delta)
            except ReleaseError as exc:
                raise DeltaMismatch(sv=exc.sv, en=exc.en) from exc
        else:
            full = response.get("documents")
            if (
                not isinstance(full, dict)
                or set(full) != set(PACK_FILES)  # the release form has every file
                or not all(isinstance(d, dict) for d in full.values())
            ):
                raise _malformed("paketfilerna saknas", "the pack documents are missing")
            docs = full
        try:
            digest = content_hash(docs)
        except (TypeError, ValueError) as exc:
            raise _malformed("innehållet går inte att läsa", "the content cannot be read") from exc
        if digest != manifest["sha256"]:
            cls = DeltaMismatch if kind == "delta" else ReleaseError
            raise cls(
                sv="Katalogsläppets innehåll stämmer inte med det signerade manifestet.",
                en="The release content does not match the signed manifest.",
            )
        area_doc = docs.get("area.json")
        if (
            not isinstance(area_doc, dict)
            or area_doc.get("id") != area_id
            or area_doc.get("version") != manifest["pack_version"]
        ):
            raise _malformed("area.json gäller ett annat område", "area.json names another area")
        try:
            return install_pack(
                self.conn,
                PackData(docs, origin="release"),
                now=self.clock.now(),
                origin="release",
                release_version=version,
            )
        except ReleaseError:
            raise
        except (KompassenError, sqlite3.Error, KeyError, TypeError, ValueError) as exc:
            sv = exc.sv if isinstance(exc, KompassenError) else str(exc)
            en = exc.en if isinstance(exc, KompassenError) else str(exc)
            raise ReleaseError(
                sv=f"Katalogsläppet kunde inte installeras: {sv}",
                en=f"The release could not be installed: {en}",
            ) from exc


def _malformed(why_sv: str, why_en: str) -> ReleaseError:
    return ReleaseError(
        sv=f"Katalogsläppet har fel form: {why_sv}.", en=f"The release is malformed: {why_en}."
    )
