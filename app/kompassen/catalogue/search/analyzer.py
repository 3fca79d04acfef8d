"""Turning Swedish (and English) text into search tokens: normalise, stem, fold.

Index and query go through the same steps, so "härbärge", "harbarge" and "härbärgen" all
become ``harbarg``: :func:`normalise` first (the same letters must be the same code points
however a keyboard or a paste produced them), stemming next (the Swedish Snowball stemmer
needs å, ä, ö), folding last (users type without them on foreign keyboards and in a hurry).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

MAX_WORD = 64  # a longer token is cut: no real word is longer, and cost grows with length
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "æ": "a", "ø": "o", "ß": "ss"})
_ASCII_CONTROLS = re.compile("[\x00-\x1f\x7f]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Combining marks live in planes 0 and 1 and in the variation selectors of plane 14; format
# characters (tags) also in plane 14. Planes 2-13 and 15-16 hold none (ideographs, private use).
_SCAN = (range(0x20000), range(0xE0000, 0xE0200))


@dataclass(frozen=True)
class _Chars:
    """Character classes of one range of Unicode, as compiled patterns."""

    invisible: re.Pattern[str]  # format characters (Cf): removed
    space: re.Pattern[str]  # controls, odd spaces, separators, lone surrogates: a space
    word: re.Pattern[str]  # letters and digits with the marks that belong to them


def _class(cps: list[int]) -> str:
    spans: list[list[int]] = []
    for cp in cps:
        if spans and spans[-1][1] == cp - 1:
            spans[-1][1] = cp
        else:
            spans.append([cp, cp])
    return "[" + "".join(re.escape(chr(a)) + "-" + re.escape(chr(b)) for a, b in spans) + "]"


@cache
def _tables() -> tuple[_Chars, _Chars]:
    """The classes for text within the BMP and for any text, built on first use.

    Scanning Unicode takes ~60 ms, so it is paid once per process by the first search or
    install, not by every import. Two sets, because Python's ``re`` matches a class of BMP
    characters by a bitmap but one with astral characters range by range (~100x slower), and
    astral characters (emoji) are rare in a catalogue and in a query.
    """
    invisible: list[int] = []
    space: list[int] = []
    marks: list[int] = []
    for block in _SCAN:
        for cp in block:
            cat = unicodedata.category(chr(cp))
            if cat == "Cf":  # zero-width space/joiners, word joiner, BOM, soft hyphen, bidi, tags
                invisible.append(cp)
            elif cat in ("Cc", "Zs", "Zl", "Zp", "Cs") and cp != 0x20:
                space.append(cp)  # tabs, odd spaces, line separators, lone surrogates
            elif cat[0] == "M":
                marks.append(cp)

    def chars(limit: int) -> _Chars:
        mark = _class([cp for cp in marks if cp < limit])
        return _Chars(
            re.compile(_class([cp for cp in invisible if cp < limit])),
            re.compile(_class([cp for cp in space if cp < limit])),
            # a mark with no precomposed letter ("i̇", Devanagari vowels) does not split a word
            re.compile(f"[^\\W_]+(?:{mark}+[^\\W_]*)*"),
        )

    return chars(0x10000), chars(sys.maxunicode + 1)


def _chars(text: str) -> _Chars:
    bmp, every = _tables()
    return every if _ASTRAL.search(text) else bmp


def normalise(text: str, limit: int | None = None) -> str:
    """One form for the same text: NFKC, no format characters, one kind of space, case-folded.

    A decomposed "ä" (a + combining diaeresis, from some on-screen keyboards and pastes),
    full-width letters ("ｈäｒｂ") and zero-width characters inserted by a paste must find what
    the plain text finds. Index and query both go through here. ``limit`` cuts the result
    (after normalising, so every form of a text is cut at the same place; NFKC may expand a
    character 18-fold, so the NFKC form is cut at twice the limit before the other steps).
    """
    if text.isascii():
        return _ASCII_CONTROLS.sub(" ", text).lower()[:limit]
    text = unicodedata.normalize("NFKC", text)
    if limit is not None:
        text = text[: 2 * limit]
    chars = _chars(text)
    text = chars.space.sub(" ", chars.invisible.sub("", text)).casefold()[:limit]
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def fold(text: str) -> str:
    """Normalise and strip diacritics: 'Härbärge' → 'harbarge'."""
    text = normalise(text).translate(_FOLD)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of a text, normalised ('15-Åring' → ['15', 'åring']), each at most MAX_WORD."""
    text = normalise(text)
    return [w[:MAX_WORD] for w in _chars(text).word.findall(text)]


class Analyzer:
    """Stems and folds words; cached, because a catalogue has only a few thousand distinct words."""

    def __init__(self) -> None:
        import snowballstemmer  # ~50 ms: paid by the search thread, not by the window

        self._stemmer = snowballstemmer.stemmer("swedish")
        self.term = lru_cache(maxsize=200_000)(self._term)

    def _term(self, word: str) -> str:
        """Stem and fold one word of :func:`words` (already normalised)."""
        return fold(self._stemmer.stemWord(word)) if not word.isdigit() else word

    def terms(self, text: str) -> list[str]:
        """Index/query terms of a text, in order."""
        return [self.term(w) for w in words(text)]
