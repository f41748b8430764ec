"""The journey as a calendar server stores it: one small VCALENDAR per event UID.

CalDAV (RFC 4791 §4.1) keeps each event, with the overrides of its series, in a resource of its
own, without METHOD, and each resource must carry the VTIMEZONEs its own times name. The
events are the very ones the calendar file holds (`journey_events`), so a published calendar
and an imported file never disagree.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from icalendar import Calendar, Component, Event

from carte_planner.domain.journey import Journey
from carte_planner.export.ics import DISCREET_PRODID, PRODID, ExportOptions, add_timezones, journey_events

# Properties that change on every write without the event changing: a re-publish that only
# moves these is "unchanged", and a server that rewrites them has not been edited by a person.
_VOLATILE = frozenset({"DTSTAMP", "SEQUENCE", "LAST-MODIFIED", "CREATED"})


@dataclass(frozen=True)
class CalendarObject:
    """One event resource: its UID, the bytes to store, what it says (see content_fingerprint),
    its title for messages, and the first day it is on."""

    uid: str
    data: bytes
    fingerprint: str
    title: str
    day: date


def resource_name(uid: str) -> str:
    """The resource's file name on the server, from the UID alone: publishing again, or
    finishing an interrupted publish, finds the same resource instead of making a duplicate."""
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in uid)
    return f"{safe}.ics"


def calendar_object(events: list[Event], discreet: bool) -> bytes:
    """A VCALENDAR holding the events of one UID and the VTIMEZONEs they name."""
    calendar = Calendar()
    calendar.add("prodid", DISCREET_PRODID if discreet else PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    add_timezones(calendar, events)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def _component_content(component: Component) -> list[object]:
    properties = sorted(
        (name, value.to_ical().decode("utf-8", "replace") if hasattr(value, "to_ical") else str(value))
        for name, values in component.items()
        if name not in _VOLATILE and not name.startswith("X-")
        for value in (values if isinstance(values, list) else [values])
    )
    return [component.name, properties, [_component_content(sub) for sub in component.subcomponents]]


def content_fingerprint(data: bytes) -> str:
    """What the events of a resource say, read back from its text: the same for a copy that a
    server re-serialised or stamped anew, different as soon as a title, a time, a rule or a
    reminder changes. Raises ValueError for text that is not a calendar."""
    calendar = Calendar.from_ical(data)
    events = sorted(
        (_component_content(event) for event in calendar.walk("VEVENT")),
        key=lambda content: json.dumps(content, ensure_ascii=False),
    )
    return hashlib.sha256(json.dumps(events, ensure_ascii=False).encode()).hexdigest()


def calendar_objects(
    journey: Journey, options: ExportOptions, previous_sequence: int
) -> tuple[int, list[CalendarObject]]:
    """One resource per event UID, and the SEQUENCE they carry (above `previous_sequence`)."""
    events = journey_events(journey, options, previous_sequence)
    objects = []
    for uid, group in events.by_uid.items():
        data = calendar_object(group, options.discreet)
        title = str(group[0].get("summary", ""))
        objects.append(CalendarObject(uid, data, content_fingerprint(data), title, events.first_days[uid]))
    return events.sequence, objects
