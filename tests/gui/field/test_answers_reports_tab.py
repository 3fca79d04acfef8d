"""Issue #18: the Rapporter tab shows the office's answer to a sent report in words (state
first, then the office's text, wrapping), in day and night theme; daily usage rows in the
outbox are never listed as reports."""

from __future__ import annotations

import json
import os
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kompassen.compose import AppContext
from kompassen.core.report import Report
from kompassen.gui.field.services import build_services
from kompassen.gui.field.window import FieldWindow
from kompassen.gui.i18n import Translations
from kompassen.gui.qtapp import application
from kompassen.gui.theme import Theme
from kompassen.reports import answers
from kompassen.reports.outbox import Outbox

REPO = Path(__file__).resolve().parents[3]
DEV = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
LONG = (
    "15-åring ensam ute på natten: vi har lagt till en lösning om hur socialjouren nås "
    "efter midnatt, och vilka härbärgen som tar emot unga utan vuxen."
)


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOMPASSEN_KEYRING", "0")


def _window(ctx: AppContext) -> FieldWindow:
    application()
    theme = Theme("day", 0)
    translations = Translations()
    translations.set_language("sv")
    svc = build_services(
        ctx,
        "klara",
        synchronous=True,
        theme=theme,
        translations=translations,
        sync_factory=partial(ctx.sync_client, timeout=3.0),
    )
    theme.apply(ctx.clock.now(), force=True)
    return FieldWindow(svc)


def _sent(ctx: AppContext, text: str) -> str:
    area = ctx.catalogue.reader.area("klara")
    report = Report(
        kind="unsolved",
        area_id="klara",
        occurred_at=ctx.clock.now().isoformat(timespec="seconds"),
        text=text,
    )
    uuid = ctx.outbox.submit(report, area.sealing_public_key)
    ctx.outbox.take_batch(10)
    ctx.outbox.mark_sent([uuid])
    return uuid


def _answer(
    ctx: AppContext, uuid: str, state: str, sv: str, seq: int, guide: str | None = None
) -> None:
    text = answers.payload(
        answers.Answer("klara", uuid, state, sv, "", guide, "2026-11-23T11:00:00+01:00")
    )
    sig = answers.sign(text, DEV["signing_private"])
    key = ctx.catalogue.reader.area("klara").signing_public_key
    assert ctx.outbox.store_answer(answers.verify(text, sig, key), seq)


def test_answers_show_in_words_and_usage_rows_are_not_reports(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    solved, waiting, stuck, more = (_sent(ctx, f"Testrapport {i}") for i in range(4))
    _sent(ctx, "Testrapport utan svar")
    _answer(ctx, solved, "solved", LONG, 1, guide="ung-ensam-ute-pa-natten")
    _answer(ctx, waiting, "in_progress", "Vi ringer boendet i morgon.", 2)
    _answer(ctx, stuck, "not_actionable", "Tjänsten finns inte längre.", 3)
    _answer(ctx, more, "needs_info", "Vilken tid på dygnet?", 4)
    with ctx.device_db.transaction() as conn:
        Outbox.insert_usage(conn, "klara", "2026-11-22", b"sealed", "2026-11-23T01:00:00+01:00")
    w = _window(ctx)
    qtbot.addWidget(w)
    w.resize(600, 1000)
    w.show()
    qtbot.waitExposed(w)
    try:
        w.show_page("reports")
        QApplication.processEvents()
        cards = w.reports_page.cards
        assert len(cards) == 5  # the usage row is no report
        assert "väntar" not in w.sync_status.accessibleName()
        assert cards[solved].answer_label.text() == f"Blev en lösning: {LONG}"
        assert cards[waiting].answer_label.text() == "Pågår: Vi ringer boendet i morgon."
        assert (
            cards[stuck].answer_label.text() == "Går inte att åtgärda: Tjänsten finns inte längre."
        )
        assert cards[more].answer_label.text() == "Behöver mer information: Vilken tid på dygnet?"
        label = cards[solved].answer_label
        assert label.isVisible() and label.wordWrap()
        assert label.width() <= cards[solved].width()
        assert not next(c for c in cards.values() if c.answer is None).answer_label.isVisible()
        shots = os.environ.get("KOMPASSEN_SHOTS")
        for theme in ("day", "night"):
            w.svc.theme.set(theme, 0, ctx.clock.now())
            QApplication.processEvents()
            img = w.grab()
            assert img.save(str(tmp_path / f"answers-{theme}.png"))
            if shots:
                img.save(str(Path(shots) / f"answers-{theme}.png"))
        # an answer arriving at a later sync shows at the next refresh (no item changed)
        late = next(u for u, c in cards.items() if c.answer is None)
        _answer(ctx, late, "solved", "Ringde boendet, de tar emot.", 5)  # solved by hand
        w.reports_page.refresh()
        assert (
            w.reports_page.cards[late].answer_label.text() == "Löst: Ringde boendet, de tar emot."
        )
    finally:
        w.close()
