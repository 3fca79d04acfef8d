"""The import report: per file, row and field, what a tolerant HSDS import repaired, left out
or ignored, and why; shown at the end of the run and saved as JSON and Markdown.

Why a report and not only warnings: a real export has hundreds of small faults. The
coordinator must be able to see exactly which rows did not come in (and fix them at the
source), and which values were changed on the way, without reading the import's code.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# What happened to the thing an entry is about:
REPAIRED = "repaired"  # the value was changed to the one obvious reading
DROPPED = "dropped"  # the value was left out, the row was kept
SKIPPED = "skipped"  # the whole row was left out
IGNORED = "ignored"  # a column or table Kompassen does not read
NOTE = "note"  # something the import left out or changed that is not about one row
ACTIONS = (SKIPPED, DROPPED, REPAIRED, IGNORED, NOTE)
# Actions that change or lose data: --strict refuses an input with any of them.
CHANGES = frozenset({REPAIRED, DROPPED, SKIPPED})

_WORDS = {
    "sv": {
        SKIPPED: "hoppades över",
        DROPPED: "värde utelämnat",
        REPAIRED: "rättat",
        IGNORED: "ignorerat",
        NOTE: "notering",
        "row": "rad",
        "index": "index",
        "field": "fält",
        "rows": "rader",
        "more": "till",
        "title": "Importrapport",
        "none": "Inget behövde rättas eller utelämnas.",
        "head": "Importrapport ({counts}):",
        "saved": "Hela rapporten: {json} och {md}",
        "listed": "… och {n} rader till i rapporten",
        "mode": "läge",
        "organizations": "organisationer",
        "locations": "platser",
        "services": "tjänster",
    },
    "en": {
        SKIPPED: "skipped",
        DROPPED: "value left out",
        REPAIRED: "repaired",
        IGNORED: "ignored",
        NOTE: "note",
        "row": "row",
        "index": "index",
        "field": "field",
        "rows": "rows",
        "more": "more",
        "title": "Import report",
        "none": "Nothing had to be repaired or left out.",
        "head": "Import report ({counts}):",
        "saved": "Full report: {json} and {md}",
        "listed": "… and {n} more lines in the report",
        "mode": "mode",
        "organizations": "organizations",
        "locations": "locations",
        "services": "services",
    },
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing the import did to one file, row and field."""

    file: str
    row: int | None  # CSV line (1-based) or JSON array index; None: the whole file/table
    field: str | None
    action: str
    sv: str
    en: str
    json_index: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "row": self.row,
            "row_is_json_index": self.json_index,
            "field": self.field,
            "action": self.action,
            "why_sv": self.sv,
            "why_en": self.en,
        }


@dataclass
class Report:
    """Every entry of one import run, in the order the import met them."""

    source: str = ""
    strict: bool = False
    entries: list[Entry] = field(default_factory=list)
    imported: dict[str, int] = field(default_factory=dict)  # table -> rows imported

    def add(
        self,
        file: str,
        row: int | None,
        fld: str | None,
        action: str,
        sv: str,
        en: str,
        json_index: bool = False,
    ) -> None:
        self.entries.append(Entry(file, row, fld, action, sv, en, json_index))

    def counts(self) -> Counter[str]:
        return Counter(e.action for e in self.entries)

    # -- output

    def as_json(self) -> dict[str, Any]:
        counts = self.counts()
        return {
            "source": self.source,
            "mode": "strict" if self.strict else "tolerant",
            "imported": self.imported,
            "counts": {a: counts.get(a, 0) for a in ACTIONS},
            "entries": [e.as_json() for e in self.entries],
        }

    def _groups(self) -> list[tuple[Entry, list[Entry]]]:
        """Entries with the same file, field, action and reason together (the first as title)."""
        groups: dict[tuple[str, str | None, str, str], list[Entry]] = {}
        for e in self.entries:
            groups.setdefault((e.file, e.field, e.action, e.en), []).append(e)
        order = {a: i for i, a in enumerate(ACTIONS)}
        return sorted(
            ((g[0], g) for g in groups.values()),
            key=lambda item: (order[item[0].action], item[0].file),
        )

    def _where(self, lang: str, entries: list[Entry], limit: int = 12) -> str:
        w = _WORDS[lang]
        first = entries[0]
        where = first.file or "–"
        rows = [e.row for e in entries if e.row is not None]
        if rows:
            label = w["index"] if first.json_index else (w["row"] if len(rows) == 1 else w["rows"])
            shown = ", ".join(str(r) for r in rows[:limit])
            more = f" (+{len(rows) - limit} {w['more']})" if len(rows) > limit else ""
            where += f" {label} {shown}{more}"
        if first.field:
            where += f", {w['field']} {first.field}"
        return where

    def _text(self, lang: str, e: Entry) -> str:
        return e.en if lang == "en" else e.sv

    def count_words(self, lang: str) -> str:
        w = _WORDS[lang]
        counts = self.counts()
        return ", ".join(f"{counts[a]} {w[a]}" for a in ACTIONS if counts.get(a))

    def summary(self, lang: str = "sv", max_lines: int = 25, *, notes: bool = True) -> str:
        """The report in a few lines of the user's language, for the end of the run
        (``notes=False``: without the notes, when the caller shows them as warnings)."""
        w = _WORDS[lang if lang in _WORDS else "sv"]
        lang = "en" if lang == "en" else "sv"
        if not any(notes or e.action != NOTE for e in self.entries):
            return w["none"]
        lines = [w["head"].format(counts=self.count_words(lang))]
        groups = [g for g in self._groups() if notes or g[0].action != NOTE]
        for first, entries in groups[:max_lines]:
            lines.append(
                f"  [{w[first.action]}] {self._where(lang, entries, 6)}: {self._text(lang, first)}"
            )
        if len(groups) > max_lines:
            rest = sum(len(g) for _, g in groups[max_lines:])
            lines.append("  " + w["listed"].format(n=rest))
        return "\n".join(lines)

    def markdown(self, lang: str = "sv") -> str:
        """The whole report as Markdown: counts, then one table row per entry."""
        w = _WORDS[lang if lang in _WORDS else "sv"]
        lang = "en" if lang == "en" else "sv"
        out = [f"# {w['title']}: {self.source}", ""]
        mode = "--strict" if self.strict else "tolerant"
        out.append(f"- {w['mode']}: {mode}")
        for table, n in self.imported.items():
            out.append(f"- {w.get(table, table)}: {n}")
        out.append(f"- {self.count_words(lang) or w['none']}")
        out.append("")
        if self.entries:
            head = ("file", "row", "field", "action", "why")
            if lang == "sv":
                head = ("fil", "rad", "fält", "åtgärd", "varför")
            out.append("| " + " | ".join(head) + " |")
            out.append("|" + "---|" * len(head))
            for e in self.entries:
                cells = (
                    e.file,
                    "" if e.row is None else (f"#{e.row}" if e.json_index else str(e.row)),
                    e.field or "",
                    w[e.action],
                    self._text(lang, e),
                )
                out.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
        return "\n".join(out) + "\n"

    def save(self, base: Path, lang: str = "sv") -> tuple[Path, Path]:
        """Write ``base``.json and ``base``.md; return both paths."""
        base.parent.mkdir(parents=True, exist_ok=True)
        json_path = base.with_name(base.name + ".json")
        md_path = base.with_name(base.name + ".md")
        json_path.write_text(
            json.dumps(self.as_json(), ensure_ascii=False, indent=1) + "\n", "utf-8"
        )
        md_path.write_text(self.markdown(lang), "utf-8")
        return json_path, md_path


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def default_report_base(path: Path) -> Path:
    """Where the report goes without ``--report``: next to the input, never inside it
    (so a later import of the same folder does not read it): ``<input>-import-report``."""
    path = Path(path)
    if path.is_file():
        return path.with_name(f"{path.stem}-import-report")
    return path.parent / f"{path.name or 'hsds'}-import-report"


def saved_line(lang: str, paths: tuple[Path, Path]) -> str:
    w = _WORDS["en" if lang == "en" else "sv"]
    return w["saved"].format(json=paths[0], md=paths[1])
