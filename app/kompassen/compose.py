"""The one composition root: builds every service once and hands them over explicitly.

Tests build the same graph with ``build(environ={"KOMPASSEN_HOME": tmp}, clock=FixedClock(...))``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from kompassen.catalogue.store import CatalogueStore, InstallReport
from kompassen.core.clock import Clock, SystemClock
from kompassen.logs import setup_logging
from kompassen.paths import Paths, resolve_paths


@dataclass
class AppContext:
    """Everything the app is made of, for the CLI and the GUI to use."""

    paths: Paths
    clock: Clock
    catalogue: CatalogueStore
    install_reports: list[InstallReport]

    def close(self) -> None:
        self.catalogue.close()


def build(
    environ: dict[str, str] | None = None,
    clock: Clock | None = None,
    *,
    install_bundled: bool = True,
    log_to_console: bool = False,
) -> AppContext:
    """Create the paths, logging, clock and catalogue, installing the shipped area packs."""
    paths = resolve_paths(dict(os.environ) if environ is None else environ).ensure()
    setup_logging(paths.log_file, console=log_to_console)
    clock = clock or SystemClock()
    catalogue = CatalogueStore(paths.catalogue_db, paths.backup_dir, clock).open()
    reports = []
    if install_bundled and paths.bundled_areas_dir.is_dir():
        reports = catalogue.install_bundled(paths.bundled_areas_dir)
    return AppContext(paths, clock, catalogue, reports)
