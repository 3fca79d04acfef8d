"""Report validation: every problem told at once, in both languages; JSON round-trips."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kompassen.core.report import (
    KIND_LABELS,
    KINDS,
    MAX_TEXT,
    Report,
    ReportError,
    missing_fields,
)

GOOD = {
    "kind": "observation",
    "area_id": "klara",
    "occurred_at": "2026-11-23T22:10:00+01:00",
    "text": "Många sover i trapphuset i natt.",
}


def test_minimal_report_gets_defaults_and_round_trips_through_json() -> None:
    r = Report.from_dict(GOOD)
    assert r.needs == () and r.lang == "sv" and r.landmark_id is None
    d = r.to_dict()
    assert set(d) == {
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
    }
    assert Report.from_dict(json.loads(json.dumps(d))) == r


def test_every_kind_has_labels_in_both_languages() -> None:
    assert set(KIND_LABELS) == set(KINDS)
    assert all(sv and en and sv != en for sv, en in KIND_LABELS.values())
    for kind in KINDS:
        assert Report.from_dict({**GOOD, "kind": kind}).kind == kind


def test_all_problems_are_listed_in_one_message() -> None:
    bad = {
        "kind": "complaint",
        "area_id": "klara",
        "occurred_at": "2026-11-23 22:10",  # no offset
        "text": "x" * (MAX_TEXT + 1),
        "needs": ["need.food", 7],
        "surprise": True,
    }
    with pytest.raises(ReportError) as info:
        Report.from_dict(bad)
    err = info.value
    assert len(err.problems) == 5
    for sv_word, en_word in [
        ("surprise", "surprise"),
        ("complaint", "complaint"),
        ("tidszon", "UTC offset"),
        (str(MAX_TEXT + 1), str(MAX_TEXT + 1)),
        ("behoven ska vara koder", "needs must be codes"),
    ]:
        assert sv_word in err.sv
        assert en_word in err.en
    assert err.message("en").startswith("The report cannot be sent")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"kind": None}, "choose the kind"),
        ({"area_id": ""}, "area is missing"),
        ({"area_id": 3}, "area must be text"),
        ({"occurred_at": "2026-11-23T22:10:00"}, "UTC offset"),
        ({"occurred_at": "i kväll"}, "UTC offset"),
        ({"occurred_at": 1_700_000_000}, "UTC offset"),
        ({"text": ["list"]}, "text must be a string"),
        ({"needs": "need.food"}, "needs must be a list"),
        ({"groups": [None]}, "groups must be codes"),
        ({"landmark_id": 4}, "landmark must be an id"),
        ({"service_id": ""}, "service must be an id"),
        ({"place_text": None}, "place description must be text"),
        ({"lang": 1}, "language must be"),
    ],
)
def test_each_kind_of_problem(change: dict[str, object], words: str) -> None:
    with pytest.raises(ReportError) as info:
        Report.from_dict({**GOOD, **change})
    assert words in info.value.en


def test_nothing_written_is_refused_but_a_code_alone_is_enough() -> None:
    empty = {**GOOD, "text": "   "}
    with pytest.raises(ReportError, match="inget är ifyllt"):
        Report.from_dict(empty)
    assert Report.from_dict({**empty, "needs": ["need.food"]}).text == "   "
    assert Report.from_dict({**empty, "groups": ["group.youth"]})
    assert Report.from_dict({**empty, "service_id": "klara/stadsmissionen"})


def test_text_of_exactly_max_length_is_accepted() -> None:
    assert len(Report.from_dict({**GOOD, "text": "å" * MAX_TEXT}).text) == MAX_TEXT


def test_a_non_object_is_refused_in_words() -> None:
    with pytest.raises(ReportError, match="JSON-objekt"):
        Report.from_dict(["not", "a", "dict"])  # type: ignore[arg-type]


def test_direct_construction_validates_and_turns_lists_into_tuples() -> None:
    r = Report("solution", "klara", "2026-11-23T22:10:00Z", needs=["need.food"])  # type: ignore[arg-type]
    assert r.needs == ("need.food",)
    hash(r)
    with pytest.raises(ReportError):
        Report("solution", "klara", "tomorrow", text="x")


def test_missing_fields_guides_the_form() -> None:
    assert missing_fields(GOOD) == []
    problems = missing_fields({"area_id": "klara"})
    en = [e for _, e in problems]
    assert en == [
        "choose the kind of report",
        "the time is missing",
        "nothing is filled in: write a text or choose a need, group or service",
    ]
    assert all(sv and en for sv, en in problems)


codes = st.lists(st.text(min_size=1, max_size=20), max_size=4)


@given(
    kind=st.sampled_from(KINDS),
    text=st.text(max_size=300),
    needs=codes,
    groups=codes,
    landmark=st.none() | st.text(min_size=1, max_size=30),
    place=st.text(max_size=50),
    lang=st.sampled_from(["sv", "en"]),
)
def test_any_valid_report_round_trips(
    kind: str,
    text: str,
    needs: list[str],
    groups: list[str],
    landmark: str | None,
    place: str,
    lang: str,
) -> None:
    d = {
        **GOOD,
        "kind": kind,
        "text": text if text.strip() else "t",
        "needs": needs,
        "groups": groups,
        "landmark_id": landmark,
        "place_text": place,
        "lang": lang,
    }
    r = Report.from_dict(d)
    assert Report.from_dict(json.loads(json.dumps(r.to_dict(), ensure_ascii=False))) == r
    assert r.to_dict() == {**d, "service_id": None}
