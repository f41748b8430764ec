"""The calendar export, read back with vobject (an independent parser) and checked rule by rule."""

from datetime import UTC, date, datetime, time, timedelta
from functools import partial

import pytest
import vobject
from hypothesis import given
from hypothesis import strategies as st

from carte_planner.domain import Category, TripRequest
from carte_planner.domain.identity import derived_plan_id, event_uid
from carte_planner.export.ics import DISCREET_NOTE, ExportOptions, export_ics, portable_rule, zoned_time
from tests.journeys import planned, planned_trip

NOW = datetime(2027, 1, 1, 12, 0, tzinfo=UTC)


journey_for = partial(planned_trip, home_tz="America/New_York", city="beijing")


def export(journey, **options):
    options.setdefault("plan_id", "plan-1")
    options.setdefault("now", NOW)
    return export_ics(journey, ExportOptions(**options))


def parse(data: bytes):
    """Read a file with vobject, with its times in the file's own VTIMEZONE definitions.

    vobject keeps the first zone it meets for a TZID for the whole process, skips one that
    looks like UTC in 2000-2030 and then falls back to pytz's database: each file is read
    twice, registering its own zones in between, as a client reading it alone would.
    """
    text = data.decode("utf-8")
    zones = getattr(vobject.icalendar, "__tzidMap")
    zones.clear()
    for timezone in vobject.readOne(text).contents.get("vtimezone", []):
        zones[timezone.tzid.value] = timezone.gettzinfo()
    zones["UTC"] = vobject.icalendar.utc
    return vobject.readOne(text)


def events_by_uid(calendar):
    masters, overrides = {}, {}
    for event in calendar.vevent_list:
        target = overrides if hasattr(event, "recurrence_id") else masters
        target.setdefault(event.uid.value, []).append(event)
    return masters, overrides


def assert_matches(journey, data):
    calendar = parse(data)
    masters, overrides = events_by_uid(calendar)
    expected = 0
    for item in journey.items:
        if item.recurrence is not None and not portable_rule(item.recurrence, item.start):
            # A series no rule form expands alike everywhere: one plain event per visit.
            for line in journey.occurrences_of(item):
                (event,) = masters[event_uid(line.key, "plan-1")]
                assert not hasattr(event, "rrule")
                assert (event.dtstart.value, event.dtend.value) == (line.day, line.day + timedelta(days=1))
                expected += 1
            continue
        expected += 1
        (event,) = masters[event_uid(item.key, "plan-1")]
        if item.timed:
            # PEP 495: a repeated local time never equals a time in another zone; compare instants.
            assert event.dtstart.value.astimezone(UTC) == item.depart.astimezone(UTC)
            assert event.dtend.value.astimezone(UTC) == item.arrive.astimezone(UTC)
            for written, planned in ((event.dtstart.value, item.depart), (event.dtend.value, item.arrive)):
                # A local time the clocks show twice goes out in UTC, both times it happens.
                zone = "tzutc" if zoned_time(planned).tzinfo is UTC else "tzical"
                assert zone in type(written.tzinfo).__name__
        else:
            assert event.dtstart.value == item.start
            assert not isinstance(event.dtstart.value, datetime)
            assert event.dtend.value == item.end + timedelta(days=1)
        if item.recurrence is None:
            assert not hasattr(event, "rrule")
        else:
            expanded = [d.date() for d in event.getrruleset(addRDate=True)]
            assert tuple(expanded) == item.recurrence.dates
            moved = {o.recurrence_id.value: o.dtstart.value for o in overrides.get(event.uid.value, [])}
            # Visits the family moved, and home visits moved off a closed day at home.
            assert moved == {planned: shown for _, planned, shown in item.occurrence_dates() if shown != planned}
    assert len(masters) == expected


def test_export_matches_the_journey_event_by_event():
    journey = journey_for(moved=(("visits:outpatient#3", date(2027, 5, 11)),))
    assert_matches(journey, export(journey))


def test_calendar_header():
    calendar = parse(export(journey_for()))
    assert calendar.version.value == "2.0"
    assert calendar.prodid.value.startswith("-//Carte Planner//")
    assert calendar.contents["x-wr-calname"][0].value == "CAR-T journey — Beijing"
    assert calendar.contents["name"][0].value == "CAR-T journey — Beijing"


def test_whole_day_spans_have_an_exclusive_end():
    journey = journey_for()
    phase = journey.item("phase:screening")
    text = export(journey).decode()
    assert f"DTSTART;VALUE=DATE:{phase.start:%Y%m%d}" in text
    assert f"DTEND;VALUE=DATE:{phase.end + timedelta(days=1):%Y%m%d}" in text


def test_long_spans_are_transparent_and_treatment_days_busy():
    calendar = parse(export(journey_for()))
    by_uid = {e.uid.value: e for e in calendar.vevent_list}
    assert by_uid[event_uid("stay:accommodation", "plan-1")].transp.value == "TRANSPARENT"
    assert by_uid[event_uid("phase:manufacturing", "plan-1")].transp.value == "TRANSPARENT"
    assert by_uid[event_uid("phase:admission", "plan-1")].transp.value == "OPAQUE"


def test_flights_carry_zones_defined_in_the_file():
    data = export(journey_for()).decode()
    assert "DTSTART;TZID=America/New_York:20270226T100000" in data
    assert "DTEND;TZID=Asia/Shanghai:20270227T110000" in data
    assert data.count("BEGIN:VTIMEZONE") == 2
    timezones = data.split("BEGIN:VTIMEZONE")[1:]
    for block in timezones:
        block = block.split("END:VTIMEZONE")[0]
        assert "RDATE" not in block
        assert "COMMENT" not in block
    assert "Z\r\n" not in data.split("BEGIN:VEVENT")[1].split("DTSTAMP")[0]


def test_vtimezone_is_what_vobject_reads_not_its_own_database():
    calendar = parse(export(journey_for(start=date(2027, 3, 20), home_tz="Europe/Berlin")))
    flight = next(e for e in calendar.vevent_list if e.uid.value == event_uid("flight:outbound", "plan-1"))
    assert "tzical" in type(flight.dtstart.value.tzinfo).__name__
    # 2027-03-16 is before Berlin's change to summer time on 2027-03-28: UTC+1.
    assert flight.dtstart.value.utcoffset() == timedelta(hours=1)


def test_daylight_saving_on_both_ends_of_a_trip():
    journey = journey_for(start=date(2027, 3, 5), home_tz="America/New_York")
    data = export(journey)
    assert_matches(journey, data)
    calendar = parse(data)
    by_uid = {e.uid.value: e for e in calendar.vevent_list}
    outbound = by_uid[event_uid("flight:outbound", "plan-1")]
    back = by_uid[event_uid("flight:return", "plan-1")]
    assert outbound.dtstart.value.utcoffset() == timedelta(hours=-5)
    assert back.dtend.value.utcoffset() == timedelta(hours=-4)


def test_uids_are_stable_across_exports_and_a_changed_start():
    first = parse(export(journey_for()))
    second = parse(export(journey_for(start=date(2027, 5, 3)), now=NOW + timedelta(days=3)))
    assert {e.uid.value for e in first.vevent_list} == {e.uid.value for e in second.vevent_list}
    other_patient = parse(export(journey_for(), plan_id="plan-2"))
    assert not {e.uid.value for e in first.vevent_list} & {e.uid.value for e in other_patient.vevent_list}


def test_cli_plan_id_is_derived_from_city_home_zone_and_travellers():
    couple = ("Ana", "Luis")
    assert derived_plan_id("beijing", "Europe/Berlin", couple) == derived_plan_id("Beijing", "Europe/Berlin", couple)
    assert derived_plan_id("beijing", "Europe/Berlin", couple) != derived_plan_id("shanghai", "Europe/Berlin", couple)
    assert derived_plan_id("beijing", "Europe/Berlin", couple) != derived_plan_id("beijing", "Europe/Berlin", ("Mei",))


def test_deadlines_carry_an_alarm():
    journey = journey_for()
    calendar = parse(export(journey))
    by_uid = {e.uid.value: e for e in calendar.vevent_list}
    for key in ["prep:visa:1", "milestone:admission", "flight:outbound", "flight:return", "prep:bookings"]:
        assert hasattr(by_uid[event_uid(key, "plan-1")], "valarm"), key
    assert not hasattr(by_uid[event_uid("phase:screening", "plan-1")], "valarm")


def test_every_description_ends_with_the_estimate_line():
    journey = journey_for()
    for discreet, note in ((False, journey.estimate_note), (True, DISCREET_NOTE)):
        calendar = parse(export(journey, discreet=discreet))
        for event in calendar.vevent_list:
            assert event.description.value.splitlines()[-1] == note


DISCREET_BANNED = ("hospital", "treatment", "infusion", "CAR-T", "patient", "Day 0", "Cancer", "chemotherapy")


@pytest.mark.parametrize("go_home", [False, True])
def test_a_discreet_file_says_nothing_about_health(go_home):
    journey = journey_for(
        start=date(2027, 1, 3),  # Day 0 on a 30th: the monthly visits go out one by one
        go_home=go_home,
        hospital_name="Cancer Hospital",
        hospital_phone="+86 10 0000 0000",
        moved=(("visits:outpatient#2", date(2027, 3, 12)),),
    )
    data = export(journey, discreet=True)
    calendar = parse(data)
    assert {e.summary.value for e in calendar.vevent_list} <= {"Reminder", "Travel", "Away", "Appointment"}
    assert calendar.contents["x-wr-calname"][0].value == "Appointments"
    text = data.decode().replace("\r\n ", "")
    for word in DISCREET_BANNED:
        assert word.casefold() not in text.casefold(), word
    assert "carte" not in text.casefold()  # the product's name echoes the treatment's


def test_chinese_text_and_special_characters_survive():
    # A line break is refused at the request (a one-line field); the rest must be escaped, not lost.
    name = '北京大学人民医院; "Ward 7", floor 3, East 🏥'
    journey = journey_for(hospital_name_zh=name, hospital_address_zh="北京市西城区西直门南大街11号")
    data = export(journey, calendar_name='Treatment, "Mum"; 北京')
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")
    calendar = parse(data)
    admission = next(e for e in calendar.vevent_list if e.uid.value == event_uid("phase:admission", "plan-1"))
    assert name in admission.location.value
    assert "北京市西城区西直门南大街11号" in admission.location.value
    assert calendar.contents["x-wr-calname"][0].value == 'Treatment, "Mum"; 北京'


def test_day_numbers_appear_in_treatment_descriptions():
    calendar = parse(export(journey_for()))
    infusion = next(e for e in calendar.vevent_list if e.uid.value == event_uid("milestone:infusion", "plan-1"))
    assert "Day 0" in infusion.description.value


def test_a_repeated_local_time_is_written_in_utc():
    # Sydney leaves summer time at 03:00 on 2041-04-07: 02:00 happens twice; this flight lands
    # at the second 02:00 (UTC+10), which a TZID time would read as the first.
    journey = journey_for(start=date(2040, 12, 27), home_tz="Australia/Sydney", followup_years=0, flight_hours=13)
    arrive = journey.item("flight:return").arrive
    assert (arrive.fold, arrive.utcoffset()) == (1, timedelta(hours=10))
    data = export(journey).decode()
    assert "DTEND:20410406T160000Z" in data
    assert_matches(journey, export(journey))


def test_the_first_of_two_repeated_local_times_is_written_in_utc_too():
    # New York's clocks go back at 02:00 on 2027-11-07: a 01:30 departure that night is the
    # first 01:30 (UTC-4), which ical.js, libical and khal would read as the second.
    journey = journey_for(start=date(2027, 11, 9), departure_time=time(1, 30), arrive_days_before=1)
    depart = journey.item("flight:outbound").depart
    assert (depart.fold, depart.utcoffset()) == (0, timedelta(hours=-4))
    data = export(journey).decode()
    assert "DTSTART:20271107T053000Z" in data
    assert "TZID=America/New_York:20271107T013000" not in data
    assert_matches(journey, export(journey))


def test_no_vtodo_in_the_file():
    assert b"VTODO" not in export(journey_for())


@pytest.mark.parametrize("go_home", [False, True])
def test_going_home_export_matches(go_home):
    journey = journey_for(go_home=go_home, phase_days=(("manufacturing", 28),))
    assert_matches(journey, export(journey))
    if go_home:
        assert any(item.category is Category.FLIGHT and "home-visit" in item.key for item in journey.items)


@given(
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    zone=st.sampled_from(["America/New_York", "Europe/London", "Australia/Sydney", "America/Sao_Paulo"]),
    years=st.integers(0, 20),
    go_home=st.booleans(),
)
def test_property_every_export_parses_back_to_the_journey(start, zone, years, go_home):
    journey = journey_for(start=start, home_tz=zone, followup_years=years, go_home=go_home)
    assert_matches(journey, export(journey))


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_property_series_rules_give_the_planned_dates(start):
    """The rule text written to the file and the dates the app shows come from the same parts:
    parsing the text back with dateutil gives the same dates."""
    from dateutil.rrule import rrulestr

    journey = journey_for(start=start, followup_years=20)
    series = [item for item in journey.items if item.recurrence is not None]
    assert series
    for item in series:
        parsed = rrulestr(item.recurrence.rule, dtstart=datetime.combine(item.start, datetime.min.time()))
        assert tuple(d.date() for d in parsed) == item.recurrence.dates


@pytest.mark.parametrize("discreet", [False, True])
def test_header_says_publish_and_no_property_is_empty(discreet):
    journey = journey_for(go_home=True, phase_days=(("manufacturing", 28),))
    data = export(journey, discreet=discreet)
    lines = data.decode().replace("\r\n ", "").split("\r\n")
    assert "METHOD:PUBLISH" in lines[:8]
    empty = [line for line in lines if line and line.split(":", 1)[1:] == [""]]
    assert not empty
    # RFC 5546 wants one ORGANIZER per event of a PUBLISH file (libical checks it).
    calendar = parse(data)
    assert all(len(e.contents["organizer"]) == 1 for e in calendar.vevent_list)


def test_holidays_are_left_out_unless_asked_for_and_then_free_all_day_events():
    journey = planned(TripRequest(start=date(2027, 9, 13), home_tz="Europe/Berlin"))
    now = datetime(2027, 1, 15, 9, 30, tzinfo=UTC)
    plain = vobject.readOne(export_ics(journey, ExportOptions("plan-1", now)).decode())
    assert not [e for e in plain.vevent_list if "holiday" in e.summary.value.lower()]
    with_holidays = vobject.readOne(export_ics(journey, ExportOptions("plan-1", now, holidays=True)).decode())
    holidays = [e for e in with_holidays.vevent_list if e.summary.value.startswith("Public holiday")]
    assert len(holidays) == len(journey.holidays) > 0
    national_day = next(e for e in holidays if e.dtstart.value == date(2027, 10, 1))
    assert (
        national_day.summary.value
        == "Public holiday (China): National Day (provisional: check the official holiday notice for 2027)"
    )
    assert "Provisional: check the official holiday notice for 2027." in national_day.description.value
    assert national_day.dtend.value == date(2027, 10, 2)
    assert national_day.transp.value == "TRANSPARENT"
    assert not hasattr(national_day, "valarm")
    discreet = export_ics(journey, ExportOptions("plan-1", now, discreet=True, holidays=True)).decode()
    assert "China" not in discreet


def test_the_extension_event_carries_the_visa_warning():
    journey = planned(TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin"))
    now = datetime(2027, 1, 15, 9, 30, tzinfo=UTC)
    calendar = vobject.readOne(export_ics(journey, ExportOptions("plan-1", now)).decode())
    extension = next(e for e in calendar.vevent_list if e.summary.value.startswith("Apply for a stay extension"))
    assert "Warning: The stay in China is planned at 103 days" in extension.description.value
    assert "residence permit" in extension.description.value
