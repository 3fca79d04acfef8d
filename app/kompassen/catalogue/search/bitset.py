"""Sets of catalogue positions as Python ints: AND, OR and popcount run in C over 100k bits.

Building a mask bit by bit (``m |= 1 << i``) is quadratic, and testing a bit of a huge int
copies it; these helpers go through bytes instead.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

_BYTE_BITS = [tuple(i for i in range(8) if b >> i & 1) for b in range(256)]


def from_positions(positions: Iterable[int], size: int) -> int:
    """A mask with the given bit positions set."""
    buf = bytearray((size + 7) // 8 or 1)
    for p in positions:
        buf[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(buf, "little")


def from_array(positions: np.ndarray, size: int) -> int:
    """A mask from a numpy array of positions (vectorised: no Python loop)."""
    bits = np.zeros(((size + 7) // 8 or 1) * 8, dtype=bool)
    bits[positions] = True
    return int.from_bytes(np.packbits(bits, bitorder="little").tobytes(), "little")


def full(size: int) -> int:
    return (1 << size) - 1


def to_bytes(mask: int, size: int) -> bytes:
    """The mask as little-endian bytes (for numpy and for walking the set bits)."""
    return mask.to_bytes((size + 7) // 8 or 1, "little")


def positions(mask: int, size: int) -> list[int]:
    """The set bit positions, in increasing order."""
    out: list[int] = []
    for i, byte in enumerate(to_bytes(mask, size)):
        if byte:
            base = i << 3
            out.extend(base + b for b in _BYTE_BITS[byte])
    return out
