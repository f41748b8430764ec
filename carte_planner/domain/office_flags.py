"""Treatment dates on days China's offices close: flagged for the hospital to confirm, never moved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from carte_planner.domain.journey import JourneyItem, Notice, Severity
from carte_planner.domain.notice_codes import CLOSED_DAY
from carte_planner.domain.office_days import OfficeCalendar
from carte_planner.i18n import tr_noop
from carte_planner.i18n.text import Day, Words, joined, say, say_n

# The hospital sets these dates; a closed day is something to ask about, not to correct.
_SINGLE_DAYS = {
    "phase:screening": tr_noop("The first hospital day"),
    "milestone:leukapheresis": tr_noop("Leukapheresis (cell collection)"),
    "milestone:admission": tr_noop("Hospital admission"),
    "milestone:fit-to-fly": tr_noop("Fit-to-fly check (estimated)"),
}
FIT_TO_FLY = "milestone:fit-to-fly"
RETURN_FLIGHT = "flight:return"
_SERIES = "visits:outpatient"


def flag_closed_treatment_days(
    items: list[JourneyItem], china: OfficeCalendar
) -> tuple[list[JourneyItem], list[Notice]]:
    """Flag the first hospital day, leukapheresis, admission, the fit-to-fly check and outpatient
    visits that fall on a weekend or a public holiday in China, in the item and as a notice; a
    return flight the day after a check on a closed day says so."""
    flagged, notices = [], []
    for item in items:
        notice = None
        if item.key in _SINGLE_DAYS:
            item, notice = _flag_single(item, say(_SINGLE_DAYS[item.key]), china)
        elif item.key == _SERIES and item.recurrence is not None:
            item, notice = _flag_series(item, china)
        flagged.append(item)
        if notice is not None:
            notices.append(notice)
    return [_return_after_closed_check(item, flagged, china) for item in flagged], notices


def _return_after_closed_check(item: JourneyItem, items: list[JourneyItem], china: OfficeCalendar) -> JourneyItem:
    if item.key != RETURN_FLIGHT or item.depart is None:
        return item
    check = next((i for i in items if i.key == FIT_TO_FLY), None)
    if check is None or (reason := china.closed_reason(check.start)) is None:
        return item
    if item.depart.date() != check.start + timedelta(days=1):
        return item
    note = say(
        "The fit-to-fly check before this flight is planned on {date}, a closed day for most offices in China "
        "({reason}). If the hospital holds the check on another day, this flight moves with it: book a ticket you "
        "can change.",
        date=Day(check.start),
        reason=reason,
    )
    return replace(item, description_words=joined(item.description_words, note))


def _closed_note(day: date, reason: Words) -> Words:
    return say(
        "{date} is a closed day for most offices in China ({reason}). Hospitals set their own schedule: check "
        "this date with the hospital.",
        date=Day(day),
        reason=reason,
    )


def _flag_single(item: JourneyItem, what: Words, china: OfficeCalendar) -> tuple[JourneyItem, Notice | None]:
    reason = china.closed_reason(item.start)
    if reason is None:
        return item, None
    note = _closed_note(item.start, reason)
    notice = Notice(Severity.CHECK, CLOSED_DAY, say("{what}: {note}", what=what, note=note), item_key=item.key)
    return replace(item, description_words=joined(item.description_words, note)), notice


def _flag_series(item: JourneyItem, china: OfficeCalendar) -> tuple[JourneyItem, Notice | None]:
    closed = [
        (day, reason)
        for _number, _planned, day in item.occurrence_dates()
        if (reason := china.closed_reason(day)) is not None
    ]
    if not closed:
        return item, None
    # Translators: one closed day in a list, such as "Sat 02 Oct 2027 (National Day)".
    days = joined(*(say("{date} ({reason})", date=Day(day), reason=reason) for day, reason in closed), separator="; ")
    note = say_n(
        "{n} planned visit falls on closed days in China: {days}. Hospitals set their own schedule: check these "
        "visits with the hospital.",
        "{n} planned visits fall on closed days in China: {days}. Hospitals set their own schedule: check these "
        "visits with the hospital.",
        len(closed),
        days=days,
    )
    notice = Notice(Severity.CHECK, CLOSED_DAY, note, item_key=item.key)
    return replace(item, description_words=joined(item.description_words, note)), notice
