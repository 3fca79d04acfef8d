"""Paths come from one place, KOMPASSEN_HOME wins, and the composition root wires it all."""

from __future__ import annotations

import logging
from pathlib import Path

from kompassen.compose import AppContext
from kompassen.device.paths import bundled_areas_dir, resolve_paths


def test_home_override_puts_everything_under_home(tmp_path: Path) -> None:
    p = resolve_paths({"KOMPASSEN_HOME": str(tmp_path)})
    assert p.catalogue_db == tmp_path / "data" / "catalogue.db"
    assert p.device_db == tmp_path / "data" / "device.db"
    assert p.log_file.parent == tmp_path / "logs"
    assert p.backup_dir.is_relative_to(tmp_path)


def test_platform_dirs_without_override() -> None:
    p = resolve_paths({})
    assert "Kompassen" in str(p.data_dir) or "kompassen" in str(p.data_dir).lower()


def test_bundled_areas_are_found() -> None:
    assert (bundled_areas_dir() / "klara" / "area.json").exists()


def test_ensure_creates_private_folders(tmp_path: Path) -> None:
    p = resolve_paths({"KOMPASSEN_HOME": str(tmp_path / "h")}).ensure()
    for d in (p.data_dir, p.log_dir, p.backup_dir):
        assert d.is_dir()
        assert d.stat().st_mode & 0o077 == 0


def test_build_installs_bundled_areas_and_logs(ctx: AppContext) -> None:
    ids = {a.id for a in ctx.catalogue.reader.areas()}
    assert {"klara", "vastra-sodermalm"} <= ids
    logging.getLogger("kompassen.test").info("hello from the test")
    for h in logging.getLogger("kompassen").handlers:
        h.flush()
    assert "hello from the test" in ctx.paths.log_file.read_text(encoding="utf-8")


def test_second_start_does_not_reinstall(ctx: AppContext, home: Path, clock) -> None:
    from kompassen.compose import build

    versions = {a.id: a.catalogue_version for a in ctx.catalogue.reader.areas()}
    again = build({"KOMPASSEN_HOME": str(home)}, clock)
    try:
        assert again.install_reports == []
        assert {a.id: a.catalogue_version for a in again.catalogue.reader.areas()} == versions
    finally:
        again.close()


def test_newer_bundled_pack_replaces_older_bundled_copy(tmp_path: Path, clock) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from kompassen.catalogue.pack.packdata import PackData
    from kompassen.catalogue.store.store import CatalogueStore
    from minipack import mini_documents

    root = tmp_path / "areas"
    docs = mini_documents()
    PackData(docs).write(root / "testby")
    store = CatalogueStore(tmp_path / "c.db", tmp_path / "b", clock).open()
    try:
        assert [r.catalogue_version for r in store.install_bundled(root)] == [1]
        assert store.install_bundled(root) == []  # same version: nothing to do
        docs["area.json"]["version"] = "2026.02.01"
        docs["services.json"]["services"][0]["name"] = "Nytt namn"
        PackData(docs).write(root / "testby")
        assert [r.catalogue_version for r in store.install_bundled(root)] == [2]
        assert store.reader.service("testby/nattharbarge").name == "Nytt namn"
        # a pack installed from elsewhere (a release, an import) is never overwritten
        store.conn.execute("UPDATE area SET origin = 'release'")
        docs["area.json"]["version"] = "2026.03.01"
        PackData(docs).write(root / "testby")
        assert store.install_bundled(root) == []
        # a broken newer bundled pack is reported, and the installed copy stays
        store.conn.execute("UPDATE area SET origin = 'bundled'")
        (root / "testby" / "services.json").write_text("{broken", encoding="utf-8")
        [report] = store.install_bundled(root)
        assert report.error is not None and report.catalogue_version is None
        assert store.reader.service("testby/nattharbarge").name == "Nytt namn"
    finally:
        store.close()
