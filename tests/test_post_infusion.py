"""The phases after the infusion follow the guide: the critical monitoring begins on Day 0, and
the days in hospital after it stay within the guide's 2-4 weeks unless the family sets more."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from carte_planner.domain import Scenario, TripRequest
from carte_planner.resources import load_cities
from tests.journeys import planned

CITIES = [city.key for city in load_cities()]
NAMES = ("Ana", "Luis", "Mei", "Omar")


def inpatient_days_after_day_zero(journey) -> int:
    return (journey.item("milestone:discharge").start - journey.day_zero).days


@settings(max_examples=80, deadline=None)
@given(
    start=st.dates(min_value=date(2026, 1, 1), max_value=date(2035, 12, 31)),
    city=st.sampled_from(CITIES),
    travellers=st.integers(1, 4),
    go_home=st.booleans(),
    scenario=st.sampled_from(list(Scenario)),
)
def test_inpatient_days_after_day_zero_lie_within_the_guide(start, city, travellers, go_home, scenario):
    request = TripRequest(
        start=start,
        city=city,
        travellers=NAMES[:travellers],
        go_home=go_home,
        scenario=scenario,
        home_tz="Europe/Berlin",
    )
    journey = planned(request, start - timedelta(days=90))
    monitoring = journey.item("phase:monitoring")
    assert monitoring.start == journey.day_zero
    assert journey.item("phase:admission").end == journey.day_zero - timedelta(days=1)
    assert 14 <= inpatient_days_after_day_zero(journey) <= 28
    assert "phase-outside-range" not in [n.code for n in journey.notices]


def test_the_longest_scenario_keeps_the_patient_28_days_after_the_infusion():
    # Longest: admission Mon 12 Apr 2027 (after 14 + 28 days), Day 0 five days later, Sat 17 Apr.
    journey = planned(TripRequest(start=date(2027, 3, 1), scenario=Scenario.LONGEST, home_tz="Europe/Berlin"))
    assert journey.day_zero == date(2027, 4, 17)
    assert journey.item("phase:monitoring").start == date(2027, 4, 17)
    assert journey.item("milestone:discharge").start == date(2027, 5, 15)
    assert journey.day_label(date(2027, 5, 15)) == "Day +28"


def test_a_longer_stay_the_family_sets_is_kept_and_flagged():
    journey = planned(TripRequest(start=date(2027, 3, 1), phase_days=(("monitoring", 35),), home_tz="Europe/Berlin"))
    assert inpatient_days_after_day_zero(journey) == 35
    warning = next(n for n in journey.warnings if n.code == "phase-outside-range")
    assert "35 days" in warning.message
    assert "2–4 weeks" in warning.message
