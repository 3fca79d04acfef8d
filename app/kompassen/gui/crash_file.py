"""Native crashes (a segfault in Qt, an abort): ``faulthandler`` writes them to a file.

Python's own handling never runs when the process dies in C++, so each run opens
``logs/crash-<time>-<pid>.txt`` at start and hands it to ``faulthandler``, which writes the
Python stacks into it at the moment of the crash. A clean exit removes the (empty) file, so
a non-empty one found at the next start is a crash that nobody has seen yet; it is renamed to
``….seen.txt`` once the worker has been told, so it is reported once.

No Qt here: the file must be open before the first widget exists.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import time
from pathlib import Path
from typing import TextIO

log = logging.getLogger(__name__)

PREFIX = "crash-"
SEEN = ".seen.txt"
KEEP_SEEN = 5  # older reported crash files are deleted


class CrashFile:
    """This run's crash file, open (and handed to faulthandler) from ``open()`` to ``close()``."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.path: Path | None = None
        self._file: TextIO | None = None
        self._was_enabled = False

    def open(self) -> CrashFile:
        """Open the file and point faulthandler at it (kept open: faulthandler needs the fd)."""
        if self._file is not None:
            return self
        self.log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.path = self.log_dir / f"{PREFIX}{stamp}-{os.getpid()}.txt"
        self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - lives with the process
        os.chmod(self.path, 0o600)  # the stacks name files and folders: nobody else's business
        self._was_enabled = faulthandler.is_enabled()
        faulthandler.enable(self._file, all_threads=True)
        return self

    def close(self) -> None:
        """A clean exit: stop writing there, and remove the file if nothing was written."""
        if self._file is None:
            return
        faulthandler.disable()
        if self._was_enabled and sys.__stderr__ is not None:
            # give back what was there before (pytest, python -X faulthandler)
            faulthandler.enable(sys.__stderr__)
        self._file.close()
        self._file = None
        if self.path is not None:
            try:
                if self.path.stat().st_size == 0:
                    self.path.unlink()
            except OSError as exc:
                log.warning("crash file %s could not be removed: %s", self.path, exc)


def _pid(path: Path) -> int | None:
    try:
        return int(path.stem.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return None


def _running(pid: int | None) -> bool:
    """Whether a process still runs (an empty crash file may belong to another open app)."""
    if pid is None or os.name != "posix":
        return True  # not known: keep its file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def unseen_crashes(log_dir: Path, own: Path | None = None) -> list[Path]:
    """Crash files of earlier runs that hold a crash and were not reported yet, oldest first.

    Tidies up on the way: empty files of processes that are gone (killed, so no clean exit)
    are removed, and only the newest few reported files are kept.
    """
    found: list[Path] = []
    seen: list[Path] = []
    try:
        candidates = sorted(log_dir.glob(f"{PREFIX}*.txt"))
    except OSError:
        return []
    for path in candidates:
        if path == own:
            continue
        if path.name.endswith(SEEN):
            seen.append(path)
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        if size > 0:
            found.append(path)
        elif not _running(_pid(path)):
            path.unlink(missing_ok=True)
    for old in sorted(seen, key=_mtime)[:-KEEP_SEEN]:
        old.unlink(missing_ok=True)
    return sorted(found, key=_mtime)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def mark_seen(path: Path) -> Path:
    """Rename a reported crash file so that the next start does not report it again."""
    target = path.with_name(path.name.removesuffix(".txt") + SEEN)
    path.replace(target)
    return target
