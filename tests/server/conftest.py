"""Fixtures for the sync server tests: a live server on a real SQLite file, tokens, releases."""

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


@pytest.fixture
def live(tmp_path: Path, clock: FixedClock) -> Iterator[LiveServer]:
    """The real server on 127.0.0.1 around ``tmp_path/server.db``, on the test's clock."""
    with LiveServer(clock=clock) as server:
        server.start(tmp_path / "server.db")
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
