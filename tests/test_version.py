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
from kompassen.compose import build
from kompassen.core.clock import FixedClock
from kompassen.device.logs import close_logging
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


VERSION_CHILD = """
import sys, kompassen.cli.main as m
try:
    m.main(['--version'])
except SystemExit:
    pass
print(sorted(n for n in ('importlib.metadata', 'kompassen.catalogue.store.reader')
             if n in sys.modules), file=sys.stderr)
"""


def _version(home: Path, lang: str = "sv") -> tuple[list[str], str]:
    env = {"KOMPASSEN_HOME": str(home), "KOMPASSEN_LANG": lang, "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", VERSION_CHILD],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env=env,
    )
    return out.stdout.splitlines(), out.stderr.strip()


def test_the_version_path_reads_no_metadata(tmp_path: Path) -> None:
    """Reading the version stays cheap: ``kompassen --version`` never imports
    importlib.metadata (it parses every installed distribution's metadata) nor the catalogue
    reader (~300 ms), and creates no catalogue where there is none."""
    lines, imported = _version(tmp_path)
    assert lines == [f"kompassen {kompassen.__version__}"]
    assert imported == "[]"
    assert not (tmp_path / "data" / "catalogue.db").exists()


def test_the_version_names_each_installed_area(tmp_path: Path, clock: FixedClock) -> None:
    """On a tablet with areas: each one's pack version and catalogue version, by id."""
    ctx = build({"KOMPASSEN_HOME": str(tmp_path)}, clock)
    try:
        areas = ctx.catalogue.reader.areas()
    finally:
        ctx.close()
        close_logging()
    assert len(areas) >= 2
    lines, imported = _version(tmp_path)
    assert lines == [f"kompassen {kompassen.__version__}"] + [
        f"{a.id} {a.pack_version} (katalogversion {a.catalogue_version})" for a in areas
    ]
    assert imported == "[]"
    english, _ = _version(tmp_path, "en")
    first = areas[0]
    assert english[1] == f"{first.id} {first.pack_version} (catalogue {first.catalogue_version})"


def test_a_damaged_catalogue_still_gives_the_version(tmp_path: Path) -> None:
    db = tmp_path / "data" / "catalogue.db"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"not a database at all" * 100)
    lines, _ = _version(tmp_path)
    assert lines == [f"kompassen {kompassen.__version__}"]
    assert db.read_bytes() == b"not a database at all" * 100  # left for the app to heal


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
