"""What an HSDS import found wrong (problems) or left out (warnings), and where it came from.

Why: one run reports as many problems as it can find, each against the HSDS file, row and
field the user can open and fix; problems the pack validation finds later are pointed back
there through the provenance of every pack element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kompassen.catalogue.hsds.mapping import HsdsError, HsdsProblem
from kompassen.catalogue.hsds.report import CHANGES, IGNORED, REPAIRED, SKIPPED, Report
from kompassen.catalogue.hsds.tables import TableData
from kompassen.catalogue.pack.validate import PackError


class Problems:
    """Collects problems so one run reports as many as it can find.

    Strict (``--strict``, and the default of :func:`import_hsds`): every problem and every
    repair the tolerant import would make is an error; the run stops before installing.
    Tolerant: a problem becomes a report entry (the caller leaves out the row or value) and a
    repair is made and reported; nothing raises here.
    """

    def __init__(self, strict: bool = True, report: Report | None = None) -> None:
        self.items: list[HsdsProblem] = []
        self.strict = strict
        self.report = report if report is not None else Report(strict=strict)

    def add(
        self,
        t: TableData | str,
        row: int | None,
        fld: str | None,
        sv: str,
        en: str,
        action: str = SKIPPED,
    ) -> None:
        """A problem; tolerant: ``action`` says what the caller does about it."""
        file, json_index = (t.file, t.json_index) if isinstance(t, TableData) else (t, False)
        if self.strict and action in CHANGES:
            self.items.append(HsdsProblem(file, row, fld, sv, en, json_index))
        else:
            self.report.add(file, row, fld, action, sv, en, json_index)

    def repair(
        self, t: TableData | str, row: int | None, fld: str | None, sv: str, en: str
    ) -> bool:
        """Whether the caller may make the one obvious repair (tolerant); strict: a problem."""
        self.add(t, row, fld, sv, en, REPAIRED)
        return not self.strict

    def ignore(self, t: TableData | str, fld: str | None, sv: str, en: str) -> None:
        """A column or table not read: listed in the report in both modes, never an error."""
        self.add(t, None, fld, sv, en, IGNORED)

    def raise_if_any(self) -> None:
        if self.items:
            raise HsdsError(self.items)


def fail(file: str, sv: str, en: str, row: int | None = None, fld: str | None = None) -> HsdsError:
    """A problem that stops reading at once (the rest of the file cannot be trusted)."""
    return HsdsError([HsdsProblem(file, row, fld, sv, en)])


@dataclass
class Warnings:
    """What was left out or changed; the import still succeeds."""

    sv: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)

    def add(self, sv: str, en: str) -> None:
        self.sv.append(sv)
        self.en.append(en)


# pack field (below the element a row became) -> the HSDS column it came from
_PACK_TO_HSDS = {
    "handover/age_min": "minimum_age",
    "handover/age_max": "maximum_age",
    "handover/languages": "languages",
    "handover/instructions": "application_process",
    "description": "description",
    "opens": "opens_at",
    "closes": "closes_at",
    "lat": "latitude",
    "lon": "longitude",
    "address/street": "address_1",
}


class Provenance:
    """Which HSDS row each element of the new ``services.json`` was made from."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple[TableData, int]] = {}

    def note(self, pointer: str, source: tuple[TableData, int]) -> None:
        """Remember that the element at JSON ``pointer`` came from ``source`` (table, row)."""
        self.rows[pointer] = source

    def translate(self, err: PackError) -> HsdsError:
        """Point pack validation problems back at the HSDS file, row and field."""
        problems = []
        for p in err.problems:
            if p.file != "services.json":
                problems.append(HsdsProblem(p.file, None, p.pointer or None, p.sv, p.en))
                continue
            prefix = p.pointer
            while prefix and prefix not in self.rows:
                prefix = prefix.rsplit("/", 1)[0]
            if not prefix:
                problems.append(HsdsProblem("services", None, p.pointer, p.sv, p.en))
                continue
            data, row = self.rows[prefix]
            rest = p.pointer[len(prefix) :].strip("/") or None
            fld = _PACK_TO_HSDS.get(re.sub(r"/\d+$", "", rest or ""), rest)
            problems.append(HsdsProblem(data.file, row, fld, p.sv, p.en, data.json_index))
        return HsdsError(problems)
