"""Build the Linux deliverables of the field app: `make dist` runs this.

    python packaging/linux/build.py [--out dist] [--work build/pyinstaller] [--no-deb]

1. PyInstaller (packaging/kompassen.spec) → one folder, renamed
   ``<out>/kompassen-<version>-linux-<arch>/`` with the .desktop file, the icon and INSTALL.txt;
2. ``<out>/kompassen-<version>-linux-<arch>.tar.gz`` of that folder;
3. ``<out>/kompassen_<version>_<debarch>.deb``: the folder under /opt/kompassen, the launcher
   /usr/bin/kompassen, the menu entry and the hicolor icons (dpkg-deb --root-owner-group, so no
   fakeroot); removing it removes all of that and never touches the users' own data.

The version is the package metadata's (importlib.metadata), the one place it lives. The size
budgets are checked last: the build fails when one is exceeded and prints the biggest files.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SPEC = ROOT / "packaging" / "kompassen.spec"
ICON_SVG = ROOT / "resources" / "icons" / "kompassen.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
INSTALL_DIR = "/opt/kompassen"

# The size budget (MB = 10^6 bytes), the issue's: onedir ≤ 110 MB, .tar.gz ≤ 45 MB. What it
# took is in docs/PERFORMANCE.md ("Packaging"): ICU data cut to sv/en, numpy without OpenBLAS
# (packaging/numpy_noblas.py), the system's own desktop libraries, no Secret Service backend,
# no Rust schema validator. The environment variables exist for experiments, not for CI.
GOAL_ONEDIR_MB, GOAL_TARGZ_MB = 110, 45
BUDGET_ONEDIR_MB = float(os.environ.get("KOMPASSEN_BUDGET_ONEDIR_MB", GOAL_ONEDIR_MB))
BUDGET_TARGZ_MB = float(os.environ.get("KOMPASSEN_BUDGET_TARGZ_MB", GOAL_TARGZ_MB))

# xz for releases (a third smaller than gzip); tests/test_bundle.py uses gzip: ~4x faster to build
DEB_COMPRESSION = os.environ.get("KOMPASSEN_DEB_COMPRESSION", "xz")
DEB_ARCH = {"x86_64": "amd64", "aarch64": "arm64"}
# What Qt's xcb platform plugin needs from the system (the same list as .ci/run installs), and
# the libraries the spec leaves to the system (kompassen.spec SYSTEM_LIBS; the rest of them
# come with these: libfontconfig1 brings freetype and expat, libdbus-1-3 systemd's, ...).
DEB_DEPENDS = (
    "libc6 (>= 2.36), libstdc++6, libgcc-s1, libssl3, zlib1g, libbz2-1.0, liblzma5, libffi8, "
    "libuuid1, libfreetype6, libpng16-16, libx11-6, libx11-xcb1, libxcb1, libxcb-glx0, "
    "libxcb-render0, libxcb-shm0, libxcb-sync1, libxcb-xfixes0, libxcb-util1, "
    "libegl1, libgl1, libfontconfig1, libglib2.0-0, libdbus-1-3, "
    "libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, "
    "libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xkb1, "
    "fonts-dejavu-core"
)


def version() -> str:
    return importlib.metadata.version("kompassen")


def arch() -> str:
    return platform.machine() or "x86_64"


def bundle_name(ver: str) -> str:
    return f"kompassen-{ver}-linux-{arch()}"


def tree_size(path: Path) -> int:
    """Bytes of the regular files under ``path`` (links counted once, as the link)."""
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() or f.is_symlink())


def biggest(path: Path, n: int = 15) -> str:
    files = sorted(
        (f for f in path.rglob("*") if f.is_file() and not f.is_symlink()),
        key=lambda f: f.stat().st_size,
        reverse=True,
    )
    return "\n".join(
        f"  {f.stat().st_size / 1e6:7.1f} MB  {f.relative_to(path)}" for f in files[:n]
    )


def render_icons(out: Path) -> dict[int, Path]:
    """PNG renderings of the SVG icon for the hicolor sizes (Qt's own SVG renderer)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon {ICON_SVG}")
    out.mkdir(parents=True, exist_ok=True)
    pngs = {}
    for size in ICON_SIZES:
        img = QImage(size, size, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        renderer.render(painter)
        painter.end()
        pngs[size] = out / f"kompassen-{size}.png"
        if not img.save(str(pngs[size])):
            raise SystemExit(f"cannot write {pngs[size]}")
    return pngs


def desktop_entry(exec_line: str) -> str:
    template = (HERE / "kompassen.desktop.in").read_text(encoding="utf-8")
    return template.replace("@EXEC@", exec_line)


def pyinstaller(work: Path) -> Path:
    """Run the spec, with numpy built without OpenBLAS; the one folder it built."""
    sys.path.insert(0, str(ROOT / "packaging"))
    from numpy_noblas import DEFAULT_CACHE, ensure

    numpy_dir = ensure(Path(os.environ.get("KOMPASSEN_NUMPY_CACHE", DEFAULT_CACHE)))
    dist = work / "dist"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    cmd += ["--distpath", str(dist), "--workpath", str(work / "build"), str(SPEC)]
    env = dict(os.environ, KOMPASSEN_NUMPY_DIR=str(numpy_dir))
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    return dist / "kompassen"


def make_bundle(onedir: Path, out: Path, ver: str, pngs: dict[int, Path]) -> Path:
    bundle = out / bundle_name(ver)
    if bundle.exists():
        shutil.rmtree(bundle)
    shutil.copytree(onedir, bundle, symlinks=True)
    shutil.copy2(pngs[256], bundle / "kompassen.png")
    shutil.copy2(ICON_SVG, bundle / "kompassen.svg")
    # a menu entry for a copy unpacked to /opt/kompassen (INSTALL.txt says how)
    (bundle / "kompassen.desktop").write_text(
        desktop_entry(f"{INSTALL_DIR}/kompassen"), encoding="utf-8"
    )
    note = (HERE / "INSTALL.txt").read_text(encoding="utf-8").replace("@BUNDLE@", bundle.name)
    (bundle / "INSTALL.txt").write_text(note, encoding="utf-8")
    return bundle


def make_targz(bundle: Path) -> Path:
    path = bundle.with_name(bundle.name + ".tar.gz")

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(path, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle.name, filter=owned_by_root)
    return path


def link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another file system
        shutil.copy2(src, dst)


def stage_deb(bundle: Path, ver: str, pngs: dict[int, Path], work: Path) -> Path:
    """The .deb's file tree (hard links to the bundle: no second copy) with its DEBIAN/."""
    root = work / "debroot"
    if root.exists():
        shutil.rmtree(root)
    opt = root / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, opt, symlinks=True, copy_function=link_or_copy)
    for extra in ("kompassen.desktop", "kompassen.png", "kompassen.svg", "INSTALL.txt"):
        (opt / extra).unlink()
    (root / "usr/bin").mkdir(parents=True)
    # the bootloader finds its _internal/ folder next to the resolved executable
    (root / "usr/bin/kompassen").symlink_to(f"{INSTALL_DIR}/kompassen")
    apps = root / "usr/share/applications"
    apps.mkdir(parents=True)
    (apps / "kompassen.desktop").write_text(desktop_entry("kompassen"), encoding="utf-8")
    icons = root / "usr/share/icons/hicolor"
    for size, png in pngs.items():
        d = icons / f"{size}x{size}/apps"
        d.mkdir(parents=True)
        shutil.copy2(png, d / "kompassen.png")
    (icons / "scalable/apps").mkdir(parents=True)
    shutil.copy2(ICON_SVG, icons / "scalable/apps/kompassen.svg")
    # machine-wide defaults (device/machine_defaults.py), a conffile: an administrator's edit
    # (e.g. {"kiosk": true} on a tablet) survives upgrades; dpkg --purge removes it
    etc = root / "etc/kompassen"
    etc.mkdir(parents=True)
    shutil.copy2(HERE / "deb" / "defaults.json", etc / "defaults.json")
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "conffiles").write_text("/etc/kompassen/defaults.json\n", encoding="utf-8")
    installed_kb = tree_size(root) // 1024
    control = (HERE / "deb" / "control.in").read_text(encoding="utf-8")
    control = control.replace("@VERSION@", ver).replace("@ARCH@", DEB_ARCH.get(arch(), arch()))
    control = control.replace("@DEPENDS@", DEB_DEPENDS).replace("@SIZE_KB@", str(installed_kb))
    (debian / "control").write_text(control, encoding="utf-8")
    for script in ("postinst", "postrm"):
        shutil.copy2(HERE / "deb" / script, debian / script)
        (debian / script).chmod(0o755)
    for d in [root, *(p for p in root.rglob("*") if p.is_dir() and not p.is_symlink())]:
        d.chmod(0o755)
    return root


def deb_path(out: Path, ver: str) -> Path:
    return out / f"kompassen_{ver}_{DEB_ARCH.get(arch(), arch())}.deb"


def start_deb(root: Path, path: Path) -> subprocess.Popen[bytes]:
    """dpkg-deb in the background (it compresses on the other core while the .tar.gz is made)."""
    cmd = [
        "dpkg-deb",
        "--build",
        "--root-owner-group",
        f"-Z{DEB_COMPRESSION}",
        str(root),
        str(path),
    ]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL)


def check_budgets(bundle: Path, targz: Path) -> list[str]:
    """The budget lines that failed (empty: all within)."""
    onedir_mb = tree_size(bundle) / 1e6
    targz_mb = targz.stat().st_size / 1e6
    print(
        f"sizes: onedir {onedir_mb:.1f} MB (budget {BUDGET_ONEDIR_MB:.0f}),"
        f" .tar.gz {targz_mb:.1f} MB (budget {BUDGET_TARGZ_MB:.0f})"
    )
    failed = []
    if onedir_mb > BUDGET_ONEDIR_MB:
        failed.append(f"onedir {onedir_mb:.1f} MB > {BUDGET_ONEDIR_MB:.0f} MB")
    if targz_mb > BUDGET_TARGZ_MB:
        failed.append(f".tar.gz {targz_mb:.1f} MB > {BUDGET_TARGZ_MB:.0f} MB")
    if failed:
        print("size budget exceeded: " + "; ".join(failed) + "\nbiggest files:\n" + biggest(bundle))
    return failed


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", type=Path, default=ROOT / "dist")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    p.add_argument("--no-deb", action="store_true", help="skip the .deb (no dpkg-deb here)")
    args = p.parse_args(argv)
    out, work = args.out.resolve(), args.work.resolve()
    out.mkdir(parents=True, exist_ok=True)
    ver = version()
    t0 = time.monotonic()
    onedir = pyinstaller(work)
    t_pyi = time.monotonic() - t0
    pngs = render_icons(work / "icons")
    bundle = make_bundle(onedir, out, ver, pngs)
    deb = None if args.no_deb else start_deb(stage_deb(bundle, ver, pngs, work), deb_path(out, ver))
    targz = make_targz(bundle)
    made = [bundle, targz]
    if deb is not None:
        if deb.wait() != 0:
            raise SystemExit(f"dpkg-deb failed ({deb.returncode})")
        made.append(deb_path(out, ver))
    print(f"built in {time.monotonic() - t0:.0f} s (PyInstaller {t_pyi:.0f} s):")
    for m in made:
        size = tree_size(m) if m.is_dir() else m.stat().st_size
        print(f"  {m}  {size / 1e6:.1f} MB")
    return 1 if check_budgets(bundle, targz) else 0


if __name__ == "__main__":
    sys.exit(main())
