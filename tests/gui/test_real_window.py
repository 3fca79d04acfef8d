"""The real app in a real X window (Xvfb), typed into with real key events from the first frame.

The start must be one window, in the theme asked for, whose search field keeps every key typed
from the moment it is shown and searches as soon as the catalogue is ready. The driver
(``xvfb_driver.py``) runs under ``xvfb-run``; CI installs Xvfb, xdotool and ImageMagick and sets
``KOMPASSEN_REQUIRE_XVFB=1`` so that a missing tool fails instead of skipping.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kompassen.device.paths import resolve_paths
from kompassen.device.settings import Settings, SettingsStore

HERE = Path(__file__).resolve().parent
TOOLS = ("xvfb-run", "xdotool", "import", "convert")


def _tools_or_skip() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        if os.environ.get("KOMPASSEN_REQUIRE_XVFB") == "1":
            pytest.fail(f"missing for the real-window test: {missing}")
        pytest.skip(f"needs {missing} (apt-get install xvfb xdotool imagemagick)")


def _run(home: Path, out: Path, word: str, size: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["KOMPASSEN_HOME"] = str(home)
    server = str(random.randint(100, 4000))  # -a goes on from here: runs side by side never meet
    done = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-n",
            server,
            "-s",
            f"-screen 0 {size}x24",
            sys.executable,
            str(HERE / "xvfb_driver.py"),
            str(out),
            word,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
    assert lines, f"driver said nothing: {done.stdout[-2000:]} {done.stderr[-2000:]}"
    return json.loads(lines[-1][7:])


@pytest.mark.parametrize("size", ["1280x800", "800x1280"])
def test_words_typed_at_once_into_the_real_window_are_kept_and_searched(
    tmp_path: Path, size: str
) -> None:
    _tools_or_skip()
    home = tmp_path / "home"
    paths = resolve_paths({"KOMPASSEN_HOME": str(home)}).ensure()
    SettingsStore(paths.settings_file).save(Settings(theme="night"))  # no white flash at night
    word = "harbarge"
    got = _run(home, tmp_path, word, size)
    state = got.get("state")
    assert isinstance(state, dict), got
    # every key reached the field: none lost while the catalogue opened, none doubled
    assert state["text"] == word, got
    assert state["query"] == word and int(state["total"]) > 0 and int(state["rows"]) > 0, got
    assert state["focus_in_search"], got
    # one window from the first frame to the end: the same X window, never a second one
    assert got["wids"] == [got["first_wid"]] == [state["wid"]], got
    assert state["top_levels"] == 1, got
    # typing began before the catalogue was open (else this test would prove nothing)
    assert float(got["typing_from"]) < float(got["ready_at"]), got
    # dark from the first frame (night theme asked for): the grab is mostly dark
    assert got["first_brightness"] is not None and float(got["first_brightness"]) < 0.3, got
    assert state["night"] and float(got["last_brightness"]) < 0.35, got
    assert got["exit"] == 0, got
