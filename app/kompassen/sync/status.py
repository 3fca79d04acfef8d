"""What the sync indicator shows, read without the network stack.

The window asks for this at start-up and after every change; it needs only device.db and the
token file, so it lives apart from the client (httpx is ≈ 20 MB and only needed to send).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kompassen.device.db import DeviceDb
from kompassen.sync.tokens import TokenStore

if TYPE_CHECKING:
    from kompassen.reports.outbox import Outbox

STATE_LAST_SYNC = "last_sync_at"
STATE_ERROR_SV = "last_sync_error_sv"
STATE_ERROR_EN = "last_sync_error_en"


@dataclass(frozen=True, slots=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    queued: int
    sending: int
    sent: int
    rejected: int
    last_sync_at: str | None
    last_error_sv: str | None
    last_error_en: str | None


def read_status(outbox: Outbox, tokens: TokenStore, db: DeviceDb) -> SyncStatus:
    """Enrolment, outbox counts and the last sync's time or error."""
    creds = tokens.load()
    counts = outbox.counts(reports_only=True)  # the reports the user wrote, not daily usage
    return SyncStatus(
        enrolled=creds is not None,
        server_url=creds.server_url if creds else None,
        queued=counts.get("queued", 0),
        sending=counts.get("sending", 0),
        sent=counts.get("sent", 0),
        rejected=counts.get("rejected", 0),
        last_sync_at=db.get_state(STATE_LAST_SYNC),
        last_error_sv=db.get_state(STATE_ERROR_SV),
        last_error_en=db.get_state(STATE_ERROR_EN),
    )
