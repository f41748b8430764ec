"""The planner lays out the journey of DESIGN §2 from a request."""

import itertools
from datetime import date, datetime, time, timedelta
from functools import partial
from zoneinfo import ZoneInfo

import pytest

from carte_planner.domain import Category, PlanInputError, Scenario, TripRequest
from carte_planner.resources import load_protocol
from tests.journeys import planned, planned_trip

START = date(2027, 3, 1)
PHASES = ["screening", "manufacturing", "admission", "monitoring", "outpatient"]


plan = partial(planned_trip, home_tz="Europe/Berlin")


def phase_items(journey):
    return [journey.item(f"phase:{key}") for key in PHASES]


@pytest.mark.parametrize("scenario", list(Scenario))
def test_phases_follow_each_other_with_the_scenario_lengths(scenario):
    journey = plan(scenario=scenario)
    protocol = load_protocol()
    phases = phase_items(journey)
    assert phases[0].start == START
    for before, after in itertools.pairwise(phases):
        assert after.start == before.end + timedelta(days=1)
    for item, spec in zip(phases, protocol.phases, strict=True):
        expected = {"shortest": spec.min_days, "typical": spec.typical_days, "longest": spec.max_days}[scenario]
        if spec.key == "admission":
            # The days before the infusion: Day 0 is 5 days after admission (an assumption).
            assert item.days == 5
            assert item.end == journey.day_zero - timedelta(days=1)
        elif spec.key == "monitoring":
            # The critical period begins on Day 0; its length is the inpatient days after it.
            assert item.start == journey.day_zero
            assert (item.end - journey.day_zero).days == expected
        else:
            assert item.days == expected


def test_typical_plan_dates_a_patient_reads():
    journey = plan()
    assert journey.item("milestone:leukapheresis").start == date(2027, 3, 10)
    assert journey.item("milestone:admission").start == date(2027, 4, 1)
    assert journey.day_zero == date(2027, 4, 6)
    assert journey.item("milestone:infusion").start == journey.day_zero
    assert journey.day_label(date(2027, 4, 1)) == "Day \u22125"
    assert journey.day_label(date(2027, 4, 6)) == "Day 0"
    assert journey.day_label(date(2027, 4, 18)) == "Day +12"
    assert journey.day_label(date(2027, 3, 31)) == ""
    chemo = journey.item("milestone:chemotherapy")
    assert (chemo.start, chemo.end) == (date(2027, 4, 1), date(2027, 4, 3))
    # Monitoring from Day 0 (Tue 6 Apr) to Day +21 (Tue 27 Apr), then 42 days of outpatient
    # follow-up from Wed 28 Apr to Tue 8 Jun.
    monitoring = journey.item("phase:monitoring")
    assert (monitoring.start, monitoring.end) == (date(2027, 4, 6), date(2027, 4, 27))
    assert journey.item("milestone:discharge").start == date(2027, 4, 27)
    assert journey.day_label(date(2027, 4, 27)) == "Day +21"
    assert journey.item("milestone:fit-to-fly").start == date(2027, 6, 8)
    assert journey.summary.clearance == date(2027, 6, 8)
    assert journey.summary.return_date == date(2027, 6, 9)
    assert journey.summary.inpatient_days == 27


def test_clearance_range_spans_shortest_to_longest_and_is_computed_not_quoted():
    journey = plan()
    low, high = journey.summary.clearance_range
    # Shortest: 7 + 14 days, Day 0 five days after admission, 14 days after it, 28 outpatient.
    assert low == START + timedelta(days=7 + 14 + 5 + 14 + 28)
    # Longest: 14 + 28 days, Day 0 five days after admission, 28 days after it, 56 outpatient.
    assert high == START + timedelta(days=14 + 28 + 5 + 28 + 56)
    assert low <= journey.summary.clearance <= high
    assert journey.summary.return_range == (low + timedelta(days=1), high + timedelta(days=1))


def test_changing_a_phase_moves_everything_after_it():
    before = plan()
    after = plan(phase_days=(("manufacturing", 28),))
    assert after.item("phase:screening") == before.item("phase:screening")
    shift = timedelta(days=7)
    for key in ["phase:admission", "milestone:infusion", "milestone:fit-to-fly", "phase:outpatient"]:
        assert after.item(key).start == before.item(key).start + shift
    assert after.item("flight:return").depart == before.item("flight:return").depart + shift
    assert (
        after.item("visits:outpatient").recurrence.dates[0]
        == before.item("visits:outpatient").recurrence.dates[0] + shift
    )


def test_user_length_beats_the_scenario_and_outside_the_seed_range_is_flagged():
    journey = plan(scenario=Scenario.SHORTEST, phase_days=(("monitoring", 40),), visa_stay_days=90)
    monitoring = journey.item("phase:monitoring")
    assert (monitoring.start, monitoring.end) == (journey.day_zero, journey.day_zero + timedelta(days=40))
    assert [n.code for n in journey.warnings] == ["phase-outside-range"]
    assert "40 days" in journey.warnings[0].message


def test_preparation_is_dated_backwards_from_the_start():
    journey = plan()
    protocol = load_protocol()
    for step in protocol.preparation:
        key = f"prep:{step.key}:1" if step.per_traveller else f"prep:{step.key}"
        assert journey.item(key).start == START - timedelta(days=step.days_before_start)
    departure = journey.item("flight:outbound").depart.date()
    assert all(item.start < departure for item in journey.items if item.key.startswith("prep:"))


def test_per_traveller_items_repeat_for_each_traveller():
    journey = plan(travellers=("Ana", "Luis", "Marta"))
    visas = [item for item in journey.items if item.key.startswith("prep:visa:")]
    assert [item.traveller for item in visas] == ["Ana", "Luis", "Marta"]
    assert all(item.deadline for item in visas)
    assert "Seats for 3" in journey.item("flight:outbound").description


def test_a_date_before_today_is_a_warning_not_an_error():
    journey = plan(today=START - timedelta(days=30))
    past = [n for n in journey.warnings if n.code == "date-past"]
    assert past
    assert all("already past" in n.message for n in past)


def test_default_plan_eight_weeks_ahead_warns_only_about_the_visa_stay():
    today = date(2026, 11, 27)
    journey = planned(TripRequest(start=today + timedelta(weeks=8)), today)
    assert [n.code for n in journey.warnings] == ["visa-stay-too-long"]
    assert all(item.start >= today for item in journey.items)


def test_outbound_flight_lands_in_china_time_before_the_start():
    journey = plan(home_tz="America/Los_Angeles", flight_hours=13, arrive_days_before=2)
    flight = journey.item("flight:outbound")
    assert flight.depart.tzinfo == ZoneInfo("America/Los_Angeles")
    assert flight.depart.time() == time(10, 0)
    assert flight.arrive.tzinfo == ZoneInfo("Asia/Shanghai")
    assert flight.arrive - flight.depart == timedelta(hours=13)
    assert flight.arrive.date() <= START - timedelta(days=2)
    assert journey.summary.arrival == flight.arrive.date()


def test_return_flight_crosses_a_daylight_saving_change_correctly():
    # Clearance on 2027-10-30 (99 days after the first hospital day in the typical scenario);
    # Berlin leaves summer time on 2027-10-31.
    journey = plan(start=date(2027, 7, 23))
    flight = journey.item("flight:return")
    assert flight.depart.date() == date(2027, 10, 31)
    assert flight.arrive.utcoffset() == timedelta(hours=1)
    assert flight.arrive - flight.depart == timedelta(hours=12)
    assert flight.arrive.replace(tzinfo=None) == datetime(2027, 10, 31, 16, 0)


def test_accommodation_covers_arrival_to_departure():
    journey = plan()
    stay = journey.item("stay:accommodation")
    assert stay.start == journey.item("flight:outbound").arrive.date()
    assert stay.end == journey.item("flight:return").depart.date()
    assert not stay.busy
    for number in (1, 2):
        registration = journey.item(f"visa:registration:{number}")
        assert registration.start == stay.start
        assert "24 hours" in registration.description
    assert stay.days == journey.summary.days_in_china


def test_going_home_during_manufacturing():
    journey = plan(go_home=True, phase_days=(("manufacturing", 28),))
    leave = journey.item("flight:home-visit")
    back = journey.item("flight:back-for-admission")
    assert leave.depart.date() == journey.item("milestone:leukapheresis").start + timedelta(days=1)
    assert back.arrive.date() <= journey.item("milestone:admission").start - timedelta(days=2)
    assert "only if your hospital agrees" in leave.description.lower()
    stays = [item for item in journey.items if item.category is Category.ACCOMMODATION]
    assert [(s.start, s.end) for s in stays] == [
        (journey.summary.arrival, leave.depart.date()),
        (back.arrive.date(), journey.item("flight:return").depart.date()),
    ]
    assert "two-entries" in [n.code for n in journey.warnings]
    registrations = [i for i in journey.items if i.key.startswith("visa:registration")]
    assert [(i.key, i.start) for i in registrations] == [
        ("visa:registration:1", journey.summary.arrival),
        ("visa:registration:2", journey.summary.arrival),
        ("visa:registration:entry2:1", back.arrive.date()),
        ("visa:registration:entry2:2", back.arrive.date()),
    ]
    assert journey.summary.days_in_china == sum(s.days for s in stays)


def test_going_home_is_refused_when_manufacturing_is_too_short():
    journey = plan(go_home=True, phase_days=(("manufacturing", 9),))
    assert not [item for item in journey.items if item.key.startswith("flight:home-visit")]
    warning = next(n for n in journey.warnings if n.code == "home-visit-too-short")
    assert "no trip home is planned" in warning.message
    assert "two-entries" not in [n.code for n in journey.notices]


def test_visa_extension_is_dated_before_the_permitted_stay_ends():
    journey = plan(visa_stay_days=60, scenario=Scenario.SHORTEST)
    arrival = journey.summary.arrival
    assert arrival == date(2027, 2, 27)  # a Saturday: the last permitted day, 27 Apr, is a Tuesday
    extensions = [item for item in journey.items if item.key.startswith("visa:extension")]
    assert len(extensions) == 2
    # Day 1 is the day of entry: the last permitted day is 27 Feb + 59 days = 27 Apr; 7 days before is 20 Apr.
    assert all(item.start == date(2027, 4, 20) for item in extensions)
    assert all(item.deadline for item in extensions)
    assert "visa-stay-too-long" not in [n.code for n in journey.notices]


def test_no_extension_when_the_stay_fits_the_visa():
    journey = plan(visa_stay_days=180)
    assert not [item for item in journey.items if item.key.startswith("visa:extension")]


def test_a_stay_longer_than_one_extension_is_a_warning_everywhere_it_is_read():
    journey = plan(visa_stay_days=30)
    notice = next(n for n in journey.notices if n.code == "visa-stay-too-long")
    assert notice.severity == "warning"
    assert "residence permit" in notice.message
    assert f"{journey.summary.days_in_china} days" in notice.message
    assert "3 extensions" in notice.message
    assert all("residence permit" in journey.item(f"visa:extension:{n}").description for n in (1, 2))


def test_outpatient_visits_twice_weekly_until_the_fit_to_fly_check():
    journey = plan()
    visits = journey.item("visits:outpatient")
    phase = journey.item("phase:outpatient")
    dates = visits.recurrence.dates
    assert all(phase.start <= d < phase.end for d in dates)
    assert {d.weekday() for d in dates} == {0, 3}
    assert visits.start == dates[0]


def test_home_followup_counts_months_from_day_zero():
    journey = plan(followup_years=5)
    day0 = journey.day_zero
    monthly = journey.item("followup:monthly").recurrence.dates
    quarterly = journey.item("followup:quarterly").recurrence.dates
    yearly = journey.item("followup:yearly").recurrence.dates
    early = journey.item("followup:early").recurrence.dates
    # Weekly for six weeks from the first weekday a week after landing, then monthly.
    # Landing on Wed 9 Jun 2027: the first visit is Wed 16 Jun.
    assert early == tuple(date(2027, 6, 16) + timedelta(weeks=n) for n in range(6))
    assert monthly == (date(2027, 8, 6), date(2027, 9, 6), date(2027, 10, 6))
    assert quarterly[0] == date(2028, 1, 6)
    assert quarterly[-1] == date(2029, 4, 6)
    assert yearly == (date(2030, 4, 6), date(2031, 4, 6), date(2032, 4, 6))
    assert all(d > journey.item("flight:return").arrive.date() for d in monthly)
    assert day0 == date(2027, 4, 6)


def test_home_followup_on_the_31st_keeps_to_month_ends():
    journey = plan(start=date(2027, 1, 26))  # Day 0 on 2027-03-03 would not test it; force the 31st:
    day0 = journey.day_zero
    shift = (date(2027, 3, 31) - day0).days
    journey = plan(start=date(2027, 1, 26) + timedelta(days=shift))
    assert journey.day_zero == date(2027, 3, 31)
    dates = journey.item("followup:monthly").recurrence.dates
    assert date(2027, 6, 30) in dates or date(2027, 9, 30) in dates
    assert all(d.day in (30, 31) for d in dates)


def test_no_home_followup_when_zero_years():
    journey = plan(followup_years=0)
    assert not [item for item in journey.items if item.category is Category.HOME_FOLLOWUP]


def test_moving_a_single_visit_and_a_single_item():
    journey = plan(moved=(("visits:outpatient#2", date(2027, 5, 4)), ("prep:records", date(2027, 1, 3))))
    visits = journey.item("visits:outpatient")
    # Outpatient visits from Wed 28 Apr 2027, Mondays and Thursdays: the second is Mon 3 May.
    assert visits.moved == ((date(2027, 5, 3), date(2027, 5, 4)),)
    lines = [o for o in journey.occurrences() if o.item.key == "visits:outpatient"]
    assert lines[1].day == date(2027, 5, 4)
    assert lines[1].moved
    records = journey.item("prep:records")
    assert records.start == date(2027, 1, 3)
    assert records.user_moved


def test_a_moved_date_that_no_longer_fits_is_kept_and_flagged():
    journey = plan(moved=(("visits:outpatient#40", date(2027, 6, 1)),))
    assert "moved-item-gone" in [n.code for n in journey.warnings]
    assert journey.request.moved_date("visits:outpatient#40") == date(2027, 6, 1)


def test_confirmed_marks_show_on_items():
    journey = plan(confirmed=frozenset({"phase:screening"}))
    assert journey.item("phase:screening").confirmed
    assert not journey.item("phase:manufacturing").confirmed


def test_admission_shorter_than_day_zero_offset_places_day_zero_inside_it():
    journey = plan(phase_days=(("admission", 3),))
    admission = journey.item("phase:admission")
    assert journey.day_zero == admission.start + timedelta(days=2)
    assert admission.end == journey.day_zero - timedelta(days=1)
    assert journey.item("phase:monitoring").start == journey.day_zero
    assert "admission-too-short" in [n.code for n in journey.warnings]


def test_unknown_city_and_phase_are_refused():
    with pytest.raises(PlanInputError, match="Did you mean Shanghai"):
        plan(city="Shangai")
    with pytest.raises(PlanInputError, match="no such phase"):
        plan(phase_days=(("sreening", 4),))


def test_city_accepts_chinese_and_any_case():
    assert plan(city="广州").city.key == "guangzhou"
    assert plan(city="xi'an").city.key == "xian"
    assert plan(city="XIAN").city.name_zh == "西安"


def test_same_request_gives_the_same_journey():
    assert plan() == plan()


def test_phases_carry_the_band_of_their_usual_lengths():
    journey = plan(phase_days=(("manufacturing", 30),))
    manufacturing = journey.item("phase:manufacturing")
    assert manufacturing.earliest == manufacturing.start + timedelta(days=13)
    assert manufacturing.latest == manufacturing.start + timedelta(days=27)
