"""The catalogue as one object: open (migrate, back up, heal), install packs, read.

catalogue.db is replaceable, so a damaged file (not a database, or a malformed page found at
any moment) is copied into the backups, emptied and rebuilt from the bundled packs plus the
last signed release of each area (kept outside the file, see
:mod:`~kompassen.catalogue.store.kept`) instead of stopping the app; nothing precious lives
in it. :meth:`CatalogueStore.heal` is the one place that does it; the CLI's handler, the
reader and the GUI's search worker call it.

``PRAGMA quick_check`` (``open(check=True)``) reads every page, so it grows with the file;
measured with bench/bench_quick_check.py on the development machine (warm cache, median of
7): shipped packs (1.1 MB) 1.1 ms; 10k synthetic services (42 MB) 230 ms. Too dear for every
start at 10k (the budget was ~50 ms), so the app does not run it at start: a damaged page is
healed when a read meets it (the reader, the search worker, the CLI's handler), which costs
nothing until then; ``selftest`` runs the check, where a full look is the point.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kompassen.catalogue.pack.packdata import PACK_FILES, PackData
from kompassen.catalogue.search.analyzer import Analyzer
from kompassen.catalogue.search.snapshot import ensure_places, index_for_search
from kompassen.catalogue.store import kept
from kompassen.catalogue.store.db import (
    CatalogueDbError,
    MigrationResult,
    connect,
    connect_readonly,
    migrate,
    reading,
    transaction,
)
from kompassen.catalogue.store.errors import AreaNotInstalled
from kompassen.catalogue.store.taxonomy import sync_base_taxonomy
from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.device.files import TextFileError, load_json_limited
from kompassen.sqlite import StorageError, classify, storage_errors

if TYPE_CHECKING:
    # Validating and streaming packs, and checking signed releases, are imported when a pack
    # or a release is installed: a start with everything in place (every one-shot
    # ``kompassen search``) only compares area.json versions (see install_bundled).
    from kompassen.catalogue.pack.validate import PackError
    from kompassen.catalogue.store.reader import CatalogueReader
    from kompassen.catalogue.store.release import ReleaseError

log = logging.getLogger(__name__)

# The schema version whose analyser wrote the search index rows: 3 introduced search_fts, 5
# normalises text first. A catalogue migrated from before it is (re)indexed when opened.
SEARCH_INDEX_VERSION = 7  # 7: search_fts recreated contentless (schema migration 7)

# one heal at a time in this process: the GUI's reader and its search worker may both hit
# the same damaged page; the second finds the catalogue rebuilt since and only reads again
_HEAL_LOCK = threading.RLock()
_generations: dict[str, int] = {}

Generation = int


def generation(path: Path) -> Generation:
    """How often this process has rebuilt the catalogue at ``path``: a connection opened at
    an earlier generation met damage that is gone already (the file is rebuilt in place)."""
    return _generations.get(os.path.abspath(path), 0)


def _next_generation(path: Path) -> None:
    key = os.path.abspath(path)
    _generations[key] = _generations.get(key, 0) + 1


def is_corrupt(exc: BaseException) -> bool:
    """A damaged catalogue file ("malformed", "not a database"), raw or in words."""
    if isinstance(exc, StorageError):
        return exc.kind == "corrupt"
    return classify(exc) == "corrupt"


@dataclass(frozen=True, slots=True)
class CatalogueRebuilt:
    """What the user is told after a damaged catalogue was rebuilt (news, not an error)."""

    sv: str
    en: str
    moved_to: Path

    def message(self, lang: str = "sv") -> str:
        return self.en if lang == "en" else self.sv


def _version_tuple(v: str) -> tuple[int, ...]:
    return tuple(int(p) for p in v.split(".") if p.isdigit())


@dataclass(frozen=True, slots=True)
class InstallReport:
    area_id: str
    catalogue_version: int | None
    error: PackError | None = None


class CatalogueStore:
    """Owns the catalogue.db connection; the only writer of the catalogue."""

    def __init__(
        self,
        path: Path,
        backup_dir: Path,
        clock: Clock,
        *,
        bundled_dir: Path | None = None,
        releases_dir: Path | None = None,
    ) -> None:
        """``bundled_dir`` and ``releases_dir``: what a rebuild installs again (the shipped
        packs, then the kept releases); without them a rebuilt catalogue starts empty."""
        self.path = path
        self.backup_dir = backup_dir
        self.clock = clock
        self.bundled_dir = bundled_dir
        self.releases_dir = releases_dir
        self._conn: sqlite3.Connection | None = None
        self._generation: Generation = generation(path)
        self._stale = False
        self.readonly = False
        self.migration: MigrationResult | None = None
        self.healed_from: Path | None = None
        self.rebuilt: CatalogueRebuilt | None = None
        self._listeners: list[Callable[[CatalogueRebuilt], None]] = []

    @property
    def conn(self) -> sqlite3.Connection:
        if self._stale and self._conn is not None:
            # another connection rebuilt the file: ours still reads the damaged one
            self._stale = False
            readonly = self.readonly
            self.close()
            if readonly:
                self.open_readonly()
            else:
                self.open()
        if self._conn is None:
            raise RuntimeError("CatalogueStore.open() has not been called")
        return self._conn

    @property
    def reader(self) -> CatalogueReader:
        """Reads on this store's connection; a damaged page heals the file and reads again."""
        # the catalogue model (~15 ms of dataclasses): for the window and the detail commands,
        # not for a one-shot search
        from kompassen.catalogue.store.reader import CatalogueReader

        return CatalogueReader(lambda: self.conn, heal=self.heal)

    def mark_stale(self) -> None:
        """The file was rebuilt by another connection: reopen before the next read (any thread)."""
        self._stale = True

    def on_rebuilt(self, listener: Callable[[CatalogueRebuilt], None]) -> None:
        """Call ``listener`` (on the thread that healed) after this store rebuilt the file."""
        self._listeners.append(listener)

    def open(self, *, check: bool = False) -> CatalogueStore:
        """Open and migrate; a corrupt file (only that) is moved aside and reopened empty.

        ``check`` runs ``PRAGMA quick_check`` first (see the module docstring for its cost:
        ``selftest`` only), so a damaged page is found before any read meets it. A full disk, a
        read-only folder or a file from a newer app is raised as a CatalogueDbError:
        rebuilding would not help, or would throw away a newer catalogue. :meth:`refill`
        puts the packs and kept releases back.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.healed_from = None
        try:
            self._open_and_migrate(check)
        except CatalogueDbError as exc:
            if exc.kind != "corrupt":
                raise
            self._move_aside(exc)
            self._open_and_migrate(False)
        return self

    def open_readonly(self) -> CatalogueStore:
        """Open for reading only, without migrating or installing: for commands that need a
        key or a name from the catalogue while it cannot be written (a full disk)."""
        self._conn = connect_readonly(self.path)
        self._generation = generation(self.path)
        self.readonly = True
        self._stale = False
        return self

    def _open_and_migrate(self, check: bool) -> None:
        conn = connect(self.path, cache_mb=4, mmap_mb=0)
        try:
            with storage_errors(
                CatalogueDbError,
                f"Katalogen kunde inte öppnas ({self.path})",
                f"The catalogue could not be opened ({self.path})",
            ):
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                if check:
                    _quick_check(conn)
            self.migration = migrate(conn, backup_dir=self.backup_dir, now=self.clock.now())
            with transaction(conn):
                sync_base_taxonomy(conn)
                if 0 < self.migration.from_version < SEARCH_INDEX_VERSION:
                    # areas installed before the search index existed get indexed now
                    for (area_id,) in conn.execute("SELECT id FROM area").fetchall():
                        index_for_search(conn, area_id, Analyzer())
                ensure_places(conn)  # Platser's points, for areas an older app installed
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        self._generation = generation(self.path)
        self.readonly = False
        self._stale = False

    def _move_aside(self, exc: BaseException) -> None:
        """Keep the damaged file in the backups, then make catalogue.db an empty database.

        The damaged content is copied (with its WAL) to a name never used before (reserved
        with ``mkstemp``, O_EXCL: two heals in the same second never overwrite each other's
        evidence), then the file is emptied *in place*, through SQLite (the backup API from
        an empty database), not renamed: another connection still open on it (the GUI's
        reader, a sync) then reads the rebuilt catalogue, and its closing cannot delete the
        new file's ``-wal``/``-shm`` (SQLite deletes those by name). A file SQLite cannot
        even begin to write (its first page is not a database) is renamed aside instead.
        """
        self.close()
        target = self._unique_backup()
        log.warning("catalogue.db unreadable (%s); keeping it as %s and rebuilding", exc, target)
        try:
            self._copy_evidence(target)
        except OSError as err:  # a full disk: the rebuild matters more than the evidence
            log.warning("the damaged catalogue could not be copied to %s: %s", target, err)
            target.unlink(missing_ok=True)
        try:
            _empty_in_place(self.path)
        except sqlite3.Error as err:
            log.warning("catalogue.db cannot be emptied in place (%s); renaming it", err)
            if not target.exists() or target.stat().st_size == 0:
                target = self._unique_backup()
            self.path.replace(target)
            wal = Path(f"{self.path}-wal")
            if wal.exists():
                wal.replace(Path(f"{target}-wal"))
            Path(f"{self.path}-shm").unlink(missing_ok=True)
        _next_generation(self.path)
        self.healed_from = target

    def _unique_backup(self) -> Path:
        stamp = self.clock.now().strftime("%Y%m%dT%H%M%S")
        self.backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, name = tempfile.mkstemp(
            prefix=f"catalogue-unreadable-{stamp}-", suffix=".db", dir=self.backup_dir
        )
        os.close(fd)
        return Path(name)

    def _copy_evidence(self, target: Path) -> None:
        shutil.copyfile(self.path, target)
        wal = Path(f"{self.path}-wal")
        if wal.exists() and wal.stat().st_size:
            shutil.copyfile(wal, Path(f"{target}-wal"))

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -------------------------------------------------------------------------- healing

    def refill(self, *, bundled: bool = True) -> list[InstallReport]:
        """Install missing or newer bundled packs, then kept releases the catalogue lacks.

        Run after every open: after a rebuild it puts everything back; after a start on a
        full disk that could not finish a rebuild, it finishes it once space returns. When
        the file was rebuilt, :attr:`rebuilt` holds the words for the user.
        """
        reports: list[InstallReport] = []
        if bundled and self.bundled_dir is not None and self.bundled_dir.is_dir():
            reports = self.install_bundled(self.bundled_dir)
        restored = self.restore_releases()
        if self.healed_from is not None:
            self.rebuilt = self._rebuilt_notice(self.healed_from, restored)
        return reports

    def heal(
        self,
        cause: BaseException,
        *,
        failed_on: Generation | None = None,
        certain: bool = True,
    ) -> CatalogueRebuilt | None:
        """The one place a damaged catalogue is rebuilt: set aside, reopen, refill.

        ``failed_on``: the :func:`generation` the failing connection was opened at (default:
        this store's). If the catalogue was rebuilt since, only reconnect (None).
        ``certain=False`` (an SQLite error of unknown origin, maybe from device.db): rebuild
        only if ``quick_check`` finds the catalogue damaged. Returns the words for the user,
        or None when nothing was rebuilt.
        """
        with _HEAL_LOCK:
            failed = failed_on if failed_on is not None else self._generation
            self.close()
            if failed != generation(self.path):
                self.open()
                return None
            if certain and self.path.exists():
                self._move_aside(cause)
                moved = self.healed_from
                self.open()
                self.healed_from = moved
            else:
                self.open(check=True)
            if self.healed_from is None:
                return None
            self.refill()
            notice = self.rebuilt
        if notice is not None:
            for listener in self._listeners:
                listener(notice)
        return notice

    def _rebuilt_notice(self, moved_to: Path, restored: list[tuple[str, int]]) -> CatalogueRebuilt:
        if restored:
            sv_which = ", ".join(f"{a}: släpp {v}" for a, v in restored)
            en_which = ", ".join(f"{a}: release {v}" for a, v in restored)
            sv_from = (
                "från områdespaketen som följer med appen och de senast installerade "
                f"katalogsläppen ({sv_which})"
            )
            en_from = (
                "from the area packs shipped with the app and the last installed releases "
                f"({en_which})"
            )
        else:
            sv_from = "från områdespaketen som följer med appen"
            en_from = "from the area packs shipped with the app"
        if moved_to.exists():
            sv_kept = f"Den skadade filen sparades som {moved_to}."
            en_kept = f"The damaged file was kept as {moved_to}."
        else:  # no room for a copy (logged): the rebuild mattered more
            sv_kept = "Den skadade filen kunde inte sparas (lagringen är full)."
            en_kept = "The damaged file could not be kept (the storage is full)."
        return CatalogueRebuilt(
            sv=f"Katalogen var skadad och har byggts om {sv_from}. {sv_kept}",
            en=f"The catalogue was damaged and has been rebuilt {en_from}. {en_kept}",
            moved_to=moved_to,
        )

    def restore_releases(self) -> list[tuple[str, int]]:
        """Install kept releases of areas that run on their bundled pack without them.

        Only an area whose content is the bundled pack and which never had that release or
        a later one: a pack installed by hand (``install-pack``) or a newer release is
        never replaced. A copy that no longer checks out is set aside (logged); one that
        could not be installed for want of space is kept for the next start.
        """
        if self.releases_dir is None:
            return []
        saved = kept.kept(self.releases_dir)
        if not saved:
            return []
        from kompassen.catalogue.store.release import ReleaseError

        with reading():
            rows = self.conn.execute(
                "SELECT a.id, a.origin, (SELECT max(r.release_version) FROM area_release r "
                "WHERE r.area_id = a.id) AS rv FROM area a"
            ).fetchall()
        restored: list[tuple[str, int]] = []
        for area_id, origin, rv in rows:
            rel = saved.get(area_id)
            if rel is None or origin != "bundled" or (rv is not None and rv >= rel.version):
                continue
            try:
                self.apply_release(rel.load(), keep_copy=False)
            except TextFileError as exc:
                log.warning("kept release %s unreadable: %s", rel.path, exc.en)
                kept.forget(rel)
                continue
            except ReleaseError as exc:
                if isinstance(exc.__cause__, StorageError):
                    log.warning("kept release %s not installed now: %s", rel.path, exc.en)
                else:
                    log.warning("kept release %s refused: %s", rel.path, exc.en)
                    kept.forget(rel)
                continue
            log.info("restored release %s v%d from %s", area_id, rel.version, rel.path)
            restored.append((area_id, rel.version))
        return restored

    # -------------------------------------------------------------------------- install

    @staticmethod
    def _bundled_is_newer(folder: Path, current: tuple[str, str]) -> bool:
        """Only a bundled copy may be replaced by a bundled pack, and only by a newer one."""
        origin, installed_version = current
        if origin != "bundled":
            return False
        try:
            version = load_json_limited(folder / "area.json", 1024 * 1024)["version"]
        except (KompassenError, OSError, ValueError, KeyError, TypeError):
            return True  # let the full read report what is wrong with it
        return _version_tuple(str(version)) > _version_tuple(installed_version)

    def install(self, pack: PackData, origin: str | None = None) -> int:
        started = time.perf_counter()  # logged: a slow tablet is diagnosed from its log
        from kompassen.catalogue.store.loader import install_pack

        version = install_pack(self.conn, pack, now=self.clock.now(), origin=origin)
        n = len(pack.doc("services.json").get("services") or ())
        secs = time.perf_counter() - started
        log.info("installed area %s (%d services) in %.2f s", pack.area_id, n, secs)
        return version

    def install_dir(
        self,
        folder: Path,
        origin: str = "bundled",
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Validate and install a pack folder; return the new catalogue version.

        A big services.json (see :mod:`~kompassen.catalogue.pack.streamed`) is streamed into
        the install transaction record by record, so memory does not grow with the pack.
        ``progress(done, total)``: bytes of services.json read (for a progress bar; from the
        installing thread).
        """
        from kompassen.catalogue.pack.streamed import open_pack_dir, streams
        from kompassen.catalogue.pack.validate import read_pack_dir
        from kompassen.catalogue.store.loader import install_streamed

        if streams(folder):
            started = time.perf_counter()
            streamed = open_pack_dir(folder)
            version = install_streamed(
                self.conn, streamed, now=self.clock.now(), origin=origin, progress=progress
            )
            secs = time.perf_counter() - started
            log.info(
                "installed area %s (%d services, streamed) in %.2f s",
                streamed.area_id,
                streamed.service_count,
                secs,
            )
            return version
        pack = read_pack_dir(folder)
        pack.origin = origin
        version = self.install(pack)
        if progress is not None:
            size = (folder / "services.json").stat().st_size
            progress(size, size)
        return version

    def install_bundled(self, root: Path) -> list[InstallReport]:
        """Install shipped packs that are missing or newer than the installed bundled copy.

        A broken bundled pack is reported and skipped: the other areas still load.
        """
        reports = []
        with reading():
            installed = {
                r["id"]: (r["origin"], r["pack_version"])
                for r in self.conn.execute("SELECT id, origin, pack_version FROM area")
            }
        for folder in sorted(p for p in root.iterdir() if (p / "area.json").exists()):
            current = installed.get(folder.name)
            if current is not None and not self._bundled_is_newer(folder, current):
                continue  # the usual start-up: nothing to read beyond area.json
            from kompassen.catalogue.pack.validate import PackError, read_pack_dir

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
        from kompassen.catalogue.store.loader import dump_area
        from kompassen.catalogue.store.release import release_form

        with reading():
            return release_form(dump_area(self.conn, area_id))

    def apply_release(self, response: dict[str, Any], *, keep_copy: bool = True) -> int:
        """Check and install a release response (full or delta); return the catalogue version.

        Nothing is written before the content hash and the signature (by the *installed*
        area's signing key) hold, and the install is one transaction: any ReleaseError leaves
        the old catalogue exactly as it was. DeltaMismatch means: ask for the full snapshot.
        A damaged catalogue is raised as it is (CatalogueDbError, kind corrupt) for
        :meth:`heal`. ``keep_copy``: write the release in full form to ``releases_dir`` so a
        rebuild brings it back (off when restoring a kept copy).
        """
        from kompassen.catalogue.store.loader import install_pack
        from kompassen.catalogue.store.release import (
            DeltaMismatch,
            ReleaseError,
            apply_delta,
            check_manifest,
            content_hash,
            verify_manifest,
        )

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
            installed = install_pack(
                self.conn,
                PackData(docs, origin="release"),
                now=self.clock.now(),
                origin="release",
                release_version=version,
            )
        except ReleaseError:
            raise
        except CatalogueDbError as exc:
            if exc.kind == "corrupt":
                raise  # the file, not the release: heal() rebuilds it
            raise ReleaseError(
                sv=f"Katalogsläppet kunde inte installeras: {exc.sv}",
                en=f"The release could not be installed: {exc.en}",
            ) from exc
        except (KompassenError, sqlite3.Error, KeyError, TypeError, ValueError) as exc:
            sv = exc.sv if isinstance(exc, KompassenError) else str(exc)
            en = exc.en if isinstance(exc, KompassenError) else str(exc)
            raise ReleaseError(
                sv=f"Katalogsläppet kunde inte installeras: {sv}",
                en=f"The release could not be installed: {en}",
            ) from exc
        if keep_copy and self.releases_dir is not None:
            kept.keep(self.releases_dir, area_id, version, manifest, signature, docs)
        return installed


def _empty_in_place(path: Path) -> None:
    """Overwrite the database at ``path`` with an empty one, under SQLite's own locks."""
    empty = sqlite3.connect(":memory:")
    target = sqlite3.connect(str(path), timeout=5)
    try:
        empty.backup(target)
    finally:
        target.close()
        empty.close()


def _quick_check(conn: sqlite3.Connection) -> None:
    """Raise a corrupt CatalogueDbError when ``PRAGMA quick_check`` finds damage.

    quick_check reads every page and checks the b-trees (not that indexes match their
    tables, which integrity_check does at several times the cost); a damaged page it cannot
    see still heals when a read hits it.
    """
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if [tuple(r) for r in rows] != [("ok",)]:
        detail = "; ".join(str(r[0]) for r in rows[:3])
        log.warning("catalogue quick_check: %s", detail)
        raise CatalogueDbError(
            sv=f"Katalogen är skadad ({detail}).",
            en=f"The catalogue is damaged ({detail}).",
            kind="corrupt",
            errorname="quick_check",
        )


def _malformed(why_sv: str, why_en: str) -> ReleaseError:
    from kompassen.catalogue.store.release import ReleaseError

    return ReleaseError(
        sv=f"Katalogsläppet har fel form: {why_sv}.", en=f"The release is malformed: {why_en}."
    )
