"""Office errands in the inpatient weeks say so and ask who can go; nobody flies while their
passport is held for an extension."""

from datetime import date
from functools import partial

from carte_planner.domain.inpatient_errands import passport_back
from carte_planner.domain.office_days import CHINA
from carte_planner.office_calendars import office_calendar
from tests.journeys import planned_trip

START = date(2027, 3, 1)


plan = partial(planned_trip, home_tz="Europe/Berlin")


def test_an_extension_in_the_inpatient_weeks_asks_who_can_go():
    # A 54-day stay from arrival Sat 27 Feb 2027 ends Wed 21 Apr; the extension is due Wed 14 Apr,
    # between admission (Thu 1 Apr) and discharge (Tue 27 Apr).
    journey = plan(visa_stay_days=54)
    extension = journey.item("visa:extension:1")
    assert extension.start == date(2027, 4, 14)
    assert "the patient is planned to be in hospital (01 Apr 2027 to 27 Apr 2027)" in extension.description
    assert "can it, or an agent, apply for the patient?" in extension.description
    assert "before admission?" in extension.description
    # Seven working days after Wed 14 Apr 2027: Fri 23 Apr.
    assert "keep the passport until Fri 23 Apr 2027" in extension.description
    assert "passport-held-days" in extension.assumptions
    notice = next(n for n in journey.notices if n.code == "errand-while-inpatient")
    assert notice.item_key == "visa:extension:1"
    # The caregiver's own extension is not an inpatient's errand.
    assert "planned to be in hospital" not in journey.item("visa:extension:2").description


def test_after_a_trip_home_the_second_entrys_extension_is_checked_too():
    journey = plan(go_home=True)
    assert "planned to be in hospital" in journey.item("visa:extension:entry2:1").description


def test_an_extension_before_admission_says_nothing_of_the_hospital():
    journey = plan()
    assert journey.item("visa:extension:1").start < journey.item("milestone:admission").start
    errands = [n.item_key for n in journey.notices if n.code == "errand-while-inpatient"]
    assert "visa:extension:1" not in errands
    assert "passport-held-days" not in journey.item("visa:extension:1").assumptions


def test_a_flight_while_the_passport_is_held_is_a_warning_and_moving_the_extension_clears_it():
    journey = plan(moved=(("visa:extension:1", date(2027, 6, 2)),))
    departure = journey.item("flight:return").depart.date()
    assert departure == date(2027, 6, 9)
    warning = next(n for n in journey.warnings if n.code == "travel-while-passport-held")
    assert "Wed 09 Jun 2027" in warning.message
    assert "Apply for a stay extension — Patient" in warning.message
    fixed = plan(moved=(("visa:extension:1", date(2027, 5, 20)),))
    assert "travel-while-passport-held" not in [n.code for n in fixed.notices]


def test_the_passport_comes_back_after_seven_open_days():
    china = office_calendar(CHINA, 2027, 2027)
    # Applied Thu 30 Sep 2027: Golden Week (1-7 Oct) and weekends do not count.
    assert passport_back(date(2027, 9, 30), china, 7) == date(2027, 10, 18)
