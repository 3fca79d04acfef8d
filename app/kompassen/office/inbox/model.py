"""What the inbox holds, as plain values shared by the inbox, the statistics and the GUI."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

#: a report's states, in the order of the review (as ODK Central's review states)
STATES = ("new", "in_progress", "solved", "not_actionable", "needs_info")
#: what a report can be linked to: the guide, service change or notice that answered it
LINK_KINDS = ("guide", "service", "notice")
STATE_LABELS: dict[str, tuple[str, str]] = {
    "new": ("Ny", "New"),
    "in_progress": ("Pågår", "In progress"),
    "solved": ("Löst", "Solved"),
    "not_actionable": ("Går inte att åtgärda", "Not actionable"),
    "needs_info": ("Behöver mer information", "Needs more information"),
}


@dataclass(frozen=True, slots=True)
class StateChange:
    """One step of a report's history: who set which state when, and why."""

    id: int  # the server's id of the change (orders the history)
    submission_id: int
    state: str
    actor: str
    at: str  # ISO 8601, UTC
    comment: str = ""  # opened with the office key ("" when none, or the keys are not open)
    link_kind: str | None = None
    link_id: str | None = None


@dataclass(frozen=True, slots=True)
class InboxReport:
    """One opened report with its current state (the last change's, ``new`` without one)."""

    submission_id: int
    area_id: str
    kind: str
    created_at: str  # sealed on the tablet (in clear on the server)
    received_at: str  # stored by the server
    occurred_at: str  # when it happened, as the worker said
    text: str = ""
    landmark_id: str | None = None
    place_text: str = ""
    needs: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    service_id: str | None = None
    lang: str = "sv"
    state: str = "new"
    state_at: str | None = None
    links: tuple[tuple[str, str], ...] = ()  # (link_kind, link_id) of every link in the history


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """What the statistics need of a report: codes, times and state, no text."""

    area_id: str
    kind: str
    occurred_at: str
    created_at: str
    landmark_id: str | None
    needs: tuple[str, ...]
    groups: tuple[str, ...]
    state: str
    state_at: str | None  # when the current state was set (the age of an open problem ends)


@dataclass(frozen=True, slots=True)
class InboxFilter:
    """The inbox's filters; an empty set means "any". Kept as JSON for saved filters."""

    area_id: str
    kinds: frozenset[str] = field(default_factory=frozenset)
    states: frozenset[str] = field(default_factory=frozenset)
    landmarks: frozenset[str] = field(default_factory=frozenset)
    needs: frozenset[str] = field(default_factory=frozenset)  # any of them
    groups: frozenset[str] = field(default_factory=frozenset)  # any of them
    since: date | None = None  # occurred on or after
    until: date | None = None  # occurred on or before
    text: str = ""  # words in the text or the place text, case-insensitive

    def with_(self, **changes: Any) -> InboxFilter:
        return replace(self, **changes)

    def to_json(self) -> str:
        return json.dumps(
            {
                "area_id": self.area_id,
                "kinds": sorted(self.kinds),
                "states": sorted(self.states),
                "landmarks": sorted(self.landmarks),
                "needs": sorted(self.needs),
                "groups": sorted(self.groups),
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "text": self.text,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> InboxFilter:
        """A saved filter; unknown keys are ignored, wrong values raise ``ValueError``."""
        d = json.loads(text)
        if not isinstance(d, dict) or not isinstance(d.get("area_id"), str):
            raise ValueError("not a saved inbox filter")

        def codes(key: str) -> frozenset[str]:
            v = d.get(key) or []
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                raise ValueError(f"{key} is not a list of text")
            return frozenset(v)

        def day(key: str) -> date | None:
            v = d.get(key)
            return None if v is None else date.fromisoformat(str(v))

        text_value = d.get("text") or ""
        if not isinstance(text_value, str):
            raise ValueError("text is not text")
        return cls(
            area_id=d["area_id"],
            kinds=codes("kinds"),
            states=codes("states"),
            landmarks=codes("landmarks"),
            needs=codes("needs"),
            groups=codes("groups"),
            since=day("since"),
            until=day("until"),
            text=text_value[:500],
        )
