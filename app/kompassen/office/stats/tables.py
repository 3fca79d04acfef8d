"""The statistics tables: usage rows and report summaries in, suppressed tables out.

Plain inputs (the inbox's ``usage_rows`` and ``summaries``), no Qt, no database: the
statistics view, the CSV export and the lägesrapport all show these same tables, so the
same counts are hidden everywhere.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from kompassen.catalogue.store.reader import CatalogueReader
from kompassen.core.suppression import Cell, derived, primary, suppress_line
from kompassen.office.inbox.model import ReportSummary
from kompassen.office.stats.model import Period, StatsFilter
from kompassen.reports.usage_format import DayUsage

UsageRow = tuple[str, str, str, int]  # (day, metric, key, count)
Label = tuple[str, str]  # (sv, en)


@dataclass(frozen=True, slots=True)
class StatsRow:
    """One line of a table: a code, its label and its cells (one per column)."""

    key: str
    label: Label
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class StatsTable:
    """A published table; ``chart`` says how the view may draw it ("bar", "line", None)."""

    key: str
    title: Label
    columns: tuple[Label, ...]
    rows: tuple[StatsRow, ...]
    total: StatsRow | None
    chart: str | None = None
    note: Label | None = None  # e.g. "a search can have several chips"


class Labels(Protocol):
    """Names of the codes in the counts, (sv, en)."""

    def chip(self, code: str) -> Label: ...
    def service(self, key: str) -> Label: ...
    def place(self, key: str) -> Label: ...
    def kind(self, kind: str) -> Label: ...


class CodeLabels:
    """Labels that are the codes themselves (tests, and a catalogue that is not installed)."""

    def chip(self, code: str) -> Label:
        return (code, code)

    def service(self, key: str) -> Label:
        return (key, key)

    def place(self, key: str) -> Label:
        return (key, key)

    def kind(self, kind: str) -> Label:
        return (kind, kind)


KIND_LABELS: dict[str, Label] = {
    "unsolved": ("Olöst problem", "Unsolved problem"),
    "solution": ("Lösning som fungerade", "Solution that worked"),
    "change": ("Ändring", "Change"),
    "error": ("Fel i uppgifterna", "Error in the details"),
}
NO_CHIP: Label = ("Utan chip", "No chip")
NO_PLACE: Label = ("Ingen plats", "No place")
NO_NEED: Label = ("Inget behov angivet", "No need given")
THIS: Label = ("Denna period", "This period")
PREVIOUS: Label = ("Föregående period", "Previous period")
CHANGE: Label = ("Förändring", "Change")
COUNT: Label = ("Antal", "Count")
TOTAL: Label = ("Totalt", "Total")
OVERLAP: Label = (
    "En rad kan räknas under flera koder, så raderna summerar inte till totalen.",
    "One item can count under several codes, so the rows do not add up to the total.",
)


class _Usage:
    """Usage rows summed per metric and key (days outside the period are left out)."""

    def __init__(self, rows: Iterable[UsageRow], period: Period) -> None:
        lo, hi = period.iso()
        self.by: dict[str, Counter[str]] = defaultdict(Counter)
        for day, metric, key, count in rows:
            if lo <= day <= hi:
                self.by[metric][key] += count

    def get(self, metric: str) -> Counter[str]:
        return self.by.get(metric) or Counter()


def _day(iso: str) -> date:
    return date.fromisoformat(iso[:10])


def _in(reports: Sequence[ReportSummary], period: Period) -> list[ReportSummary]:
    lo, hi = period.iso()
    return [r for r in reports if lo <= r.occurred_at[:10] <= hi]


def _compare_table(
    key: str,
    title: Label,
    now: Counter[str],
    before: Counter[str],
    label: Callable[[str], Label],
    f: StatsFilter,
    *,
    total_now: int | None = None,
    total_before: int | None = None,
    chart: str | None = "bar",
    order: Sequence[str] | None = None,
) -> StatsTable:
    """A table of codes with this period, the previous one and the change.

    Without ``total_now`` the rows partition the total (their sum), and the secondary rule
    applies to each column. With it the rows overlap (a search with two chips counts under
    both), no row can be worked out from the total, and each count is hidden on its own.
    """
    keys = list(order) if order is not None else sorted(set(now) | set(before))
    t = f.threshold
    overlap = total_now is not None
    if overlap:
        cur = [primary(now[k], t) for k in keys]
        cur_total = primary(total_now or 0, t)
        prev = [primary(before[k], t) for k in keys]
        prev_total = primary(total_before or 0, t)
    else:
        cur, cur_total = suppress_line([now[k] for k in keys], t)
        prev, prev_total = suppress_line([before[k] for k in keys], t)
    columns: tuple[Label, ...]
    if f.compare:
        columns = (THIS, PREVIOUS, CHANGE)

        def cells(c: Cell, p: Cell) -> tuple[Cell, ...]:
            return (c, p, derived(c.value - p.value, c, p))
    else:
        columns = (THIS,)

        def cells(c: Cell, p: Cell) -> tuple[Cell, ...]:
            return (c,)

    made = [(k, c, p) for k, c, p in zip(keys, cur, prev, strict=True)]
    if order is None:
        # largest shown first; hidden rows after them in code order, so the order of the rows
        # says nothing about the hidden values
        made.sort(key=lambda x: (x[1].hidden, 0 if x[1].hidden else -x[1].value, x[0]))
    rows = tuple(StatsRow(k, label(k), cells(c, p)) for k, c, p in made)
    total = StatsRow("", TOTAL, cells(cur_total, prev_total))
    return StatsTable(key, title, columns, rows, total, chart, OVERLAP if overlap else None)


def statistics(
    usage: Iterable[UsageRow],
    previous_usage: Iterable[UsageRow],
    reports: Sequence[ReportSummary],
    previous_reports: Sequence[ReportSummary],
    f: StatsFilter,
    labels: Labels,
) -> list[StatsTable]:
    """Every statistics table of the filter's period (compared with the previous one)."""
    prev_period = f.period.previous()
    now = _Usage(usage, f.period)
    before = _Usage(previous_usage if f.compare else (), prev_period)
    reps = [r for r in _in(reports, f.period) if r.area_id == f.area_id]
    prev_reps = (
        [r for r in _in(previous_reports, prev_period) if r.area_id == f.area_id]
        if f.compare
        else []
    )

    def chip(k: str) -> Label:
        return labels.chip(k) if k else NO_CHIP

    def combo(k: str) -> Label:
        if not k:
            return NO_CHIP
        parts = [labels.chip(c) for c in k.split("+")]
        return (" + ".join(p[0] for p in parts), " + ".join(p[1] for p in parts))

    def place(k: str) -> Label:
        return labels.place(k) if k else NO_PLACE

    def kind(k: str) -> Label:
        return labels.kind(k)

    def need(k: str) -> Label:
        return labels.chip(k) if k else NO_NEED

    def codes(c: Counter[str]) -> Counter[str]:
        return Counter({k: v for k, v in c.items() if k})

    tables = [
        _compare_table(
            "searches_by_chip",
            ("Sökningar per chip", "Searches by chip"),
            codes(now.get("search")),
            codes(before.get("search")),
            chip,
            f,
            total_now=now.get("search")[""],
            total_before=before.get("search")[""],
        ),
        _compare_table(
            "zero_by_combo",
            (
                "Sökningar utan träff per chipkombination",
                "Zero-result searches by chip combination",
            ),
            now.get("zero_combo"),
            before.get("zero_combo"),
            combo,
            f,
        ),
        _compare_table(
            "zero_by_word",
            ("Sökningar utan träff per igenkänt ord", "Zero-result searches by recognised word"),
            codes(now.get("zero_word")),
            codes(before.get("zero_word")),
            chip,
            f,
            total_now=now.get("zero")[""],
            total_before=before.get("zero")[""],
        ),
        _compare_table(
            "views_by_service",
            ("Visade tjänster", "Services viewed"),
            now.get("view"),
            before.get("view"),
            labels.service,
            f,
        ),
        _compare_table(
            "handovers_by_service",
            ("Överlämningar per tjänst", "Handovers per service"),
            now.get("handover"),
            before.get("handover"),
            labels.service,
            f,
        ),
        _compare_table(
            "handovers_by_place",
            ("Överlämningar per plats", "Handovers by place"),
            now.get("handover_place"),
            before.get("handover_place"),
            place,
            f,
        ),
        _compare_table(
            "handovers_by_chip",
            ("Överlämningar per chip", "Handovers by chip"),
            now.get("handover_chip"),
            before.get("handover_chip"),
            chip,
            f,
            total_now=sum(now.get("handover").values()),
            total_before=sum(before.get("handover").values()),
        ),
    ]
    by_kind = Counter(r.kind for r in reps)
    prev_kind = Counter(r.kind for r in prev_reps)
    tables.append(
        _compare_table(
            "reports_by_kind",
            ("Rapporter per typ", "Reports by type"),
            by_kind,
            prev_kind,
            kind,
            f,
        )
    )
    tables.append(
        _compare_table(
            "reports_by_place",
            ("Rapporter per plats", "Reports by place"),
            Counter(r.landmark_id or "" for r in reps),
            Counter(r.landmark_id or "" for r in prev_reps),
            place,
            f,
        )
    )

    def needs(rs: Sequence[ReportSummary]) -> Counter[str]:
        c: Counter[str] = Counter()
        for r in rs:
            c.update(set(r.needs) or {""})
        return c

    tables.append(
        _compare_table(
            "reports_by_need",
            ("Rapporter per behov", "Reports by need"),
            needs(reps),
            needs(prev_reps),
            need,
            f,
            total_now=len(reps),
            total_before=len(prev_reps),
        )
    )
    tables.append(reports_by_week(reps, f))
    return tables


def iso_weeks(period: Period) -> list[str]:
    """The ISO weeks a period touches, as ``2026-W48``."""
    out: list[str] = []
    d = period.start
    while d <= period.end:
        y, w, _ = d.isocalendar()
        k = f"{y}-W{w:02d}"
        if not out or out[-1] != k:
            out.append(k)
        d = date.fromordinal(d.toordinal() + 1)
    return out


def reports_by_week(reps: Sequence[ReportSummary], f: StatsFilter) -> StatsTable:
    """Reports per ISO week of the period, every week of it listed (a line chart)."""
    weeks = iso_weeks(f.period)
    c: Counter[str] = Counter()
    for r in reps:
        y, w, _ = _day(r.occurred_at).isocalendar()
        c[f"{y}-W{w:02d}"] += 1
    cells, total = suppress_line([c[w] for w in weeks], f.threshold)
    rows = tuple(
        StatsRow(w, (w.replace("-W", " v. "), w), (cell,))
        for w, cell in zip(weeks, cells, strict=True)
    )
    return StatsTable(
        "reports_by_week",
        ("Rapporter per vecka", "Reports by ISO week"),
        (COUNT,),
        rows,
        StatsRow("", TOTAL, (total,)),
        "line",
    )


class _CatalogueLabels:
    """Labels read once from the installed catalogue; unknown codes are shown as codes."""

    def __init__(
        self,
        chips: dict[str, Label],
        services: dict[str, Label],
        places: dict[str, Label],
    ) -> None:
        self._chips = chips
        self._services = services
        self._places = places

    @staticmethod
    def _get(table: dict[str, Label], key: str) -> Label:
        # usage counts carry keys ("nattjour"), reports carry ids ("klara/nattjour")
        return table.get(key) or table.get(key.rsplit("/", 1)[-1]) or (key, key)

    def chip(self, code: str) -> Label:
        return self._get(self._chips, code)

    def service(self, key: str) -> Label:
        return self._get(self._services, key)

    def place(self, key: str) -> Label:
        return self._get(self._places, key)

    def kind(self, kind: str) -> Label:
        return KIND_LABELS.get(kind, (kind, kind))


def catalogue_labels(reader: CatalogueReader, area_id: str) -> Labels:
    """Names of the area's chips (terms), services and landmarks, in both languages."""
    chips = {t.code: (t.label.sv, t.label.en or t.label.sv) for t in reader.terms(area_id)}
    services: dict[str, Label] = {}
    for s in reader.services(reader.service_ids(area_id)):
        services[s.id] = (s.name, s.name)
        services[s.id.rsplit("/", 1)[-1]] = (s.name, s.name)
    places: dict[str, Label] = {}
    for lm in reader.landmarks(area_id):
        places[lm.id] = (lm.name, lm.name)
        places[lm.id.rsplit("/", 1)[-1]] = (lm.name, lm.name)
    return _CatalogueLabels(chips, services, places)


#: age buckets of a service's last check: (key, sv, en, upper bound in days or None)
FRESHNESS_BUCKETS: tuple[tuple[str, str, str, int | None], ...] = (
    ("0-3m", "Under 3 månader", "Under 3 months", 91),
    ("3-6m", "3–6 månader", "3–6 months", 183),
    ("6-12m", "6–12 månader", "6–12 months", 365),
    ("1-2y", "1–2 år", "1–2 years", 730),
    ("2y+", "Över 2 år", "Over 2 years", None),
    ("unknown", "Okänt", "Unknown", None),
)


def checked_day(verified_at: str) -> date | None:
    """The day of a last check, the earliest the text allows ("2025" → 1 January 2025):
    a coarse date must never make a fact look fresher than it may be."""
    v = (verified_at or "").strip()
    try:
        if len(v) == 4 and v.isdigit():
            return date(int(v), 1, 1)
        if len(v) == 7 and v[4] == "-":
            return date(int(v[:4]), int(v[5:7]), 1)
        return date.fromisoformat(v[:10])
    except ValueError:
        return None


def freshness_counts(checked: Iterable[str], today: date) -> list[int]:
    """How many of the ``verified_at`` values fall in each of :data:`FRESHNESS_BUCKETS`."""
    counts = [0] * len(FRESHNESS_BUCKETS)
    for v in checked:
        d = checked_day(v)
        if d is None:
            counts[-1] += 1
            continue
        age = (today - d).days
        for i, (_key, _sv, _en, limit) in enumerate(FRESHNESS_BUCKETS[:-1]):
            if limit is None or age < limit:
                counts[i] += 1
                break
    return counts


def freshness_table(checked: Iterable[str], today: date) -> StatsTable:
    """Services by the age of their last check (facts, not people: no suppression)."""
    counts = freshness_counts(checked, today)
    rows = tuple(
        StatsRow(k, (sv, en), (Cell(n, False),))
        for (k, sv, en, _limit), n in zip(FRESHNESS_BUCKETS, counts, strict=True)
    )
    return StatsTable(
        "freshness",
        ("Tjänster efter senaste kontroll", "Services by age of their last check"),
        (("Tjänster", "Services"),),
        rows,
        StatsRow("", TOTAL, (Cell(sum(counts), False),)),
        "bar",
        (
            f"Ålder räknad till {today.isoformat()}; ett ofullständigt datum räknas från periodens början.",
            f"Age as of {today.isoformat()}; a partial date counts from the start of its period.",
        ),
    )


def freshness(reader: CatalogueReader, area_id: str, today: date) -> StatsTable:
    """The catalogue's data freshness: the area's services by the age of their last check."""
    services = reader.services(reader.service_ids(area_id))
    return freshness_table((s.provenance.verified_at for s in services), today)


def usage_rows(usages: Iterable[DayUsage]) -> list[UsageRow]:
    """Day aggregates (of any number of tablets) summed into ``(day, metric, key, count)`` rows,
    the shape of ``InboxStore.usage_rows``."""
    c: Counter[tuple[str, str, str]] = Counter()
    for u in usages:
        for metric, keys in u.counts.items():
            for key, n in keys.items():
                c[(u.day, metric, key)] += n
    return [(d, m, k, n) for (d, m, k), n in sorted(c.items())]
