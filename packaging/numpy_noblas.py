"""numpy for the bundle, built from its source without OpenBLAS (25 MB of the 110 MB budget).

The numpy wheels on PyPI carry OpenBLAS (with gfortran and quadmath: 28 MB) for fast matrix
products and linear algebra; the app multiplies no matrices: its search index uses numpy for
element-wise masks, sorting and distances. numpy's own build supports exactly this case
(``-Dallow-noblas=true``: its internal loops and the bundled ``lapack_lite`` instead), so the
bundle gets the same numpy version built that way, once, into a cache folder. The build also
leaves out the per-CPU copies of numpy's loops (``-Dcpu-dispatch=none``: 5 MB more, the tablet
runs numpy's SSE3 baseline). The development environment keeps its PyPI numpy; the spec finds
this one first (``KOMPASSEN_NUMPY_DIR``).

Needs a C and C++ compiler and Python's headers (Debian: gcc g++); pip fetches the source
and numpy's build tools from the package index. About 4 minutes on 2 cores, then cached.

    python packaging/numpy_noblas.py [--cache build/numpy-noblas]   # prints the folder
"""

from __future__ import annotations

import argparse
import fcntl
import importlib.metadata
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CACHE = ROOT / "build" / "numpy-noblas"
SETUP_ARGS = ("-Dallow-noblas=true", "-Dblas=none", "-Dlapack=none", "-Dcpu-dispatch=none")
READY = ".complete"  # written last: a folder without it is a build that was cut short


def numpy_version() -> str:
    """The numpy version of this environment: the bundle carries the one the tests ran with."""
    return importlib.metadata.version("numpy")


def ensure(cache: Path = DEFAULT_CACHE, version: str | None = None) -> Path:
    """The folder holding ``numpy/`` built without BLAS (built now if not cached); raises
    SystemExit with what to install when the build cannot run."""
    version = version or numpy_version()
    folder = cache / version
    if (folder / READY).is_file():
        return folder
    cache.mkdir(parents=True, exist_ok=True)
    # one build at a time (CI starts one early, the bundle test waits for it)
    with (cache / f"{version}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (folder / READY).is_file():
            return folder
        _build(cache, folder, version)
    return folder


def _build(cache: Path, folder: Path, version: str) -> None:
    missing = [t for t in ("cc", "c++") if shutil.which(t) is None]
    if missing:
        raise SystemExit(
            f"numpy without OpenBLAS needs a C/C++ compiler ({', '.join(missing)} not found): "
            "apt install gcc g++"
        )
    wheels = cache / f"{version}-wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    cmd = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-cache-dir"]
    cmd += ["--no-binary", "numpy", f"numpy=={version}", "-w", str(wheels)]
    cmd += [f"-Csetup-args={arg}" for arg in SETUP_ARGS]
    print(f"numpy_noblas: building numpy {version} without OpenBLAS (a few minutes, once)")
    subprocess.run(cmd, check=True)
    [wheel] = wheels.glob("numpy-*.whl")
    folder.mkdir(parents=True)
    with zipfile.ZipFile(wheel) as z:
        z.extractall(folder)
    linked = [p.name for p in folder.rglob("*openblas*")]
    if linked:
        raise SystemExit(f"numpy_noblas: the build still carries OpenBLAS: {linked}")
    shutil.rmtree(wheels, ignore_errors=True)
    (folder / READY).write_text(" ".join(SETUP_ARGS) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    print(ensure(args.cache))
    return 0


if __name__ == "__main__":
    sys.exit(main())
