"""The return date as odds, from the phase ranges (triangular, independent: assumed)."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from carte_planner.domain import TripRequest
from carte_planner.domain.return_odds import return_odds
from carte_planner.resources import load_protocol
from tests.journeys import TODAY, planned

PHASES = ("screening", "manufacturing", "admission", "monitoring", "outpatient")


def confirmed(request: TripRequest, *keys: str) -> TripRequest:
    for key in keys:
        request = request.with_confirmed(f"phase:{key}", True)
    return request


BASE = TripRequest(start=date(2027, 3, 1), city="beijing", home_tz="America/New_York", visa_stay_days=51)


def test_only_screening_open_gives_the_percentiles_worked_out_by_hand():
    # Screening 7–14 days, most often 10: weights 1,2,3,4 (7–10 days) over 4 and 4,3,2,1 (11–14)
    # over 5, in all 4.5. Cumulative: 10 days 0.556, 11 days 0.733, 12 days 0.867, 13 days 0.956.
    # The plan (10 days) returns on 8 Jun: P50 8 Jun, P80 10 Jun, P95 11 Jun.
    request = confirmed(BASE.with_phase_length("outpatient", 41), "manufacturing", "admission", "monitoring")
    journey = planned(request, TODAY)
    assert journey.summary.return_date == date(2027, 6, 8)
    odds = return_odds(journey, load_protocol())
    assert (odds.p50, odds.p80, odds.p95) == (date(2027, 6, 8), date(2027, 6, 10), date(2027, 6, 11))
    assert (odds.earliest, odds.latest) == (date(2027, 6, 5), date(2027, 6, 12))
    # Every outcome stays longer than the visa's 51 days.
    assert odds.extension_needed_share == 1.0


def test_every_phase_confirmed_gives_one_date():
    journey = planned(confirmed(BASE, *PHASES), TODAY)
    odds = return_odds(journey, load_protocol())
    assert odds.p50 == odds.p80 == odds.p95 == journey.summary.return_date
    assert odds.fixed == tuple(sorted(PHASES))


def test_a_long_visa_needs_no_extension_in_most_outcomes():
    journey = planned(TripRequest(start=date(2027, 3, 1), visa_stay_days=120), TODAY)
    odds = return_odds(journey, load_protocol())
    assert 0 < odds.extension_needed_share < 0.5


def test_the_same_plan_gives_the_same_odds_every_time():
    journey = planned(BASE, TODAY)
    assert return_odds(journey, load_protocol()) == return_odds(planned(BASE, TODAY), load_protocol())


def test_the_assumption_is_stated():
    odds = return_odds(planned(BASE, TODAY), load_protocol())
    assert str(odds.assumption_words).startswith("Assumed:")
    assert "independently" in str(odds.assumption_words)
    assert "Keep the return ticket changeable between" in str(odds.advice_words)


@settings(max_examples=40, deadline=None)
@given(
    lengths=st.fixed_dictionaries({key: st.one_of(st.none(), st.integers(1, 60)) for key in PHASES}),
    fixed=st.sets(st.sampled_from(PHASES)),
)
def test_percentiles_are_in_order_and_within_the_shortest_and_longest_returns(lengths, fixed):
    request = BASE
    for key, days in lengths.items():
        request = request.with_phase_length(key, days)
    journey = planned(confirmed(request, *fixed), TODAY)
    odds = return_odds(journey, load_protocol())
    low, high = journey.summary.return_range
    assert low <= odds.earliest <= odds.p50 <= odds.p80 <= odds.p95 <= odds.latest <= high
    assert 0 <= odds.extension_needed_share <= 1


def test_plan_json_gains_the_return_odds(capsys):
    import json

    from carte_planner.cli import main

    argv = ["plan", "--start", "2027-03-01", "--city", "beijing", "--home-tz", "America/New_York"]
    argv += ["--visa-stay-days", "51", "--phase", "outpatient=41", "--today", "2026-11-28", "--format", "json"]
    for key in ("manufacturing", "admission", "monitoring"):
        argv += ["--confirm", f"phase:{key}"]
    assert main(argv) == 0
    odds = json.loads(capsys.readouterr().out)["return_odds"]
    assert (odds["p50"], odds["p80"], odds["p95"]) == ("2027-06-08", "2027-06-10", "2027-06-11")
    assert odds["extension_needed_share"] == 1.0
    assert odds["assumed"] is True
    assert odds["assumption"].startswith("Assumed:")
