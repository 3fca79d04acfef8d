"""The inbox's work without Qt: fetch and open, filter, triage, answer the reporter.

:class:`Inbox` runs on the office window's worker thread, like :class:`InboxStore` under it.
Fetching pages through the server's lists from cursors kept in office.db, so a fetch that
fails half-way goes on where it stopped and nothing is counted twice. A state change is
posted to the server first (the server's id orders the history), then mirrored here; its
comment is sealed to the area's office key, so the server stores no readable comment. An
answer to the reporter is signed with the area's signing key, so the server cannot forge one.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC
from typing import Any, Protocol

from nacl.public import PublicKey, SealedBox

from kompassen.core.clock import Clock
from kompassen.core.errors import KompassenError
from kompassen.core.report import Report, ReportError
from kompassen.office.inbox.model import (
    LINK_KINDS,
    STATE_LABELS,
    STATES,
    InboxFilter,
    InboxReport,
    StateChange,
)
from kompassen.office.inbox.store import InboxStore, SealedReport, local_day
from kompassen.reports import answers
from kompassen.reports.keys import OfficeKeys
from kompassen.reports.sealing import SealError, open_sealed
from kompassen.reports.usage_format import UsageError, open_usage

log = logging.getLogger(__name__)

PAGE = 500  # reports and states posted per request (the server's bound)
MAX_COMMENT = 4000  # characters of an internal comment
MAX_FILTER_NAME = 80
#: what the reporter is told when the office gives no answer of its own (sv, en); the tablet
#: puts the state in words before it ("Behöver mer information: …"), so it is not repeated here
DEFAULT_ANSWERS: dict[str, tuple[str, str]] = {
    "solved": ("Kontoret har löst problemet.", "The office has solved the problem."),
    "not_actionable": (
        "Det ligger utanför vad kontoret och partnerna kan göra.",
        "It is beyond what the office and its partners can do.",
    ),
    "needs_info": (
        "Skicka gärna en ny rapport med fler detaljer.",
        "Please send a new report with more details.",
    ),
}


class InboxClient(Protocol):
    """What the inbox needs of :class:`~kompassen.office.client.OfficeClient`."""

    user: str

    def submissions(self, after: int = 0, limit: int = 500, kind: str = "report") -> Any: ...
    def usage(self, after: int = 0, limit: int = 2000) -> Any: ...
    def states(self, after: int = 0, limit: int = 1000) -> Any: ...
    def post_states(self, items: Any) -> Any: ...
    def put_answer(self, submission_id: int, payload: str, signature: str) -> Any: ...


@dataclass(frozen=True)
class FetchResult:
    reports: int  # reports opened and kept this time
    usage: int  # usage aggregates counted this time
    states: int  # state changes mirrored this time
    unreadable: int  # reports kept sealed: they could not be opened with these keys


class InboxError(KompassenError):
    """A triage request that cannot be done as asked (unknown state, report, filter name)."""


def _get(item: Any, key: str) -> Any:
    """A field of a client item: a dataclass (OfficeClient) or a mapping."""
    if isinstance(item, Mapping):
        return item.get(key)
    return getattr(item, key, None)


def _blob(value: Any) -> bytes | None:
    if value is None:
        return None
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    return base64.b64decode(str(value))


class Inbox:
    """Fetch, filter and triage the reports of office.db (one worker thread)."""

    def __init__(self, store: InboxStore, client: InboxClient, clock: Clock) -> None:
        self.store = store
        self.client = client
        self.clock = clock

    # ------------------------------------------------------------------ fetch

    def fetch(self, keys: OfficeKeys) -> FetchResult:
        """New reports, usage aggregates and state changes, each from its stored cursor."""
        self.store.unlock(keys)
        reports = self._retry_sealed(keys)
        reports += self._fetch_reports(keys)
        usage = self._fetch_usage(keys)
        states = self._fetch_states()
        return FetchResult(reports, usage, states, self.store.unreadable_count())

    def _open(self, keys: OfficeKeys, blob: bytes, area_id: str) -> dict[str, Any] | None:
        """The checked envelope, or None when it cannot be opened or is not a report."""
        try:
            env = open_sealed(blob, keys.sealing_private)
            report = Report.from_dict(env["report"])
        except (SealError, ReportError) as exc:
            log.warning("a report could not be opened: %s", exc.en)
            return None
        if report.area_id != area_id:
            log.warning("a report names area %r but was sent to %r", report.area_id, area_id)
            return None
        return {**env, "report": report.to_dict()}

    def _retry_sealed(self, keys: OfficeKeys) -> int:
        opened = 0
        for item in self.store.sealed_items():
            env = self._open(keys, item.blob, item.area_id)
            if env is None:
                continue
            if self.store.add_report(
                item.submission_id, item.area_id, item.created_at, item.received_at, env, item.uuid
            ):
                opened += 1
        return opened

    def _fetch_reports(self, keys: OfficeKeys) -> int:
        added = 0
        while True:
            after = self.store.cursor("reports")
            items, next_after = self.client.submissions(after=after, limit=PAGE, kind="report")
            with self.store.batch():
                last = after
                for it in items:
                    sid = int(_get(it, "id"))
                    last = max(last, sid)
                    if (_get(it, "kind") or "report") != "report":
                        continue
                    area = str(_get(it, "area_id"))
                    created = str(_get(it, "created_at"))
                    received = str(_get(it, "received_at"))
                    uuid = str(_get(it, "uuid") or "")
                    blob = _blob(_get(it, "sealed")) or b""
                    env = self._open(keys, blob, area)
                    if env is None:
                        self.store.add_sealed(
                            SealedReport(sid, area, created, received, uuid, blob)
                        )
                    elif self.store.add_report(sid, area, created, received, env, uuid):
                        added += 1
                self.store.set_cursor("reports", last)
            if next_after is None or not items:
                return added

    def _fetch_usage(self, keys: OfficeKeys) -> int:
        added = 0
        while True:
            after = self.store.cursor("usage")
            items, next_after = self.client.usage(after=after, limit=2000)
            with self.store.batch():
                last = after
                for it in items:
                    sid = int(_get(it, "id"))
                    last = max(last, sid)
                    try:
                        usage = open_usage(_blob(_get(it, "sealed")) or b"", keys.sealing_private)
                    except (SealError, UsageError) as exc:
                        log.warning("usage %d could not be opened: %s", sid, exc.en)
                        continue
                    if usage.area_id != _get(it, "area_id") or usage.day != _get(it, "day"):
                        log.warning("usage %d names another area or day than it was sent", sid)
                        continue
                    if self.store.add_usage(sid, usage):
                        added += 1
                self.store.set_cursor("usage", last)
            if next_after is None or not items:
                return added

    def _fetch_states(self) -> int:
        added = 0
        while True:
            after = self.store.cursor("states")
            items, next_after = self.client.states(after=after, limit=1000)
            with self.store.batch():
                rows = [_state_row(it) for it in items]
                added += self.store.add_state_changes(rows)
                last = max([after, *(r["id"] for r in rows)])
                self.store.set_cursor("states", last)
            if next_after is None or not items:
                return added

    # ------------------------------------------------------------------ reading

    def ids(self, f: InboxFilter) -> list[int]:
        """Submission ids that pass ``f``, newest occurred_at first."""
        found = self._matching(f, use_states=True)
        order = self.store.order_key
        found.sort(key=lambda sid: (order(sid), sid), reverse=True)
        return found

    def counts(self, f: InboxFilter) -> dict[str, int]:
        """How many reports pass ``f`` in each state (the filter's own state set ignored)."""
        out = dict.fromkeys(STATES, 0)
        reports = self.store.reports()
        for sid in self._matching(f, use_states=False):
            state = reports[sid].state
            out[state] = out.get(state, 0) + 1
        return out

    def _matching(self, f: InboxFilter, *, use_states: bool) -> list[int]:
        words = f.text.casefold().split()
        lo = f.since.isoformat() if f.since else None
        hi = f.until.isoformat() if f.until else None
        hay = self.store.haystack
        out: list[int] = []
        for sid, r in self.store.reports().items():
            if r.area_id != f.area_id:
                continue
            if f.kinds and r.kind not in f.kinds:
                continue
            if use_states and f.states and r.state not in f.states:
                continue
            if f.landmarks and r.landmark_id not in f.landmarks:
                continue
            if f.needs and f.needs.isdisjoint(r.needs):
                continue
            if f.groups and f.groups.isdisjoint(r.groups):
                continue
            if lo is not None or hi is not None:
                day = local_day(r.occurred_at)
                if (lo is not None and day < lo) or (hi is not None and day > hi):
                    continue
            if words:
                h = hay(sid)
                if not all(w in h for w in words):
                    continue
            out.append(sid)
        return out

    def rows(self, ids: Sequence[int]) -> list[InboxReport]:
        """The reports of ``ids`` in that order (ids not in the inbox are left out)."""
        reports = self.store.reports()
        return [reports[i] for i in ids if i in reports]

    def history(self, submission_id: int) -> list[StateChange]:
        return self.store.history(submission_id)

    def linked(self, area_id: str, link_kind: str, link_id: str) -> list[int]:
        """Reports of the area linked to this guide, service change or notice, newest first."""
        want = (link_kind, link_id)
        found = [
            sid
            for sid, r in self.store.reports().items()
            if r.area_id == area_id and want in r.links
        ]
        found.sort(key=lambda sid: (self.store.order_key(sid), sid), reverse=True)
        return found

    # ------------------------------------------------------------------ triage

    def change_state(
        self,
        ids: Sequence[int],
        state: str,
        comment: str = "",
        *,
        keys: OfficeKeys,
        link: tuple[str, str] | None = None,
        answer_sv: str | None = None,
        answer_en: str = "",
    ) -> list[StateChange]:
        """Set ``state`` on every report of ``ids`` (one history step each), answer them.

        Everything is checked before anything is sent: an unknown state, link or report, an
        answer too long. Then the changes are posted (all or nothing on the server) and
        mirrored; then the signed answers are put, one per report.
        """
        if state not in STATES:
            raise InboxError(sv=f"Okänt läge {state!r}.", en=f"Unknown state {state!r}.")
        if link is not None and (link[0] not in LINK_KINDS or not link[1]):
            raise InboxError(
                sv="Rapporten kan bara kopplas till en lösning, en ändring av en verksamhet "
                "eller ett meddelande.",
                en="A report can only be linked to a guide, a service change or a notice.",
            )
        if len(comment) > MAX_COMMENT:
            raise InboxError(
                sv=f"Kommentaren är för lång (högst {MAX_COMMENT} tecken).",
                en=f"The comment is too long (at most {MAX_COMMENT} characters).",
            )
        reports = self.store.reports()
        unique = list(dict.fromkeys(int(i) for i in ids))
        missing = [i for i in unique if i not in reports]
        if missing:
            raise InboxError(
                sv=f"Rapport {missing[0]} finns inte i inkorgen; hämta rapporterna igen.",
                en=f"Report {missing[0]} is not in the inbox; fetch the reports again.",
            )
        if not unique:
            return []
        signed = self._answers(unique, state, link, answer_sv, answer_en, keys)
        sealed = _seal_comment(comment, keys) if comment else None
        changes: list[StateChange] = []
        for start in range(0, len(unique), PAGE):
            chunk = unique[start : start + PAGE]
            items = [
                {
                    "submission_id": sid,
                    "state": state,
                    "comment_sealed": sealed,
                    "link_kind": link[0] if link else None,
                    "link_id": link[1] if link else None,
                }
                for sid in chunk
            ]
            results = self.client.post_states(items)
            rows: list[dict[str, Any]] = []
            for res in results:
                sid = int(_get(res, "submission_id"))
                rows.append(
                    {
                        "id": int(_get(res, "id")),
                        "submission_id": sid,
                        "area_id": reports[sid].area_id,
                        "state": state,
                        "actor": self.client.user,
                        "at": str(_get(res, "at")),
                        "comment_sealed": sealed,
                        "link_kind": link[0] if link else None,
                        "link_id": link[1] if link else None,
                    }
                )
            self.store.add_state_changes(rows)
            for row in rows:
                changes.append(
                    StateChange(
                        id=row["id"],
                        submission_id=row["submission_id"],
                        state=state,
                        actor=row["actor"],
                        at=row["at"],
                        comment=comment,
                        link_kind=row["link_kind"],
                        link_id=row["link_id"],
                    )
                )
        for sid, (payload, signature) in signed.items():
            self.client.put_answer(sid, payload, signature)
        return changes

    def _answers(
        self,
        ids: Sequence[int],
        state: str,
        link: tuple[str, str] | None,
        answer_sv: str | None,
        answer_en: str,
        keys: OfficeKeys,
    ) -> dict[int, tuple[str, str]]:
        """The signed answer (payload, signature) per report, or {} when none is given."""
        if state not in answers.ANSWER_STATES:
            return {}
        if answer_sv is None:
            if state not in DEFAULT_ANSWERS:
                return {}
            answer_sv, default_en = DEFAULT_ANSWERS[state]
            answer_en = answer_en or default_en
        answer_sv = answer_sv.strip()
        answer_en = answer_en.strip()
        if len(answer_sv) > answers.MAX_ANSWER or len(answer_en) > answers.MAX_ANSWER:
            raise InboxError(
                sv=f"Svaret till rapportören är för långt (högst {answers.MAX_ANSWER} tecken).",
                en=f"The answer to the reporter is too long (at most {answers.MAX_ANSWER} "
                "characters).",
            )
        guide_id = link[1] if link and link[0] == "guide" else None
        at = self.clock.now().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        reports = self.store.reports()
        out: dict[int, tuple[str, str]] = {}
        for sid in ids:
            uuid = self.store.uuid(sid)
            if not uuid:
                continue
            text = answers.payload(
                answers.Answer(
                    area_id=reports[sid].area_id,
                    uuid=uuid,
                    state=state,
                    answer_sv=answer_sv,
                    answer_en=answer_en,
                    guide_id=guide_id,
                    answered_at=at,
                )
            )
            out[sid] = (text, answers.sign(text, keys.signing_private))
        return out

    def solve_published(
        self, area_id: str, guide_titles: Mapping[str, tuple[str, str]], keys: OfficeKeys
    ) -> int:
        """Mark solved every report linked to one of these published guides; how many.

        The answer is the guide's title: the tablet shows "Blev en lösning: <title>".
        """
        done = 0
        for key, (title_sv, title_en) in guide_titles.items():
            ids = [
                sid
                for sid in self.linked(area_id, "guide", key)
                if self.store.reports()[sid].state != "solved"
            ]
            if not ids:
                continue
            self.change_state(
                ids,
                "solved",
                keys=keys,
                link=("guide", key),
                answer_sv=_fit("", title_sv),
                answer_en=_fit("", title_en or title_sv),
            )
            done += len(ids)
        return done

    # ------------------------------------------------------------------ saved filters

    def save_filter(self, name: str, f: InboxFilter) -> None:
        name = " ".join(name.split())
        if not name or len(name) > MAX_FILTER_NAME:
            raise InboxError(
                sv=f"Ge filtret ett namn (högst {MAX_FILTER_NAME} tecken).",
                en=f"Give the filter a name (at most {MAX_FILTER_NAME} characters).",
            )
        self.store.save_filter(f.area_id, name, f.to_json())

    def saved_filters(self, area_id: str) -> list[tuple[str, InboxFilter]]:
        out: list[tuple[str, InboxFilter]] = []
        for name, text in self.store.saved_filters(area_id):
            try:
                out.append((name, InboxFilter.from_json(text)))
            except (ValueError, TypeError):
                log.warning("saved filter %r is unreadable and is left out", name)
        return out

    def delete_filter(self, name: str, area_id: str) -> None:
        self.store.delete_filter(area_id, name)


def state_label(state: str, lang: str = "sv") -> str:
    sv, en = STATE_LABELS.get(state, (state, state))
    return en if lang == "en" else sv


def _fit(prefix: str, title: str) -> str:
    room = answers.MAX_ANSWER - len(prefix)
    title = " ".join(title.split())
    return prefix + (title if len(title) <= room else title[: room - 1].rstrip() + "…")


def _seal_comment(comment: str, keys: OfficeKeys) -> bytes:
    """The comment sealed to the area's office key: only the office can read it back."""
    try:
        public = PublicKey(base64.b64decode(keys.sealing_public, validate=True))
    except (ValueError, TypeError) as exc:
        raise InboxError(
            sv="Kontorets publika nyckel är fel; öppna nyckelfilen igen.",
            en="The office public key is wrong; open the key file again.",
        ) from exc
    return bytes(SealedBox(public).encrypt(comment.encode("utf-8")))


def _state_row(it: Any) -> dict[str, Any]:
    return {
        "id": int(_get(it, "id")),
        "submission_id": int(_get(it, "submission_id")),
        "area_id": str(_get(it, "area_id")),
        "state": str(_get(it, "state")),
        "actor": str(_get(it, "actor") or ""),
        "at": str(_get(it, "at")),
        "comment_sealed": _blob(_get(it, "comment_sealed")),
        "link_kind": _get(it, "link_kind"),
        "link_id": _get(it, "link_id"),
    }
