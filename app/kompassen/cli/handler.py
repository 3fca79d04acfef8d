"""How a subcommand runs: its handler type, the app context built for it, the exit codes.

Each command family registers ``set_defaults(handler=...)`` on its parsers; ``main`` calls
``args.handler(args, lang)``. Nothing heavy is imported here: the GUI's start window must not
wait for the catalogue, numpy or httpx (``compose`` is imported when a handler runs).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Literal, TypeAlias

if TYPE_CHECKING:
    from kompassen.compose import AppContext

EXIT_USER_ERROR = 2

Handler: TypeAlias = Callable[[argparse.Namespace, str], int]
ContextHandler: TypeAlias = Callable[["AppContext", argparse.Namespace, str], int]
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def user_lang() -> str:
    """The language of messages: Swedish, or English with KOMPASSEN_LANG=en."""
    return "en" if os.environ.get("KOMPASSEN_LANG", "sv").startswith("en") else "sv"


def with_context(
    run: ContextHandler, *, catalogue: bool | Literal["read"] = True, quick_check: bool = False
) -> Handler:
    """``run`` as a handler that gets the app's object graph (built, then closed).

    ``catalogue``: True, the command reads or changes the catalogue, so a missing or invalid
    bundled area pack stops it with a clear message instead of answering from a broken
    install. ``"read"``: it only looks things up there (a sealing key, the area list), so a
    catalogue that cannot be written is read as it is. False: it needs only device.db, and
    the catalogue is not even opened. ``quick_check``: check every page of the catalogue
    before the command (``selftest``).

    A damaged catalogue found while the command runs ("malformed", "not a database") is
    rebuilt (see ``AppContext.heal_after``), the user is told so on stderr, and the command
    runs once more. Other storage errors come out in words, never as a traceback.
    """

    @functools.wraps(run)
    def handler(args: argparse.Namespace, lang: str) -> int:
        from kompassen.compose import build

        ctx = build(catalogue="read" if catalogue == "read" else "write", quick_check=quick_check)
        ctx.on_rebuilt(lambda notice: print(f"kompassen: {notice.message(lang)}", file=sys.stderr))
        try:
            for attempt in (1, 2):
                try:
                    with _in_words():
                        if catalogue is True:
                            ctx.check_bundled()
                        return run(ctx, args, lang)
                except Exception as exc:
                    if attempt == 2 or not ctx.heal_after(exc):
                        raise
            raise AssertionError("unreachable")  # pragma: no cover
        finally:
            ctx.close()

    return handler


def _in_words() -> AbstractContextManager[None]:
    """A raw SQLite storage error that got this far (from any database) in words."""
    from kompassen.sqlite import StorageError, storage_errors

    return storage_errors(
        StorageError, "Kompassens data kunde inte användas", "Kompassen's data could not be used"
    )
