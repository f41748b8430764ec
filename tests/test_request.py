"""The request refuses out-of-range values with a message naming the field."""

from datetime import date, time

import pytest

from carte_planner.domain import PlanInputError, Scenario, TripRequest


def test_defaults_are_those_of_the_design():
    request = TripRequest(start=date(2027, 3, 1))
    assert request.city == "shanghai"
    assert request.scenario is Scenario.TYPICAL
    assert request.flight_hours == 12
    assert request.departure_time == time(10, 0)
    assert request.arrive_days_before == 2
    assert request.go_home is False
    assert request.visa_stay_days == 30
    assert request.followup_years == 5
    assert len(request.travellers) == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start": date(1999, 12, 31)}, "start date"),
        ({"start": date(2101, 1, 1)}, "start date"),
        ({"flight_hours": 0.5}, "flight length (hours)"),
        ({"flight_hours": 41}, "flight length (hours)"),
        ({"flight_hours": float("nan")}, "flight length (hours)"),
        ({"arrive_days_before": 15}, "days to arrive before the start"),
        ({"arrive_days_before": -1}, "days to arrive before the start"),
        ({"followup_years": 21}, "follow-up years"),
        ({"visa_stay_days": 0}, "visa's permitted stay (days)"),
        ({"travellers": ()}, "travellers"),
        ({"travellers": tuple("abcdefg")}, "travellers"),
        ({"travellers": ("",)}, "travellers"),
        ({"home_tz": "Mars/Olympus"}, "home time zone"),
        ({"home_tz": ""}, "home time zone"),
        ({"scenario": "quickest"}, "scenario"),
        ({"phase_days": (("screening", 0),)}, "length of phase 'screening'"),
        ({"phase_days": (("screening", 366),)}, "length of phase 'screening'"),
        ({"phase_days": (("screening", True),)}, "length of phase 'screening'"),
        ({"city": " "}, "city"),
    ],
)
def test_out_of_range_is_refused_naming_the_field(changes, field):
    with pytest.raises(PlanInputError) as caught:
        TripRequest(**{"start": date(2027, 3, 1), **changes})
    assert caught.value.field == field
    assert field in str(caught.value)


def test_edits_return_new_requests():
    request = TripRequest(start=date(2027, 3, 1))
    longer = request.with_phase_length("screening", 12)
    assert longer.phase_length("screening") == 12
    assert request.phase_length("screening") is None
    assert longer.with_phase_length("screening", None) == request
    moved = request.with_moved("prep:records", date(2027, 1, 2))
    assert moved.moved_date("prep:records") == date(2027, 1, 2)
    assert request.with_confirmed("phase:screening", True).confirmed == {"phase:screening"}


def test_scenario_accepts_its_text():
    assert TripRequest(start=date(2027, 3, 1), scenario="longest").scenario is Scenario.LONGEST
