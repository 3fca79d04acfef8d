"""Guards against known-bad Qt bindings, so an upgrade that brings them back fails here."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QFont, QImage


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_calls_returning_nothing_keep_none_alive(qapp: object) -> None:
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None per void call (abort later)."""
    image = QImage(4, 4, QImage.Format.Format_ARGB32)
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(2000):
        image.fill(0)
        font.setBold(True)
    assert sys.getrefcount(None) >= before - 100
