"""Logging to a rotating file in the user's log folder (and warnings to stderr)."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that, when it cannot be written (a full disk, a lost folder), says
    so once, in one line, instead of logging's 40-line "--- Logging error ---" per record.

    The app goes on without its log: losing log lines must never cost the worker anything.
    """

    complained = False

    def handleError(self, record: logging.LogRecord) -> None:
        if self.complained:
            return
        self.complained = True
        exc = sys.exc_info()[1]
        reason = (exc.strerror if isinstance(exc, OSError) else None) or type(exc).__name__
        try:
            if sys.stderr is not None:
                sys.stderr.write(
                    f"kompassen: loggfilen kan inte skrivas, appen fortsätter utan logg / "
                    f"the log file cannot be written, the app goes on without it "
                    f"({reason}): {self.baseFilename}\n"
                )
        except (OSError, ValueError):
            pass  # no stderr either (a windowed app): nothing left to tell

    def close(self) -> None:
        # flushing what is buffered fails on a full disk too: already told, the lines are lost
        with contextlib.suppress(OSError):
            super().close()


def setup_logging(log_file: Path, level: int = logging.INFO, console: bool = False) -> None:
    """Attach a rotating file handler to the ``kompassen`` logger (idempotent per file)."""
    logger = logging.getLogger("kompassen")
    logger.setLevel(level)
    target = str(log_file)
    for h in logger.handlers:
        if isinstance(h, logging.handlers.RotatingFileHandler) and h.baseFilename == target:
            return
    with contextlib.suppress(OSError):  # the handler says so, once, on the first record
        log_file.parent.mkdir(parents=True, exist_ok=True)
    # delay: a file that cannot be opened is reported by handleError too, not raised here
    handler = QuietFileHandler(
        log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger.addHandler(stream)


def close_logging() -> None:
    """Detach and close our handlers (tests create many homes in one process)."""
    logger = logging.getLogger("kompassen")
    for h in list(logger.handlers):
        logger.removeHandler(h)
        h.close()
