"""The editing session: reversible edits of every kind, validation words, hours, fuzzing."""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompassen.compose import AppContext
from kompassen.core.hours import OpeningHours
from kompassen.office.editing import ABSENT, Edit, EditConflict, EditSession, hours_value


@pytest.fixture
def session(ctx: AppContext) -> EditSession:
    return EditSession.open(ctx, "klara")


def _docs(s: EditSession) -> str:
    return json.dumps(s.documents(), sort_keys=True, ensure_ascii=False)


def _a_service_with_phone(s: EditSession) -> str:
    return next(
        r.record_id
        for r in s.records("services")
        if s.record("services", r.record_id).get("phones")
    )


def test_records_of_every_kind_have_ids_and_names(session: EditSession) -> None:
    kinds = session.kinds()
    assert {"services", "organizations", "locations", "landmarks", "guides", "notices"} <= set(
        kinds
    )
    for kind in ("services", "organizations", "locations", "landmarks", "guides", "notices"):
        refs = session.records(kind)
        assert refs, kind
        assert all(r.record_id and r.name("sv") and r.name("en") for r in refs)
    (area,) = session.records("area")
    assert area.record_id == "klara" and area.name_sv == "Klarakompassen"
    guide = session.records("guides")[0]
    assert guide.name_sv != guide.name_en  # a guide's title is a text in both languages


def _apply_every_kind_of_edit(s: EditSession) -> list[str]:
    """One edit of each shape on each record kind the pack has, each made on the documents
    as the previous ones left them (as a form makes them); the documents after each."""
    svc = _a_service_with_phone(s)
    rec = copy.deepcopy(s.record("services", svc))
    org = s.records("organizations")[0].record_id
    loc = s.records("locations")[1].record_id
    lm = s.records("landmarks")[0].record_id
    guide = s.records("guides")[0].record_id
    notice = s.records("notices")[0].record_id
    need = s.records("needs")[0].record_id
    new_svc = copy.deepcopy(rec)
    new_svc["key"] = "ny-tjanst"
    makers = [
        lambda: s.edit("services", svc, "/name", "Ett nytt namn"),
        lambda: s.edit("services", svc, "/phones/0/number", "08-123 45 67"),
        lambda: s.edit("services", svc, "/url", ABSENT if "url" in rec else "https://example.se"),
        lambda: s.list_insert_edit(
            "services", svc, "/phones", {"number": "112", "kind": "emergency"}, index=0
        ),
        lambda: s.list_remove_edit("services", svc, "/phones", 1),
        lambda: s.edit("organizations", org, "/name", "Org"),
        lambda: s.edit("locations", loc, "/name", "Plats"),
        lambda: s.edit("landmarks", lm, "/lat", 59.0),
        lambda: s.edit("guides", guide, "/title/en", "A title"),
        lambda: s.edit("notices", notice, "/expires", "2028-01-01"),
        lambda: s.edit("needs", need, "/sv", "Trygghet"),
        lambda: s.edit("area", "klara", "/title", "Klara"),
        lambda: s.add_record_edit("groups", {"code": "klara.group.ny", "sv": "Ny", "en": "New"}),
        lambda: s.remove_record_edit("notices", notice),
        lambda: s.remove_record_edit("landmarks", lm),
        lambda: s.add_record_edit("services", new_svc, index=0),
        lambda: s.edit("organizations", org, "/key", "ny-org"),
        lambda: s.mark_checked("services", svc, "Anna", date(2026, 11, 23)),
    ]
    states = []
    for make in makers:
        e = make()
        if not (s.edits and s.edits[-1] is e):  # mark_checked applies its edit itself
            s.apply(e)
        states.append(_docs(s))
    return states


def test_every_edit_kind_undoes_and_redoes_exactly(session: EditSession) -> None:
    original = _docs(session)
    states = _apply_every_kind_of_edit(session)
    edits = list(session.edits)
    assert session.dirty and len(edits) == len(states)
    assert session.has("organizations", "ny-org") and not session.has("organizations", "x")
    assert session.has("groups", "klara.group.ny")
    for i in range(len(edits) - 1, -1, -1):  # undo all, as a QUndoStack does
        assert _docs(session) == states[i]
        session.revert(edits[i])
    assert _docs(session) == original and not session.dirty
    for i, e in enumerate(edits):  # and redo all
        session.apply(e)
        assert _docs(session) == states[i]


def test_an_edit_that_does_not_fit_changes_nothing(session: EditSession) -> None:
    svc = session.records("services")[0].record_id
    before = _docs(session)
    with pytest.raises(EditConflict):
        session.apply(Edit("services", svc, "/name", "not the current name", "x"))
    with pytest.raises(EditConflict):
        session.apply(Edit("services", "no-such-service", "/name", "a", "b"))
    with pytest.raises(EditConflict):
        session.apply(Edit("services", svc, "/hours/missing/deep", ABSENT, 1))
    assert _docs(session) == before and not session.dirty


def test_set_skips_a_change_to_the_same_value(session: EditSession) -> None:
    svc = session.records("services")[0].record_id
    assert session.set("services", svc, "/name", session.value("services", svc, "/name")) is None
    assert not session.dirty


def test_validation_words_for_a_bad_phone_bad_hours_and_a_missing_name(
    session: EditSession,
) -> None:
    svc = _a_service_with_phone(session)
    assert session.problems() == []
    session.set("services", svc, "/phones/0/number", "ring oss")
    (p,) = session.problems("services", svc)
    assert (p.kind, p.record_id, p.path) == ("services", svc, "/phones/0/number")
    assert "ring oss" in p.sv and "ring oss" in p.en
    session.revert(session.edits[-1])
    assert session.problems("services", svc) == []

    session.set(
        "services",
        svc,
        "/hours",
        {"weekly": [{"days": ["mon"], "opens": "25:00", "closes": "18:00"}]},
    )
    (p,) = session.problems("services", svc)
    assert p.path == "/hours/weekly/0/opens" and "25:00" in p.sv
    session.set(
        "services",
        svc,
        "/hours",
        {"weekly": [{"days": ["mon"], "opens": "09:00", "closes": "09:00"}]},
    )
    (p,) = session.problems("services", svc)
    assert p.path == "/hours/weekly/0" and "samma tid" in p.sv and "same time" in p.en
    session.revert(session.edits[-1])
    session.revert(session.edits[-1])

    org = session.records("organizations")[0].record_id
    session.set("organizations", org, "/name", ABSENT)
    (p,) = session.problems("organizations", org)
    assert p.path == "" and "name" in p.sv and "name" in p.en
    assert session.problems("services") == []
    assert session.problems() == [p]


def test_a_whole_hours_object_round_trips_and_validates(session: EditSession) -> None:
    svc = next(
        r.record_id
        for r in session.records("services")
        if (session.record("services", r.record_id).get("hours") or {}).get("weekly")
    )
    old = session.value("services", svc, "/hours")
    hours = OpeningHours.from_dict(
        {
            "weekly": [
                {"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "22:00", "closes": "06:00"},
                {"days": ["sat"], "opens": "10:00", "closes": "24:00"},
            ],
            "holidays": "closed",
            "holiday_eves": "as-saturday",
            "exceptions": [{"date": "2026-12-24", "closed": True, "note": "Julafton"}],
        }
    )
    value = hours_value(old, hours)
    e = session.set("services", svc, "/hours", value)
    assert e is not None
    assert session.problems("services", svc) == []
    stored = session.value("services", svc, "/hours")
    assert OpeningHours.from_dict(stored) == hours  # the app reads back what was edited
    if "source" in old:
        assert stored["source"] == old["source"]  # the hours' source is kept
    session.revert(e)
    assert session.value("services", svc, "/hours") == old


def _fuzz_edit(s: EditSession, data: st.DataObject) -> Edit | None:
    kind = data.draw(st.sampled_from(["services", "organizations", "locations", "landmarks"]))
    refs = s.records(kind)
    ref = data.draw(st.sampled_from(refs))
    rec = s.record(kind, ref.record_id)
    what = data.draw(st.sampled_from(["set", "remove-field", "add", "remove", "list"]))
    text = st.text(min_size=0, max_size=12)
    if what == "set":
        field = data.draw(st.sampled_from(sorted(k for k in rec if k != "key")))
        value: Any = data.draw(st.one_of(text, st.integers(-5, 5), st.none(), st.booleans()))
        return s.edit(kind, ref.record_id, f"/{field}", value)
    if what == "remove-field":
        field = data.draw(st.sampled_from(sorted(k for k in rec if k != "key")))
        return s.edit(kind, ref.record_id, f"/{field}", ABSENT)
    if what == "add":
        key = data.draw(st.from_regex(r"\Afuzz-[a-z]{1,6}\Z"))
        if s.has(kind, key):
            return None
        new = copy.deepcopy(rec)
        new["key"] = key
        return s.add_record_edit(kind, new, index=data.draw(st.integers(0, len(refs))))
    if what == "remove":
        return s.remove_record_edit(kind, ref.record_id)
    lists = sorted(k for k, v in rec.items() if isinstance(v, list))
    if not lists:
        return None
    name = data.draw(st.sampled_from(lists))
    items = rec[name]
    if items and data.draw(st.booleans()):
        return s.list_remove_edit(
            kind, ref.record_id, f"/{name}", data.draw(st.integers(0, len(items) - 1))
        )
    return s.list_insert_edit(
        kind, ref.record_id, f"/{name}", data.draw(text), data.draw(st.integers(0, len(items)))
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_fuzz_random_edit_sequences_then_undo_all_is_the_original(
    session: EditSession, data: st.DataObject
) -> None:
    session.discard()
    original = _docs(session)
    applied = []
    for _ in range(data.draw(st.integers(1, 12))):
        e = _fuzz_edit(session, data)
        if e is None:
            continue
        session.apply(e)
        applied.append(e)
        session.problems()  # validation never raises, whatever the edits made
    for e in reversed(applied):
        session.revert(e)
    assert _docs(session) == original
    assert not session.dirty


def test_validation_is_fast_enough_for_every_keystroke(session: EditSession) -> None:
    svc = session.records("services")[0].record_id
    name = session.value("services", svc, "/name")
    times = []
    for i in range(20):
        session.set("services", svc, "/name", name + "x" * (i + 1))
        t = time.perf_counter()
        session.problems("services", svc)
        times.append(time.perf_counter() - t)
    times.sort()
    assert times[len(times) // 2] < 0.05, times  # measured ~5 ms on Klara


@pytest.fixture(scope="module")
def big_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EditSession]:
    """A synthetic area just above the size where only what changed is validated."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from kompassen.catalogue.store.store import CatalogueStore
    from kompassen.core.clock import FixedClock
    from kompassen.office.editing.validation import FULL_VALIDATION_MAX
    from kompassen.testing.synthetic import generate_pack

    d = tmp_path_factory.mktemp("big")
    clock = FixedClock(datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Europe/Stockholm")))
    store = CatalogueStore(d / "catalogue.db", d / "backups", clock).open()
    pack = generate_pack(FULL_VALIDATION_MAX + 100, seed=3)
    store.install(pack)
    yield EditSession.open(store, pack.area_id)
    store.close()


def _as_set(problems: list[Any]) -> set[tuple[str, str, str, str]]:
    return {(p.kind, p.record_id, p.path, p.sv) for p in problems}


def test_a_big_area_validates_only_what_changed_and_finds_the_same(
    big_session: EditSession,
) -> None:
    s = big_session
    s.discard()
    services = s.records("services")
    a, b = services[10].record_id, services[20].record_id
    org = s.record("services", a)["organization"]
    dependants = {
        r.record_id for r in services if s.record("services", r.record_id)["organization"] == org
    }
    s.set("services", a, "/phones", [{"number": "nej", "kind": "other"}])
    # (schema problems hide reference problems in the validator: one layer at a time)
    quick = s.problems()
    assert _as_set(quick) == _as_set(s._validate(full=True))
    assert [p.record_id for p in quick] == [a]
    s.discard()
    s.set("services", b, "/key", services[30].record_id)  # a key another service has
    s.set("organizations", org, "/key", "bytt-namn")  # its services now point at nothing
    t = time.perf_counter()
    quick = s.problems()
    secs = time.perf_counter() - t
    assert _as_set(quick) == _as_set(s._validate(full=True))
    assert {p.record_id for p in quick if p.kind == "services"} >= dependants | {
        services[30].record_id
    }
    assert secs < 0.5, secs
    s.discard()
    assert s.problems() == []


def test_a_form_value_is_stored_as_json_has_it(session: EditSession) -> None:
    svc = session.records("services")[0].record_id
    e = session.set("services", svc, "/groups", ("group.adult",))
    assert e is not None and e.new == ["group.adult"]
    assert session.value("services", svc, "/groups") == ["group.adult"]
    assert Edit.from_json(json.loads(json.dumps(e.as_json()))) == e


def test_an_edit_inside_a_missing_object_makes_it_and_undo_removes_it(
    session: EditSession,
) -> None:
    guide = session.records("guides")[0].record_id
    before = _docs(session)
    n = len(session.value("guides", guide, "/steps"))
    session.apply(session.list_insert_edit("guides", guide, "/steps", {"text": {"sv": "Ring"}}))
    e = session.edit("guides", guide, f"/steps/{n}/when/from", "16:30")
    assert (e.path, e.old, e.new) == (f"/steps/{n}/when", ABSENT, {"from": "16:30"})
    session.apply(e)
    session.set("guides", guide, f"/steps/{n}/when/to", "24:00")
    assert session.value("guides", guide, f"/steps/{n}/when") == {"from": "16:30", "to": "24:00"}
    assert session.set("guides", guide, f"/steps/{n}/nope/deeper", ABSENT) is None
    svc = session.records("services")[0].record_id
    if session.value("services", svc, "/hours") is ABSENT:
        e = session.edit("services", svc, "/hours/weekly/0/opens", "09:00")
        assert e.new == {"weekly": [{"opens": "09:00"}]}
    for e in reversed(list(session.edits)):
        session.revert(e)
    assert _docs(session) == before
