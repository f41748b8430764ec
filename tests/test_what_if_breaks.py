"""What if: what a contingency breaks for the travellers and their errands, worked out by hand:
a caregiver's turn that no longer covers the round-the-clock window, a date now on a day the
offices close, a visa-free stay made longer than its policy allows."""

from datetime import date

from carte_planner.domain import TripRequest
from carte_planner.domain.contingency import WhatIf, request_after
from carte_planner.domain.people import Person, Role, Route, TeamRules, Turn, Visa
from carte_planner.domain.what_if import compare
from carte_planner.resources import load_protocol
from tests.journeys import TODAY, planned

# Monday 7 Sep 2026 in Shanghai; the plan's flight from Berlin lands on Sat 5 Sep.
START = date(2026, 9, 7)
ANNA = Person("Anna", Role.PATIENT, "DE", visa=Visa("S2", 90, "1"))


def comparison(request: TripRequest, what_if: WhatIf, today: date = TODAY):
    before = planned(request, today)
    return compare(before, planned(request_after(request, load_protocol(), what_if), today))


def broken(result) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in result.broken:
        found.setdefault(item.code, []).append(str(item.message_words))
    return found


def test_cells_two_weeks_late_push_the_round_the_clock_window_past_the_second_turn():
    # Boris 5 Sep–20 Oct, Chen 20 Oct–20 Nov: a one-day hand-over, no gap. Day 0 on 13 Oct,
    # round the clock to Day +28, 10 Nov. Manufacturing +14 days: Day 0 on 27 Oct, round the
    # clock to 24 Nov, four days after Chen flies home on 20 Nov with nobody to take over.
    boris = Person("Boris", Role.CAREGIVER, "FR", turns=(Turn(date(2026, 9, 5), date(2026, 10, 20)),))
    chen = Person("Chen", Role.CAREGIVER, "US", turns=(Turn(date(2026, 10, 20), date(2026, 11, 20)),))
    request = TripRequest(
        start=START,
        people=(ANNA, boris, chen),
        team=TeamRules(around_the_clock_until=28),
        home_tz="Europe/Berlin",
        home_country="DE",
    )
    result = comparison(request, WhatIf(delays=(("manufacturing", 14),)))
    assert result.before.coverage == ()
    assert result.after.day_zero == date(2026, 10, 27)
    gaps = [(gap.day, gap.reason) for gap in result.after.coverage]
    assert gaps == [
        (date(2026, 11, 20), "departure-without-hand-over"),
        *((date(2026, 11, day), "no-caregiver") for day in range(21, 25)),
    ]
    found = broken(result)
    assert found["caregiver-days-uncovered"] == ["Caregivers' turns now leave 5 days uncovered, from Fri 20 Nov 2026."]
    (coverage,) = found["caregiver-coverage"]
    assert "21 Nov 2026, 22 Nov 2026, 23 Nov 2026, 24 Nov 2026" in coverage
    assert "20 Nov 2026 (Chen)" in coverage


def test_a_screening_four_days_longer_moves_the_cells_collection_onto_a_sunday():
    # Beijing, first hospital day Mon 1 Mar 2027: screening to Wed 10 Mar ends with the
    # collection. Four days more: Sun 14 Mar, and the admission on Mon 5 Apr, Tomb-Sweeping Day.
    request = TripRequest(
        start=date(2027, 3, 1),
        city="beijing",
        home_tz="America/New_York",
        visa_stay_days=51,
        phase_days=(("outpatient", 41),),
    )
    result = comparison(request, WhatIf(delays=(("screening", 4),)), date(2026, 11, 28))
    closed = {item.item_key: str(item.message_words) for item in result.broken if item.code == "closed-day"}
    assert result.before.item("milestone:leukapheresis").start == date(2027, 3, 10)
    assert closed["milestone:leukapheresis"].startswith(
        "Leukapheresis (cell collection): Sun 14 Mar 2027 is a closed day for most offices in China (Sunday)."
    )
    assert closed["milestone:admission"].startswith("Hospital admission: Mon 05 Apr 2027 is a closed day")
    # A closed day the plan already had is not the question's doing.
    before_closed = {n.item_key for n in result.before.notices if n.code == "closed-day"}
    assert not before_closed & set(closed)


def test_a_longer_recovery_makes_a_visa_free_stay_too_long():
    # Short phases: arrival Sat 5 Sep 2026, return Tue 29 Sep, 25 days in China for Boris,
    # who flies with the patient on the 30-day visa-free route. A week's longer recovery:
    # home on Tue 6 Oct, 32 days.
    boris = Person("Boris", Role.CAREGIVER, "FR", route=Route.VISA_FREE)
    request = TripRequest(
        start=START,
        people=(ANNA, boris),
        home_tz="Europe/Berlin",
        home_country="DE",
        phase_days=(("screening", 3), ("manufacturing", 7), ("admission", 10), ("monitoring", 3), ("outpatient", 3)),
    )
    result = comparison(request, WhatIf(delays=(("recovery", 7),)))
    assert "visa-free-too-long" not in [n.code for n in result.before.notices]
    assert result.after.summary.return_date == date(2026, 10, 6)
    (too_long,) = broken(result)["visa-free-too-long"]
    assert too_long.startswith(
        "Boris's stay from 05 Sep 2026 to 06 Oct 2026 is 32 days, longer than the policy allows."
    )
    assert "return-flight-moved" in broken(result)
