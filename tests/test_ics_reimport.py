"""Importing a new export over an old one: SEQUENCE grows, keys stay, dropped items are cancelled."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from carte_planner.domain import TripRequest
from carte_planner.domain.identity import event_uid
from carte_planner.domain.plan import ExportRecord
from carte_planner.export.ics import CalendarExport, ExportOptions, export_calendar, sequence_number
from tests.journeys import TODAY, planned

NOW = datetime(2027, 1, 1, 12, 0, 0, tzinfo=UTC)
TRIP = TripRequest(
    start=date(2027, 9, 27),
    city="beijing",
    home_tz="America/New_York",
    phase_days=(("manufacturing", 28),),
    followup_years=1,
)


NO_RECORD = ExportRecord()


def export(request: TripRequest, previous: ExportRecord = NO_RECORD, **options) -> CalendarExport:
    options.setdefault("now", NOW)
    return export_calendar(planned(request, TODAY), ExportOptions("plan-1", previous=previous, **options))


def events(data: bytes) -> dict[str, icalendar.Event]:
    """The master event of each UID."""
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e}


def sequences(data: bytes) -> set[int]:
    return {int(e["SEQUENCE"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def test_two_exports_in_the_same_second_give_growing_sequence_numbers():
    first = export(TRIP)
    second = export(TRIP, first.record)
    third = export(TRIP.with_phase_length("screening", 9), second.record)
    (one,), (two,), (three,) = sequences(first.data), sequences(second.data), sequences(third.data)
    assert one < two < three
    assert (first.record.sequence, second.record.sequence, third.record.sequence) == (one, two, three)


def test_sequence_grows_with_time_without_a_record():
    earlier, later = export(TRIP), export(TRIP, now=NOW + timedelta(seconds=1))
    assert max(sequences(earlier.data)) < min(sequences(later.data))
    # Above the minutes since 1970 that earlier versions wrote, so their events update too.
    assert sequence_number(NOW) > NOW.timestamp() // 60
    # RFC 5545's INTEGER is 32-bit signed: a plan exported in 2080 still fits.
    assert sequence_number(datetime(2080, 1, 1, tzinfo=UTC)) < 2**31


def test_a_clock_set_back_never_lowers_the_sequence():
    first = export(TRIP)
    second = export(TRIP, first.record, now=NOW - timedelta(days=30))
    assert min(sequences(second.data)) == first.record.sequence + 1


def test_the_record_holds_every_uid_of_the_export():
    result = export(TRIP)
    assert set(dict(result.record.events)) == set(events(result.data))


def day_of(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def keys(request: TripRequest) -> set[str]:
    return {item.key for item in planned(request, TODAY).items}


def test_toggling_the_trip_home_keeps_the_keys_of_items_that_stay():
    at_home = replace(TRIP, go_home=True)
    staying = keys(TRIP)
    # An extension (and its held passport), or a residence permit's step, that two shorter stays
    # no longer need may go; everything else stays put.
    needed_for_the_stay = ("visa:extension", "visa:passport-held", "visa:residence")
    gone = {key for key in staying - keys(at_home) if not key.startswith(needed_for_the_stay)}
    assert not gone, f"keys that change when the trip home is turned on: {sorted(gone)}"


@pytest.mark.parametrize("go_home_first", [True, False])
def test_a_re_export_cancels_the_items_that_disappeared(go_home_first):
    before = replace(TRIP, go_home=go_home_first)
    after = replace(TRIP, go_home=not go_home_first)
    first = export(before)
    second = export(after, first.record, now=NOW + timedelta(seconds=1))
    old, new = events(first.data), events(second.data)
    vanished = set(old) - {event_uid(key, "plan-1") for key in keys(after)}
    assert vanished, "the toggle should drop at least the flights home"
    for uid in vanished:
        event = new[uid]
        assert event["STATUS"] == "CANCELLED"
        assert event.decoded("DTSTART") == day_of(old[uid].decoded("DTSTART"))
        assert int(event["SEQUENCE"]) > int(old[uid]["SEQUENCE"])
    live = {uid for uid, event in new.items() if event.get("STATUS") != "CANCELLED"}
    assert live == {event_uid(key, "plan-1") for key in keys(after)}
    # A third export still cancels them (the second file may never have been imported) ...
    third = export(after, second.record, now=NOW + timedelta(seconds=2))
    assert {uid for uid, e in events(third.data).items() if e.get("STATUS") == "CANCELLED"} == vanished
    # ... and an item that comes back is live again, with a higher SEQUENCE.
    back = events(export(before, third.record, now=NOW + timedelta(seconds=3)).data)
    assert all(back[uid].get("STATUS") != "CANCELLED" for uid in old)


def test_a_cancelled_event_stays_on_the_day_it_was():
    first = export(replace(TRIP, go_home=True))
    second = export(TRIP, first.record)
    flight_uid = event_uid("flight:home-visit", "plan-1")
    flight = planned(replace(TRIP, go_home=True), TODAY).item("flight:home-visit")
    cancelled = events(second.data)[flight_uid]
    assert cancelled.decoded("DTSTART") == flight.start
    assert str(cancelled["SUMMARY"]) == "Removed from the plan"


def test_a_discreet_export_leaves_the_other_calendars_events_alone():
    plain = export(TRIP)
    discreet = export(TRIP, plain.record, discreet=True)
    assert b"STATUS:CANCELLED" not in discreet.data
    again = export(TRIP, discreet.record)
    assert b"STATUS:CANCELLED" not in again.data


KHAL_CONFIG = """[calendars]
[[journey]]
path = {folder}/calendar
type = calendar
[locale]
local_timezone = UTC
default_timezone = UTC
longdateformat = %Y-%m-%d
longdatetimeformat = %Y-%m-%dT%H:%M:%SZ
[sqlite]
path = {folder}/khal.db
"""


# khal comes with the test extra; it sits beside the interpreter when the venv is not on PATH.
KHAL = shutil.which("khal") or shutil.which("khal", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(KHAL is None, reason="khal is not installed (pip install khal to run this)")
def test_khal_keeps_no_stale_event_after_importing_the_second_file(tmp_path):
    (tmp_path / "calendar").mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(KHAL_CONFIG.format(folder=tmp_path))
    khal = [str(KHAL), "-c", str(config), "--no-color"]
    environment = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    first = export(replace(TRIP, go_home=True))
    second = export(TRIP, first.record, now=NOW + timedelta(seconds=1))
    for number, result in enumerate((first, second)):
        path = tmp_path / f"export-{number}.ics"
        path.write_bytes(result.data)
        subprocess.run([*khal, "import", "--batch", str(path)], env=environment, check=True, capture_output=True)
    listing = subprocess.run(
        [*khal, "list", "-df", "", "-f", "{uid}\t{start-long}\t{cancelled}{title}", "2026-01-01", "2030-01-01"],
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    shown = {tuple(line.split("\t")) for line in listing.splitlines()}
    live = {event_uid(item.key, "plan-1"): item for item in planned(TRIP, TODAY).items}
    for uid, _start, title in shown:
        if uid in live:
            assert not title.startswith("CANCELLED")
        else:
            assert title == "CANCELLED Removed from the plan", (uid, title)
    # Each old version was replaced: one accommodation, not the one from the first file too.
    accommodation = [title for _uid, _start, title in shown if title.startswith("Accommodation")]
    assert len(set(accommodation)) == 1
