"""The app itself: ``kompassen`` with no command starts the GUI; ``selftest`` checks it."""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kompassen import __version__
from kompassen.cli.handler import Subparsers, user_lang, with_context
from kompassen.device.settings import DEFAULT_AREA

if TYPE_CHECKING:
    from kompassen.compose import AppContext


def register(sub: Subparsers) -> None:
    sub.add_parser(
        "selftest", help="build the main window offscreen, query the catalogue, exit 0"
    ).set_defaults(handler=with_context(run_selftest, quick_check=True))


class VersionAction(argparse.Action):
    """``--version``: the app's version, then each installed area's pack and catalogue version
    (what the office asks a tablet first). Never imports importlib.metadata or the catalogue."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        print(f"kompassen {__version__}", *installed_areas(os.environ, user_lang()), sep="\n")
        parser.exit()


def installed_areas(environ: Mapping[str, str], lang: str) -> list[str]:
    """One line per installed area, read-only from catalogue.db; none when there is no
    catalogue yet (it is never created here) or it cannot be read (``kompassen areas`` says why).

    A plain query of the ``area`` table, not the catalogue reader: that import alone costs
    ~300 ms, this whole read a few ms.
    """
    import sqlite3

    from kompassen.device.paths import resolve_paths

    db = resolve_paths(dict(environ)).catalogue_db
    if not db.is_file():
        return []
    try:
        conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            rows = conn.execute(
                "SELECT id, pack_version, catalogue_version FROM area ORDER BY id"
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    word = "catalogue" if lang == "en" else "katalogversion"
    return [f"{area} {pack} ({word} {version})" for area, pack, version in rows]


def run_gui(args: argparse.Namespace, lang: str) -> int:
    """The window first, the catalogue after its first paint (see gui/launch.py);
    ``--office``: the office window (gui/office/launch.py), none of the field window."""
    if getattr(args, "office", False):
        from kompassen.gui.office.launch import launch_office

        return launch_office(dict(os.environ), args.area)
    from kompassen.gui.launch import launch

    return launch(dict(os.environ), args.area, kiosk=getattr(args, "kiosk", None))


def run_selftest(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    from kompassen.gui.app import selftest

    return selftest(ctx, area_id=args.area or DEFAULT_AREA)
