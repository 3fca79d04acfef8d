"""A field report (docs/SYNC.md, "Report"): what a worker saw, in codes and a little text.

Pure data and validation, no I/O. The form keeps partial fields as a draft; only a complete,
valid :class:`Report` is sealed and queued. Every problem is collected and told at once, in
words, so the worker fixes the form in one pass instead of one error at a time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kompassen.core.errors import KompassenError

KINDS = ("unsolved", "solution", "correction", "observation", "followup")
KIND_LABELS: dict[str, tuple[str, str]] = {
    "unsolved": ("Olöst problem", "Unsolved problem"),
    "solution": ("Ny lösning", "New solution"),
    "correction": ("Fel i en uppgift", "Correction to an entry"),
    "observation": ("Lägesbild", "Field observation"),
    "followup": ("Uppföljning av överlämning", "Follow-up of a handover"),
}
MAX_TEXT = 4000

FIELDS = (
    "kind",
    "area_id",
    "occurred_at",
    "landmark_id",
    "place_text",
    "needs",
    "groups",
    "text",
    "service_id",
    "lang",
)
REQUIRED = ("kind", "area_id", "occurred_at")

Problem = tuple[str, str]


class ReportError(KompassenError):
    """A report that cannot be sent; ``problems`` holds every reason as (sv, en)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(
            sv="Rapporten kan inte skickas: " + "; ".join(sv for sv, _ in problems) + ".",
            en="The report cannot be sent: " + "; ".join(en for _, en in problems) + ".",
        )


@dataclass(frozen=True, slots=True)
class Report:
    """A complete, valid report; building one with bad values raises :class:`ReportError`."""

    kind: str
    area_id: str
    occurred_at: str  # ISO 8601 with UTC offset
    text: str = ""
    landmark_id: str | None = None
    place_text: str = ""
    needs: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    service_id: str | None = None
    lang: str = "sv"

    def __post_init__(self) -> None:
        # lists from a caller become tuples, so the report stays hashable and immutable
        for name in ("needs", "groups"):
            value = getattr(self, name)
            if isinstance(value, list):
                object.__setattr__(self, name, tuple(value))
        problems = _problems({name: getattr(self, name) for name in FIELDS})
        if problems:
            raise ReportError(problems)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of docs/SYNC.md (lists, not tuples)."""
        return {
            "kind": self.kind,
            "area_id": self.area_id,
            "occurred_at": self.occurred_at,
            "landmark_id": self.landmark_id,
            "place_text": self.place_text,
            "needs": list(self.needs),
            "groups": list(self.groups),
            "text": self.text,
            "service_id": self.service_id,
            "lang": self.lang,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Report:
        """Validate a dict (a form, a file, an opened envelope) and build the report."""
        if not isinstance(d, Mapping):
            raise ReportError(
                [("rapporten är inte ett JSON-objekt", "the report is not a JSON object")]
            )
        problems = _problems(d)
        if problems:
            raise ReportError(problems)
        return cls(
            kind=d["kind"],
            area_id=d["area_id"],
            occurred_at=d["occurred_at"],
            text=d.get("text", ""),
            landmark_id=d.get("landmark_id"),
            place_text=d.get("place_text", ""),
            needs=tuple(d.get("needs", ())),
            groups=tuple(d.get("groups", ())),
            service_id=d.get("service_id"),
            lang=d.get("lang", "sv"),
        )


def missing_fields(fields: Mapping[str, Any]) -> list[Problem]:
    """What still blocks submitting the form's fields, (sv, en) per problem; [] when ready."""
    return _problems(fields)


def _problems(d: Mapping[str, Any]) -> list[Problem]:
    """Every reason ``d`` is not a valid report, in the order of the form."""
    out: list[Problem] = []
    unknown = sorted(str(k) for k in d if k not in FIELDS)
    if unknown:
        names = ", ".join(unknown)
        out.append((f"okända fält: {names}", f"unknown fields: {names}"))

    for key in REQUIRED:
        if d.get(key) in (None, ""):
            sv, en = _REQUIRED_WORDS[key]
            out.append((sv, en))

    kind = d.get("kind")
    if kind not in (None, "") and kind not in KINDS:
        allowed = ", ".join(KINDS)
        out.append(
            (
                f"okänd typ av rapport {kind!r} (tillåtna: {allowed})",
                f"unknown report kind {kind!r} (allowed: {allowed})",
            )
        )

    area_id = d.get("area_id")
    if area_id not in (None, "") and not isinstance(area_id, str):
        out.append(("området ska vara text", "the area must be text"))

    occurred = d.get("occurred_at")
    if occurred not in (None, "") and not _is_aware_iso(occurred):
        out.append(
            (
                f"tidpunkten {occurred!r} är inte ISO 8601 med tidszon (t.ex. 2026-11-23T22:10:00+01:00)",
                f"the time {occurred!r} is not ISO 8601 with a UTC offset (e.g. 2026-11-23T22:10:00+01:00)",
            )
        )

    text = d.get("text", "")
    if not isinstance(text, str):
        out.append(("texten ska vara text", "the text must be a string"))
        text = ""
    elif len(text) > MAX_TEXT:
        out.append(
            (
                f"texten är {len(text)} tecken, högst {MAX_TEXT} får plats",
                f"the text is {len(text)} characters, at most {MAX_TEXT} fit",
            )
        )

    for key, sv_name, en_name in (
        ("landmark_id", "platsen", "the landmark"),
        ("service_id", "verksamheten", "the service"),
    ):
        value = d.get(key)
        if value is not None and not (isinstance(value, str) and value):
            out.append(
                (f"{sv_name} ska vara ett id eller tomt", f"{en_name} must be an id or empty")
            )

    place_text = d.get("place_text", "")
    if not isinstance(place_text, str):
        out.append(("platsbeskrivningen ska vara text", "the place description must be text"))

    lang = d.get("lang", "sv")
    if not (isinstance(lang, str) and lang):
        out.append(("språket ska vara en språkkod", "the language must be a language code"))

    codes_present = False
    for key, sv_name, en_name in (("needs", "behoven", "needs"), ("groups", "grupperna", "groups")):
        value = d.get(key, ())
        if not isinstance(value, list | tuple):
            out.append((f"{sv_name} ska vara en lista", f"{en_name} must be a list"))
            continue
        if not all(isinstance(c, str) and c for c in value):
            out.append((f"{sv_name} ska vara koder (text)", f"{en_name} must be codes (strings)"))
        codes_present = codes_present or bool(value)

    service = d.get("service_id")
    if not (isinstance(text, str) and text.strip()) and not codes_present and not service:
        out.append(
            (
                "inget är ifyllt: skriv en text eller välj behov, grupp eller verksamhet",
                "nothing is filled in: write a text or choose a need, group or service",
            )
        )
    return out


_REQUIRED_WORDS: dict[str, Problem] = {
    "kind": ("välj typ av rapport", "choose the kind of report"),
    "area_id": ("området saknas", "the area is missing"),
    "occurred_at": ("tidpunkten saknas", "the time is missing"),
}


def _is_aware_iso(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return False
    return parsed.tzinfo is not None and parsed.utcoffset() is not None
