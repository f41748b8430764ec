"""Dates the family sets go through the rules computed dates follow: each broken rule is a
warning naming the item and the rule, and fixing the date clears it."""

from datetime import date, timedelta

import pytest

from carte_planner.cli import main
from tests.journeys import TODAY, planned_trip

# First hospital day Mon 1 Mar 2027 from New York: arrival Sat 27 Feb, last permitted day Sun 28 Mar.
START = date(2027, 3, 1)


def plan(moved=(), today=TODAY, start=START, **changes):
    changes.setdefault("home_tz", "America/New_York")
    return planned_trip(start, today=today, moved=tuple(moved), **changes)


def warnings(journey, key):
    return [(n.code, n.message) for n in journey.warnings if n.item_key == key]


@pytest.mark.parametrize(
    ("key", "bad", "good", "code", "words"),
    [
        # After the last permitted day (Sun 28 Mar 2027).
        ("visa:extension:1", date(2027, 3, 29), date(2027, 3, 19), "moved-after-stay", "Sun 28 Mar 2027"),
        # Before the arrival (Sat 27 Feb 2027).
        ("visa:extension:1", date(2027, 2, 26), date(2027, 3, 18), "moved-before-arrival", "Sat 27 Feb 2027"),
        # Qingming 2027 (modelled: Sat 3 to Mon 5 Apr) on a 60-day stay.
        ("visa:extension:1", date(2027, 4, 5), date(2027, 4, 6), "moved-closed-day", "Tomb-Sweeping Day"),
        # Four days after arrival: more than 24 hours.
        ("visa:registration:1", date(2027, 3, 3), date(2027, 2, 28), "moved-registration-late", "24 hours"),
        ("visa:registration:1", date(2027, 2, 26), date(2027, 2, 27), "moved-before-arrival", "Sat 27 Feb 2027"),
        # New Year's Day at the consulate (China's and the United States').
        ("prep:visa:1", date(2027, 1, 1), date(2026, 12, 31), "moved-closed-day", "New Year's Day"),
    ],
)
def test_each_rule_warns_and_fixing_the_date_clears_it(key, bad, good, code, words):
    changes = {"visa_stay_days": 60} if code == "moved-closed-day" and key.startswith("visa:extension") else {}
    broken = plan([(key, bad)], **changes)
    found = warnings(broken, key)
    assert [c for c, _ in found if c == code], found
    message = next(m for c, m in found if c == code)
    assert broken.item(key).title in message
    assert words in message
    fixed = plan([(key, good)], **changes)
    assert not [c for c, _ in warnings(fixed, key) if c.startswith("moved-")]


@pytest.mark.parametrize("key", ["visa:extension2:1", "visa:residence-application:1"])
def test_a_later_errand_at_the_exit_entry_office_moved_onto_a_closed_day_warns(key):
    # A 30-day visa and a 103-day stay: a second extension and the residence permit's
    # application are dated too. Qingming 2027 (modelled: Sat 3 to Mon 5 Apr) closes the office.
    assert key in {item.key for item in plan().items}
    found = warnings(plan([(key, date(2027, 4, 5))]), key)
    assert [m for c, m in found if c == "moved-closed-day" and "Tomb-Sweeping Day" in m], found
    assert not [c for c, _ in warnings(plan([(key, date(2027, 4, 7))]), key) if c.startswith("moved-")]


def test_national_day_for_a_moved_extension():
    # Arrival Wed 15 Sep 2027 in Shanghai; the family moves the extension to Fri 1 Oct, National Day.
    journey = plan([("visa:extension:1", date(2027, 10, 1))], start=date(2027, 9, 17), city="shanghai")
    message = next(m for c, m in warnings(journey, "visa:extension:1") if c == "moved-closed-day")
    assert "National Day (provisional: check the official holiday notice for 2027)" in message


def test_the_second_entry_is_checked_against_its_own_arrival():
    journey = plan(go_home=True)
    arrival = journey.item("flight:back-for-admission").arrive.date()
    key = "visa:registration:entry2:1"
    assert journey.item(key).start == arrival
    late = plan([(key, arrival + timedelta(days=4))], go_home=True)
    assert [c for c, _ in warnings(late, key)] == ["moved-registration-late"]
    # The first entry's arrival (27 Feb) would not make that day late or early: the second one counts.
    assert not warnings(plan([(key, arrival + timedelta(days=1))], go_home=True), key)


def test_a_visa_application_moved_too_close_to_the_flight_warns():
    # Outbound flight Fri 26 Feb 2027; applying on Tue 23 Feb leaves two open days (Wed, Thu).
    journey = plan([("prep:visa:1", date(2027, 2, 23))])
    assert journey.item("flight:outbound").start == date(2027, 2, 26)
    found = warnings(journey, "prep:visa:1")
    assert [c for c, _ in found] == ["visa-not-ready"]
    assert "only 2 days" in found[0][1]
    assert "assumed" in found[0][1]
    assert not warnings(plan([("prep:visa:1", date(2027, 2, 16))]), "prep:visa:1")


def test_a_late_plan_is_told_the_visa_may_not_be_ready_and_which_days_are_closed():
    # Today Fri 25 Sep 2026, flight Thu 8 Oct: the consulate in Germany is open on Mon 28 to
    # Wed 30 Sep only (1-7 Oct National Day and its swapped days, 3 Oct German Unity Day).
    journey = plan(today=date(2026, 9, 25), start=date(2026, 10, 11), home_tz="Europe/Berlin")
    assert journey.item("flight:outbound").start == date(2026, 10, 8)
    notice = next(n for n in journey.warnings if n.code == "visa-not-ready")
    assert "only 3 days" in notice.message
    assert "01 Oct 2026 (National Day (China))" in notice.message
    assert "German Unity Day" in notice.message
    assert "visa-processing-days" in journey.item("prep:visa:1").assumptions
    in_time = plan(today=date(2026, 8, 1), start=date(2026, 10, 11), home_tz="Europe/Berlin")
    assert "visa-not-ready" not in [n.code for n in in_time.notices]
    assert "visa-processing-days" not in in_time.item("prep:visa:1").assumptions


def test_the_command_line_shows_the_warning_for_a_moved_date(capsys):
    arguments = ["plan", "--start", "2027-03-01", "--home-tz", "America/New_York", "--today", "2026-11-01"]
    assert main([*arguments, "--move", "visa:registration:1=2027-03-03"]) == 0
    out = capsys.readouterr().out
    assert "the date you set: this is more than 24 hours after the arrival" in out
    assert main([*arguments, "--move", "visa:registration:1=2027-02-27"]) == 0
    assert "the date you set" not in capsys.readouterr().out


def test_the_processing_time_is_the_familys_to_change():
    late = dict(today=date(2026, 9, 25), start=date(2026, 10, 11), home_tz="Europe/Berlin")
    # Three open days before the flight: a consulate that says two is enough clears the warning.
    assert "visa-not-ready" in [n.code for n in plan(**late).notices]
    own = plan(visa_processing_days=2, **late)
    assert "visa-not-ready" not in [n.code for n in own.notices]
    slower = plan(visa_processing_days=10, today=date(2026, 8, 1), start=date(2026, 8, 14), home_tz="Europe/Berlin")
    notice = next(n for n in slower.warnings if n.code == "visa-not-ready")
    assert "10 working days" in notice.message
    # Set by the family, it is no longer marked assumed.
    assert "visa-processing-days" not in slower.item("prep:visa:1").assumptions


def test_the_processing_time_from_the_command_line(capsys):
    arguments = ["plan", "--start", "2026-10-11", "--home-tz", "Europe/Berlin", "--today", "2026-09-25"]
    assert main([*arguments, "--visa-processing-days", "2", "--format", "json"]) == 0
    assert "visa-not-ready" not in capsys.readouterr().out
    assert main([*arguments, "--visa-processing-days", "0"]) == 2
    assert "--visa-processing-days" in capsys.readouterr().err


def test_a_date_moved_in_the_window_is_checked_and_the_warning_goes_when_it_is_fixed(qtbot, window):
    from PySide6.QtCore import QDate, Qt

    # The window's plan: Shanghai from Mon 1 Mar 2027, from Berlin; arrival Sat 27 Feb.
    window.document.select("visa:registration:1")
    window.agenda.move_date.setDate(QDate(2027, 3, 3))
    qtbot.mouseClick(window.agenda.move_button, Qt.MouseButton.LeftButton)
    assert "moved-registration-late" in [n.code for n in window.document.journey.warnings]
    assert "more than 24 hours after the arrival" in window.summary.notices.text()
    window.document.select("visa:registration:1")
    window.agenda.move_date.setDate(QDate(2027, 2, 28))
    qtbot.mouseClick(window.agenda.move_button, Qt.MouseButton.LeftButton)
    assert "moved-registration-late" not in [n.code for n in window.document.journey.notices]
    assert "more than 24 hours after the arrival" not in window.summary.notices.text()
