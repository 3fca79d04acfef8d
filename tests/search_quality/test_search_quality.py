"""Search quality on the shipped packs: one test per field query, plus the mean metrics.

The table and the reasons for each expectation are in queries.py; ``python -m
tests.search_quality.report`` prints what every query returns. Rows marked xfail are real ranking
weaknesses (diagnosis in the reason); they are strict, so a fix makes them fail until unmarked.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from kompassen.catalogue.search.service import SearchService
from kompassen.device.paths import bundled_areas_dir

from .harness import Outcome, catalogue, means, run, run_all
from .queries import ROWS, Row

# Measured 2026-11-23: precision@3 0.552, recall@10 0.947 (67 queries). Set just below, so a
# ranking regression fails; raise them when the ranking improves.
# 2026-12-02, packs corrected from the audit (data, not ranking): precision@3 0.572 → 0.552, as
# the new services without coordinates (EU-center, Boklara) rank like placeless lines and hours
# no source gave (Hemlöshetsmottagningen, the EU shelter) are now unknown instead of closed.
MIN_PRECISION_AT_3 = 0.55
MIN_RECALL_AT_10 = 0.95


@pytest.fixture(scope="module")
def ss(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchService]:
    with catalogue(Path(tmp_path_factory.mktemp("quality"))) as service:
        yield service


def _param(row: Row) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=row.xfail)] if row.xfail else []
    return pytest.param(row, id=row.id, marks=marks)


@pytest.mark.parametrize("row", [_param(r) for r in ROWS])
def test_query(ss: SearchService, row: Row) -> None:
    o = run(ss, row)
    assert o.ok, _explain(o)


def _explain(o: Outcome) -> str:
    lines = [f"{o.row.id}: {o.row.describe()} — {o.row.why}"]
    lines += [f"  ✗ {p}" for p in o.problems]
    lines.append(f"  got top 10: {', '.join(o.hits) or '(nothing)'}")
    lines.append(f"  guides: {', '.join(o.guides) or '(none)'}")
    return "\n".join(lines)


def test_mean_precision_and_recall_do_not_regress(ss: SearchService) -> None:
    p3, r10, n = means(run_all(ss))
    assert n >= 40
    assert p3 >= MIN_PRECISION_AT_3, f"mean precision@3 fell to {p3:.3f}"
    assert r10 >= MIN_RECALL_AT_10, f"mean recall@10 fell to {r10:.3f}"


def test_the_table_is_sound(ss: SearchService) -> None:
    """Enough rows per pack, unique ids, and every named service and guide exists."""
    ids = [r.id for r in ROWS]
    assert len(ids) == len(set(ids))
    per_area = Counter(r.area for r in ROWS)
    assert len(ROWS) >= 40 and per_area["klara"] >= 25 and per_area["vastra-sodermalm"] >= 12
    for row in ROWS:
        idx = ss.index(row.area)
        services = {sid.split("/", 1)[1] for sid in idx.rows.ids(range(idx.size))}
        guides = {g.id.split("/", 1)[1] for g in idx.guides}
        named = {*row.top3, *row.top10, *row.first, *row.not_top3, *(row.guide_step or ())}
        assert named <= services, f"{row.id}: unknown services {named - services}"
        assert row.guide is None or row.guide in guides, f"{row.id}: unknown guide {row.guide}"
        assert set(row.not_guides) <= guides, f"{row.id}: unknown guides {row.not_guides}"
        assert not row.guide_first or row.guide, f"{row.id}: guide_first without a guide"
        assert set(row.recognised) | set(row.groups) | set(row.needs) <= set(idx.terms)
        assert row.relevant or row.recognised or row.guide, f"{row.id} expects nothing"
        assert not row.first or set(row.first) & row.relevant, f"{row.id}: odd 'first'"


def test_every_shipped_guide_has_a_chip_only_row() -> None:
    """Each guide of each pack is asked for by its own chips alone and must come first."""
    chip_rows = {(r.area, r.guide) for r in ROWS if r.guide_first and not r.text}
    for pack in (p for p in bundled_areas_dir().iterdir() if (p / "guides.json").is_file()):
        area = json.loads((pack / "area.json").read_text("utf-8"))["id"]
        keys = [g["key"] for g in json.loads((pack / "guides.json").read_text("utf-8"))["guides"]]
        assert keys and {(area, k) for k in keys} <= chip_rows


def test_distances_are_given_near_a_landmark(ss: SearchService) -> None:
    """With a landmark, hits that have a place carry distance, walking time and direction."""
    with_place = 0
    for row in (r for r in ROWS if r.near):
        o = run(ss, row)
        assert not [p for p in o.problems if "distance" in p], _explain(o)
        with_place += sum(h.distance_m is not None for h in o.result.hits)
    assert with_place >= 10  # the check above is not vacuous
