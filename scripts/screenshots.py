"""Render the field window to PNG for docs/screenshots (offscreen, fixed clock, fresh home).

Saturday 5 December 2026, 23:30 in Stockholm: the night the product is for. One command
(``make screenshots``) regenerates every picture the user guide shows.

Usage: python scripts/screenshots.py [OUTDIR]
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["KOMPASSEN_KEYRING"] = "0"  # the pictures' made-up token goes to the temporary home

from kompassen.compose import AppContext, build
from kompassen.core.clock import FixedClock
from kompassen.gui.app import build_window
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.qtapp import application


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


def _reports(app: object, w: FieldWindow, ctx: AppContext, outdir: Path) -> None:
    """The Rapporter tab (two sent, one refused, one waiting for a server that is not there)
    and the end-of-shift dialog that follows."""
    from kompassen.core.report import Report
    from kompassen.sync.tokens import Credentials

    key = ctx.catalogue.reader.area("klara").sealing_public_key

    def submit(kind: str, text: str) -> str:
        at = ctx.clock.now().isoformat(timespec="seconds")
        return ctx.outbox.submit(Report(kind=kind, area_id="klara", occurred_at=at, text=text), key)

    submit("unsolved", "Inget härbärge med plats för ett par med hund.")
    submit("observation", "Många sover i Klarabergsgatans trapphus i natt.")
    ctx.outbox.mark_sent([item.uuid for item, _blob in ctx.outbox.take_batch(10)])
    refused = submit("correction", "Öppettiderna för dagverksamheten stämmer inte.")
    ctx.outbox.take_batch(10)
    ctx.outbox.mark_rejected(refused, "Servern tog inte emot rapporten: okänt område")
    submit("unsolved", "Ingen akut plats för en 17-åring efter midnatt.")
    with socket.socket() as s:  # a port nobody listens on: "Servern svarar inte"
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ctx.tokens.save(Credentials(f"http://127.0.0.1:{port}", "3f2a9c01", "skarmbild-ingen-nyckel"))
    ctx.drafts.save({"kind": "solution", "text": "Nattkaféet har öppnat igen."})

    w.show_page("reports")
    w.svc.sync.sync_now()
    _wait(app, lambda: not w.svc.sync.busy)
    _save(w, outdir, "reports")
    w.svc.theme.set("night", 0, ctx.clock.now())
    _wait(app, lambda: True)
    _save(w, outdir, "reports-night")
    w.svc.theme.set("day", 0, ctx.clock.now())

    page = w.reports_page
    page.end_shift()
    dialog = page.end_shift_dialog
    _wait(app, lambda: getattr(dialog, "done_syncing", False))
    path = outdir / "end-of-shift.png"
    dialog.grab().save(str(path))  # type: ignore[union-attr]
    print(path)
    dialog.accept()  # type: ignore[union-attr]


def _detail_sources(app: object, w: FieldWindow, clock: FixedClock, outdir: Path) -> None:
    """A detail page whose facts say where they come from (portrait): Swedish by day,
    English at night. The service: the first with a sourced phone and an unsourced one."""
    services = w.svc.reader.services(w.svc.reader.service_ids("klara"))
    wanted = [
        s
        for s in services
        if any(p.source for p in s.phones) and any(p.source is None for p in s.phones)
    ] or [s for s in services if any(p.source for p in s.phones)]
    if not wanted:
        return
    w.resize(800, 1280)
    for lang, theme, name in (
        ("sv", "day", "detail-sources"),
        ("en", "night", "detail-sources-english"),
    ):
        w.svc.translations.set_language(lang)
        w.svc.state.set_lang(lang)
        w.svc.theme.set(theme, 0, clock.now())
        w.open_service(wanted[0].id)
        _wait(app, lambda: True)
        _save(w, outdir, name)
        w.back()
    w.svc.translations.set_language("sv")
    w.svc.state.set_lang("sv")
    w.svc.theme.set("day", 0, clock.now())
    w.resize(1280, 800)


SIZES = ((1280, 800), (800, 1280), (1920, 1080))  # landscape tablet, portrait, desktop
QUERIES = {"sv": "tjej 15 sover ute", "en": "girl 15 sleeping rough"}


def _matrix(app: object, w: FieldWindow, ctx: AppContext, outdir: Path) -> None:
    """Every size × day/night × Swedish/English: the search with chips, a service's page, and in
    portrait the filter section closed over the results; the largest text once per size."""
    outdir.mkdir(parents=True, exist_ok=True)
    now = ctx.clock.now()
    section = w.search_page.filters.section
    for width, height in SIZES:
        w.resize(width, height)
        for lang in ("sv", "en"):
            w.svc.translations.set_language(lang)
            w.svc.state.set_lang(lang)
            for theme in ("day", "night"):
                w.svc.theme.set(theme, 0, now)
                name = f"{width}x{height}-{theme}-{lang}"
                w.show_page("search")
                w.svc.state.clear()
                w.svc.state.update(groups=("group.youth",), needs=("need.shelter-tonight",))
                _search(app, w, QUERIES[lang], ("group.youth",))
                _save(w, outdir, f"search-{name}")
                if height > width:
                    section.set_expanded(False)
                    _wait(app, lambda: True)
                    _save(w, outdir, f"search-{name}-filters-closed")
                    section.set_expanded(True)
                hit = w.search_page.model.hit(0)
                if hit is not None:
                    w.open_service(hit.id)
                    _wait(app, lambda: True)
                    _save(w, outdir, f"detail-{name}")
                    w.back()
        w.svc.translations.set_language("sv")
        w.svc.state.set_lang("sv")
        w.svc.theme.set("night", 2, now)  # the largest text size, at night
        _search(app, w, QUERIES["sv"], ("group.youth",))
        _save(w, outdir, f"search-{width}x{height}-night-sv-largest-text")
    w.svc.theme.set("day", 0, now)
    w.svc.state.clear()
    w.resize(1280, 800)


def _about_and_kiosk(app: object, w: FieldWindow, clock: FixedClock, outdir: Path) -> None:
    """Om Kompassen by day and at night (from Settings), and the search in tablet mode."""
    w.open_about()
    _wait(app, lambda: True)
    _save(w, outdir, "about")
    w.svc.theme.set("night", 0, clock.now())
    _wait(app, lambda: True)
    _save(w, outdir, "about-night")
    w.svc.theme.set("day", 0, clock.now())
    w.back()
    w.set_kiosk(True)  # what gui/launch.py does in a frameless full-screen window
    w.show_page("search")
    _search(app, w, "tjej 15 sover ute", ("group.youth",))
    _save(w, outdir, "kiosk")
    w.set_kiosk(False)


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
            _wait(app, lambda: not w.locations_page.loading)
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
            _about_and_kiosk(app, w, clock, outdir)

            _reports(app, w, ctx, outdir)

            w.show_page("search")
            w.svc.state.clear()
            w.svc.state.update(groups=("group.child",), needs=("need.harm-reduction",))
            _wait(app, _settled(w))
            _save(w, outdir, "zero-results")

            w.search_page.report_btn.click()  # the report form, prefilled from the search
            w.report_page.text_edit.setPlainText(
                w.report_page.text_edit.toPlainText()
                + "\nTjej i 12-årsåldern vid Sergels torg, ingen jour öppen för barn i natt."
                + " Hon sa sitt personnummer, 121212-1212."  # a test number: the warning shows
            )
            w.report_page.scan_text()
            _wait(app, lambda: True)
            _save(w, outdir, "report-form")
            w.svc.theme.set("night", 0, clock.now())
            w.report_page.scroll_area.ensureWidgetVisible(
                w.report_page.send_button
            )  # text, warning
            _wait(app, lambda: True)
            _save(w, outdir, "report-form-night")
            w.svc.theme.set("day", 0, clock.now())
            w.back()

            w.svc.state.clear()
            w.svc.translations.set_language("en")
            w.svc.state.set_lang("en")
            _search(app, w, "girl 15 sleeping rough")
            _save(w, outdir, "english")
            w.show_page("reports")
            _wait(app, lambda: True)
            _save(w, outdir, "reports-english")
            w.show_page("search")
            w.svc.translations.set_language("sv")
            w.svc.state.set_lang("sv")

            _matrix(app, w, ctx, outdir / "matrix")

            _detail_sources(app, w, clock, outdir)

            w.resize(800, 1280)
            _search(app, w, "harbarge")
            _wait(app, lambda: True)
            _save(w, outdir, "portrait")
            w.show_page("locations")
            _wait(app, lambda: not w.locations_page.loading)
            _save(w, outdir, "locations-portrait")
            w.show_page("search")
            w.open_report({"kind": "observation", "text": "Lugnt vid Plattan i kväll."})
            _wait(app, lambda: True)
            _save(w, outdir, "report-form-portrait")
            w.close()
        finally:
            ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
