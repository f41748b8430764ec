"""Dates the family set, checked by the rules a computed date follows, and the visa's timing.

A computed date is placed by these rules; a date the family moves is not, so each rule is
checked again and a broken one becomes a warning that names the item and the rule. The
warning is made from the plan each time, so it goes away once the date is fixed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from carte_planner.domain.journey import JourneyItem, Notice, Severity
from carte_planner.domain.notice_codes import VISA_NOT_READY
from carte_planner.domain.office_days import OfficeCalendar
from carte_planner.i18n.dates import DATE
from carte_planner.i18n.text import Day, Words, joined, say, say_n

# The flight that starts each entry into China, by the suffix of that entry's item keys.
ENTRY_FLIGHTS = {"": "flight:outbound", ":entry2": "flight:back-for-admission"}
EXTENSION = "visa:extension"
REGISTRATION = "visa:registration"
# Errands at the Exit-Entry office beyond the first extension of a stay (further extensions,
# the residence permit's application): a date set by the family must fall on an open day.
EXIT_ENTRY_ERRANDS = ("visa:extension", "visa:residence-application")


def _entry_suffix(key: str, prefix: str) -> str:
    """ "" for `visa:extension:2`, ":entry2" for `visa:extension:entry2:1`."""
    return key[len(prefix) :].rsplit(":", 1)[0]


def _arrivals(items: Iterable[JourneyItem]) -> dict[str, datetime]:
    flights = {item.key: item for item in items}
    return {
        suffix: arrive
        for suffix, key in ENTRY_FLIGHTS.items()
        if key in flights and (arrive := flights[key].arrive) is not None
    }


# A traveller's own flight into China for a turn: flight:turn2:out:3 is turn 2 of traveller 3.
_TURN_FLIGHT = re.compile(r"flight:turn(\d+):out:(\d+)")


def _own_arrivals(items: Iterable[JourneyItem]) -> dict[tuple[str, str], datetime]:
    """(entry suffix, traveller number) → landing, for travellers on flights of their own."""
    own = {}
    for item in items:
        match = _TURN_FLIGHT.fullmatch(item.key)
        if match and item.arrive is not None:
            turn = int(match.group(1))
            own[("" if turn == 1 else f":entry{turn}", match.group(2))] = item.arrive
    return own


def _arrival(
    key: str, prefix: str, shared: dict[str, datetime], own: dict[tuple[str, str], datetime]
) -> datetime | None:
    suffix = _entry_suffix(key, prefix)
    number = key.rsplit(":", 1)[-1]
    return own.get((suffix, number), shared.get(suffix))


def check_moved_dates(
    items: list[JourneyItem],
    china: OfficeCalendar,
    consulate: OfficeCalendar,
    consulate_keys: frozenset[str],
    permitted_days: int,
    own_permitted_days: Mapping[str, int] | None = None,
) -> list[Notice]:
    """A warning for each date the family set that breaks the rule its item follows. A
    traveller on flights of their own is checked against their own arrival, and one with a
    visa of their own against its stay (`own_permitted_days`, by traveller number)."""
    notices: list[Notice] = []
    arrivals = _arrivals(items)
    own = _own_arrivals(items)
    for item in items:
        if not item.user_moved or item.recurrence is not None:
            continue
        if item.key.startswith(EXTENSION):
            arrival = _arrival(item.key, EXTENSION, arrivals, own)
            if arrival is not None:
                days = (own_permitted_days or {}).get(item.key.rsplit(":", 1)[-1], permitted_days)
                notices += _extension(item, arrival.date(), days, china)
            else:
                notices += _closed(item, china, say("Exit-Entry Administration office"))
        elif item.key.startswith(EXIT_ENTRY_ERRANDS):
            notices += _closed(item, china, say("Exit-Entry Administration office"))
        elif item.key.startswith(REGISTRATION):
            arrival = _arrival(item.key, REGISTRATION, arrivals, own)
            if arrival is not None:
                notices += _registration(item, arrival)
        elif item.key in consulate_keys:
            notices += _closed(item, consulate, say("consulate"))
    return notices


def _warning(code: str, item: JourneyItem, rule: Words) -> Notice:
    return Notice(
        Severity.WARNING,
        code,
        say("{what}, on {date}, the date you set: {rule}", what=item.title_words, date=Day(item.start), rule=rule),
        item_key=item.key,
    )


def _closed(item: JourneyItem, calendar: OfficeCalendar, office: Words) -> list[Notice]:
    reason = calendar.closed_reason(item.start)
    if reason is None:
        return []
    rule = say(
        "the {office} is closed that day ({reason}). Choose a day it is open.",
        office=office,
        reason=reason,
    )
    return [_warning("moved-closed-day", item, rule)]


def _extension(item: JourneyItem, arrival: date, permitted_days: int, china: OfficeCalendar) -> list[Notice]:
    last = arrival + timedelta(days=permitted_days - 1)
    if item.start < arrival:
        rule = say(
            "this is before the arrival in China on {arrival}; an extension is applied for in China, at the local "
            "Exit-Entry Administration office.",
            arrival=Day(arrival),
        )
        return [_warning("moved-before-arrival", item, rule)]
    if item.start > last:
        rule = say(
            "this is after the last day of the visa's permitted stay, {last}: the extension must be applied for "
            "before the stay runs out, at least a week ahead.",
            last=Day(last),
        )
        return [_warning("moved-after-stay", item, rule)]
    return _closed(item, china, say("Exit-Entry Administration office"))


def _registration(item: JourneyItem, arrival: datetime) -> list[Notice]:
    if item.start < arrival.date():
        rule = say("this is before the arrival in China on {arrival}.", arrival=Day(arrival.date()))
        return [_warning("moved-before-arrival", item, rule)]
    if item.start > arrival.date() + timedelta(days=1):
        rule = say(
            "this is more than 24 hours after the arrival on {arrival}; foreigners who do not stay in a hotel "
            "register within 24 hours of arrival.",
            arrival=Day(arrival.date()),
        )
        return [_warning("moved-registration-late", item, rule)]
    return []


def visa_timing_notices(
    applications: list[JourneyItem], consulate: OfficeCalendar, departure: date, today: date, processing_days: int
) -> list[Notice]:
    """A warning when the consulate is open on fewer days than the assumed processing time
    between the visa application (or today, if that is later) and the flight, naming the
    closed days in between."""
    notices: list[Notice] = []
    seen: set[date] = set()
    for item in applications:
        handed_in = max(item.start, today)
        if handed_in in seen:
            continue  # each traveller's application on the same day: one warning
        seen.add(handed_in)
        days = [handed_in + timedelta(days=n) for n in range(1, (departure - handed_in).days)]
        open_days = [day for day in days if consulate.is_open(day)]
        if len(open_days) >= processing_days:
            continue
        closed = [(day, reason) for day in days if (reason := consulate.closed_reason(day)) is not None]
        listed = joined(
            *(say("{date} ({reason})", date=Day(day, DATE), reason=reason) for day, reason in closed),
            separator=say("; "),
        )
        counted = say_n(
            "the consulate is open on only {n} day between {first} and the flight on {flight}",
            "the consulate is open on only {n} days between {first} and the flight on {flight}",
            len(open_days),
            first=Day(handed_in),
            flight=Day(departure),
        )
        text: Words = say(
            "{what}: {counted}, fewer than the {processing} a visa is assumed to take (an assumption: ask the "
            "consulate for its own time). The visa may not be ready in time: ask the consulate about express "
            "processing, or move the flight.",
            what=item.title_words,
            counted=counted,
            processing=say_n("{n} working day", "{n} working days", processing_days),
        )
        if closed:
            text = joined(text, say("Closed days in between: {days}.", days=listed))
        notices.append(Notice(Severity.WARNING, VISA_NOT_READY, text, item_key=item.key))
    return notices
