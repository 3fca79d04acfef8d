"""Server times in words for the office: "i dag 09:12", "i går 22:14", "i morgon 10:00", "28 nov 14:02".

The server writes UTC ISO times; the coordinator reads Stockholm time (the clock's zone), and
"yesterday" is counted in that zone too.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale


def parse_time(value: str | None) -> datetime | None:
    """An ISO time from the server (None: never, or unreadable)."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def when_words(value: str | None, now: datetime, *, never: str | None = None) -> str:
    """``value`` as the coordinator says it, relative to ``now`` (its zone is used)."""
    moment = parse_time(value)
    if moment is None:
        return (
            never
            if never is not None
            else (value or QCoreApplication.translate("OfficeWhen", "aldrig"))
        )
    local = moment.astimezone(now.tzinfo)
    clock = local.strftime("%H:%M")
    days = (now.date() - local.date()).days
    if days == 0:
        return QCoreApplication.translate("OfficeWhen", "i dag {time}").format(time=clock)
    if days == 1:
        return QCoreApplication.translate("OfficeWhen", "i går {time}").format(time=clock)
    if days == -1:
        return QCoreApplication.translate("OfficeWhen", "i morgon {time}").format(time=clock)
    date = QDate(local.year, local.month, local.day)
    day = QLocale().toString(date, "d MMM" if local.year == now.year else "d MMM yyyy")
    return f"{day.rstrip('.')} {clock}"
