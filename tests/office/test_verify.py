"""Verification as a workflow: "Kontrollerad idag" clears the stale finding after save;
who checked is in the history; a contact note per organisation for the next check."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kompassen.catalogue.check.freshness import check_area
from kompassen.compose import AppContext
from kompassen.core.clock import FixedClock
from kompassen.office.editing import EditSession

LATER = FixedClock(datetime(2031, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Stockholm")))


def _stale(ctx: AppContext, rtype: str) -> set[str]:
    worklist = check_area(ctx.catalogue.conn, "klara", LATER)
    return {
        f.record
        for f in worklist.findings
        if f.record_type == rtype and f.field == "verified_at" and f.kind == "stale"
    }


@pytest.mark.parametrize(
    ("kind", "rtype"), [("services", "service"), ("organizations", "organization")]
)
def test_mark_checked_clears_the_stale_finding_after_save(
    ctx: AppContext, kind: str, rtype: str
) -> None:
    stale = _stale(ctx, rtype)
    assert stale  # five years on, every date in the pack is too old
    key = sorted(stale)[0]
    s = EditSession.open(ctx, "klara")
    e = s.mark_checked(kind, key, "Cecilia", LATER.now().date())
    assert s.value(kind, key, "/verified_at") == "2031-03-02" and e.checked_by == "Cecilia"
    assert key in _stale(ctx, rtype)  # not yet saved: the catalogue still says stale
    s.save("Anna", LATER.now())
    after = _stale(ctx, rtype)
    assert key not in after and after == stale - {key}
    check = s.last_checked(kind, key)
    assert check is not None and (check.updated_by, check.replacement) == ("Cecilia", "2031-03-02")


def test_mark_checked_is_an_undoable_edit(ctx: AppContext) -> None:
    s = EditSession.open(ctx, "klara")
    svc = s.records("services")[0].record_id
    before = s.value("services", svc, "/verified_at")
    e = s.mark_checked("services", svc, "Cecilia", LATER.now().date())
    s.revert(e)
    assert s.value("services", svc, "/verified_at") == before and not s.dirty
    with pytest.raises(ValueError, match="verified_at"):
        s.mark_checked("landmarks", s.records("landmarks")[0].record_id, "C", LATER.now().date())


def test_checking_the_same_day_twice_is_still_recorded(ctx: AppContext) -> None:
    s = EditSession.open(ctx, "klara")
    svc = s.records("services")[0].record_id
    s.mark_checked("services", svc, "Cecilia", LATER.now().date())
    s.save("Anna", LATER.now())
    s.mark_checked("services", svc, "David", LATER.now().date())  # same value: still a check
    s.save("Anna", LATER.now())
    checks = [r for r in s.history("services", svc) if r.action == "verify"]
    assert [r.updated_by for r in checks] == ["Cecilia", "David"]


def test_contact_notes_are_undoable_and_kept_office_side(ctx: AppContext) -> None:
    s = EditSession.open(ctx, "klara")
    org = s.records("organizations")[0].record_id
    assert s.contact_note(org) == ""
    e1 = s.set_contact_note(org, "Fråga efter Karin")
    e2 = s.set_contact_note(org, "Fråga efter Karin, tisdagar")
    assert (
        e1 is not None and e2 is not None and s.set_contact_note(org, s.contact_note(org)) is None
    )
    s.revert(e2)
    assert s.contact_note(org) == "Fråga efter Karin"
    s.apply(e2)
    s.save("Anna", LATER.now())
    assert "contact_note" not in str(ctx.catalogue.release_docs("klara"))  # not in the pack
    again = EditSession.open(ctx, "klara")
    assert again.contact_note(org) == "Fråga efter Karin, tisdagar"
    again.set_contact_note(org, "")
    again.save("Anna", LATER.now())
    assert EditSession.open(ctx, "klara").contact_note(org) == ""
    with pytest.raises(KeyError):
        again.set_contact_note("no-such-organisation", "x")
