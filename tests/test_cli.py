"""The command line contract: real subprocesses, a private KOMPASSEN_HOME, clear errors."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kompassen.catalogue.pack.packdata import PackData
from minipack import mini_documents


def run(
    *args: str, home: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "KOMPASSEN_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "kompassen", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
    )


def test_areas_json_lists_both_shipped_areas(home: Path) -> None:
    done = run("areas", "--json", home=home)
    assert done.returncode == 0, done.stderr
    areas = {a["id"]: a for a in json.loads(done.stdout)}
    assert areas["klara"]["services"] >= 30
    assert areas["vastra-sodermalm"]["services"] >= 20
    assert areas["klara"]["name"] == "Klarakompassen"


def test_areas_text_output(home: Path) -> None:
    done = run("areas", home=home)
    assert done.returncode == 0
    assert "klara" in done.stdout and "tjänster" in done.stdout


def test_selftest_exits_zero_offscreen(home: Path) -> None:
    done = run("selftest", home=home)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "selftest" in done.stdout


def test_help_for_every_command(home: Path) -> None:
    for cmd in ([], ["areas"], ["selftest"], ["validate-pack"], ["import-hsds"], ["export-hsds"]):
        done = run(*cmd, "--help", home=home)
        assert done.returncode == 0 and "usage" in done.stdout.lower(), cmd


def test_bad_pack_gives_one_clear_message_per_problem(home: Path, tmp_path: Path) -> None:
    docs = mini_documents()
    docs["services.json"]["services"][0]["status"] = "kanske"
    PackData(docs).write(tmp_path / "testby")
    done = run("validate-pack", str(tmp_path / "testby"), home=home)
    assert done.returncode == 2
    assert done.stderr.startswith("kompassen: Områdespaketet testby har 1 fel")
    assert "services.json:" in done.stderr and "kanske" in done.stderr
    english = run(
        "validate-pack", str(tmp_path / "testby"), home=home, env={"KOMPASSEN_LANG": "en"}
    )
    assert "The area pack testby has 1 error" in english.stderr


def test_install_pack_then_listed(home: Path, tmp_path: Path) -> None:
    PackData(mini_documents()).write(tmp_path / "testby")
    done = run("install-pack", str(tmp_path / "testby"), home=home)
    assert done.returncode == 0, done.stderr
    areas = {a["id"] for a in json.loads(run("areas", "--json", home=home).stdout)}
    assert "testby" in areas


def test_unknown_area_in_gui_is_a_clear_error(home: Path) -> None:
    done = run("--area", "atlantis", "selftest", home=home)
    assert done.returncode == 2
    assert "atlantis" in done.stderr and "inte installerat" in done.stderr


@pytest.mark.parametrize("argv", [["areas", "--bogus"], ["nosuchcommand"]])
def test_usage_errors_exit_nonzero(home: Path, argv: list[str]) -> None:
    assert run(*argv, home=home).returncode != 0


def test_search_json_contract_and_must_show_queries(home: Path) -> None:
    done = run(
        "search",
        "--area",
        "klara",
        "--group",
        "group.youth",
        "--need",
        "need.shelter-tonight",
        "--open-at",
        "2026-12-05T23:30",
        "--near",
        "Plattan",
        "--json",
        home=home,
    )
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert hits
    for h in hits:
        assert {
            "id",
            "name",
            "organization",
            "groups",
            "needs",
            "open_now",
            "distance_m",
            "score",
        } <= set(h)
        assert "group.youth" in h["groups"]
    full = json.loads(run("search", "--json", "--full", "tjej 15 sover ute", home=home).stdout)
    assert {"group.female", "group.youth", "need.shelter-tonight"} <= {
        c["code"] for c in full["recognized"]
    }
    first = full["hits"][0]
    assert {"need.shelter-tonight", "need.youth-at-risk"} & set(first["needs"])
    harbarge = json.loads(run("search", "--json", "harbarge", home=home).stdout)
    assert "need.shelter-tonight" in harbarge[0]["needs"]


def test_search_human_output_and_errors(home: Path) -> None:
    done = run("search", "sprutbyte", "--near", "T-Centralen", home=home)
    assert done.returncode == 0 and "Sprututbytet" in done.stdout and "min" in done.stdout
    bad = run("search", "--need", "need.unicorns", home=home)
    assert bad.returncode == 2 and bad.stderr.startswith("kompassen: Okänd behovskod")
    assert run("search", "--open-at", "i morgon", home=home).returncode == 2
    assert "Hittar ingen plats" in run("search", "--near", "Atlantis", "x", home=home).stderr
    nothing = run("search", "xyzzy", home=home)
    assert nothing.returncode == 0 and "Rapportera olöst problem" in nothing.stdout


def test_broken_bundled_pack_stops_catalogue_commands_loudly(home: Path, tmp_path: Path) -> None:
    from kompassen.device.paths import bundled_areas_dir

    packs = Path(shutil.copytree(bundled_areas_dir(), tmp_path / "packs"))
    (packs / "klara" / "services.json").write_text("[]", encoding="utf-8")
    env = {"KOMPASSEN_BUNDLED_AREAS": str(packs)}
    for argv in (["areas", "--json"], ["search", "härbärge"], ["selftest"]):
        done = run(*argv, home=home, env=env)
        assert done.returncode == 2, (argv, done.stdout, done.stderr)
        assert done.stderr.startswith("kompassen: Områdespaketet klara som följer med appen")
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    english = run("areas", home=home, env={**env, "KOMPASSEN_LANG": "en"})
    assert "The area pack klara shipped with the app is invalid" in english.stderr
    # commands that do not read the catalogue still work
    assert run("outbox", home=home, env=env).returncode == 0
    assert run("validate-pack", str(bundled_areas_dir() / "klara"), home=home).returncode == 0


def test_missing_bundled_packs_are_named(home: Path, tmp_path: Path) -> None:
    done = run("areas", home=home, env={"KOMPASSEN_BUNDLED_AREAS": str(tmp_path / "gone")})
    assert done.returncode == 2
    assert "Områdespaketen som följer med appen saknas" in done.stderr


def test_every_command_has_a_handler_and_office_mode_is_offered() -> None:
    from kompassen.cli.main import build_parser

    def leaves(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            yield parser
        for action in subs:
            for child in dict.fromkeys(action.choices.values()):
                yield from leaves(child)

    parser = build_parser()
    found = list(leaves(parser))
    assert len(found) == 17  # selftest … office publish, device-db check and recover, data-check
    for leaf in [parser, *found]:  # no command: the window
        assert callable(leaf.get_default("handler")), leaf.prog
    assert "--office" in parser.format_help()  # the office window (issue #17)
    args = parser.parse_args(["--office"])
    assert args.office and args.handler is parser.get_default("handler")
    assert not parser.parse_args([]).office


def test_the_cli_imports_nothing_heavy_before_a_command_runs() -> None:
    """The window must appear before the catalogue, numpy, httpx or libsodium are loaded."""
    code = (
        "import sys, kompassen.cli.main\n"
        "heavy = ('kompassen.compose', 'kompassen.catalogue', 'numpy', 'httpx', 'nacl', 'PySide6')\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
