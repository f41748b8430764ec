"""Follow-up visits at home move off the days the home country's clinics close, and say so."""

import json
from datetime import UTC, date, datetime
from functools import partial

import vobject

from carte_planner.export.agenda import journey_json, journey_text
from carte_planner.export.ics import ExportOptions, export_ics
from tests.journeys import planned_trip

plan = partial(planned_trip, home_tz="America/New_York")


def test_a_visit_on_martin_luther_king_day_moves_to_the_tuesday():
    # First hospital day Thu 27 Aug 2026: the weekly first visits at home run from Mon 14 Dec 2026,
    # the sixth on Mon 18 Jan 2027, Martin Luther King Jr. Day.
    journey = plan(date(2026, 8, 27))
    early = journey.item("followup:early")
    assert early.recurrence.dates[-1] == date(2027, 1, 18)
    assert early.shifted == ((date(2027, 1, 18), date(2027, 1, 19)),)
    assert [line.day for line in journey.occurrences_of(early)][-1] == date(2027, 1, 19)
    assert "Mon 18 Jan 2027 (Martin Luther King Jr. Day) → Tue 19 Jan 2027" in early.description
    assert "Check the date with the home medical team" in early.description
    line = next(line for line in journey_text(journey).splitlines() if line.startswith("  Tue 19 Jan 2027"))
    assert "date set by you" not in line
    data = json.loads(journey_json(journey))
    series = next(item for item in data["items"] if item["key"] == "followup:early")
    assert "2027-01-19" in series["recurrence"]["dates"]
    assert series["recurrence"]["shifted"] == {"2027-01-18": "2027-01-19"}
    assert series["recurrence"]["moved"] == {}
    calendar = vobject.readOne(export_ics(journey, ExportOptions("plan-1", datetime(2026, 6, 1, tzinfo=UTC))).decode())
    days = {event.dtstart.value for event in calendar.vevent_list if event.summary.value.startswith("Early follow-up")}
    assert date(2027, 1, 19) in days


def test_a_monthly_visit_on_a_weekend_moves_to_the_monday():
    journey = plan(date(2026, 9, 1))
    monthly = journey.item("followup:monthly")
    # Day 0 on the 7th: Sun 7 Feb 2027 and Sun 7 Mar 2027 become Mondays.
    assert (date(2027, 2, 7), date(2027, 2, 8)) in monthly.shifted
    assert all(day.weekday() < 5 for _, _, day in monthly.occurrence_dates())


def test_a_date_the_family_sets_wins_over_the_move():
    first = plan(date(2026, 8, 27))
    number = len(first.item("followup:early").recurrence.dates)
    journey = plan(date(2026, 8, 27), moved=((f"followup:early#{number}", date(2027, 1, 20)),))
    line = journey.occurrences_of(journey.item("followup:early"))[-1]
    assert line.day == date(2027, 1, 20)
    assert line.set_by_user
