"""A moved deadline names the holiday that closes the office, and deadlines with papers to
prepare remind a week ahead and the day before."""

from datetime import UTC, date, datetime, timedelta
from functools import partial

import vobject

from carte_planner.export.ics import ExportOptions, export_ics
from tests.journeys import planned_trip

plan = partial(planned_trip, home_tz="Europe/Berlin")


def test_a_deadline_on_the_weekend_after_the_spring_festival_names_the_festival():
    # Arrival Sat 23 Jan 2027: the stay ends Sun 21 Feb, the extension is due Sun 14 Feb. The
    # office is closed from New Year's Eve (Fri 5 Feb) to that Sunday: Thu 4 Feb, and the reason
    # is the festival, not "Sunday".
    journey = plan(date(2027, 1, 25))
    assert journey.summary.arrival == date(2027, 1, 23)
    extension = journey.item("visa:extension:1")
    assert extension.start == date(2027, 2, 4)
    assert (
        "before Sun 14 Feb 2027 (Chinese New Year's Eve; Chinese New Year (Spring Festival) "
        "(provisional: check the official holiday notice for 2027))" in extension.description
    )
    assert "(Sunday)" not in extension.description


def test_a_plain_weekend_is_still_named_as_such():
    # The last permitted day is Sun 28 Mar 2027; due Sun 21 Mar: Fri 19 Mar, "Sunday".
    journey = plan(date(2027, 3, 1), home_tz="America/New_York")
    assert journey.item("visa:extension:1").start == date(2027, 3, 19)
    assert "(Sunday)" in journey.item("visa:extension:1").description


def triggers(event) -> list[timedelta]:
    return sorted((alarm.trigger.value for alarm in event.valarm_list), reverse=True)


def test_visa_and_extension_deadlines_remind_a_week_and_a_day_before():
    journey = plan(date(2027, 3, 1))
    calendar = vobject.readOne(export_ics(journey, ExportOptions("plan-1", datetime(2027, 1, 1, tzinfo=UTC))).decode())
    events = {event.summary.value: event for event in calendar.vevent_list}
    week, day = timedelta(days=-7, hours=9), timedelta(hours=-15)
    assert triggers(events["Apply for a stay extension — Patient"]) == [day, week]
    assert triggers(events["Apply for the visa — Caregiver"]) == [day, week]
    # 09:00 seven days before, and 09:00 the day before.
    extension = events["Apply for a stay extension — Patient"].dtstart.value
    assert datetime.combine(extension, datetime.min.time()) + week == datetime.combine(
        extension - timedelta(days=7), datetime.min.time().replace(hour=9)
    )
    # Other deadlines keep one reminder.
    assert triggers(events["Book flights and accommodation"]) == [day]
