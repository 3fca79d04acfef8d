"""Request and response bodies of ``/api/v1`` (see docs/SYNC.md), validated by pydantic.

Every string has a length bound and every number a range, so nothing a client sends can reach
SQLite or the crypto code in a shape they do not expect.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

AREA_ID_PATTERN = r"^[a-z0-9-]{1,64}$"
DEVICE_ID_PATTERN = r"^[A-Za-z0-9-]{1,64}$"
MAX_ITEMS = 500
MAX_SEALED = 64 * 1024
MAX_SEALED_B64 = (MAX_SEALED + 2) // 3 * 4
MAX_SINCE = 2**31 - 1
MAX_ID = 2**62

AreaId = Annotated[str, StringConstraints(pattern=AREA_ID_PATTERN)]
# printable text only: names end up in admin listings and terminals
Name = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=80, pattern=r"^[^\x00-\x1f\x7f]*$"
    ),
]


def _no_lone_surrogates(value: Any) -> None:
    if isinstance(value, str):
        value.encode("utf-8")  # UnicodeEncodeError is a ValueError: a 422, not a crash later
    elif isinstance(value, dict):
        for k, v in value.items():
            _no_lone_surrogates(k)
            _no_lone_surrogates(v)
    elif isinstance(value, list):
        for v in value:
            _no_lone_surrogates(v)


class Model(BaseModel):
    """Request bodies: text must be encodable UTF-8 (JSON escapes can smuggle in a lone
    surrogate that would only fail when SQLite or the response encoder meets it)."""

    @field_validator("*", mode="after")
    @classmethod
    def _utf8(cls, value: Any) -> Any:
        try:
            _no_lone_surrogates(value)
        except UnicodeEncodeError as exc:
            raise ValueError("text is not valid UTF-8 (lone surrogate)") from exc
        return value


class EnrolIn(Model):
    code: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    name: Name | None = None


class EnrolOut(BaseModel):
    device_id: str
    token: str


class SubmissionIn(Model):
    """One outbox item. Bounds only here: the content is checked per item, so one bad item is
    ``rejected`` without holding back the rest of the batch."""

    uuid: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    area_id: Annotated[str, StringConstraints(max_length=128)]
    created_at: Annotated[str, StringConstraints(max_length=64)]
    sealed: Annotated[str, StringConstraints(max_length=MAX_SEALED_B64 + 8)]
    kind: Annotated[str, StringConstraints(max_length=16)] = Field(
        default="report", description='"report" (the default, what old clients send) or "usage".'
    )
    day: Annotated[str, StringConstraints(max_length=16)] | None = Field(
        default=None, description="YYYY-MM-DD: required for usage, refused for a report."
    )


UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
MIN_SEALED = 48  # a SealedBox adds a 32-byte ephemeral key and a 16-byte tag
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class CheckedSubmission(BaseModel):
    """One item after the per-item checks; a failure here answers ``rejected`` for that item."""

    uuid: Annotated[str, StringConstraints(pattern=UUID_PATTERN)]
    area_id: AreaId
    created_at: str
    sealed: bytes
    kind: Literal["report", "usage"] = "report"
    day: Annotated[str, StringConstraints(pattern=DAY_PATTERN)] | None = None

    @model_validator(mode="after")
    def _day_for_usage(self) -> CheckedSubmission:
        if (self.kind == "usage") != (self.day is not None):
            raise ValueError("day is required for usage and refused for a report")
        if self.day is not None:
            date.fromisoformat(self.day)  # ValueError → rejected
        return self

    @field_validator("uuid")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.lower()

    @field_validator("created_at")
    @classmethod
    def _aware_time(cls, value: str) -> str:
        moment = datetime.fromisoformat(value)  # ValueError → rejected
        if moment.tzinfo is None:
            raise ValueError("created_at needs a time zone")
        return value

    @field_validator("sealed", mode="before")
    @classmethod
    def _base64(cls, value: Any) -> bytes:
        if not isinstance(value, str):
            raise ValueError("sealed must be base64 text")
        try:
            blob = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValueError("sealed is not valid base64") from exc
        if not MIN_SEALED <= len(blob) <= MAX_SEALED:
            raise ValueError(f"sealed must be {MIN_SEALED} bytes to 64 KiB")
        return blob


class SubmissionBatch(Model):
    items: Annotated[list[SubmissionIn], Field(min_length=1, max_length=MAX_ITEMS)]


class SubmissionResult(BaseModel):
    uuid: str
    status: Literal["stored", "duplicate", "rejected"]
    error: str | None = None
    sv: str | None = None


class SubmissionsOut(BaseModel):
    results: list[SubmissionResult]


class LoginIn(Model):
    name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=1024)]


class LoginOut(BaseModel):
    token: str
    expires_at: str


class OfficeSubmission(BaseModel):
    id: int
    device_id: str
    uuid: str
    area_id: str
    created_at: str
    received_at: str
    sealed: str
    kind: Literal["report", "usage"] = "report"


class OfficeSubmissionsOut(BaseModel):
    items: list[OfficeSubmission]
    next_after: int | None = Field(
        description="Pass as ``after`` for the next page; null when this page was the last."
    )


class ReleaseDeviceOut(BaseModel):
    """A tablet that carries the area, and the catalogue release it runs (null: the pack)."""

    id: str
    name: str
    pack_version: str
    catalogue_release: int | None
    last_sync: str | None
    revoked: bool


class LatestRelease(BaseModel):
    area_id: str
    latest_version: int
    published_at: str | None = Field(default=None, description="When the latest was published.")
    devices: list[ReleaseDeviceOut] = Field(
        default_factory=list,
        description="The tablets that carry the area (that the caller may see), oldest first.",
    )


class ManifestIn(Model):
    """The signed manifest, exactly these keys (the signature covers all of them)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    format: Literal[1]
    area_id: AreaId
    version: Annotated[int, Field(ge=1, le=MAX_SINCE)]
    pack_version: Annotated[str, StringConstraints(max_length=64)]
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    published_at: Annotated[str, StringConstraints(max_length=64)]


PackDoc = dict[str, Any]


class DocumentsIn(Model):
    """Exactly the pack files, each an object: a correctly signed subset would pass the
    hash and signature but make every later delta to the devices mismatch."""

    model_config = ConfigDict(extra="forbid")

    area: Annotated[PackDoc, Field(alias="area.json")]
    services: Annotated[PackDoc, Field(alias="services.json")]
    landmarks: Annotated[PackDoc, Field(alias="landmarks.json")]
    guides: Annotated[PackDoc, Field(alias="guides.json")]
    taxonomy: Annotated[PackDoc, Field(alias="taxonomy.json")]
    notices: Annotated[PackDoc, Field(alias="notices.json")]

    def files(self) -> dict[str, PackDoc]:
        """By file name, as signed."""
        return self.model_dump(by_alias=True)


class ReleaseIn(Model):
    manifest: ManifestIn
    signature: Annotated[str, StringConstraints(min_length=1, max_length=256)]
    documents: DocumentsIn


class ReleaseCreated(BaseModel):
    area_id: str
    version: int


class EnrolmentCodeIn(Model):
    uses: Annotated[int, Field(ge=1, le=100)] = 1
    valid_hours: Annotated[int, Field(ge=1, le=720)] = 24
    # the district the tablets enrolled with it belong to (see POST /office/enrolment-codes)
    area_id: AreaId | None = None


class EnrolmentCodeOut(BaseModel):
    code: str
    uri: str | None = Field(
        default=None,
        description="kompassen://enrol?server=…&code=… with the address this request reached "
        "the server at (null if that address is not one a tablet accepts).",
    )
    uses: int
    expires_at: str
    area_id: str | None = Field(
        default=None, description="The area its tablets belong to (null: bound at first sync)."
    )


OfficeRoleName = Literal["admin", "coordinator"]
MAX_USER_AREAS = 64
Password = Annotated[str, StringConstraints(min_length=1, max_length=1024)]


class MeOut(BaseModel):
    name: str
    role: OfficeRoleName
    areas: list[str]


class SignedOut(BaseModel):
    signed_out: bool


class PasswordIn(Model):
    model_config = ConfigDict(extra="forbid")
    old_password: Password
    new_password: Password


class PasswordOut(BaseModel):
    name: str


class UserOut(BaseModel):
    name: str
    role: OfficeRoleName
    areas: list[str]
    disabled_at: str | None
    updated_at: str


class UsersOut(BaseModel):
    users: list[UserOut]


class UserCreateIn(Model):
    model_config = ConfigDict(extra="forbid")
    name: Name
    password: Password
    role: OfficeRoleName
    areas: Annotated[list[AreaId], Field(max_length=MAX_USER_AREAS)] = Field(default_factory=list)


class UserUpdateIn(Model):
    """What to change (a field left out stays as it is)."""

    model_config = ConfigDict(extra="forbid")
    role: OfficeRoleName | None = None
    areas: Annotated[list[AreaId], Field(max_length=MAX_USER_AREAS)] | None = None
    password: Password | None = None
    disabled: bool | None = None


class AreaKeyIn(Model):
    model_config = ConfigDict(extra="forbid")
    signing_key: Annotated[str, StringConstraints(min_length=1, max_length=256)]
    replace: bool = False


class AreaKeyOut(BaseModel):
    area_id: str
    outcome: Literal["registered", "unchanged", "replaced"]


class AuditEntryOut(BaseModel):
    id: int
    at: str
    actor: str = Field(description='The office user ("" for an unknown name at a failed sign-in).')
    action: str
    area_id: str | None
    target: str | None
    detail: dict[str, Any]


class AuditOut(BaseModel):
    entries: list[AuditEntryOut]
    next_before: int | None = Field(
        description="Pass as ``before`` for the next (older) page; null when this was the last."
    )


# a version as programs write them (PEP 440, pack dates): no spaces, no controls, bounded
VERSION_PATTERN = r"^[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}$"
MAX_DEVICE_AREAS = 64
Version = Annotated[str, StringConstraints(pattern=VERSION_PATTERN)]


class AreaVersionIn(Model):
    """One installed area: its pack version and the signed release it runs (null: the pack)."""

    model_config = ConfigDict(extra="forbid")
    area_id: AreaId
    pack_version: Version
    catalogue_release: Annotated[int, Field(ge=1, le=MAX_SINCE, strict=True)] | None = None


class VersionsIn(Model):
    """What a tablet runs, sent at every sync. ``areas`` null: the tablet could not read its
    catalogue this time (the areas it reported before are kept)."""

    model_config = ConfigDict(extra="forbid")
    app_version: Version
    areas: Annotated[list[AreaVersionIn], Field(max_length=MAX_DEVICE_AREAS)] | None = None

    @field_validator("areas", mode="after")
    @classmethod
    def _one_each(cls, value: list[AreaVersionIn] | None) -> list[AreaVersionIn] | None:
        ids = [a.area_id for a in value or []]
        if len(ids) != len(set(ids)):
            raise ValueError("an area is listed twice")
        return value


class VersionsOut(BaseModel):
    device_id: str
    versions_at: str


class DeviceAreaOut(BaseModel):
    area_id: str
    pack_version: str
    catalogue_release: int | None


class DeviceOut(BaseModel):
    id: str
    name: str
    area_id: str | None = Field(
        default=None,
        description="The district the device belongs to: it gets only this area's releases "
        "and sends only for it (null: enrolled before districts, bound at its first sync).",
    )
    enrolled_at: str
    last_seen: str | None
    revoked_at: str | None
    revoked_uses: int = Field(
        description="How often the token was presented after the revocation (each got 403)."
    )
    revoked_last_used: str | None = Field(description="The last such time (UTC), or null.")
    submissions: int
    app_version: str | None = Field(
        default=None, description="The app version the device sent at its last sync, or null."
    )
    versions_at: str | None = Field(
        default=None, description="When the device last sent its versions (its last sync, UTC)."
    )
    areas: list[DeviceAreaOut] = Field(
        default_factory=list,
        description="Each installed area's pack version and catalogue release (null: the pack).",
    )
    enrolled_by: str | None = Field(
        default=None, description="Who made the code it enrolled with (null: before that was kept)."
    )


class DevicesOut(BaseModel):
    devices: list[DeviceOut]


class RevokeOut(BaseModel):
    id: str
    revoked_at: str


class Health(BaseModel):
    status: str
    version: str


class ErrorOut(BaseModel):
    """Every 4xx/5xx body (also 422: ``detail`` is one string naming the fields)."""

    detail: str = Field(description="What went wrong, in English.")
    error: str = Field(description="A stable code for clients to branch on.")
    sv: str = Field(description="What went wrong, in Swedish (shown to people).")


class ReleaseOut(BaseModel):
    """``GET /areas/{area_id}/release``: the latest release, in full or as a delta."""

    area_id: str
    version: int
    manifest: dict[str, Any]
    signature: str
    kind: Literal["full", "delta"]
    base_version: int | None
    documents: dict[str, Any] | None = Field(None, description="With kind full.")
    delta: dict[str, Any] | None = Field(None, description="With kind delta.")


# ------------------------------------------------------------- usage, states and answers

ReportState = Literal["new", "in_progress", "solved", "not_actionable", "needs_info"]
LinkKind = Literal["guide", "service", "notice"]
MAX_STATE_ITEMS = 500
MAX_COMMENT_SEALED = 16 * 1024
MAX_ANSWER_PAYLOAD = 8192
_NEXT_AFTER = "Pass as ``after`` for the next page; null when this page was the last."


def _b64(value: Any, what: str, low: int, high: int) -> bytes:
    if not isinstance(value, str):
        raise ValueError(f"{what} must be base64 text")
    try:
        blob = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"{what} is not valid base64") from exc
    if not low <= len(blob) <= high:
        raise ValueError(f"{what} must be {low} to {high} bytes")
    return blob


class UsageItemOut(BaseModel):
    """One sealed daily usage aggregate: no device id, no uuid (usage is never per tablet)."""

    id: int
    area_id: str
    day: str
    received_at: str
    sealed: str


class UsageOut(BaseModel):
    items: list[UsageItemOut]
    next_after: int | None = Field(description=_NEXT_AFTER)


class StateIn(Model):
    """One state change of a report; the comment is sealed to the area's sealing key by the
    office client, so the server holds nothing it can read."""

    model_config = ConfigDict(extra="forbid")
    submission_id: Annotated[int, Field(ge=1, le=MAX_ID, strict=True)]
    state: ReportState
    comment_sealed: (
        Annotated[
            str,
            StringConstraints(max_length=(MAX_COMMENT_SEALED + 2) // 3 * 4),
            Field(description="base64 of a SealedBox, at most 16 KiB decoded"),
        ]
        | None
    ) = None
    link_kind: LinkKind | None = None
    link_id: Annotated[str, StringConstraints(min_length=1, max_length=128)] | None = None

    @field_validator("comment_sealed", mode="after")
    @classmethod
    def _comment(cls, value: str | None) -> str | None:
        if value is not None:
            _b64(value, "comment_sealed", MIN_SEALED, MAX_COMMENT_SEALED)
        return value

    @model_validator(mode="after")
    def _link(self) -> StateIn:
        if (self.link_kind is None) != (self.link_id is None):
            raise ValueError("link_kind and link_id go together")
        return self


class StatesIn(Model):
    items: Annotated[list[StateIn], Field(min_length=1, max_length=MAX_STATE_ITEMS)]


class StateResult(BaseModel):
    submission_id: int
    id: int
    at: str


class StatesResultOut(BaseModel):
    results: list[StateResult]


class StateOut(BaseModel):
    id: int
    submission_id: int
    area_id: str
    state: ReportState
    actor: str
    at: str
    comment_sealed: str | None
    link_kind: LinkKind | None
    link_id: str | None


class StatesOut(BaseModel):
    items: list[StateOut]
    next_after: int | None = Field(description=_NEXT_AFTER)


class AnswerIn(Model):
    """An answer signed with the area's signing key (kompassen.reports.answers)."""

    model_config = ConfigDict(extra="forbid")
    payload: Annotated[str, StringConstraints(min_length=1, max_length=MAX_ANSWER_PAYLOAD)]
    signature: Annotated[str, StringConstraints(min_length=1, max_length=128)]


class AnswerOut(BaseModel):
    submission_id: int
    seq: int
    at: str


class DeviceAnswerOut(BaseModel):
    seq: int
    uuid: str
    area_id: str
    payload: str
    signature: str


class DeviceAnswersOut(BaseModel):
    items: list[DeviceAnswerOut]
    next_after: int | None = Field(description="Pass as ``after`` (a seq) for the next page.")
