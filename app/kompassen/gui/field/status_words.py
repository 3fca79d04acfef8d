"""A service's status in words, the same on the detail page, in the list of places and in the
guides: HSDS 3's inactive and defunct, and a temporary closure with its dates.

Why here: three pages say it, and a worker must read the same words for the same state
("Tillfälligt stängd till 24 december" in one place and "Stängd" in another would be two
different facts). The dates are the pack's own; a date of another year says its year.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from kompassen.core.model import ServiceStatus, StatusDetail


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatusWords", text)


def day_words(day: date, lang: str, today: date) -> str:
    """ "24 december" / "24 December"; with the year when it is not this year's."""
    locale = QLocale(
        QLocale.Language.Swedish if lang == "sv" else QLocale.Language.English,
        QLocale.Country.Sweden,
    )
    fmt = "d MMMM" if day.year == today.year else "d MMMM yyyy"
    return locale.toString(QDate(day.year, day.month, day.day), fmt)


def closure_words(start: date | None, until: date | None, lang: str, today: date) -> str:
    """A temporary closure as the detail page says it, dates included when the pack has them;
    a last day that has passed says so (the closure may be over: call and check)."""
    if until is not None and until < today:
        return _tr(
            "Tillfälligt stängd till {day} – datumet har passerat, ring och kontrollera"
        ).format(day=day_words(until, lang, today))
    if start is not None and start > today:
        if until is not None:
            return _tr("Tillfälligt stängd från {start} till {end}").format(
                start=day_words(start, lang, today), end=day_words(until, lang, today)
            )
        return _tr("Tillfälligt stängd från {day}").format(day=day_words(start, lang, today))
    if until is not None:
        return _tr("Tillfälligt stängd till {day}").format(day=day_words(until, lang, today))
    return _tr("Tillfälligt stängd")


def ended_words(detail: StatusDetail | None) -> str:
    """A service that does not run: inactive may come back, defunct (or the older closed) not."""
    if detail == "inactive":
        return _tr("Inaktiv – kör inte just nu")
    return _tr("Nedlagd – lämna inte över hit")


def short_words(status: ServiceStatus, detail: StatusDetail | None) -> str:
    """One or two words for a list line; "" for an active service."""
    if status == "temporarily-closed":
        return _tr("Tillfälligt stängd")
    if status == "closed":
        return _tr("Inaktiv") if detail == "inactive" else _tr("Nedlagd")
    return ""
