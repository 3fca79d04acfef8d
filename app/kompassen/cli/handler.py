"""How a subcommand runs: its handler type, the app context built for it, the exit codes.

Each command family registers ``set_defaults(handler=...)`` on its parsers; ``main`` calls
``args.handler(args, lang)``. Nothing heavy is imported here: the GUI's start window must not
wait for the catalogue, numpy or httpx (``compose`` is imported when a handler runs).
"""

from __future__ import annotations

import argparse
import functools
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from kompassen.compose import AppContext

EXIT_USER_ERROR = 2

Handler: TypeAlias = Callable[[argparse.Namespace, str], int]
ContextHandler: TypeAlias = Callable[["AppContext", argparse.Namespace, str], int]
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def user_lang() -> str:
    """The language of messages: Swedish, or English with KOMPASSEN_LANG=en."""
    return "en" if os.environ.get("KOMPASSEN_LANG", "sv").startswith("en") else "sv"


def with_context(run: ContextHandler, *, catalogue: bool = True) -> Handler:
    """``run`` as a handler that gets the app's object graph (built, then closed).

    ``catalogue``: the command reads or changes the catalogue, so a missing or invalid
    bundled area pack stops it with a clear message instead of answering from a broken
    install.
    """

    @functools.wraps(run)
    def handler(args: argparse.Namespace, lang: str) -> int:
        from kompassen.compose import build

        ctx = build()
        try:
            if catalogue:
                ctx.check_bundled()
            return run(ctx, args, lang)
        finally:
            ctx.close()

    return handler
