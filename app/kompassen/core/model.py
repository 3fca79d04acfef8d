"""The catalogue's domain objects, as the rest of the app sees them (HSDS 3-shaped).

Plain frozen dataclasses: storage builds them, the GUI and search read them. "Not stated" is
``None`` everywhere and must be shown as unknown, never as "everyone" or "closed".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from kompassen.core.hours import OpeningHours
from kompassen.core.text import Text

__all__ = ["Text"]  # re-exported: it lives in core.text (see there why)

TermKind = Literal["group", "need", "handover"]
ServiceStatus = Literal["active", "closed", "temporarily-closed"]
# The pack's (HSDS 3's) own word; ``closed`` is the older word for defunct.
PackStatus = Literal["active", "inactive", "defunct", "temporarily-closed", "closed"]
StatusDetail = Literal["inactive", "defunct"]


def coarse_status(status: str) -> ServiceStatus:
    """The state search and lists use: a service that does not run now (inactive, defunct or
    the older closed) is ``closed``; a temporary closure and an active service stay as they are."""
    if status == "active":
        return "active"
    if status == "temporarily-closed":
        return "temporarily-closed"
    return "closed"


@dataclass(frozen=True, slots=True)
class Term:
    """A taxonomy term: a target group, a need or a handover mode."""

    code: str
    kind: TermKind
    label: Text
    synonyms: tuple[str, ...] = ()
    area_id: str | None = None  # None = base vocabulary


@dataclass(frozen=True, slots=True)
class Source:
    """One page a record's facts come from, with the date the page shows."""

    id: str  # "" for a source given as a plain string (no fact can name it)
    url: str  # the page, or a description of a source that has no page
    title: str = ""
    date: str = "unknown"  # ISO date, "YYYY", "YYYY-MM", or "unknown"
    checked: str = ""  # ISO date somebody last looked at the page (HSDS 3 assured_date)

    @property
    def site(self) -> str:
        """ "stockholm.se" for https://www.stockholm.se/…; the text itself when it is no URL."""
        rest = self.url.split("://", 1)
        if len(rest) == 2 and rest[1]:
            host = rest[1].split("/", 1)[0].split("?", 1)[0]
            return host.removeprefix("www.").removeprefix("m.")
        return self.url

    @property
    def year(self) -> int | None:
        """The year the page shows, or None when it shows no date."""
        return int(self.date[:4]) if self.date[:4].isdigit() else None


@dataclass(frozen=True, slots=True)
class FactSources:
    """Which source each fact of a service comes from (None: the pack does not say)."""

    status: Source | None = None
    location: Source | None = None
    hours: Source | None = None
    weekly: tuple[Source | None, ...] = ()  # aligned with the pack's weekly rules
    exceptions: tuple[Source | None, ...] = ()
    handover: Source | None = None


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a record comes from and when somebody last checked it."""

    sources: tuple[str, ...]  # the URLs (or descriptions), as listed
    verified_at: str  # ISO date, "YYYY", "YYYY-MM", or "unknown"
    note: str = ""
    cited: tuple[Source, ...] = ()  # the same sources with their dates, when the pack gives them

    @property
    def verified_year(self) -> int | None:
        """The year of the last check, or None when unknown."""
        return int(self.verified_at[:4]) if self.verified_at[:4].isdigit() else None


@dataclass(frozen=True, slots=True)
class Area:
    """An installed area (one area pack loaded into the catalogue)."""

    id: str
    name: str
    title: str
    colour: str
    description: Text
    center: tuple[float, float]
    default_landmark_id: str | None
    sealing_public_key: str
    signing_public_key: str
    pack_version: str
    catalogue_version: int
    service_count: int = 0


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    area_id: str
    name: str
    description: Text | None
    url: str
    email: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Address:
    street: str
    postal_code: str = ""
    city: str = ""
    note: str = ""

    def one_line(self) -> str:
        """ "Östgötagatan 10, 116 25 Stockholm"."""
        tail = " ".join(p for p in (self.postal_code, self.city) if p)
        return ", ".join(p for p in (self.street, tail) if p)


@dataclass(frozen=True, slots=True)
class Location:
    id: str
    area_id: str
    name: str
    description: Text | None
    address: Address | None
    lat: float | None
    lon: float | None
    coords_approximate: bool
    coords_note: str
    landmark_id: str | None


@dataclass(frozen=True, slots=True)
class Phone:
    number: str
    kind: str  # switchboard | helpline | professional | emergency | sms | other
    label: Text | None = None
    to_verify: bool = False
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Handover:
    """How a professional hands somebody over, and who is accepted (None = not stated)."""

    modes: tuple[str, ...]
    instructions: Text | None = None
    age_min: int | None = None
    age_max: int | None = None
    gender: str | None = None  # "any" | "female" | "male" | None (not stated)
    no_papers_ok: bool | None = None
    intoxicated_ok: bool | None = None
    referral_required: bool | None = None
    languages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Service:
    id: str
    area_id: str
    organization: Organization
    name: str
    alternate_name: str
    description: Text
    status: ServiceStatus
    status_note: str
    mobile: bool
    area_note: str
    url: str
    email: str
    groups: tuple[str, ...]
    needs: tuple[str, ...]
    phones: tuple[Phone, ...]
    hours: OpeningHours | None  # None = unknown
    handover: Handover
    locations: tuple[Location, ...]
    provenance: Provenance
    facts: FactSources = FactSources()
    # HSDS 3 detail beside the coarse ``status``: inactive (may come back) or defunct; None
    # when the coarse word is the whole story (active, temporarily-closed, the older closed)
    status_detail: StatusDetail | None = None
    status_from: date | None = None  # a temporary closure's first day, when known
    status_until: date | None = None  # a temporary closure's last day, when known


@dataclass(frozen=True, slots=True)
class ServiceRef:
    """The few fields a list of places shows per service (cheap for 100k services)."""

    id: str
    name: str
    status: ServiceStatus
    status_detail: StatusDetail | None = None  # inactive / defunct beside a coarse "closed"


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """A window of the week in which a guide step applies ("16:30–24:00 mon–fri")."""

    days: tuple[int, ...]  # 0 = Monday; empty = every day
    start: str  # "HH:MM"
    end: str  # "HH:MM"; end <= start runs past midnight


@dataclass(frozen=True, slots=True)
class GuideStep:
    text: Text
    service_ids: tuple[str, ...] = ()
    when: TimeWindow | None = None


@dataclass(frozen=True, slots=True)
class Guide:
    """A solution: a problem and target group → ordered steps with linked services."""

    id: str
    area_id: str
    title: Text
    problem: Text
    groups: tuple[str, ...]
    needs: tuple[str, ...]
    steps: tuple[GuideStep, ...]
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Landmark:
    id: str
    area_id: str
    name: str
    kind: str
    lat: float
    lon: float
    approximate: bool
    source: str
    aliases: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Notice:
    id: str
    area_id: str
    service_id: str | None
    text: Text
    starts: str
    expires: str  # "" = no expiry (an imported HSDS alert brings none)
