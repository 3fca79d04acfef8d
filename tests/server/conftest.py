"""Fixtures for the sync server tests: a live server on each engine, tokens, releases.

Every test that uses ``live`` (or ``server_target``) runs twice: on a real SQLite file and on a
fresh database of a real PostgreSQL cluster the tests start (tests/pgcluster.py), as the
non-superuser role the server must run as, so row-level security applies. A test about
SQLite's file itself is marked ``@pytest.mark.sqlite_only``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from kompassen.catalogue.pack.validate import read_pack_dir
from kompassen.catalogue.store.release import make_manifest, release_form, sign_manifest
from kompassen.core.clock import FixedClock
from serverutil import LiveServer, bearer

REPO = Path(__file__).resolve().parents[2]
DEV_KEYS = json.loads((REPO / "tests" / "fixtures" / "dev_keys.json").read_text("utf-8"))
KLARA = REPO / "data" / "areas" / "klara"


@pytest.fixture(params=["sqlite", "postgresql"])
def server_target(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """What the server's ``--db`` names: ``tmp_path/server.db``, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "server.db"
    if request.node.get_closest_marker("sqlite_only"):
        pytest.skip("about SQLite's own file")
    return pg_target(request)


def pg_target(request: pytest.FixtureRequest) -> str:
    """A fresh PostgreSQL database from the test cluster (tests/pgfixtures.py), or a skip
    saying why there is none."""
    try:
        url: str = request.getfixturevalue("pg_url")
    except pytest.FixtureLookupError:
        pytest.skip("no PostgreSQL test cluster fixture (tests/pgfixtures.py) in this checkout")
    return url


@pytest.fixture
def live(server_target: Path | str, clock: FixedClock) -> Iterator[LiveServer]:
    """The real server on 127.0.0.1 around ``server_target``, on the test's clock."""
    with LiveServer(clock=clock) as server:
        server.start(server_target)
        yield server


@pytest.fixture
def api(live: LiveServer) -> Iterator[httpx.Client]:
    """An HTTP client whose base URL is the live server's ``/api/v1``."""
    with httpx.Client(base_url=live.api, timeout=30) as client:
        yield client


@pytest.fixture
def office(live: LiveServer) -> dict[str, str]:
    """Authorization headers of a logged-in office user."""
    return bearer(live.office_token())


@pytest.fixture
def device(live: LiveServer) -> dict[str, str]:
    """Authorization headers of an enrolled tablet."""
    return bearer(live.enrol()[1])


@pytest.fixture(scope="session")
def klara_docs() -> dict[str, Any]:
    """The release form of the shipped Klara pack."""
    return release_form(read_pack_dir(KLARA))


def signed_release(
    docs: dict[str, Any], version: int, key: str = DEV_KEYS["signing_private"]
) -> dict[str, Any]:
    """A POST /office/releases body for ``docs`` as ``version``, signed with ``key``."""
    manifest = make_manifest(docs["area.json"]["id"], version, docs, "2026-11-23T12:00:00+01:00")
    return {"manifest": manifest, "signature": sign_manifest(manifest, key), "documents": docs}


def klara_release_body(version: int) -> dict[str, Any]:
    """A release of the shipped Klara pack as ``version`` (for module-scoped fixtures)."""
    return signed_release(release_form(read_pack_dir(KLARA)), version)
