"""Privacy guard: spot personal data in a report's free text so the form can warn.

Reports must never carry a person's identity number, phone number, e-mail address or full
name (docs/SYNC.md). The guard only *warns* and offers to mask; it never blocks, so it errs
towards few false alarms on the words street workers really write (places, services,
opening hours, dates). Pure string logic, no I/O: the first-name list is bundled below.

Order of detection, later kinds never overlapping earlier ones: e-mail, personnummer,
phone, name. A 10-digit number that is a valid date and passes the Luhn check is reported
as a personnummer even if it could be a mobile number (both are masked anyway); one that
fails the check can still be a phone number. A date written with the personnummer's own
separator and four digits ("20110304-1234") reads as one to anybody even when the check
digit is wrong (a typo, or a half-remembered number), so it is reported with the lower
certainty "possible".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

KINDS = ("personnummer", "phone", "email", "name")
CERTAINTIES = ("likely", "possible")  # "possible": looks like one to a reader, fails the check

FINDING_LABELS: dict[str, tuple[str, str]] = {
    "personnummer": ("personnummer", "personal identity number"),
    "phone": ("telefonnummer", "phone number"),
    "email": ("e-postadress", "e-mail address"),
    "name": ("för- och efternamn", "full name"),
}

#: Words for findings of the lower certainty ("possible"), by kind.
POSSIBLE_LABELS: dict[str, tuple[str, str]] = {
    "personnummer": (
        "något som kan vara ett personnummer",
        "what may be a personal identity number",
    ),
}

_MASKS = {
    "personnummer": "[personnummer]",
    "phone": "[telefon]",
    "email": "[e-post]",
    "name": "[namn]",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One suspected piece of personal data: its kind, where it is, and how sure the guard is."""

    kind: str
    start: int
    end: int
    text: str
    certainty: str = "likely"  # one of CERTAINTIES

    def label(self, lang: str) -> str:
        """The finding in the worker's words ("personnummer", "kan vara ett personnummer")."""
        labels = POSSIBLE_LABELS if self.certainty == "possible" else FINDING_LABELS
        words = labels.get(self.kind) or FINDING_LABELS.get(self.kind)
        return words[lang == "en"] if words else self.kind


def _words(text: str) -> list[str]:
    """Whitespace-separated word lists keep the long lists below readable."""
    return text.split()


# --- first names -------------------------------------------------------------------------
# Common first names in Stockholm (Swedish and common immigrant-origin names). These are
# names, not personal data; the list only has to be good enough to catch "Förnamn Efternamn".
_FIRST_NAMES_TEXT = """
Adam Adrian Albin Alexander Alfred Alvin Anders Andreas Anton Arne Arvid Axel Benjamin
Bengt Bertil Birger Björn Bo Carl Casper Christer Christian Christoffer Claes Dan Daniel
David Dennis Edvin Einar Elias Elliot Emil Erik Erland Evert Felix Filip Folke Fredrik
Gabriel Gunnar Gustaf Gustav Göran Göte Hampus Hans Harry Henrik Hugo Håkan Ingvar Isak
Ivar Jacob Jakob Jan Jarl Jens Jesper Jimmy Joakim Joel Johan Johannes Johnny Jonas
Jonathan Josef Jörgen Kalle Karl Kenneth Kent Kevin Kjell Kristian Kristoffer Kurt Lars
Lasse Leif Lennart Leo Liam Linus Loke Love Lucas Ludvig Lukas Magnus Marcus Markus Martin
Mats Mattias Max Melvin Mikael Milo Nils Noah Olle Ola Olof Oliver Oscar Oskar Otto Ove
Patrik Per Peter Petter Pontus Rasmus Rickard Robert Robin Roger Roland Rolf Rune Sam
Samuel Sebastian Simon Sixten Stefan Stig Sune Sven Sören Theo Thomas Tobias Tomas Tommy
Tor Torbjörn Tord Ture Ulf Urban Valter Walter Vidar Viktor Victor Vincent William Yngve
Åke Örjan
Agnes Agneta Alice Alma Alva Amanda Ann Anna Anne Anneli Annelie Annika Astrid Barbro Berit
Birgitta Britt Britta Camilla Carina Caroline Cecilia Clara Ebba Edith Elin Elisabet
Elisabeth Ella Ellen Elsa Elsie Elvira Emelie Emilia Emma Ester Eva Felicia Freja Frida
Greta Gun Gunilla Gunnel Hanna Hedvig Helena Hilda Ida Ines Inger Ingrid Iris Irene
Jennifer Jenny Jessica Johanna Josefin Josefine Julia Juni Karin Karolina Katarina Kerstin
Klara Kristina Lena Lilly Lina Linda Linn Linnea Linnéa Lisa Liv Lova Louise Madeleine
Magdalena Maja Majken Malin Margareta Mari Maria Marianne Marie Marit Marita Matilda Mia
Michaela Mikaela Moa Mona Monica Monika Märta Nathalie Natalie Nora Nova Olivia Petra Pia
Rebecka Ronja Saga Sandra Sara Selma Signe Siv Sofia Sofie Solveig Stella Stina Svea
Susanne Therese Tilda Tindra Tova Tove Tyra Ulla Vera Viktoria Victoria Vilma Wilma Ylva
Yvonne Åsa Eleonora
Abdi Abdirahman Abdullah Adnan Ahmad Ahmed Ahmet Ali Amir Anas Aram Arash Azad Babak Baran
Bilal Burak Dariush Dler Emre Faisal Farhan Farid Hadi Hakan Hamid Hamza Hassan Hossein
Husein Hussein Ibrahim Idris Ilyas Ismail Jamal Jibril Karim Karzan Kaveh Kemal Khalid
Mahmoud Mehdi Mehmet Mohamed Mohammad Mohammed Muhammad Murat Musa Mustafa Nabil Nasir
Navid Omar Omid Osman Rashid Rebin Reza Said Saeed Sami Samir Tariq Walid Yahya Yassin
Youssef Yousef Yusuf Zakaria
Aisha Amina Asha Asma Aysha Ayse Ayşe Berfin Dilan Dina Elif Emine Fadumo Fatima Fatma
Halima Hanan Hawa Hiba Hodan Huda Ifrah Jasmin Khadija Lamia Lana Layla Leila Leyla Mariam
Maryam Meryem Nadia Nasra Noor Nour Noura Parisa Rana Rania Rojin Roya Sahra Salma Samira
Setareh Shirin Sumaya Yasmin Zahra Zainab Zeinab Zeynep
Aleksandar Andrei Andrzej Bogdan Catalin Constantin Cristian Dejan Dimitar Dmitrij Dragan
Dumitru Florin Georgi Gheorghe Goran Igor Ion Ionut Ivan Jakub Krzysztof Marek Marian
Marko Mihai Milan Nicolae Nikola Paweł Piotr Sergej Tomasz Vasile Zoran
Agnieszka Alina Ana Anastasia Andreea Daniela Dragana Ekaterina Elena Ewa Florentina
Gabriela Ioana Irina Ivana Jelena Joanna Katarzyna Marija Mihaela Milica Małgorzata
Natalia Natalja Natasa Olga Ramona Snežana Svetlana Tatjana
Alejandro Antonio Carlos Diego Giovanni Jorge José Juan Luca Luis Marco Mario Miguel Pablo
Carmen Isabel Isabella Lucia Rosa
Dawit Filmon Habte Haile Kidane Mehari Mulugeta Robel Semere Tesfaye Tewolde Yonas
Hiwet Mebrat Miriam Rahel Ruth Saba Selam Tigist
"""
_FIRST_NAMES = frozenset(unicodedata.normalize("NFC", n) for n in _words(_FIRST_NAMES_TEXT))

#: First names that are also common surnames (patronymic naming): "Mohammed Ali" is a full
#: name, while two ordinary first names in a row ("Anna Maria") are not.
_ALSO_SURNAMES = frozenset(
    _words(
        """Abdi Abdullah Adam Ahmad Ahmed Ali Hamid Hassan Husein Hussein Ibrahim Idris Isak
    Ismail Jamal Karim Mahmoud Mohamed Mohammad Mohammed Muhammad Musa Mustafa Omar Osman
    Rashid Said Yassin Yusuf"""
    )
)

#: Capitalised words that follow a first name in place and organisation names in
#: Stockholm ("Maria Magdalena", "Maria Ungdom", "Mini Maria Stockholm", "Gustav Vasa").
_STOP_SURNAMES = frozenset(
    _words(
        """Magdalena Eleonora Vasa Ungdom Ungdomsmottagning Mottagning Mottagningen Beroende
    Klinik Kliniken Center Centret Centrum Stiftelse Stiftelsen Förening Föreningen
    Kyrka Kyrkan Kyrkogård Församling Församlingen Skola Skolan Gymnasium Gård Gården Hus
    Huset Torg Torget Plan Park Parken Gata Gatan Väg Vägen Sjukhus Sjukhuset Hem Hemmet
    Boende Boendet Härbärge Härbärget Kafé Café Cafe Team Teamet Jour Jouren Mission
    Stadsmission Stadsmissionen Hospice Station Stationen Bank Hotell Hotel Restaurang Bar
    Pub Kiosk Galleria Gallerian AB HB Stockholm Stockholms Sverige Sveriges Solna
    Sundbyberg Södermalm Norrmalm Östermalm Kungsholmen Vasastan Gamla City Centralen
    Norra Södra Västra Östra Sjö Syd Nord Väst Öst Church Street Square Hospital Centre
    Lutherhjälpen Diakoni Diakonia Buss Bussen Hamburgers"""
    )
)

#: Definite-form endings of place words ("Birger Jarlsgatan", "Adolf Fredriks kyrkogata").
_PLACE_SUFFIXES = tuple(
    _words(
        """gatan gata vägen torget torg gården kyrkan kyrka församling platsen parken backen
    huset skolan sjukhuset sjukhus gränd bron hallen stationen centralen kliniken
    mottagningen jouren linjen teamet enheten staden kajen lunden väg plats allé backe trappa"""
    )
)

#: Words that, just before a first name, make it part of a place or title ("S:t Erik",
#: "Prima Maria", "Drottning Kristinas väg").
_STOP_PREFIXES = frozenset(
    _words(
        """s:t s:ta s:a st st. sta sankt sankta prima mini drottning kung prins prinsessan
    kronprinsessan kronprins hotell hotel café kafé restaurang villa stiftelsen"""
    )
)

_PARTICLES = frozenset(_words("von af av de van der da di del el al bin ibn abu"))

_LETTER = r"(?:[^\W\d_]|[\u0300-\u036f])"
_WORD_RE = re.compile(rf"{_LETTER}+(?:[-'’]{_LETTER}+)*(?::{_LETTER}+)?\.?")
_GAP_RE = re.compile(r"[^\S\n]{1,3}")


def _nfc(word: str) -> str:
    return unicodedata.normalize("NFC", word)


def _capitalised(word: str) -> bool:
    """'Svensson', 'Andersson-Berg', 'Åberg' yes; 'svensson', 'SVENSSON', 'X' no."""
    parts = _nfc(word).split("-")
    return all(
        len(p) >= 2 and p[0].isupper() and not p.isupper() and p[1:].islower() for p in parts
    )


def _is_first_name(word: str) -> bool:
    """A listed first name, or a hyphenated one made of listed names ('Karl-Erik')."""
    w = _nfc(word)
    return w in _FIRST_NAMES or ("-" in w and all(p in _FIRST_NAMES for p in w.split("-")))


def _is_place_word(word: str) -> bool:
    """A stop word or place compound, also in the genitive ("Maria Ungdoms mottagning")."""
    w = _nfc(word).rstrip(".")
    forms = {w, re.sub(r"(?:['’]s|s)$", "", w)}
    return any(f in _STOP_SURNAMES or f.lower().endswith(_PLACE_SUFFIXES) for f in forms)


# --- personnummer ------------------------------------------------------------------------
_PNR_RE = re.compile(
    r"(?<![\w+\]])(?<!\d[-–./:])"
    r"(?P<century>19|20)?(?P<yy>\d\d)(?P<mm>\d\d)(?P<dd>\d\d)"
    r"(?P<sep>[-–+ ]?)(?P<tail>\d{4})(?![\d])(?![-–.:/+]\d)"
)


def luhn_ok(digits: str) -> bool:
    """Luhn check over the 10-digit form YYMMDDNNNN (the last digit is the check digit)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _plausible_date(century: str | None, yy: str, mm: str, dd: str) -> bool:
    """A real calendar date; samordningsnummer have day + 60. Unknown century: try both."""
    day = int(dd)
    if day > 60:
        day -= 60
    centuries = (century,) if century else ("19", "20")
    for c in centuries:
        try:
            date(int(c + yy), int(mm), day)
        except ValueError:
            continue
        return True
    return False


#: Separators that make "date + four digits" read as a personnummer whatever the check digit
#: says (without one, or with a space, a failed check leaves room for a phone number).
_PNR_SEPARATORS = ("-", "–", "+")


def _personnummer(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, certainty) of every date + four digits that is, or reads as, a personnummer."""
    for m in _PNR_RE.finditer(text):
        if m["sep"] == "+" and m["century"]:
            continue  # "+" (over 100 years old) only exists in the 10-digit form
        if not _plausible_date(m["century"], m["yy"], m["mm"], m["dd"]):
            continue
        if luhn_ok(m["yy"] + m["mm"] + m["dd"] + m["tail"]):
            yield m.start(), m.end(), "likely"
        elif m["sep"] in _PNR_SEPARATORS:
            yield m.start(), m.end(), "possible"


# --- phone -------------------------------------------------------------------------------
# A start: +46 / 0046 (optionally "(0)"), or a national number beginning with 0 (possibly
# "(08)"). Then digit groups joined by one separator; the longest run of 8–10 national
# digits wins. Nothing glued to a preceding digit, letter, mask ("]") or date/time
# punctuation, nor to following digits.
_PHONE_START_RE = re.compile(
    r"(?<![\w+\]])(?<!\d[-–./:])"
    r"(?:(?P<intl>(?:\+|00)46)[ -]?(?:\(0\)[ -]?)?(?=[1-9])|(?P<paren>\()?(?=0[1-9]))"
)
_GROUP_RE = re.compile(r"\d+")
_PHONE_SEP_RE = re.compile(r"\)?(?: ?[-–] ?| )|\)")
#: Non-geographic service prefixes (free-phone 020, shared-cost 077, premium 09x): these
#: are organisations' numbers, never a person's.
_SERVICE_PREFIXES = ("020", "077", "090", "093", "094", "099")
_HHMM_RANGE_RE = re.compile(r"^([01]\d|2[0-3])[0-5]\d ?[-–] ?([01]\d|2[0-3])[0-5]\d$")
_DMY_RE = re.compile(r"^\d\d[-–]\d\d[-–](19|20)\d\d$")
#: Digits glued on with date/time/range punctuation: part of something longer, not a phone.
_GLUED_RE = re.compile(r"[-–./:+]\d")
_MIN_DIGITS, _MAX_DIGITS = 8, 10


def _phone_end(text: str, pos: int, national: str) -> tuple[int, str] | None:
    """From pos (at a digit), the end of the longest valid number and its national digits."""
    best: tuple[int, str] | None = None
    digits = national
    while True:
        g = _GROUP_RE.match(text, pos)
        if g is None:
            return best
        digits += g.group()
        if len(digits) > _MAX_DIGITS:
            return best
        pos = g.end()
        if len(digits) >= _MIN_DIGITS:
            best = (pos, digits)
        s = _PHONE_SEP_RE.match(text, pos)
        if s is None or not text[s.end() : s.end() + 1].isdigit():
            return best
        pos = s.end()


def _phones(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    while True:
        m = _PHONE_START_RE.search(text, pos)
        if m is None:
            return
        national = "0" if m["intl"] else ""
        found = _phone_end(text, m.end(), national)
        if found is None:
            pos = m.end() + 1
            continue
        end, digits = found
        start = m.start()
        if m["paren"] and ")" not in text[start:end]:
            start += 1  # "(08-508 40 000)": the bracket belongs to the sentence
        raw = text[start:end]
        ok = (
            not digits.startswith(_SERVICE_PREFIXES)
            and not _HHMM_RANGE_RE.match(raw)
            and not _DMY_RE.match(raw)
            and not _GLUED_RE.match(text, end)
        )
        if ok:
            yield start, end
        pos = end


# --- e-mail ------------------------------------------------------------------------------
_EMAIL_RE = re.compile(r"(?<![\w.+\]-])[\w.+-]*\w@\w[\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")


def _emails(text: str) -> Iterator[tuple[int, int]]:
    for m in _EMAIL_RE.finditer(text):
        yield m.start(), m.end()


# --- full names --------------------------------------------------------------------------
def _next_word(text: str, pos: int) -> re.Match[str] | None:
    """The word right after pos, separated only by a few spaces (never a newline)."""
    gap = _GAP_RE.match(text, pos)
    if gap is None:
        return None
    return _WORD_RE.match(text, gap.end())


def _prev_word(text: str, start: int) -> str:
    before = text[max(0, start - 40) : start]
    m = re.search(rf"({_LETTER}+(?::{_LETTER}+)?\.?)[^\S\n]{{1,3}}$", before)
    return m.group(1).lower() if m else ""


def _surname_end(text: str, word: re.Match[str]) -> int | None:
    """End of a surname starting at word ('Svensson', 'von Sydow', 'al-Hassan'), else None."""
    end = _surname_span(text, word)
    if end is None or text[end : end + 1].isdigit() or text[end : end + 1] == "_":
        return None  # "Svensson2": a user name or code, not a written name
    return end


def _surname_span(text: str, word: re.Match[str]) -> int | None:
    w = word.group()
    if w.endswith("."):
        w = w[:-1]
    head, _, rest = w.partition("-")
    if head.lower() in _PARTICLES and head.islower():
        if rest and _capitalised(rest):  # "al-Hassan", "el-Sayed"
            return word.start() + len(w)
        if rest:
            return None
        nxt = _next_word(text, word.start() + len(w))
        if nxt is None or _is_place_word(nxt.group()):
            return None
        return _surname_end_plain(nxt)
    return _surname_end_plain(word)


def _surname_end_plain(word: re.Match[str]) -> int | None:
    w = word.group().rstrip(".")
    if ":" in w or not _capitalised(w) or _is_place_word(w):
        return None
    return word.start() + len(w)


def _names(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    while True:
        first = _WORD_RE.search(text, pos)
        if first is None:
            return
        pos = first.end()
        fw = first.group().rstrip(".")
        if fw != first.group() or not _capitalised(fw) or not _is_first_name(fw):
            continue
        if _prev_word(text, first.start()) in _STOP_PREFIXES:
            continue
        second = _next_word(text, first.start() + len(fw))
        if second is None:
            continue
        sw = second.group().rstrip(".")
        if _capitalised(sw) and _is_first_name(sw) and _nfc(sw) not in _ALSO_SURNAMES:
            # Two first names ("Anna Maria"): a full name only with a surname after them.
            third = _next_word(text, second.end()) if sw == second.group() else None
            if third is None or _is_first_name(third.group().rstrip(".")):
                continue
            end = _surname_end(text, third)
        else:
            end = _surname_end(text, second)
        if end is None:
            continue
        after = _next_word(text, end)
        if after is not None and _is_place_word(after.group()):
            continue  # "Gustav Adolfs torg", "Olof Palmes gata"
        yield first.start(), end
        pos = end


# --- public API --------------------------------------------------------------------------
def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _sure(
    detect: Callable[[str], Iterator[tuple[int, int]]],
) -> Callable[[str], Iterator[tuple[int, int, str]]]:
    """A detector without degrees of certainty, as one whose every finding is "likely"."""

    def detect_likely(text: str) -> Iterator[tuple[int, int, str]]:
        for start, end in detect(text):
            yield start, end, "likely"

    return detect_likely


def scan(text: str) -> list[Finding]:
    """Every suspected piece of personal data in text, sorted by start, non-overlapping."""
    detectors: tuple[tuple[str, Callable[[str], Iterable[tuple[int, int, str]]]], ...] = (
        ("email", _sure(_emails)),
        ("personnummer", _personnummer),
        ("phone", _sure(_phones)),
        ("name", _sure(_names)),
    )
    taken: list[tuple[int, int]] = []
    findings: list[Finding] = []
    for kind, detect in detectors:
        for start, end, certainty in detect(text):
            if _overlaps(start, end, taken):
                continue
            taken.append((start, end))
            findings.append(Finding(kind, start, end, text[start:end], certainty))
    findings.sort(key=lambda f: f.start)
    return findings


def mask(text: str, findings: list[Finding] | None = None) -> str:
    """text with each finding replaced by a bracketed word ("[namn]"); the rest unchanged.

    Findings from an older version of the text are refused (ValueError) rather than
    masking the wrong characters.
    """
    if findings is None:
        findings = scan(text)
    out: list[str] = []
    pos = 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.kind not in _MASKS:
            raise ValueError(f"unknown finding kind {f.kind!r}")
        if not (pos <= f.start < f.end <= len(text)) or text[f.start : f.end] != f.text:
            raise ValueError(f"finding {f!r} does not match the text (stale or overlapping)")
        out.append(text[pos : f.start])
        out.append(_MASKS[f.kind])
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
