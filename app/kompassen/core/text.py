"""A text in Swedish and English: the one domain type every search answer carries.

Kept apart from :mod:`kompassen.core.model` (which re-exports it) so that a search, which
needs only this, does not pay for building the eighteen dataclasses of the whole catalogue
model (~15 ms of every one-shot ``kompassen search``, issue #14).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    """A text in Swedish (always) and English (when the source gave one)."""

    sv: str
    en: str = ""

    def get(self, lang: str) -> str:
        """The text in ``lang``, falling back to Swedish."""
        return self.en if lang == "en" and self.en else self.sv
