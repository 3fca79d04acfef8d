"""The ``kompassen`` command: the GUI by default, and stable subcommands for scripts.

Every command honours KOMPASSEN_HOME, prints ``--help``, and on bad input exits non-zero with
one clear line (Swedish, or English with KOMPASSEN_LANG=en). Each command family (one module
each) adds its parsers and their handlers; this module only assembles them and turns user
errors into that one line.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import threading
from collections.abc import Sequence

from kompassen.cli import app
from kompassen.cli.handler import EXIT_USER_ERROR, user_lang
from kompassen.core.errors import KompassenError
from kompassen.device.settings import DEFAULT_AREA

__all__ = ["EXIT_USER_ERROR", "build_parser", "main"]

# Each command family (a module of kompassen.cli, in the order of --help) and the commands
# its register() adds; tests/test_cli_startup.py checks the list against what they add.
FAMILIES: dict[str, tuple[str, ...]] = {
    "app": ("selftest",),
    "search": ("search",),
    "catalogue": ("areas", "validate-pack", "install-pack", "import-hsds", "export-hsds"),
    "reports": ("report", "outbox", "sync", "enrol"),
    "office": ("keys", "office"),
    "device": ("device-db",),
    "data": ("data-check",),
}


def _families(argv: Sequence[str] | None) -> list[str]:
    """The families whose parsers ``argv`` needs: all 22 parsers cost a one-shot command
    (and the window's start) ~10 ms, so ``search ...`` builds only its own and no arguments
    (the window) none; anything else (options first, --help, a typo) gets them all."""
    if argv is not None and not argv:
        return []
    first = argv[0] if argv else None
    named = [name for name, commands in FAMILIES.items() if first in commands]
    return named or list(FAMILIES)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``kompassen`` parser; with ``argv``, only what parsing that command line needs."""
    p = argparse.ArgumentParser(
        prog="kompassen",
        description="Kompassen – vem kan jag lämna över till? (offline partner catalogue)",
    )
    p.add_argument(
        "--version",
        action=app.VersionAction,
        help="print the app version and each installed area's pack and catalogue version",
    )
    p.add_argument(
        "--area", help=f"area to show in the GUI (default: the last one used, else {DEFAULT_AREA})"
    )
    p.add_argument(
        "--kiosk",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="tablet mode: full screen, quit only after a question, settings behind a long press "
        "(default: the Settings choice, else the machine's defaults.json)",
    )
    p.add_argument(
        "--office",
        action="store_true",
        help="the office window (catalogue, publishing, devices) instead of the field window",
    )
    p.set_defaults(handler=app.run_gui)  # no command: the window
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name in _families(argv):
        importlib.import_module(f"kompassen.cli.{name}").register(sub)
    return p


# numpy's OpenBLAS starts a thread per CPU core when numpy is imported, for linear algebra
# Kompassen never does: ~40 ms of CPU in every process that searches (a one-shot CLI search
# included), competing with the process's own work on a 2-core tablet. One thread, unless
# the user or a packager chose otherwise. Read by OpenBLAS when it loads, so set before that.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "1")


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault(*BLAS_THREADS)
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
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


# One-shot commands whose process may end without the interpreter's teardown (below). Not
# the window, nor selftest (Qt's objects are torn down in their own order).
QUICK_EXIT = frozenset(c for name, cs in FAMILIES.items() if name != "app" for c in cs)


def run() -> None:
    """The ``kompassen`` command (console script and ``python -m kompassen``).

    A one-shot command ends with ``os._exit`` once its output is flushed and its log closed:
    the interpreter's teardown (freeing every module, numpy's included) cost a one-shot
    ``kompassen search`` ~20 ms of its 0.25 s budget (issue #14), for nothing a finished
    command needs. Only when no other thread runs, so nothing is cut short.
    """
    argv = sys.argv[1:]
    code = main(argv)
    if argv and argv[0] in QUICK_EXIT and threading.active_count() == 1:
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except (OSError, ValueError):  # a closed pipe (| head): the reader wants no more
                pass
        os._exit(code)
    raise SystemExit(code)


if __name__ == "__main__":
    run()
