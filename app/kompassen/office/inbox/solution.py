"""From a field report to a new guide ("Gör en lösning av detta"): the editor's first draft.

The office turns an unsolved problem into a guide: the prefill carries over what the worker
already said — the words as the problem, the place, who it concerned and what they needed,
and when it happens if that was at night or in the evening, when the office's usual services
are closed — so the editor starts from the report instead of a blank form. The record has the
shape of one entry of the pack's guides.json (pack_schema.json), so the pack validator checks
it like any other; its one step is a placeholder the office replaces with what to do.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from datetime import datetime
from typing import Any

from kompassen.core.report import KIND_LABELS
from kompassen.office.inbox.model import InboxReport

TITLE_MAX = 60
KEY_MAX = 63
_TERM = re.compile(r"^([a-z0-9-]+\.)?(group|need|handover)\.[a-z0-9-]+$")
#: (from, to, sv, en) of the windows a report's time of day is put in; to <= from runs past midnight
_WINDOWS = (
    ("22:00", "06:00", "natt", "night"),
    ("16:30", "22:00", "kväll", "evening"),
)
STEP_PLACEHOLDER = (
    "Skriv vad fältarbetaren ska göra, och vem som kan hjälpa.",
    "Write what the field worker should do, and who can help.",
)


def guide_prefill(report: InboxReport, *, taken: Collection[str] = ()) -> dict[str, Any]:
    """A new guide record in the pack's guides.json shape, prefilled from ``report``.

    ``taken``: the guide keys already in the pack; the new key differs from all of them.
    """
    text = " ".join(report.text.split())
    place = " ".join(report.place_text.split())
    english = report.lang == "en"
    fallback_sv, fallback_en = KIND_LABELS.get(report.kind, ("Rapport", "Report"))
    title = _title(text) or (fallback_en if english else fallback_sv)
    problem_sv = text or fallback_sv
    problem_en = text if english else ""
    if place:
        problem_sv += f" Plats: {place}." if not english else f" Place: {place}."
        if problem_en:
            problem_en += f" Place: {place}."
    step: dict[str, Any] = {"text": {"sv": STEP_PLACEHOLDER[0], "en": STEP_PLACEHOLDER[1]}}
    if report.service_id:
        step["services"] = [report.service_id]
    window = time_window(report.occurred_at)
    if window is not None:
        step["when"] = {"from": window[0], "to": window[1]}
    record: dict[str, Any] = {
        "key": unique_key(_slug(title), taken),
        "title": {"sv": title, "en": title} if english else {"sv": title},
        "problem": {"sv": problem_sv, "en": problem_en} if problem_en else {"sv": problem_sv},
        "groups": _codes(report.groups),
        "needs": _codes(report.needs),
        "steps": [step],
        "sources": [f"Fältrapport {report.occurred_at[:10]} (Kompassens inkorg)"],
        "verified_at": "unknown",
    }
    return record


def time_window(occurred_at: str) -> tuple[str, str, str, str] | None:
    """(from, to, sv, en) of the night or evening window the report's local time falls in."""
    try:
        moment = datetime.fromisoformat(occurred_at)
    except (TypeError, ValueError):
        return None
    hhmm = moment.strftime("%H:%M")
    for start, end, sv, en in _WINDOWS:
        inside = (start <= hhmm < end) if start < end else (hhmm >= start or hhmm < end)
        if inside:
            return start, end, sv, en
    return None


def _title(text: str) -> str:
    """The first sentence or first words of the text, at most 60 characters, whole words."""
    if not text:
        return ""
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].rstrip(".!?").strip()
    if len(first) <= TITLE_MAX:
        return first
    cut = first[: TITLE_MAX + 1]
    space = cut.rfind(" ")
    words = cut[:space] if space > TITLE_MAX // 2 else first[:TITLE_MAX]
    return words.rstrip(" ,;:–-")


def _slug(title: str) -> str:
    plain = unicodedata.normalize("NFKD", title.casefold())
    ascii_ = "".join(c for c in plain if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")
    if len(slug) > 56:  # room for "-2" in a 63-character key, cut between words
        cut = slug[:57]
        slug = cut[: cut.rfind("-")] if "-" in cut[20:] else slug[:56]
    return slug.strip("-") or "ny-losning"


def unique_key(base: str, taken: Collection[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… when it is taken (a guide key is unique)."""
    base = base[:KEY_MAX]
    if base not in taken:
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        key = base[: KEY_MAX - len(suffix)].rstrip("-") + suffix
        if key not in taken:
            return key
        n += 1


def _codes(codes: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(c for c in codes if _TERM.match(c)))
