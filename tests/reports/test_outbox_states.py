"""Random sequences of outbox operations: counts and statuses stay consistent, no uuid is lost."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from kompassen.core.clock import FixedClock
from kompassen.device.db import DeviceDb
from kompassen.reports.drafts import Drafts
from kompassen.reports.outbox import STATUSES, Outbox

from .conftest import KEYS, NOW, make_report


class OutboxMachine(RuleBasedStateMachine):
    """A model (uuid → status) is kept beside the real outbox in a real device.db file."""

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="kompassen-outbox-"))
        self.clock = FixedClock(NOW)
        self.db = DeviceDb(self.dir / "device.db", self.dir / "b", NOW)
        self.outbox = Outbox(self.db, self.clock)
        self.drafts = Drafts(self.db, self.clock)
        self.model: dict[str, str] = {}
        self.order: list[str] = []  # submission order
        self.draft_ids: set[str] = set()

    def _with(self, status: str) -> list[str]:
        return [u for u in self.order if self.model[u] == status]

    @rule(with_draft=st.booleans())
    def submit(self, with_draft: bool) -> None:
        draft_id = self.drafts.save({"text": "utkast"}) if with_draft else None
        if draft_id:
            self.draft_ids.add(draft_id)
        uuid = self.outbox.submit(make_report(), KEYS["sealing_public"], draft_id)
        self.draft_ids.discard(draft_id or "")
        assert uuid not in self.model
        self.model[uuid] = "queued"
        self.order.append(uuid)

    @rule(limit=st.integers(min_value=0, max_value=4))
    def take_batch(self, limit: int) -> None:
        batch = self.outbox.take_batch(limit)
        expected = self._with("queued")[:limit]
        assert [item.uuid for item, _ in batch] == expected
        assert all(blob for _, blob in batch)
        for u in expected:
            self.model[u] = "sending"

    @precondition(lambda self: bool(self._with("sending")))
    @rule(data=st.data())
    def finish_batch(self, data: st.DataObject) -> None:
        """The server answers: some stored, some rejected, or the network fails for all."""
        sending = self._with("sending")
        if data.draw(st.booleans(), label="network fails"):
            self.outbox.mark_failed(sending, "Ingen kontakt.")
            for u in sending:
                self.model[u] = "queued"
            return
        rejected = data.draw(st.sets(st.sampled_from(sending)), label="rejected")
        for u in rejected:
            self.outbox.mark_rejected(u, "Avvisad.")
            self.model[u] = "rejected"
        stored = [u for u in sending if u not in rejected]
        self.outbox.mark_sent(stored)
        for u in stored:
            self.model[u] = "sent"

    @rule()
    def crash_and_recover(self) -> None:
        self.db.close()
        self.db = DeviceDb(self.dir / "device.db", self.dir / "b", NOW)
        self.outbox = Outbox(self.db, self.clock)
        self.drafts = Drafts(self.db, self.clock)
        sending = self._with("sending")
        assert self.outbox.recover() == len(sending)
        for u in sending:
            self.model[u] = "queued"

    @precondition(lambda self: bool(self._with("rejected")))
    @rule(data=st.data())
    def requeue(self, data: st.DataObject) -> None:
        u = data.draw(st.sampled_from(self._with("rejected")))
        self.outbox.requeue_rejected(u)
        self.model[u] = "queued"

    @invariant()
    def consistent(self) -> None:
        counts = self.outbox.counts()
        assert set(counts) == set(STATUSES)
        assert counts == {s: list(self.model.values()).count(s) for s in STATUSES}
        items = self.outbox.items()
        assert [i.uuid for i in items] == self.order[::-1]
        assert {i.uuid: i.status for i in items} == self.model
        blobs = dict((r[0], r[1]) for r in self.db.query("SELECT uuid, sealed IS NULL FROM outbox"))
        assert all(bool(blobs[u]) == (s == "sent") for u, s in self.model.items())
        assert {d.id for d in self.drafts.list()} == self.draft_ids

    def teardown(self) -> None:
        self.db.close()
        shutil.rmtree(self.dir, ignore_errors=True)


OutboxMachine.TestCase.settings = settings(max_examples=25, stateful_step_count=25, deadline=None)
TestOutboxStates = OutboxMachine.TestCase
