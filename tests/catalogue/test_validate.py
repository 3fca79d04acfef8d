"""Pack validation: every problem found, each with file, line and a Swedish message."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.pack.validate import (
    MAX_SCHEMA_PROBLEMS,
    PackError,
    read_pack_dir,
    validate,
)
from kompassen.catalogue.store.loader import dump_area
from kompassen.catalogue.store.store import CatalogueStore
from minipack import mini_documents


def _write(folder: Path, docs: dict[str, Any]) -> Path:
    PackData(docs).write(folder)
    return folder


def _problems(folder: Path) -> list:
    with pytest.raises(PackError) as exc:
        read_pack_dir(folder)
    return exc.value.problems


def test_mini_pack_is_valid(tmp_path: Path) -> None:
    pack = read_pack_dir(_write(tmp_path / "testby", mini_documents()))
    assert pack.area_id == "testby"
    assert validate(pack) == []


def test_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    folder = _write(tmp_path / "testby", mini_documents())
    text = (folder / "landmarks.json").read_text(encoding="utf-8")
    lines = text.splitlines()
    bad_line = next(i for i, line in enumerate(lines) if '"name": "Testtorget"' in line)
    lines[bad_line] = lines[bad_line].rstrip(",")  # drop a comma
    (folder / "landmarks.json").write_text("\n".join(lines), encoding="utf-8")
    [p] = _problems(folder)
    assert p.file == "landmarks.json"
    assert p.line == bad_line + 2  # JSON notices the missing comma on the next line
    assert "Ogiltig eller avkortad JSON" in p.sv and "kommatecken" in p.sv
    assert "Invalid or truncated JSON" in p.en


def test_schema_errors_point_at_the_line(tmp_path: Path) -> None:
    docs = mini_documents()
    svc = docs["services.json"]["services"][1]
    del svc["needs"]
    svc["status"] = "open"
    svc["colour"] = "red"
    folder = _write(tmp_path / "testby", docs)
    problems = _problems(folder)
    text = (folder / "services.json").read_text(encoding="utf-8").splitlines()
    missing = next(p for p in problems if "saknas" in p.sv)
    assert "needs" in missing.sv and missing.pointer == "/services/1"
    status = next(p for p in problems if "Otillåtet värde" in p.sv)
    assert '"status": "open"' in text[status.line - 1]
    unknown = next(p for p in problems if "Okänt fält" in p.sv)
    assert "colour" in unknown.sv and unknown.pointer == "/services/1"
    assert all(p.file == "services.json" and p.line for p in problems)


def test_reference_errors_are_all_reported(tmp_path: Path) -> None:
    docs = mini_documents()
    services = docs["services.json"]["services"]
    services[0]["organization"] = "finns-inte"
    services[0]["needs"].append("need.does-not-exist")
    services[0]["groups"] = ["need.food"]  # a need where a group belongs
    services[1]["key"] = services[0]["key"]  # duplicate key
    docs["guides.json"]["guides"][0]["steps"][0]["services"] = ["saknad"]
    docs["area.json"]["default_landmark"] = "ingenstans"
    folder = _write(tmp_path / "testby", docs)
    problems = _problems(folder)
    text = "\n".join(p.describe("sv") for p in problems)
    assert "Organisationen ”finns-inte” finns inte" in text
    assert "need.does-not-exist” finns inte i taxonomin" in text
    assert "need.food” finns men är av fel sort" in text
    assert "förekommer mer än en gång" in text
    assert "Tjänsten ”saknad” finns inte" in text
    assert "Landmärket ”ingenstans”" in text
    assert len(problems) >= 6
    # every message also exists in English
    assert all(p.en and p.en != p.sv for p in problems)


def test_folder_name_must_match_area_id(tmp_path: Path) -> None:
    [p] = _problems(_write(tmp_path / "annat-namn", mini_documents()))
    assert p.file == "area.json" and p.pointer == "/id" and p.line == 3


def test_missing_and_unknown_files(tmp_path: Path) -> None:
    folder = _write(tmp_path / "testby", mini_documents())
    (folder / "services.json").unlink()
    (folder / "extra.json").write_text("{}", encoding="utf-8")
    problems = _problems(folder)
    assert {(p.file, "saknas" in p.sv or "Okänd fil" in p.sv) for p in problems} == {
        ("services.json", True),
        ("extra.json", True),
    }


def test_not_utf8_and_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kompassen.catalogue.pack import validate as v

    folder = _write(tmp_path / "testby", mini_documents())
    (folder / "guides.json").write_bytes(
        '{"format_version": 1, "guides": ["\xe5"]}'.encode("latin-1")
    )
    monkeypatch.setattr(v, "MAX_FILE_BYTES", 2000)
    problems = {p.file: p for p in _problems(folder)}
    assert "UTF-8" in problems["guides.json"].sv
    assert "större än 2000 byte" in problems["services.json"].sv
    assert "larger than 2000 bytes" in problems["services.json"].en


def test_a_byte_order_mark_is_refused_in_words(tmp_path: Path) -> None:
    """Pack files are written by our tools without a BOM; one means a foreign editor."""
    folder = _write(tmp_path / "testby", mini_documents())
    text = (folder / "notices.json").read_text(encoding="utf-8")
    (folder / "notices.json").write_bytes(b"\xef\xbb\xbf" + text.encode())
    [p] = _problems(folder)
    assert p.file == "notices.json" and p.line == 1
    assert "BOM" in p.sv and "BOM" in p.en


def test_taxonomy_additions_must_be_prefixed(tmp_path: Path) -> None:
    docs = mini_documents()
    docs["taxonomy.json"]["needs"] = [{"code": "need.food", "sv": "Mat igen"}]
    problems = _problems(_write(tmp_path / "testby", docs))
    assert any("börja med områdets id" in p.sv for p in problems)


def test_error_message_lists_problems_in_both_languages(tmp_path: Path) -> None:
    docs = mini_documents()
    docs["area.json"]["colour"] = "blå"
    folder = _write(tmp_path / "testby", docs)
    with pytest.raises(PackError) as exc:
        read_pack_dir(folder)
    assert exc.value.message("sv").startswith("Områdespaketet testby har 1 fel")
    assert "area.json:" in exc.value.message("en")
    json.dumps(exc.value.message("sv"))  # printable


def test_impossible_times_and_dates(tmp_path: Path) -> None:
    docs = mini_documents()
    hours = docs["services.json"]["services"][0]["hours"]
    hours["weekly"].append({"days": ["mon"], "opens": "10:00", "closes": "24:59"})
    hours["weekly"].append({"days": ["tue"], "opens": "10:00", "closes": "10:00"})
    hours["exceptions"].append({"date": "2026-02-31", "closed": True})
    folder = _write(tmp_path / "testby", docs)
    problems = _problems(folder)
    assert any("24:59" in p.sv for p in problems)
    docs["services.json"]["services"][0]["hours"]["weekly"].pop(1)
    problems = _problems(_write(tmp_path / "testby", docs))
    text = " ".join(p.sv for p in problems)
    assert "samma tid" in text and "2026-02-31 finns inte" in text


# ------------------------------------------------ validator ⇔ loader agreement (#12)

_HOLE = "@@HOLE@@"


def _pack_with(tmp_path: Path, file: str, put: Callable[[dict[str, Any]], None], raw: str) -> Path:
    """The mini pack with ``raw`` JSON text written where ``put`` placed the hole."""
    docs = mini_documents()
    put(docs[file])
    folder = _write(tmp_path / "testby", docs)
    text = (folder / file).read_text("utf-8")
    assert text.count(f'"{_HOLE}"') == 1
    (folder / file).write_text(text.replace(f'"{_HOLE}"', raw), "utf-8")
    return folder


def _service_name(doc: dict[str, Any]) -> None:
    doc["services"][0]["name"] = _HOLE


REPRODUCTIONS: dict[str, tuple[str, Callable[[dict[str, Any]], None], str, str]] = {
    # name: (file, where the raw text goes, the raw JSON text, English fragment)
    "lone surrogate in a name": ("services.json", _service_name, '"Test\\ud800"', "broken"),
    "integer of 4301 digits": (
        "services.json",
        lambda d: d["services"][0]["handover"].update(age_min=_HOLE),
        "1" * 4301,
        "4301 digits",
    ),
    "nesting 1000 deep": ("services.json", _service_name, "[" * 1000 + "]" * 1000, "deeper"),
    "nesting 500 deep (the locator's limit)": (
        "services.json",
        _service_name,
        "[" * 500 + "]" * 500,
        "deeper",
    ),
    "NaN as a landmark coordinate": (
        "landmarks.json",
        lambda d: d["landmarks"][0].update(lat=_HOLE),
        "NaN",
        "NaN",
    ),
    "NaN as the area centre": ("area.json", lambda d: d["center"].update(lon=_HOLE), "NaN", "NaN"),
    "NaN as a location coordinate": (
        "services.json",
        lambda d: d["locations"][0].update(lat=_HOLE),
        "NaN",
        "NaN",
    ),
    "Infinity as a location coordinate": (
        "services.json",
        lambda d: d["locations"][0].update(lon=_HOLE),
        "1e999",
        "too large",
    ),
    "NUL in a name": ("services.json", _service_name, '"Test\\u0000"', "NUL"),
    "a key with a final newline (Python's $ matches it)": (
        "services.json",
        lambda d: d["locations"][0].update(key=_HOLE),
        '"huset\\n"',
        "does not match",
    ),
    "one service twice in a guide step": (
        "guides.json",
        lambda d: d["guides"][0]["steps"][0].update(services=_HOLE),
        '["stodlinjen", "stodlinjen"]',
        "non-unique",
    ),
}


@pytest.mark.parametrize("case", list(REPRODUCTIONS))
def test_what_the_loader_cannot_store_is_refused_by_validate_and_install(
    case: str, tmp_path: Path, store: CatalogueStore
) -> None:
    """Each reproduction of issue #12 passed validate-pack or crashed it; now both refuse."""
    file, put, raw, fragment = REPRODUCTIONS[case]
    store.install(PackData(mini_documents()))
    before = dump_area(store.conn, "testby").documents
    folder = _pack_with(tmp_path, file, put, raw)
    [problem] = _problems(folder)
    assert problem.file == file and problem.line is not None, problem
    assert fragment in problem.en, problem.en
    with pytest.raises(PackError) as info:
        store.install_dir(folder, origin="local")
    assert info.value.message("sv") and info.value.message("en")
    assert dump_area(store.conn, "testby").documents == before


IN_MEMORY: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "NaN centre": (lambda d: d["area.json"]["center"].update(lat=math.nan), "/center/lat"),
    "inf landmark": (
        lambda d: d["landmarks.json"]["landmarks"][1].update(lon=-math.inf),
        "/landmarks/1/lon",
    ),
    "NaN location": (
        lambda d: d["services.json"]["locations"][0].update(lat=math.nan),
        "/locations/0/lat",
    ),
    "surrogate": (
        lambda d: d["services.json"]["services"][1].update(name="a\udc00"),
        "/services/1/name",
    ),
    "NUL": (lambda d: d["guides.json"]["guides"][0]["title"].update(sv="a\x00"), "/guides/0/title/sv"),
    "huge int": (
        lambda d: d["services.json"]["services"][0]["handover"].update(age_min=10**5000),
        "/services/0/handover/age_min",
    ),
    "deep": (
        lambda d: d["services.json"]["services"][0].update(name=_nested(5000)),
        "/services/0/name",
    ),
    "int key": (lambda d: d["area.json"].update({1: "x"}), ""),
}


def _nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("case", list(IN_MEMORY))
def test_packs_built_in_memory_get_the_same_checks(
    case: str, store: CatalogueStore
) -> None:
    """HSDS imports and releases reach check_pack without a file: same refusals, no crash."""
    mutate, pointer = IN_MEMORY[case]
    store.install(PackData(mini_documents()))
    before = dump_area(store.conn, "testby").documents
    docs = mini_documents()
    mutate(docs)
    with pytest.raises(PackError) as info:
        store.install(PackData(docs, origin="hsds-import"))
    [problem] = info.value.problems
    assert problem.pointer.startswith(pointer), problem
    assert dump_area(store.conn, "testby").documents == before


@pytest.mark.slow
def test_a_33_mb_pack_with_one_unknown_field_is_refused_about_as_fast_as_it_parses(
    tmp_path: Path,
) -> None:
    """Was 43 s: Python's jsonschema over every record and a pure-Python map of the file."""
    docs = mini_documents()
    svc = docs["services.json"]["services"][1]
    n = 62_000
    folder = _write(tmp_path / "testby", docs)
    head, _, tail = json.dumps(
        {**docs["services.json"], "services": ["@@"]}, ensure_ascii=False, indent=2
    ).partition('"@@"')
    record = json.dumps(svc, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    records = [record.replace('"stodlinjen"', f'"s{i}"', 1) for i in range(n)]
    records[-2] = records[-2].replace('"name":', '"colour": "red",\n    "name":', 1)
    text = head + ",\n    ".join(records) + tail
    (folder / "services.json").write_text(text, "utf-8")
    assert len(text) > 33_000_000
    started = time.perf_counter()
    json.loads(text)
    parse = time.perf_counter() - started
    started = time.perf_counter()
    [problem] = _problems(folder)
    refuse = time.perf_counter() - started
    assert problem.pointer == f"/services/{n - 2}" and "colour" in problem.en
    assert problem.line is not None and problem.line > 1_000_000
    assert text.splitlines()[problem.line - 1].strip() == "{"  # the record's first line
    assert refuse < 6 * parse + 3, (refuse, parse)


def test_schema_problems_are_capped_but_counted_in_the_message(tmp_path: Path) -> None:
    docs = mini_documents()
    svc = docs["services.json"]["services"][1]
    docs["services.json"]["services"] = [dict(svc, key=f"s{i}", status="x") for i in range(500)]
    problems = _problems(_write(tmp_path / "testby", docs))
    assert len(problems) == MAX_SCHEMA_PROBLEMS
    assert problems[0].pointer == "/services/0/status" and problems[0].line is not None


def test_the_locator_finds_what_json_source_map_found_without_mapping_everything() -> None:
    """Same line and column for every pointer of a shipped pack as the library it replaced."""
    import json_source_map

    from kompassen.catalogue.pack.locate import SourceMap

    areas = Path(__file__).resolve().parents[2] / "data" / "areas"
    for name in ("services.json", "guides.json", "area.json"):
        text = (areas / "klara" / name).read_text("utf-8")
        ours = SourceMap(text)
        for pointer, entry in json_source_map.calculate(text).items():
            loc = entry.key_start or entry.value_start
            assert ours.line_column(pointer) == (loc.line + 1, loc.column + 1), pointer
    assert SourceMap('{"a": [1, {"b/c": 2}]}').line_column("/a/1/b~1c") == (1, 12)
    assert SourceMap('{"a": 1}').line_column("/nope/deeper") == (1, 1)


def test_every_schema_pattern_is_explained_in_words() -> None:
    """A coordinator reads "ska vara ett telefonnummer …", never a regular expression."""
    from kompassen.catalogue.pack.schema import pack_schema
    from kompassen.catalogue.pack.validate import PATTERN_WORDS

    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.add(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(pack_schema())
    assert found and found <= set(PATTERN_WORDS), found - set(PATTERN_WORDS)


def test_a_bad_phone_number_is_explained_not_shown_as_a_pattern(tmp_path: Path) -> None:
    docs = mini_documents()
    docs["services.json"]["services"][0]["phones"][0]["number"] = "08-508 25 00x"
    problems = _problems(_write(tmp_path / "testby", docs))
    [p] = [p for p in problems if "08-508 25 00x" in p.sv]
    assert "telefonnummer" in p.sv and "^" not in p.sv
    assert "phone number" in p.en
