"""What the office calls: sign-in, who am I, users, sealed submissions and daily usage, the
states of reports and signed answers to them, releases, area keys, enrolment codes, devices
and the audit log.

Roles (:class:`~kompassen.server.auth.Principal`): an ``admin`` works on every area and manages
users; a ``coordinator`` only on the areas they are given. Another area answers 403
``not_your_area``, a task only for admins 403 ``admin_only``. Devices are not bound to one
area, so a coordinator sees and revokes the devices that carry one of their areas (as the
tablet said at its last sync) and those enrolled with a code they made; admins all of them.
Every action is written to the audit log in the transaction that does it.
"""

from __future__ import annotations

import base64
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request

from kompassen.reports.answers import AnswerError, verify
from kompassen.server import admin, audit
from kompassen.server.auth import (
    AdminCaller,
    OfficeCaller,
    Principal,
    not_your_area,
    require_area,
    token_hash,
)
from kompassen.server.db import DbRow, ServerDb, Tx, utc_iso
from kompassen.server.errors import EVERY_ROUTE, ApiError, documented
from kompassen.server.models import (
    AREA_ID_PATTERN,
    DEVICE_ID_PATTERN,
    MAX_ID,
    AnswerIn,
    AnswerOut,
    AreaKeyIn,
    AreaKeyOut,
    AuditOut,
    DevicesOut,
    EnrolmentCodeIn,
    EnrolmentCodeOut,
    LatestRelease,
    LoginIn,
    LoginOut,
    MeOut,
    OfficeSubmissionsOut,
    PasswordIn,
    PasswordOut,
    ReleaseCreated,
    ReleaseIn,
    RevokeOut,
    SignedOut,
    StatesIn,
    StatesOut,
    StatesResultOut,
    UsageOut,
    UserCreateIn,
    UserOut,
    UsersOut,
    UserUpdateIn,
)
from kompassen.server.releases import Releases

router = APIRouter(prefix="/office", responses=EVERY_ROUTE)

_S403_AREA = "not one of the caller's areas (`not_your_area`), wrong role (`wrong_role`)"
_S403_ADMIN = "only for administrators (`admin_only`), wrong role (`wrong_role`)"


def _db(request: Request) -> ServerDb:
    db: ServerDb = request.app.state.db
    return db


def _admin_error(exc: admin.AdminError) -> ApiError:
    return ApiError(exc.status, exc.code, en=exc.en, sv=exc.sv)


def _bearer_hash(request: Request) -> str:
    header = request.headers.get("authorization", "")
    return token_hash(header.partition(" ")[2].strip())


@router.post("/login", response_model=LoginOut, responses=documented(400, 401, 422))
def login(body: LoginIn, request: Request) -> dict[str, Any]:
    """A token for 12 hours; a wrong name or password is 401 without saying which."""
    source = request.client.host if request.client else None
    got = admin.office_login(
        _db(request), request.app.state.clock, body.name, body.password, source=source
    )
    if got is None:
        raise ApiError(
            401,
            "bad_login",
            en="Wrong name or password.",
            sv="Fel namn eller lösenord.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return {"token": got[0], "expires_at": got[1]}


@router.post("/logout", response_model=SignedOut, responses=documented(401, 403))
def logout(who: OfficeCaller, request: Request) -> dict[str, Any]:
    """End this sign-in (the token stops working at once)."""
    admin.office_logout(_db(request), request.app.state.clock, who.id, _bearer_hash(request))
    return {"signed_out": True}


@router.get("/me", response_model=MeOut, responses=documented(401, 403))
def me(who: OfficeCaller) -> dict[str, Any]:
    """Who this token is: name, role and the areas (an admin: every area, listed as none)."""
    return {"name": who.id, "role": who.office_role, "areas": sorted(who.areas)}


@router.post(
    "/password",
    response_model=PasswordOut,
    responses=documented(
        400,
        401,
        403,
        422,
        s400="the new password is too short (`invalid`)",
        s403="the old password is wrong (`wrong_password`), wrong role (`wrong_role`)",
    ),
)
def change_password(body: PasswordIn, who: OfficeCaller, request: Request) -> dict[str, Any]:
    """Change one's own password; the user's other sign-ins end, this one stays."""
    try:
        ok = admin.change_password(
            _db(request),
            request.app.state.clock,
            who.id,
            body.old_password,
            body.new_password,
            _bearer_hash(request),
        )
    except admin.AdminError as exc:
        raise _admin_error(exc) from exc
    if not ok:
        raise ApiError(
            403,
            "wrong_password",
            en="The old password is wrong.",
            sv="Det gamla lösenordet är fel.",
        )
    return {"name": who.id}


# ----------------------------------------------------------------------------- users


@router.get("/users", response_model=UsersOut, responses=documented(401, 403, s403=_S403_ADMIN))
def users(who: AdminCaller, request: Request) -> dict[str, Any]:
    """Every office user (administrators only)."""
    return {"users": admin.list_users(_db(request))}


@router.post(
    "/users",
    status_code=201,
    response_model=UserOut,
    responses=documented(
        400,
        401,
        403,
        409,
        422,
        s400="the name or the password does not do (`invalid`)",
        s403=_S403_ADMIN,
        s409="there is already a user of that name (`user_exists`)",
    ),
)
def create_user(body: UserCreateIn, who: AdminCaller, request: Request) -> dict[str, Any]:
    """A new office user with a first password (administrators only)."""
    try:
        return admin.create_user(
            _db(request),
            request.app.state.clock,
            who.id,
            body.name,
            body.password,
            body.role,
            body.areas,
        )
    except admin.AdminError as exc:
        raise _admin_error(exc) from exc


@router.patch(
    "/users/{name:path}",
    response_model=UserOut,
    responses=documented(
        400,
        401,
        403,
        404,
        409,
        422,
        s400="the new password is too short (`invalid`)",
        s403=_S403_ADMIN,
        s404="no such user (`no_user`)",
        s409="the last active administrator cannot be demoted or disabled (`last_admin`)",
    ),
)
def update_user(
    body: UserUpdateIn,
    who: AdminCaller,
    request: Request,
    name: Annotated[str, Path(min_length=1, max_length=80)],
) -> dict[str, Any]:
    """Change a user's role, areas or password, or disable (or enable) them (admins only)."""
    try:
        user = admin.update_user(
            _db(request),
            request.app.state.clock,
            who.id,
            name,
            role=body.role,
            areas=body.areas,
            password=body.password,
            disabled=body.disabled,
        )
    except admin.AdminError as exc:
        raise _admin_error(exc) from exc
    if user is None:
        raise ApiError(
            404, "no_user", en=f"There is no user {name}.", sv=f"Det finns ingen användare {name}."
        )
    return user


# ----------------------------------------------------------------------- submissions


@router.get(
    "/submissions",
    response_model=OfficeSubmissionsOut,
    responses=documented(401, 403, 422),
)
def list_submissions(
    who: OfficeCaller,
    request: Request,
    after: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    kind: Annotated[
        Literal["report"], Query(description="Only reports: usage is at /office/usage.")
    ] = "report",
) -> dict[str, Any]:
    """Sealed reports with ``id > after`` in id order, ``limit`` at a time (a
    coordinator: only those of their areas). Each page fetched is logged."""
    where, args = _scoped(who, "kind = ? AND id > ?", [kind, after])
    columns = "id, device_id, uuid, area_id, created_at, received_at, sealed, kind"
    return _sealed_page(request, who, columns, where, args, limit, "submissions_fetched")


def _sealed_page(
    request: Request,
    who: Principal,
    columns: str,
    where: str,
    args: list[Any],
    limit: int,
    action: str,
) -> dict[str, Any]:
    """One page of sealed submissions in id order, its fetch written to the audit log."""
    now = utc_iso(request.app.state.clock.now())
    with _db(request).transaction(who.db_scope()) as conn:
        rows = conn.execute(
            f"SELECT {columns} FROM submission WHERE {where} ORDER BY id LIMIT ?",
            (*args, limit + 1),
        ).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        if rows:
            areas = sorted({r["area_id"] for r in rows})
            audit.record(
                conn,
                now,
                who.id,
                action,
                area_id=areas[0] if len(areas) == 1 else None,
                detail={
                    "count": len(rows),
                    "first_id": rows[0]["id"],
                    "last_id": rows[-1]["id"],
                    "areas": areas,
                },
            )
    items = [dict(r) | {"sealed": _b64(r["sealed"])} for r in rows]
    return {"items": items, "next_after": items[-1]["id"] if more else None}


def _scoped(who: Principal, where: str, args: list[Any]) -> tuple[str, list[Any]]:
    """``where`` narrowed to the caller's areas (an admin: every area)."""
    scope = who.scope()
    if scope is not None:
        areas = sorted(scope)
        marks = ", ".join("?" for _ in areas)
        where += f" AND area_id IN ({marks})" if areas else " AND 1 = 0"
        args = [*args, *areas]
    return where, args


def _b64(blob: bytes | None) -> str | None:
    return None if blob is None else base64.b64encode(blob).decode("ascii")


@router.get("/usage", response_model=UsageOut, responses=documented(401, 403, 422))
def list_usage(
    who: OfficeCaller,
    request: Request,
    after: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> dict[str, Any]:
    """Sealed daily usage aggregates with ``id > after`` (a coordinator: their areas'). No
    device id and no uuid: usage is counted per area and day, never per tablet."""
    where, args = _scoped(who, "kind = 'usage' AND id > ?", [after])
    return _sealed_page(
        request, who, "id, area_id, day, received_at, sealed", where, args, limit, "usage_fetched"
    )


def _no_submission(submission_id: int) -> ApiError:
    return ApiError(
        404,
        "no_submission",
        en=f"There is no report {submission_id}.",
        sv=f"Det finns ingen rapport {submission_id}.",
    )


def _report(conn: Tx, who: Principal, submission_id: int) -> DbRow:
    """The report ``submission_id`` (404 when unknown or usage, 403 for another area)."""
    row = conn.execute(
        "SELECT id, device_id, uuid, area_id FROM submission WHERE id = ? AND kind = 'report'",
        (submission_id,),
    ).fetchone()
    if row is None:
        raise _no_submission(submission_id)
    if not who.may(row["area_id"]):
        raise not_your_area(row["area_id"])
    return row


@router.post(
    "/reports/states",
    response_model=StatesResultOut,
    responses=documented(
        400,
        401,
        403,
        404,
        422,
        s403=_S403_AREA,
        s404="an unknown report, or a usage item (`no_submission`); nothing was saved",
    ),
)
def post_states(body: StatesIn, who: OfficeCaller, request: Request) -> dict[str, Any]:
    """Record the office's states of reports, all or nothing; the comment stays sealed to the
    area's key (the server cannot read it). The actor is the signed-in user."""
    now = utc_iso(request.app.state.clock.now())
    results: list[dict[str, Any]] = []
    areas: set[str] = set()
    counts: dict[str, int] = {}
    with _db(request).transaction(who.db_scope()) as conn:
        for item in body.items:
            report = _report(conn, who, item.submission_id)
            comment = (
                None
                if item.comment_sealed is None
                else base64.b64decode(item.comment_sealed, validate=True)
            )
            inserted = conn.execute(
                "INSERT INTO report_state (submission_id, area_id, state, actor, at, "
                "comment_sealed, link_kind, link_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "RETURNING id",
                (
                    item.submission_id,
                    report["area_id"],
                    item.state,
                    who.id,
                    now,
                    comment,
                    item.link_kind,
                    item.link_id,
                ),
            )
            areas.add(report["area_id"])
            counts[item.state] = counts.get(item.state, 0) + 1
            new_id = inserted.fetchone()
            assert new_id is not None
            results.append({"submission_id": item.submission_id, "id": new_id["id"], "at": now})
        ordered = sorted(areas)
        audit.record(
            conn,
            now,
            who.id,
            "report_states",
            area_id=ordered[0] if len(ordered) == 1 else None,
            target=str(body.items[0].submission_id) if len(body.items) == 1 else None,
            detail={"count": len(body.items), "states": counts, "areas": ordered},
        )
    return {"results": results}


@router.get("/reports/states", response_model=StatesOut, responses=documented(401, 403, 422))
def list_states(
    who: OfficeCaller,
    request: Request,
    after: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 1000,
) -> dict[str, Any]:
    """State changes with ``id > after`` in id order (a coordinator: their areas'), so every
    office computer mirrors what the others decided."""
    where, args = _scoped(who, "id > ?", [after])
    with _db(request).read(who.db_scope()) as conn:
        rows = conn.execute(
            "SELECT id, submission_id, area_id, state, actor, at, comment_sealed, link_kind, "
            f"link_id FROM report_state WHERE {where} ORDER BY id LIMIT ?",
            (*args, limit + 1),
        ).fetchall()
    more = len(rows) > limit
    items = [dict(r) | {"comment_sealed": _b64(r["comment_sealed"])} for r in rows[:limit]]
    return {"items": items, "next_after": items[-1]["id"] if more else None}


@router.put(
    "/reports/{submission_id}/answer",
    response_model=AnswerOut,
    responses=documented(
        400,
        401,
        403,
        404,
        409,
        422,
        s403=_S403_AREA,
        s404="an unknown report, or a usage item (`no_submission`)",
        s409="the area has no signing key pinned on the server (`no_area_key`)",
        s422="the body's shape, or an answer not signed by the area's key or not about this "
        "report (`bad_answer`)",
    ),
)
def put_answer(
    body: AnswerIn,
    who: OfficeCaller,
    request: Request,
    submission_id: Annotated[int, Path(ge=1, le=MAX_ID)],
) -> dict[str, Any]:
    """Store the answer (signed with the area's key) for the reporting tablet to fetch; a
    later answer replaces it under a new ``seq``, so the tablet fetches it again."""
    now = utc_iso(request.app.state.clock.now())
    with _db(request).transaction(who.db_scope()) as conn:
        report = _report(conn, who, submission_id)
        key = conn.execute(
            "SELECT signing_key FROM area_key WHERE area_id = ?", (report["area_id"],)
        ).fetchone()
        if key is None:
            raise ApiError(
                409,
                "no_area_key",
                en=f"The area {report['area_id']} has no signing key on the server.",
                sv=f"Området {report['area_id']} har ingen signeringsnyckel på servern.",
            )
        try:
            answer = verify(body.payload, body.signature, key["signing_key"])
        except AnswerError as exc:
            raise ApiError(422, "bad_answer", en=exc.en, sv=exc.sv) from exc
        if answer.uuid != report["uuid"] or answer.area_id != report["area_id"]:
            raise ApiError(
                422,
                "bad_answer",
                en="The answer is about another report.",
                sv="Svaret gäller en annan rapport.",
            )
        # one counter for every area (server_meta, no row-level security): the row lock
        # orders concurrent answers, and MAX(seq) would only count the caller's areas
        counted = conn.execute(
            "UPDATE server_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) "
            "WHERE key = 'answer_seq' RETURNING value"
        ).fetchone()
        assert counted is not None
        seq = int(counted["value"])
        conn.execute(
            "INSERT INTO report_answer (submission_id, seq, device_id, area_id, payload, "
            "signature, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (submission_id) DO UPDATE SET seq = excluded.seq, "
            "payload = excluded.payload, signature = excluded.signature, at = excluded.at, "
            "actor = excluded.actor",
            (
                submission_id,
                seq,
                report["device_id"],
                report["area_id"],
                body.payload,
                body.signature,
                now,
                who.id,
            ),
        )
        audit.record(
            conn,
            now,
            who.id,
            "report_answered",
            area_id=report["area_id"],
            target=str(submission_id),
            detail={"seq": seq, "state": answer.state},
        )
    return {"submission_id": submission_id, "seq": seq, "at": now}


# -------------------------------------------------------------------------- releases


@router.get(
    "/releases/{area_id}",
    response_model=LatestRelease,
    responses=documented(401, 403, 404, 422, s403=_S403_AREA, s404="no such path (`not_found`)"),
)
def release_status(
    who: OfficeCaller,
    request: Request,
    area_id: Annotated[str, Path(pattern=AREA_ID_PATTERN)],
) -> dict[str, Any]:
    """The latest published version of an area (0 when none), to sign the next one, and
    which of the area's tablets run which release (so the office sees who is behind)."""
    require_area(who, area_id)
    scope, args = admin.device_scope(who.scope(), who.id)
    with _db(request).read(who.db_scope()) as conn:
        latest = conn.execute(
            "SELECT version, published_at FROM release WHERE area_id = ? "
            "ORDER BY version DESC LIMIT 1",
            (area_id,),
        ).fetchone()
        devices = conn.execute(
            "SELECT d.id, d.name, a.pack_version, a.catalogue_release, "
            "d.versions_at AS last_sync, d.revoked_at FROM device d "
            f"JOIN device_area a ON a.device_id = d.id WHERE a.area_id = ? AND {scope} "
            "ORDER BY d.enrolled_at, d.id",
            (area_id, *args),
        ).fetchall()
    return {
        "area_id": area_id,
        "latest_version": int(latest["version"]) if latest else 0,
        "published_at": latest["published_at"] if latest else None,
        "devices": [
            {k: d[k] for k in ("id", "name", "pack_version", "catalogue_release", "last_sync")}
            | {"revoked": d["revoked_at"] is not None}
            for d in devices
        ],
    }


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
        s403=_S403_AREA,
        s409="manifest.version is not latest + 1 (`version_conflict`), or the area's signing "
        "key is not registered on the server (`area_key_unknown`)",
    ),
)
def publish_release(body: ReleaseIn, who: OfficeCaller, request: Request) -> dict[str, Any]:
    """Publish a signed release, signed by the area's registered key (``area-key register``)."""
    releases: Releases = request.app.state.releases
    manifest = body.manifest.model_dump()
    require_area(who, manifest["area_id"])
    releases.publish(
        manifest, body.signature, body.documents.files(), actor=who.id, scope=who.db_scope()
    )
    return {"area_id": manifest["area_id"], "version": manifest["version"]}


@router.put(
    "/areas/{area_id}/signing-key",
    response_model=AreaKeyOut,
    responses=documented(
        400,
        401,
        403,
        409,
        422,
        s400="not an Ed25519 public key in base64 (`invalid`)",
        s403=_S403_AREA + "; replacing a key is for administrators (`admin_only`)",
        s409="another key is registered and `replace` was not asked for (`key_conflict`)",
    ),
)
def register_area_key(
    body: AreaKeyIn,
    who: OfficeCaller,
    request: Request,
    area_id: Annotated[str, Path(pattern=AREA_ID_PATTERN)],
) -> dict[str, Any]:
    """Pin the key the area's releases must be signed with (the first-run wizard's step).

    Replacing another key (a lost key file) is for administrators: the tablets keep trusting
    the old key until they get a pack with the new one.
    """
    require_area(who, area_id)
    if body.replace and not who.is_admin:
        raise ApiError(
            403,
            "admin_only",
            en="Only an administrator may replace an area's signing key.",
            sv="Bara en administratör får byta ett områdes signeringsnyckel.",
        )
    try:
        outcome = admin.register_area_key(
            _db(request),
            request.app.state.clock,
            area_id,
            body.signing_key,
            by=f"office: {who.id}",
            replace=body.replace,
            actor=who.id,
            scope=who.db_scope(),
        )
    except admin.AdminError as exc:
        raise _admin_error(exc) from exc
    return {"area_id": area_id, "outcome": outcome}


# --------------------------------------------------------------------------- devices


@router.post(
    "/enrolment-codes", response_model=EnrolmentCodeOut, responses=documented(400, 401, 403, 422)
)
def new_code(body: EnrolmentCodeIn, who: OfficeCaller, request: Request) -> dict[str, Any]:
    """A code a tablet can enrol with, ``uses`` times within ``valid_hours``, and the URI of
    its QR code (the server's address as this request reached it).

    The tablets enrolled with it belong to ``area_id`` (one of the caller's areas; a
    coordinator of one area may leave it out). An admin's code without an area binds each
    tablet to the area it first syncs."""
    from kompassen.sync.enrol_uri import EnrolmentTextError, make_uri

    area_id = body.area_id
    if area_id is None and not who.is_admin:
        if len(who.areas) != 1:
            raise ApiError(
                400,
                "area_required",
                en="Say which of your areas the tablets belong to (area_id).",
                sv="Ange vilket av dina områden surfplattorna hör till (area_id).",
            )
        area_id = next(iter(who.areas))
    if area_id is not None:
        require_area(who, area_id)
    code, expires_at = admin.create_enrolment_code(
        _db(request),
        request.app.state.clock,
        body.uses,
        body.valid_hours,
        actor=who.id,
        area_id=area_id,
        scope=who.db_scope(),
    )
    try:
        uri: str | None = make_uri(str(request.base_url).rstrip("/"), code)
    except EnrolmentTextError:
        uri = None
    return {
        "code": code,
        "uri": uri,
        "uses": body.uses,
        "expires_at": expires_at,
        "area_id": area_id,
    }


@router.get("/devices", response_model=DevicesOut, responses=documented(401, 403))
def devices(who: OfficeCaller, request: Request) -> dict[str, Any]:
    """The tablets this user may see (see the module docstring), with revocation and any use
    of a revoked token since (``revoked_uses``)."""
    return {"devices": admin.list_devices(_db(request), areas=who.scope(), user=who.id)}


@router.post(
    "/devices/{device_id}/revoke",
    response_model=RevokeOut,
    responses=documented(
        401, 403, 404, 422, s404="no such device, or not one the caller may see (`no_device`)"
    ),
)
def revoke(
    who: OfficeCaller,
    request: Request,
    device_id: Annotated[str, Path(pattern=DEVICE_ID_PATTERN)],
) -> dict[str, Any]:
    """Revoke a lost or retired tablet: its token gets 403 from now on."""
    revoked_at = admin.revoke_device(
        _db(request), request.app.state.clock, device_id, actor=who.id, areas=who.scope()
    )
    if revoked_at is None:
        raise ApiError(
            404,
            "no_device",
            en=f"There is no device {device_id}.",
            sv=f"Det finns ingen enhet {device_id}.",
        )
    return {"id": device_id, "revoked_at": revoked_at}


# ----------------------------------------------------------------------------- audit


@router.get("/audit", response_model=AuditOut, responses=documented(401, 403, 422))
def audit_log(
    who: OfficeCaller,
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    before: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> dict[str, Any]:
    """Office actions newest first, ``limit`` at a time (``before``: the last page's
    ``next_before``). An admin sees all; a coordinator their areas' entries and their own."""
    with _db(request).read(who.db_scope()) as conn:
        rows = audit.entries(conn, limit=limit + 1, before=before, areas=who.scope(), actor=who.id)
    more = len(rows) > limit
    rows = rows[:limit]
    return {"entries": rows, "next_before": rows[-1]["id"] if more and rows else None}
