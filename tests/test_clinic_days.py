"""Hospital days on a closed day are flagged, never moved; a return flight planned the day after
a check on a closed day says so."""

from datetime import date
from functools import partial

from tests.journeys import planned_trip

plan = partial(planned_trip, home_tz="Europe/Berlin")


def flags(journey, key):
    return [n.message for n in journey.notices if n.code == "closed-day" and n.item_key == key]


def test_leukapheresis_on_national_day_is_flagged_not_moved():
    # First hospital day Tue 22 Sep 2026; 10 days of screening end on Thu 1 Oct, National Day.
    journey = plan(date(2026, 9, 22))
    leukapheresis = journey.item("milestone:leukapheresis")
    assert leukapheresis.start == date(2026, 10, 1)
    (message,) = flags(journey, "milestone:leukapheresis")
    assert "National Day" in message
    assert "check this date with the hospital" in leukapheresis.description


def test_a_fit_to_fly_check_on_new_years_day_is_flagged_and_the_return_flight_says_so():
    # First hospital day Thu 24 Sep 2026: the typical fit-to-fly check is Fri 1 Jan 2027.
    journey = plan(date(2026, 9, 24))
    check = journey.item("milestone:fit-to-fly")
    assert check.start == date(2027, 1, 1)
    (message,) = flags(journey, "milestone:fit-to-fly")
    assert "New Year's Day (provisional: check the official holiday notice for 2027)" in message
    flight = journey.item("flight:return")
    assert flight.depart.date() == date(2027, 1, 2)
    assert "The fit-to-fly check before this flight is planned on Fri 01 Jan 2027" in flight.description
    assert "book a ticket you can change" in flight.description


def test_a_fit_to_fly_check_on_an_open_day_leaves_the_flight_alone():
    journey = plan(date(2026, 9, 21))
    assert journey.item("milestone:fit-to-fly").start == date(2026, 12, 29)
    assert not flags(journey, "milestone:fit-to-fly")
    assert "fit-to-fly check before this flight" not in journey.item("flight:return").description


def test_a_fit_to_fly_check_on_a_sunday_is_flagged():
    journey = plan(date(2026, 10, 3))
    check = journey.item("milestone:fit-to-fly")
    assert check.start == date(2027, 1, 10)
    assert check.start.weekday() == 6
    assert any("Sunday" in message for message in flags(journey, "milestone:fit-to-fly"))
