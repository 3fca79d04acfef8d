"""guide_prefill: a report becomes a guide draft the pack validator accepts."""

from __future__ import annotations

import copy
from pathlib import Path

from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.pack.validate import read_pack_dir, validate
from kompassen.office.inbox.model import InboxReport
from kompassen.office.inbox.solution import guide_prefill, time_window

KLARA = Path(__file__).resolve().parents[3] / "data" / "areas" / "klara"


def report(**kw: object) -> InboxReport:
    base: dict[str, object] = {
        "submission_id": 7,
        "area_id": "klara",
        "kind": "unsolved",
        "created_at": "2026-11-23T22:15:00Z",
        "received_at": "2026-11-23T22:16:00Z",
        "occurred_at": "2026-11-23T23:40:00+01:00",
        "text": "Ung kvinna utan sovplats efter att härbärget stängt. Hon har ingen telefon och "
        "vill inte ringa socialjouren själv.",
        "place_text": "Vid fontänen",
        "needs": ("need.youth-at-risk",),
        "groups": ("group.youth",),
    }
    base.update(kw)
    return InboxReport(**base)  # type: ignore[arg-type]


def test_prefill_from_a_night_report_validates_as_a_guide() -> None:
    pack = read_pack_dir(KLARA)
    taken = {g["key"] for g in pack.documents["guides.json"]["guides"]}
    g = guide_prefill(report(), taken=taken)
    assert g["title"] == {"sv": "Ung kvinna utan sovplats efter att härbärget stängt"}
    assert len(g["title"]["sv"]) <= 60
    assert g["problem"]["sv"].startswith("Ung kvinna utan sovplats")
    assert "Plats: Vid fontänen." in g["problem"]["sv"]
    assert g["needs"] == ["need.youth-at-risk"] and g["groups"] == ["group.youth"]
    assert g["steps"][0]["when"] == {"from": "22:00", "to": "06:00"}
    assert g["key"] == "ung-kvinna-utan-sovplats-efter-att-harbarget-stangt"

    docs = copy.deepcopy(pack.documents)
    docs["guides.json"]["guides"].append(g)
    problems = [p for p in validate(PackData(docs)) if p.file == "guides.json"]
    assert problems == [], problems


def test_long_text_is_cut_at_a_word_and_day_reports_have_no_window() -> None:
    g = guide_prefill(
        report(
            text="Ett mycket långt stycke text utan punkt som fortsätter och fortsätter om en "
            "person som behöver hjälp",
            occurred_at="2026-11-23T11:00:00+01:00",
            place_text="",
        )
    )
    assert len(g["title"]["sv"]) <= 60 and not g["title"]["sv"].endswith(" ")
    assert "fortsätter" in g["title"]["sv"]
    assert "when" not in g["steps"][0]
    assert "Plats" not in g["problem"]["sv"]
    assert guide_prefill(report(), taken={g2 := guide_prefill(report())["key"]})["key"] == (
        g2 + "-2"
    )


def test_windows() -> None:
    assert time_window("2026-11-23T05:59:00+01:00")[:2] == ("22:00", "06:00")  # type: ignore[index]
    assert time_window("2026-11-23T06:00:00+01:00") is None
    assert time_window("2026-11-23T18:00:00+01:00")[:2] == ("16:30", "22:00")  # type: ignore[index]
    assert time_window("garbage") is None


def test_empty_text_gets_a_title_from_the_kind() -> None:
    g = guide_prefill(report(text="", place_text="", needs=(), groups=()))
    assert g["title"]["sv"] == "Olöst problem" and g["problem"]["sv"] == "Olöst problem"
