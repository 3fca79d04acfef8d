"""The OpenAPI spec tells the truth (issue #12, class 9): every status a route answers with is
documented with the uniform error body, a 422's ``detail`` is the string the server sends,
and a release's documents are described as the pack files the server demands.

The spec-level checks here are exact and fast; ``test_fuzz.py`` runs schemathesis'
response-conformance checks over generated requests. The probes below are the kinds of
answers schemathesis found undocumented before (400, 401, 403, 422 with a string).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis

from kompassen.catalogue.pack.packdata import PACK_FILES
from kompassen.server.app import create_app
from serverutil import LiveServer, bearer

ERROR_REF = "#/components/schemas/ErrorOut"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(Path(folder) / "spec.db")
        try:
            return app.openapi()
        finally:
            app.state.db.close()


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(path, m, op) for path, ops in spec["paths"].items() for m, op in ops.items()]


def test_every_error_status_is_documented_with_the_uniform_body(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert "HTTPValidationError" not in schemas and "ValidationError" not in schemas
    assert schemas["ErrorOut"]["required"] == ["detail", "error", "sv"]
    assert {p["type"] for p in schemas["ErrorOut"]["properties"].values()} == {"string"}
    for path, method, op in _operations(spec):
        statuses = set(op["responses"])
        where = f"{method.upper()} {path}: {sorted(statuses)}"
        assert {"413", "503"} <= statuses, where  # body limit, storage: every route
        if op.get("security"):
            assert {"401", "403"} <= statuses, where
        if "requestBody" in op:
            assert {"400", "422"} <= statuses, where
        if op.get("parameters"):
            assert "422" in statuses, where
        for status, response in op["responses"].items():
            if int(status) >= 400:
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref == ERROR_REF, (where, status)


def test_a_release_documents_exactly_the_pack_files(spec: dict[str, Any]) -> None:
    docs = spec["components"]["schemas"]["DocumentsIn"]
    assert sorted(docs["required"]) == sorted(PACK_FILES)
    assert set(docs["properties"]) == set(PACK_FILES)
    assert docs["additionalProperties"] is False
    publish = spec["paths"]["/api/v1/office/releases"]["post"]["responses"]
    assert "bad_signature" in publish["400"]["description"]
    assert "area_key_unknown" in publish["409"]["description"]


def test_the_answers_schemathesis_found_undocumented_conform_now(
    spec: dict[str, Any], live: LiveServer, api: httpx.Client
) -> None:
    schema = schemathesis.openapi.from_dict(spec)
    device = bearer(live.enrol()[1])
    probes: list[tuple[str, str, dict[str, Any], int]] = [
        ("GET", "/office/devices", {}, 401),
        ("GET", "/office/devices", {"headers": device}, 403),
        ("POST", "/submissions", {"headers": device, "json": {}}, 422),
        ("GET", "/areas/KLARA!/release", {"headers": device}, 422),
        (
            "POST",
            "/enrol",
            {"content": b'{"code": "\xc3\x28"}', "headers": {"Content-Type": "application/json"}},
            400,
        ),
        ("POST", "/office/login", {"json": {"name": "x", "password": "y"}}, 401),
    ]
    templates = {
        "/office/devices": "/api/v1/office/devices",
        "/submissions": "/api/v1/submissions",
        "/areas/KLARA!/release": "/api/v1/areas/{area_id}/release",
        "/enrol": "/api/v1/enrol",
        "/office/login": "/api/v1/office/login",
    }
    for method, path, kwargs, status in probes:
        r = api.request(method, path, **kwargs)
        assert r.status_code == status, (method, path, r.text)
        operation = schema[templates[path]][method]
        assert str(status) in operation.responses.status_codes, (method, path)
        operation.validate_response(r)
        assert isinstance(r.json()["detail"], str)
