"""The ``kompassen`` command: the GUI by default, and stable subcommands for scripts.

Every command honours KOMPASSEN_HOME, prints ``--help``, and on bad input exits non-zero with
one clear line (Swedish, or English with KOMPASSEN_LANG=en). Each command family (one module
each) adds its parsers and their handlers; this module only assembles them and turns user
errors into that one line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kompassen import __version__
from kompassen.cli import app, catalogue, device, office, reports, search
from kompassen.cli.handler import EXIT_USER_ERROR, user_lang
from kompassen.core.errors import KompassenError
from kompassen.device.settings import DEFAULT_AREA

__all__ = ["EXIT_USER_ERROR", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kompassen",
        description="Kompassen – vem kan jag lämna över till? (offline partner catalogue)",
    )
    p.add_argument("--version", action="version", version=f"kompassen {__version__}")
    p.add_argument(
        "--area", help=f"area to show in the GUI (default: the last one used, else {DEFAULT_AREA})"
    )
    p.add_argument("--kiosk", action="store_true", help="start the GUI full screen (kiosk tablet)")
    p.set_defaults(handler=app.run_gui)  # no command: the window
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for family in (app, search, catalogue, reports, office, device):
        family.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    lang = user_lang()
    try:
        return int(args.handler(args, lang))
    except KompassenError as err:
        print(f"kompassen: {err.message(lang)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as err:
        msg = f"Filfel: {err}" if lang == "sv" else f"File error: {err}"
        print(f"kompassen: {msg}", file=sys.stderr)
        return EXIT_USER_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
