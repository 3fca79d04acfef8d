"""Sources per fact: which of a record's sources a phone, an address, an hours rule or the
eligibility comes from.

A record's ``sources`` may be plain strings (format 1 as first shipped) or objects with a short
``id`` (``{"id": "s1", "url": …, "date": "2024" | "unknown", "checked": …}``); a fact names its
source with ``"source": "s1"``. These functions are pure (no storage, no Qt): the validator
checks the references, the loader keeps them in the record's ``sources_json`` column (``split``
and :func:`stored_json`), the dump puts them back (:func:`apply`), and the reader and the
worklist read that column with :func:`read_stored`, whichever of the two forms it holds.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

# The facts that can carry their own source, as keys of the stored "facts" object. Scalar facts
# map to one id; list facts to a list aligned with the pack's list (None = no source given).
SCALAR_FACTS = ("status", "location", "hours", "handover")
LIST_FACTS = ("phones", "weekly", "exceptions")


def source_ids(sources: list[Any]) -> dict[str, dict[str, Any]]:
    """The sources that have an id, by id (plain-string sources have none)."""
    return {s["id"]: s for s in sources if isinstance(s, dict) and "id" in s}


def source_url(source: Any) -> str:
    """What a source points at: the string itself or the object's url (or title)."""
    if isinstance(source, dict):
        return str(source.get("url") or source.get("title") or source.get("id") or "")
    return str(source)


def _hours_lists(hours: dict[str, Any]) -> dict[str, list[Any]]:
    return {"weekly": hours.get("weekly", []), "exceptions": hours.get("exceptions", [])}


def fact_refs(svc: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every (JSON pointer below the service, id) a service's facts refer to."""
    if "status_source" in svc:
        yield "/status_source", svc["status_source"]
    if "location_source" in svc:
        yield "/location_source", svc["location_source"]
    for i, ph in enumerate(svc.get("phones", [])):
        if "source" in ph:
            yield f"/phones/{i}/source", ph["source"]
    hours = svc.get("hours") or {}
    if "source" in hours:
        yield "/hours/source", hours["source"]
    for name, items in _hours_lists(hours).items():
        for i, item in enumerate(items):
            if "source" in item:
                yield f"/hours/{name}/{i}/source", item["source"]
    if "source" in svc.get("handover", {}):
        yield "/handover/source", svc["handover"]["source"]


def facts_of(svc: dict[str, Any]) -> dict[str, Any]:
    """A service's facts' source references as one object (``{"phones": ["s1", None],
    "hours": "s2", …}``; empty when the pack gives none). Nothing is copied: an install of
    100k services calls this once per service."""
    facts: dict[str, Any] = {}
    for key, name in (("status_source", "status"), ("location_source", "location")):
        if key in svc:
            facts[name] = svc[key]
    phones = svc.get("phones", ())
    if any("source" in ph for ph in phones):
        facts["phones"] = [ph.get("source") for ph in phones]
    hours = svc.get("hours")
    if hours:
        if "source" in hours:
            facts["hours"] = hours["source"]
        for name, items in _hours_lists(hours).items():
            if any("source" in it for it in items):
                facts[name] = [it.get("source") for it in items]
    if "source" in svc.get("handover", {}):
        facts["handover"] = svc["handover"]["source"]
    return facts


def split(svc: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The service without its facts' source references, and those references as one object
    (``{"phones": ["s1", None], "hours": "s2", …}``; empty when the pack gives none).

    The service is copied where it is changed; the caller's dict is left as it was.
    """
    facts: dict[str, Any] = {}
    out = dict(svc)
    if "status_source" in out:
        facts["status"] = out.pop("status_source")
    if "location_source" in out:
        facts["location"] = out.pop("location_source")
    if any("source" in ph for ph in out.get("phones", [])):
        facts["phones"] = [ph.get("source") for ph in out["phones"]]
        out["phones"] = [{k: v for k, v in ph.items() if k != "source"} for ph in out["phones"]]
    hours = out.get("hours")
    if hours:
        hours = copy.copy(hours)
        if "source" in hours:
            facts["hours"] = hours.pop("source")
        for name, items in _hours_lists(hours).items():
            if any("source" in it for it in items):
                facts[name] = [it.get("source") for it in items]
                hours[name] = [{k: v for k, v in it.items() if k != "source"} for it in items]
        out["hours"] = hours
    if "source" in out.get("handover", {}):
        out["handover"] = dict(out["handover"])
        facts["handover"] = out["handover"].pop("source")
    return out, facts


def apply(svc: dict[str, Any], facts: dict[str, Any]) -> dict[str, Any]:
    """Put stored references back into a service dict (in place; the inverse of :func:`split`).

    Only ids the service's sources hold are put back, and only on facts that exist: a
    reference that no longer fits (an HSDS import that dropped a phone) is left out rather
    than making the record invalid.
    """
    known = source_ids(svc.get("sources", []))

    def ok(ref: Any) -> bool:
        return isinstance(ref, str) and ref in known

    if ok(facts.get("status")):
        svc["status_source"] = facts["status"]
    if ok(facts.get("location")):
        svc["location_source"] = facts["location"]
    for i, ref in enumerate(_listed(facts.get("phones"))):
        if ok(ref) and i < len(svc.get("phones", [])):
            svc["phones"][i]["source"] = ref
    hours = svc.get("hours")
    if hours:
        if ok(facts.get("hours")):
            hours["source"] = facts["hours"]
        for name, items in _hours_lists(hours).items():
            for i, ref in enumerate(_listed(facts.get(name))):
                if ok(ref) and i < len(items):
                    items[i]["source"] = ref
    if ok(facts.get("handover")) and "handover" in svc:
        svc["handover"]["source"] = facts["handover"]
    return svc


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def stored_json(sources: list[Any], facts: dict[str, Any] | None = None) -> str:
    """The ``sources_json`` column: the plain list when no fact has its own source (so packs
    without ids are stored as before), else ``{"sources": [...], "facts": {...}}``."""
    if not facts:
        return json.dumps(sources, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(
        {"sources": sources, "facts": facts}, ensure_ascii=False, separators=(",", ":")
    )


def read_stored(text: str | None) -> tuple[list[Any], dict[str, Any]]:
    """A ``sources_json`` column in either form: (the sources as the pack gave them, facts)."""
    value = json.loads(text or "[]")
    if isinstance(value, dict):
        return list(value.get("sources", [])), dict(value.get("facts", {}))
    return list(value), {}
