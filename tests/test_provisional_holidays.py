"""Years whose holiday arrangement China has not published: modelled breaks, worked out by hand,
and the word "provisional" wherever a date rests on them."""

import contextlib
import json
from datetime import date, datetime, timedelta
from functools import partial

import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carte_planner.cli import main
from carte_planner.domain.checklist import ChecklistState, build_checklist
from carte_planner.domain.holiday_breaks import with_weekend
from carte_planner.domain.office_days import CHINA
from carte_planner.domain.provisional import rests_on_calendar
from carte_planner.export.agenda import journey_json, journey_text
from carte_planner.export.checklist_document import checklist_document
from carte_planner.export.ics import ExportOptions, export_ics
from carte_planner.office_calendars import office_calendar
from carte_planner.resources import load_checklist_template, load_cities
from tests.journeys import planned_trip

NOTE_2027 = "Provisional: check the official holiday notice for 2027."


plan = partial(planned_trip, home_tz="Europe/Berlin")


def closed_days(year: int, month: int) -> list[int]:
    calendar = office_calendar(CHINA, year, year)
    first = date(year, month, 1)
    days = [first + timedelta(days=n) for n in range(31)]
    return [day.day for day in days if day.month == month and not calendar.is_open(day)]


# -- the modelled breaks ------------------------------------------------------------------------


def test_the_published_years_are_kept_as_published():
    assert office_calendar(CHINA, 2026, 2026).official_until == 2026
    # 2026's own arrangement: Spring Festival 15-23 Feb, Sat 14 and Sat 28 Feb working days.
    assert closed_days(2026, 2) == [1, 7, 8, *range(15, 24)]


def test_golden_week_2027_runs_1_to_7_october():
    assert closed_days(2027, 10) == [1, 2, 3, 4, 5, 6, 7, 9, 10, 16, 17, 23, 24, 30, 31]


def test_spring_festival_runs_from_new_years_eve_to_the_seventh_day():
    # 2027: New Year Sat 6 Feb, so Fri 5 Feb to Fri 12 Feb; 2028: New Year Wed 26 Jan.
    assert [d for d in closed_days(2027, 2) if d < 20] == [5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    assert [d for d in closed_days(2028, 1) if d > 20] == [22, 23, 25, 26, 27, 28, 29, 30, 31]
    assert closed_days(2028, 2)[0] == 1


def test_labour_day_2027_runs_1_to_5_may():
    assert closed_days(2027, 5)[:5] == [1, 2, 3, 4, 5]
    assert office_calendar(CHINA, 2027, 2027).is_open(date(2027, 5, 6))


def test_mid_autumn_joining_national_day_makes_eight_days():
    # 2028: Mid-Autumn falls on Tue 3 Oct, inside the week.
    assert closed_days(2028, 10)[:8] == [1, 2, 3, 4, 5, 6, 7, 8]


def test_short_festivals_join_the_weekend_next_to_them():
    assert with_weekend(date(2027, 4, 5)) == [date(2027, 4, 3), date(2027, 4, 4), date(2027, 4, 5)]  # Monday
    assert with_weekend(date(2028, 4, 4))[0] == date(2028, 4, 1)  # Tuesday: from the Saturday before
    assert with_weekend(date(2027, 9, 15))[-1] == date(2027, 9, 19)  # Wednesday: to the Sunday after
    assert with_weekend(date(2030, 4, 6)) == [date(2030, 4, 6), date(2030, 4, 7), date(2030, 4, 8)]  # Saturday


def test_no_weekend_day_is_a_working_day_in_a_provisional_year():
    calendar = office_calendar(CHINA, 2027, 2036)
    assert not [day for day in calendar.working_days if day.year > 2026]
    assert calendar.working_days  # 2026's declared working days are still there


# -- deadlines worked out by hand ---------------------------------------------------------------


def test_golden_week_2027_moves_the_extension_to_30_september():
    # Shanghai, arrival Wed 15 Sep 2027: the 30-day stay ends Thu 14 Oct, 7 days before is Thu 7 Oct,
    # inside Golden Week (1-7 Oct); the office's last open day before it is Thu 30 Sep.
    journey = plan(date(2027, 9, 17), city="shanghai")
    assert journey.summary.arrival == date(2027, 9, 15)
    extension = journey.item("visa:extension:1")
    assert extension.start == date(2027, 9, 30)
    assert "National Day (provisional: check the official holiday notice for 2027)" in extension.description
    assert extension.provisional_year == 2027
    assert NOTE_2027 in extension.description


def test_spring_festival_2027_moves_the_wuhan_extension_to_4_february():
    # First hospital day Fri 22 Jan 2027, arrival Wed 20 Jan: the stay ends Thu 18 Feb, due Thu 11 Feb,
    # the 6th day of the New Year; the break starts Fri 5 Feb, so Thu 4 Feb.
    journey = plan(date(2027, 1, 22), city="wuhan")
    assert journey.item("visa:extension:1").start == date(2027, 2, 4)


def test_spring_festival_2028_moves_the_shenzhen_extension_to_24_january():
    # First hospital day Tue 11 Jan 2028, arrival Sun 9 Jan: the stay ends Mon 7 Feb, due Mon 31 Jan,
    # the 6th day of the New Year; the break starts Tue 25 Jan, so Mon 24 Jan.
    journey = plan(date(2028, 1, 11), city="shenzhen")
    assert journey.summary.arrival == date(2028, 1, 9)
    extension = journey.item("visa:extension:1")
    assert extension.start == date(2028, 1, 24)
    assert "Provisional: check the official holiday notice for 2028." in extension.description


def test_labour_day_2027_moves_the_extension_to_30_april():
    # Arrival Tue 13 Apr 2027: the stay ends Wed 12 May, due Wed 5 May, the break's last day.
    journey = plan(date(2027, 4, 15))
    assert journey.summary.arrival == date(2027, 4, 13)
    assert journey.item("visa:extension:1").start == date(2027, 4, 30)


def test_a_declared_working_saturday_in_2026_is_kept():
    # Arrival Fri 18 Sep 2026: due Sat 10 Oct 2026, which China's 2026 arrangement makes a working day.
    journey = plan(date(2026, 9, 20))
    extension = journey.item("visa:extension:1")
    assert extension.start == date(2026, 10, 10)
    assert extension.provisional_year is None
    assert "Provisional" not in extension.description


def test_a_us_holiday_at_home_moves_the_visa_application():
    # Visa application 35 days before Mon 22 Feb 2027: Mon 18 Jan 2027, Martin Luther King Jr. Day.
    journey = plan(date(2027, 2, 22), home_tz="America/New_York")
    application = journey.item("prep:visa:1")
    assert application.start == date(2027, 1, 15)
    assert "Martin Luther King Jr. Day" in application.description


# -- "provisional" wherever the family reads the date -------------------------------------------


def test_a_provisional_deadline_says_so_in_every_output(tmp_path):
    journey = plan(date(2027, 9, 17), city="shanghai")
    key = "visa:extension:1"
    data = json.loads(journey_json(journey))
    item = next(i for i in data["items"] if i["key"] == key)
    assert item["provisional"] is True
    assert NOTE_2027 in item["description"]
    assert not next(i for i in data["items"] if i["key"] == "flight:outbound")["provisional"]
    line = next(
        line
        for line in journey_text(journey).splitlines()
        if line.startswith("  Thu 30 Sep 2027") and "Apply for a stay extension" in line
    )
    assert "provisional: check the official holiday notice for 2027" in line
    calendar = vobject.readOne(export_ics(journey, ExportOptions("plan-1", datetime(2027, 1, 1))).decode())
    event = next(e for e in calendar.vevent_list if e.summary.value.startswith("Apply for a stay extension"))
    assert NOTE_2027 in event.description.value
    checklist = build_checklist(journey, load_checklist_template(), ChecklistState())
    html = checklist_document(journey, checklist).full_html()
    assert "provisional: check the official holiday notice for 2027" in html
    assert "China has published its holiday arrangements up to 2026" in html


def test_version_names_the_last_published_year(capsys):
    with contextlib.suppress(SystemExit):
        main(["--version"])
    out = capsys.readouterr().out
    assert "official arrangements published up to 2026" in out


# -- properties ---------------------------------------------------------------------------------

CITIES = [city.key for city in load_cities()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=st.dates(min_value=date(2026, 1, 1), max_value=date(2035, 12, 31)),
    city=st.sampled_from(CITIES),
    travellers=st.integers(1, 4),
    go_home=st.booleans(),
)
def test_office_items_avoid_closed_days_and_say_when_provisional(start, city, travellers, go_home):
    names = ("Ana", "Luis", "Mei", "Omar")[:travellers]
    journey = plan(start, city=city, travellers=names, go_home=go_home)
    china = office_calendar(CHINA, start.year - 1, start.year + 1)
    consulate = office_calendar("DE", start.year - 1, start.year + 1).with_holidays_of(china)
    consulate_keys = frozenset(i.key for i in journey.items if i.key.startswith("prep:visa"))
    for item in journey.items:
        if item.key.startswith("visa:extension") and "no open day before it" not in item.description:
            assert china.is_open(item.start), (item.key, item.start)
        if item.key.startswith("prep:visa"):
            assert consulate.is_open(item.start), (item.key, item.start)
        if not rests_on_calendar(item, consulate_keys):
            assert item.provisional_dates == (), item.key
            continue
        deadline = item.key.startswith("visa:extension") or item.key in consulate_keys
        for _, _, day in item.occurrence_dates():
            resting = china.provisional(day) and (deadline or not china.is_open(day))
            assert (day in item.provisional_dates) == resting, (item.key, day)
            if resting:
                assert f"Provisional: check the official holiday notice for {day.year}." in item.description


def test_a_hospital_date_is_provisional_only_where_its_flag_rests_on_a_modelled_holiday():
    # First hospital day Fri 1 Oct 2027, National Day: flagged, and the flag is provisional.
    flagged = plan(date(2027, 10, 1))
    assert flagged.item("phase:screening").provisional_dates == (date(2027, 10, 1),)
    notice = next(n for n in flagged.notices if n.code == "closed-day" and n.item_key == "phase:screening")
    assert "National Day (provisional: check the official holiday notice for 2027)" in notice.message
    # Mon 11 Oct 2027 is an ordinary working day: nothing rests on the modelled holidays.
    assert plan(date(2027, 10, 11)).item("phase:screening").provisional_dates == ()


def test_the_agenda_on_screen_marks_a_provisional_deadline(qtbot):
    from carte_planner.ui.agenda_model import AgendaModel

    journey = plan(date(2027, 9, 17), city="shanghai")
    model = AgendaModel(journey)
    rows = {model.line(row).key: row for row in range(model.rowCount())}
    status = model.data(model.index(rows["visa:extension:1"], AgendaModel.STATUS))
    assert status.endswith(", provisional")
    assert not model.data(model.index(rows["flight:outbound"], AgendaModel.STATUS)).endswith("provisional")
