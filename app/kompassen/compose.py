"""The one composition root: builds every service once and hands them over explicitly.

Tests build the same graph with ``build(environ={"KOMPASSEN_HOME": tmp}, clock=FixedClock(...))``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kompassen.catalogue.store.db import connect
from kompassen.catalogue.store.store import CatalogueStore, InstallReport
from kompassen.core.clock import Clock, SystemClock
from kompassen.core.errors import KompassenError
from kompassen.device.db import DeviceDb
from kompassen.device.events import EventLog
from kompassen.device.logs import setup_logging
from kompassen.device.paths import Paths, resolve_paths
from kompassen.device.settings import SettingsStore

if TYPE_CHECKING:
    from kompassen.catalogue.search.service import SearchService
    from kompassen.reports.drafts import Drafts
    from kompassen.reports.outbox import Outbox
    from kompassen.sync.client import SyncClient
    from kompassen.sync.tokens import TokenStore

log = logging.getLogger(__name__)


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
    (``check_bundled``), the GUI should tell the user.
    """

    paths: Paths
    clock: Clock
    catalogue: CatalogueStore
    install_reports: list[InstallReport]
    settings: SettingsStore
    bundled_problems: list[BundledPackProblem] = field(default_factory=list)
    _device_db: DeviceDb | None = field(default=None, repr=False)
    _events: EventLog | None = field(default=None, repr=False)
    _drafts: Drafts | None = field(default=None, repr=False)
    _outbox: Outbox | None = field(default=None, repr=False)
    _tokens: TokenStore | None = field(default=None, repr=False)

    @property
    def device_db(self) -> DeviceDb:
        """device.db (drafts, outbox, events, sync state), opened and migrated on first use."""
        if self._device_db is None:
            self._device_db = DeviceDb(
                self.paths.device_db, self.paths.backup_dir, self.clock.now()
            )
        return self._device_db

    @property
    def events(self) -> EventLog:
        """The usage-event log in device.db."""
        if self._events is None:
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

        catalogue = self.catalogue
        if own_catalogue:
            catalogue = CatalogueStore(self.paths.catalogue_db, self.paths.backup_dir, self.clock)
            catalogue.open()
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
        self.catalogue.close()
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
) -> AppContext:
    """Create the paths, logging, clock and catalogue, installing the shipped area packs.

    A missing or invalid shipped pack does not stop the build (the other areas still work):
    it is logged and listed in ``AppContext.bundled_problems``.
    """
    paths = resolve_paths(dict(os.environ) if environ is None else environ).ensure()
    setup_logging(paths.log_file, console=log_to_console)
    clock = clock or SystemClock()
    catalogue = CatalogueStore(paths.catalogue_db, paths.backup_dir, clock).open()
    reports: list[InstallReport] = []
    problems: list[BundledPackProblem] = []
    if install_bundled:
        problems = _missing_packs(paths.bundled_areas_dir)
        if paths.bundled_areas_dir.is_dir():
            reports = catalogue.install_bundled(paths.bundled_areas_dir)
        problems += [_invalid_pack(r.area_id, r.error) for r in reports if r.error is not None]
    for p in problems:
        log.error("%s", p.en)
    return AppContext(
        paths, clock, catalogue, reports, SettingsStore(paths.settings_file), problems
    )


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
