"""Office key files: argon2id + SecretBox, 0600, atomic; wrong passphrase and damage in words."""

from __future__ import annotations

import base64
import json
import stat
from pathlib import Path

import pytest
from nacl.public import PrivateKey
from nacl.signing import SigningKey

from kompassen.reports.keys import (
    KeyFileError,
    OfficeKeys,
    fingerprint,
    generate_keys,
    public_keys,
    read_key_file,
    write_key_file,
)
from kompassen.reports.sealing import open_sealed, seal

from .conftest import make_report

PASS = "korrekt häst batteri häftklammer"  # invented, obviously


def _write(path: Path, keys: OfficeKeys, passphrase: str = PASS) -> None:
    write_key_file(path, keys, passphrase, strength="interactive")


def test_generated_keys_are_real_pairs() -> None:
    keys = generate_keys()
    sealing = PrivateKey(base64.b64decode(keys.sealing_private))
    assert base64.b64decode(keys.sealing_public) == bytes(sealing.public_key)
    signing = SigningKey(base64.b64decode(keys.signing_private))
    assert base64.b64decode(keys.signing_public) == bytes(signing.verify_key)
    assert generate_keys() != keys
    blob = seal(make_report(), "u1", keys.sealing_public, "2026-11-23T22:00:00+01:00")
    assert open_sealed(blob, keys.sealing_private)["uuid"] == "u1"


def test_write_and_read_back(tmp_path: Path) -> None:
    keys = generate_keys()
    path = tmp_path / "sub" / "office-keys.json"
    _write(path, keys)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_key_file(path, PASS) == keys
    doc = json.loads(path.read_text())
    assert doc["format"] == 1 and doc["kdf"] == "argon2id"
    assert doc["public"] == {"sealing": keys.sealing_public, "signing": keys.signing_public}
    text = path.read_text()
    assert keys.sealing_private not in text and keys.signing_private not in text
    assert [p.name for p in path.parent.iterdir()] == ["office-keys.json"]  # no temp left


def test_overwrite_is_atomic_and_stays_private(tmp_path: Path) -> None:
    path = tmp_path / "office-keys.json"
    path.write_text("old")
    path.chmod(0o644)
    keys = generate_keys()
    _write(path, keys)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_key_file(path, PASS) == keys


def test_wrong_passphrase_is_told_in_words(tmp_path: Path) -> None:
    path = tmp_path / "office-keys.json"
    _write(path, generate_keys())
    with pytest.raises(KeyFileError) as info:
        read_key_file(path, PASS + "!")
    assert info.value.sv.startswith("Fel lösenfras för nyckelfilen")
    assert "Wrong passphrase" in info.value.en


def test_empty_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="tom"):
        _write(tmp_path / "k.json", generate_keys(), "")
    assert not (tmp_path / "k.json").exists()
    path = tmp_path / "office-keys.json"
    _write(path, generate_keys())
    with pytest.raises(KeyFileError, match="tom"):
        read_key_file(path, "")


def _damage(path: Path, change: dict[str, object]) -> None:
    doc = json.loads(path.read_text())
    doc.update(change)
    path.write_text(json.dumps(doc))


@pytest.mark.parametrize(
    "change",
    [
        {"format": 9},
        {"kdf": "scrypt"},
        {"salt": "!!"},
        {"salt": base64.b64encode(b"short").decode()},
        {"opslimit": 10**9},
        {"memlimit": "lots"},
        {"box": None},
        {"public": None},
    ],
)
def test_damaged_file_is_told_in_words(tmp_path: Path, change: dict[str, object]) -> None:
    path = tmp_path / "office-keys.json"
    _write(path, generate_keys())
    _damage(path, change)
    with pytest.raises(KeyFileError, match="skadad"):
        read_key_file(path, PASS)


def test_swapped_public_key_is_detected(tmp_path: Path) -> None:
    """Someone edits the clear public half: the private half no longer matches."""
    path = tmp_path / "office-keys.json"
    _write(path, generate_keys())
    _damage(path, {"public": {"sealing": generate_keys().sealing_public, "signing": "x"}})
    with pytest.raises(KeyFileError, match="hör inte ihop"):
        read_key_file(path, PASS)


def test_truncated_or_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "office-keys.json"
    _write(path, generate_keys())
    path.write_text(path.read_text()[:50])
    with pytest.raises(KeyFileError, match="skadad"):
        read_key_file(path, PASS)
    with pytest.raises(KeyFileError, match="finns inte"):
        read_key_file(tmp_path / "nope.json", PASS)


def test_flipped_box_byte_fails_like_a_wrong_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "office-keys.json"
    _write(path, generate_keys())
    doc = json.loads(path.read_text())
    box = bytearray(base64.b64decode(doc["box"]))
    box[-1] ^= 1
    _damage(path, {"box": base64.b64encode(bytes(box)).decode()})
    with pytest.raises(KeyFileError, match="Fel lösenfras"):
        read_key_file(path, PASS)


def test_fingerprint_is_four_hex_groups_and_stable() -> None:
    fp = fingerprint("VltI5g6UILTkESd/P2HBqOXo4dRhgAphBmUtrnSifX4=")
    groups = fp.split(" ")
    assert len(groups) == 4 and all(len(g) == 4 for g in groups)
    assert fp == fp.upper()
    assert fp == fingerprint("VltI5g6UILTkESd/P2HBqOXo4dRhgAphBmUtrnSifX4=")
    assert fp != fingerprint(generate_keys().sealing_public)
    with pytest.raises(KeyFileError):
        fingerprint("not base64!")


def test_public_keys_document() -> None:
    keys = generate_keys()
    doc = public_keys(keys)
    assert doc["sealing"] == keys.sealing_public
    assert doc["fingerprints"]["signing"] == fingerprint(keys.signing_public)
    assert keys.sealing_private not in json.dumps(doc)


def test_fingerprint_is_the_start_of_sha256() -> None:
    import hashlib

    key = generate_keys().signing_public
    digest = hashlib.sha256(base64.b64decode(key)).hexdigest().upper()
    assert fingerprint(key).replace(" ", "") == digest[:16]


def test_production_strength_is_the_default(tmp_path: Path) -> None:
    import nacl.pwhash.argon2id as argon2id

    path = tmp_path / "office-keys.json"
    keys = generate_keys()
    write_key_file(path, keys, PASS)
    doc = json.loads(path.read_text())
    assert (doc["opslimit"], doc["memlimit"]) == (
        argon2id.OPSLIMIT_MODERATE,
        argon2id.MEMLIMIT_MODERATE,
    )
    assert read_key_file(path, PASS) == keys
