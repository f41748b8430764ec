"""The visa's stay and office days, checked against dates worked out by hand (DESIGN §2)."""

import re
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from carte_planner.domain import Category, Scenario, TripRequest
from carte_planner.domain.office_days import CHINA, office_deadline
from carte_planner.domain.visa_stay import Entry, StayCheck
from carte_planner.office_calendars import default_start, office_calendar
from carte_planner.resources import load_cities
from tests.journeys import REFERENCE, TODAY, planned


def plan(start: date, **changes):
    changes.setdefault("home_tz", "Europe/Berlin")
    return planned(TripRequest(start=start, **changes), TODAY)


def items(journey, prefix):
    return [item for item in journey.items if item.key.startswith(prefix)]


def china(year: int):
    return office_calendar(CHINA, year, year)


# -- the stay arithmetic ------------------------------------------------------------------------


def test_the_day_of_entry_is_day_one():
    check = StayCheck(Entry(1, date(2027, 2, 27), date(2027, 6, 12)), permitted_days=30, lead_days=7)
    assert check.last_permitted_day == date(2027, 3, 28)
    assert check.extension_due == date(2027, 3, 21)
    assert check.entry.days == 106


def test_extensions_needed_at_the_edges():
    def needed(days, stay=30):
        entry = Entry(1, date(2027, 1, 1), date(2027, 1, 1) + timedelta(days=days - 1))
        return StayCheck(entry, stay, 7).extensions_needed

    assert [needed(30), needed(31), needed(60), needed(61), needed(107)] == [0, 1, 1, 2, 3]


def test_a_family_arriving_on_27_february_applies_by_21_march():
    journey = plan(date(2027, 3, 1), city="beijing", home_tz="America/New_York")
    assert journey.summary.arrival == date(2027, 2, 27)
    # The last permitted day is Sun 28 Mar; 7 days before is Sun 21 Mar, a closed day: the office's
    # last open day before it is Fri 19 Mar.
    extension = journey.item("visa:extension:1")
    assert extension.start == date(2027, 3, 19)
    assert "28 Mar 2027" in extension.description
    assert "Sun 21 Mar 2027" in extension.description
    assert "Sunday" in extension.description


def test_days_in_china_match_the_accommodation_and_every_message():
    journey = plan(date(2027, 3, 1), city="beijing", home_tz="America/New_York")
    stay = journey.item("stay:accommodation")
    assert journey.summary.days_in_china == stay.days == (stay.end - stay.start).days + 1 == 103
    assert "103 days" in stay.description
    warning = next(n for n in journey.notices if n.code == "visa-stay-too-long")
    assert "103 days" in warning.message
    assert "103 days" in journey.item("visa:extension:1").description


def test_a_permitted_stay_one_day_short_of_the_stay_gets_an_extension():
    journey = plan(date(2027, 3, 1), city="beijing", home_tz="America/New_York", visa_stay_days=102)
    assert journey.summary.days_in_china == 103
    assert [item.traveller for item in items(journey, "visa:extension")] == ["Patient", "Caregiver"]
    assert not [n for n in journey.notices if n.code == "visa-stay-too-long"]
    journey = plan(date(2027, 3, 1), city="beijing", home_tz="America/New_York", visa_stay_days=103)
    assert items(journey, "visa:extension") == []


def test_a_stay_of_exactly_the_stay_plus_one_extension_needs_no_warning():
    # Typical plan: 103 days in China. With a 52-day stay, one 52-day extension covers 104 days;
    # with 51 days it covers 102, one day short.
    fits = plan(date(2027, 3, 1), city="beijing", home_tz="America/New_York", visa_stay_days=52)
    assert fits.summary.days_in_china == 103
    assert not [n for n in fits.notices if n.code == "visa-stay-too-long"]
    exactly = plan(
        date(2027, 3, 1),
        city="beijing",
        home_tz="America/New_York",
        visa_stay_days=51,
        phase_days=(("outpatient", 41),),
    )
    assert exactly.summary.days_in_china == 102 == 2 * 51
    assert not [n for n in exactly.notices if n.code == "visa-stay-too-long"]
    over = plan(date(2027, 3, 1), city="beijing", home_tz="America/New_York", visa_stay_days=51)
    warning = next(n for n in over.notices if n.code == "visa-stay-too-long")
    assert warning.severity == "warning"
    assert "103 days" in warning.message
    assert "2 extensions" in warning.message


def test_sixty_days_and_eight_weeks_of_outpatient_visits_is_a_warning():
    # 117 days in China fit 60 days and one 60-day extension; four weeks of monitoring make 124.
    fits = plan(date(2027, 3, 1), visa_stay_days=60, phase_days=(("outpatient", 56),))
    assert fits.summary.days_in_china == 117
    assert "visa-stay-too-long" not in [n.code for n in fits.warnings]
    journey = plan(date(2027, 3, 1), visa_stay_days=60, phase_days=(("outpatient", 56), ("monitoring", 28)))
    assert journey.summary.days_in_china == 124
    warning = next(n for n in journey.warnings if n.code == "visa-stay-too-long")
    assert "124 days" in warning.message
    assert "residence permit" in warning.message
    assert "2 extensions" in warning.message


# -- office days -----------------------------------------------------------------------------------


def test_an_extension_due_in_spring_festival_moves_before_it():
    journey = plan(date(2027, 1, 17))
    arrival = journey.summary.arrival
    assert arrival == date(2027, 1, 15)
    # Last permitted day Sat 13 Feb; 7 days before is Sat 6 Feb, Spring Festival, and Fri 5 Feb is New
    # Year's Eve: the office's last open day before is Thu 4 Feb.
    extension = journey.item("visa:extension:1")
    assert extension.start == date(2027, 2, 4)
    assert "Spring Festival" in extension.description


def test_an_extension_due_in_national_day_week_moves_before_it():
    journey = plan(date(2027, 9, 12))
    assert journey.summary.arrival == date(2027, 9, 10)
    # Last permitted day Sat 9 Oct; 7 days before is Sat 2 Oct, in the National Day holiday (1-3 Oct).
    extension = journey.item("visa:extension:1")
    assert extension.start == date(2027, 9, 30)
    assert "National Day" in extension.description


def test_the_visa_application_avoids_chinese_new_year_at_the_consulate():
    journey = plan(date(2027, 3, 13))
    # 35 days before the start is Sat 6 Feb 2027, Chinese New Year; the consulate (a Chinese
    # office abroad) is closed on Fri 5 Feb too, New Year's Eve.
    visa = journey.item("prep:visa:1")
    assert visa.start == date(2027, 2, 4)
    assert "Chinese New Year" in visa.description


def test_the_visa_application_avoids_the_home_countrys_holidays():
    # With a start of Fri 29 Jan 2027 the application falls 35 days before, on Fri 25 Dec 2026:
    # Christmas Day in Germany and the US. The consulate's last open day before it is Thu 24 Dec.
    for zone in ("Europe/Berlin", "America/New_York"):
        visa = plan(date(2027, 1, 29), home_tz=zone).item("prep:visa:1")
        assert visa.start == date(2026, 12, 24)
        assert "Christmas" in visa.description


def test_the_home_country_can_be_set_and_defaults_from_the_time_zone():
    assert plan(date(2027, 3, 1), home_tz="Europe/Berlin").home_country == "DE"
    assert plan(date(2027, 3, 1), home_tz="Europe/Berlin", home_country="gb").home_country == "GB"
    unknown = plan(date(2027, 3, 1), home_tz="UTC")
    assert unknown.home_country == ""
    assert "home-holidays-unknown" in [n.code for n in unknown.notices]


def test_spring_festival_2028_is_closed_and_provisional():
    calendar = china(2028)
    assert (
        str(calendar.closed_reason(date(2028, 1, 26)))
        == "Chinese New Year (Spring Festival) (provisional: check the official holiday notice for 2028)"
    )
    assert calendar.provisional(date(2028, 1, 26))
    # The modelled break runs from New Year's Eve (Tue 25 Jan) to the 7th day (Tue 1 Feb).
    assert [calendar.is_open(date(2028, 1, day)) for day in (24, 25, 31)] == [True, False, False]
    assert calendar.is_open(date(2028, 2, 2))


def test_a_declared_working_sunday_counts_as_open():
    calendar = china(2026)
    # China's 2026 arrangement makes Sun 4 Jan a working day, for the New Year holiday of 1-3 Jan.
    assert date(2026, 1, 4).weekday() == 6
    assert calendar.is_open(date(2026, 1, 4))
    assert not calendar.provisional(date(2026, 1, 4))
    assert office_deadline(calendar, date(2026, 1, 4), date(2025, 12, 1), "office").day == date(2026, 1, 4)
    assert office_deadline(calendar, date(2026, 1, 3), date(2025, 12, 1), "office").day == date(2025, 12, 31)


def test_years_beyond_the_shipped_files_come_from_the_library():
    calendar = office_calendar(CHINA, 2090, 2090)
    assert any("Spring Festival" in name for name in calendar.holidays.values())
    assert calendar.provisional(date(2090, 10, 1))


def test_the_default_first_hospital_day_is_a_working_day():
    # Eight weeks from Sat 4 Dec 2027 is Sat 29 Jan 2028, inside the modelled Spring Festival
    # break (Tue 25 Jan to Tue 1 Feb 2028): the first open day is Wed 2 Feb.
    assert default_start(date(2027, 12, 4), REFERENCE.calendars) == date(2028, 2, 2)
    assert default_start(date(2027, 1, 1), REFERENCE.calendars) == date(2027, 2, 26)


def test_police_registration_stays_on_the_day_of_arrival_with_a_note():
    journey = plan(date(2027, 10, 4))  # arrival Sat 2 Oct 2027, National Day
    registration = journey.item("visa:registration:1")
    assert registration.start == journey.summary.arrival == date(2027, 10, 2)
    assert "register you online" in registration.description


def test_treatment_dates_on_closed_days_are_flagged_not_moved():
    journey = plan(date(2027, 3, 6))  # a Saturday
    assert journey.item("phase:screening").start == date(2027, 3, 6)
    flags = [n for n in journey.notices if n.code == "closed-day"]
    assert any(n.item_key == "phase:screening" and "Saturday" in n.message for n in flags)
    assert all(n.severity == "check" for n in flags)


def test_flights_in_the_travel_rush_get_a_note():
    journey = plan(date(2027, 2, 1))
    assert "travel rush" in journey.item("flight:outbound").description
    assert "travel-rush" in [n.code for n in journey.notices]
    assert "travel rush" not in plan(date(2027, 6, 1)).item("flight:outbound").description


def test_holidays_in_china_during_the_stay_are_listed():
    journey = plan(date(2027, 9, 12))
    names = {(h.country, h.day): h.name for h in journey.holidays}
    assert "National Day" in names[("CN", date(2027, 10, 1))]
    assert all(h.provisional for h in journey.holidays if h.country == "CN")


# -- travellers and caregivers ---------------------------------------------------------------------


def test_one_traveller_is_asked_about_a_caregiver():
    journey = plan(date(2027, 3, 1), travellers=("Ana",))
    assert "caregiver" in [n.code for n in journey.notices]
    assert "caregiver" not in [n.code for n in plan(date(2027, 3, 1)).notices]


def test_go_home_keeps_every_registration_and_extension_per_person():
    from carte_planner.domain.checklist import ChecklistState, build_checklist
    from carte_planner.resources import load_checklist_template

    journey = plan(date(2027, 3, 1), go_home=True, travellers=("Ana", "Luis"), phase_days=(("manufacturing", 28),))
    checklist = build_checklist(journey, load_checklist_template(), ChecklistState())
    keys = {entry.key: entry for entry in checklist.entries}
    for number in (1, 2):
        for entry_suffix in ("", ":entry2"):
            registration = keys[f"stay-registration{entry_suffix}:{number}"]
            assert registration.due == journey.item(f"visa:registration{entry_suffix}:{number}").start
    extensions = [key for key in keys if key.startswith("visa-extension")]
    for key in extensions:
        item_key = key.replace("visa-extension", "visa:extension")
        assert keys[key].due == journey.item(item_key).start
        assert keys[key].traveller == journey.item(item_key).traveller
    # Extensions 2, 3, … of a long stay are dated items of their own, not checklist entries.
    first_extensions = [
        i for i in items(journey, "visa:extension") if re.fullmatch(r"visa:extension(:entry\d)?:\d", i.key)
    ]
    assert len(extensions) == len(first_extensions) > 0


def test_the_caregiver_is_decided_before_the_visa_applications():
    from carte_planner.domain.checklist import ChecklistState, build_checklist
    from carte_planner.resources import load_checklist_template

    journey = plan(date(2027, 3, 1))
    checklist = build_checklist(journey, load_checklist_template(), ChecklistState())
    caregiver = checklist.entry("visa-caregiver")
    assert all(caregiver.due < item.start for item in items(journey, "prep:visa:"))


# -- properties ------------------------------------------------------------------------------------

requests = st.builds(
    TripRequest,
    start=st.dates(min_value=date(2026, 1, 1), max_value=date(2035, 12, 31)),
    city=st.sampled_from([city.key for city in load_cities()]),
    scenario=st.sampled_from(list(Scenario)),
    home_tz=st.sampled_from(["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Singapore"]),
    go_home=st.booleans(),
    travellers=st.lists(st.sampled_from(["Ana", "Luis", "Mei"]), min_size=1, max_size=4).map(tuple),
    visa_stay_days=st.integers(30, 90),
)


def _closed_in_china(day: date) -> bool:
    return not office_calendar(CHINA, day.year, day.year).is_open(day)


@given(requests)
def test_property_office_items_fall_on_open_days(request):
    journey = planned(request, TODAY)
    applications = [item for item in journey.items if item.key.startswith("prep:visa:")]
    extensions = [item for item in journey.items if item.key.startswith("visa:extension")]
    # Every journey has its visa applications, and extensions when a stay outlasts the visa.
    assert applications
    longest = max(item.days for item in journey.items if item.category is Category.ACCOMMODATION)
    assert bool(extensions) == (longest > request.visa_stay_days)
    for item in extensions:
        assert not _closed_in_china(item.start), item
        assert item.start >= journey.summary.arrival
    for item in applications:
        cn = office_calendar(CHINA, item.start.year, item.start.year)
        assert item.start.weekday() < 5, item
        assert item.start not in cn.holidays, item


@given(requests)
def test_property_extensions_come_seven_days_before_the_last_permitted_day(request):
    journey = planned(request, TODAY)
    stays = sorted((item for item in journey.items if item.category is Category.ACCOMMODATION), key=lambda i: i.start)
    assert stays
    for number, stay in enumerate(stays, start=1):
        suffix = "" if number == 1 else f":entry{number}"
        last_permitted = stay.start + timedelta(days=request.visa_stay_days - 1)
        extensions = items(journey, f"visa:extension{suffix}:")
        if number == 1:
            extensions = [item for item in extensions if ":entry" not in item.key]
        if stay.days > request.visa_stay_days:
            assert len(extensions) == len(request.travellers)
            assert all(item.start <= last_permitted - timedelta(days=7) for item in extensions)
        else:
            assert extensions == []


@given(requests)
def test_property_days_in_china_equal_the_accommodation_span(request):
    journey = planned(request, TODAY)
    stays = [item for item in journey.items if item.category is Category.ACCOMMODATION]
    assert journey.summary.days_in_china == sum((s.end - s.start).days + 1 for s in stays)


@given(requests)
def test_property_every_traveller_registers_once_per_entry(request):
    journey = planned(request, TODAY)
    stays = sorted((item for item in journey.items if item.category is Category.ACCOMMODATION), key=lambda i: i.start)
    registrations = items(journey, "visa:registration")
    assert len(registrations) == len(stays) * len(request.travellers)
    for stay in stays:
        on_arrival = [item.traveller for item in registrations if item.start == stay.start]
        assert sorted(on_arrival) == sorted(request.travellers)
