"""The lägesrapport: built from plain inputs, every count below 5 hidden, HTML self-contained."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from xml.etree import ElementTree

from kompassen.office.inbox.model import ReportSummary
from kompassen.office.stats.lagesrapport import GuidePublished, build, to_html
from kompassen.office.stats.model import Period, StatsFilter
from kompassen.office.stats.tables import CodeLabels, freshness_table

AREA = "klara"


def _report(day: date, kind: str = "unsolved", place: str | None = None) -> ReportSummary:
    iso = day.isoformat()
    return ReportSummary(
        AREA,
        kind,
        f"{iso}T21:00:00+01:00",
        f"{iso}T21:10:00+01:00",
        place,
        ("need.sleep",),
        (),
        "new",
        None,
    )


def _rep(lang_now: datetime | None = None):  # type: ignore[no-untyped-def]
    month = Period.month(2026, 11)
    reps = [
        _report(month.start + timedelta(days=d % 30), place="klara/t-centralen") for d in range(40)
    ]
    reps += [_report(date(2026, 11, 3), kind="solution") for _ in range(2)]
    usage = [("2026-11-05", "handover", "nattjour", 12), ("2026-11-06", "handover", "soppkok", 2)]
    usage += [
        ("2026-11-05", "zero_combo", "need.sleep+group.youth", 7),
        ("2026-11-05", "zero", "", 7),
    ]
    opened = [_report(date(2026, 11, 20)) for _ in range(6)] + [_report(date(2026, 8, 1))]
    return build(
        area=("Klara", "Klara"),
        f=StatsFilter(AREA, month),
        usage=usage,
        previous_usage=[("2026-10-05", "handover", "nattjour", 8)],
        reports=reps,
        previous_reports=[_report(date(2026, 10, 9)) for _ in range(9)],
        open_problems=opened,
        guides_published=[
            GuidePublished("natt", ("Ensam ute på natten", "Alone out at night"), "2026-11-12"),
            GuidePublished("old", ("Gammal", "Old"), "2026-09-01"),
        ],
        freshness=freshness_table(["2026-11-01", "2024", "unknown"], date(2026, 11, 30)),
        labels=CodeLabels(),
        now=lang_now or datetime(2026, 12, 1, 9, 0),
    )


def test_build() -> None:
    rep = _rep()
    assert rep.previous == Period.month(2026, 10)
    assert [g.key for g in rep.guides_published] == ["natt"]
    kinds = rep.table("reports_by_kind")
    assert kinds is not None
    assert {r.key: r.cells[0].text() for r in kinds.rows} == {
        "unsolved": "x",  # secondary: 42 − 40 would give the 2 away
        "solution": "< 5",
    }
    assert kinds.total is not None and kinds.total.cells[0].text() == "42"
    ages = {r.key: r.cells[0].text() for r in rep.open_problems.rows}
    # 6 under a month, one over three months: the one is hidden and so is one more cell
    assert ages["3m+"] == "< 5" and rep.open_problems.total is not None
    assert sum(1 for r in rep.open_problems.rows if r.cells[0].hidden) >= 2


def test_html_self_contained_and_suppressed() -> None:
    rep = _rep()
    for lang in ("sv", "en"):
        text = to_html(rep, lang)
        assert text.startswith("<!DOCTYPE html>")
        assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "https://" not in text and "<script" not in text and "<link" not in text
        assert "@media print" in text and "break-before: page" in text
        assert "&lt; 5" in text
        for svg in re.findall(r"<svg.*?</svg>", text, flags=re.S):
            ElementTree.fromstring(svg)  # well-formed
        # no table cell shows a count from 1 to 4 (zero included in the rule: no "0" either)
        people = text.split('<section class="page" id="freshness">')[0]  # freshness: facts
        assert not re.search(r'<td class="n">[+-]?[0-4]</td>', people)
    sv = to_html(rep, "sv")
    assert "Lägesrapport: Klara" in sv and "noll medräknat" in sv and "Ensam ute på natten" in sv
    en = to_html(rep, "en")
    assert "Situation report: Klara" in en and "Alone out at night" in en


def test_hidden_bar_is_a_stub_not_its_value() -> None:
    text = to_html(_rep(), "sv")
    handovers = re.search(r'<section id="handovers_by_service">.*?</section>', text, flags=re.S)
    assert handovers is not None
    svg = re.search(r"<svg.*?</svg>", handovers.group(0), flags=re.S)
    assert svg is not None and "url(#hatch)" in svg.group(0)
    assert ">2<" not in svg.group(0)


def test_labels_are_escaped() -> None:
    from kompassen.office.stats.tables import CodeLabels as Base

    class Evil(Base):
        def place(self, key: str) -> tuple[str, str]:
            return ("<script>x</script>", "<b>")

    month = Period.month(2026, 11)
    rep = build(
        area=("A & B", "A & B"),
        f=StatsFilter(AREA, month),
        usage=[("2026-11-05", "handover_place", "lm", 9)],
        previous_usage=[],
        reports=[],
        previous_reports=[],
        open_problems=[],
        guides_published=[],
        freshness=freshness_table([], date(2026, 11, 30)),
        labels=Evil(),
        now=datetime(2026, 12, 1, 9, 0),
    )
    text = to_html(rep, "sv")
    assert "<script>" not in text and "&lt;script&gt;" in text and "A &amp; B" in text


def test_guides_from_history() -> None:
    import json

    from kompassen.catalogue.store.history import HistoryRow
    from kompassen.office.stats.lagesrapport import guides_from_history

    def row(i: int, key: str, action: str, at: str, title: str | None = None) -> HistoryRow:
        rec = None if title is None else json.dumps({"key": key, "title": {"sv": title, "en": ""}})
        return HistoryRow(i, AREA, "guides", key, "", action, None, rec, "Anna", at, 3)  # type: ignore[arg-type]

    rows = [
        row(1, "natt", "create", "2026-11-12T10:00:00Z", "Ensam ute på natten"),
        row(2, "gammal", "create", "2026-09-01T10:00:00Z", "Gammal"),
        row(3, "borta", "create", "2026-11-13T10:00:00Z", "Borta"),
        row(4, "borta", "delete", "2026-11-14T10:00:00Z"),
    ]
    got = guides_from_history(rows, Period.month(2026, 11))
    assert got == [
        GuidePublished("natt", ("Ensam ute på natten", "Ensam ute på natten"), "2026-11-12")
    ]
