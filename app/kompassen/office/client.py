"""The office's HTTP client: sign in to the sync server and call its ``/office`` API (no Qt).

Every call is a plain blocking function (the office window runs them on its worker thread).
Every failure is a :class:`~kompassen.sync.transport.SyncError` with Swedish and English words
and a ``kind`` the window can act on:

- ``bad_login``: wrong name or password (or a disabled user) at :meth:`OfficeClient.sign_in`;
- ``signed_out``: the sign-in has expired or was ended (ask for the password again);
- ``forbidden``: not this user's area, or a task only an administrator may do;
- ``unreachable`` / ``tls`` / ``bad_url`` / ``not_kompassen`` / ``server``: the network or server;
- ``bad_answer``: the server answered something this client cannot use (never a KeyError);
- ``refused``: the server refused the request in its own words (e.g. a version conflict).

Every answer is untrusted: each field is checked (:func:`_text`, :func:`_int`, …) before it
becomes one of the frozen dataclasses below.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, TypeVar
from urllib.parse import quote

import httpx

from kompassen.office.credentials import OfficeCredentials
from kompassen.sync.transport import (
    Api,
    SyncError,
    answer_json,
    new_http_client,
    not_kompassen,
    response_error,
    server_root,
)

if TYPE_CHECKING:
    from kompassen.reports.keys import OfficeKeys

OfficeRole = Literal["admin", "coordinator"]
ROLES: tuple[OfficeRole, ...] = ("admin", "coordinator")
DEFAULT_TIMEOUT = 30.0
MAX_LIST = 10_000  # more rows than any office has devices, users or audit entries per page
MAX_TEXT = 4096  # any one string field of an answer
MAX_BLOB_B64 = 96 * 1024  # base64 of a sealed report (64 KiB) or usage aggregate, with room

_T = TypeVar("_T")


# ------------------------------------------------------------------------------ answers


@dataclass(frozen=True, slots=True)
class OfficeUser:
    """Who is signed in: an ``admin`` (every area) or a ``coordinator`` of ``areas``."""

    name: str
    role: OfficeRole
    areas: tuple[str, ...]

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def may(self, area_id: str) -> bool:
        """Whether this user may work on ``area_id`` (the server decides; this is for the UI)."""
        return self.is_admin or area_id in self.areas


@dataclass(frozen=True, slots=True)
class UserAccount:
    """An office user as an administrator sees it (:meth:`OfficeClient.users`)."""

    name: str
    role: OfficeRole
    areas: tuple[str, ...]
    disabled_at: str | None
    updated_at: str

    @property
    def disabled(self) -> bool:
        return self.disabled_at is not None


@dataclass(frozen=True, slots=True)
class DeviceArea:
    """One area on a tablet: its pack version and catalogue release (None: the pack's own)."""

    area_id: str
    pack_version: str
    catalogue_release: int | None


@dataclass(frozen=True, slots=True)
class OfficeDevice:
    """A tablet as the office sees it. ``last_sync``: when it last said what it runs."""

    id: str
    name: str
    enrolled_at: str
    last_seen: str | None
    last_sync: str | None
    app_version: str | None
    areas: tuple[DeviceArea, ...]
    revoked_at: str | None
    revoked_uses: int
    submissions: int

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def release_of(self, area_id: str) -> int | None:
        """The catalogue release this tablet runs for ``area_id`` (None: none or not there)."""
        for a in self.areas:
            if a.area_id == area_id:
                return a.catalogue_release
        return None


@dataclass(frozen=True, slots=True)
class EnrolmentCode:
    """A new code (shown once), the ``kompassen://enrol`` URI for its QR code, and its limits."""

    code: str
    uri: str
    uses: int
    expires_at: str


@dataclass(frozen=True, slots=True)
class DeviceRelease:
    """Which release one tablet that carries the area runs."""

    device_id: str
    name: str
    catalogue_release: int | None
    pack_version: str
    last_sync: str | None
    revoked: bool


@dataclass(frozen=True, slots=True)
class ReleaseStatus:
    """An area's latest published release (0: none yet) and what each of its tablets runs."""

    area_id: str
    latest_version: int
    published_at: str | None
    devices: tuple[DeviceRelease, ...]

    @property
    def behind(self) -> tuple[DeviceRelease, ...]:
        """The tablets (not revoked) that do not run the latest release yet."""
        return tuple(
            d
            for d in self.devices
            if not d.revoked and (d.catalogue_release or 0) < self.latest_version
        )


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One office action in the server's audit log (``actor`` "" : an unknown sign-in name)."""

    id: int
    at: str
    actor: str
    action: str
    area_id: str | None
    target: str | None
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AreaKeyResult:
    """What registering an area's signing key did: ``registered``, ``unchanged``, ``replaced``."""

    area_id: str
    outcome: Literal["registered", "unchanged", "replaced"]


@dataclass(frozen=True, slots=True)
class SealedItem:
    """One sealed report as the server holds it (only the office's key opens ``sealed``)."""

    id: int
    device_id: str
    uuid: str
    area_id: str
    kind: str
    created_at: str
    received_at: str
    sealed: bytes


@dataclass(frozen=True, slots=True)
class UsageItem:
    """One sealed daily usage aggregate of an area: no device, no uuid (never per tablet)."""

    id: int
    area_id: str
    day: str
    received_at: str
    sealed: bytes


@dataclass(frozen=True, slots=True)
class StateItem:
    """One state change of a report, as some office user recorded it (comment sealed)."""

    id: int
    submission_id: int
    area_id: str
    state: str
    actor: str
    at: str
    comment_sealed: bytes | None
    link_kind: str | None
    link_id: str | None


@dataclass(frozen=True, slots=True)
class StateResult:
    """What the server gave one posted state change: its id and time."""

    submission_id: int
    id: int
    at: str


# ------------------------------------------------------------------------ answer checks


def _strange(root: str, what_sv: str, what_en: str) -> SyncError:
    return SyncError(
        sv=f"Servern {root} svarade konstigt ({what_sv}); inget ändrades här.",
        en=f"The server {root} gave a strange answer ({what_en}); nothing was changed here.",
        kind="bad_answer",
    )


class _Checker:
    """Field checks for one answer: a wrong shape is a SyncError naming the answer."""

    def __init__(self, root: str, what_sv: str, what_en: str) -> None:
        self.root = root
        self.what_sv = what_sv
        self.what_en = what_en

    def fail(self) -> SyncError:
        return _strange(self.root, self.what_sv, self.what_en)

    def obj(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail()
        return value

    def text(self, data: Mapping[str, Any], key: str, *, empty: bool = True) -> str:
        value = data.get(key)
        if not isinstance(value, str) or len(value) > MAX_TEXT or (not empty and not value):
            raise self.fail()
        return value

    def opt_text(self, data: Mapping[str, Any], key: str) -> str | None:
        return None if data.get(key) is None else self.text(data, key)

    def int_(self, data: Mapping[str, Any], key: str, *, minimum: int = 0) -> int:
        value = data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise self.fail()
        return value

    def opt_int(self, data: Mapping[str, Any], key: str, *, minimum: int = 0) -> int | None:
        return None if data.get(key) is None else self.int_(data, key, minimum=minimum)

    def items(self, data: Mapping[str, Any], key: str, each: Callable[[Any], _T]) -> tuple[_T, ...]:
        value = data.get(key)
        if not isinstance(value, list) or len(value) > MAX_LIST:
            raise self.fail()
        return tuple(each(v) for v in value)

    def texts(self, data: Mapping[str, Any], key: str) -> tuple[str, ...]:
        def one(v: Any) -> str:
            if not isinstance(v, str) or len(v) > MAX_TEXT:
                raise self.fail()
            return v

        return self.items(data, key, one)

    def blob(self, data: Mapping[str, Any], key: str) -> bytes:
        value = data.get(key)
        if not isinstance(value, str) or len(value) > MAX_BLOB_B64:
            raise self.fail()
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise self.fail() from exc

    def opt_blob(self, data: Mapping[str, Any], key: str) -> bytes | None:
        return None if data.get(key) is None else self.blob(data, key)

    def next_after(self, data: Mapping[str, Any]) -> int | None:
        return self.opt_int(data, "next_after")

    def role(self, data: Mapping[str, Any]) -> OfficeRole:
        value = data.get("role")
        if value == "admin":
            return "admin"
        if value == "coordinator":
            return "coordinator"
        raise self.fail()


def _user(c: _Checker, raw: Any) -> OfficeUser:
    d = c.obj(raw)
    return OfficeUser(c.text(d, "name", empty=False), c.role(d), c.texts(d, "areas"))


def _account(c: _Checker, raw: Any) -> UserAccount:
    d = c.obj(raw)
    return UserAccount(
        name=c.text(d, "name", empty=False),
        role=c.role(d),
        areas=c.texts(d, "areas"),
        disabled_at=c.opt_text(d, "disabled_at"),
        updated_at=c.text(d, "updated_at"),
    )


def _device(c: _Checker, raw: Any) -> OfficeDevice:
    d = c.obj(raw)

    def area(a: Any) -> DeviceArea:
        a = c.obj(a)
        return DeviceArea(
            c.text(a, "area_id", empty=False),
            c.text(a, "pack_version"),
            c.opt_int(a, "catalogue_release", minimum=1),
        )

    return OfficeDevice(
        id=c.text(d, "id", empty=False),
        name=c.text(d, "name"),
        enrolled_at=c.text(d, "enrolled_at"),
        last_seen=c.opt_text(d, "last_seen"),
        last_sync=c.opt_text(d, "versions_at"),
        app_version=c.opt_text(d, "app_version"),
        areas=c.items(d, "areas", area) if d.get("areas") is not None else (),
        revoked_at=c.opt_text(d, "revoked_at"),
        revoked_uses=c.int_(d, "revoked_uses") if d.get("revoked_uses") is not None else 0,
        submissions=c.int_(d, "submissions") if d.get("submissions") is not None else 0,
    )


def _audit_entry(c: _Checker, raw: Any) -> AuditEntry:
    d = c.obj(raw)
    detail = d.get("detail", {})
    if not isinstance(detail, dict):
        raise c.fail()
    return AuditEntry(
        id=c.int_(d, "id", minimum=1),
        at=c.text(d, "at", empty=False),
        actor=c.text(d, "actor"),
        action=c.text(d, "action", empty=False),
        area_id=c.opt_text(d, "area_id"),
        target=c.opt_text(d, "target"),
        detail=detail,
    )


def _sealed_item(c: _Checker, raw: Any) -> SealedItem:
    d = c.obj(raw)
    kind = d.get("kind", "report")  # a server from before usage sends no kind
    if kind not in ("report", "usage"):
        raise c.fail()
    return SealedItem(
        id=c.int_(d, "id", minimum=1),
        device_id=c.text(d, "device_id"),
        uuid=c.text(d, "uuid"),
        area_id=c.text(d, "area_id", empty=False),
        kind=kind,
        created_at=c.text(d, "created_at"),
        received_at=c.text(d, "received_at"),
        sealed=c.blob(d, "sealed"),
    )


def _usage_item(c: _Checker, raw: Any) -> UsageItem:
    d = c.obj(raw)
    return UsageItem(
        id=c.int_(d, "id", minimum=1),
        area_id=c.text(d, "area_id", empty=False),
        day=c.text(d, "day", empty=False),
        received_at=c.text(d, "received_at"),
        sealed=c.blob(d, "sealed"),
    )


def _state_item(c: _Checker, raw: Any) -> StateItem:
    d = c.obj(raw)
    return StateItem(
        id=c.int_(d, "id", minimum=1),
        submission_id=c.int_(d, "submission_id", minimum=1),
        area_id=c.text(d, "area_id", empty=False),
        state=c.text(d, "state", empty=False),
        actor=c.text(d, "actor"),
        at=c.text(d, "at", empty=False),
        comment_sealed=c.opt_blob(d, "comment_sealed"),
        link_kind=c.opt_text(d, "link_kind"),
        link_id=c.opt_text(d, "link_id"),
    )


def _state_body(item: Mapping[str, Any]) -> dict[str, Any]:
    """One state change as the server takes it (a sealed comment as bytes goes as base64)."""
    comment = item.get("comment_sealed")
    if isinstance(comment, bytes | bytearray | memoryview):
        comment = base64.b64encode(bytes(comment)).decode("ascii")
    return {
        "submission_id": item["submission_id"],
        "state": item["state"],
        "comment_sealed": comment,
        "link_kind": item.get("link_kind"),
        "link_id": item.get("link_id"),
    }


# ------------------------------------------------------------------------------ client


def _bad_login(root: str) -> SyncError:
    return SyncError(
        sv=f"Fel namn eller lösenord på {root} (eller så är användaren avstängd).",
        en=f"Wrong name or password at {root} (or the user is disabled).",
        kind="bad_login",
        status=401,
    )


def _signed_out(root: str) -> SyncError:
    return SyncError(
        sv=f"Inloggningen på {root} har gått ut eller avslutats. Logga in igen.",
        en=f"The sign-in at {root} has expired or was ended. Sign in again.",
        kind="signed_out",
        status=401,
    )


def _error_code(resp: httpx.Response) -> str | None:
    try:
        body = json.loads(resp.content)
    except ValueError:
        return None
    code = body.get("error") if isinstance(body, dict) else None
    return code if isinstance(code, str) else None


class OfficeClient:
    """One signed-in office session on one server (:meth:`sign_in` or :meth:`resume`).

    Not thread-safe: use it from one worker thread at a time. :meth:`close` frees the
    connection (the sign-in stays valid: :meth:`sign_out` ends it on the server).
    """

    def __init__(
        self,
        http: httpx.Client,
        root: str,
        token: str,
        *,
        user: str = "",
        expires_at: str | None = None,
    ) -> None:
        self._http = http
        self._api = Api(http, root, token, outbox=False)
        self.server_url = root
        self.user = user
        self.expires_at = expires_at

    # -- session ----------------------------------------------------------------------

    @classmethod
    def sign_in(
        cls,
        server_url: str,
        user: str,
        password: str,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> OfficeClient:
        """Sign in as ``user``; SyncError ``bad_login`` for a wrong name or password."""
        root = server_root(server_url)
        http = new_http_client(timeout, transport)
        try:
            api = Api(http, root, outbox=False)
            api.check_health()
            resp = api.request(
                "POST",
                "/office/login",
                body={"name": user, "password": password},
                ok=tuple(range(200, 600)),
            )
            if resp.status_code in (401, 403):
                raise _bad_login(root)
            if resp.status_code != 200:
                raise response_error(resp, root, outbox=False)
            c = _Checker(root, "inloggningen", "the sign-in")
            data = c.obj(answer_json(resp, root, outbox=False))
            token = c.text(data, "token", empty=False)
            expires_at = c.text(data, "expires_at", empty=False)
            return cls(http, root, token, user=user, expires_at=expires_at)
        except BaseException:
            http.close()
            raise

    @classmethod
    def resume(
        cls,
        creds: OfficeCredentials,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> OfficeClient:
        """A client around a kept sign-in (office/credentials.py); no network call yet.

        A token the server no longer accepts gives ``signed_out`` at the first call.
        """
        return cls(
            new_http_client(timeout, transport),
            server_root(creds.server_url),
            creds.token,
            user=creds.user,
            expires_at=creds.expires_at,
        )

    @property
    def server(self) -> str:
        """The server's root address as signed in to (without ``/api/v1``)."""
        return self.server_url

    def credentials(self) -> OfficeCredentials:
        """This sign-in, for :class:`~kompassen.office.credentials.OfficeTokenStore` to keep."""
        return OfficeCredentials(self.server_url, self.user, self.token, self.expires_at or "")

    @property
    def token(self) -> str:
        """The office token, for office/credentials.py to keep (never show or log it)."""
        return self._api.token or ""

    def sign_out(self) -> None:
        """End the sign-in on the server (best effort: a failure still forgets it here)."""
        with contextlib.suppress(SyncError):
            self._call("POST", "/office/logout")
        self._api.token = None

    def close(self) -> None:
        """Free the connection; the client is not used after this."""
        self._http.close()

    # -- calls ------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A JSON object answer, or SyncError with words this window can show."""
        root = self.server_url
        resp = self._api.request(method, path, body=body, params=params, ok=tuple(range(200, 600)))
        status = resp.status_code
        if status == 401:
            raise _signed_out(root)
        if status == 403:
            code = _error_code(resp)
            if code == "not_your_area":
                err = response_error(resp, root, outbox=False)
                raise SyncError(
                    sv=f"Det här området är inte ditt att arbeta med. {err.sv}",
                    en=f"This area is not yours to work on. {err.en}",
                    kind="forbidden",
                    status=403,
                )
            if code == "admin_only":
                err = response_error(resp, root, outbox=False)
                raise SyncError(
                    sv=f"Bara en administratör får göra det. {err.sv}",
                    en=f"Only an administrator may do that. {err.en}",
                    kind="forbidden",
                    status=403,
                )
        if status not in (200, 201):
            raise response_error(resp, root, outbox=False)
        data = answer_json(resp, root, outbox=False)
        if not isinstance(data, dict):
            raise not_kompassen(root)
        return data

    def me(self) -> OfficeUser:
        """Who this sign-in is: name, role and areas."""
        c = _Checker(self.server_url, "vem du är", "who you are")
        return _user(c, self._call("GET", "/office/me"))

    def devices(self) -> list[OfficeDevice]:
        """The tablets this user may see (an admin: all; a coordinator: see the server)."""
        c = _Checker(self.server_url, "listan över enheter", "the list of devices")
        data = self._call("GET", "/office/devices")
        return list(c.items(data, "devices", lambda d: _device(c, d)))

    def new_enrolment_code(self, uses: int, valid_hours: int) -> EnrolmentCode:
        """A code for ``uses`` tablets within ``valid_hours`` hours, with its enrolment URI.

        The URI names the server as this client reached it (the address the office typed),
        which is what tablets are given; the server's own idea of its address is not used.
        """
        from kompassen.sync.enrol_uri import EnrolmentTextError, make_uri

        c = _Checker(self.server_url, "den nya koden", "the new code")
        data = self._call(
            "POST", "/office/enrolment-codes", body={"uses": uses, "valid_hours": valid_hours}
        )
        code = c.text(data, "code", empty=False)
        try:
            uri = make_uri(self.server_url, code)
        except EnrolmentTextError as exc:
            raise c.fail() from exc
        return EnrolmentCode(
            code=code,
            uri=uri,
            uses=c.int_(data, "uses", minimum=1),
            expires_at=c.text(data, "expires_at", empty=False),
        )

    def revoke(self, device_id: str) -> None:
        """Revoke a tablet: its next sync is refused (idempotent)."""
        self._call("POST", f"/office/devices/{quote(device_id, safe='')}/revoke")

    def release_status(self, area_id: str) -> ReleaseStatus:
        """The area's latest release and which of its tablets run which release."""
        c = _Checker(self.server_url, "släppets status", "the release status")
        data = self._call("GET", f"/office/releases/{quote(area_id, safe='')}")

        def device(raw: Any) -> DeviceRelease:
            d = c.obj(raw)
            return DeviceRelease(
                device_id=c.text(d, "id", empty=False),
                name=c.text(d, "name"),
                catalogue_release=c.opt_int(d, "catalogue_release", minimum=1),
                pack_version=c.text(d, "pack_version"),
                last_sync=c.opt_text(d, "last_sync"),
                revoked=d.get("revoked") is True,
            )

        devices = c.items(data, "devices", device) if data.get("devices") is not None else ()
        return ReleaseStatus(
            area_id=c.text(data, "area_id", empty=False),
            latest_version=c.int_(data, "latest_version"),
            published_at=c.opt_text(data, "published_at"),
            devices=devices,
        )

    def publish(
        self, area_id: str, documents: dict[str, Any], keys: OfficeKeys, now: datetime
    ) -> int:
        """Sign ``documents`` (the release form of the area) as the next release and upload it.

        Returns the version published. The key file's signing key must be the one the area
        carries (the tablets would refuse the release otherwise); that is checked here,
        before anything is sent.
        """
        from kompassen.catalogue.store.release import make_manifest, sign_manifest

        area = documents.get("area.json")
        public = area.get("public_keys") if isinstance(area, dict) else None
        carried = public.get("signing") if isinstance(public, dict) else None
        if keys.signing_public != carried:
            raise SyncError(
                sv=f"Nyckelfilens signeringsnyckel är inte den som området {area_id} har i "
                "area.json – surfplattorna skulle avvisa släppet. Inget skickades.",
                en=f"The key file's signing key is not the one area {area_id} has in "
                "area.json – the tablets would refuse the release. Nothing was sent.",
                kind="refused",
            )
        latest = self.release_status(area_id).latest_version
        manifest = make_manifest(area_id, latest + 1, documents, now.isoformat(timespec="seconds"))
        body = {
            "manifest": manifest,
            "signature": sign_manifest(manifest, keys.signing_private),
            "documents": documents,
        }
        c = _Checker(self.server_url, "det publicerade släppet", "the published release")
        created = self._call("POST", "/office/releases", body=body)
        version = c.int_(created, "version", minimum=1)
        if version != manifest["version"]:
            raise c.fail()
        return version

    def register_area_key(
        self, area_id: str, signing_key: str, *, replace: bool = False
    ) -> AreaKeyResult:
        """Pin the area's signing key on the server (before its first release)."""
        c = _Checker(self.server_url, "områdets nyckel", "the area's key")
        data = self._call(
            "PUT",
            f"/office/areas/{quote(area_id, safe='')}/signing-key",
            body={"signing_key": signing_key, "replace": replace},
        )
        outcome = data.get("outcome")
        if outcome not in ("registered", "unchanged", "replaced"):
            raise c.fail()
        return AreaKeyResult(c.text(data, "area_id", empty=False), outcome)

    def audit(self, limit: int = 100, before: int | None = None) -> list[AuditEntry]:
        """Audit entries newest first; pass the last entry's ``id`` as ``before`` for more."""
        c = _Checker(self.server_url, "granskningsloggen", "the audit log")
        params: dict[str, Any] = {"limit": limit}
        if before is not None:
            params["before"] = before
        data = self._call("GET", "/office/audit", params=params)
        return list(c.items(data, "entries", lambda e: _audit_entry(c, e)))

    def users(self) -> list[UserAccount]:
        """Every office user (administrators only: others get ``forbidden``)."""
        c = _Checker(self.server_url, "listan över användare", "the list of users")
        data = self._call("GET", "/office/users")
        return list(c.items(data, "users", lambda u: _account(c, u)))

    def save_user(
        self,
        name: str,
        *,
        role: OfficeRole | None = None,
        areas: Sequence[str] | None = None,
        password: str | None = None,
        disabled: bool | None = None,
        create: bool = False,
    ) -> UserAccount:
        """Create a user (``create``: ``role``, ``areas`` and a first ``password`` needed) or
        change one: only what is given changes (``password`` resets it, ``disabled`` stops or
        restarts the user). Administrators only."""
        c = _Checker(self.server_url, "användaren", "the user")
        body: dict[str, Any] = {}
        if role is not None:
            body["role"] = role
        if areas is not None:
            body["areas"] = list(areas)
        if password is not None:
            body["password"] = password
        if create:
            body["name"] = name
            data = self._call("POST", "/office/users", body=body)
        else:
            if disabled is not None:
                body["disabled"] = disabled
            data = self._call("PATCH", f"/office/users/{quote(name, safe='')}", body=body)
        return _account(c, data)

    def change_password(self, old_password: str, new_password: str) -> None:
        """Change one's own password (other sign-ins of this user end; this one stays)."""
        self._call(
            "POST",
            "/office/password",
            body={"old_password": old_password, "new_password": new_password},
        )

    # -- the inbox --------------------------------------------------------------------

    def submissions(
        self, after: int = 0, limit: int = 500, kind: str = "report"
    ) -> tuple[list[SealedItem], int | None]:
        """Sealed reports with ``id > after`` (this user's areas) and the next ``after``
        (None: this was the last page)."""
        c = _Checker(self.server_url, "listan över rapporter", "the list of reports")
        data = self._call(
            "GET", "/office/submissions", params={"after": after, "limit": limit, "kind": kind}
        )
        return list(c.items(data, "items", lambda i: _sealed_item(c, i))), c.next_after(data)

    def usage(self, after: int = 0, limit: int = 2000) -> tuple[list[UsageItem], int | None]:
        """Sealed daily usage aggregates with ``id > after`` and the next ``after``."""
        c = _Checker(self.server_url, "användningen", "the usage")
        data = self._call("GET", "/office/usage", params={"after": after, "limit": limit})
        return list(c.items(data, "items", lambda i: _usage_item(c, i))), c.next_after(data)

    def states(self, after: int = 0, limit: int = 1000) -> tuple[list[StateItem], int | None]:
        """State changes of reports with ``id > after`` (every office user's) and the next."""
        c = _Checker(self.server_url, "rapporternas lägen", "the reports' states")
        data = self._call("GET", "/office/reports/states", params={"after": after, "limit": limit})
        return list(c.items(data, "items", lambda i: _state_item(c, i))), c.next_after(data)

    def post_states(self, items: Sequence[Mapping[str, Any]]) -> list[StateResult]:
        """Record state changes (1–500: submission_id, state, comment_sealed as bytes or
        base64 or None, link_kind, link_id), all or nothing; their ids and times."""
        c = _Checker(self.server_url, "de sparade lägena", "the saved states")
        data = self._call(
            "POST", "/office/reports/states", body={"items": [_state_body(i) for i in items]}
        )

        def one(raw: Any) -> StateResult:
            d = c.obj(raw)
            return StateResult(
                submission_id=c.int_(d, "submission_id", minimum=1),
                id=c.int_(d, "id", minimum=1),
                at=c.text(d, "at", empty=False),
            )

        results = list(c.items(data, "results", one))
        if [r.submission_id for r in results] != [int(i["submission_id"]) for i in items]:
            raise c.fail()
        return results

    def put_answer(self, submission_id: int, payload: str, signature: str) -> int:
        """Store the signed answer to a report for its tablet; the answer's ``seq``."""
        c = _Checker(self.server_url, "svaret på rapporten", "the answer to the report")
        data = self._call(
            "PUT",
            f"/office/reports/{int(submission_id)}/answer",
            body={"payload": payload, "signature": signature},
        )
        if c.int_(data, "submission_id", minimum=1) != submission_id:
            raise c.fail()
        return c.int_(data, "seq", minimum=1)
