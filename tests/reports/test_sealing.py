"""Sealing: only the office private key opens a report; padding hides the length."""

from __future__ import annotations

import base64

import pytest
from nacl.public import PrivateKey

from kompassen.reports.sealing import PAD_TO, SealError, envelope_bytes, open_sealed, seal

from .conftest import KEYS, make_report

UUID = "0b6c6a52-5d2e-4a8f-9a57-6d1f0f2a0001"
AT = "2026-11-23T22:12:00+01:00"


def test_office_key_opens_what_the_device_sealed() -> None:
    report = make_report()
    blob = seal(report, UUID, KEYS["sealing_public"], AT)
    env = open_sealed(blob, KEYS["sealing_private"])
    assert env == {"format": 1, "uuid": UUID, "sealed_at": AT, "report": report.to_dict()}


def test_envelope_is_compact_utf8_padded_to_256() -> None:
    report = make_report(text="Åäö " * 100)
    plain = envelope_bytes(report, UUID, AT)
    assert len(plain) % PAD_TO == 0
    body = plain.rstrip(b" ")
    assert b'"format":1,' in body and b", " not in body[:20]
    assert "Åäö".encode() in body  # UTF-8, not \u escapes
    # lengths in the same 256-byte bucket give the same ciphertext length
    short = seal(make_report(text="a"), UUID, KEYS["sealing_public"], AT)
    longer = seal(make_report(text="a" * 60), UUID, KEYS["sealing_public"], AT)
    assert len(short) == len(longer)


def test_the_device_cannot_open_it_with_what_it_has() -> None:
    """The device holds only the public key; any other key (even a fresh one) fails."""
    blob = seal(make_report(), UUID, KEYS["sealing_public"], AT)
    assert b"sovplats" not in blob and b"klara" not in blob
    with pytest.raises(SealError):
        open_sealed(blob, KEYS["sealing_public"])  # the only key the device has
    other = base64.b64encode(bytes(PrivateKey.generate())).decode()
    with pytest.raises(SealError, match="annan nyckel"):
        open_sealed(blob, other)


def test_a_flipped_byte_is_detected() -> None:
    blob = bytearray(seal(make_report(), UUID, KEYS["sealing_public"], AT))
    for i in (0, 40, len(blob) - 1):
        damaged = bytearray(blob)
        damaged[i] ^= 0x01
        with pytest.raises(SealError):
            open_sealed(bytes(damaged), KEYS["sealing_private"])
    with pytest.raises(SealError):
        open_sealed(bytes(blob[:30]), KEYS["sealing_private"])


def test_two_sealings_of_the_same_report_differ() -> None:
    report = make_report()
    a = seal(report, UUID, KEYS["sealing_public"], AT)
    b = seal(report, UUID, KEYS["sealing_public"], AT)
    assert a != b
    assert open_sealed(a, KEYS["sealing_private"]) == open_sealed(b, KEYS["sealing_private"])


@pytest.mark.parametrize(
    "key",
    ["", "not base64 at all!", base64.b64encode(b"short").decode(), KEYS["sealing_public"][:-4]],
)
def test_a_bad_public_key_is_told_in_words(key: str) -> None:
    with pytest.raises(SealError) as info:
        seal(make_report(), UUID, key, AT)
    assert "områdespaketet har fel nyckel" in info.value.sv
    assert "area pack has the wrong key" in info.value.en


def test_a_bad_private_key_is_told_in_words() -> None:
    blob = seal(make_report(), UUID, KEYS["sealing_public"], AT)
    with pytest.raises(SealError, match="privata nyckel"):
        open_sealed(blob, "nope")


def test_wrong_format_or_shape_inside_is_refused() -> None:
    from nacl.public import PublicKey, SealedBox

    box = SealedBox(PublicKey(base64.b64decode(KEYS["sealing_public"])))
    for plain, words in [
        (b'{"format":2,"uuid":"u","sealed_at":"t","report":{}}', "format"),
        (b'{"format":1,"uuid":"u"}', "saknar"),
        (b"\xff\xfe not json", "JSON"),
        (b"[1, 2]", "format"),
    ]:
        with pytest.raises(SealError, match=words):
            open_sealed(box.encrypt(plain), KEYS["sealing_private"])
