"""One VCALENDAR per event UID, built from the file export's own events."""

from dataclasses import replace
from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar, Event

from carte_planner.domain import TripRequest
from carte_planner.export.calendar_objects import (
    calendar_object,
    calendar_objects,
    content_fingerprint,
    resource_name,
)
from carte_planner.export.ics import ExportOptions, export_ics
from tests.journeys import planned

NOW = datetime(2027, 1, 4, 9, tzinfo=UTC)
JOURNEY = planned(TripRequest(start=date(2027, 3, 1), city="beijing", home_tz="America/New_York", go_home=True))


def test_the_resources_hold_exactly_the_events_of_the_file():
    options = ExportOptions("plan-a", NOW)
    sequence, objects = calendar_objects(JOURNEY, options, 0)
    file = Calendar.from_ical(export_ics(JOURNEY, options))
    in_file = sorted(event.to_ical() for event in file.walk("VEVENT"))
    in_resources = sorted(event.to_ical() for item in objects for event in Calendar.from_ical(item.data).walk("VEVENT"))
    assert in_resources == in_file
    assert {int(event["sequence"]) for event in file.walk("VEVENT")} == {sequence}
    assert len({item.uid for item in objects}) == len(objects)


def test_a_flight_resource_carries_both_of_its_zones_and_no_method():
    _, objects = calendar_objects(JOURNEY, ExportOptions("plan-a", NOW), 0)
    flight = next(item for item in objects if b"TZID=America/New_York" in item.data)
    calendar = Calendar.from_ical(flight.data)
    assert "METHOD" not in calendar
    assert {str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")} == {"America/New_York", "Asia/Shanghai"}
    whole_day = next(item for item in objects if b"TZID" not in item.data)
    assert Calendar.from_ical(whole_day.data).walk("VTIMEZONE") == []


def test_the_sequence_grows_above_the_last_published_one():
    sequence, _ = calendar_objects(JOURNEY, ExportOptions("plan-a", NOW), 2_000_000_000)
    assert sequence == 2_000_000_001


def test_a_new_stamp_and_sequence_leave_the_fingerprint_alone_and_a_new_date_changes_it():
    _, first = calendar_objects(JOURNEY, ExportOptions("plan-a", NOW), 0)
    _, later = calendar_objects(JOURNEY, ExportOptions("plan-a", NOW.replace(hour=18)), 10**8)
    assert [item.fingerprint for item in first] == [item.fingerprint for item in later]
    moved = planned(replace(JOURNEY.request, start=date(2027, 3, 8)))
    _, after_move = calendar_objects(moved, ExportOptions("plan-a", NOW), 0)
    by_uid = {item.uid: item.fingerprint for item in first}
    assert any(by_uid.get(item.uid) not in (None, item.fingerprint) for item in after_move)


def test_resource_names_come_from_the_uid_alone_and_are_safe_in_a_path():
    assert resource_name("0b6c2f4e-5a1d@carte-planner") == "0b6c2f4e-5a1d-carte-planner.ics"
    assert resource_name("a/b c@x") == "a-b-c-x.ics"


@given(st.text(min_size=1, max_size=80), st.text(max_size=200))
def test_property_a_copy_read_back_and_written_again_has_the_same_fingerprint(title, description):
    event = Event.new(
        uid="u@x", start=date(2027, 3, 1), end=date(2027, 3, 2), summary=title, description=description, stamp=NOW
    )
    data = calendar_object([event], discreet=False)
    assert content_fingerprint(Calendar.from_ical(data).to_ical()) == content_fingerprint(data)
    edited = Event.new(
        uid="u@x", start=date(2027, 3, 1), end=date(2027, 3, 2), summary=title + "!", description=description, stamp=NOW
    )
    assert content_fingerprint(calendar_object([edited], discreet=False)) != content_fingerprint(data)
