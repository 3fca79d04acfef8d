"""Small wording rules the field pages share: catalogue text in the wrong language is marked,
and a label made of two parts never says the same thing twice.

The catalogue always has Swedish and sometimes English (``Text.en``); its notes (opening-hours
notes, address notes, data notes) are plain Swedish strings. A worker reading the app in English
must see which sentences are Swedish instead of finding them mixed in unmarked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kompassen.core.model import Text


def catalogue_text(text: Text | str, lang: str) -> str:
    """``text`` in ``lang``; Swedish shown in another language is prefixed "(in Swedish)".

    A plain ``str`` is a catalogue note, which the packs only carry in Swedish.
    """
    if isinstance(text, Text):
        shown = text.get(lang)
        swedish = not (lang == "en" and text.en)
    else:
        shown, swedish = text, True
    if not shown or lang == "sv" or not swedish:
        return shown
    return QCoreApplication.translate("Words", "(på svenska) {text}").format(text=shown)


def two_part_label(head: str, tail: str) -> str:
    """ "Akut – Vid livsfara"; just the tail when it already starts with the head.

    A phone's kind ("Akut") and its label ("Akut: ring 112") are written by different people;
    "Akut – Akut: ring 112" or "Emergency – Emergency" reads like a mistake. The comparison
    ignores case and needs a word boundary, so "Akut – Akutmottagning" stays as it is.
    """
    head, tail = head.strip(), tail.strip()
    if not tail:
        return head
    if not head:
        return tail
    h, t = head.casefold(), tail.casefold()
    if t.startswith(h) and (len(t) == len(h) or not t[len(h)].isalnum()):
        return tail
    return f"{head} – {tail}"
