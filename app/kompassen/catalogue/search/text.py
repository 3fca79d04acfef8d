"""Free text → FTS5 query and recognised chips: phrases, ages, prefixes, compounds, typos.

Words that name a group or need become soft chips (they rank, they do not filter); the rest
becomes an OR of quoted terms for SQLite FTS5.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from kompassen.catalogue.search.analyzer import Analyzer, fold, normalise, words
from kompassen.catalogue.search.area_index import AreaIndex
from kompassen.catalogue.search.fts import split_compound
from kompassen.catalogue.search.model import RecognizedChip
from kompassen.catalogue.search.phrases import MAX_PHRASE

AGE_GROUPS = (
    (0, 12, "group.child"),
    (13, 17, "group.youth"),
    (18, 25, "group.young-adult"),
    (26, 64, "group.adult"),
    (65, 120, "group.older"),
)
AGE_WORDS = {"ar", "aring", "arig", "years", "year", "yo", "old"}
# Bounds on what one query costs, whatever is typed or pasted (a real query is a few words):
MAX_RAW = 2000  # characters normalised (NFKC of 2,000 worst-case characters: ~10 ms)
MAX_CHARS = 1000  # characters of normalised text read
MAX_TERMS = 32  # distinct words searched
MAX_TYPO = 8  # words looked up as typos (each scans the vocabulary)


@dataclass
class TextMatch:
    """What the text of a query says, as the ranking and the guides need it."""

    fts: str  # FTS5 MATCH expression for services ("" = no text)
    guide_fts: str  # the same for guides (no column filters)
    recognized: list[RecognizedChip]
    soft: list[str]
    words: list[str]
    ignored: list[str]


def query_words(raw: str) -> tuple[list[str], bool]:
    """The words of a query that are analysed, and whether the last one is still being typed.

    Bounded whatever is typed or pasted: at most MAX_RAW characters are normalised, MAX_CHARS
    of the normalised text are read, and the words stop before the (MAX_TERMS + 1)th distinct
    one. A repeated word is kept (phrases like "sova ute" need the order) but is searched once.
    """
    text = normalise(raw[:MAX_RAW], limit=MAX_CHARS + 1)
    partial = bool(text) and not text[-1].isspace() and text[-1] not in ".,!?;:"
    if len(text) > MAX_CHARS:
        # the word the cut goes through is not what was written
        cut = MAX_CHARS if text[MAX_CHARS] == " " else text.rfind(" ", 0, MAX_CHARS)
        text = text[: cut if cut > 0 else MAX_CHARS]
        partial = False
    ws: list[str] = []
    distinct: set[str] = set()
    for w in words(text):
        if w not in distinct:
            if len(distinct) == MAX_TERMS:
                return ws, False
            distinct.add(w)
        ws.append(w)
    return ws, partial


def analyse_text(idx: AreaIndex, analyzer: Analyzer, raw: str, lang: str) -> TextMatch:
    """Free text → the chips it names, the FTS5 expressions, and the words that matched nothing."""
    ws, partial = query_words(raw)
    if not ws:
        return TextMatch("", "", [], [], [], [])
    terms = [analyzer.term(w) for w in ws]
    recognized: list[RecognizedChip] = []
    soft: list[str] = []
    used = [False] * len(terms)

    def recognise(code: str, words_used: str) -> None:
        if code in idx.terms and code not in soft:
            kind, label = idx.terms[code]
            soft.append(code)
            recognized.append(RecognizedChip(code, kind, words_used, label.get(lang)))

    i = 0
    while i < len(terms):
        matched = False
        for length in range(min(MAX_PHRASE, len(terms) - i), 0, -1):
            last = i + length - 1
            if partial and last == len(terms) - 1 and len(ws[last]) < 3:
                continue  # "tj" is not yet "tjej"
            key = tuple(terms[i : i + length])
            if key in idx.phrases:
                for code in sorted(idx.phrases[key]):
                    recognise(code, " ".join(ws[i : i + length]))
                for j in range(i, i + length):
                    used[j] = True
                i += length
                matched = True
                break
        if not matched:
            i += 1
    for j, w in enumerate(ws):
        if w.isascii() and w.isdecimal() and len(w) <= 3 and int(w) <= 120:
            following = fold(ws[j + 1]) if j + 1 < len(ws) else ""  # "15 år"
            standalone = len(ws) > 1 or following in AGE_WORDS
            if following in AGE_WORDS or (standalone and 5 <= int(w) <= 99):
                age = int(w)
                for lo, hi, code in AGE_GROUPS:
                    if lo <= age <= hi:
                        recognise(code, w + (f" {ws[j + 1]}" if following in AGE_WORDS else ""))
                used[j] = True

    groups = []
    plain: list[str] = []  # the same without column filters, for the guides' index
    ignored = []
    done: set[tuple[str, bool, bool]] = set()  # a repeated word is searched once
    typo_lookups = 0
    for j, (w, t) in enumerate(zip(ws, terms, strict=True)):
        if fold(w) in AGE_WORDS and j > 0 and ws[j - 1].isdigit():
            continue
        last_partial = partial and j == len(ws) - 1
        if (w, used[j], last_partial) in done:
            continue
        done.add((w, used[j], last_partial))
        alts: list[str] = []
        prefixes: list[str] = []
        if last_partial and not used[j] and len(fold(w)) >= 2:
            prefixes = [p for p in dict.fromkeys((fold(w), t)) if _has_prefix(idx.vocab_list, p)]
        if t in idx.vocab and not any(t.startswith(p) for p in prefixes):
            alts.append(f'"{t}"')  # (a prefix of itself already covers it)
        alts.extend(f'"{p}"*' for p in prefixes)
        parts = () if w.isdigit() or used[j] else split_compound(t, idx.vocab)
        alts.extend(f'"{p}"' for p in parts[:1])  # "natthärbärge" also finds "härbärge"
        if not alts and not w.isdigit() and not used[j] and len(t) >= 4 and typo_lookups < MAX_TYPO:
            # a typo; never "correct" a word we recognised ("packad" is not "park")
            from rapidfuzz import process  # on the first typo: a one-shot search may have none
            from rapidfuzz.distance import Levenshtein

            typo_lookups += 1
            cutoff = 1 if len(t) <= 5 else 2
            for cand, _, _ in process.extract(
                t, idx.vocab_list, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=3
            ):
                alts.append(f'"{cand}"')
        if not alts and last_partial and not used[j]:
            # no typo either: mid-compound while typing ("ungdomsmo…"): keep the longest known word it
            # starts with, so results do not vanish between "ungdom" and the whole word
            for end in range(len(t) - 1, 3, -1):
                if t[:end] in idx.vocab:
                    alts.append(f'"{t[:end]}"')
                    break
        if alts:
            group = "(" + " OR ".join(dict.fromkeys(alts)) + ")"
            # A recognised word already counts through its chip; matching it again in the
            # taxonomy-words column would count it twice.
            groups.append("{name org body} : " + group if used[j] else group)
            plain.append(group)
        elif not used[j] and not (last_partial and len(fold(w)) < 2) and w not in ignored:
            ignored.append(w)  # (one letter typed so far is not yet a word)
    groups = list(dict.fromkeys(groups))
    plain = list(dict.fromkeys(plain))
    distinct = list(dict.fromkeys(ws))
    return TextMatch(" OR ".join(groups), " OR ".join(plain), recognized, soft, distinct, ignored)


def _has_prefix(sorted_words: list[str], prefix: str) -> bool:
    i = bisect_left(sorted_words, prefix)
    return i < len(sorted_words) and sorted_words[i].startswith(prefix)
