"""Small counts are hidden, and no hidden count can be worked out from a total."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kompassen.core.suppression import THRESHOLD, Cell, derived, suppress_grid, suppress_line


def _recoverable(items: list[Cell]) -> bool:
    """A line (cells, then its shown total) where total − shown gives one hidden cell."""
    return sum(1 for c in items if c.hidden) == 1


def test_text_and_zero_hidden() -> None:
    cells, total = suppress_line([0, 5, 6, 7])
    assert [c.text() for c in cells] == ["< 5", "x", "6", "7"]  # 0 primary, 5 secondary
    assert cells[0].hidden and not cells[0].secondary
    assert cells[1].secondary and total.text() == "18"
    assert Cell(3, True).text(10) == "< 10"


def test_small_total_hidden() -> None:
    cells, total = suppress_line([1, 2])
    assert total.hidden and all(c.hidden for c in cells)


def test_without_total_only_primary() -> None:
    cells, total = suppress_line([1, 8, 9], with_total=False)
    assert [c.hidden for c in cells] == [True, False, False] and total.hidden


def test_derived_hidden_when_either_side_is() -> None:
    assert derived(3, Cell(10, False), Cell(7, False)).hidden is False
    assert derived(3, Cell(10, False), Cell(7, True, True)).hidden is True
    assert derived(3, Cell(10, False), Cell(2, True)).text() == "x"  # a change is not "< 5"


def test_grid_example() -> None:
    cells, _rows, _cols, grand = suppress_grid([[20, 30, 2], [25, 35, 40]])
    flat = [c for r in cells for c in r]
    assert cells[0][2].hidden and not grand.hidden
    # row 0 gets a second hidden cell, and so does column 2
    assert sum(c.hidden for c in cells[0]) >= 2
    assert cells[1][2].hidden
    assert sum(c.hidden for c in flat) >= 4  # the rectangle: two rows by two columns


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=1, max_size=12), st.integers(1, 10))
def test_line_never_recoverable(values: list[int], threshold: int) -> None:
    cells, total = suppress_line(values, threshold)
    assert [c.value for c in cells] == values and total.value == sum(values)
    for c in [*cells, total]:
        if c.value < threshold:
            assert c.hidden and not c.secondary and c.text(threshold) == f"< {threshold}"
        if c.secondary:
            assert c.value >= threshold and c.text(threshold) == "x"
    assert not _recoverable([*cells, total])


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda n: st.lists(
            st.lists(st.integers(0, 30), min_size=n, max_size=n), min_size=1, max_size=6
        )
    )
)
def test_grid_never_recoverable(grid: list[list[int]]) -> None:
    cells, rows, cols, grand = suppress_grid(grid)
    for r, row in enumerate(cells):
        assert [c.value for c in row] == grid[r]
        assert not _recoverable([*row, rows[r]])
    for c in range(len(grid[0])):
        assert not _recoverable([cells[r][c] for r in range(len(grid))] + [cols[c]])
    assert not _recoverable([*rows, grand])
    assert not _recoverable([*cols, grand])
    for c in [x for row in cells for x in row] + rows + cols + [grand]:
        if c.value < THRESHOLD:
            assert c.hidden
