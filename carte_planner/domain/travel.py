"""Flight times across time zones: the one place that turns local departures into arrivals."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

CHINA_TZ = "Asia/Shanghai"


def local_datetime(day: date, at: time, zone: str) -> datetime:
    """A wall-clock time in a zone, made real.

    A time that daylight saving skips (02:30 on a spring-forward night) does not exist;
    the round trip through UTC moves it to the instant a clock on the wall would show.
    """
    naive = datetime.combine(day, at)
    aware = naive.replace(tzinfo=ZoneInfo(zone))
    return aware.astimezone(UTC).astimezone(ZoneInfo(zone))


def arrival_time(depart: datetime, hours: float, zone: str) -> datetime:
    """When a flight that leaves at `depart` and lasts `hours` lands, in the zone it lands in.

    Arithmetic on aware datetimes in Python is wall-clock arithmetic within one zone, which
    is wrong across a daylight-saving change: the sum is done in UTC.
    """
    landing = depart.astimezone(UTC) + timedelta(hours=hours)
    return landing.astimezone(ZoneInfo(zone))


def flight(day: date, at: time, from_zone: str, hours: float, to_zone: str) -> tuple[datetime, datetime]:
    """Departure and arrival of a flight leaving on `day` at `at`, local time of `from_zone`."""
    depart = local_datetime(day, at, from_zone)
    return depart, arrival_time(depart, hours, to_zone)


def flight_landing_by(
    latest_landing: date, at: time, from_zone: str, hours: float, to_zone: str
) -> tuple[datetime, datetime]:
    """The latest flight, leaving daily at `at`, that lands on or before `latest_landing`."""
    day = latest_landing
    while True:
        depart, arrive = flight(day, at, from_zone, hours, to_zone)
        if arrive.date() <= latest_landing:
            return depart, arrive
        day -= timedelta(days=1)
