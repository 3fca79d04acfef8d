"""What a search asks and what it answers (plain dataclasses, shared by CLI, GUI and tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

TIME_MODES = ("now", "at", "tonight", "any")


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """Who the worker met, what the person needs, free text, when and where.

    Chips (``groups``, ``needs``) are filters: every chosen chip must match. Free text ranks
    and widens: any word may match, and words that name a group or need are recognised as
    suggested chips that boost services having them.
    """

    area_id: str
    groups: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    text: str = ""
    time_mode: str = "now"  # now | at | tonight (any time 18:00–08:00) | any (ignore time)
    at: datetime | None = None  # the moment for "at" (and the evening for "tonight")
    only_open: bool = False  # drop services not open at the time (unknown hours are dropped too)
    near: tuple[float, float] | None = None  # where the worker stands
    lang: str = "sv"
    limit: int = 20
    offset: int = 0
    ids_only: bool = False  # rank, but answer ids instead of hits (lists of places: cheap at 100k)

    def __post_init__(self) -> None:
        if self.time_mode not in TIME_MODES:
            raise ValueError(f"time_mode must be one of {TIME_MODES}")
        if self.time_mode == "at" and self.at is None:
            raise ValueError("time_mode 'at' needs a moment")


@dataclass(frozen=True, slots=True)
class RecognizedChip:
    """A group or need the free text names ("sover ute" → need.shelter-tonight)."""

    code: str
    kind: str  # group | need
    words: str  # the words in the query that named it
    label: str


@dataclass(frozen=True, slots=True)
class ServiceHit:
    id: str
    name: str
    organization: str
    groups: tuple[str, ...]
    needs: tuple[str, ...]
    status: str  # the record's status: active | closed | temporarily-closed
    open_state: str  # open | closed | unknown | always
    open_now: bool | None  # at the query's time; None = unknown
    open_text: str
    distance_m: float | None
    walking_minutes: int | None
    bearing: str  # "norrut" … ("" when unknown or right here)
    direction: str  # "300 m norrut · 5 min"
    handover: str  # "Ring först · 18+"
    score: float
    matched_words: tuple[str, ...]
    matched_chips: tuple[str, ...]
    verified_at: str
    stale: bool  # verified more than a year ago, or never
    status_detail: str | None = None  # inactive | defunct beside a coarse "closed"
    status_from: date | None = None  # a temporary closure's first day, when known
    status_until: date | None = None  # and its last day


@dataclass(frozen=True, slots=True)
class GuideStepNow:
    index: int
    text: str
    service_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GuideHit:
    id: str
    title: str
    problem: str
    score: float
    matched_chips: tuple[str, ...]
    step_now: GuideStepNow | None  # the time-windowed step that applies at the query's time


@dataclass(frozen=True, slots=True)
class Alternative:
    """What dropping one filter would give, for the zero-results screen."""

    drop: str  # a chip code, "text", or "only_open"
    label: str  # "utan ”Sova i natt”"
    count: int


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: SearchQuery
    total: int
    hits: tuple[ServiceHit, ...]
    guides: tuple[GuideHit, ...]
    facets: dict[str, int]  # every group and need chip → results if that chip were added
    recognized: tuple[RecognizedChip, ...]
    alternatives: tuple[Alternative, ...] = ()
    report_suggested: bool = False  # nothing found: offer "rapportera olöst problem"
    ignored_words: tuple[str, ...] = field(default=())  # words that matched nothing at all
    ids: tuple[str, ...] = field(default=())  # with ``ids_only``: the ranked ids, no hits
