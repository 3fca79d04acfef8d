"""Render the field window to PNG for docs/screenshots (offscreen, fixed clock, fresh home).

Saturday 5 December 2026, 23:30 in Stockholm: the night the product is for. One command
(``make screenshots``) regenerates every picture the user guide shows.

Usage: python scripts/screenshots.py [OUTDIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kompassen.compose import build
from kompassen.core.clock import FixedClock
from kompassen.gui.app import build_window
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.launch import application


def _wait(app: object, done: Callable[[], bool], timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the window did not settle")
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.005)
    for _ in range(5):
        app.processEvents()  # type: ignore[attr-defined]


def _settled(w: FieldWindow) -> Callable[[], bool]:
    def check() -> bool:
        r = w.search_page.result
        return r is not None and r.query == w.svc.state.query

    return check


def _search(app: object, w: FieldWindow, text: str, groups: tuple[str, ...] = ()) -> None:
    w.search_page.filters.search.setText(text)
    w.svc.state.update(text=text, groups=groups)
    _wait(app, _settled(w))


def _save(w: FieldWindow, outdir: Path, name: str) -> None:
    path = outdir / f"{name}.png"
    w.grab().save(str(path))
    print(path)


def main(outdir: Path) -> int:
    outdir.mkdir(parents=True, exist_ok=True)
    clock = FixedClock(datetime(2026, 12, 5, 23, 30, tzinfo=ZoneInfo("Europe/Stockholm")))
    with tempfile.TemporaryDirectory() as home:
        ctx = build({"KOMPASSEN_HOME": home}, clock)
        ctx.settings.save(replace(ctx.settings.load(), theme="day"))  # what Settings shows
        app = application()
        try:
            w = build_window(ctx, "klara", synchronous=True)
            w.svc.theme.set("day", 0, clock.now())
            w.resize(1280, 800)
            w.show()
            _wait(app, _settled(w))
            _search(app, w, "tjej 15 sover ute", ("group.youth",))
            _save(w, outdir, "search-day")
            w.svc.theme.set("night", 0, clock.now())
            _wait(app, lambda: True)
            _save(w, outdir, "search-night")
            w.svc.theme.set("day", 0, clock.now())

            hit = w.search_page.model.hit(0)
            if hit is not None:
                w.open_service(hit.id)
                _wait(app, lambda: True)
                _save(w, outdir, "detail")
                w.svc.theme.set("night", 0, clock.now())
                _wait(app, lambda: True)
                _save(w, outdir, "detail-night")
                w.svc.theme.set("day", 0, clock.now())
                w.back()

            w.show_page("locations")
            _wait(app, lambda: True)
            _save(w, outdir, "locations")

            w.show_page("guides")
            guides = w.svc.reader.guides("klara")
            if guides:
                w.guides_page.show_guide(guides[0].id)
            _wait(app, lambda: True)
            _save(w, outdir, "guide")

            w.show_page("settings")
            _wait(app, lambda: True)
            _save(w, outdir, "settings")

            w.show_page("search")
            w.svc.state.clear()
            w.svc.state.update(groups=("group.child",), needs=("need.harm-reduction",))
            _wait(app, _settled(w))
            _save(w, outdir, "zero-results")

            w.svc.state.clear()
            w.svc.translations.set_language("en")
            w.svc.state.set_lang("en")
            _search(app, w, "girl 15 sleeping rough")
            _save(w, outdir, "english")
            w.svc.translations.set_language("sv")
            w.svc.state.set_lang("sv")

            w.resize(800, 1280)
            _search(app, w, "harbarge")
            _wait(app, lambda: True)
            _save(w, outdir, "portrait")
            w.show_page("locations")
            _wait(app, lambda: True)
            _save(w, outdir, "locations-portrait")
            w.close()
        finally:
            ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
