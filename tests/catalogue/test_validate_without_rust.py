"""Pack validation without the Rust validator (the frozen tablet bundle leaves jsonschema-rs out):
the same problems, in the same words and places, as with it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kompassen.catalogue.pack import validate as v
from kompassen.catalogue.pack.packdata import PackData
from minipack import mini_documents


def _drop_needs(docs: dict[str, Any]) -> None:
    svc = docs["services.json"]["services"][1]
    del svc["needs"]
    svc["status"] = "open"
    svc["colour"] = "red"


def _bad_hours(docs: dict[str, Any]) -> None:
    hours = docs["services.json"]["services"][0]["hours"]
    hours["weekly"].append({"days": ["mon"], "opens": "10:00", "closes": "24:59"})
    hours["weekly"].append({"days": ["sunday"], "opens": "10", "closes": "11:00"})


def _wrong_types(docs: dict[str, Any]) -> None:
    docs["landmarks.json"]["landmarks"][0]["lat"] = "north"
    docs["services.json"]["services"][0]["name"] = 7


def _no_change(docs: dict[str, Any]) -> None:
    return None


CASES: dict[str, Callable[[dict[str, Any]], None]] = {
    "valid": _no_change,
    "missing-and-unknown-fields": _drop_needs,
    "bad-hours": _bad_hours,
    "wrong-types": _wrong_types,
}


@pytest.fixture
def without_rust(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    v._fast_validator.cache_clear()
    monkeypatch.setitem(sys.modules, "jsonschema_rs", None)  # import → ImportError
    yield
    v._fast_validator.cache_clear()


def _problems(folder: Path) -> list[tuple[str, str, str, str, int | None]]:
    try:
        v.read_pack_dir(folder)
    except v.PackError as exc:
        return [(p.file, p.pointer, p.sv, p.en, p.line) for p in exc.problems]
    return []


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_same_problems_without_the_rust_validator(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("jsonschema_rs")  # the comparison needs both
    docs = mini_documents()
    CASES[case](docs)
    folder = tmp_path / "testby"
    PackData(docs).write(folder)
    v._fast_validator.cache_clear()
    with_rust = _problems(folder)
    assert type(v._fast_validator("services.json")).__module__ != v.__name__
    v._fast_validator.cache_clear()
    monkeypatch.setitem(sys.modules, "jsonschema_rs", None)
    try:
        assert isinstance(v._fast_validator("services.json"), v._PythonFast)
        assert _problems(folder) == with_rust
    finally:
        v._fast_validator.cache_clear()
    assert (case == "valid") == (with_rust == [])


def test_a_big_pack_with_one_bad_record_is_located_without_rust(
    tmp_path: Path, without_rust: None
) -> None:
    docs = mini_documents()
    services = docs["services.json"]["services"]
    for i in range(300):
        copy = dict(services[0], key=f"svc-extra-{i}", name=f"Extra {i}")
        services.append(copy)
    services[250]["status"] = "maybe"
    folder = tmp_path / "testby"
    PackData(docs).write(folder)
    [problem] = _problems(folder)
    assert problem[1] == "/services/250/status" and "maybe" in problem[2]
