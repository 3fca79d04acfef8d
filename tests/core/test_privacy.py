"""Tests for kompassen.core.privacy: what the guard flags, what it leaves alone, masking.

All personal data here is synthetic: personnummer are built with the Luhn helper on
made-up dates (121212-1212 is Skatteverket's published test number), phone numbers are
made up, names are generic.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kompassen.core.privacy import (
    CERTAINTIES,
    FINDING_LABELS,
    KINDS,
    POSSIBLE_LABELS,
    Finding,
    luhn_ok,
    mask,
    scan,
)

AREAS = Path(__file__).resolve().parents[2] / "data" / "areas"


def luhn_digit(nine: str) -> str:
    """The check digit that makes YYMMDDNNN + digit pass the Luhn check."""
    for d in "0123456789":
        if luhn_ok(nine + d):
            return d
    raise AssertionError("unreachable")


def pnr(yymmdd: str, serial: str = "123", century: str = "", sep: str = "-") -> str:
    """A synthetic personnummer that passes the checksum."""
    tail = serial + luhn_digit(yymmdd + serial)
    return f"{century}{yymmdd}{sep}{tail}"


def bad_pnr(yymmdd: str, serial: str = "123", sep: str = "-") -> str:
    """The same shape with a wrong check digit."""
    good = luhn_digit(yymmdd + serial)
    wrong = str((int(good) + 1) % 10)
    return f"{yymmdd}{sep}{serial}{wrong}"


FAKE_PNR = "121212-1212"  # Skatteverket's published test number


def test_luhn_helper_and_skatteverket_test_number() -> None:
    assert luhn_ok("1212121212")
    assert not luhn_ok("1212121213")
    assert pnr("121212", "121") == "121212-1212"


POSITIVE = [
    # personnummer and samordningsnummer, every written form
    ("personnummer", "född 121212-1212 enligt honom", "121212-1212"),
    ("personnummer", "pnr 19121212-1212", "19121212-1212"),
    ("personnummer", "191212121212 stod på lappen", "191212121212"),
    ("personnummer", "1212121212", "1212121212"),
    ("personnummer", "nr 121212+1212 (över 100 år)", "121212+1212"),
    ("personnummer", "har " + pnr("990101", "234") + " sa hon", pnr("990101", "234")),
    ("personnummer", pnr("040229", "456", century="20"), pnr("040229", "456", century="20")),
    ("personnummer", "id " + pnr("850709", "987", sep=" "), pnr("850709", "987", sep=" ")),
    ("personnummer", "samordn. " + pnr("121272", "345"), pnr("121272", "345")),
    ("personnummer", pnr("010101", "111", sep="–"), pnr("010101", "111", sep="–")),
    # phone numbers
    ("phone", "ring 070-123 45 67 ikväll", "070-123 45 67"),
    ("phone", "hans nummer 0701234567.", "0701234567"),
    ("phone", "nås på +46 70 123 45 67", "+46 70 123 45 67"),
    ("phone", "+46701234567", "+46701234567"),
    ("phone", "mammans 0046 70 123 45 67", "0046 70 123 45 67"),
    ("phone", "hem: 08-123 456 78", "08-123 456 78"),
    ("phone", "hem: 08-12345678", "08-12345678"),
    ("phone", "08-12 34 56", "08-12 34 56"),
    ("phone", "(08) 123 45 67", "(08) 123 45 67"),
    ("phone", "ring (08-123 45 67) imorgon", "08-123 45 67"),
    ("phone", "+46 (0)8 123 45 67", "+46 (0)8 123 45 67"),
    ("phone", "0739-123456", "0739-123456"),
    ("phone", "070 – 123 45 67", "070 – 123 45 67"),
    # e-mail
    ("email", "mejla anna.svensson@example.se imorgon", "anna.svensson@example.se"),
    ("email", "x+tag@sub.exempel.nu.", "x+tag@sub.exempel.nu"),
    ("email", "åsa.öberg@exempel.se", "åsa.öberg@exempel.se"),
    # full names
    ("name", "Anna Svensson sov vid entrén", "Anna Svensson"),
    ("name", "pratade med Mohammed Ali om boende", "Mohammed Ali"),
    ("name", "Karl-Erik Johansson", "Karl-Erik Johansson"),
    ("name", "hennes syster Lisa Andersson-Berg", "Lisa Andersson-Berg"),
    ("name", "Åsa Öberg och hunden", "Åsa Öberg"),
    ("name", "Örjan Ågren", "Örjan Ågren"),
    ("name", "José Pérez", "José Pérez"),
    ("name", "Fatima Hassan", "Fatima Hassan"),
    ("name", "Anna Maria Svensson", "Anna Maria Svensson"),
    ("name", "Anna von Sydow", "Anna von Sydow"),
    ("name", "Ahmed al-Hassan", "Ahmed al-Hassan"),
    ("name", "Yusuf Abdi Farah", "Yusuf Abdi"),
    ("name", "met Anna Svensson at the Central Station", "Anna Svensson"),
    ("name", "A\u030asa O\u0308berg", "A\u030asa O\u0308berg"),  # decomposed å/ö
]


@pytest.mark.parametrize(("kind", "text", "expected"), POSITIVE)
def test_flags(kind: str, text: str, expected: str) -> None:
    findings = scan(text)
    assert [(f.kind, f.text, f.certainty) for f in findings] == [(kind, expected, "likely")]
    f = findings[0]
    assert text[f.start : f.end] == expected


# A date, the personnummer's separator and four digits that fail the checksum: a reader still
# takes it for a personnummer (mistyped or misremembered), so it is flagged as "possible".
POSSIBLE = [
    ("han sa 20110304-1234 i går", "20110304-1234"),
    ("pnr " + bad_pnr("121212"), bad_pnr("121212")),
    (bad_pnr("850709", "987") + " enligt lappen", bad_pnr("850709", "987")),
    ("född " + bad_pnr("010101", "111", sep="–"), bad_pnr("010101", "111", sep="–")),
    ("nr " + bad_pnr("121212", sep="+"), bad_pnr("121212", sep="+")),
    ("samordn. " + bad_pnr("121272", "345"), bad_pnr("121272", "345")),
]


@pytest.mark.parametrize(("text", "expected"), POSSIBLE)
def test_flags_a_failed_checksum_date_as_a_possible_personnummer(text: str, expected: str) -> None:
    [f] = scan(text)
    assert (f.kind, f.text, f.certainty) == ("personnummer", expected, "possible")
    assert text[f.start : f.end] == expected
    assert "kan vara ett personnummer" in f.label("sv")
    assert "may be a personal identity number" in f.label("en")
    assert mask(text) == text.replace(expected, "[personnummer]")


def test_a_valid_personnummer_is_likely_and_labelled_plainly() -> None:
    [f] = scan(f"nr {FAKE_PNR}")
    assert f.certainty == "likely" and f.label("sv") == "personnummer"
    assert f.label("en") == "personal identity number"


NEGATIVE = [
    "Anna",
    "Johan sov på bänken",
    "Anna Maria",
    "Sergels torg",
    "T-Centralen",
    "Stadsmissionen",
    "Stockholms Stadsmission",
    "Ersta diakoni",
    "Mikaelsgården",
    "S:t Eriks sjukhus",
    "S:t Eriksplan",
    "Maria Magdalena kyrka",
    "Maria Magdalena församling",
    "Mariatorget",
    "Gustav Adolfs torg",
    "Adolf Fredriks kyrkogata",
    "Olof Palmes gata",
    "Birger Jarlsgatan",
    "Maria Ungdom",
    "Maria Ungdoms mottagning",
    "Mini Maria Stockholm",
    "Prima Maria",
    "S:ta Clara kyrka",
    "Klara kyrka",
    "Hedvig Eleonora kyrka",
    "Drottning Kristinas väg",
    "Per Albin Hanssons väg",
    "Rosa Bussen stod vid Plattan",
    "anna svensson",
    "ANNA SVENSSON",
    "Anna. Svensson kom sen",
    "Anna\nSvensson",
    "ring 112",
    "1177 Vårdguiden",
    "90101",
    "Bris 116 111",
    "öppet 08:00-16:00",
    "öppet 0800-1600",
    "kl 22:30",
    "2026-11-23",
    "23/11 2026",
    "05-01-2026",
    "år 2026",
    "Kvinnofridslinjen 020-50 50 50",
    "0771-22 00 60",
    "07012",
    "070123456789012",
    "ref 12345678901234",
    bad_pnr("850709", "987", sep=""),  # no separator: could be a number of another kind
    bad_pnr("850709", "987", sep=" "),
    "991332-1234",  # month 13
    "20111304-1234",  # month 13, wrong check digit too
    "20110132-1234",  # 32 January
    "990230-1234",  # 30 February
    "19121212+1212",  # "+" only in the 10-digit form
    "version 1.2.3",
    "a@b",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_does_not_flag(text: str) -> None:
    assert scan(text) == []


def test_failed_checksum_mobile_is_a_phone_not_a_personnummer() -> None:
    # 070123-4567 looks like a date (2007-01-23); with a wrong check digit it is a phone.
    number = bad_pnr("070123", "456", sep="")
    assert [(f.kind, f.text) for f in scan(number)] == [("phone", number)]


def test_several_kinds_sorted_and_masked_byte_identical_elsewhere() -> None:
    text = "Anna Svensson (121212-1212) ringde från 070-123 45 67, mejl a.s@exempel.se. Inget mer."
    found = scan(text)
    assert [f.kind for f in found] == ["name", "personnummer", "phone", "email"]
    assert mask(text) == "[namn] ([personnummer]) ringde från [telefon], mejl [e-post]. Inget mer."
    assert mask(text, found[:1]) == text.replace("Anna Svensson", "[namn]")
    assert mask("inget här") == "inget här"
    assert mask("") == "" and scan("") == []


def test_mask_refuses_stale_findings() -> None:
    found = scan("Anna Svensson")
    with pytest.raises(ValueError):
        mask("Anna Svenson!", found)
    with pytest.raises(ValueError):
        mask("Anna Svensson", [Finding("name", 0, 13, "Anna Svensson")] * 2)
    with pytest.raises(ValueError):
        mask("Anna Svensson", [Finding("secret", 0, 4, "Anna")])


def test_labels_cover_every_kind() -> None:
    assert set(FINDING_LABELS) == set(KINDS)
    for sv, en in FINDING_LABELS.values():
        assert sv and en
    assert set(POSSIBLE_LABELS) <= set(KINDS)
    for sv, en in POSSIBLE_LABELS.values():
        assert sv and en


def _strings(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, f"{path}[{i}]")
    elif isinstance(node, str):
        yield path, node


def _packs() -> list[Path]:
    packs = sorted(p for p in AREAS.iterdir() if (p / "services.json").is_file())
    assert any(p.name == "klara" for p in packs), "the Klara pack must ship"
    return packs


@pytest.mark.parametrize("pack", _packs(), ids=lambda p: p.name)
def test_no_shipped_service_place_or_organisation_name_is_flagged(pack: Path) -> None:
    """Workers write these names in reports all the time: flagging them would be noise."""
    names: list[tuple[str, str]] = []
    for file in ("services.json", "landmarks.json"):
        for path, s in _strings(json.loads((pack / file).read_text("utf-8"))):
            last = path.rsplit(".", 1)[-1]
            if last == "name" or last.startswith("aliases"):
                names.append((f"{file}{path}", s))
    assert len(names) > 40
    flagged = [(where, s, scan(s)) for where, s in names if scan(s)]
    assert flagged == []


@pytest.mark.parametrize("pack", _packs(), ids=lambda p: p.name)
def test_pack_texts_contain_no_full_name_or_personnummer(pack: Path) -> None:
    """Descriptions and guides may hold organisations' phone numbers, never people's names."""
    flagged = []
    for file in sorted(pack.glob("*.json")):
        for where, s in _strings(json.loads(file.read_text("utf-8"))):
            hits = [f for f in scan(s) if f.kind in ("name", "personnummer")]
            if hits:
                flagged.append((file.name, where, hits))
    assert flagged == []


# Fragments that make findings (and near misses) likely in generated text.
# fmt: off
_FRAGMENTS = st.sampled_from(
    [
        "Anna", "Svensson", "Maria", "Magdalena", "Mohammed", "Ali", "Karl-Erik", "von", "al-",
        "kyrka", "torg", "S:t", "Åsa", "O\u0308berg", "070", "08", "-", "+46", "0046", "(",
        ")", "(0)", "123", "45", "67", "1212", "121212", "19", "+", ":", ".", "@",
        "exempel.se", " ", " ", " ", "\n", "–", "'s", "a", "é", "0", "9", "112", "]",
        "_", "a@b.se", "0701234567", "121212-1212", "Ungdom", "Prima",
    ]
)
# fmt: on
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_FRAGMENTS, max_size=40).map("".join))


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_scan_is_total_bounded_sorted_and_mask_leaves_nothing(text: str) -> None:
    findings = scan(text)
    prev_end = 0
    for f in findings:
        assert f.kind in KINDS and f.certainty in CERTAINTIES
        assert prev_end <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        prev_end = f.end
    masked = mask(text, findings)
    assert scan(masked) == []
    assert mask(masked) == masked
    if not findings:
        assert masked == text


@pytest.mark.parametrize(
    "text",
    ["01000000–01000000", "01000000+461000000", "a@b.se+a@b.se", "Anna Svensson+46701234567"],
)
def test_masking_never_uncovers_a_new_finding(text: str) -> None:
    """Regressions found by hypothesis: a mask must not free a glued neighbour."""
    assert scan(mask(text)) == []
