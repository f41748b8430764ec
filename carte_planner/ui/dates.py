"""Dates and times shown in the user's locale format."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QTime

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def long_date(day: date) -> str:
    """Weekday, day, month and year, as this locale writes them."""
    locale = QLocale()
    return locale.toString(to_qdate(day), locale.dateFormat(QLocale.FormatType.LongFormat))


def medium_format(locale: QLocale | None = None) -> str:
    """The locale's long date format with short day and month names: "ddd, MMM d, yyyy" in
    American English, "ddd, d. MMM yyyy" in German. Compact, unambiguous and localised."""
    long = (locale or QLocale()).dateFormat(QLocale.FormatType.LongFormat)
    return long.replace("dddd", "ddd").replace("MMMM", "MMM")


def medium_date(day: date) -> str:
    """A compact date with the weekday, for lists and labels."""
    locale = QLocale()
    return locale.toString(to_qdate(day), medium_format(locale))


def time_in_zone(moment: datetime) -> str:
    """The local time of an aware datetime with the zone's name, "10:00 (America/New_York)"."""
    text = QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    return f"{medium_date(moment.date())} {text} ({moment.tzinfo})"


def span_text(start: date, end: date) -> str:
    """One day, or "first – last" for a span."""
    return medium_date(start) if start == end else f"{medium_date(start)} – {medium_date(end)}"


def day_span_label(journey: Journey, start: date, end: date) -> str:
    """Day ±N of a span, as the hospital counts: "Day +2", "Day −5 – Day +4", or "" outside
    the treatment (before admission, after the return home)."""

    def label(day: date) -> str:
        return journey.day_label(day) if day <= journey.summary.return_date else ""

    first, last = label(start), label(end)
    if first and last and first != last:
        return f"{first} – {last}"
    return first  # a span begun before admission (the stay) is not counted by its end
