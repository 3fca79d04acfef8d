"""Small-count suppression for published statistics, so no count points at a few people.

Every count below the threshold — zero included, so a hidden cell never says "none" — is
shown as "< 5". Secondary suppression keeps a hidden cell from being recovered by
subtraction: in every line whose total is shown (a row or column of a grid with its total,
the row totals or column totals with the grand total) the number of hidden items (cells and
the total) is never exactly one; the next smallest shown cell is hidden until that holds
everywhere; such a cell shows "x", since it is not below the threshold. Pure: plain ints in, :class:`Cell` values out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 5
#: what a cell hidden by the secondary rule shows: it is at least the threshold, so "< 5"
#: would be false (the statistics offices' "x": not published, for confidentiality)
SECONDARY_MARK = "x"


@dataclass(frozen=True, slots=True)
class Cell:
    """A count as published: its value, and whether it is hidden (primary or secondary)."""

    value: int
    hidden: bool
    secondary: bool = False

    def text(self, threshold: int = THRESHOLD) -> str:
        """``"< 5"`` for a small count, ``"x"`` for one hidden only to protect another."""
        if not self.hidden:
            return str(self.value)
        return SECONDARY_MARK if self.secondary else f"< {threshold}"


def primary(value: int, threshold: int = THRESHOLD) -> Cell:
    """One count on its own: hidden when below the threshold."""
    return Cell(value, value < threshold)


def derived(value: int, *sides: Cell) -> Cell:
    """A change or percentage computed from cells: hidden when any side is hidden (shown as
    "x": the change itself need not be small)."""
    hidden = any(c.hidden for c in sides)
    return Cell(value, hidden, hidden)


def _settle(values: list[int], hidden: list[bool], lines: list[list[int]]) -> list[bool]:
    """Hide more items until no line has exactly one hidden item; returns the secondary flags.

    A line is a list of indexes into ``values`` whose last item is the line's total and whose
    other items sum to it. The smallest shown item of an offending line is hidden (cells
    before the total on ties, then the earlier index), which keeps the loss small.
    """
    secondary = [False] * len(values)
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(1 for i in line if hidden[i]) != 1:
                continue
            shown = [i for i in line if not hidden[i]]
            if not shown:
                continue
            pick = min(shown, key=lambda i: (values[i], i == line[-1], i))
            hidden[pick] = True
            secondary[pick] = True
            changed = True
    return secondary


def suppress_line(
    values: Sequence[int], threshold: int = THRESHOLD, *, with_total: bool = True
) -> tuple[list[Cell], Cell]:
    """Cells of one line and its total (the sum).

    Without a shown total (``with_total=False``) only the primary rule applies and the
    returned total is hidden: it must not be published next to the cells.
    """
    vals = [int(v) for v in values]
    total = sum(vals)
    allv = [*vals, total]
    hidden = [v < threshold for v in allv]
    if not with_total:
        return [Cell(v, h) for v, h in zip(vals, hidden[:-1], strict=True)], Cell(total, True)
    secondary = _settle(allv, hidden, [list(range(len(allv)))])
    cells = [Cell(v, h, s) for v, h, s in zip(allv, hidden, secondary, strict=True)]
    return cells[:-1], cells[-1]


def suppress_grid(
    grid: Sequence[Sequence[int]], threshold: int = THRESHOLD
) -> tuple[list[list[Cell]], list[Cell], list[Cell], Cell]:
    """Cells, row totals, column totals and the grand total of a table of counts.

    Every row with its total, every column with its total, the row totals and the column
    totals with the grand total are lines of the secondary rule.
    """
    rows = [[int(v) for v in r] for r in grid]
    n_rows = len(rows)
    n_cols = max((len(r) for r in rows), default=0)
    if any(len(r) != n_cols for r in rows):
        raise ValueError("every row needs the same number of columns")
    row_tot = [sum(r) for r in rows]
    col_tot = [sum(r[c] for r in rows) for c in range(n_cols)]
    grand = sum(row_tot)
    # flat layout: cells row-major, then row totals, then column totals, then the grand total
    values = [v for r in rows for v in r] + row_tot + col_tot + [grand]
    rt0 = n_rows * n_cols
    ct0 = rt0 + n_rows
    g = ct0 + n_cols
    lines = [[r * n_cols + c for c in range(n_cols)] + [rt0 + r] for r in range(n_rows)]
    lines += [[r * n_cols + c for r in range(n_rows)] + [ct0 + c] for c in range(n_cols)]
    lines.append([rt0 + r for r in range(n_rows)] + [g])
    lines.append([ct0 + c for c in range(n_cols)] + [g])
    hidden = [v < threshold for v in values]
    secondary = _settle(values, hidden, lines)
    cells = [Cell(v, h, s) for v, h, s in zip(values, hidden, secondary, strict=True)]
    grid_cells = [cells[r * n_cols : (r + 1) * n_cols] for r in range(n_rows)]
    return grid_cells, cells[rt0:ct0], cells[ct0:g], cells[g]
