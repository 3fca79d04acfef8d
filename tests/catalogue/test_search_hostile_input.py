"""Long and hostile search input (issue #14): any text up to 10,000 characters answers in
under 50 ms at 10k services, and normal queries are not changed by the bounds.

Before the bounds a 10,000-character query took 1.1-15 s here: every repeated word became its
own OR group (1,111 identical groups in one MATCH) and every unknown word its own typo search.

Timing: each input is searched three times and the median is compared with the issue's 50 ms
(the slowest input measured ~10 ms on a 2-core machine, so CI noise has a 5x margin; no extra
slack is added). The 10k-service catalogue is built once for the module (~5-7 s).
"""

from __future__ import annotations

import random
import statistics
import string
import time
import unicodedata
from collections.abc import Iterator
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompassen.catalogue.search.analyzer import MAX_WORD
from kompassen.catalogue.search.model import SearchQuery, SearchResult
from kompassen.catalogue.search.service import SearchService
from kompassen.catalogue.search.text import (
    MAX_CHARS,
    MAX_TERMS,
    MAX_TYPO,
    analyse_text,
    query_words,
)
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.cli.search import ECHO_CHARS, ECHO_WORDS, _human
from kompassen.core.clock import STOCKHOLM, FixedClock
from kompassen.testing.synthetic import generate_pack

NOW = datetime(2026, 11, 23, 21, 30, tzinfo=STOCKHOLM)  # a Monday evening
N = 10_000
AREA = f"synthetic-{N}"
BUDGET_MS = 50.0
LONG = 10_000


@pytest.fixture(scope="module")
def ss(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchService]:
    tmp = tmp_path_factory.mktemp("hostile")
    store = CatalogueStore(tmp / "catalogue.db", tmp / "backups", FixedClock(NOW)).open()
    store.install(generate_pack(N, seed=1))
    service = SearchService(store.conn, store.clock)
    service.search(SearchQuery(AREA, text="härbärge"))  # builds the index, warms the caches
    yield service
    store.close()


def timed_search(ss: SearchService, text: str, **kw: object) -> tuple[SearchResult, float]:
    """The result and the median of three runs, in ms."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        r = ss.search(SearchQuery(AREA, text=text, **kw))  # type: ignore[arg-type]
        times.append((time.perf_counter() - started) * 1000)
    return r, statistics.median(times)


def check(r: SearchResult) -> None:
    """What every answer keeps, however hostile the text."""
    assert 0 <= r.total <= N and len(r.hits) <= 20
    assert len(r.ignored_words) <= MAX_TERMS
    for w in (*r.ignored_words, *(c.words for c in r.recognized)):
        w.encode("utf-8")  # no lone surrogate echoed back
        assert w and w == w.strip()


def _hostile() -> dict[str, str]:
    rng = random.Random(14)
    letters = string.ascii_lowercase + "åäöéü"

    def rand_word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(3, 10)))

    def fill(unit: str) -> str:
        return (unit * (LONG // len(unit) + 1))[:LONG]

    return {
        "10k repeated word": fill("härbärge "),
        "10k repeated phrase": fill("sova ute "),
        "10k repeated typo": fill("harbarje "),
        "10k distinct random words": " ".join(rand_word() for _ in range(LONG // 4))[:LONG],
        "10k distinct words, no spaces": "-".join(rand_word() for _ in range(LONG // 4))[:LONG],
        "one 10k word": "a" * LONG,
        "one 10k word of ä": "ä" * LONG,
        "10k decomposed": unicodedata.normalize("NFD", fill("härbärge åtta öl ")),
        "10k full-width": fill("ｈäｒｂäｒｇｅ "),
        "10k zero-width inside words": fill("här\u200bbärge sova\u2060ute "),
        "10k zero-width": "\u200b" * LONG,
        "10k combining marks": "a" + "\u0308\u0301" * (LONG // 2),
        "10k NFKC expansions": "\ufdfa" * LONG,  # each is 18 characters in NFKC
        "10k punctuation": fill("!?.,;:-()[]{}<>/\\|@#$%&=+~`'"),
        "10k quotes": fill("\"'”“„‘’«»"),
        "10k FTS5 syntax": fill('NEAR( " * ^ AND OR NOT name : {name org} - + ( ) '),
        "10k FTS5 words": fill("near and or not match "),
        "10k control characters": "".join(chr(rng.randrange(32)) for _ in range(LONG)),
        "10k lone surrogates": "".join(chr(rng.randrange(0xD800, 0xE000)) for _ in range(LONG)),
        "10k emoji": fill("🙂👩‍👩‍👧🏳️‍🌈"),
        "10k digits": fill("15 1177 112 0000 "),
        "10k ages": fill("15 år tjej 16-åring "),
        "10k mixed scripts": fill("härbärge приют مأوى 庇护所 आश्रय "),
        "10k private use": "".join(chr(rng.randrange(0xE000, 0xF900)) for _ in range(LONG)),
    }


HOSTILE = _hostile()


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("partial", [False, True], ids=["whole", "typing"])
def test_hostile_input_answers_in_time(ss: SearchService, name: str, partial: bool) -> None:
    text = HOSTILE[name] if partial else HOSTILE[name] + " "
    r, ms = timed_search(ss, text)
    check(r)
    assert ms < BUDGET_MS, f"{name}: {ms:.1f} ms"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(min_size=LONG // 2, max_size=LONG) | st.text(max_size=200))
def test_any_string_up_to_10k_characters_answers_in_time(ss: SearchService, text: str) -> None:
    r, ms = timed_search(ss, text[:LONG])
    check(r)
    assert ms < BUDGET_MS, f"{ms:.1f} ms for {text[:80]!r}…"


KNOWN = ("härbärge", "sova", "ute", "tjej", "15", "mat", "sprutbyte", "natt", "ungdom", "år")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 2**32), known=st.floats(0, 1), chars=st.integers(LONG // 2, LONG))
def test_any_list_of_words_up_to_10k_characters_answers_in_time(
    ss: SearchService, seed: int, known: float, chars: int
) -> None:
    """Known words, typos and junk in any mix (drawn from a seed: hypothesis is slow at
    generating 2,000-word lists itself), with a chip and "tonight"."""
    rng = random.Random(seed)
    ws: list[str] = []
    while sum(map(len, ws)) + len(ws) < chars:
        w = rng.choice(KNOWN)
        if rng.random() > known:  # a typo of it, or junk
            w = w[:-1] + rng.choice("aeiouåäö") if rng.random() < 0.5 else rng.choice(KNOWN) + w
        ws.append(w)
    r, ms = timed_search(
        ss, " ".join(ws)[:chars], needs=("need.shelter-tonight",), time_mode="tonight"
    )
    check(r)
    assert ms < BUDGET_MS, f"{ms:.1f} ms for seed {seed}"


def test_a_repeated_word_is_searched_once(ss: SearchService) -> None:
    """1,111 "härbärge" are one OR group, and the answer is that of one "härbärge"."""
    idx, analyzer = ss.index(AREA), ss._analyzer
    once = analyse_text(idx, analyzer, "härbärge sova ute ", "sv")
    many = analyse_text(idx, analyzer, "härbärge sova ute " * 300, "sv")
    assert many.fts == once.fts and many.guide_fts == once.guide_fts
    assert many.words == once.words and many.soft == once.soft
    one = ss.search(SearchQuery(AREA, text="härbärge sova ute "))
    assert ss.search(SearchQuery(AREA, text="härbärge sova ute " * 300)).ids == one.ids


def test_distinct_words_and_typo_lookups_are_capped(ss: SearchService) -> None:
    idx, analyzer = ss.index(AREA), ss._analyzer
    rng = random.Random(1)
    junk = [
        "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(7)) + str(i) for i in range(500)
    ]
    text = analyse_text(idx, analyzer, " ".join(junk) + " ", "sv")
    assert len(text.words) == MAX_TERMS and text.words == junk[:MAX_TERMS]
    assert text.fts.count("(") <= MAX_TYPO  # only the words looked up as typos could match
    assert text.ignored == [w for w in junk[:MAX_TERMS] if f'"{w}' not in text.fts]


def test_the_bounds_do_not_change_a_normal_query(ss: SearchService) -> None:
    """The first words of a long text are searched as they would be alone."""
    head = "tjej 15 sover ute härbärge natt "
    alone = analyse_text(ss.index(AREA), ss._analyzer, head, "sv")
    padded = analyse_text(ss.index(AREA), ss._analyzer, head + "sova " * 2000, "sv")
    assert padded.fts == alone.fts or padded.fts.startswith(alone.fts + " OR ")
    assert padded.soft[: len(alone.soft)] == alone.soft


def test_cli_echoes_a_few_unknown_words_cut_short(ss: SearchService) -> None:
    long_word = "x" * 100  # (longer words are cut to MAX_WORD before they are searched)
    r = ss.search(SearchQuery(AREA, text=long_word + " " + " ".join(f"zq{i}zq" for i in range(40))))
    line = next(x for x in _human(r, "sv").splitlines() if x.startswith("Okända ord: "))
    shown = line.removeprefix("Okända ord: ").split(", ")
    assert len(shown) == ECHO_WORDS + 1 and shown[-1] == f"och {len(r.ignored_words) - 8} till"
    assert shown[0] == "x" * (ECHO_CHARS - 1) + "…"
    assert all(len(w) <= ECHO_CHARS for w in shown)
    english = _human(r, "en").splitlines()[-1]
    assert english.startswith("Unknown words: ") and english.endswith(" more")


def test_long_text_is_cut_at_a_word_boundary() -> None:
    """The word the MAX_CHARS cut goes through is dropped, a whole word before it kept; a cut
    text's last word is not "being typed" (no prefix search for it)."""
    pad = "x" * (MAX_CHARS - 5)
    assert query_words(pad + " sova ute") == (["x" * MAX_WORD, "sova"], False)
    assert query_words(pad + "x sova ute") == (["x" * MAX_WORD], False)
    assert query_words("härbärge " * 300 + "sov") == (["härbärge"] * (MAX_CHARS // 9), False)
    assert query_words("härb") == (["härb"], True)
    assert query_words("härb\u200b") == (["härb"], True)
    assert query_words("härb\u00a0") == (["härb"], False)
