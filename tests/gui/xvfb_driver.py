"""Drives the real app in a real X server with real key events, for test_real_window.

Run under ``xvfb-run`` (which sets ``DISPLAY``) as ``python tests/gui/xvfb_driver.py OUT_DIR
WORD``, with ``KOMPASSEN_HOME`` set. It starts ``xvfb_app.py`` (the real ``launch()``), waits for
the first window to be mapped, grabs it, and at once types WORD with ``xdotool`` (X key events,
as a keyboard sends them), before the catalogue has opened. Then it reads the app's STATE lines
until the results for WORD are shown (or 60 s pass), grabs the window again, stops the app with
SIGTERM and prints one ``RESULT {json}`` line: the X ids of every Kompassen window seen, when the
first one appeared and when typing ended, the last STATE, and the mean brightness of both grabs.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _xdotool(*args: str) -> str:
    done = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=30)
    return done.stdout.strip()


def _windows() -> list[str]:
    """X ids of visible windows named like the app (the title is "Kompassen" or the area's)."""
    return [w for w in _xdotool("search", "--onlyvisible", "--name", "ompassen").split() if w]


def _brightness(png: Path) -> float | None:
    done = subprocess.run(
        ["convert", str(png), "-colorspace", "Gray", "-format", "%[fx:mean]", "info:"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    try:
        return float(done.stdout.strip())
    except ValueError:
        return None


def _grab(wid: str, png: Path) -> float | None:
    subprocess.run(["import", "-window", wid, str(png)], capture_output=True, timeout=30)
    return _brightness(png) if png.exists() else None


def main() -> int:
    out_dir, word = Path(sys.argv[1]), sys.argv[2]
    # the X server answers first (xvfb-run may hand over before it does, on a busy machine)
    until = time.monotonic() + 30
    while subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True).returncode:
        if time.monotonic() > until:
            print("RESULT", json.dumps({"error": "the X server never answered"}), flush=True)
            return 1
        time.sleep(0.1)
    started = time.monotonic()
    app = subprocess.Popen(
        [sys.executable, str(HERE / "xvfb_app.py"), "klara"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert app.stdout is not None
        for line in app.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen: list[str] = []
    result: dict[str, object] = {}
    try:
        while time.monotonic() - started < 60 and not seen:
            seen = _windows()
            if not seen:
                time.sleep(0.02)
        if not seen:
            result["error"] = "no window appeared in 60 s"
            return 1
        first = seen[0]
        result["first_window_s"] = round(time.monotonic() - started, 3)
        result["first_wid"] = int(first)
        _xdotool("windowfocus", "--sync", first)
        result["first_brightness"] = _grab(first, out_dir / "first.png")
        result["typing_from"] = time.monotonic()
        _xdotool("type", "--delay", "40", word)  # real key events, while the catalogue loads
        result["typed_s"] = round(time.monotonic() - started, 3)
        state: dict[str, object] = {}
        all_wids = set(seen)
        while time.monotonic() - started < 60:
            all_wids.update(_windows())
            try:
                line = lines.get(timeout=0.2)
            except queue.Empty:
                continue
            if line is None:
                break
            if line.startswith("READY "):
                result["ready_at"] = float(line.split()[1])
            if line.startswith("STATE "):
                state = json.loads(line[6:])
                shown = state.get("query") == word and (state.get("total") or 0) > 0
                if shown and state.get("text") == word:
                    break
        time.sleep(0.3)  # a window swapped in late would show up here
        all_wids.update(_windows())
        result["state"] = state
        result["wids"] = sorted(int(w) for w in all_wids)
        result["last_brightness"] = _grab(first, out_dir / "last.png")
        return 0
    finally:
        app.terminate()
        try:
            _, err = app.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            app.kill()
            _, err = app.communicate()
        result["exit"] = app.returncode
        result["stderr"] = (err or "")[-2000:]
        print("RESULT", json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    sys.exit(main())
