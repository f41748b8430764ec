"""VTIMEZONE components that every client reads the same way.

icalendar's own generator lists many dates on one RDATE line (which some parsers read only
the first of), stops in 2038 and adds a COMMENT that strict validators reject. Here each
transition inside the plan's dates is its own STANDARD or DAYLIGHT component with a single
DTSTART, written in the local time before the change, as RFC 5545 §3.6.5 asks.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Component, Timezone, TimezoneDaylight, TimezoneStandard

_EPOCH_START = datetime(1970, 1, 1)


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta:
    offset = instant.astimezone(zone).utcoffset()
    assert offset is not None
    return offset


def _transitions(zone: ZoneInfo, start: datetime, end: datetime) -> list[datetime]:
    """UTC instants in [start, end) at which the zone's offset changes, to the second."""
    found = []
    step = timedelta(hours=12)
    here = start
    while here < end:
        nxt = here + step
        if _offset(zone, here) != _offset(zone, nxt):
            low, high = here, nxt
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if _offset(zone, middle) == _offset(zone, low):
                    low = middle
                else:
                    high = middle
            found.append(high.replace(microsecond=0))
        here = nxt
    return found


def _component(zone: ZoneInfo, onset: datetime, before: timedelta, after: datetime) -> Component:
    local = after.astimezone(zone)
    daylight = bool(local.dst())
    part: Component = TimezoneDaylight() if daylight else TimezoneStandard()
    part.add("dtstart", onset)
    part.add("tzoffsetfrom", before)
    part.add("tzoffsetto", local.utcoffset())
    part.add("tzname", local.tzname() or zone.key)
    return part


def vtimezone(name: str, first: datetime, last: datetime) -> Timezone:
    """A VTIMEZONE for `name` that is right for every instant from `first` to `last`."""
    zone = ZoneInfo(name)
    start = first.astimezone(UTC) - timedelta(days=2)
    end = last.astimezone(UTC) + timedelta(days=2)
    timezone = Timezone()
    timezone.add("tzid", name)
    initial = _offset(zone, start)
    # The offset in force when the range opens, valid "since 1970" for clients that look back.
    timezone.add_component(_component(zone, _EPOCH_START, initial, start))
    for change in _transitions(zone, start, end):
        before = _offset(zone, change - timedelta(seconds=1))
        onset = (change + before).replace(tzinfo=None)
        timezone.add_component(_component(zone, onset, before, change))
    return timezone
