"""Zero results: which one filter to drop, and how many services that would give."""

from __future__ import annotations

from kompassen.catalogue.search.area_index import AreaIndex
from kompassen.catalogue.search.model import Alternative, SearchQuery


def alternatives(
    idx: AreaIndex, q: SearchQuery, text_mask: int, chip_codes: list[str], time_mask: int
) -> tuple[Alternative, ...]:
    """Each chip, the text and "only open" left out in turn; those that find something, most first."""
    out = []
    sv = q.lang != "en"
    for code in chip_codes:
        mask = text_mask & time_mask
        for other in chip_codes:
            if other != code:
                mask &= idx.masks.get(other, 0)
        label = idx.terms[code][1].get(q.lang) if code in idx.terms else code
        out.append(
            Alternative(code, (f"utan ”{label}”" if sv else f"without '{label}'"), mask.bit_count())
        )
    if q.text.strip():
        mask = idx.active & time_mask
        for code in chip_codes:
            mask &= idx.masks.get(code, 0)
        out.append(
            Alternative(
                "text", "utan sökorden" if sv else "without the search words", mask.bit_count()
            )
        )
    if q.only_open:
        mask = text_mask
        for code in chip_codes:
            mask &= idx.masks.get(code, 0)
        out.append(
            Alternative("only_open", "även stängda" if sv else "closed ones too", mask.bit_count())
        )
    return tuple(sorted((a for a in out if a.count > 0), key=lambda a: -a.count))
