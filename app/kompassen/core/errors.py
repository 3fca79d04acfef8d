"""Errors a user can cause, with a message in both languages.

Anything that is *not* a KompassenError is a bug and should crash loudly in tests.
"""

from __future__ import annotations


class KompassenError(Exception):
    """A problem the user (or their data, network or disk) caused, explained in words."""

    def __init__(self, *, sv: str, en: str) -> None:
        # keyword-only: with two strings of the same type, the order is too easy to get wrong
        super().__init__(sv)
        self.sv = sv
        self.en = en

    def message(self, lang: str = "sv") -> str:
        """The message in the user's language (Swedish first)."""
        return self.en if lang == "en" else self.sv
