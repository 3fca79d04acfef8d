"""Turning Swedish (and English) text into search tokens: lower-case, stem, fold.

Index and query go through the same steps, so "härbärge", "harbarge" and "härbärgen" all
become ``harbarg``: stemming first (the Swedish Snowball stemmer needs å, ä, ö), folding after
(users type without them on foreign keyboards and in a hurry).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"\w+", re.UNICODE)
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "æ": "a", "ø": "o", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case and strip diacritics: 'Härbärge' → 'harbarge'."""
    text = text.lower().translate(_FOLD)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of a text, lower-cased ('15-åring' → ['15', 'åring'])."""
    return _WORD.findall(text.lower().replace("_", " "))


class Analyzer:
    """Stems and folds words; cached, because a catalogue has only a few thousand distinct words."""

    def __init__(self) -> None:
        import snowballstemmer  # ~50 ms: paid by the search thread, not by the window

        self._stemmer = snowballstemmer.stemmer("swedish")
        self.term = lru_cache(maxsize=200_000)(self._term)

    def _term(self, word: str) -> str:
        return fold(self._stemmer.stemWord(word)) if not word.isdigit() else word

    def terms(self, text: str) -> list[str]:
        """Index/query terms of a text, in order."""
        return [self.term(w) for w in words(text)]
