"""The catalogue as one object: open (migrate, back up, heal), install packs, read.

catalogue.db is replaceable, so a file that is not a database is moved aside and rebuilt from
the bundled packs instead of stopping the app; nothing precious lives in it.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kompassen.core.clock import Clock

from .analyzer import Analyzer
from .db import CatalogueDbError, MigrationResult, connect, migrate, transaction
from .loader import install_pack, sync_base_taxonomy
from .packdata import PackData
from .reader import CatalogueReader
from .search_index import index_area
from .validate import PackError, read_pack_dir

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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._open_and_migrate()
        except (CatalogueDbError, sqlite3.DatabaseError) as exc:
            if isinstance(exc, CatalogueDbError) and "schemaversion" in exc.sv:
                raise
            self._move_aside(exc)
            self._open_and_migrate()
        return self

    def _open_and_migrate(self) -> None:
        conn = connect(self.path, cache_mb=4, mmap_mb=0)
        try:
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
        return install_pack(self.conn, pack, now=self.clock.now(), origin=origin)

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
