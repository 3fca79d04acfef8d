"""The wheel is the app: built by pip, installed in a fresh virtualenv outside the checkout,
it finds its area packs and translations (package data, importlib.resources) and works.

The build runs on a copy of exactly the build inputs (no built .qm files, no build/ folder,
no egg-info), in pip's isolated build environment, as CI and a release would build it.

The same wheel is the server: ``pip install kompassen[server]`` brings FastAPI and uvicorn, and
``kompassen-server`` started as packaging/server/kompassen-server.service starts it answers its
health check. The tablet install (no extras) has neither.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

# one worker builds the wheel once for the whole module (make test: --dist loadgroup)
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("wheel")]

REPO = Path(__file__).resolve().parents[1]
BUILD_INPUTS = (
    "app",
    "data",
    "resources",
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "README.md",
)
JUNK = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "*.qm")
UNIT = REPO / "packaging" / "server" / "kompassen-server.service"
# what only the server extra brings (pydantic is FastAPI's: also absent from a tablet)
SERVER_ONLY = ("fastapi", "uvicorn", "starlette", "pydantic")
AREAS = sorted(p.name for p in (REPO / "data" / "areas").iterdir() if (p / "area.json").exists())


@dataclass(frozen=True)
class Installed:
    """The fresh virtualenv's scripts folder, a working folder outside the checkout, the env."""

    bin: Path
    cwd: Path
    env: dict[str, str]

    def run(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        return _run([str(self.bin / program), *args], cwd=self.cwd, env=self.env)


def _run(
    cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, capture_output=True, text=True, timeout=300, check=False, cwd=cwd, env=env
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in BUILD_INPUTS:
        item = REPO / name
        if item.is_dir():
            shutil.copytree(item, src / name, ignore=JUNK)
        else:
            shutil.copy2(item, src / name)
    out = tmp_path_factory.mktemp("wheelhouse")
    done = _run([sys.executable, "-m", "pip", "wheel", str(src), "-w", str(out), "--no-deps"])
    assert done.returncode == 0, done.stdout + done.stderr
    [built] = out.glob("kompassen-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """A fresh virtualenv with the wheel alone (no dev or server extras), run from outside."""
    root = tmp_path_factory.mktemp("installed")
    assert not root.is_relative_to(REPO)
    venv = root / "venv"
    done = _run([sys.executable, "-m", "venv", str(venv)])
    assert done.returncode == 0, done.stderr
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    done = _run([str(bindir / "python"), "-m", "pip", "install", "--quiet", str(wheel)])
    assert done.returncode == 0, done.stdout + done.stderr
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KOMPASSEN_"))}
    env.update(
        KOMPASSEN_HOME=str(root / "home"),
        KOMPASSEN_KEYRING="0",
        QT_QPA_PLATFORM="offscreen",
        VIRTUAL_ENV=str(venv),
    )
    return Installed(bindir, root, env)


def test_wheel_holds_translations_packs_and_schemas(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for lang in ("sv", "en"):
        assert f"kompassen/resources/translations/kompassen_{lang}.qm" in names
    shipped = [
        f"kompassen/bundled/areas/{f.parent.name}/{f.name}"
        for f in (REPO / "data" / "areas").glob("*/*")
        if f.is_file()
    ]
    assert len(shipped) >= 10
    assert sorted(set(shipped) - names) == []
    package_json = [
        "kompassen/" + f.relative_to(REPO / "app" / "kompassen").as_posix()
        for f in (REPO / "app" / "kompassen").rglob("*.json")
    ]
    assert package_json and sorted(set(package_json) - names) == []
    icons = [
        f"kompassen/resources/icons/{f.name}" for f in (REPO / "resources" / "icons").glob("*.svg")
    ]
    assert icons and sorted(set(icons) - names) == []


def test_installed_app_is_not_the_checkout(installed: Installed) -> None:
    code = (
        "import kompassen, kompassen.bundled, kompassen.resources\n"
        "from kompassen.device.paths import bundled_areas_dir, resources_dir\n"
        "print(kompassen.__file__); print(bundled_areas_dir()); print(resources_dir())\n"
    )
    done = installed.run("python", "-c", code)
    assert done.returncode == 0, done.stderr
    for line in done.stdout.split():
        assert not Path(line).is_relative_to(REPO), line
        assert "site-packages" in line, line


def test_installed_areas_json_lists_every_shipped_area(installed: Installed) -> None:
    done = installed.run("kompassen", "areas", "--json")
    assert done.returncode == 0, done.stderr
    areas = {a["id"]: a for a in json.loads(done.stdout)}
    assert "klara" in AREAS and len(AREAS) >= 2
    assert sorted(areas) == AREAS
    assert all(a["services"] > 0 for a in areas.values())


def test_installed_search_finds_shelters(installed: Installed) -> None:
    done = installed.run("kompassen", "search", "härbärge", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)


def test_installed_selftest_and_english_translation(installed: Installed) -> None:
    done = installed.run("kompassen", "selftest")
    assert done.returncode == 0, done.stdout + done.stderr
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from kompassen.gui.i18n import Translations\n"
        "assert Translations().set_language('en')\n"
    )
    done = installed.run("python", "-c", code)
    assert done.returncode == 0, done.stderr


@dataclass(frozen=True)
class TabletLook:
    """What the tablet install held, looked at before the server extra was added to it."""

    importable: dict[str, bool]
    server_cli: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def tablet_look(installed: Installed) -> TabletLook:
    code = (
        "import importlib.util, json\n"
        f"print(json.dumps({{m: importlib.util.find_spec(m) is not None for m in {SERVER_ONLY!r}}}))"
    )
    done = installed.run("python", "-c", code)
    assert done.returncode == 0, done.stderr
    cli = installed.run("kompassen-server", "--db", str(installed.cwd / "tablet-server.db"))
    return TabletLook(json.loads(done.stdout), cli)


@pytest.fixture(scope="module")
def server_venv(installed: Installed, tablet_look: TabletLook, wheel: Path) -> Installed:
    """The server extra installed from the same wheel into that fresh venv.

    As an admin would run ``pip install 'kompassen-….whl[server]'``; a second venv of its own
    would unpack PySide6 (a dependency of both) once more, 20 s of this module for nothing
    the extra changes. ``tablet_look`` is taken first, so the tablet's answers are its own.
    """
    done = installed.run("python", "-m", "pip", "install", "--quiet", f"{wheel}[server]")
    assert done.returncode == 0, done.stdout + done.stderr
    return installed


def test_tablet_install_has_no_server_parts(tablet_look: TabletLook) -> None:
    assert tablet_look.importable == dict.fromkeys(SERVER_ONLY, False)
    # the server command is there (one wheel) and says in words what to install
    assert tablet_look.server_cli.returncode == 2
    assert "pip install 'kompassen[server]'" in tablet_look.server_cli.stderr
    assert "Traceback" not in tablet_look.server_cli.stderr


def _unit_exec_start() -> list[str]:
    [line] = [ln for ln in UNIT.read_text().splitlines() if ln.startswith("ExecStart=")]
    return shlex.split(line.removeprefix("ExecStart="))


def test_server_extra_runs_as_the_systemd_unit_starts_it(
    server_venv: Installed, tmp_path: Path
) -> None:
    """The unit's own ExecStart, with /opt/kompassen-server -> this venv, the state directory
    -> tmp and port 0 (the kernel picks one; uvicorn says which)."""
    venv = server_venv.bin.parent
    state = tmp_path / "var-lib-kompassen"
    state.mkdir(mode=0o700)
    argv = [
        a.replace("/opt/kompassen-server", str(venv)).replace("/var/lib/kompassen", str(state))
        for a in _unit_exec_start()
    ]
    argv[argv.index("--port") + 1] = "0"
    assert Path(argv[0]).exists(), argv[0]
    proc = subprocess.Popen(
        argv,
        cwd=state,
        env=server_venv.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = _wait_for_url(proc)
        with urllib.request.urlopen(f"{url}/api/v1/health", timeout=5) as answer:
            health = json.loads(answer.read())
        assert health["status"] == "ok"
        version = server_venv.run("python", "-c", "import kompassen; print(kompassen.__version__)")
        assert health["version"] == version.stdout.strip()
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    # a clean stop: uvicorn shuts down, then dies of the SIGTERM it caught (systemd counts
    # that as a success, see SuccessExitStatus= in systemd.service(5))
    assert proc.returncode in (0, -signal.SIGTERM), out
    assert "Finished server process" in out, out
    assert (state / "server.db").exists()
    # the admin commands work on the same file, from the same install
    done = server_venv.run(
        "kompassen-server", "--db", str(state / "server.db"), "devices", "--json"
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def _wait_for_url(proc: subprocess.Popen[str]) -> str:
    """The address uvicorn prints once it listens (port 0: the one the kernel gave it)."""
    assert proc.stdout is not None
    deadline = time.monotonic() + 30
    seen = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        found = re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", line)
        if found:
            return found.group(1)
    proc.kill()
    raise AssertionError("the server did not say where it listens:\n" + "".join(seen))
