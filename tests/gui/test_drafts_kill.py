"""A report being typed when the tablet dies (kill -9, a flat battery): at most the last second
of typing may be lost, even when the typing never pauses.

The real app runs in a subprocess (``typing_app.py``) and types one character every 50 ms, so
the 400 ms idle debounce alone would never fire: only the draft's max-wait saves it. The test
SIGKILLs it mid-burst (no close path runs) and reads the draft from the real device.db.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kompassen.gui.field.report_form.page import SAVE_DELAY_MS, SAVE_MAX_WAIT_MS

HELPER = Path(__file__).with_name("typing_app.py")
INTERVAL_MS = 50  # a steady typist: far below the 400 ms idle debounce
TYPE_FOR_S = 3.0  # then the kill
# the max-wait is 1 s from the first unsaved change; on top of that the save's fsync on the
# device worker and a late timer on a loaded machine (2 shared cores) may take a little
ALLOWANCE_S = 0.5
TEXT = "kallt vid busskuren och ingen plats pa harbarget i natt " * 8  # QTest types ASCII only


def _lines(proc: subprocess.Popen[str], out: queue.Queue[str | None]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        out.put(line.strip())
    out.put(None)


def _next(out: queue.Queue[str | None], timeout: float) -> str | None:
    try:
        return out.get(timeout=timeout)
    except queue.Empty:
        return None


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal")
def test_a_kill_mid_typing_loses_at_most_the_last_second(home: Path, tmp_path: Path) -> None:
    assert SAVE_MAX_WAIT_MS <= 1000 and INTERVAL_MS * 4 < SAVE_DELAY_MS
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    errors = tmp_path / "stderr.txt"
    typed: list[tuple[float, int]] = []  # (time.monotonic() in the app, characters typed)
    with (
        errors.open("w") as err,
        subprocess.Popen(
            [sys.executable, str(HELPER), TEXT, str(INTERVAL_MS)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        ) as proc,
    ):
        out: queue.Queue[str | None] = queue.Queue()
        reader = threading.Thread(target=_lines, args=(proc, out), daemon=True)
        reader.start()
        try:
            if _next(out, 90) != "READY":
                proc.kill()
                pytest.fail(f"the helper did not start: {errors.read_text('utf-8')}")
            first = _next(out, 30)
            assert first is not None and first.startswith("TYPED"), errors.read_text("utf-8")
            deadline = float(first.split()[1]) + TYPE_FOR_S
            time.sleep(max(0.0, deadline - time.monotonic()))  # CLOCK_MONOTONIC: system-wide
            os.kill(proc.pid, signal.SIGKILL)
            killed_at = time.monotonic()
            proc.wait(30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        reader.join(10)
        lines = [first]
        while (line := _next(out, 0)) is not None:
            lines.append(line)
    assert proc.returncode == -signal.SIGKILL
    for line in lines:
        if line.startswith("TYPED"):
            _word, at, n = line.split()
            typed.append((float(at), int(n)))
    count = typed[-1][1]
    assert count >= TYPE_FOR_S * 1000 / INTERVAL_MS / 2, "the typing was far too slow"
    on_screen = TEXT[:count]

    with sqlite3.connect(home / "data" / "device.db") as conn:  # the WAL is read back too
        drafts = [json.loads(r[0]) for r in conn.execute("SELECT fields FROM draft")]
    conn.close()
    saved = drafts[0]["text"] if drafts else ""
    assert len(drafts) <= 1
    assert on_screen.startswith(saved), (saved, on_screen)
    if len(saved) < count:
        first_lost_at = typed[len(saved)][0]  # when the first character not on disk was typed
        lost_s = killed_at - first_lost_at
        assert lost_s <= SAVE_MAX_WAIT_MS / 1000 + ALLOWANCE_S, (
            f"{count - len(saved)} characters ({lost_s:.2f} s of typing) were lost"
        )
