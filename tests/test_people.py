"""Each traveller's own journey: dates worked out by hand for a family of a patient and two
caregivers taking turns, their papers, their routes into China and the team's rules."""

from datetime import date

import pytest

from carte_planner.domain import PlanInputError, TripRequest
from carte_planner.domain.checklist import QUESTIONS_STAGE, ChecklistState, build_checklist
from carte_planner.domain.people import Person, Role, Route, TeamRules, Turn, Visa
from carte_planner.resources import load_checklist_template
from tests.journeys import planned_trip

# Monday 7 Sep 2026; the plan's flight from Berlin (10:00, 12 hours) lands in Shanghai at
# 04:00 on Sat 5 Sep, two days before.
START = date(2026, 9, 7)
ANNA = Person("Anna", Role.PATIENT, "DE", visa=Visa("S2", 90, "1"))
# French, visa-free (the policy as read lists FR, 30 days, to 31 Dec 2026): 5 Sep to 2 Oct.
BORIS = Person("Boris", Role.CAREGIVER, "FR", route=Route.VISA_FREE, turns=(Turn(date(2026, 9, 5), date(2026, 10, 2)),))
# American, a 30-day L visa, flying from New York: 2 Oct to 20 Nov.
CHEN = Person(
    "Chen",
    Role.CAREGIVER,
    "US",
    home_country="US",
    home_tz="America/New_York",
    visa=Visa("L", 30, "1"),
    turns=(Turn(date(2026, 10, 2), date(2026, 11, 20)),),
)


def plan(people=(ANNA, BORIS, CHEN), **changes):
    return planned_trip(
        **{"start": START, "home_tz": "Europe/Berlin", "home_country": "DE", **changes, "people": people}
    )


def codes(journey):
    return [notice.code for notice in journey.notices]


def by_name(journey):
    return {plan.person.name: plan for plan in journey.travellers}


# -- the family: a patient on a 90-day visa and two caregivers taking turns -------------------


def test_each_person_registers_on_their_own_arrival():
    journey = plan()
    assert journey.item("visa:registration:1").start == date(2026, 9, 5)
    assert journey.item("visa:registration:2").start == date(2026, 9, 5)
    # Chen leaves New York at 10:00 on 1 Oct (14:00 UTC) and lands 12 hours later, 10:00 on 2 Oct in Shanghai.
    flight = journey.item("flight:turn1:out:3")
    assert flight.depart.isoformat() == "2026-10-01T10:00:00-04:00"
    assert flight.arrive.isoformat() == "2026-10-02T10:00:00+08:00"
    assert journey.item("visa:registration:3").start == date(2026, 10, 2)
    assert journey.item("visa:registration:3").traveller == "Chen"
    # 2 Oct is in China's National Day holiday: the registration says the office may be closed.
    assert "closed day" in journey.item("visa:registration:3").description


def test_each_person_has_their_own_last_permitted_day_and_extensions():
    people = by_name(plan())
    # Anna: 90 days from 5 Sep (day 1) end on 3 Dec; in China to the return flight on 16 Dec,
    # 103 days, so one extension, applied for 7 days before: Thu 26 Nov.
    assert people["Anna"].entries[0].leave == date(2026, 12, 16)
    assert people["Anna"].last_permitted_days == (date(2026, 12, 3),)
    assert people["Anna"].extensions == (date(2026, 11, 26),)
    # Boris: visa-free, 30 days from 5 Sep end on 4 Oct; his 28 days need no extension.
    assert people["Boris"].last_permitted_days == (date(2026, 10, 4),)
    assert people["Boris"].extensions == ()
    # Chen: 30 days from 2 Oct end on 31 Oct; 50 days to 20 Nov need one extension, due
    # Sat 24 Oct, so on Fri 23 Oct, the office's last open day before it.
    assert people["Chen"].last_permitted_days == (date(2026, 10, 31),)
    assert people["Chen"].extensions == (date(2026, 10, 23),)


def test_the_people_on_their_own_flights_are_not_seated_on_the_plans():
    journey = plan()
    outbound = journey.item("flight:outbound").description
    assert "Seats for 1: Anna." in outbound
    assert journey.item("flight:turn1:home:2").depart.date() == date(2026, 10, 2)
    assert journey.item("flight:turn1:home:2").traveller == "Boris"


def test_nobody_entering_visa_free_applies_for_a_visa_and_each_applies_at_their_own_consulate():
    journey = plan()
    assert journey.find("prep:visa:1") is not None
    assert journey.find("prep:visa:2") is None
    assert journey.find("prep:passports:2") is not None
    # 35 days before the start is Mon 3 Aug 2026, an open day in Germany and in the US alike.
    assert journey.item("prep:visa:3").start == date(2026, 8, 3)


def test_a_hand_over_day_where_one_turn_meets_the_next():
    journey = plan()
    handover = journey.item("handover:2026-10-02")
    assert handover.start == date(2026, 10, 2)
    assert "Boris" in handover.title
    assert "Chen" in handover.title
    assert "handover-overlap" in handover.assumptions


# -- coverage of the team's round-the-clock window ---------------------------------------------


def test_a_gap_of_two_days_between_turns_inside_the_window_is_warned():
    # Day 0 is 13 Oct; around the clock to Day +28, 10 Nov. Boris to 20 Oct, Chen from 23 Oct.
    boris = Person("Boris", Role.CAREGIVER, "FR", turns=(Turn(date(2026, 9, 5), date(2026, 10, 20)),))
    chen = Person("Chen", Role.CAREGIVER, "US", turns=(Turn(date(2026, 10, 23), date(2026, 11, 20)),))
    journey = plan((ANNA, boris, chen), team=TeamRules(around_the_clock_until=28))
    assert journey.day_zero == date(2026, 10, 13)
    nobody = [gap.day for gap in journey.coverage if gap.reason == "no-caregiver"]
    assert nobody == [date(2026, 10, 21), date(2026, 10, 22)]
    leaving = [(gap.day, gap.traveller) for gap in journey.coverage if gap.reason == "departure-without-hand-over"]
    assert leaving == [(date(2026, 10, 20), "Boris")]
    notice = next(n for n in journey.notices if n.code == "caregiver-coverage")
    assert "21 Oct 2026, 22 Oct 2026" in notice.message
    assert "20 Oct 2026 (Boris)" in notice.message


def test_a_one_day_overlap_is_not_warned():
    boris = Person("Boris", Role.CAREGIVER, "FR", turns=(Turn(date(2026, 9, 5), date(2026, 10, 20)),))
    chen = Person("Chen", Role.CAREGIVER, "US", turns=(Turn(date(2026, 10, 20), date(2026, 11, 20)),))
    journey = plan((ANNA, boris, chen), team=TeamRules(around_the_clock_until=28))
    assert journey.coverage == ()
    assert "caregiver-coverage" not in codes(journey)
    assert journey.item("handover:2026-10-20").start == date(2026, 10, 20)


def test_arriving_the_day_after_a_departure_leaves_that_night_uncovered():
    boris = Person("Boris", Role.CAREGIVER, "FR", turns=(Turn(date(2026, 9, 5), date(2026, 10, 20)),))
    chen = Person("Chen", Role.CAREGIVER, "US", turns=(Turn(date(2026, 10, 21), date(2026, 11, 20)),))
    journey = plan((ANNA, boris, chen), team=TeamRules(around_the_clock_until=28))
    assert [(gap.day, gap.reason) for gap in journey.coverage] == [(date(2026, 10, 20), "departure-without-hand-over")]


def test_no_coverage_check_until_the_team_rule_is_set():
    boris = Person("Boris", Role.CAREGIVER, "FR", turns=(Turn(date(2026, 9, 5), date(2026, 10, 20)),))
    journey = plan((ANNA, boris))
    assert journey.coverage == ()
    assert "caregiver-coverage" not in codes(journey)


# -- entry routes ------------------------------------------------------------------------------


def test_the_patient_entering_visa_free_is_warned_with_what_the_policy_said_and_when():
    anna = Person("Anna", Role.PATIENT, "DE", route=Route.VISA_FREE)
    journey = plan((anna, CHEN))
    notice = next(n for n in journey.notices if n.code == "visa-free-treatment")
    assert "As read on 05 Dec 2026" in notice.message
    assert "for at most 30 days per entry" in notice.message
    assert "Confirm with the Chinese embassy or consulate" in notice.message
    assert "eligible" not in notice.message
    # Her 103 days are longer than the policy's 30, and no extension is dated on this route.
    assert "visa-free-too-long" in codes(journey)
    assert journey.find("visa:extension:1") is None


def test_a_turn_past_the_policys_last_day_is_warned():
    boris = Person(
        "Boris", Role.CAREGIVER, "FR", route=Route.VISA_FREE, turns=(Turn(date(2026, 12, 10), date(2027, 1, 5)),)
    )
    journey = plan((ANNA, boris))
    notice = next(n for n in journey.notices if n.code == "visa-free-policy-ends")
    assert "past 31 Dec 2026" in notice.message
    assert "visa-free-policy-ends" not in codes(plan())


def test_a_nationality_the_policies_do_not_list_is_warned():
    chen = Person("Chen", Role.CAREGIVER, "US", route=Route.VISA_FREE, turns=CHEN.turns)
    assert "visa-free-unlisted" in codes(plan((ANNA, chen)))


def test_a_stay_needing_three_extensions_dates_each_and_the_residence_permit_steps():
    anna = Person("Anna", Role.PATIENT, visa=Visa(stay_days=30))
    journey = plan((anna,))
    # 103 days on a 30-day visa: ends 4 Oct, then 3 Nov and 3 Dec if each extension is granted
    # for 30 days; each applied for 7 days before. Sun 27 Sep moves to Thu 24 Sep (the
    # Mid-Autumn Festival closes Fri 25 Sep); Tue 27 Oct and Thu 26 Nov are open days.
    assert journey.item("visa:extension:1").start == date(2026, 9, 24)
    assert journey.item("visa:extension2:1").start == date(2026, 10, 27)
    assert journey.item("visa:extension3:1").start == date(2026, 11, 26)
    assert "extension 3 of 3" in journey.item("visa:extension3:1").title
    assert journey.item("visa:residence-application:1").start == date(2026, 9, 24)
    assert journey.item("visa:residence-documents:1").start == date(2026, 9, 17)
    # The permit is applied for the day of the first extension: the passport held from that
    # day is shown once, with the extension.
    held = journey.item("visa:passport-held:1")
    assert held.start == date(2026, 9, 24)
    assert held.end > held.start
    assert "passport-held-days" in held.assumptions
    assert journey.find("visa:residence-passport-held:1") is None
    assert "visa-stay-too-long" in codes(journey)


def test_the_residence_permit_route_dates_its_steps_instead_of_extensions():
    anna = Person("Anna", Role.PATIENT, route=Route.RESIDENCE_PERMIT, visa=Visa(stay_days=30))
    journey = plan((anna,))
    assert journey.find("visa:extension:1") is None
    assert journey.item("visa:residence-application:1").start == date(2026, 9, 24)
    assert journey.item("visa:residence-passport-held:1").start == date(2026, 9, 24)
    assert "visa-stay-too-long" not in codes(journey)


# -- the documents themselves ------------------------------------------------------------------


def test_a_passport_expiring_within_six_months_of_the_exit_is_warned():
    # Anna leaves China on 16 Dec 2026: six months later is 16 Jun 2027.
    short = Person("Anna", Role.PATIENT, passport_expiry=date(2027, 6, 15))
    notice = next(n for n in plan((short,)).notices if n.code == "passport-expiry")
    assert "Consulates commonly ask" in notice.message
    enough = Person("Anna", Role.PATIENT, passport_expiry=date(2027, 6, 16))
    assert "passport-expiry" not in codes(plan((enough,)))


def test_a_visa_used_after_its_use_by_date_is_warned():
    late = Person("Anna", Role.PATIENT, visa=Visa(use_by=date(2026, 9, 4)))
    assert "visa-use-by" in codes(plan((late,)))
    in_time = Person("Anna", Role.PATIENT, visa=Visa(use_by=date(2026, 9, 5)))
    assert "visa-use-by" not in codes(plan((in_time,)))


def test_a_single_entry_visa_with_a_trip_home_is_warned():
    single = Person("Anna", Role.PATIENT, visa=Visa(entries="1"))
    journey = plan((single,), go_home=True, phase_days=(("manufacturing", 28),))
    notice = next(n for n in journey.notices if n.code == "visa-entries")
    assert "allows 1 entry" in notice.message
    assert "2 times" in notice.message
    double = Person("Anna", Role.PATIENT, visa=Visa(entries="2"))
    assert "visa-entries" not in codes(plan((double,), go_home=True, phase_days=(("manufacturing", 28),)))


# -- the team's rules ----------------------------------------------------------------------------


def questions(journey):
    checklist = build_checklist(journey, load_checklist_template(), ChecklistState())
    return {entry.key: entry for entry in checklist.stage_entries(QUESTIONS_STAGE)}


def test_each_team_rule_is_a_dated_question_until_set():
    asked = questions(plan())
    for key in ("ask-distance", "ask-around-the-clock", "ask-travel-time", "ask-driving"):
        assert asked[key].due is not None
    rules = TeamRules(stay_near_until=28, no_driving_until=56, around_the_clock_until=28, max_travel_minutes=60)
    asked = questions(plan(team=rules))
    assert not {"ask-distance", "ask-around-the-clock", "ask-travel-time", "ask-driving"} & set(asked)


def test_a_team_rule_once_set_is_a_band_from_day_zero():
    journey = plan(team=TeamRules(no_driving_until=56, max_travel_minutes=45))
    band = journey.item("rule:no-driving")
    assert (band.start, band.end) == (date(2026, 10, 13), date(2026, 12, 8))
    assert journey.find("rule:stay-near") is None
    assert "at most 45 minutes" in journey.item("stay:accommodation").description


def test_a_flight_inside_the_stay_near_window_is_warned():
    # Day 0 is 13 Oct; Day +70 is 22 Dec, after the return flight on 16 Dec.
    journey = plan(team=TeamRules(stay_near_until=70))
    notice = next(n for n in journey.notices if n.code == "flight-in-stay-near-window")
    assert notice.item_key == "flight:return"
    assert "flight-in-stay-near-window" not in codes(plan(team=TeamRules(stay_near_until=28)))


# -- what the request refuses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "people",
    [
        (Person("Anna", Role.CAREGIVER),),
        (Person("Anna", Role.PATIENT), Person("Anna", Role.CAREGIVER)),
    ],
)
def test_people_without_a_patient_or_with_one_name_twice_are_refused(people):
    with pytest.raises(PlanInputError):
        TripRequest(start=START, people=people)


def test_bad_values_are_refused_with_the_field_named():
    with pytest.raises(PlanInputError, match="turn"):
        Turn(date(2026, 10, 2), date(2026, 10, 1))
    with pytest.raises(PlanInputError, match="visa entries"):
        Visa(entries="3")
    with pytest.raises(PlanInputError, match="nationality"):
        Person("Anna", nationality="Deutschland")
    with pytest.raises(PlanInputError, match="no driving"):
        TeamRules(no_driving_until=0)


def test_the_travellers_names_follow_the_people():
    request = TripRequest(start=START, people=(ANNA, BORIS))
    assert request.travellers == ("Anna", "Boris")


def test_a_new_patient_makes_the_former_one_a_caregiver_and_the_patient_is_never_left_out():
    from carte_planner.domain.people import with_role

    people = (ANNA, BORIS, CHEN)
    swapped = with_role(people, 2, Role.PATIENT)
    assert [p.role for p in swapped] == [Role.CAREGIVER, Role.CAREGIVER, Role.PATIENT]
    handed = with_role(people, 0, Role.COMPANION)
    assert [p.role for p in handed] == [Role.COMPANION, Role.PATIENT, Role.CAREGIVER]
    with pytest.raises(PlanInputError, match="one traveller must be the patient"):
        with_role((ANNA,), 0, Role.CAREGIVER)


def test_a_moved_date_of_a_traveller_on_their_own_flights_is_checked_against_their_own_arrival():
    # Chen lands on 2 Oct at 10:00: a registration set on 3 Oct is within 24 hours of that
    # arrival (not of the plan's, on 5 Sep); one set on 5 Oct is not.
    in_time = plan(moved=(("visa:registration:3", date(2026, 10, 3)),))
    assert "moved-registration-late" not in codes(in_time)
    late = plan(moved=(("visa:registration:3", date(2026, 10, 5)),))
    assert [n.item_key for n in late.notices if n.code.startswith("moved")] == ["visa:registration:3"]
    # His 30-day visa ends on 31 Oct: an extension set on 1 Nov is after his permitted stay.
    after = plan(moved=(("visa:extension:3", date(2026, 11, 1)),))
    assert "moved-after-stay" in codes(after)
    assert "moved-after-stay" not in codes(plan(moved=(("visa:extension:3", date(2026, 10, 30)),)))


def test_each_travellers_passport_is_held_for_their_own_extension():
    journey = plan()
    # Chen applies on Fri 23 Oct; seven working days of the office later (26-30 Oct, 2 and
    # 3 Nov) the passport is back: Tue 3 Nov.
    held = journey.item("visa:passport-held:3")
    assert (held.start, held.end, held.traveller) == (date(2026, 10, 23), date(2026, 11, 3), "Chen")
    assert "passport-held-days" in held.assumptions
    # A date the family sets for the extension moves the held days with it.
    moved = plan(moved=(("visa:extension:3", date(2026, 10, 28)),)).item("visa:passport-held:3")
    assert moved.start == date(2026, 10, 28)


def test_a_turn_longer_than_the_visa_and_one_extension_is_warned_under_the_travellers_name():
    long_turn = (Turn(date(2026, 9, 5), date(2026, 12, 10)),)
    chen = Person("Chen", Role.CAREGIVER, "US", visa=Visa("L", 30), turns=long_turn)
    journey = plan((ANNA, chen))
    notice = next(n for n in journey.notices if n.code == "visa-stay-too-long")
    assert notice.message.startswith("Chen: ")
    assert notice.item_key == "visa:extension:2"
    # 97 days on a 30-day visa: three extensions, each dated.
    assert [journey.item(k).traveller for k in ("visa:extension2:2", "visa:extension3:2")] == ["Chen", "Chen"]


def test_hostile_people_values_are_refused():
    with pytest.raises(PlanInputError, match="visa type"):
        Visa("L\x1b[31m")
    many = tuple(Turn(date(2027, 1, d), date(2027, 1, d)) for d in range(1, 14))
    with pytest.raises(PlanInputError, match="turn"):
        Person("Anna", turns=many)


def test_whole_journey_travellers_on_different_visas_are_named_in_the_stay_warning():
    # Anna's 90 days need one extension; Lena's 30 days would need three.
    lena = Person("Lena", Role.CAREGIVER, visa=Visa(stay_days=30))
    journey = plan((ANNA, lena))
    warnings = [n for n in journey.notices if n.code == "visa-stay-too-long"]
    assert [n.message.split(":")[0] for n in warnings] == ["Lena"]
    assert warnings[0].item_key == "visa:extension:2"
    # The same visa for everyone: one warning, as before people had visas of their own.
    same = plan((Person("Anna", Role.PATIENT), Person("Lena")))
    assert [n.message[:9] for n in same.notices if n.code == "visa-stay-too-long"] == ["The stay "]


def test_each_registration_says_a_change_of_address_is_registered_again():
    journey = plan()
    for key in ("visa:registration:1", "visa:registration:2", "visa:registration:3"):
        assert "within 24 hours of arrival" in journey.item(key).description
        assert "Each change of address" in journey.item(key).description


def test_a_turn_outside_the_years_a_plan_can_hold_is_refused():
    with pytest.raises(PlanInputError, match="between 2000 and 2130"):
        Turn(date(1, 1, 1), date(1, 1, 2))
