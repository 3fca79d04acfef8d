"""A damaged or unwritable catalogue never stops the user (issue #12, classes 1 and 3).

Real files throughout: pages of a real catalogue.db are overwritten (the issue's ``dd``),
commands run as real subprocesses where the issue reproduces with the CLI, and the GUI's
real window searches offscreen. Where no real way exists on this machine (no tmpfs, no loop
device: a full disk for the catalogue), ``PRAGMA max_page_count`` gives SQLite's real
SQLITE_FULL, and one test wraps the connection so that COMMIT fails as it does on a full
disk (said where it is done).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kompassen.catalogue.pack.packdata import PackData
from kompassen.catalogue.pack.validate import read_pack_dir
from kompassen.catalogue.store import db as dbmod
from kompassen.catalogue.store.kept import kept
from kompassen.catalogue.store.release import make_manifest, release_form, sign_manifest
from kompassen.catalogue.store.store import CatalogueRebuilt, CatalogueStore
from kompassen.cli.main import main
from kompassen.compose import AppContext, build
from kompassen.core.clock import FixedClock
from kompassen.device.logs import close_logging
from minipack import mini_documents, mini_pack

REPO = Path(__file__).resolve().parents[1]
AREAS = REPO / "data" / "areas"
KEYS = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
REBUILT_SV = "Katalogen var skadad och har byggts om"
REBUILT_EN = "The catalogue was damaged and has been rebuilt"
REPORT = {
    "kind": "unsolved",
    "area_id": "klara",
    "occurred_at": "2026-11-23T22:10:00+01:00",
    "needs": ["need.shelter-tonight"],
    "text": "Ingen sovplats i natt.",
    "lang": "sv",
}


def run(
    *args: str, home: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {
        **os.environ,
        "KOMPASSEN_HOME": str(home),
        "KOMPASSEN_KEYRING": "0",
        "QT_QPA_PLATFORM": "offscreen",
    }
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "kompassen", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
    )


def _no_traceback(done: subprocess.CompletedProcess[str] | str) -> None:
    err = done if isinstance(done, str) else done.stderr
    assert "Traceback" not in err, err
    assert "Logging error" not in err, err


def _checkpoint(path: Path) -> None:
    """Everything into the main file (no WAL left), as after a clean exit."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def _dd_zeros(path: Path, offset: int, n: int = 64) -> None:
    """The issue's reproduction: ``dd`` n zero bytes into the file at ``offset``."""
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(b"\0" * n)


def _garble_table(path: Path, table: str) -> None:
    """Garbage over the first page of ``table``: every read of it is "malformed"."""
    _checkpoint(path)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    with path.open("r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def _backups(home: Path) -> list[Path]:
    return sorted((home / "backups").glob("catalogue-unreadable-*.db"))


def _klara_release(version: int, name: str) -> dict[str, Any]:
    """A signed full release of Klara (the shipped pack carries the development keys)."""
    pack = read_pack_dir(AREAS / "klara")
    docs = release_form(pack)
    docs["services.json"]["services"][0]["name"] = name
    manifest = make_manifest("klara", version, docs, "2026-11-23T12:00:00+01:00")
    return {
        "area_id": "klara",
        "version": version,
        "manifest": manifest,
        "signature": sign_manifest(manifest, KEYS["signing_private"]),
        "kind": "full",
        "base_version": None,
        "documents": docs,
    }


def _first_klara_name(store: CatalogueStore) -> str:
    first = store.reader.service_ids("klara")[0]
    return store.reader.service(first).name


@pytest.fixture
def built(home: Path) -> Path:
    """A home whose catalogue holds the shipped areas, closed as after a normal run."""
    done = run("areas", home=home)
    assert done.returncode == 0, done.stderr
    _checkpoint(home / "data" / "catalogue.db")
    return home


# ------------------------------------------------------------------ 1. a damaged page


def test_search_after_dd_into_the_catalogue_rebuilds_it_and_answers(built: Path) -> None:
    """The issue's reproduction: 64 zero bytes at 53248, then ``kompassen search``."""
    _dd_zeros(built / "data" / "catalogue.db", 53248)
    done = run("search", "harbarge", home=built)
    _no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert "träffar" in done.stdout
    assert REBUILT_SV in done.stderr and "områdespaketen" in done.stderr
    [moved] = _backups(built)
    assert str(moved) in done.stderr
    again = run("search", "harbarge", home=built, env={"KOMPASSEN_LANG": "en"})
    assert again.returncode == 0 and REBUILT_EN not in again.stderr
    assert len(_backups(built)) == 1  # healed once, for good


def test_selftest_after_a_damaged_service_page_passes(built: Path) -> None:
    _garble_table(built / "data" / "catalogue.db", "service")
    done = run("selftest", home=built)
    _no_traceback(done)
    assert done.returncode == 0, done.stdout + done.stderr
    assert REBUILT_SV in done.stderr


@pytest.mark.parametrize(
    ("argv", "table"), [(["search", "härbärge"], "search_fts_data"), (["areas"], "area")]
)
def test_damage_met_in_the_middle_of_a_command_is_healed_and_the_command_runs_again(
    built: Path, argv: list[str], table: str, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """No page check at start (too dear at 10k): the damage is met by a read in the middle
    of the command: set aside, rebuilt, said, and the command runs again and answers."""
    _garble_table(built / "data" / "catalogue.db", table)
    try:
        assert main(argv) == 0
    finally:
        close_logging()
    out, err = capsys.readouterr()
    assert REBUILT_SV in err and "Traceback" not in err
    assert ("träffar" in out) if argv[0] == "search" else ("klara" in out)
    assert len(_backups(built)) == 1


def test_a_read_on_a_damaged_page_heals_through_the_store(
    tmp_path: Path, clock: FixedClock
) -> None:
    db = tmp_path / "catalogue.db"
    store = CatalogueStore(db, tmp_path / "b", clock, bundled_dir=AREAS).open()
    store.refill()
    ids = store.reader.service_ids("klara")
    store.close()
    _garble_table(db, "service")
    told: list[CatalogueRebuilt] = []
    store = CatalogueStore(db, tmp_path / "b", clock, bundled_dir=AREAS).open(check=False)
    store.on_rebuilt(told.append)
    try:
        services = store.reader.services(ids[:3])  # "malformed" inside: healed, read again
        assert [s.id for s in services] == ids[:3]
        [notice] = told
        assert REBUILT_SV in notice.message("sv") and REBUILT_EN in notice.message("en")
        assert notice.moved_to.exists() and store.healed_from == notice.moved_to
    finally:
        store.close()


def test_a_connection_open_during_the_heal_reads_the_rebuilt_catalogue(
    ctx: AppContext,
) -> None:
    """The file is rebuilt in place, not renamed: a connection open all along (the GUI's
    reader while its search worker heals, a sync's own) reads the new catalogue, and
    closing it later does not delete the new file's WAL (SQLite deletes it by name)."""
    paths = ctx.paths
    before = ctx.catalogue.reader.service_count("klara")
    ctx.close()
    early = CatalogueStore(paths.catalogue_db, paths.backup_dir, ctx.clock).open()
    _garble_table(paths.catalogue_db, "service")
    notice = ctx.heal_catalogue(sqlite3.DatabaseError("database disk image is malformed"))
    assert notice is not None and ctx.rebuilt == [notice]
    later = CatalogueStore(paths.catalogue_db, paths.backup_dir, ctx.clock).open()
    try:
        assert early.reader.service_count("klara") == before  # reads the rebuilt file
        later.install(mini_pack())  # committed to the WAL, not yet checkpointed
        early.close()
        fresh = sqlite3.connect(paths.catalogue_db)
        try:
            ids = {r[0] for r in fresh.execute("SELECT id FROM area")}
        finally:
            fresh.close()
        assert "testby" in ids
    finally:
        early.close()
        later.close()


def test_quick_check_at_start_finds_a_damaged_page(tmp_path: Path, clock: FixedClock) -> None:
    db = tmp_path / "catalogue.db"
    store = CatalogueStore(db, tmp_path / "b", clock, bundled_dir=AREAS).open()
    store.refill()
    store.close()
    _garble_table(db, "service")
    store = CatalogueStore(db, tmp_path / "b", clock, bundled_dir=AREAS).open(check=True)
    try:
        assert store.healed_from is not None
        store.refill()
        assert store.rebuilt is not None and store.reader.service_count("klara") > 0
    finally:
        store.close()


def test_the_window_heals_a_damage_its_search_meets(
    qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damage only the search reads (the full-text index): the search worker heals it,
    searches again, and the window says so."""
    from kompassen.gui.app import build_window

    ctx.catalogue  # noqa: B018 - installed
    ctx.close()
    _garble_table(ctx.paths.catalogue_db, "search_fts_data")
    window = build_window(ctx, "klara", synchronous=True)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.search_page.result is not None)
        window.svc.state.update(text="härbärge")
        qtbot.waitUntil(
            lambda: (
                window.search_page.result is not None
                and window.search_page.result.query.text == "härbärge"
            )
        )
        assert window.search_page.result.total > 0
        assert REBUILT_SV in window.statusBar().currentMessage()
        assert len(list(ctx.paths.backup_dir.glob("catalogue-unreadable-*.db"))) == 1
        # the window's own reader follows to the rebuilt file
        assert window.svc.reader.area("klara").service_count > 0
    finally:
        window.close()
        window.svc.runner.close()
        window.svc.device.close(drain=True)


def test_damage_the_window_meets_while_opening_is_healed_and_told(
    qtbot: Any, ctx: AppContext
) -> None:
    """The window's own reads (on the GUI thread) meet the damage before the window exists:
    healed by the reader, and the window says so once it is up."""
    from kompassen.gui.app import build_window

    ctx.catalogue  # noqa: B018 - installed
    ctx.close()
    _garble_table(ctx.paths.catalogue_db, "landmark")
    window = build_window(ctx, "klara", synchronous=True)
    qtbot.addWidget(window)
    try:
        assert REBUILT_SV in window.statusBar().currentMessage()
        assert window.svc.state.landmarks  # read again from the rebuilt file
    finally:
        window.close()
        window.svc.runner.close()
        window.svc.device.close(drain=True)


# ------------------------------------------------------------------ 3. a full disk


def test_two_heals_in_the_same_second_keep_both_damaged_files(
    tmp_path: Path, clock: FixedClock
) -> None:
    db = tmp_path / "catalogue.db"
    contents = [b"first damaged catalogue " * 200, b"second damaged catalogue " * 200]
    for garbage in contents:
        db.write_bytes(garbage)
        CatalogueStore(db, tmp_path / "b", clock).open().close()  # the same (fixed) second
    moved = sorted((tmp_path / "b").glob("catalogue-unreadable-*.db"))
    assert sorted(p.read_bytes() for p in moved) == sorted(contents)


def test_every_command_with_an_unwritable_log_prints_no_logging_error(
    home: Path, tmp_path: Path
) -> None:
    """A real full disk for the log: the log file is /dev/full (every write: ENOSPC)."""
    (home / "logs").mkdir()
    (home / "logs" / "kompassen.log").symlink_to("/dev/full")
    PackData(mini_documents()).write(tmp_path / "testby")
    commands = [
        ["areas"],
        ["search", "härbärge"],
        ["outbox"],
        ["validate-pack", str(tmp_path / "testby")],
        ["install-pack", str(tmp_path / "testby")],
        ["export-hsds", str(tmp_path / "out"), "--area", "testby"],
        ["sync", "--no-pull"],
    ]
    for argv in commands:
        done = run(*argv, home=home)
        _no_traceback(done)
        assert done.stderr.count("loggfilen kan inte skrivas") <= 1, (argv, done.stderr)
        assert done.returncode in (0, 2, 3), (argv, done.stderr)


def test_outbox_works_when_the_catalogue_cannot_be_opened(home: Path) -> None:
    (home / "data").mkdir(parents=True)
    (home / "data" / "catalogue.db").mkdir()  # not a file SQLite can open
    done = run("outbox", home=home)
    _no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert "Utkorgen är tom" in done.stdout
    sync = run("sync", home=home)  # sending needs no catalogue: it gets as far as the server
    _no_traceback(sync)
    assert sync.returncode == 3 and "inte ansluten" in sync.stderr, sync.stderr
    areas = run("areas", home=home)
    _no_traceback(areas)
    assert areas.returncode == 2 and areas.stderr.startswith("kompassen: Katalogen")


@pytest.fixture
def full_catalogue(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The catalogue cannot grow (SQLITE_FULL, via max_page_count) while a newer Klara pack
    waits to be installed: as after an app update on a full disk."""
    packs = Path(shutil.copytree(AREAS, tmp_path / "packs"))
    area = json.loads((packs / "klara" / "area.json").read_text("utf-8"))
    area["version"] = "2099.01.01"
    (packs / "klara" / "area.json").write_text(json.dumps(area), "utf-8")
    monkeypatch.setenv("KOMPASSEN_BUNDLED_AREAS", str(packs))
    real = dbmod.sqlite_connect

    def limited(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real(*args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
        return conn

    monkeypatch.setattr(dbmod, "sqlite_connect", limited)
    return built


def test_device_commands_work_while_the_catalogue_cannot_be_written(
    full_catalogue: Path, tmp_path: Path, capsys: Any
) -> None:
    report = tmp_path / "report.json"
    report.write_text(json.dumps(REPORT), "utf-8")
    try:
        assert main(["outbox"]) == 0
        assert main(["report", "submit", str(report)]) == 0
        out, err = capsys.readouterr()
        assert "Utkorgen är tom" in out and len(out.splitlines()[-1]) == 36  # the report's uuid
        assert "Traceback" not in err
        assert main(["areas"]) == 2  # a catalogue command says why it cannot go on
        assert "lagringsutrymmet är fullt" in capsys.readouterr().err
    finally:
        close_logging()


class _CommitFails:
    """A catalogue connection whose COMMIT of a large write fails as on a full disk.

    No real full disk is available here; max_page_count fails the INSERT, never the COMMIT,
    so the COMMIT's error is raised by this wrapper, with SQLite's own code for it.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._changes_at_begin = 0

    def execute(self, sql: str, *args: Any) -> Any:
        word = sql.strip().upper()
        if word.startswith("BEGIN"):
            self._changes_at_begin = self._conn.total_changes
        if word == "COMMIT" and self._conn.total_changes - self._changes_at_begin > 20:
            exc = sqlite3.OperationalError("database or disk is full")
            exc.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
            exc.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
            raise exc
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def test_a_failed_commit_of_the_catalogue_is_in_words_and_nothing_half_done(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    real = dbmod.sqlite_connect
    monkeypatch.setattr(dbmod, "sqlite_connect", lambda *a, **k: _CommitFails(real(*a, **k)))
    PackData(mini_documents()).write(tmp_path / "testby")
    try:
        assert main(["install-pack", str(tmp_path / "testby")]) == 2
        err = capsys.readouterr().err
        assert err.startswith("kompassen: Katalogen kunde inte sparas")
        assert "lagringsutrymmet är fullt" in err and "Traceback" not in err
        monkeypatch.setattr(dbmod, "sqlite_connect", real)
        assert main(["areas", "--json"]) == 0
        ids = {a["id"] for a in json.loads(capsys.readouterr().out)}
        assert ids == {"klara", "vastra-sodermalm"}  # testby: not half installed
    finally:
        close_logging()


# ------------------------------------------------- the last installed release survives


def test_the_last_release_comes_back_after_a_rebuild(ctx: AppContext) -> None:
    ctx.catalogue.apply_release(_klara_release(1, "Släppets namn"))
    [(area, rel)] = kept(ctx.paths.data_dir / "releases").items()
    assert area == "klara" and rel.version == 1
    path = ctx.paths.catalogue_db
    ctx.catalogue.close()
    _garble_table(path, "service")
    ctx.catalogue.open(check=False)
    store = ctx.catalogue
    assert store.reader.service_count("klara") > 0  # a read meets the damage: healed
    assert store.release_version("klara") == 1
    assert _first_klara_name(store) == "Släppets namn"
    assert store.rebuilt is not None and "klara: släpp 1" in store.rebuilt.sv


def test_when_space_returns_the_next_start_has_the_release(home: Path, clock: FixedClock) -> None:
    first = build({"KOMPASSEN_HOME": str(home)}, clock)
    first.catalogue.apply_release(_klara_release(2, "Släppets namn"))
    first.catalogue.apply_release(_klara_release(3, "Det senaste"))
    paths = first.paths
    first.close()
    # the catalogue as a rebuild on a full disk left it: the bundled packs only
    for p in paths.data_dir.glob("catalogue.db*"):
        p.unlink()
    bare = CatalogueStore(paths.catalogue_db, paths.backup_dir, clock, bundled_dir=AREAS).open()
    bare.refill()
    assert bare.release_version("klara") is None
    bare.close()
    again = build({"KOMPASSEN_HOME": str(home)}, clock)
    try:
        assert again.catalogue.release_version("klara") == 3
        assert _first_klara_name(again.catalogue) == "Det senaste"
        assert [r.version for r in kept(paths.data_dir / "releases").values()] == [3]
    finally:
        again.close()
        close_logging()


def test_a_tampered_kept_release_is_refused_and_set_aside(home: Path, clock: FixedClock) -> None:
    first = build({"KOMPASSEN_HOME": str(home)}, clock)
    first.catalogue.apply_release(_klara_release(1, "Släppets namn"))
    paths = first.paths
    first.close()
    [rel] = kept(paths.data_dir / "releases").values()
    doc = json.loads(rel.path.read_text("utf-8"))
    doc["documents"]["services.json"]["services"][0]["name"] = "Förfalskat"
    rel.path.write_text(json.dumps(doc), "utf-8")
    for p in paths.data_dir.glob("catalogue.db*"):
        p.unlink()
    again = build({"KOMPASSEN_HOME": str(home)}, clock)
    try:
        assert again.catalogue.release_version("klara") is None
        assert _first_klara_name(again.catalogue) != "Förfalskat"
        assert not rel.path.exists() and rel.path.with_name(rel.path.name + ".bad").exists()
    finally:
        again.close()
        close_logging()


def test_a_pack_installed_by_hand_is_not_replaced_by_the_kept_release(
    ctx: AppContext, home: Path, clock: FixedClock
) -> None:
    ctx.catalogue.apply_release(_klara_release(1, "Släppets namn"))
    ctx.catalogue.install_dir(AREAS / "klara", origin="local")
    ctx.close()
    again = build({"KOMPASSEN_HOME": str(home)}, clock)
    try:
        assert _first_klara_name(again.catalogue) != "Släppets namn"
    finally:
        again.close()


def test_report_submit_reads_the_key_read_only_when_the_catalogue_cannot_be_opened_to_write(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """Opening for writing fails as on a read-only or full card (raised here: as root on this
    machine no file can be made unwritable); the sealing key is read on a ``mode=ro``
    handle of the real file, and the report is queued."""

    def unwritable(self: CatalogueStore, check: bool) -> None:
        raise dbmod.CatalogueDbError(sv="skrivskyddad", en="read-only", kind="readonly")

    monkeypatch.setattr(CatalogueStore, "_open_and_migrate", unwritable)
    report = tmp_path / "report.json"
    report.write_text(json.dumps(REPORT), "utf-8")
    try:
        assert main(["report", "submit", str(report)]) == 0
        assert len(capsys.readouterr().out.strip()) == 36
        assert main(["outbox", "--json"]) == 0
        [item] = json.loads(capsys.readouterr().out)
        assert item["area_id"] == "klara" and item["status"] == "queued"
        assert main(["areas"]) == 2  # a catalogue command is refused in words
        assert capsys.readouterr().err.startswith("kompassen: skrivskyddad")
    finally:
        close_logging()
