"""Paths come from one place, KOMPASSEN_HOME wins, and the composition root wires it all."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from kompassen.compose import AppContext, BundledPacksBroken, build
from kompassen.device.logs import close_logging
from kompassen.device.paths import bundled_areas_dir, resolve_paths, resources_dir


def test_home_override_puts_everything_under_home(tmp_path: Path) -> None:
    p = resolve_paths({"KOMPASSEN_HOME": str(tmp_path)})
    assert p.catalogue_db == tmp_path / "data" / "catalogue.db"
    assert p.device_db == tmp_path / "data" / "device.db"
    assert p.log_file.parent == tmp_path / "logs"
    assert p.backup_dir.is_relative_to(tmp_path)


def test_platform_dirs_without_override() -> None:
    p = resolve_paths({})
    assert "Kompassen" in str(p.data_dir) or "kompassen" in str(p.data_dir).lower()


def test_bundled_areas_and_resources_are_package_data() -> None:
    """Found through importlib.resources (the editable install maps data/ and resources/)."""
    from importlib.resources import files

    assert bundled_areas_dir() == Path(str(files("kompassen.bundled"))) / "areas"
    assert (bundled_areas_dir() / "klara" / "area.json").exists()
    assert (resources_dir() / "translations" / "kompassen_en.ts").exists()
    assert resources_dir() == Path(str(files("kompassen.resources")))


def test_missing_package_data_is_a_clear_error() -> None:
    from kompassen.device.paths import PackageDataMissing, package_dir

    with pytest.raises(PackageDataMissing) as info:
        package_dir("kompassen.no_such_data")
    assert "kompassen.no_such_data" in info.value.message("en")
    assert "installera om" in info.value.message("sv")


def _build_with_packs(home: Path, packs: Path, clock) -> AppContext:
    return build({"KOMPASSEN_HOME": str(home), "KOMPASSEN_BUNDLED_AREAS": str(packs)}, clock)


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    """A private copy of the shipped packs, to break."""
    return Path(shutil.copytree(bundled_areas_dir(), tmp_path / "packs"))


def test_shipped_packs_have_no_problems(ctx: AppContext) -> None:
    assert ctx.bundled_problems == []
    ctx.check_bundled()  # does not raise


def test_invalid_bundled_pack_is_a_problem_the_user_sees(home: Path, packs: Path, clock) -> None:
    (packs / "vastra-sodermalm" / "services.json").write_text("{broken", encoding="utf-8")
    ctx = _build_with_packs(home, packs, clock)
    try:
        assert {a.id for a in ctx.catalogue.reader.areas()} == {"klara"}  # the rest still loads
        [problem] = ctx.bundled_problems
        assert problem.sv.startswith("Områdespaketet vastra-sodermalm som följer med appen")
        assert "services.json" in problem.en and "\n" not in problem.en
        with pytest.raises(BundledPacksBroken) as info:
            ctx.check_bundled()
        assert "vastra-sodermalm" in info.value.message("en")
        assert "invalid" in info.value.message("en") and "ogiltigt" in info.value.message("sv")
    finally:
        ctx.close()
        close_logging()


def test_bundled_pack_without_area_json_is_a_problem(home: Path, packs: Path, clock) -> None:
    (packs / "klara" / "area.json").unlink()
    ctx = _build_with_packs(home, packs, clock)
    try:
        [problem] = ctx.bundled_problems
        assert "klara" in problem.sv and "area.json" in problem.en
    finally:
        ctx.close()
        close_logging()


@pytest.mark.parametrize("where", ["missing", "empty"])
def test_no_bundled_packs_at_all_is_a_problem(
    home: Path, tmp_path: Path, clock, where: str
) -> None:
    packs = tmp_path / "nothing"
    if where == "empty":
        packs.mkdir()
    ctx = _build_with_packs(home, packs, clock)
    try:
        [problem] = ctx.bundled_problems
        assert "saknas" in problem.sv and "missing" in problem.en and str(packs) in problem.en
        with pytest.raises(BundledPacksBroken):
            ctx.check_bundled()
    finally:
        ctx.close()
        close_logging()


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
