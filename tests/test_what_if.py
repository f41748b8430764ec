"""What if: each contingency on a fixed plan, its moved dates and what it breaks worked out by hand.

The plan: first hospital day Mon 1 Mar 2027 in Beijing, a 51-day visa, typical phases with
41 days of outpatient follow-up. Screening 1–10 Mar, manufacturing 11–31 Mar, admission 1 Apr,
Day 0 on 6 Apr (5 days after admission), discharge 27 Apr, fit-to-fly 7 Jun, return 8 Jun.
Arrival 27 Feb: 102 days in China, exactly the visa's 51 days and one extension of 51."""

from datetime import date

import pytest

from carte_planner.domain import PlanInputError, TripRequest
from carte_planner.domain.contingency import WhatIf, request_after
from carte_planner.domain.eligibility import go_no_go, not_eligible
from carte_planner.domain.what_if import compare
from carte_planner.resources import load_protocol
from tests.journeys import TODAY, planned

REQUEST = TripRequest(
    start=date(2027, 3, 1),
    city="beijing",
    home_tz="America/New_York",
    visa_stay_days=51,
    phase_days=(("outpatient", 41),),
)


@pytest.fixture(scope="module")
def before():
    return planned(REQUEST, TODAY)


def after(what_if: WhatIf):
    return planned(request_after(REQUEST, load_protocol(), what_if), TODAY)


def moved(before, what_if: WhatIf) -> dict[str, tuple[date | None, date | None]]:
    comparison = compare(before, after(what_if), what_if.transplant_days if what_if.transplant_at_home else 0)
    return {move.key: (move.old, move.new) for move in comparison.moved}


def test_the_fixed_plan_is_as_worked_out(before):
    assert before.item("milestone:infusion").start == date(2027, 4, 6)
    assert before.item("flight:return").start == date(2027, 6, 8)
    assert before.summary.days_in_china == 102
    assert "visa-stay-too-long" not in [n.code for n in before.notices]


def test_screening_four_days_longer_moves_everything_after_it(before):
    moves = moved(before, WhatIf(delays=(("screening", 4),)))
    assert moves["phase:manufacturing"] == (date(2027, 3, 11), date(2027, 3, 15))
    assert moves["milestone:infusion"] == (date(2027, 4, 6), date(2027, 4, 10))
    assert moves["flight:return"] == (date(2027, 6, 8), date(2027, 6, 12))
    assert moves["followup:early#1"][0] == date(2027, 6, 15)
    # Its first day stays: it is listed by its last day, which moves.
    assert moves["phase:screening"] == (date(2027, 3, 10), date(2027, 3, 14))
    assert "flight:outbound" not in moves


def test_manufacturing_two_weeks_late_breaks_the_visa_that_fitted_exactly(before):
    comparison = compare(before, after(WhatIf(delays=(("manufacturing", 14),))))
    moves = {move.key: (move.old, move.new) for move in comparison.moved}
    assert moves["milestone:admission"] == (date(2027, 4, 1), date(2027, 4, 15))
    assert moves["milestone:infusion"] == (date(2027, 4, 6), date(2027, 4, 20))
    assert moves["flight:return"] == (date(2027, 6, 8), date(2027, 6, 22))
    # The stay ends 14 days later: 22 Jun, not 8 Jun.
    assert moves["stay:accommodation"] == (date(2027, 6, 8), date(2027, 6, 22))
    codes = {(b.code, b.item_key) for b in comparison.broken}
    assert ("visa-stay-too-long", "visa:extension:1") in codes
    # 51 + 51 days end on 18 Apr + 51 = 8 Jun; the next extension is due 7 days before.
    assert moves["visa:extension2:1"] == (None, date(2027, 6, 1))
    assert ("extension-needed", "visa:extension2:1") in codes
    assert ("residence-permit-needed", None) in codes
    assert ("return-flight-moved", "flight:return") in codes
    assert comparison.lodging_nights == (101, 115)
    lodging = next(b for b in comparison.broken if b.code == "lodging-nights-added")
    assert str(lodging.message_words) == "Lodging nights: 101 → 115 (+14)."


def test_cells_collected_again_add_a_leukapheresis_day_and_a_second_manufacturing(before):
    moves = moved(before, WhatIf(recollect=True))
    # 21 days of manufacturing, 1 day to collect the cells again, 21 days again: 22 days later.
    assert moves["milestone:admission"] == (date(2027, 4, 1), date(2027, 4, 23))
    assert moves["milestone:infusion"] == (date(2027, 4, 6), date(2027, 4, 28))
    assert moves["flight:return"] == (date(2027, 6, 8), date(2027, 6, 30))


def test_an_infusion_three_days_late_keeps_the_admission_day(before):
    moves = moved(before, WhatIf(delays=(("infusion", 3),)))
    assert "milestone:admission" not in moves
    assert moves["milestone:infusion"] == (date(2027, 4, 6), date(2027, 4, 9))
    assert moves["milestone:discharge"] == (date(2027, 4, 27), date(2027, 4, 30))
    assert moves["flight:return"] == (date(2027, 6, 8), date(2027, 6, 11))


def test_an_infusion_later_than_the_day_zero_offset_allows_is_dated_itself(before):
    request = request_after(REQUEST, load_protocol(), WhatIf(delays=(("infusion", 28),)))
    assert request.moved_date("milestone:infusion") == date(2027, 5, 4)  # 1 Apr + 5 + 28
    journey = planned(request, TODAY)
    assert journey.item("milestone:infusion").start == date(2027, 5, 4)
    assert journey.item("flight:return").start == date(2027, 7, 6)


def test_a_readmission_and_a_longer_recovery_delay_the_fit_to_fly_check(before):
    moves = moved(before, WhatIf(readmission_days=10))
    assert "milestone:discharge" not in moves
    assert moves["milestone:fit-to-fly"] == (date(2027, 6, 7), date(2027, 6, 17))
    assert moves["flight:return"] == (date(2027, 6, 8), date(2027, 6, 18))
    moves = moved(before, WhatIf(delays=(("recovery", 5),)))
    assert moves["flight:return"] == (date(2027, 6, 8), date(2027, 6, 13))


def test_a_donor_transplant_at_the_hospital_keeps_the_family_there(before):
    moves = moved(before, WhatIf(transplant_days=30))
    assert moves["flight:return"] == (date(2027, 6, 8), date(2027, 7, 8))


def test_a_donor_transplant_at_home_moves_nothing_and_names_the_visits_in_its_days(before):
    comparison = compare(before, after(WhatIf(transplant_days=30, transplant_at_home=True)), 30)
    assert comparison.moved == ()
    assert comparison.transplant_at_home == (date(2027, 6, 9), date(2027, 7, 8))
    # Early visits at home weekly from 15 Jun: 15, 22, 29 Jun and 6 Jul fall in the 30 days.
    assert [b.item_key for b in comparison.broken] == [f"followup:early#{n}" for n in (1, 2, 3, 4)]


def test_the_familys_request_is_not_changed():
    what_if = WhatIf(delays=(("manufacturing", 14), ("infusion", 2)), recollect=True, readmission_days=3)
    copy = TripRequest(**{name: getattr(REQUEST, name) for name in REQUEST.__dataclass_fields__})
    request_after(REQUEST, load_protocol(), what_if)
    assert copy == REQUEST


def test_a_contingency_out_of_its_limits_is_refused_in_words():
    with pytest.raises(PlanInputError, match="must be one of screening, manufacturing, infusion, recovery"):
        WhatIf(delays=(("lunch", 3),))
    with pytest.raises(PlanInputError, match="between 1 and 180"):
        WhatIf(delays=(("manufacturing", 0),))
    with pytest.raises(PlanInputError, match="between 0 and 180"):
        WhatIf(readmission_days=-2)


def test_eligibility_is_known_at_the_end_of_screening_and_later_bookings_stay_changeable(before):
    point = go_no_go(before)
    assert point.decision_day == date(2027, 3, 10)
    keys = [item.key for item in point.keep_changeable]
    assert "flight:return" in keys
    assert "stay:accommodation" in keys
    assert "flight:outbound" not in keys


def test_not_eligible_the_return_follows_screening(before):
    path = not_eligible(before)
    assert path.earliest_return == date(2027, 3, 11)
    assert (path.nights_needed, path.nights_planned) == (12, 101)  # 27 Feb to 11 Mar
    cancelled = {item.key for item in path.cancelled}
    assert {"milestone:infusion", "phase:admission", "visits:outpatient", "followup:early"} <= cancelled
    assert any(key.startswith("followup:") for key in cancelled)
    assert "visa:extension:1" in cancelled
    assert "visa:registration:1" not in cancelled  # done on arrival
    assert "flight:return" not in cancelled  # it moves, to the earliest return
