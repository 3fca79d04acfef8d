"""Errors of the catalogue store that readers and search raise too (no install machinery)."""

from __future__ import annotations

from kompassen.core.errors import KompassenError


class AreaNotInstalled(KompassenError):
    def __init__(self, area_id: str) -> None:
        super().__init__(
            sv=f"Området ”{area_id}” är inte installerat.",
            en=f"The area '{area_id}' is not installed.",
        )
