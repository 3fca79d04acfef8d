"""Schemathesis, from the server's own OpenAPI spec: no input gives a 5xx, and every answer is
what the spec says (status code documented, content type, body schema: schemathesis'
response-conformance checks), with or without a valid token (none, a device's, an office
user's). Positive and negative cases; deterministic and bounded in examples."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from kompassen.server.app import create_app
from serverutil import LiveServer, bearer

from .conftest import klara_release_body

MAX_EXAMPLES = 10
PUBLIC = {"/api/v1/health", "/api/v1/enrol", "/api/v1/office/login"}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _spec() -> dict[str, Any]:
    """The app's OpenAPI document (schemathesis' lazy fixture loader does not run on pytest 9,
    so the spec is built at import and the cases are sent to a live server)."""
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(Path(folder) / "spec.db")
        try:
            return app.openapi()
        finally:
            app.state.db.close()


schema = schemathesis.openapi.from_dict(_spec())


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One live server for the whole module, with a device, an office user and a release."""
    with LiveServer() as server:
        server.start(Path(tmp_path_factory.mktemp("fuzz")) / "server.db")
        yield server


@pytest.fixture(scope="module")
def fuzz_tokens(fuzz_server: LiveServer) -> list[dict[str, str] | None]:
    office = bearer(fuzz_server.office_token())
    fuzz_server.register_area_key("klara")
    r = httpx.post(f"{fuzz_server.api}/office/releases", headers=office, json=klara_release_body(1))
    assert r.status_code == 201, r.text
    device = bearer(fuzz_server.enrol()[1])
    return [None, device, office]


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors(
    case: schemathesis.Case, fuzz_server: LiveServer, fuzz_tokens: list[dict[str, str] | None]
) -> None:
    public = case.path in PUBLIC  # tokens change nothing there (and a login costs 0.1 s)
    for headers in fuzz_tokens[:1] if public else fuzz_tokens:
        response = case.call_and_validate(
            base_url=fuzz_server.url, headers=headers, checks=CHECKS, timeout=30
        )
        if response.status_code >= 400:
            assert set(response.json()) >= {"detail", "error", "sv"}, response.text
