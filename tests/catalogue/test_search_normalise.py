"""Search input normalisation (issue #14): the same letters find the same services, however
a keyboard or a paste encoded them (decomposed "ä", full-width letters, zero-width characters).

Index and query go through one function, :func:`~kompassen.catalogue.search.analyzer.normalise`;
the property tests search the shipped Klara pack with NFC, NFD and NFKC forms of random text
and with zero-width characters inserted, and compare the whole results.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.search.analyzer import Analyzer, fold, normalise, words
from kompassen.catalogue.search.fts import index_area
from kompassen.catalogue.search.model import SearchQuery, SearchResult
from kompassen.catalogue.search.service import SearchService
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.clock import STOCKHOLM, FixedClock
from kompassen.device.paths import bundled_areas_dir
from minipack import mini_documents

SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 30, tzinfo=STOCKHOLM)
# Format characters a paste or an on-screen keyboard leaves in text: zero-width space, joiner
# and non-joiner, word joiner, byte order mark, soft hyphen, left-to-right mark.
INVISIBLE = ("\u200b", "\u200d", "\u200c", "\u2060", "\ufeff", "\u00ad", "\u200e")
ODD_SPACES = ("\u00a0", "\u2009", "\u202f", "\u3000", "\u2028", "\t", "\n")


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CatalogueStore]:
    tmp = tmp_path_factory.mktemp("normalise")
    store = CatalogueStore(tmp / "catalogue.db", tmp / "backups", FixedClock(SATURDAY_NIGHT)).open()
    store.install_bundled(bundled_areas_dir())
    yield store
    store.close()


@pytest.fixture(scope="module")
def ss(cat: CatalogueStore) -> SearchService:
    return SearchService(cat.conn, cat.clock)


def answer(r: SearchResult) -> tuple[object, ...]:
    """Everything a result says except the query itself."""
    return (
        r.total,
        [h.id for h in r.hits],
        [h.matched_words for h in r.hits],
        [g.id for g in r.guides],
        [(c.code, c.words) for c in r.recognized],
        r.facets,
        r.ignored_words,
        [(a.drop, a.count) for a in r.alternatives],
    )


def search(ss: SearchService, text: str, **kw: object) -> SearchResult:
    return ss.search(SearchQuery("klara", text=text, **kw))  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- the function


def test_decomposed_full_width_and_zero_width_forms_give_the_same_words() -> None:
    plain = words("Härbärge")
    assert plain == ["härbärge"]
    assert words(unicodedata.normalize("NFD", "Härbärge")) == plain  # was "ha", "rba", "rge"
    assert words("ＨÄＲＢÄＲＧＥ") == plain
    for c in INVISIBLE:
        assert words(f"här{c}bär{c}ge") == plain, repr(c)
    for c in ODD_SPACES:
        assert words(f"sova{c}ute") == ["sova", "ute"], repr(c)
    assert words("ﬁka") == ["fika"] and words("STRASSE Straße") == ["strasse", "strasse"]


def test_a_mark_without_a_precomposed_letter_stays_in_its_word() -> None:
    """ "İ" lower-cases to i + combining dot, Devanagari vowels are marks: no split inside."""
    assert words("İstanbul") == ["i̇stanbul"] and fold("İstanbul") == "istanbul"
    assert words("हिन्दी") == ["हिन्दी"]
    assert words("\u0301abc") == ["abc"]  # a lone mark at the start is no word


def test_lone_surrogates_and_controls_are_spaces() -> None:
    assert words("x\ud800y\x00z\x1b[0m") == ["x", "y", "z", "0m"]
    assert normalise("a\ud800") == "a "


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_normalise_is_idempotent_and_form_blind(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        assert normalise(unicodedata.normalize(form, text)) == once
    assert words(once) == words(text)


# ---------------------------------------------------------------------------- the search


def test_decomposed_harbarge_finds_what_the_composed_one_finds(ss: SearchService) -> None:
    """Issue #14: NFD "härbärge" found nothing on Klara (split into "ha", "rba", "rge")."""
    composed = search(ss, "härbärge", limit=50)
    assert composed.total > 0
    for text in (
        unicodedata.normalize("NFD", "härbärge"),
        "ｈäｒｂäｒｇｅ",
        "här\u200bbärge",
        "\ufeffhärbärge\u2060",
    ):
        assert answer(search(ss, text, limit=50)) == answer(composed), repr(text)


def test_a_zero_width_character_at_the_end_does_not_end_the_word(ss: SearchService) -> None:
    """As you type: "härb" + ZWSP is still the prefix "härb", "härbärge" + NBSP a whole word."""
    assert answer(search(ss, "härb\u200b")) == answer(search(ss, "härb"))
    assert answer(search(ss, "härbärge\u00a0")) == answer(search(ss, "härbärge "))


LETTERS = "abcdefghijklmnopqrstuvwxyzåäöéèêëüïîôçñøæßłśźżčřšžőűăâşţ"
VOCAB = (
    "härbärge",
    "härb",
    "sova ute",
    "tjej 15",
    "15-åring",
    "natthärbärge",
    "socialjouren",
    "kvinnojour",
    "ungdomsmottagning",
    "sprutbyte",
    "misshandlad",
    "hemlös",
    "psykiatri",
    "mat",
    "dusch",
    "ångest",
    "blåljus",
    "café",
    "naïve",
    "İstanbul",
    "Łódź",
    "Ærø",
    "São Paulo",
    "Hälsö",
)
word = st.one_of(
    st.sampled_from(VOCAB),
    st.text(alphabet=LETTERS + LETTERS.upper(), min_size=1, max_size=12),
)
texts = st.lists(word, max_size=6).map(" ".join) | st.text(max_size=40)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts, partial=st.booleans(), data=st.data())
def test_any_form_of_any_query_gives_the_same_results(
    ss: SearchService, text: str, partial: bool, data: st.DataObject
) -> None:
    """NFC, NFD, NFKC and with zero-width characters inserted: the very same answer."""
    text = text if partial else text + " "
    base = answer(search(ss, unicodedata.normalize("NFC", text)))
    for form in ("NFD", "NFKC"):
        assert answer(search(ss, unicodedata.normalize(form, text))) == base, form
    chars = list(text)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(chars)))
        chars.insert(at, data.draw(st.sampled_from(INVISIBLE)))
    assert answer(search(ss, "".join(chars))) == base


def test_words_with_diacritics_from_other_languages_find_their_service(
    tmp_path: Path,
) -> None:
    """Index side: a record written with a decomposed letter, a soft hyphen and a zero-width
    space is found by the plain word, and the index holds the whole words."""
    docs = mini_documents()
    svc = docs["services.json"]["services"][1]
    svc["name"] = unicodedata.normalize("NFD", "Test\u200bstödlinjen")
    svc["description"] = {"sv": "Prata med oss på Kvälls\u00adkaféet Ærø."}
    store = CatalogueStore(tmp_path / "c.db", tmp_path / "b", FixedClock(SATURDAY_NIGHT)).open()
    try:
        store.install(PackData(docs))
        analyzer = Analyzer()
        vocab = {r[0] for r in store.conn.execute("SELECT term FROM search_vocab")}
        for w in ("teststödlinjen", "kvällskaféet", "ærø"):
            assert analyzer.term(w) in vocab, w
        ss = SearchService(store.conn, store.clock)
        for text in ("teststödlinjen", "kvällskaféet", "Ærø", unicodedata.normalize("NFD", "ærø")):
            r = ss.search(SearchQuery("testby", text=text + " "))
            assert r.hits and r.hits[0].id == "testby/stodlinjen", text
    finally:
        store.close()


def test_a_catalogue_indexed_by_the_old_analyser_is_reindexed(tmp_path: Path) -> None:
    """Rows written before normalisation (schema 4) are rebuilt when the catalogue opens."""
    from kompassen.catalogue.store.db import connect, migrate
    from kompassen.catalogue.store.loader import sync_base_taxonomy
    from oldschema import drop_term_codes, insert_area_before_8

    docs = mini_documents()
    docs["services.json"]["services"][1]["name"] = "Test\u200bstödlinjen"
    db = tmp_path / "catalogue.db"
    conn = connect(db)
    migrate(conn, backup_dir=None, now=SATURDAY_NIGHT, target=4)
    sync_base_taxonomy(conn)
    insert_area_before_8(conn, PackData(docs), 1, "bundled", SATURDAY_NIGHT)
    index_area(conn, "testby", Analyzer())
    drop_term_codes(conn)
    # what the old analyser wrote: the zero-width space split the name in two
    conn.execute("UPDATE search_fts SET name = 'test stodlinj' WHERE name LIKE 'teststodlinj%'")
    conn.commit()
    conn.close()
    store = CatalogueStore(db, tmp_path / "backups", FixedClock(SATURDAY_NIGHT)).open()
    try:
        vocab = {r[0] for r in store.conn.execute("SELECT term FROM search_vocab")}
        assert "teststodlinj" in vocab and "stodlinj" not in vocab
        count = store.conn.execute("SELECT count(*) FROM search_fts").fetchone()[0]
        assert count == store.conn.execute("SELECT count(*) FROM service").fetchone()[0]
    finally:
        store.close()
