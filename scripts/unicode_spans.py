"""Write ``catalogue/search/unicode_spans.py``: the search analyser's Unicode classes.

``analyzer.normalise`` and ``analyzer.words`` need the format characters, odd spaces and
combining marks of Unicode. Scanning for them costs every process 60-90 ms at its first
search (a one-shot ``kompassen search`` included), so they are shipped for the Unicode
version of the Python that runs this; another Python scans (same answers, slower start).
Run again when the app's Python changes: tests/catalogue/test_search_unicode_spans.py says so.

Usage: python scripts/unicode_spans.py
"""

from __future__ import annotations

import textwrap
import unicodedata
from pathlib import Path

from kompassen.catalogue.search.analyzer import scan_unicode

TARGET = Path(__file__).parents[1] / "app/kompassen/catalogue/search/unicode_spans.py"

HEADER = '''"""The search analyser's Unicode classes for one Unicode version: generated, do not edit.

Written by ``scripts/unicode_spans.py`` from ``analyzer.scan_unicode()``, which costs a
process 60-90 ms; these spans cost it nothing until its first search. Each class is a run of
inclusive spans of code points in hex ("0300-036f", or one code point).
"""

from __future__ import annotations

UNIDATA_VERSION = "{version}"

_SPANS = {{
{body}}}


def classes() -> dict[str, tuple[tuple[int, int], ...]]:
    """Each class's spans, as ``analyzer.scan_unicode()`` returns them."""
    return {{name: tuple(_span(s) for s in text.split()) for name, text in _SPANS.items()}}


def _span(text: str) -> tuple[int, int]:
    a, _, b = text.partition("-")
    return int(a, 16), int(b or a, 16)
'''


def source() -> str:
    """The module's text for this Python's Unicode."""
    body = []
    for name, spans in scan_unicode().items():
        words = " ".join(f"{a:04x}" if a == b else f"{a:04x}-{b:04x}" for a, b in spans)
        lines = textwrap.wrap(words, 84, break_on_hyphens=False)
        if len(lines) == 1:
            body.append(f'    "{name}": "{lines[0]}",\n')
        else:
            quoted = "".join(f'        "{ln} "\n' for ln in lines)
            body.append(f'    "{name}": (\n{quoted}    ),\n')
    return HEADER.format(version=unicodedata.unidata_version, body="".join(body))


if __name__ == "__main__":
    TARGET.write_text(source(), encoding="utf-8")
    print(f"wrote {TARGET} (Unicode {unicodedata.unidata_version})")
