"""A one-shot ``kompassen search`` starts light (issue #14): scripts call it in loops.

Real subprocesses on a private KOMPASSEN_HOME: which modules a search imports, that its
answers are the in-process search's, and the holiday calendar kept between processes.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kompassen.cli.handler import EXIT_USER_ERROR
from kompassen.cli.search import result_json
from kompassen.compose import AppContext, CalendarFile, build
from kompassen.core import hours
from kompassen.device.logs import close_logging

# Not needed to answer a search whose words are all known, on a day it has asked about before
NOT_IMPORTED = (
    "holidays",  # ~150 ms: every country's calendar; the answers are kept in a file
    "rapidfuzz",  # only for a word that is not in the area's vocabulary (a typo)
    "PySide6",
    "kompassen.gui",
    "kompassen.catalogue.pack.validate",  # validating a pack: only when one is installed
    "kompassen.catalogue.pack.streamed",
    "kompassen.catalogue.store.release",  # signed releases: only when one is applied
    "nacl",
    "jsonschema",
    "snowballstemmer",  # the package imports all 36 stemmers: only the Swedish one is loaded
    "kompassen.cli.catalogue",  # the other command families: their parsers are not built
    "kompassen.cli.reports",
    "kompassen.cli.office",
    "kompassen.cli.device",
    "platformdirs",  # the user's folders: not wanted with a KOMPASSEN_HOME of its own
    "kompassen.core.model",  # 18 dataclasses (~15 ms): a search needs only core.text
    "kompassen.catalogue.store.loader",  # installing packs
    "kompassen.catalogue.store.reader",  # the window's and the detail commands' reads
    "hashlib",  # OpenSSL: only when an area is indexed
)
# 2026-12-24 is julafton (an eve), 2026-12-25 juldagen (a public holiday)
MOMENTS = ("2026-11-23T21:30", "2026-12-24T20:00", "2026-12-25T10:00")

_PROBE = """
import contextlib, io, json, os, sys
from kompassen.cli.main import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exit:  # --help
        code = exit.code
threads = len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else None
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules),
                  "threads": threads, "blas": os.environ.get("OPENBLAS_NUM_THREADS")}))
"""


def _search(home: Path, *args: str, **environ: str) -> dict[str, object]:
    """``kompassen search ARGS`` in a fresh process: exit code, stdout, the modules it loaded,
    its threads at the end (None where /proc is missing) and OPENBLAS_NUM_THREADS."""
    env = {**os.environ, "KOMPASSEN_HOME": str(home), **environ}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, "search", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    answer: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    assert answer["code"] == 0, done.stderr
    return answer


def _loaded(modules: object, prefix: str) -> bool:
    assert isinstance(modules, list)
    return any(m == prefix or m.startswith(prefix + ".") for m in modules)


@pytest.fixture
def installed(home: Path) -> Iterator[Path]:
    """A home whose catalogue has the bundled packs (one search run installed them)."""
    _search(home, "härbärge")
    yield home


def test_search_imports_only_what_it_needs(installed: Path) -> None:
    for at in MOMENTS:  # an ordinary evening, an eve, a holiday: each asked once before
        _search(installed, "härbärge", "--open-at", at)
        answer = _search(installed, "härbärge", "--open-at", at)
        loaded = [m for m in NOT_IMPORTED if _loaded(answer["modules"], m)]
        assert loaded == [], f"{at}: {loaded}"


def test_search_starts_no_blas_threads(installed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """numpy's OpenBLAS would start a thread per core (for linear algebra the app never
    does); a user's or packager's own setting is kept."""
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    answer = _search(installed, "härbärge")
    assert _loaded(answer["modules"], "numpy")
    assert answer["blas"] == "1"
    if answer["threads"] is not None:
        assert answer["threads"] == 1
    assert _search(installed, "härbärge", OPENBLAS_NUM_THREADS="2")["blas"] == "2"


def test_a_command_builds_only_its_familys_parsers() -> None:
    """``FAMILIES`` names what each family registers; a command line that starts with a
    command builds that family's parsers only, and parses as the whole parser does."""
    from kompassen.cli.main import FAMILIES, build_parser

    for family, commands in FAMILIES.items():
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(f"kompassen.cli.{family}").register(sub)
        assert tuple(sub.choices) == commands, family
    whole = build_parser()
    assert list(_commands(whole)) == [c for cs in FAMILIES.values() for c in cs]
    lines = [
        ["search", "sova", "--group", "group.youth", "--open-at", "2026-12-24T20:00", "--json"],
        ["areas", "--json"],
        ["device-db", "check"],
        ["report", "submit", "r.json"],
        ["outbox", "--json"],
        ["keys", "generate", "--out", "x"],
        ["selftest"],
        ["--area", "klara", "search", "x"],  # options first: the whole parser
        ["--kiosk"],
        [],
    ]
    for argv in lines:
        got, want = build_parser(argv).parse_args(argv), whole.parse_args(argv)
        assert _plain(got) == _plain(want), argv
    assert list(_commands(build_parser(["search", "x"]))) == ["search"]
    assert list(_commands(build_parser([]))) == []  # the window: no command parsers


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def _plain(ns: argparse.Namespace) -> dict[str, object]:
    """The parsed values, the handler by its name (each parser wraps its own)."""
    values = dict(vars(ns))
    handler = values.pop("handler")
    return {**values, "handler": getattr(handler, "__wrapped__", handler).__qualname__}


def test_search_help_imports_no_engine(home: Path) -> None:
    """The search engine needs numpy and the Snowball stemmer (accepted, see
    docs/PERFORMANCE.md); asking how to call it needs neither, nor the catalogue."""
    answer = _search(home, "--help")
    assert "--open-at" in str(answer["out"])
    heavy = ("numpy", "snowballstemmer", "kompassen.compose", "kompassen.catalogue", *NOT_IMPORTED)
    assert [m for m in heavy if _loaded(answer["modules"], m)] == []


def test_search_answers_as_the_in_process_search(installed: Path) -> None:
    """The whole JSON result (hits, guides, chips, facets), with the calendar from the file,
    equals the same search run in this process with the package's calendar."""
    queries = [
        ("härbärge",),
        ("sova", "ute", "--group", "group.youth"),
        ("harbarge",),  # folded
        ("härbärgee",),  # a typo: rapidfuzz after all
        ("--need", "need.food", "--only-open"),
    ]
    ctx = build({"KOMPASSEN_HOME": str(installed)})
    hours.use_calendar(None)  # the package itself, not the file the subprocesses use
    try:
        for at in MOMENTS:
            for q in queries:
                args = (*q, "--open-at", at, "--json", "--full", "--limit", "50")
                got = json.loads(str(_search(installed, *args)["out"]))
                assert got == _in_process(ctx, args), (at, q)
    finally:
        ctx.close()
        close_logging()


def _in_process(ctx: AppContext, args: tuple[str, ...]) -> object:
    from kompassen.cli.main import build_parser
    from kompassen.cli.search import build_query

    ns = build_parser().parse_args(["search", *args])
    service = ctx.open_search()
    try:
        result = service.search(build_query(service, ns, "sv"))
    finally:
        service.close()
    return json.loads(json.dumps(result_json(result), ensure_ascii=False))


def test_calendar_file_answers_as_the_package(tmp_path: Path) -> None:
    path = tmp_path / "holidays-cache.json"
    asks = [
        (year, cats, lang)
        for year in (1999, 2026, 2027, 2060)
        for cats, lang in (
            (("public",), "sv"),
            (("public",), "en_US"),
            (("de_facto", "optional"), "sv"),
        )
    ]
    first = CalendarFile(path)
    for ask in asks:
        assert first(*ask) == hours.package_calendar(*ask), ask
    assert path.is_file()
    again = CalendarFile(path)  # a new process: from the file
    for ask in asks:
        assert again(*ask) == hours.package_calendar(*ask), ask


def test_calendar_file_garbled_or_from_another_package_is_asked_again(tmp_path: Path) -> None:
    path = tmp_path / "holidays-cache.json"
    CalendarFile(path)(2026, ("public",), "sv")
    data = json.loads(path.read_text())
    (key,) = data
    path.write_text("not json")  # not what it writes: asked again
    assert CalendarFile(path)(2026, ("public",), "sv") == hours.package_calendar(
        2026, ("public",), "sv"
    )
    # an entry of another package version is dropped, a bad entry is asked again
    other = key.replace(key.split("|")[0], "/elsewhere/holidays:1.2")
    path.write_text(json.dumps({other: {"2026-01-02": "X"}, key: {"bad": "x"}}))
    assert CalendarFile(path)(2026, ("public",), "sv")[date(2026, 12, 25)] == "Juldagen"
    assert list(json.loads(path.read_text())) == [key]


def test_calendar_file_on_a_full_disk_still_answers(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    cal = CalendarFile(blocked / "holidays-cache.json")  # its folder is a file: cannot write
    assert cal(2026, ("public",), "sv") == hours.package_calendar(2026, ("public",), "sv")


def _command(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m kompassen ARGS`` as a user runs it (the console entry, quick exit and all)."""
    env = {**os.environ, "KOMPASSEN_HOME": str(home), "KOMPASSEN_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "kompassen", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_a_quick_exit_loses_no_output_and_keeps_the_exit_code(installed: Path) -> None:
    """One-shot commands end with os._exit after flushing (no interpreter teardown): every
    byte of a long answer arrives, the log file is written, and the exit code is kept."""
    done = _command(installed, "search", "--json", "--full", "--limit", "200", "mat")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)  # all of it: a cut answer is not JSON
    assert len(done.stdout) > 5_000 and answer
    missing = _command(installed, "search", "--area", "nowhere", "mat")
    assert missing.returncode == EXIT_USER_ERROR
    assert "nowhere" in missing.stderr and "Traceback" not in missing.stderr
    usage = _command(installed, "search", "--limit", "many")  # argparse's own exit
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
    logs = list(installed.rglob("*.log"))
    assert logs and any(p.stat().st_size > 0 for p in logs), "the log was not flushed"
