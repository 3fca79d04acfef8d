"""One version: ``kompassen.__version__`` is what the package metadata, ``kompassen --version``,
the server's /health and the sync client's User-Agent all say (pyproject.toml reads it)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import httpx

import kompassen
from kompassen.core.clock import FixedClock
from kompassen.sync.transport import new_http_client
from serverutil import LiveServer

REPO = Path(__file__).resolve().parents[1]


def test_pyproject_reads_the_version_from_the_package() -> None:
    """No second copy of the number: the metadata is built from ``kompassen.__version__``."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    attr = project["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "kompassen.__version__"
    assert re.fullmatch(r"\d+\.\d+\.\d+([.-]?\w+)*", kompassen.__version__)


def test_installed_metadata_matches_the_package() -> None:
    """The installed distribution (editable here, a wheel or a bundle elsewhere) agrees."""
    assert metadata.version("kompassen") == kompassen.__version__


def test_the_command_prints_the_version(tmp_path: Path) -> None:
    """``kompassen --version``: the real command, in a process of its own."""
    out = subprocess.run(
        [sys.executable, "-m", "kompassen", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"KOMPASSEN_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert out.stdout.strip() == f"kompassen {kompassen.__version__}"


def test_the_version_path_reads_no_metadata() -> None:
    """Reading the version stays cheap: ``kompassen --version`` never imports
    importlib.metadata (it parses every installed distribution's metadata)."""
    code = (
        "import sys, kompassen.cli.main as m\n"
        "try:\n    m.main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print('importlib.metadata' in sys.modules, file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == f"kompassen {kompassen.__version__}"
    assert out.stderr.strip() == "False"


class _Recording(httpx.HTTPTransport):
    """A real transport that remembers the requests it sent."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return super().handle_request(request)


def test_server_health_and_user_agent_say_the_same_version(
    tmp_path: Path, clock: FixedClock
) -> None:
    """The server answers /health with the version; the tablet's requests carry it."""
    transport = _Recording()
    with LiveServer(clock=clock) as server:
        server.start(tmp_path / "server.db")
        with new_http_client(10, transport) as client:
            health = client.get(f"{server.api}/health")
    assert health.status_code == 200
    assert health.json()["version"] == kompassen.__version__
    assert transport.sent[0].headers["User-Agent"] == f"kompassen/{kompassen.__version__}"
