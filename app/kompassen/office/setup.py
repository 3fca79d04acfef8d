"""A new deployment's first run in the office, without Qt: the steps the wizard walks.

1. **Where the key file goes**: by default a folder in the device data dir
   (:func:`default_key_folder`); existing key files are never overwritten, but a key file
   made by an earlier, unfinished run can be continued with (:func:`open_existing`).
2. **The passphrase**, twice, with its strength in words (:func:`passphrase_words`).
3. **The keys**: :func:`create` (the same code path as ``kompassen keys generate``).
4. **Fingerprints** of both public keys (:func:`fingerprints`, the CLI's function).
5. **The area**: :func:`write_area_keys` replaces the public keys in the installed area's
   area.json with an editing-core Edit and a save, so the change is in the history.
6. **The server**: :func:`register_signing_key` pins the signing key (signed in only).
7. **Backing up** the key file: :func:`backup_words`.

Which key file the office uses is remembered in a small file (:func:`remember_key_file`), so
the window knows whether a first run is still needed (:func:`needs_first_run`).
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kompassen.catalogue.store.store import CatalogueStore
from kompassen.core.errors import KompassenError
from kompassen.core.office_keys import is_placeholder_key
from kompassen.device.files import TextFileError, load_json_limited, write_atomic
from kompassen.office.editing import EditSession, SaveResult
from kompassen.reports.keys import (
    KEY_FILE,
    MIN_PASSPHRASE,
    PUBLIC_FILE,
    KeyFiles,
    OfficeKeys,
    create_key_files,
    fingerprint,
    read_key_file,
)

if TYPE_CHECKING:
    from kompassen.office.client import AreaKeyResult, OfficeClient

log = logging.getLogger(__name__)

KNOWN_KEY_FILE = "key-file.json"  # in <data>/office/: which key file this office uses
MAX_POINTER_BYTES = 16 * 1024


class SetupError(KompassenError):
    """A first-run step cannot be done; the words say why and what to do."""


class _HasStore(Protocol):
    @property
    def catalogue(self) -> CatalogueStore: ...


# ----------------------------------------------------------------------------- the key file


def default_key_folder(data_dir: Path) -> Path:
    """Where the wizard proposes the key file: the office's part of the device data dir."""
    return data_dir / "office" / "keys"


def existing_key_files(folder: Path) -> list[Path]:
    """The key files already in ``folder`` (the wizard never writes over them)."""
    return [p for p in (folder / KEY_FILE, folder / PUBLIC_FILE) if p.exists()]


def remember_key_file(data_dir: Path, key_file: Path) -> None:
    """Remember which key file this office uses (the path only: nothing secret)."""
    body = {"key_file": str(key_file.resolve())}
    try:
        write_atomic(data_dir / "office" / KNOWN_KEY_FILE, json.dumps(body).encode(), 0o600)
    except OSError as exc:  # only costs choosing the file again when publishing
        log.warning("the key file's place was not kept: %s", exc)


def known_key_file(data_dir: Path) -> Path | None:
    """The key file this office uses, if one is remembered and is still there.

    Remembered only once the wizard has put its keys into the area: a key file left by an
    unfinished run is not "known" yet, so the wizard is offered again and can continue.
    """
    pointer = data_dir / "office" / KNOWN_KEY_FILE
    try:
        body = load_json_limited(pointer, MAX_POINTER_BYTES)
    except TextFileError as exc:
        if not exc.missing:
            log.warning("%s unreadable: %s", pointer, exc)
        return None
    if not isinstance(body, dict) or not isinstance(body.get("key_file"), str):
        return None
    path = Path(body["key_file"])
    return path if path.is_file() else None


def needs_first_run(area_keys: tuple[str, str, str], data_dir: Path) -> bool:
    """Whether to offer the wizard: the area (id, sealing, signing) has the placeholder
    keys of an import, or this office knows no key file."""
    area_id, sealing, signing = area_keys
    if is_placeholder_key(area_id, "sealing", sealing):
        return True
    if is_placeholder_key(area_id, "signing", signing):
        return True
    return known_key_file(data_dir) is None


# ----------------------------------------------------------------------------- passphrase


@dataclass(frozen=True, slots=True)
class Strength:
    """How hard a passphrase is to guess, in words; ``ok`` is whether it may be used."""

    level: int  # 0 too short, 1 weak, 2 fair, 3 strong
    sv: str
    en: str

    @property
    def ok(self) -> bool:
        return self.level > 0

    def message(self, lang: str = "sv") -> str:
        return self.en if lang == "en" else self.sv


def _guess_bits(passphrase: str) -> float:
    """A rough upper bound of the guessing work: character classes × length, repeats and
    runs of one character counted once (no dictionary: words in it count as letters)."""
    pools = [
        (any(c.islower() for c in passphrase), 29),  # a-z and å ä ö
        (any(c.isupper() for c in passphrase), 29),
        (any(c.isdigit() for c in passphrase), 10),
        (any(c == " " for c in passphrase), 1),
        (any(not c.isalnum() and c != " " for c in passphrase), 33),
    ]
    pool = sum(size for used, size in pools if used) or 1
    effective = 0
    previous = ""
    for c in passphrase:
        if c != previous:
            effective += 1
        previous = c
    distinct = len(set(passphrase))
    effective = min(effective, distinct * 3)  # "abcabcabc…" is not long
    return effective * math.log2(pool)


def passphrase_words(passphrase: str, again: str | None = None) -> Strength:
    """The passphrase's strength in words, and whether the second typing matches."""
    if len(passphrase) < MIN_PASSPHRASE:
        return Strength(
            0,
            f"För kort: minst {MIN_PASSPHRASE} tecken. Några vanliga ord i rad är lätta att "
            "minnas och svåra att gissa.",
            f"Too short: at least {MIN_PASSPHRASE} characters. A few ordinary words in a row "
            "are easy to remember and hard to guess.",
        )
    bits = _guess_bits(passphrase)
    if bits < 50:
        strength = Strength(
            1, "Svag: lägg till fler ord eller tecken.", "Weak: add more words or characters."
        )
    elif bits < 80:
        strength = Strength(
            2,
            "Godtagbar: ett ord till gör den stark.",
            "Fair: one more word makes it strong.",
        )
    else:
        strength = Strength(3, "Stark.", "Strong.")
    if again is not None and again != passphrase:
        return Strength(
            0,
            f"{strength.sv} Lösenfraserna är inte lika: skriv samma lösenfras två gånger.",
            f"{strength.en} The passphrases are not the same: type the same passphrase twice.",
        )
    return strength


# ----------------------------------------------------------------------------- keys


def create(folder: Path, passphrase: str, *, strength: str = "moderate") -> KeyFiles:
    """New keys in ``folder`` (never over existing files): ``kompassen keys generate``'s path."""
    return create_key_files(folder, passphrase, strength=strength)


def open_existing(folder: Path, passphrase: str) -> KeyFiles:
    """Continue with the key file an earlier, unfinished run wrote (wrong passphrase: words)."""
    key_file = folder / KEY_FILE
    return KeyFiles(read_key_file(key_file, passphrase), key_file, folder / PUBLIC_FILE)


def fingerprints(keys: OfficeKeys) -> dict[str, str]:
    """Both public keys' fingerprints, as ``kompassen keys generate`` prints them."""
    return {
        "sealing": fingerprint(keys.sealing_public),
        "signing": fingerprint(keys.signing_public),
    }


# ----------------------------------------------------------------------------- the area


def area_has_keys(session: EditSession, keys: OfficeKeys) -> bool:
    """Whether the installed area already carries exactly these public keys."""
    installed = session.installed_documents().get("area.json") or {}
    public = installed.get("public_keys") or {}
    return (
        public.get("sealing") == keys.sealing_public
        and public.get("signing") == keys.signing_public
    )


def write_area_keys(
    source: CatalogueStore | _HasStore,
    area_id: str,
    keys: OfficeKeys,
    who: str,
    now: datetime,
    *,
    data_dir: Path | None = None,
) -> SaveResult | None:
    """Put the public keys into the installed area: an Edit per key and a save (history).

    Refused with words while the editor has unsaved edits of the area (they would be saved
    with the keys unasked). None when the area already has these keys.
    """
    session = EditSession.open(source, area_id, data_dir=data_dir)
    if session.dirty:
        raise SetupError(
            sv=f"Katalogen har {len(session.edits)} osparade ändringar. Spara eller ångra dem "
            "i katalogen först; sedan skrivs nycklarna in.",
            en=f"The catalogue has {len(session.edits)} unsaved edit(s). Save or undo them in "
            "the catalogue first; then the keys are written in.",
        )
    if area_has_keys(session, keys):
        return None
    for purpose, value in (("sealing", keys.sealing_public), ("signing", keys.signing_public)):
        session.set("area", area_id, f"/public_keys/{purpose}", value)
    try:
        return session.save(who, now)
    except KompassenError:
        session.discard()  # nothing half-written: the installed area is as it was
        raise


def register_signing_key(
    client: OfficeClient, area_id: str, keys: OfficeKeys, *, replace: bool = False
) -> AreaKeyResult:
    """Pin the area's signing key on the server before its first release.

    ``replace`` (administrators only) puts it in place of another key: for a lost key file,
    since the tablets keep trusting the old key until they get a pack with the new one.
    """
    return client.register_area_key(area_id, keys.signing_public, replace=replace)


def is_key_conflict(err: KompassenError) -> bool:
    """The server has another signing key pinned for the area (HTTP 409)."""
    return getattr(err, "status", None) == 409


# ----------------------------------------------------------------------------- backup


def backup_words(key_file: Path, lang: str = "sv") -> list[str]:
    """How to back the key file up, and what is lost without it, as paragraphs."""
    if lang == "en":
        return [
            f"The key file is {key_file}.",
            "Make two copies of it on separate media, for example an encrypted USB stick "
            "kept in the office safe and one more in another locked place.",
            "Keep the passphrase apart from the file: written down in a sealed envelope with "
            "the head of the unit, or in the municipality's password manager — never on the "
            "stick itself.",
            "Without the key file or its passphrase, sealed reports from the tablets can "
            "never be opened, and no new catalogue release can be signed for the tablets: "
            "they would all have to be given new keys with a new area pack.",
        ]
    return [
        f"Nyckelfilen är {key_file}.",
        "Gör två kopior av den på olika medier, till exempel ett krypterat USB-minne i "
        "kontorets kassaskåp och ett till på ett annat låst ställe.",
        "Förvara lösenfrasen skild från filen: nedskriven i ett förseglat kuvert hos "
        "enhetschefen eller i kommunens lösenordshanterare — aldrig på själva minnet.",
        "Utan nyckelfilen eller lösenfrasen kan inlämnade rapporter från surfplattorna "
        "aldrig öppnas, och inga nya katalogsläpp kan signeras för surfplattorna: de skulle "
        "alla behöva få nya nycklar med ett nytt områdespaket.",
    ]
