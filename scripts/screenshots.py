"""Render the app's windows to PNG for docs/screenshots (offscreen, fixed clock, fresh home).

Usage: python scripts/screenshots.py OUTDIR
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kompassen.compose import build
from kompassen.core.clock import FixedClock
from kompassen.gui.app import _application, build_window


def main(outdir: Path) -> int:
    outdir.mkdir(parents=True, exist_ok=True)
    clock = FixedClock(datetime(2026, 12, 5, 23, 30, tzinfo=ZoneInfo("Europe/Stockholm")))
    with tempfile.TemporaryDirectory() as home:
        ctx = build({"KOMPASSEN_HOME": home}, clock)
        app = _application()
        try:
            for area in ("klara", "vastra-sodermalm"):
                window = build_window(ctx, area)
                window.resize(1280, 800)
                window.show()
                app.processEvents()
                path = outdir / f"main-{area}.png"
                window.grab().save(str(path))
                print(path)
                window.close()
        finally:
            ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
