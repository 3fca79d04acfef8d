"""Where a JSON pointer starts in a JSON text (line and column), for pack error messages.

Why not json-source-map: it maps every value of the file in pure Python and recursively, so
a 33 MB pack took ~20 s to map for one error, and a deeply nested file overflowed the stack.
Here only the containers on the path to a pointer are scanned, their members skipped with
json's C scanner, and the descent is a loop. The text has already been parsed by
:func:`kompassen.device.files.parse_json`, so its nesting (and the C scanner's recursion
while skipping) is bounded by ``MAX_JSON_DEPTH``.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]  # public, not in typeshed

_WS = re.compile(r"[ \t\n\r]*")

# a member of a container: its key's offset (None in an array) and its value's offset
_Member = tuple[int | None, int]


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


class _Container:
    """How far one container has been scanned, and the members seen so far."""

    __slots__ = ("closer", "index", "is_object", "members", "next")

    def __init__(self, text: str, start: int, after_ws: int) -> None:
        opener = text[start : start + 1]
        self.is_object = opener == "{"
        self.closer = "}" if self.is_object else "]" if opener == "[" else ""
        self.members: dict[str | int, _Member] = {}
        self.index = 0
        self.next = after_ws if self.closer else -1  # -1: a scalar, or scanned to the end


class SourceMap:
    """Offsets of the members of the containers that pointers lead through, found lazily.

    A container is scanned only as far as the member looked for (the records after a
    problem are never touched); a repeated key is found at its first place.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._scan_once = json.JSONDecoder().scan_once  # type: ignore[attr-defined]  # (C scanner)
        self._containers: dict[int, _Container] = {}

    def _ws(self, i: int) -> int:
        m = _WS.match(self.text, i)
        return m.end() if m else i

    def _member(self, start: int, name: str | int) -> _Member | None:
        """The member ``name`` of the container whose value starts at ``start``, if any."""
        box = self._containers.get(start)
        if box is None:
            box = self._containers[start] = _Container(self.text, start, self._ws(start + 1))
        text = self.text
        while name not in box.members and box.next >= 0:
            i = box.next
            if i >= len(text) or text[i] == box.closer:
                box.next = -1
                break
            key_at: int | None = None
            key: str | int = box.index
            if box.is_object:
                key_at = i
                key, i = scanstring(text, i + 1)
                i = self._ws(self._ws(i) + 1)  # past the colon
            box.members.setdefault(key, (key_at, i))
            box.index += 1
            _, i = self._scan_once(text, i)  # skip the value at C speed
            i = self._ws(i)
            box.next = self._ws(i + 1) if text[i : i + 1] == "," else i
        return box.members.get(name)

    def offset(self, pointer: str) -> int | None:
        """Offset of the deepest existing part of ``pointer``: its key, else its value."""
        try:
            value_at = self._ws(0)
            key_at: int | None = None
            for raw in pointer.split("/")[1:] if pointer else []:
                part = _unescape(raw)
                found = None
                if part.isdigit() and self.text[value_at : value_at + 1] == "[":
                    found = self._member(value_at, int(part))
                elif self.text[value_at : value_at + 1] == "{":
                    found = self._member(value_at, part)
                if found is None:
                    break
                key_at, value_at = found
            return key_at if key_at is not None else value_at
        except (ValueError, IndexError, StopIteration):
            return None  # the text is not the document's (cannot happen for parsed files)

    def line_column(self, pointer: str) -> tuple[int, int] | None:
        """1-based line and column of :meth:`offset`, or None."""
        at = self.offset(pointer)
        if at is None:
            return None
        line = self.text.count("\n", 0, at) + 1
        return line, at - (self.text.rfind("\n", 0, at) + 1) + 1
