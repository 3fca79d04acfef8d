"""Phrases that name a chip ("sova", "akut boende" → need.shelter-tonight), analysed once.

Every synonym of every group and need (the taxonomy's own and Kompassen's street words in
``synonyms.json``) is stemmed into the words a query is matched against. That is ~400
stemmer calls, ~40 ms: a third of a one-shot ``kompassen search`` after its imports. What it
yields depends only on the area's catalogue version, the synonyms file and the analyser, so
it is kept in the search snapshot beside the area's arrays (``snapshot.write_phrases``) and
stamped with all three; any other stamp rebuilds it.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
import zlib
from importlib import resources

from kompassen.catalogue.search.analyzer import Analyzer

MAX_PHRASE = 4  # words in the longest synonym that names a chip
FORMAT = 1

Phrases = dict[tuple[str, ...], set[str]]


def synonyms_text() -> str:
    """Kompassen's own slang and street words for taxonomy codes (the file's text)."""
    return (
        resources.files("kompassen.catalogue.search").joinpath("synonyms.json").read_text("utf-8")
    )


def extra_synonyms(text: str) -> dict[str, list[str]]:
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def stamp(version: int, text: str) -> str:
    """What the phrases were made from: catalogue version, synonyms file, Unicode tables."""
    return (
        f"{FORMAT}:{version}:{zlib.crc32(text.encode('utf-8')):08x}:{unicodedata.unidata_version}"
    )


def scope(area_id: str) -> str:
    return f"{area_id}/phrases"


def build(conn: sqlite3.Connection, area_id: str, analyzer: Analyzer, text: str) -> Phrases:
    """Analysed synonym → the chip codes it names, for the area's groups and needs."""
    extra = extra_synonyms(text)
    phrases: Phrases = {}
    for code, synonyms_json in conn.execute(
        "SELECT code, synonyms_json FROM taxonomy_term "
        "WHERE (area_id IS NULL OR area_id = ?) AND kind IN ('group', 'need') "
        "ORDER BY kind, area_id IS NOT NULL, position",
        (area_id,),
    ):
        for phrase in (*json.loads(synonyms_json), *extra.get(code, ())):
            toks = tuple(analyzer.terms(phrase))
            if toks and len(toks) <= MAX_PHRASE:
                phrases.setdefault(toks, set()).add(code)
    return phrases


def encode(phrases: Phrases) -> str:
    """One line of JSON (stored as a snapshot text array)."""
    return json.dumps([[list(t), sorted(c)] for t, c in phrases.items()], ensure_ascii=False)


def decode(line: str) -> Phrases | None:
    """The phrases back, or None when the text is not what :func:`encode` writes."""
    try:
        raw = json.loads(line)
        out: Phrases = {}
        for toks, codes in raw:
            if not (
                isinstance(toks, list)
                and isinstance(codes, list)
                and 0 < len(toks) <= MAX_PHRASE
                and all(isinstance(t, str) for t in (*toks, *codes))
            ):
                return None
            out.setdefault(tuple(toks), set()).update(codes)
        return out
    except (ValueError, TypeError):
        return None
