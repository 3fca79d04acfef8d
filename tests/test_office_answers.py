"""The office's fetch trusts no row of the server's list: a bad row is an error in words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kompassen.cli.office import _checked_item
from kompassen.core.errors import KompassenError

GOOD = {"id": 7, "sealed": "QUJD", "uuid": "x"}


def test_a_well_formed_row_is_taken() -> None:
    assert _checked_item(dict(GOOD)) == GOOD


@pytest.mark.parametrize(
    "row",
    [
        None,
        [],
        "7",
        {},
        {"id": "7", "sealed": "QUJD"},
        {"id": True, "sealed": "QUJD"},
        {"id": -1, "sealed": "QUJD"},
        {"id": 7.0, "sealed": "QUJD"},
        {"id": 7},
        {"id": 7, "sealed": None},
        {"id": 7, "sealed": ["QUJD"]},
    ],
)
def test_a_bad_row_is_refused_in_words(row: object) -> None:
    with pytest.raises(KompassenError) as info:
        _checked_item(row)
    assert "konstigt" in info.value.message("sv") and "strange" in info.value.message("en")


@settings(max_examples=200, derandomize=True)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(), lambda c: st.lists(c) | st.dictionaries(st.text(), c), max_leaves=8))
def test_any_json_row_is_taken_or_refused_never_a_traceback(row: object) -> None:
    try:
        item = _checked_item(row)
    except KompassenError:
        return
    assert isinstance(item["id"], int) and isinstance(item["sealed"], str)
