"""deploy/: what can be proved about the examples on a machine without a container daemon.

compose.yaml is parsed for its services and the server's command; the systemd units are
checked by ``systemd-analyze verify``; the backup unit's own shell command runs on a real
SQLite server database; and every ``kompassen-server`` command line quoted in deploy/ and in
docs/ADMIN_GUIDE.md must parse with the server's argument parser, so the examples do not drift
from the command line they document.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kompassen.server.cli import _parser

REPO = Path(__file__).resolve().parents[1]
DEPLOY = REPO / "deploy"
COMPOSE = DEPLOY / "docker" / "compose.yaml"
SYSTEMD = DEPLOY / "systemd"
GUIDE = REPO / "docs" / "ADMIN_GUIDE.md"
SERVER_BIN = "/opt/kompassen-server/bin/kompassen-server"
URL = "postgresql://kompassen@127.0.0.1:5432/kompassen"


def _compose() -> dict[str, Any]:
    yaml = pytest.importorskip("yaml")
    data: dict[str, Any] = yaml.safe_load(COMPOSE.read_text("utf-8"))
    return data


def test_compose_has_db_server_and_proxy() -> None:
    services = _compose()["services"]
    assert set(services) == {"db", "server", "proxy"}
    assert services["db"]["image"].startswith("postgres:15")
    assert "./initdb:/docker-entrypoint-initdb.d:ro" in services["db"]["volumes"]
    assert services["server"]["build"]["dockerfile"] == "deploy/docker/Dockerfile"
    assert (REPO / "deploy" / "docker" / "initdb" / "01-kompassen.sql").is_file()
    assert services["proxy"]["image"].startswith("caddy:")
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in services["proxy"]["volumes"]
    # only the proxy is published; the database sits on an internal network
    assert "ports" not in services["db"] and "ports" not in services["server"]
    assert _compose()["networks"]["backend"]["internal"] is True
    assert "/api/v1/health" in " ".join(services["server"]["healthcheck"]["test"])


def test_compose_server_runs_on_postgresql_with_workers_and_no_password_in_argv() -> None:
    command = _compose()["services"]["server"]["command"]
    argv = shlex.split(command) if isinstance(command, str) else [str(a) for a in command]
    args = _parser().parse_args(argv[1:])
    assert args.db.startswith("postgresql://")
    assert args.workers > 1
    assert args.host == "0.0.0.0" and args.port == 8750
    assert ":" not in args.db.split("://", 1)[1].split("@", 1)[0]  # PGPASSWORD instead
    env = _compose()["services"]["server"]["environment"]
    assert "PGPASSWORD" in env


def test_env_example_names_every_variable_compose_needs() -> None:
    needed = set(re.findall(r"\$\{([A-Z_]+)", COMPOSE.read_text("utf-8")))
    example = (DEPLOY / "docker" / ".env.example").read_text("utf-8")
    given = set(re.findall(r"^([A-Z_]+)=", example, re.M))
    assert needed <= given, needed - given


def _units(tmp_path: Path) -> list[Path]:
    """The units with the server's path pointing at a stub (verify wants it to exist)."""
    stub = tmp_path / "bin" / "kompassen-server"
    stub.parent.mkdir()
    stub.write_text("#!/bin/sh\nexit 0\n")
    stub.chmod(0o755)
    out = []
    for unit in sorted(SYSTEMD.glob("*.service")) + sorted(SYSTEMD.glob("*.timer")):
        copy = tmp_path / unit.name
        copy.write_text(unit.read_text("utf-8").replace(SERVER_BIN, str(stub)), "utf-8")
        out.append(copy)
    return out


def test_systemd_analyze_verify_accepts_the_units(tmp_path: Path) -> None:
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("systemd-analyze is not installed here")
    units = _units(tmp_path)
    assert {u.name for u in units} == {
        "kompassen-server-sqlite.service",
        "kompassen-server-postgresql.service",
        "kompassen-backup.service",
        "kompassen-backup.timer",
    }
    done = subprocess.run(
        [tool, "verify", "--man=no", *map(str, units)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr.strip() == "", done.stderr


def _unit_values(path: Path, key: str) -> list[str]:
    text = path.read_text("utf-8").replace("\\\n", "")
    return [line.split("=", 1)[1] for line in text.splitlines() if line.startswith(f"{key}=")]


def test_units_are_hardened_and_the_postgresql_one_waits_for_postgresql() -> None:
    for name in ("kompassen-server-sqlite.service", "kompassen-server-postgresql.service"):
        unit = SYSTEMD / name
        for key, value in {
            "ProtectSystem": "strict",
            "NoNewPrivileges": "yes",
            "PrivateTmp": "yes",
            "StateDirectory": "kompassen",
            "User": "kompassen",
        }.items():
            assert _unit_values(unit, key) == [value], (name, key)
    assert _unit_values(SYSTEMD / "kompassen-server-sqlite.service", "ReadWritePaths") == [
        "/var/lib/kompassen"
    ]
    pg = SYSTEMD / "kompassen-server-postgresql.service"
    assert "postgresql.service" in _unit_values(pg, "After")[0].split()
    assert _unit_values(pg, "EnvironmentFile") == ["/etc/kompassen/server.env"]
    argv = shlex.split(_unit_values(pg, "ExecStart")[0])
    assert argv[argv.index("--db") + 1] == "${KOMPASSEN_DB}" and "--workers" in argv


def _backup_argv(out: Path) -> list[str]:
    """kompassen-backup.service's ExecStart as systemd hands it to sh ($$ and %% unescaped)."""
    [line] = _unit_values(SYSTEMD / "kompassen-backup.service", "ExecStart")
    argv = [a.replace("$$", "$").replace("%%", "%") for a in shlex.split(line)]
    argv[-1] = argv[-1].replace("/var/lib/kompassen-backups", str(out))
    return argv


def test_backup_unit_copies_a_live_sqlite_database_and_keeps_14(tmp_path: Path) -> None:
    if shutil.which("sqlite3") is None:
        pytest.skip("the sqlite3 shell is not installed here")
    db = tmp_path / "server.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE device (id TEXT)")
    conn.execute("INSERT INTO device VALUES ('d1')")
    conn.commit()  # left open: the row is in the WAL, as with a running server
    out = tmp_path / "backups"
    out.mkdir()
    for i in range(16):  # older copies, one second apart
        old = out / f"server-20200101T0000{i:02d}Z.db"
        old.write_bytes(b"old")
        os.utime(old, (1_600_000_000 + i, 1_600_000_000 + i))
    env = dict(os.environ, KOMPASSEN_DB=str(db))
    done = subprocess.run(
        _backup_argv(out), env=env, capture_output=True, text=True, timeout=60, check=False
    )
    conn.close()
    assert done.returncode == 0, done.stderr
    copies = sorted(out.iterdir())
    assert len(copies) == 14, copies
    [new] = [c for c in copies if c.read_bytes() != b"old"]
    assert done.stdout.strip() == f"backup {new}"
    with sqlite3.connect(new) as copy:
        assert copy.execute("SELECT id FROM device").fetchall() == [("d1",)]


def test_backup_unit_fails_loudly_on_a_missing_database(tmp_path: Path) -> None:
    if shutil.which("sqlite3") is None:
        pytest.skip("the sqlite3 shell is not installed here")
    env = dict(os.environ, KOMPASSEN_DB=str(tmp_path / "nothing" / "server.db"))
    done = subprocess.run(
        _backup_argv(tmp_path), env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode != 0
    assert not list(tmp_path.glob("server-*.db"))


# -- every quoted command line parses ------------------------------------------------------

CODE_SPAN = re.compile(r"`([^`\n]+)`")
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.M | re.S)


def _shell_lines(text: str) -> list[str]:
    """Candidate command lines of a document: code-block lines (continuations joined), code
    spans, and the lines of unit files and comments."""
    text = text.replace("\\\n", " ")
    lines = [ln for block in FENCE.findall(text) for ln in block.splitlines()]
    lines += CODE_SPAN.findall(FENCE.sub("", text))
    lines += [ln.lstrip("#").strip() for ln in text.splitlines()]
    return lines


def _commands(line: str, subcommands: set[str]) -> list[list[str]]:
    """The argv after each ``kompassen-server`` word used as a command in ``line``."""
    line = line.split(" # ")[0]
    line = line.replace("${KOMPASSEN_DB}", URL).replace('"$KOMPASSEN_DB"', URL)
    found = []
    for part in re.split(r"\s(?:\||&&|;|>|2>)\s", line):
        try:
            words = shlex.split(part)
        except ValueError:
            continue
        for i, word in enumerate(words[:-1]):
            nxt = words[i + 1]
            named = i > 0 and words[i - 1] in ("--name", "-u", "exec")  # a unit or container
            if (
                word.rsplit("/", 1)[-1] == "kompassen-server"
                and not named
                and (nxt.startswith("--") or nxt in subcommands)
            ):
                found.append(words[i + 1 :])
    return found


def _quoted_commands() -> list[tuple[str, list[str]]]:
    subs = set(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    files = [p for p in sorted(DEPLOY.rglob("*")) if p.is_file()] + [GUIDE]
    out: list[tuple[str, list[str]]] = []
    seen: set[tuple[str, ...]] = set()
    for path in files:
        text = path.read_text("utf-8")
        for line in _shell_lines(text):
            for argv in _commands(line, subs):
                if tuple(argv) not in seen:
                    seen.add(tuple(argv))
                    out.append((str(path.relative_to(REPO)), argv))
    return out


def test_the_examples_quote_the_commands_that_matter() -> None:
    quoted = [argv for _, argv in _quoted_commands()]
    assert any(a[:1] == ["copy-db"] for a in quoted)
    assert any("migrate" in a for a in quoted)
    assert any("--workers" in a for a in quoted)
    assert any("--area" in a and "enrolment-code" in a for a in quoted)
    assert len(quoted) >= 15, quoted


def test_every_quoted_kompassen_server_command_parses() -> None:
    failures = []
    for where, argv in _quoted_commands():
        try:
            args = _parser().parse_args(argv)
        except SystemExit as exc:
            if exc.code == 0 and "--help" in argv:
                continue
            failures.append(f"{where}: kompassen-server {shlex.join(argv)}")
            continue
        if args.command != "copy-db" and not args.db and "--help" not in argv:
            failures.append(f"{where}: no --db: kompassen-server {shlex.join(argv)}")
    assert not failures, "\n".join(failures)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
