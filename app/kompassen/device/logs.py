"""Logging to a rotating file in the user's log folder (and warnings to stderr)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(log_file: Path, level: int = logging.INFO, console: bool = False) -> None:
    """Attach a rotating file handler to the ``kompassen`` logger (idempotent per file)."""
    logger = logging.getLogger("kompassen")
    logger.setLevel(level)
    target = str(log_file)
    for h in logger.handlers:
        if isinstance(h, logging.handlers.RotatingFileHandler) and h.baseFilename == target:
            return
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
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
