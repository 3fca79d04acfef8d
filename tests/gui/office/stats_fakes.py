"""Statistics tables in the shape of office.stats.tables (StatsTable, StatsRow, core Cell), made
by hand, so the chart and PDF tests need no catalogue and no office.db."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class FakeCell:
    value: int
    hidden: bool
    secondary: bool = False

    def text(self, threshold: int = 5) -> str:
        return f"< {threshold}" if self.hidden else str(self.value)


@dataclass(frozen=True)
class FakeRow:
    key: str
    label: tuple[str, str]
    cells: tuple[FakeCell, ...]


@dataclass(frozen=True)
class FakeTable:
    key: str
    title: tuple[str, str]
    columns: tuple[tuple[str, str], ...]
    rows: tuple[FakeRow, ...]
    total: FakeRow | None
    chart: str | None
    note: tuple[str, str] | None = None


@dataclass(frozen=True)
class FakePeriod:
    start: date
    end: date


@dataclass
class FakeReport:
    area: tuple[str, str]
    period: FakePeriod
    previous: FakePeriod | None
    tables: list[FakeTable]
    open_problems: FakeTable | None = None
    guides_published: FakeTable | None = None
    freshness: FakeTable | None = None
    generated_at: datetime = datetime(2026, 12, 2, 10, 0)
    rule: tuple[str, str] = field(
        default=("Antal under 5 visas som < 5.", "Counts below 5 show as < 5.")
    )


COLUMNS = (
    ("Denna period", "This period"),
    ("Föregående period", "Previous period"),
    ("Förändring", "Change"),
)


def cell(v: int) -> FakeCell:
    return FakeCell(v, v < 5)


def row(key: str, sv: str, en: str, *values: int) -> FakeRow:
    cells = tuple(cell(v) for v in values)
    if len(values) >= 2:  # the change: hidden when either side is
        a, b = cells[0], cells[1]
        cells = (*cells[:2], FakeCell(a.value - b.value, a.hidden or b.hidden))
    return FakeRow(key, (sv, en), cells)


def searches() -> FakeTable:
    rows = (
        row("mat", "Mat", "Food", 120, 98),
        row("sova", "Sova", "Sleep", 64, 71),
        row("dusch", "Dusch", "Shower", 3, 12),
        row("tvatt", "Tvätt", "Laundry", 22, 2),
        row("kläder", "Kläder", "Clothes", 41, 37),
    )
    note = ("En sökning kan ha flera ämnen.", "A search can have several topics.")
    title = ("Sökningar per ämne", "Searches by topic")
    return FakeTable("searches_by_chip", title, COLUMNS, rows, None, "bar", note)


def services() -> FakeTable:
    names = [
        ("Stadsmissionen Klara", 88, 70),
        ("Frälsningsarmén Söder", 55, 61),
        ("Ny Gemenskap", 2, 9),
        ("Klara kyrka", 37, 30),
        ("Hela människan", 19, 4),
        ("Vägen ut", 12, 15),
        ("Crossroads", 48, 52),
        ("Bostad först", 7, 6),
    ]
    rows = tuple(row(f"s{i}", n, n, a, b) for i, (n, a, b) in enumerate(names))
    return FakeTable(
        "services_viewed", ("Visade verksamheter", "Services viewed"), COLUMNS, rows, None, "bar"
    )


def weeks() -> FakeTable:
    values = [
        (31, 28),
        (44, 39),
        (3, 36),
        (52, 41),
        (47, 2),
        (58, 50),
        (61, 55),
        (40, 47),
        (66, 58),
    ]
    rows = tuple(
        row(f"w{i}", f"v. {45 + i}", f"wk {45 + i}", a, b) for i, (a, b) in enumerate(values)
    )
    return FakeTable(
        "reports_by_week", ("Rapporter per vecka", "Reports by week"), COLUMNS, rows, None, "line"
    )


def report_types() -> FakeTable:
    rows = (
        row("closed", "Stängt fast öppet", "Closed when open", 14, 9),
        row("wrong", "Fel uppgift", "Wrong detail", 3, 6),
    )
    total = FakeRow(
        "total", ("Summa", "Total"), (FakeCell(17, True), FakeCell(15, False), FakeCell(2, True))
    )
    return FakeTable(
        "reports_by_kind", ("Rapporter per typ", "Reports by type"), COLUMNS, rows, total, "bar"
    )


def report() -> FakeReport:
    return FakeReport(
        area=("Klara", "Klara"),
        period=FakePeriod(date(2026, 11, 1), date(2026, 11, 30)),
        previous=FakePeriod(date(2026, 10, 2), date(2026, 10, 31)),
        tables=[searches(), services(), weeks(), report_types()],
    )
