"""Big packs: services.json streamed record by record into one install transaction.

The streamed path must say exactly what the whole-file path says (same problems, pointers,
lines), install the same rows, keep the old catalogue when anything fails (a syntax error
half-way), report monotonic progress, and keep its memory flat as the pack grows.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import kompassen.catalogue.pack.stream as stream
import kompassen.catalogue.pack.streamed as streamed
from fuzz.mutate import FUZZ, mutated_text
from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.pack.stream import stream_records
from kompassen.catalogue.pack.validate import MAX_FILE_BYTES, PackError, read_pack_dir
from kompassen.catalogue.store.loader import dump_area
from kompassen.catalogue.store.store import CatalogueStore
from kompassen.testing.synthetic import generate_pack, write_pack


@pytest.fixture
def stream_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stream every pack (not only big ones), in tiny chunks: every record meets a boundary."""
    monkeypatch.setattr(streamed, "STREAM_FROM_BYTES", 0)
    monkeypatch.setattr(stream, "CHUNK_BYTES", 97)


def _pack(tmp_path: Path, n: int = 40, seed: int = 3) -> tuple[PackData, Path]:
    pack = generate_pack(n, seed=seed)
    folder = tmp_path / pack.area_id
    pack.write(folder)
    return pack, folder


def _problems(call: Any) -> list[tuple[str, str, str, int | None, int | None]]:
    with pytest.raises(PackError) as exc:
        call()
    return [(p.file, p.pointer, p.sv, p.line, p.column) for p in exc.value.problems]


def test_records_stream_as_json_load_reads_them(tmp_path: Path, stream_all: None) -> None:
    pack, folder = _pack(tmp_path)
    path = folder / "services.json"
    for text in (path.read_text("utf-8"), json.dumps(pack.doc("services.json"))):
        path.write_text(text, "utf-8")
        whole = json.loads(text)
        got: dict[str, Any] = {}
        for rec in stream_records(path):
            if rec.index < 0:
                got[rec.section] = rec.value
            else:
                got.setdefault(rec.section, []).append(rec.value)
                assert json.loads(rec.text) == rec.value
        assert got == whole


def test_streamed_install_equals_whole_file_install(
    tmp_path: Path, store: CatalogueStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack, folder = _pack(tmp_path, 60)
    store.install_dir(folder, origin="local")
    whole = dump_area(store.conn, pack.area_id).documents
    monkeypatch.setattr(streamed, "STREAM_FROM_BYTES", 0)
    monkeypatch.setattr(stream, "CHUNK_BYTES", 97)
    assert store.install_dir(folder, origin="local") == 2
    assert dump_area(store.conn, pack.area_id).documents == whole


@pytest.mark.parametrize(
    ("where", "change"),
    [
        ("services", lambda s: s.update(status="kanske")),
        ("services", lambda s: s.update(extra_field=1)),
        ("organizations", lambda o: o.pop("name")),
        ("services", lambda s: s.update(organization="finns-inte")),
        ("services", lambda s: s["needs"].append("need.nope")),
        ("locations", lambda loc: loc.update(lat=10.0, lon=None)),
        ("services", lambda s: s.update(key="svc-1")),  # a duplicate key
    ],
)
def test_problems_are_those_of_the_whole_file_check(
    tmp_path: Path, stream_all: None, where: str, change: Any
) -> None:
    pack, folder = _pack(tmp_path)
    records = pack.documents["services.json"][where]
    change(records[len(records) // 2])
    pack.write(folder)
    whole = _problems(lambda: read_pack_dir(folder))
    got = _problems(lambda: streamed.check_services(streamed.open_pack_dir(folder)))
    assert got == whole
    assert all(p[3] is not None for p in got)  # every problem has its line


@pytest.mark.parametrize(
    "raw",
    ["NaN", "1e999", "1" * 41, '"a\\ud800b"', '"a\\u0000b"', "[" * 70 + "]" * 70, "[" * 3000],
)
def test_values_json_refuses_are_refused_in_a_record(
    tmp_path: Path, stream_all: None, raw: str
) -> None:
    _, folder = _pack(tmp_path)
    path = folder / "services.json"
    text = path.read_text("utf-8")
    cut = text.index('"name"', len(text) // 2)
    path.write_text(text[:cut] + f'"area_note": {raw}, ' + text[cut:], "utf-8")
    whole = _problems(lambda: read_pack_dir(folder))
    got = _problems(lambda: streamed.check_services(streamed.open_pack_dir(folder)))
    assert len(got) == 1 and len(whole) == 1
    assert got == whole  # the same words, pointer, line and column


def test_malformed_midway_installs_nothing(
    tmp_path: Path, store: CatalogueStore, stream_all: None
) -> None:
    pack, folder = _pack(tmp_path, 80)
    store.install_dir(folder, origin="local")
    before = dump_area(store.conn, pack.area_id).documents
    path = folder / "services.json"
    text = path.read_text("utf-8")
    cut = text.index('"key"', int(len(text) * 0.7))
    path.write_text(text[:cut] + '"key" "no colon", ' + text[cut:], "utf-8")
    line = text.count("\n", 0, cut) + 1
    with pytest.raises(PackError) as exc:
        store.install_dir(folder, origin="local")
    [problem] = exc.value.problems
    assert (problem.file, problem.line) == ("services.json", line)
    assert "kolon" in problem.sv and "':'" in problem.en
    assert dump_area(store.conn, pack.area_id).documents == before
    assert store.conn.execute("SELECT count(*) FROM area_release").fetchone()[0] == 1

    path.write_text(text[: len(text) // 2], "utf-8")  # cut short
    with pytest.raises(PackError) as cut_short:
        store.install_dir(folder, origin="local")
    assert "avkortad" in cut_short.value.message("sv")
    assert dump_area(store.conn, pack.area_id).documents == before


def test_services_before_their_organisations_install(
    tmp_path: Path, store: CatalogueStore, stream_all: None
) -> None:
    pack, folder = _pack(tmp_path)
    store.install_dir(folder, origin="local")
    in_order = dump_area(store.conn, pack.area_id).documents
    doc = pack.doc("services.json")
    reordered = {k: doc[k] for k in ("services", "locations", "organizations", "format_version")}
    (folder / "services.json").write_text(json.dumps(reordered), "utf-8")
    store.install_dir(folder, origin="local")
    assert dump_area(store.conn, pack.area_id).documents == in_order


def test_progress_is_monotonic_and_ends_at_total(
    tmp_path: Path, store: CatalogueStore, stream_all: None
) -> None:
    _, folder = _pack(tmp_path)
    size = (folder / "services.json").stat().st_size
    seen: list[tuple[int, int]] = []
    store.install_dir(folder, origin="local", progress=lambda d, t: seen.append((d, t)))
    assert len(seen) > 10
    assert all(t == size for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[-1] == (size, size)


def test_a_pack_over_the_old_50_mb_limit_installs(tmp_path: Path, store: CatalogueStore) -> None:
    pack = generate_pack(400, seed=5)
    pad = "Syntetisk utfyllnad. " * (MAX_FILE_BYTES // 400 // 20)
    for service in pack.doc("services.json")["services"]:
        service["data_note"] = pad
    folder = tmp_path / pack.area_id
    folder.mkdir()
    for name, doc in pack.documents.items():
        (folder / name).write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    assert (folder / "services.json").stat().st_size > MAX_FILE_BYTES
    store.install_dir(folder, origin="local")
    n = store.conn.execute(
        "SELECT count(*) FROM service WHERE area_id = ? AND data_note = ?", (pack.area_id, pad)
    ).fetchone()[0]
    assert n == 400


def test_too_large_is_told_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, folder = _pack(tmp_path)
    monkeypatch.setattr(streamed, "STREAM_FROM_BYTES", 0)
    monkeypatch.setattr(stream, "MAX_STREAM_BYTES", 1000)
    monkeypatch.setattr(stream.open_limited, "__defaults__", (1000,))
    [problem] = _problems(lambda: streamed.open_pack_dir(folder))
    assert problem[0] == "services.json" and "större än 1000 byte" in problem[2]
    assert "Dela upp området" in problem[2]


_PEAK = r"""
import sys
from datetime import datetime
from pathlib import Path

import kompassen.catalogue.pack.streamed as s
from kompassen.catalogue.store.db import connect, migrate
from kompassen.catalogue.store.loader import install_streamed

s.STREAM_FROM_BYTES = 0
now = datetime(2026, 11, 23, 12, 0)
pack = s.open_pack_dir(Path(sys.argv[1]))
if sys.argv[2] == "install":
    conn = connect(Path(sys.argv[1]).parent / "c.db", cache_mb=8, mmap_mb=0)
    migrate(conn, backup_dir=None, now=now)
    install_streamed(conn, pack, now=now, origin="local")
else:
    s.check_services(pack)
# VmHWM, not ru_maxrss: the latter also counts the forked parent's pages before exec
print(next(line for line in open("/proc/self/status") if line.startswith("VmHWM")).split()[1])
"""


def _peak_kb(folder: Path, mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(folder), mode],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return int(done.stdout.split()[-1])


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux /proc")
def test_peak_memory_stays_flat_as_the_pack_grows(tmp_path: Path) -> None:
    """6× the services: the validator's peak barely moves, the install's grows only by
    the search index it builds (whole-file reading grew ~3× here)."""
    small = write_pack(1000, tmp_path / "small", seed=2)
    big = write_pack(6000, tmp_path / "big", seed=2)
    assert _peak_kb(big, "validate") < 1.35 * _peak_kb(small, "validate")
    assert _peak_kb(big, "install") < 1.8 * _peak_kb(small, "install")


def test_cli_shows_progress_and_counts(tmp_path: Path, home: Path) -> None:
    pack = generate_pack(3000, seed=4)
    folder = tmp_path / pack.area_id
    pack.write(folder)
    assert (folder / "services.json").stat().st_size >= streamed.STREAM_FROM_BYTES
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "KOMPASSEN_LANG": "en"}
    base = [sys.executable, "-m", "kompassen"]
    done = subprocess.run(
        [*base, "validate-pack", str(folder)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"OK: {pack.area_id} (3000 services)"
    lines = done.stderr.splitlines()
    assert lines[-1].startswith("Checking services.json: 100%")
    assert len(lines) >= 3  # a plain line per tenth when stderr is no terminal
    quiet = subprocess.run(
        [*base, "install-pack", "--quiet", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == "" and "katalogversion 1" in quiet.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_bar_is_redrawn_in_place_and_ends_once() -> None:
    from kompassen.cli.catalogue import ProgressLine

    out = _Terminal()
    bar = ProgressLine("en", ("Installing", "Installing"), ("Saving", "Saving"), out=out)
    for done in (0, 50, 100, 100):
        bar(done, 100)
        bar.last_draw = 0.0  # no waiting between redraws in the test
    bar.finish()
    text = out.getvalue()
    assert text.count("\r") == 3 and text.count("\n") == 2
    assert text.endswith("\rInstalling [" + "#" * 30 + "] 100% 0.0/0.0 MB\nSaving\n")


def test_a_byte_that_is_not_utf8_is_told_with_its_line(tmp_path: Path, stream_all: None) -> None:
    _, folder = _pack(tmp_path)
    path = folder / "services.json"
    raw = path.read_bytes()
    cut = raw.index(b'"name"', len(raw) * 2 // 3)
    path.write_bytes(raw[:cut] + b'"area_note": "\xe5", ' + raw[cut:])
    whole = _problems(lambda: read_pack_dir(folder))
    got = _problems(lambda: streamed.check_services(streamed.open_pack_dir(folder)))
    assert got == whole
    assert got[0][3] == raw[:cut].count(b"\n") + 1 and "UTF-8" in got[0][2]


_SMALL = generate_pack(12, seed=6)


@settings(FUZZ, max_examples=120)
@given(text=mutated_text(_SMALL.doc("services.json")))
def test_mutated_services_are_judged_alike_streamed_and_whole(text: str) -> None:
    """Whatever the damage, the streamed check accepts exactly what the whole-file check does
    (the fuzz tests' mutations: refused values, wrong types, cut text, stray bytes, …)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / _SMALL.area_id
        _SMALL.write(folder)
        (folder / "services.json").write_text(text, "utf-8", errors="surrogatepass")
        try:
            read_pack_dir(folder)
            whole = True
        except PackError:
            whole = False
        old_chunk, stream.CHUNK_BYTES = stream.CHUNK_BYTES, 61  # no fixture: hypothesis
        try:
            streamed.check_services(streamed.open_pack_dir(folder))
            got = True
        except PackError as err:
            got = False
            assert err.message("sv") and err.message("en")
        finally:
            stream.CHUNK_BYTES = old_chunk
        assert got == whole
