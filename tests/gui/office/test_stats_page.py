"""Statistik: the page on a synthetic office.db (no reports key: usage tables only), "< 5" for
small counts, CSV with the filters, the lägesrapport files written on the worker; screenshots."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.gui.office.publish_page import KeyKeeper
from kompassen.gui.office.stats.page import StatsPage, period_for
from kompassen.gui.theme import Theme
from kompassen.office.inbox.store import InboxStore
from kompassen.reports.keys import OfficeKeys, generate_keys
from kompassen.reports.usage_format import DayUsage

SHOTS = Path(os.environ.get("KOMPASSEN_SHOTS") or Path(tempfile.gettempdir()) / "kompassen-shots")


def _reports(ctx: AppContext, keys: OfficeKeys) -> None:
    """Synthetic reports in November (codes only; the text is made up)."""
    store = InboxStore(ctx.paths.data_dir / "office" / "office.db")
    try:
        store.unlock(keys)
        for n in range(23):
            kind = "unsolved" if n % 3 else "closed_but_open"
            at = f"2026-11-{1 + n % 22:02d}T{10 + n % 8}:00:00+01:00"
            env = {
                "format": 1,
                "uuid": f"u{n}",
                "sealed_at": at,
                "report": {
                    "kind": kind,
                    "area_id": "klara",
                    "occurred_at": at,
                    "landmark_id": "lm.central" if n % 2 else None,
                    "place_text": "",
                    "needs": ["need.sleep"] if n % 4 else ["need.food"],
                    "groups": ["group.adult"],
                    "text": "Syntetisk rapport",
                    "service_id": None,
                    "lang": "sv",
                },
            }
            store.add_report(1000 + n, "klara", at, at, env, f"s{n}")
    finally:
        store.close()


def test_report_tables_with_the_key(ctx: AppContext, qtbot: QtBot) -> None:
    _fill(ctx)
    keys = generate_keys()
    _reports(ctx, keys)
    keeper = KeyKeeper()
    keeper.keep(keys, Path("office.key"))
    page = StatsPage(ctx, "klara", "sv", keeper, synchronous=True)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()
    assert page.loaded_result is not None, page.status.text()
    assert page.loaded_result.reports_read
    assert not page.key_line.isVisibleTo(page)
    keys_shown = {box.table.key for box in page.boxes}
    assert {"reports_by_kind", "reports_by_week"} <= keys_shown, keys_shown
    kinds = next(b for b in page.boxes if b.table.key == "reports_by_kind").view.model()
    total = kinds.index(kinds.rowCount() - 1, 1).data()
    assert total == "23", total
    keeper.forget()  # the key forgotten: the report tables go
    page.worker.drain()
    assert page.loaded_result is not None and not page.loaded_result.reports_read
    page.close_worker()


def _fill(ctx: AppContext) -> None:
    """Two tablets over November 2026 (up to the test clock's day), and a little of October."""
    assert ctx.catalogue is not None  # installs the bundled areas (the office window has done it)
    path = ctx.paths.data_dir / "office" / "office.db"
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    store = InboxStore(path)
    try:
        sid = 0
        for device in range(2):
            for d in range(1, 23):
                day = date(2026, 11, d)
                counts = {
                    "search": {"": 9 + d, "group.adult": 4 + device, "need.food": 1 + d % 3},
                    "zero": {"": 1, "need.healthcare": d % 2},
                    "view": {"clara-matutdelning": 3, "clara-samtal": d % 2},
                    "handover": {"clara-matutdelning": 2},
                }
                sid += 1
                store.add_usage(sid, DayUsage("klara", day.isoformat(), counts))
            for d in range(2, 30, 3):
                sid += 1
                store.add_usage(
                    sid,
                    DayUsage(
                        "klara",
                        date(2026, 10, d).isoformat(),
                        {"search": {"": 5, "group.adult": 2}},
                    ),
                )
    finally:
        store.close()


def test_period_picker() -> None:
    today = date(2026, 11, 23)
    assert period_for("month", today) == period_for(
        "custom", today, date(2026, 11, 30), date(2026, 11, 1)
    )
    lm = period_for("last_month", today)
    assert (lm.start, lm.end) == (date(2026, 10, 1), date(2026, 10, 31))
    assert period_for("quarter", today).start == date(2026, 10, 1)
    assert period_for("quarter", today).previous().start == date(2026, 7, 1)
    assert period_for("year", today).start == date(2026, 1, 1)
    assert period_for("custom", today, today, today - timedelta(days=3)).start == today - timedelta(
        days=3
    )


@pytest.fixture
def translated(lang: str) -> Iterator[str]:
    """The app's translations in ``lang`` while the test runs (the English screenshot)."""
    from kompassen.gui.i18n import Translations

    t = Translations()
    assert t.set_language(lang)
    yield lang
    t.uninstall()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_stats_page_shows_hidden_counts_and_writes_files(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path, lang: str, translated: str
) -> None:
    _fill(ctx)
    page = StatsPage(ctx, "klara", lang, None, synchronous=True)
    qtbot.addWidget(page)
    page.resize(1400, 1000)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.refresh()
    assert page.loaded_result is not None, page.status.text()
    assert not page.loaded_result.reports_read
    assert page.key_line.isVisibleTo(page)
    assert page.boxes, "usage tables shown without the key"
    texts = [
        box.view.model().index(r, c).data()
        for box in page.boxes
        for r in range(box.view.model().rowCount())
        for c in range(box.view.model().columnCount())
    ]
    assert "< 5" in texts
    for box in page.boxes:  # a shown count is never below 5 (a change may be)
        model = box.view.model()
        for r in range(model.rowCount()):
            for c in range(1, min(3, model.columnCount())):
                text = model.index(r, c).data()
                assert text in ("< 5", "x") or int(text) >= 5, (box.table.key, r, c, text)

    SHOTS.mkdir(parents=True, exist_ok=True)
    theme = Theme("day")
    for name in ("day", "night"):
        theme.set(name, 0, ctx.clock.now())
        QApplication.processEvents()
        page.grab().save(str(SHOTS / f"office_stats_{lang}{'' if name == 'day' else '_night'}.png"))
    theme.set("day", 0, ctx.clock.now())

    csv = tmp_path / "t.csv"
    with qtbot.waitSignal(page.written, timeout=20_000):
        page.export_csv(page.boxes[0].table, csv)
    body = csv.read_text(encoding="utf-8")
    assert body.startswith("#") and "2026-11-01" in body

    page.close_worker()


@pytest.mark.parametrize("with_key", [True, False])
def test_lagesrapport_written_on_the_worker(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path, with_key: bool
) -> None:
    pytest.importorskip("kompassen.office.stats.lagesrapport")
    _fill(ctx)
    keeper = None
    if with_key:
        keys = generate_keys()
        _reports(ctx, keys)
        keeper = KeyKeeper()
        keeper.keep(keys, Path("office.key"))
    page = StatsPage(ctx, "klara", "sv", keeper, synchronous=True)
    qtbot.addWidget(page)
    pdf = tmp_path / "lagesrapport.pdf"
    with qtbot.waitSignal(page.written, timeout=60_000):
        page.write_report(pdf)
    assert page.report.isEnabled()
    assert pdf.is_file() and pdf.with_suffix(".html").is_file()
    html = pdf.with_suffix(".html").read_text(encoding="utf-8")
    assert "Syntetisk" not in html  # no free text from the reports
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))
    assert pages > 1
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"Sida {pages} av {pages}" in text
    assert "< 5" in text and "Syntetisk" not in text
    assert "Publicerade lösningar" in text
    assert ("Rapporter per typ" in text) == with_key or "rapport" in text.lower()
    if with_key:
        SHOTS.mkdir(parents=True, exist_ok=True)
        for old in SHOTS.glob("lagesrapport_p*.png"):
            old.unlink()
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(pdf), str(SHOTS / "lagesrapport_p")], check=True
        )
        for png in SHOTS.glob("lagesrapport_p-*.png"):  # poppler's p-1.png → p1.png
            png.rename(SHOTS / f"lagesrapport_p{int(png.stem.rsplit('-', 1)[1])}.png")
    page.close_worker()


def test_tables_and_pdf_on_a_real_worker_thread(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    """Not synchronous: office.db, the tables and QPdfWriter work on the page's worker thread."""
    _fill(ctx)
    page = StatsPage(ctx, "klara", "en", None)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        page.refresh()
    assert page.boxes
    pdf = tmp_path / "report.pdf"
    with qtbot.waitSignal(page.written, timeout=60_000):
        page.write_report(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Situation report" in text and "Page 1 of" in text
    page.close_worker()


def test_custom_dates_and_comparison(ctx: AppContext, qtbot: QtBot) -> None:
    _fill(ctx)
    page = StatsPage(ctx, "klara", "sv", None, synchronous=True)
    qtbot.addWidget(page)
    assert not page.start.isEnabled()
    page.period.setCurrentIndex(page.period.findData("last_month"))
    page.worker.drain()
    assert page.start.date().toString("yyyy-MM-dd") == "2026-10-01"
    page.period.setCurrentIndex(page.period.findData("custom"))
    assert page.start.isEnabled() and page.end.isEnabled()
    page.start.setDate(QDate(2026, 11, 5))
    page.end.setDate(QDate(2026, 11, 18))
    page.compare.setChecked(False)
    page.worker.drain()
    f = page.current_filter()
    assert (f.period.start, f.period.end, f.compare) == (
        date(2026, 11, 5),
        date(2026, 11, 18),
        False,
    )
    assert page.loaded_result is not None
    heads = [page.boxes[0].view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
    assert heads[1] == "Denna period" and page.boxes[0].view.model().columnCount() == 2
    page.close_worker()
