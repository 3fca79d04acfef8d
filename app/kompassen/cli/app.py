"""The app itself: ``kompassen`` with no command starts the GUI; ``selftest`` checks it."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from kompassen.cli.handler import Subparsers, with_context
from kompassen.device.settings import DEFAULT_AREA

if TYPE_CHECKING:
    from kompassen.compose import AppContext


def register(sub: Subparsers) -> None:
    sub.add_parser(
        "selftest", help="build the main window offscreen, query the catalogue, exit 0"
    ).set_defaults(handler=with_context(run_selftest, quick_check=True))


def run_gui(args: argparse.Namespace, lang: str) -> int:
    """The window first, the catalogue after its first paint (see gui/launch.py)."""
    from kompassen.gui.launch import launch

    return launch(dict(os.environ), args.area, kiosk=getattr(args, "kiosk", None))


def run_selftest(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    from kompassen.gui.app import selftest

    return selftest(ctx, area_id=args.area or DEFAULT_AREA)
