"""HSDS attributes: the taxonomy codes of every service, and Kompassen's extension data.

Why read first: the attribute rows carry both the group/need/handover codes and the
extension object (key, English texts, hours details, …) of every other record, so the
mapping of organisations, locations, services and phones needs them before it starts.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from kompassen.catalogue.hsds.keys import RowChecks, _slug
from kompassen.catalogue.hsds.mapping import EXTENSION_CODE
from kompassen.catalogue.hsds.problems import Problems, Warnings
from kompassen.catalogue.hsds.tables import TableData
from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.pack.schema import base_taxonomy
from kompassen.device.files import TextFileError, parse_json


def known_kinds(old: PackData) -> dict[str, str]:
    """Code -> "group" / "need" / "handover" for the base taxonomy and the area's additions."""
    kinds: dict[str, str] = {}
    base = base_taxonomy()
    for plural, kind in (("groups", "group"), ("needs", "need"), ("handover", "handover")):
        for term in base[plural]:
            kinds[term["code"]] = kind
    tax = old.doc("taxonomy.json")
    for plural, kind in (("groups", "group"), ("needs", "need")):
        for term in tax.get(plural, []):
            kinds[term["code"]] = kind
    return kinds


class Attributes:
    """Codes per service and extension data per record, read from the attribute table."""

    def __init__(
        self, problems: Problems, checks: RowChecks, warnings: Warnings, kinds: dict[str, str]
    ) -> None:
        self.problems = problems
        self.checks = checks
        self.warnings = warnings
        self.kinds = kinds
        self.codes: dict[str, list[str]] = defaultdict(list)
        self.ext: dict[str, tuple[TableData, int, dict[str, Any]]] = {}
        # a new area (``keep_as``: its id) keeps the data's own terms as area needs
        self.keep_as: str | None = None
        self.added: list[dict[str, str]] = []  # taxonomy.json needs made from such terms

    def ext_of(self, hid: str) -> dict[str, Any]:
        """The extension object of the record with HSDS id ``hid`` ({} when none)."""
        entry = self.ext.get(hid)
        return entry[2] if entry else {}

    def read(
        self,
        terms_t: TableData,
        attrs: TableData,
        services: dict[str, Any],
        entities: dict[str, Any],
    ) -> None:
        """Fill ``codes`` and ``ext``; terms outside our taxonomy are counted as a warning."""
        terms = self.checks.ids(terms_t, True)
        code_col = next(c for c in ("code", "term", "name") if c in terms_t.columns)
        term_codes = {tid: row.get(code_col, "") for tid, (_, row) in terms.items()}
        term_tax = {tid: row.get("taxonomy", "") for tid, (_, row) in terms.items()}
        label_col = "description" if code_col == "name" else "name"
        term_labels = {
            tid: row.get(label_col) or row.get(code_col, "") for tid, (_, row) in terms.items()
        }
        kept: dict[str, str] = {}  # foreign code -> area code
        self.checks.ids(attrs, False)
        foreign: dict[str, int] = defaultdict(int)
        for row_no, row in attrs.rows:
            link = row.get("link_id") or row.get("service_id", "")
            entity = row.get("link_entity", "").lower() or (
                "service" if "service_id" in row else ""
            )
            tid = row.get("taxonomy_term_id") or row.get("taxonomy_id", "")
            if not self.checks.fk(
                attrs, row_no, "taxonomy_term_id", tid, term_codes, "Termen", "term"
            ):
                continue
            code = term_codes[tid]
            if code == EXTENSION_CODE:
                self._extension(attrs, row_no, row, link)
                continue
            if code not in self.kinds and self.keep_as and code and entity in ("", "service"):
                code = self._keep(code, term_labels.get(tid) or code, kept)
            if code not in self.kinds:
                foreign[term_tax.get(tid) or code] += 1
                continue
            if entity in ("", "service") and link in services:
                if code not in self.codes[link]:
                    self.codes[link].append(code)
            elif entity == "service" or (not entity and link not in entities):
                self.checks.fk(attrs, row_no, "link_id", link, services, "Tjänsten", "service")
        if foreign:
            total = sum(foreign.values())
            names = ", ".join(sorted(foreign)[:5])
            self.warnings.add(
                f"{total} attribut pekar på termer utanför Kompassens taxonomi ({names}) och "
                "lämnades utanför.",
                f"{total} attributes point at terms outside Kompassen's taxonomy ({names}) and "
                "were left out.",
            )

    def _keep(self, code: str, label: str, kept: dict[str, str]) -> str:
        """The area need a term of another taxonomy becomes in a new area (made once)."""
        if code in kept:
            return kept[code]
        base = f"{self.keep_as}.need.{_slug(code)}"
        area_code, n = base, 2
        while area_code in self.kinds:
            area_code, n = f"{base}-{n}", n + 1
        kept[code] = area_code
        self.kinds[area_code] = "need"
        self.added.append({"code": area_code, "sv": label})
        return area_code

    def _extension(self, attrs: TableData, row_no: int, row: dict[str, str], link: str) -> None:
        try:  # through the shared parser: its guards on untrusted JSON hold here too
            value = parse_json(row.get("value", ""), attrs.file)
        except TextFileError:
            value = None
        if not isinstance(value, dict):
            self.problems.add(
                attrs,
                row_no,
                "value",
                "Kompassen-tillägget ska vara ett JSON-objekt.",
                "The Kompassen extension must be a JSON object.",
            )
            return
        self.ext[link] = (attrs, row_no, value)
