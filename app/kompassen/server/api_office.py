"""What the office calls: login, fetching sealed submissions, releases, codes and devices."""

from __future__ import annotations

import base64
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from kompassen.server import admin
from kompassen.server.auth import OfficeCaller
from kompassen.server.db import ServerDb
from kompassen.server.errors import EVERY_ROUTE, ApiError, documented
from kompassen.server.models import (
    AREA_ID_PATTERN,
    DEVICE_ID_PATTERN,
    MAX_ID,
    DevicesOut,
    EnrolmentCodeIn,
    EnrolmentCodeOut,
    LatestRelease,
    LoginIn,
    LoginOut,
    OfficeSubmissionsOut,
    ReleaseCreated,
    ReleaseIn,
    RevokeOut,
)
from kompassen.server.releases import Releases, latest_version

router = APIRouter(prefix="/office", responses=EVERY_ROUTE)


def _db(request: Request) -> ServerDb:
    db: ServerDb = request.app.state.db
    return db


@router.post("/login", response_model=LoginOut, responses=documented(400, 401, 422))
def login(body: LoginIn, request: Request) -> dict[str, Any]:
    """A token for 12 hours; a wrong name or password is 401 without saying which."""
    got = admin.office_login(_db(request), request.app.state.clock, body.name, body.password)
    if got is None:
        raise ApiError(
            401,
            "bad_login",
            en="Wrong name or password.",
            sv="Fel namn eller lösenord.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return {"token": got[0], "expires_at": got[1]}


@router.get(
    "/submissions", response_model=OfficeSubmissionsOut, responses=documented(401, 403, 422)
)
def list_submissions(
    who: OfficeCaller,
    request: Request,
    after: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict[str, Any]:
    """Sealed submissions with ``id > after`` in id order, ``limit`` at a time."""
    with _db(request).read() as conn:
        rows = conn.execute(
            "SELECT id, device_id, uuid, area_id, created_at, received_at, sealed "
            "FROM submission WHERE id > ? ORDER BY id LIMIT ?",
            (after, limit + 1),
        ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [dict(r) | {"sealed": base64.b64encode(r["sealed"]).decode("ascii")} for r in rows]
    return {"items": items, "next_after": items[-1]["id"] if more else None}


@router.get(
    "/releases/{area_id}",
    response_model=LatestRelease,
    responses=documented(401, 403, 404, 422, s404="no such path (`not_found`)"),
)
def release_status(
    who: OfficeCaller,
    request: Request,
    area_id: Annotated[str, Path(pattern=AREA_ID_PATTERN)],
) -> dict[str, Any]:
    """The latest published version of an area (0 when none), to sign the next one."""
    return {"area_id": area_id, "latest_version": latest_version(_db(request), area_id)}


@router.post(
    "/releases",
    status_code=201,
    response_model=ReleaseCreated,
    responses=documented(
        400,
        401,
        403,
        409,
        422,
        s400="the body is not UTF-8 JSON, or what the schema cannot say does not check out: "
        "area.json names another area (`bad_documents`), the sha256 (`bad_hash`), the "
        "signature by the area's registered key (`bad_signature`), area.json's "
        "public_keys.signing (`no_signing_key`)",
        s409="manifest.version is not latest + 1 (`version_conflict`), or the area's signing "
        "key is not registered on the server (`area_key_unknown`)",
    ),
)
def publish_release(body: ReleaseIn, who: OfficeCaller, request: Request) -> dict[str, Any]:
    """Publish a signed release, signed by the area's registered key (``area-key register``)."""
    releases: Releases = request.app.state.releases
    manifest = body.manifest.model_dump()
    releases.publish(manifest, body.signature, body.documents.files())
    return {"area_id": manifest["area_id"], "version": manifest["version"]}


@router.post(
    "/enrolment-codes", response_model=EnrolmentCodeOut, responses=documented(400, 401, 403, 422)
)
def new_code(body: EnrolmentCodeIn, who: OfficeCaller, request: Request) -> dict[str, Any]:
    """A code a tablet can enrol with, ``uses`` times within ``valid_hours``."""
    code, expires_at = admin.create_enrolment_code(
        _db(request), request.app.state.clock, body.uses, body.valid_hours
    )
    return {"code": code, "uses": body.uses, "expires_at": expires_at}


@router.get("/devices", response_model=DevicesOut, responses=documented(401, 403))
def devices(who: OfficeCaller, request: Request) -> dict[str, Any]:
    """Every tablet, with revocation and any use of its token since (``revoked_uses``)."""
    return {"devices": admin.list_devices(_db(request))}


@router.post(
    "/devices/{device_id}/revoke",
    response_model=RevokeOut,
    responses=documented(401, 403, 404, 422, s404="no such device (`no_device`)"),
)
def revoke(
    who: OfficeCaller,
    request: Request,
    device_id: Annotated[str, Path(pattern=DEVICE_ID_PATTERN)],
) -> dict[str, Any]:
    """Revoke a lost or retired tablet: its token gets 403 from now on."""
    revoked_at = admin.revoke_device(_db(request), request.app.state.clock, device_id)
    if revoked_at is None:
        raise ApiError(
            404,
            "no_device",
            en=f"There is no device {device_id}.",
            sv=f"Det finns ingen enhet {device_id}.",
        )
    return {"id": device_id, "revoked_at": revoked_at}
