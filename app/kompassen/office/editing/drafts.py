"""Unsaved edits kept as an office draft file, so closing the window loses nothing.

One file per area, ``<data dir>/office/drafts/<area>.json``, rewritten atomically after every
change (the edits only, not the documents: a few hundred bytes per edit at any catalogue
size). It names the catalogue the edits were made on (the content hash of the documents at
session start): edits are only replayed on the same documents. A draft that cannot be read,
is for another area, was made on another catalogue, or whose edits no longer fit is set
aside (renamed beside it, never deleted) and the coordinator is told so in words.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kompassen.device.files import TextFileError, load_json_limited, write_atomic
from kompassen.office.editing.model import Edit

log = logging.getLogger(__name__)

DRAFT_FORMAT = 1
MAX_DRAFT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class DraftNotice:
    """What the coordinator is told about a draft found at open (news, not an error)."""

    sv: str
    en: str
    set_aside: Path | None = None  # where a draft that could not be used was moved
    restored: int = 0  # edits restored

    def message(self, lang: str = "sv") -> str:
        return self.en if lang == "en" else self.sv


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft as read: the edits in the order they were applied."""

    area_id: str
    base: str  # content hash of the documents the edits were made on
    edits: tuple[Edit, ...]
    saved_at: str


class DraftStore:
    """The office's draft files of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / "office" / "drafts"

    def path(self, area_id: str) -> Path:
        return self.folder / f"{area_id}.json"

    def write(self, area_id: str, base: str, edits: list[Edit], now: datetime) -> None:
        """Replace the area's draft (no edits: remove it). OSError for the caller to word."""
        if not edits:
            self.discard(area_id)
            return
        body = {
            "format": DRAFT_FORMAT,
            "area_id": area_id,
            "base": base,
            "saved_at": now.isoformat(timespec="seconds"),
            "edits": [e.as_json() for e in edits],
        }
        write_atomic(self.path(area_id), json.dumps(body, ensure_ascii=False).encode())

    def discard(self, area_id: str) -> None:
        """The edits were saved (or thrown away on purpose): no draft any more."""
        self.path(area_id).unlink(missing_ok=True)

    def read(
        self, area_id: str, base: str, now: datetime
    ) -> tuple[Draft | None, DraftNotice | None]:
        """The area's draft if it can be replayed on ``base``; else it is set aside.

        (None, None): there is no draft. (None, notice): there was one, now set aside.
        """
        path = self.path(area_id)
        if not path.exists():
            return None, None
        try:
            body = load_json_limited(path, MAX_DRAFT_BYTES)
            draft = _parse(body)
        except (TextFileError, OSError, ValueError) as exc:
            log.warning("office draft %s unreadable: %s", path, exc)
            return None, self.set_aside(
                area_id,
                now,
                "Utkastet med osparade ändringar gick inte att läsa",
                "The draft with unsaved edits could not be read",
            )
        if draft.area_id != area_id:
            return None, self.set_aside(
                area_id,
                now,
                f"Utkastet med osparade ändringar gällde ett annat område ({draft.area_id})",
                f"The draft with unsaved edits was for another area ({draft.area_id})",
            )
        if draft.base != base:
            return None, self.set_aside(
                area_id,
                now,
                "Utkastet med osparade ändringar gjordes på en annan version av katalogen "
                f"(sparat {draft.saved_at})",
                "The draft with unsaved edits was made on another version of the catalogue "
                f"(saved {draft.saved_at})",
            )
        return draft, None

    def set_aside(self, area_id: str, now: datetime, why_sv: str, why_en: str) -> DraftNotice:
        """Rename the area's draft to a name never used before, and say so."""
        path = self.path(area_id)
        stamp = now.strftime("%Y%m%dT%H%M%S")
        target = path.with_name(f"{area_id}.set-aside-{stamp}.json")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"{area_id}.set-aside-{stamp}-{n}.json")
        try:
            os.replace(path, target)
        except OSError as exc:
            log.warning("office draft %s could not be set aside: %s", path, exc)
            return DraftNotice(
                f"{why_sv} och kunde inte flyttas undan ({path}). Redigeringen börjar från "
                "katalogen som den är installerad.",
                f"{why_en} and could not be moved aside ({path}). Editing starts from the "
                "catalogue as installed.",
            )
        return DraftNotice(
            f"{why_sv}. Det har sparats som {target} och redigeringen börjar från katalogen "
            "som den är installerad.",
            f"{why_en}. It was kept as {target} and editing starts from the catalogue as "
            "installed.",
            set_aside=target,
        )


def _parse(body: Any) -> Draft:
    if not isinstance(body, dict) or body.get("format") != DRAFT_FORMAT:
        raise ValueError("not an office draft of a known format")
    area_id, base, saved_at = body.get("area_id"), body.get("base"), body.get("saved_at", "")
    edits = body.get("edits")
    if not isinstance(area_id, str) or not isinstance(base, str) or not isinstance(edits, list):
        raise ValueError("the draft lacks its area, base or edits")
    return Draft(area_id, base, tuple(Edit.from_json(e) for e in edits), str(saved_at))
