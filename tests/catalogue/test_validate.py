"""Pack validation: every problem found, each with file, line and a Swedish message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.pack.validate import PackError, read_pack_dir, validate
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
