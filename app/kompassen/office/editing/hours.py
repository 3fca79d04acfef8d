"""An hours editor's result as the value of a service's ``/hours`` edit.

The editor works on :class:`~kompassen.core.hours.OpeningHours`; its ``to_dict`` writes
every default and knows nothing of per-fact sources. :func:`hours_value` turns it into the
pack's form (defaults left out, as the loader stores them) and keeps the ``source`` of the
hours, and of each weekly rule and exception that is still at the same place, so an hours
edit does not make its facts unsourced.
"""

from __future__ import annotations

from typing import Any

from kompassen.catalogue.pack.packdata import canonical
from kompassen.core.hours import OpeningHours


def hours_value(old: Any, new: OpeningHours | dict[str, Any]) -> dict[str, Any]:
    """The ``hours`` object to store for ``new``, with ``old``'s source references kept."""
    hours = new if isinstance(new, OpeningHours) else OpeningHours.from_dict(new)
    out: dict[str, Any] = canonical(hours.to_dict())
    if not isinstance(old, dict):
        return out
    if isinstance(old.get("source"), str):
        out["source"] = old["source"]
    for name in ("weekly", "exceptions"):
        before, after = old.get(name), out.get(name)
        if not isinstance(before, list) or not isinstance(after, list):
            continue
        for i, item in enumerate(after):
            if i < len(before) and isinstance(before[i], dict) and "source" in before[i]:
                item["source"] = before[i]["source"]
    return out
