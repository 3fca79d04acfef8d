"""What tablets call: health, enrolment, sealed submissions, catalogue releases, versions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from kompassen import __version__
from kompassen.server import admin
from kompassen.server.auth import AnyCaller, DeviceCaller, Principal, not_your_area
from kompassen.server.db import SYSTEM, ServerDb, utc_iso
from kompassen.server.errors import EVERY_ROUTE, ApiError, documented
from kompassen.server.models import (
    AREA_ID_PATTERN,
    MAX_ID,
    MAX_SINCE,
    CheckedSubmission,
    DeviceAnswersOut,
    EnrolIn,
    EnrolOut,
    Health,
    ReleaseOut,
    SubmissionBatch,
    SubmissionIn,
    SubmissionResult,
    SubmissionsOut,
    VersionsIn,
    VersionsOut,
)
from kompassen.server.releases import Releases, etag, etag_matches, latest_version

router = APIRouter(responses=EVERY_ROUTE)

_RELEASE_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {"model": ReleaseOut, "description": "the latest release, in full or as a delta"},
    304: {"description": "`since` (or If-None-Match) is the latest release"},
}

_ITEM_ERRORS = {
    "uuid": ("bad_uuid", "uuid är inte ett giltigt UUID"),
    "area_id": ("bad_area_id", "area_id är inte ett giltigt områdes-id"),
    "created_at": ("bad_created_at", "created_at är inte en tidpunkt med tidszon"),
    "sealed": ("bad_sealed", "sealed är inte giltig base64 på 48 byte till 64 KiB"),
    "kind": ("bad_kind", "kind är varken report eller usage"),
    "day": ("bad_day", "day (ÅÅÅÅ-MM-DD) krävs för usage och får inte finnas för en rapport"),
}
_WRONG_AREA = "area_id är inte den här enhetens område; den får bara skicka för sitt eget"


def _db(request: Request) -> ServerDb:
    db: ServerDb = request.app.state.db
    return db


@router.get("/health", response_model=Health)
def health(request: Request) -> dict[str, Any]:
    """Liveness and database check, for monitoring and for clients probing the network."""
    with _db(request).read(SYSTEM) as conn:
        conn.execute("SELECT 1").fetchone()
    return {"status": "ok", "version": __version__}


@router.post(
    "/enrol",
    response_model=EnrolOut,
    responses=documented(400, 403, 422, s403="wrong, used or expired code (`bad_code`)"),
)
def enrol(body: EnrolIn, request: Request) -> dict[str, Any]:
    """Trade an enrolment code for a device id and token (shown once, stored hashed)."""
    got = admin.enrol(_db(request), request.app.state.clock, body.code, body.name)
    if got is None:
        raise ApiError(
            403,
            "bad_code",
            en="The enrolment code is wrong, used up or expired.",
            sv="Koden är fel, redan använd eller har gått ut.",
        )
    return {"device_id": got[0], "token": got[1]}


def _own_area(request: Request, who: Principal, area_id: str) -> Principal:
    """The device as bound to its area: one without an area yet is bound to ``area_id``
    (its first release check or submission), then it belongs there like any other."""
    if who.area is not None or not admin.bind_device_area(_db(request), who.id, area_id):
        return who
    return Principal("device", who.id, areas=frozenset({area_id}))


def _check(item: SubmissionIn) -> CheckedSubmission | SubmissionResult:
    try:
        return CheckedSubmission.model_validate(item.model_dump())
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "day"  # the model check: day
        code, sv = _ITEM_ERRORS.get(field, ("invalid", "ogiltig post"))
        return SubmissionResult(uuid=item.uuid, status="rejected", error=code, sv=sv)


@router.post(
    "/submissions",
    response_model=SubmissionsOut,
    response_model_exclude_none=True,
    responses=documented(400, 401, 403, 422),
)
def submissions(body: SubmissionBatch, who: DeviceCaller, request: Request) -> dict[str, Any]:
    """Store sealed reports and daily usage (``kind``) idempotently by (device, uuid), one
    transaction per batch.

    The transaction commits before the answer leaves, so ``stored`` means on disk. A device
    sends only for its own area (district): an item of another is ``rejected``
    (``wrong_area``) without holding back the rest.
    """
    now = utc_iso(request.app.state.clock.now())
    results: list[SubmissionResult] = []
    checked_items = [_check(item) for item in body.items]
    first = next((c for c in checked_items if isinstance(c, CheckedSubmission)), None)
    if first is not None:
        who = _own_area(request, who, first.area_id)
    with _db(request).transaction(who.db_scope()) as conn:
        for item, checked in zip(body.items, checked_items, strict=True):
            if isinstance(checked, SubmissionResult):
                results.append(checked)
                continue
            if checked.area_id != who.area:
                results.append(
                    SubmissionResult(
                        uuid=item.uuid, status="rejected", error="wrong_area", sv=_WRONG_AREA
                    )
                )
                continue
            cursor = conn.execute(
                "INSERT INTO submission (device_id, uuid, area_id, created_at, received_at, "
                "sealed, kind, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (device_id, uuid) DO NOTHING",
                (
                    who.id,
                    checked.uuid,
                    checked.area_id,
                    checked.created_at,
                    now,
                    checked.sealed,
                    checked.kind,
                    checked.day,
                ),
            )
            stored = cursor.rowcount == 1
            results.append(
                SubmissionResult(uuid=item.uuid, status="stored" if stored else "duplicate")
            )
    return {"results": results}


@router.get(
    "/areas/{area_id}/release",
    responses=documented(401, 403, 404, 422, s404="the area has no release (`no_release`)")
    | _RELEASE_ANSWERS,
)
def release(
    who: AnyCaller,
    request: Request,
    area_id: Annotated[str, Path(pattern=AREA_ID_PATTERN)],
    since: Annotated[int, Query(ge=0, le=MAX_SINCE)] = 0,
    if_none_match: Annotated[str | None, Header(max_length=1024)] = None,
) -> Response:
    """The latest release: a delta from ``since`` when the server has it, else in full.

    A device gets only its own area's releases (403 ``not_your_area`` for another), an
    office user only their areas'. ``Cache-Control: public, no-cache``: a reverse proxy may
    keep the answer but must ask again each time (If-None-Match, a cheap 304 here after the
    token is checked), so nobody gets a release without a valid token.
    """
    releases: Releases = request.app.state.releases
    if who.role == "device":
        who = _own_area(request, who, area_id)
        if who.area != area_id:
            raise not_your_area(area_id)
    elif not who.may(area_id):
        raise not_your_area(area_id)
    scope = who.db_scope()
    latest = latest_version(releases.db, area_id, scope)
    if latest == 0:
        raise ApiError(
            404,
            "no_release",
            en=f"The area {area_id} has no release.",
            sv=f"Området {area_id} har inget katalogsläpp.",
        )
    headers = {"ETag": etag(area_id, latest), "Cache-Control": "public, no-cache"}
    if since >= latest or etag_matches(if_none_match, area_id, latest):
        return Response(status_code=304, headers=headers)
    answer = releases.answer(area_id, since, scope)
    if answer is None:  # pragma: no cover - releases are never deleted
        raise ApiError(404, "no_release", en="No release.", sv="Inget katalogsläpp.")
    headers["ETag"] = etag(area_id, answer["version"])
    return JSONResponse(answer, headers=headers)


@router.put(
    "/device/versions", response_model=VersionsOut, responses=documented(400, 401, 403, 422)
)
def versions(body: VersionsIn, who: DeviceCaller, request: Request) -> dict[str, Any]:
    """What the tablet runs (sent at every sync), so the office sees which tablets run what."""
    areas = (
        None
        if body.areas is None
        else [(a.area_id, a.pack_version, a.catalogue_release) for a in body.areas]
    )
    if areas is not None and len(areas) == 1:
        _own_area(request, who, areas[0][0])
    at = admin.record_versions(
        _db(request), request.app.state.clock, who.id, body.app_version, areas
    )
    return {"device_id": who.id, "versions_at": at}


@router.get("/device/answers", response_model=DeviceAnswersOut, responses=documented(401, 403, 422))
def answers(
    who: DeviceCaller,
    request: Request,
    after: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 200,
) -> dict[str, Any]:
    """The office's signed answers to this tablet's own reports, ``seq > after`` in seq order.

    The tablet checks each signature against its area's key; the server only forwards them.
    """
    with _db(request).read(who.db_scope()) as conn:
        rows = conn.execute(
            "SELECT a.seq, s.uuid, a.area_id, a.payload, a.signature FROM report_answer a "
            "JOIN submission s ON s.id = a.submission_id "
            "WHERE a.device_id = ? AND s.device_id = ? AND a.seq > ? ORDER BY a.seq LIMIT ?",
            (who.id, who.id, after, limit + 1),
        ).fetchall()
    more = len(rows) > limit
    items = [dict(r) for r in rows[:limit]]
    return {"items": items, "next_after": items[-1]["seq"] if more else None}
