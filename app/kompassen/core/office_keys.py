"""Placeholder office keys: what an area made from an import has until keys are generated.

Why here: the import writes them (catalogue), sealing must refuse them (reports: a report
sealed to a key nobody holds can never be opened, so it would be lost without a word) and
publishing must explain them (cli). A placeholder is a hash, not a key pair, so nobody holds
its private half.
"""

from __future__ import annotations

import base64
import hashlib


def placeholder_key(area_id: str, purpose: str) -> str:
    """The 32-byte placeholder for ``purpose`` ("sealing" or "signing") of an area."""
    digest = hashlib.sha256(f"kompassen-no-office-key:{purpose}:{area_id}".encode()).digest()
    return base64.b64encode(digest).decode("ascii")


def is_placeholder_key(area_id: str, purpose: str, key: str) -> bool:
    """Whether ``key`` is the area's placeholder (no office has the private half)."""
    return key == placeholder_key(area_id, purpose)
