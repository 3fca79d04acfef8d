"""Hostile answers and usage aggregates: any input is refused in words, never a traceback."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kompassen.reports import answers
from kompassen.reports.keys import generate_keys
from kompassen.reports.usage_format import UsageError, check, from_plain

KEYS = generate_keys()
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=6)
    ),
    max_leaves=30,
)
GOOD = {
    "format": 1,
    "area_id": "klara",
    "uuid": "0b8e6a3c-2f7e-4d0c-9a51-3f1d2c4b5a69",
    "state": "solved",
    "answer_sv": "Ny lösning",
    "answer_en": "",
    "guide_id": "g1",
    "answered_at": "2026-12-01T10:00:00+00:00",
}


@settings(max_examples=150, deadline=None)
@given(payload=st.text(max_size=300), signature=st.text(max_size=100))
def test_any_text_and_signature_is_refused_in_words(payload: str, signature: str) -> None:
    try:
        answers.verify(payload, signature, KEYS.signing_public)
    except answers.AnswerError as err:
        assert err.message("sv") and err.message("en")


@settings(max_examples=150, deadline=None)
@given(change=st.dictionaries(st.sampled_from(sorted(GOOD)), JSON, max_size=3))
def test_a_signed_but_malformed_answer_is_refused(change: dict[str, Any]) -> None:
    """Even with a true signature (a leaked key), a wrong shape never gets past check()."""
    data = {**GOOD, **change}
    text = json.dumps(data, ensure_ascii=False)
    sig = answers.sign(text, KEYS.signing_private)
    try:
        got = answers.verify(text, sig, KEYS.signing_public)
    except answers.AnswerError:
        return
    assert got.state in answers.ANSWER_STATES and got.uuid == data["uuid"]


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=400) | JSON.map(lambda v: json.dumps(v).encode()))
def test_any_opened_usage_is_checked_or_refused(raw: bytes) -> None:
    try:
        usage = from_plain(raw)
    except UsageError as err:
        assert err.message("sv")
        return
    check(usage.to_dict())  # what is accepted is well-formed
