"""The one composition root: builds every service once and hands them over explicitly.

Tests build the same graph with ``build(environ={"KOMPASSEN_HOME": tmp}, clock=FixedClock(...))``.

The catalogue is opened on first use, not by ``build``: commands that need only device.db
(``outbox``, ``enrol``) never touch it, so a catalogue that cannot be opened or written
(a full disk, a damaged file) cannot stop them. ``catalogue="read"`` (``report submit``,
``sync``): when it cannot be written, it is opened read-only with what is installed.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from kompassen.catalogue.store.db import CatalogueDbError, connect
from kompassen.catalogue.store.store import (
    CatalogueRebuilt,
    CatalogueStore,
    Generation,
    InstallReport,
    generation,
    is_corrupt,
)
from kompassen.core import hours
from kompassen.core.clock import Clock, SystemClock
from kompassen.core.errors import KompassenError
from kompassen.device.files import write_atomic
from kompassen.device.logs import setup_logging
from kompassen.device.paths import Paths, resolve_paths
from kompassen.device.settings import SettingsStore

if TYPE_CHECKING:
    from kompassen.catalogue.search.service import SearchService
    from kompassen.device.db import DeviceDb
    from kompassen.device.events import EventLog
    from kompassen.reports.drafts import Drafts
    from kompassen.reports.outbox import Outbox
    from kompassen.sync.client import SyncClient
    from kompassen.sync.tokens import TokenStore

log = logging.getLogger(__name__)

CatalogueUse = Literal["write", "read"]
# storage problems a read-only open can get around (not "corrupt": that heals; not "newer")
_UNWRITABLE = ("full", "io", "readonly", "busy")


class BundledPackProblem(KompassenError):
    """A pack shipped with the app is missing or invalid: a broken install the user must see."""


class BundledPacksBroken(KompassenError):
    """Every bundled-pack problem in one message, for commands that need the catalogue."""

    def __init__(self, problems: list[BundledPackProblem]) -> None:
        super().__init__(sv=" ".join(p.sv for p in problems), en=" ".join(p.en for p in problems))
        self.problems = problems


@dataclass
class AppContext:
    """Everything the app is made of, for the CLI and the GUI to use.

    ``bundled_problems``: shipped area packs that are missing or invalid (empty when all is
    well). The installed areas still work; the CLI refuses catalogue commands
    (``check_bundled``), the GUI should tell the user. ``rebuilt``: what was said about
    damaged catalogues rebuilt in this process (listeners: :meth:`on_rebuilt`).
    """

    paths: Paths
    clock: Clock
    settings: SettingsStore
    install_bundled: bool = True
    quick_check: bool = False
    use: CatalogueUse = "write"
    rebuilt: list[CatalogueRebuilt] = field(default_factory=list)
    _catalogue: CatalogueStore | None = field(default=None, repr=False)
    _install_reports: list[InstallReport] = field(default_factory=list, repr=False)
    _problems: list[BundledPackProblem] = field(default_factory=list, repr=False)
    _listeners: list[Callable[[CatalogueRebuilt], None]] = field(default_factory=list, repr=False)
    _device_db: DeviceDb | None = field(default=None, repr=False)
    _events: EventLog | None = field(default=None, repr=False)
    _drafts: Drafts | None = field(default=None, repr=False)
    _outbox: Outbox | None = field(default=None, repr=False)
    _tokens: TokenStore | None = field(default=None, repr=False)

    # ------------------------------------------------------------------ catalogue

    @property
    def catalogue(self) -> CatalogueStore:
        """catalogue.db, opened on first use: checked, migrated, bundled packs and kept
        releases installed (a damaged file is rebuilt then and there)."""
        if self._catalogue is None:
            self._catalogue = self._open_catalogue()
        return self._catalogue

    @property
    def install_reports(self) -> list[InstallReport]:
        """The bundled packs this process installed (opens the catalogue)."""
        self.catalogue  # noqa: B018 - opening installs them
        return self._install_reports

    @property
    def bundled_problems(self) -> list[BundledPackProblem]:
        """Shipped packs that are missing or invalid (opens the catalogue)."""
        self.catalogue  # noqa: B018 - opening finds them
        return self._problems

    def _new_store(self) -> CatalogueStore:
        paths = self.paths
        bundled = paths.bundled_areas_dir if self.install_bundled else None
        return CatalogueStore(
            paths.catalogue_db,
            paths.backup_dir,
            self.clock,
            bundled_dir=bundled,
            releases_dir=paths.data_dir / "releases",
        )

    def _open_catalogue(self) -> CatalogueStore:
        store = self._new_store()
        store.on_rebuilt(self._tell_rebuilt)
        try:
            store.open(check=self.quick_check)
        except CatalogueDbError as exc:
            if self.use != "read" or exc.kind not in _UNWRITABLE:
                raise
            log.warning("catalogue cannot be opened for writing (%s); reading only", exc.en)
            return store.open_readonly()
        problems: list[BundledPackProblem] = []
        if self.install_bundled:
            problems = _missing_packs(self.paths.bundled_areas_dir)
        try:
            reports = store.refill(bundled=self.install_bundled)
        except CatalogueDbError as exc:
            if self.use != "read" or exc.kind not in _UNWRITABLE:
                store.close()
                raise
            log.warning("bundled packs not installed (%s); reading what is there", exc.en)
            reports = []
        problems += [_invalid_pack(r.area_id, r.error) for r in reports if r.error is not None]
        for p in problems:
            log.error("%s", p.en)
        self._install_reports, self._problems = reports, problems
        if store.rebuilt is not None:
            self._tell_rebuilt(store.rebuilt)
        return store

    def _catalogue_now(self) -> CatalogueStore:
        return self.catalogue

    def area_ids(self) -> list[str]:
        """The installed areas, or none when the catalogue cannot be opened at all (a full
        disk, a folder in its place): for ``sync``, whose sending must not depend on it."""
        try:
            return [a.id for a in self.catalogue.reader.areas()]
        except CatalogueDbError as exc:
            if exc.kind == "corrupt":
                raise  # the handler rebuilds it
            log.warning("no catalogue to update (%s)", exc.en)
            return []

    def on_rebuilt(self, listener: Callable[[CatalogueRebuilt], None]) -> None:
        """Call ``listener`` with the words whenever a damaged catalogue has been rebuilt."""
        self._listeners.append(listener)

    def _tell_rebuilt(self, notice: CatalogueRebuilt) -> None:
        self.rebuilt.append(notice)
        for listener in self._listeners:
            listener(notice)

    def catalogue_generation(self) -> Generation:
        """How often catalogue.db was rebuilt in this process (take it before opening a
        connection of your own, and hand it to :meth:`heal_catalogue` when that fails)."""
        return generation(self.paths.catalogue_db)

    def heal_catalogue(
        self, cause: BaseException, failed_on: Generation | None = None, *, certain: bool = True
    ) -> CatalogueRebuilt | None:
        """Rebuild a damaged catalogue from any thread; ``failed_on``: the generation the
        failing connection was opened at (see :meth:`catalogue_generation`).

        Done on a connection of its own; the app's store reopens before its next read.
        ``certain=False``: the error may come from another database (a raw SQLite error
        caught far away), so the file is rebuilt only if ``quick_check`` finds it damaged.
        Returns the words (also given to the listeners), None when nothing was rebuilt.
        """
        fixer = self._new_store()
        try:
            notice = fixer.heal(cause, failed_on=failed_on, certain=certain)
        finally:
            fixer.close()
        if self._catalogue is not None:
            self._catalogue.mark_stale()
        if notice is not None:
            self._tell_rebuilt(notice)
        return notice

    def heal_after(self, exc: BaseException) -> bool:
        """After a command failed with ``exc``: rebuild the catalogue if it is what is
        damaged; True when the command should be run again."""
        if not is_corrupt(exc):
            return False
        certain = isinstance(exc, CatalogueDbError)
        notice = self.heal_catalogue(exc, certain=certain)
        return notice is not None or certain

    # ------------------------------------------------------------------ device

    @property
    def device_db(self) -> DeviceDb:
        """device.db (drafts, outbox, events, sync state), opened and migrated on first use."""
        if self._device_db is None:
            from kompassen.device.db import DeviceDb  # a search needs no device.db

            self._device_db = DeviceDb(
                self.paths.device_db, self.paths.backup_dir, self.clock.now()
            )
        return self._device_db

    @property
    def events(self) -> EventLog:
        """The usage-event log in device.db."""
        if self._events is None:
            from kompassen.device.events import EventLog

            self._events = EventLog(self.device_db, self.clock)
        return self._events

    @property
    def tokens(self) -> TokenStore:
        """The device's sync credentials (OS keyring, else a 0600 file; KOMPASSEN_KEYRING=0)."""
        if self._tokens is None:
            from kompassen.sync.tokens import TokenStore

            self._tokens = TokenStore(self.paths.token_file)
        return self._tokens

    def sync_client(self, *, own_catalogue: bool = False, **options: Any) -> SyncClient:
        """A new sync client each call: the worker thread that syncs owns (and closes) it.

        ``own_catalogue`` (the GUI): the client gets its own catalogue connection, so a release
        is applied in a transaction the GUI's reads on ``self.catalogue`` never see half-done
        (WAL: they read the old catalogue until the commit). It is then the catalogue's one
        writer while it lives. ``options``: ``batch_size``, ``timeout``, ``transport``.
        """
        from kompassen.sync.client import SyncClient

        catalogue: CatalogueStore | Callable[[], CatalogueStore]
        if own_catalogue:
            catalogue = self._new_store()
            catalogue.on_rebuilt(self._tell_rebuilt)
            catalogue.open()
        else:  # opened when a release is pulled: enrolling and sending need no catalogue
            catalogue = self._catalogue_now
        return SyncClient(
            self.outbox,
            catalogue,
            self.tokens,
            self.device_db,
            self.clock,
            owns_catalogue=own_catalogue,
            **options,
        )

    @property
    def drafts(self) -> Drafts:
        """Report drafts in device.db."""
        if self._drafts is None:
            from kompassen.reports.drafts import Drafts

            self._drafts = Drafts(self.device_db, self.clock)
        return self._drafts

    @property
    def outbox(self) -> Outbox:
        """The sealed-report outbox; items left 'sending' by a crash are requeued on opening.

        Imported on first use: sealing pulls in libsodium, which the start window can do without.
        """
        if self._outbox is None:
            from kompassen.reports.outbox import Outbox

            outbox = Outbox(self.device_db, self.clock)
            outbox.recover()
            self._outbox = outbox
        return self._outbox

    def open_search(self, lean: bool = False) -> SearchService:
        """A search service on its own read connection, for a worker thread to own.

        ``lean`` (the GUI): no memory-mapped file and a 32 MB cache, so a tablet with 10k
        services stays under 200 MB; the CLI and benchmarks map the file for speed at 100k.

        Imported here, not at the top: search pulls in numpy and the text analyser, which a
        GUI loads on its search thread after the window is already on screen.
        """
        from kompassen.catalogue.search.service import SearchService

        self.catalogue  # noqa: B018 - created, migrated and filled before a search reads it
        conn = (
            connect(self.paths.catalogue_db, cache_mb=32, mmap_mb=0)
            if lean
            else connect(self.paths.catalogue_db)
        )
        return SearchService(conn, self.clock)

    def check_bundled(self) -> None:
        """Raise BundledPacksBroken when a shipped pack is missing or invalid."""
        if self.bundled_problems:
            raise BundledPacksBroken(self.bundled_problems)

    def close(self) -> None:
        if self._catalogue is not None:
            self._catalogue.close()
            self._catalogue = None
        self._events = None
        self._drafts = None
        self._outbox = None
        if self._device_db is not None:
            self._device_db.close()
            self._device_db = None


def build(
    environ: dict[str, str] | None = None,
    clock: Clock | None = None,
    *,
    install_bundled: bool = True,
    log_to_console: bool = False,
    catalogue: CatalogueUse = "write",
    quick_check: bool = False,
) -> AppContext:
    """Create the paths, logging and clock; the catalogue opens on first use.

    Opening it installs the shipped area packs (``install_bundled``) and kept releases; a
    missing or invalid shipped pack does not stop it (the other areas still work): it is
    logged and listed in ``AppContext.bundled_problems``. ``catalogue="read"``: a
    catalogue that cannot be written is opened read-only instead of failing.
    ``quick_check``: check every page of the file when opening it (``selftest``; 230 ms at
    10k services, so not at every start: see catalogue/store/store.py).
    """
    paths = resolve_paths(dict(os.environ) if environ is None else environ).ensure()
    setup_logging(paths.log_file, console=log_to_console)
    hours.use_calendar(CalendarFile(paths.data_dir / "holidays-cache.json"))
    return AppContext(
        paths,
        clock or SystemClock(),
        SettingsStore(paths.settings_file),
        install_bundled=install_bundled,
        quick_check=quick_check,
        use=catalogue,
    )


# ---------------------------------------------------------------------- first start


@dataclass(frozen=True, slots=True)
class InstallStep:
    """How far the first install is: pack ``index`` of ``count`` (from 1), named ``name``,
    ``fraction`` of it done (0–1; a big streamed pack moves within its step)."""

    index: int
    count: int
    area_id: str
    name: str
    fraction: float


def needs_first_install(paths: Paths) -> bool:
    """A new tablet: no area installed yet, so opening the catalogue would install every
    shipped pack (seconds on a slow tablet: the GUI does it off its thread with a progress bar).

    A file that cannot be read (damaged, newer) is no first start: the usual open heals it.
    """
    if not paths.bundled_areas_dir.is_dir():
        return False
    db = paths.catalogue_db
    if not db.exists():
        return True
    import sqlite3
    from contextlib import closing

    try:
        with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            return int(conn.execute("SELECT count(*) FROM area").fetchone()[0]) == 0
    except sqlite3.Error:
        return False


def install_first(paths: Paths, clock: Clock, progress: Callable[[InstallStep], None]) -> None:
    """Install the shipped packs one by one, telling ``progress`` (from the calling thread).

    Only what a first start needs: a pack that fails is logged and skipped here, and the
    usual open afterwards (:attr:`AppContext.catalogue`) finds the others installed, tries the
    broken one once more and lists it in ``bundled_problems`` in words. A catalogue that cannot
    be opened at all is left to that open too (it heals, or says why in words).
    """
    root = paths.bundled_areas_dir
    folders = sorted(p for p in root.iterdir() if p.is_dir() and (p / "area.json").is_file())
    if not folders:
        return
    store = CatalogueStore(
        paths.catalogue_db,
        paths.backup_dir,
        clock,
        bundled_dir=root,
        releases_dir=paths.data_dir / "releases",
    )
    try:
        store.open()
    except KompassenError as exc:
        log.warning("first install: the catalogue could not be opened (%s)", exc.en)
        return
    try:
        count = len(folders)
        for index, folder in enumerate(folders, 1):
            name = _pack_name(folder)

            def step(
                done: int, total: int, i: int = index, f: Path = folder, n: str = name
            ) -> None:
                progress(InstallStep(i, count, f.name, n, min(1.0, done / total) if total else 1.0))

            progress(InstallStep(index, count, folder.name, name, 0.0))
            try:
                store.install_dir(folder, origin="bundled", progress=step)
            except (KompassenError, OSError) as exc:
                log.error(
                    "first install: the shipped pack %s was not installed: %s", folder.name, exc
                )
            progress(InstallStep(index, count, folder.name, name, 1.0))
    finally:
        store.close()


def _pack_name(folder: Path) -> str:
    """The pack's own name (area.json ``name``), else its folder's name."""
    from kompassen.device.files import load_json_limited

    try:
        name = load_json_limited(folder / "area.json", 1024 * 1024).get("name")
    except (KompassenError, OSError, AttributeError):
        return folder.name
    return name if isinstance(name, str) and name.strip() else folder.name


class CalendarFile:
    """The ``holidays`` package's answers kept in a file: a one-shot ``kompassen search``
    would otherwise import it (~150 ms, every country) to learn that today is no holiday.

    Keyed by the package's files (path, size, mtime), so an upgraded package is asked again;
    an unreadable or odd file is simply asked again and rewritten. Nothing is read until the
    first holiday question, so building the app costs nothing more.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, dict[str, str]] | None = None
        self._lock = threading.Lock()  # the GUI asks from its search thread and its own

    def __call__(self, year: int, categories: tuple[str, ...], language: str) -> dict[date, str]:
        with self._lock:
            return self._answer(year, categories, language)

    def _answer(self, year: int, categories: tuple[str, ...], language: str) -> dict[date, str]:
        stamp = _package_stamp(
            "holidays", ("__init__.py", "holiday_base.py", "countries/sweden.py")
        )
        if stamp is None:
            return hours.package_calendar(year, categories, language)
        key = f"{stamp}|{year}|{','.join(categories)}|{language}"
        entries = self._load()
        kept = entries.get(key)
        if kept is not None:
            try:
                return {date.fromisoformat(d): n for d, n in kept.items()}
            except (AttributeError, TypeError, ValueError):
                pass  # not what this class writes: ask the package again
        answer = hours.package_calendar(year, categories, language)
        # other package versions' entries go: the file stays a few kB
        fresh = {k: v for k, v in entries.items() if k.startswith(f"{stamp}|")}
        fresh[key] = {d.isoformat(): n for d, n in sorted(answer.items())}
        self._entries = fresh
        try:
            write_atomic(self.path, json.dumps(fresh, ensure_ascii=False).encode())
        except OSError as exc:  # a full disk: the answer is right, only not kept
            log.warning("holiday calendar not kept in %s: %s", self.path, exc)
        return answer

    def _load(self) -> dict[str, dict[str, str]]:
        if self._entries is None:
            try:
                data = json.loads(self.path.read_bytes())
            except (OSError, ValueError):
                data = {}
            self._entries = data if isinstance(data, dict) else {}
        return self._entries


def _package_stamp(package: str, files: tuple[str, ...]) -> str | None:
    """Where and when the installed package's files were written (None: not found)."""
    try:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            return None
        root = Path(spec.origin).parent
        stats = [(root / f).stat() for f in files]
    except (ImportError, OSError, ValueError):
        return None
    return f"{root}:" + ",".join(f"{st.st_size}.{st.st_mtime_ns}" for st in stats)


def _missing_packs(root: Path) -> list[BundledPackProblem]:
    """No pack folder at all, or a folder without its area.json (install_bundled skips it)."""
    folders = (
        sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
        if root.is_dir()
        else []
    )
    if not folders:
        return [
            BundledPackProblem(
                sv=f"Områdespaketen som följer med appen saknas ({root}); installera om Kompassen.",
                en=f"The area packs shipped with the app are missing ({root}); reinstall Kompassen.",
            )
        ]
    return [
        BundledPackProblem(
            sv=f"Områdespaketet {f.name} som följer med appen saknar area.json; "
            "installera om Kompassen.",
            en=f"The area pack {f.name} shipped with the app lacks area.json; reinstall Kompassen.",
        )
        for f in folders
        if not (f / "area.json").is_file()
    ]


def _invalid_pack(area_id: str, error: KompassenError) -> BundledPackProblem:
    """One line: the pack's error heading and its first problem (the log has them all)."""

    def first(lang: str) -> str:
        return " ".join(line.strip() for line in error.message(lang).splitlines()[:2])

    return BundledPackProblem(
        sv=f"Områdespaketet {area_id} som följer med appen är ogiltigt och laddades inte "
        f"({first('sv')}); installera om Kompassen.",
        en=f"The area pack {area_id} shipped with the app is invalid and was not loaded "
        f"({first('en')}); reinstall Kompassen.",
    )
