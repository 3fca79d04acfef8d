"""The frozen app, as CI proves it (issue #16): PyInstaller bundle, .tar.gz and .deb.

One test, in order, because every step needs the one build before it (a module fixture shared
by several tests would be built once per pytest-xdist worker): build with
packaging/linux/build.py into a temporary folder, run the frozen ``kompassen selftest``
offscreen with a private KOMPASSEN_HOME, check what the bundle holds and leaves out and its
size budget, the .tar.gz and the .desktop entry; then, as root (CI: root on Debian 12),
``dpkg -i`` the .deb, run the installed ``/usr/bin/kompassen selftest`` and ``--version``,
``dpkg -r`` it and check that nothing of it is left while the user's data is.

Skipped without PyInstaller (the ``dev`` extra has it). The dpkg part is skipped when not root,
unless KOMPASSEN_REQUIRE_DEB=1 (.ci/run sets it, so CI fails instead of skipping). Only this
test touches dpkg, under a lock, so parallel runs of the suite do not collide.
"""

from __future__ import annotations

import ast
import configparser
import fcntl
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "packaging" / "linux" / "build.py"
REQUIRE_DEB = os.environ.get("KOMPASSEN_REQUIRE_DEB") == "1"

# the first build on a machine also builds numpy without OpenBLAS (packaging/numpy_noblas.py)
pytestmark = [pytest.mark.slow, pytest.mark.timeout(2400)]

# What a widgets app must not carry (PyInstaller's Qt hooks collect them by default) and
# what the tablet never runs (the sync server and its stack).
UNWANTED_LIBS = re.compile(r"libQt6(Quick|Qml|Pdf|WebEngine|3D|Multimedia|Network|Wayland)")
UNWANTED_MODULES = (
    "kompassen.server",
    "kompassen.testing",
    "fastapi",
    "uvicorn",
    "starlette",
    "pydantic",
    "pytest",
    "hypothesis",
)


def build_module() -> object:
    spec = importlib.util.spec_from_file_location("kompassen_linux_build", BUILD)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def app_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMPASSEN_")}
    env.update(KOMPASSEN_HOME=str(home), KOMPASSEN_KEYRING="0", QT_QPA_PLATFORM="offscreen")
    return env


def run(cmd: list[str], env: dict[str, str] | None = None, timeout: float = 120) -> str:
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, f"{cmd} → {r.returncode}\n{r.stdout}\n{r.stderr}"
    return r.stdout


def desktop_entry(path: Path) -> configparser.SectionProxy:
    cp = configparser.ConfigParser(interpolation=None)
    cp.optionxform = str  # type: ignore[assignment,method-assign]
    cp.read(path, encoding="utf-8")
    entry = cp["Desktop Entry"]
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", str(path)])
    elif REQUIRE_DEB:
        pytest.fail("desktop-file-validate missing (desktop-file-utils; .ci/run installs it)")
    return entry


def dpkg(*args: str, wait: float = 600) -> None:
    """dpkg, waiting while another installation (apt on this machine) holds its lock."""
    end = time.monotonic() + wait
    while True:
        r = subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=300)
        if r.returncode == 0:
            return
        if "lock" not in r.stderr or time.monotonic() > end:
            pytest.fail(f"dpkg {' '.join(args)} → {r.returncode}\n{r.stdout}\n{r.stderr}")
        time.sleep(2)


def frozen_modules(internal: Path, pyz_toc: Path) -> set[str]:
    """The Python modules in the bundle: .pyc files in the folder (the spec's noarchive) and
    whatever went into the PYZ archive."""
    names = set()
    for pyc in internal.rglob("*.pyc"):
        parts = pyc.relative_to(internal).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    if pyz_toc.is_file():
        names |= {entry[0] for entry in ast.literal_eval(pyz_toc.read_text())[1]}
    return names


ICU_PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QCollator, QDateTime, QLocale, QTimeZone
app = QCoreApplication(sys.argv)
words = ["ö", "å", "ä", "z", "a", "Ärende", "Åsa", "öl", "Zeta", "aa", "Ødegaard", "ß", "é"]
for loc in ("sv_SE", "sv_FI", "en_GB", "en_US"):  # the app's languages: the same order
    print(loc, sorted(words, key=QCollator(QLocale(loc)).sortKey))
    print(QLocale(loc).toUpper("straße ärende i"), QLocale(loc).toString(1234567.891, "f", 2))
for loc in ("de_DE", "fi_FI", "ar_SA", "ja_JP", "th_TH"):  # others fall back to root order
    print(loc, len(sorted(words, key=QCollator(QLocale(loc)).sortKey)))
zone = QTimeZone(b"Europe/Stockholm")
at = QDateTime.fromString("2026-12-05T23:30:00Z", "yyyy-MM-ddTHH:mm:ssZ")
print(zone.isValid(), zone.offsetFromUtc(at), zone.displayName(at))
"""


def icu_answers(icu_dir: Path | None) -> str:
    """What Qt answers about collation, case and time zones with the ICU data library in
    ``icu_dir`` (loaded before the wheel's: LD_LIBRARY_PATH outranks Qt's RUNPATH), or the
    wheel's own; the rest of Qt is this environment's in both runs."""
    env = app_env(Path(tempfile.gettempdir()))
    if icu_dir is not None:
        only = Path(tempfile.mkdtemp(prefix="icu-"))
        for lib in icu_dir.glob("libicudata.so*"):
            shutil.copy2(lib, only / lib.name)
        env["LD_LIBRARY_PATH"] = str(only)
    r = subprocess.run(
        [sys.executable, "-c", ICU_PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0 and not r.stderr.strip(), r.stderr
    return r.stdout


def can_dpkg() -> bool:
    return os.geteuid() == 0 and shutil.which("dpkg") is not None


def test_bundle_builds_runs_installs_and_removes(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller")
    if shutil.which("dpkg-deb") is None and not REQUIRE_DEB:
        pytest.skip("no dpkg-deb on this machine")
    b = build_module()
    out, work = tmp_path / "out", tmp_path / "work"
    env = dict(os.environ, KOMPASSEN_DEB_COMPRESSION="gzip")
    r = subprocess.run(
        [sys.executable, str(BUILD), "--out", str(out), "--work", str(work)],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=tmp_path,
    )
    assert r.returncode == 0, (
        f"build failed ({r.returncode}):\n{r.stdout[-4000:]}\n{r.stderr[-4000:]}"
    )

    ver = b.version()  # type: ignore[attr-defined]
    bundle = out / b.bundle_name(ver)  # type: ignore[attr-defined]
    exe = bundle / "kompassen"
    assert exe.is_file() and os.access(exe, os.X_OK)

    # the frozen app runs its self-test without the server extras, and prints as a CLI
    home = tmp_path / "home"
    assert run([str(exe), "--version"], app_env(home)).splitlines()[0] == f"kompassen {ver}"
    assert "selftest:" in run([str(exe), "selftest"], app_env(home))

    # what the size budget left out has its fallback: the typo search without rapidfuzz's AVX2
    # and fuzz modules, pack validation without jsonschema-rs, numpy without OpenBLAS; the
    # frozen answers are the source's
    src_home = tmp_path / "src-home"
    search = ["search", "harbarje", "--open-at", "2026-12-05T23:30:00+01:00", "--json"]
    frozen_hits = json.loads(run([str(exe), *search], app_env(home)))
    source_hits = json.loads(run([sys.executable, "-m", "kompassen", *search], app_env(src_home)))
    assert frozen_hits == source_hits and frozen_hits, frozen_hits
    bad_pack = tmp_path / "packs" / "klara"
    shutil.copytree(ROOT / "data" / "areas" / "klara", bad_pack)
    services = json.loads((bad_pack / "services.json").read_text(encoding="utf-8"))
    services["services"][3]["status"] = "maybe"
    (bad_pack / "services.json").write_text(json.dumps(services, indent=2), encoding="utf-8")
    said = [
        subprocess.run(
            [*cmd, "validate-pack", str(bad_pack)],
            env=app_env(h),
            capture_output=True,
            text=True,
            timeout=120,
        )
        for cmd, h in (([str(exe)], home), ([sys.executable, "-m", "kompassen"], src_home))
    ]
    assert said[0].returncode == said[1].returncode != 0
    assert said[0].stdout + said[0].stderr == said[1].stdout + said[1].stderr
    assert "maybe" in said[0].stdout + said[0].stderr
    assert not list((bundle / "_internal").rglob("*openblas*"))
    assert not (bundle / "_internal" / "jsonschema_rs").exists()

    # Qt with the bundle's smaller ICU data sorts, cases and names time zones as with the full
    assert icu_answers(bundle / "_internal" / "PySide6" / "Qt" / "lib") == icu_answers(None)

    # what it carries: the plugins it needs, none of Qt's Quick/Qml/Pdf/... nor the server
    internal = bundle / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for needed in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "imageformats/libqsvg.so"):
        assert (plugins / needed).is_file(), needed
    unwanted = [p.name for p in internal.rglob("*") if UNWANTED_LIBS.match(p.name)]
    assert not unwanted, unwanted
    modules = frozen_modules(internal, work / "build" / "kompassen" / "PYZ-00.toc")
    leaked = sorted(m for m in modules if m.startswith(UNWANTED_MODULES))
    assert not leaked, leaked[:20]
    assert "kompassen.cli.search" in modules and "kompassen.gui.field.window" in modules
    for data in ("kompassen/bundled/areas", "kompassen/resources/translations/kompassen_en.qm"):
        assert (internal / data).exists(), data

    # the size budget, 110 / 45 MB (build.py fails the build too; here measured independently)
    onedir_mb = sum(f.lstat().st_size for f in bundle.rglob("*")) / 1e6
    targz = out / f"{bundle.name}.tar.gz"
    assert onedir_mb <= b.BUDGET_ONEDIR_MB, f"onedir {onedir_mb:.1f} MB\n{b.biggest(bundle)}"  # type: ignore[attr-defined]
    assert targz.stat().st_size / 1e6 <= b.BUDGET_TARGZ_MB  # type: ignore[attr-defined]

    # the .tar.gz: the bundle in one folder, with its menu entry, icon and install note
    with tarfile.open(targz) as tar:
        names = set(tar.getnames())
    for name in ("kompassen", "kompassen.desktop", "kompassen.png", "kompassen.svg", "INSTALL.txt"):
        assert f"{bundle.name}/{name}" in names, name
    entry = desktop_entry(bundle / "kompassen.desktop")
    assert entry["Exec"].split()[0] == "/opt/kompassen/kompassen" and entry["Icon"] == "kompassen"

    deb = out / f"kompassen_{ver}_{b.DEB_ARCH.get(b.arch(), b.arch())}.deb"  # type: ignore[attr-defined]
    assert deb.is_file()
    if not can_dpkg():
        if REQUIRE_DEB:
            pytest.fail("KOMPASSEN_REQUIRE_DEB=1 but dpkg cannot install here (not root?)")
        pytest.skip("bundle and .tar.gz proven; dpkg -i needs root (CI runs it as root)")
    install_and_remove(deb, ver, tmp_path / "installed-home")


def install_and_remove(deb: Path, ver: str, home: Path) -> None:
    """dpkg -i, run the installed app, dpkg -r, and nothing of the package is left."""
    lock = Path(tempfile.gettempdir()) / "kompassen-test-dpkg.lock"
    with lock.open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            dpkg("-i", str(deb))
            entry = desktop_entry(Path("/usr/share/applications/kompassen.desktop"))
            launcher = shutil.which(entry["Exec"].split()[0]) or ""
            assert Path(launcher) == Path("/usr/bin/kompassen"), launcher
            assert Path("/usr/share/icons/hicolor/48x48/apps/kompassen.png").is_file()
            shipped = ROOT / "packaging" / "linux" / "deb" / "defaults.json"
            installed = Path("/etc/kompassen/defaults.json")
            assert json.loads(installed.read_text()) == json.loads(shipped.read_text())
            assert run([launcher, "--version"], app_env(home)).splitlines()[0] == f"kompassen {ver}"
            assert "selftest:" in run([launcher, "selftest"], app_env(home))
        finally:
            dpkg("-r", "kompassen")
    left = [
        p
        for p in (
            Path("/opt/kompassen"),
            Path("/usr/bin/kompassen"),
            Path("/usr/share/applications/kompassen.desktop"),
            *Path("/usr/share/icons/hicolor").glob("*/apps/kompassen.*"),
        )
        if p.exists() or p.is_symlink()
    ]
    assert not left, left
    # the machine defaults are a conffile: kept by dpkg -r (an administrator's edit), gone on purge
    assert Path("/etc/kompassen/defaults.json").is_file()
    dpkg("--purge", "kompassen")
    assert not Path("/etc/kompassen").exists()
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", "kompassen"], capture_output=True, text=True
    )
    assert "install ok installed" not in status.stdout
    # the user's data (here a private KOMPASSEN_HOME) is theirs: removal never touches it
    assert (home / "data").is_dir()
