"""A journey to an RFC 5545 calendar file that Thunderbird, Apple, Google, Outlook and khal import."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event, vRecur, vText

from carte_planner import __version__
from carte_planner.domain.identity import event_uid
from carte_planner.domain.journey import Category, Journey, JourneyItem
from carte_planner.export.timezones import vtimezone

PRODID = f"-//Carte Planner//Carte Planner {__version__}//EN"

# Titles for calendars that others can see or that sync to a cloud.
_DISCREET_TITLES = {
    Category.PREPARATION: "Reminder",
    Category.VISA: "Reminder",
    Category.FLIGHT: "Travel",
    Category.ACCOMMODATION: "Stay",
    Category.PHASE: "Appointment",
    Category.MILESTONE: "Appointment",
    Category.OUTPATIENT_VISIT: "Appointment",
    Category.HOME_FOLLOWUP: "Appointment",
    Category.CHECKLIST: "Reminder",
}


@dataclass(frozen=True)
class ExportOptions:
    plan_id: str
    now: datetime
    discreet: bool = False
    calendar_name: str | None = None
    # Dated checklist entries (checklist_items()), written as whole-day events.
    checklist: tuple[JourneyItem, ...] = ()


def exclusive_end(last_day: date) -> date:
    """DTEND of a whole-day event: the day after the last day the user sees.

    RFC 5545 makes DTEND exclusive; writing the inclusive last day makes multi-day stays
    end a day early in every client, and a one-day item collapse to nothing in some.
    """
    return last_day + timedelta(days=1)


def sequence_number(now: datetime) -> int:
    """SEQUENCE grows with every export (minutes since 1970), so a re-import updates events."""
    return int(now.astimezone(UTC).timestamp() // 60)


def zoned_time(moment: datetime) -> datetime:
    """A flight time as the file writes it: in its own zone with a TZID, except the second
    occurrence of a time repeated when clocks go back, which a TZID time cannot express
    (RFC 5545 reads a repeated local time as its first occurrence): that one is written in UTC.
    """
    other = moment.replace(fold=1 - moment.fold)
    if moment.fold == 1 and other.utcoffset() != moment.utcoffset():
        return moment.astimezone(UTC)
    return moment


def _title(item: JourneyItem, discreet: bool) -> str:
    if discreet:
        if item.phase in {"admission", "monitoring"} and item.category is Category.PHASE:
            return "Hospital stay"
        return _DISCREET_TITLES[item.category]
    return item.title


def _location(journey: Journey, item: JourneyItem) -> str | None:
    request, city = journey.request, journey.city
    if item.category is Category.FLIGHT:
        return None
    if item.at_hospital or item.category is Category.ACCOMMODATION:
        parts = [
            request.hospital_name,
            request.hospital_name_zh,
            request.hospital_address,
            request.hospital_address_zh,
        ]
        place = ", ".join(p for p in parts if p)
        return place or city.label
    return None


def _description(journey: Journey, item: JourneyItem, discreet: bool, confirmed: bool, set_by_user: bool) -> str:
    if discreet:
        return journey.estimate_note
    lines = [item.description]
    if item.at_hospital and item.recurrence is None:
        label = journey.day_label(item.start)
        if label:
            lines.append(label if item.end == item.start else f"{label} to {journey.day_label(item.end)}")
    request = journey.request
    if item.at_hospital and request.hospital_phone:
        lines.append(f"Hospital phone: {request.hospital_phone}")
    if item.category is Category.CHECKLIST:
        lines.append("Done." if confirmed else "To do.")
    elif confirmed:
        lines.append("Confirmed by the hospital.")
    elif set_by_user:
        lines.append("Date set by you.")
    lines.append("")
    lines.append(journey.estimate_note)
    return "\n".join(lines)


def _alarm(item: JourneyItem, title: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Reminder: {title}")
    # 09:00 the day before a whole-day deadline; a day before a flight.
    alarm.add("trigger", timedelta(days=-1) if item.timed else timedelta(hours=-15))
    return alarm


def _event(journey: Journey, item: JourneyItem, options: ExportOptions) -> list[Event]:
    title = _title(item, options.discreet)
    common = {
        "uid": event_uid(item.key, options.plan_id),
        "stamp": options.now.astimezone(UTC),
        "sequence": sequence_number(options.now),
        "summary": title,
        "description": _description(journey, item, options.discreet, item.confirmed, item.user_moved),
        "transparency": "OPAQUE" if item.busy else "TRANSPARENT",
        "categories": [] if options.discreet else [item.category.value],
    }
    location = None if options.discreet else _location(journey, item)
    if location:
        common["location"] = location
    if item.timed:
        assert item.depart is not None
        assert item.arrive is not None
        event = Event.new(start=zoned_time(item.depart), end=zoned_time(item.arrive), **common)  # type: ignore[arg-type]
    else:
        event = Event.new(start=item.start, end=exclusive_end(item.end), **common)  # type: ignore[arg-type]
    if item.recurrence is not None:
        event.add("rrule", vRecur.from_ical(item.recurrence.rule))
    if item.deadline:
        event.add_component(_alarm(item, title))
    events = [event]
    for line in journey.occurrences_of(item):
        if not (line.moved or (line.confirmed and not item.confirmed)):
            continue
        # One visit the user moved or had confirmed: an override of that occurrence.
        override = {**common, "description": _description(journey, item, options.discreet, line.confirmed, line.moved)}
        events.append(Event.new(start=line.day, end=exclusive_end(line.day), recurrence_id=line.planned, **override))  # type: ignore[arg-type]
    return events


def export_ics(journey: Journey, options: ExportOptions) -> bytes:
    """The whole journey as one VCALENDAR, with a VTIMEZONE for every zone a flight uses."""
    name = options.calendar_name or ("Appointments" if options.discreet else f"CAR-T journey — {journey.city.name}")
    calendar = Calendar.new(prodid=PRODID, uid=options.plan_id)
    # Passed as vText so that commas, semicolons and newlines in a name are escaped.
    calendar.add("name", vText(name))
    calendar.add("x-wr-calname", vText(name))
    calendar.add("calscale", "GREGORIAN")
    timed = [item for item in journey.items if item.timed]
    zones: dict[str, list[datetime]] = {}
    for item in timed:
        for moment in (item.depart, item.arrive):
            assert moment is not None
            assert moment.tzinfo is not None
            zones.setdefault(str(moment.tzinfo), []).append(moment)
    for zone, moments in sorted(zones.items()):
        calendar.add_component(vtimezone(zone, min(moments), max(moments)))
    for item in (*journey.items, *options.checklist):
        for event in _event(journey, item, options):
            calendar.add_component(event)
    return calendar.to_ical()
