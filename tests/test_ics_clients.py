"""Every export of a matrix of journeys, expanded by independent parsers, gives the journey's
own dates: vobject (which reads the file's VTIMEZONEs), recurring-ical-events (on icalendar)
and, where node is available, ical.js, the parser of Thunderbird and Nextcloud Calendar.

The matrix holds the cases where clients have disagreed: Day 0 on the 29th, 30th and 31st
and on a leap day (month-end follow-ups), departures inside the hour that clocks repeat in
both hemispheres, a departure in the hour they skip, moved visits and a trip home.
"""

from __future__ import annotations

import calendar
import fcntl
import json
import shutil
import subprocess
import time as clock
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
import vobject
from dateutil.relativedelta import relativedelta

from carte_planner.domain.identity import event_uid
from carte_planner.domain.journey import Journey
from carte_planner.export.ics import ExportOptions, export_ics, portable_rule, zoned_time
from tests.journeys import planned_trip

NOW = datetime(2027, 1, 1, 12, 0, tzinfo=UTC)
PLAN_ID = "matrix"
YEARS_AHEAD = 20
ICALJS = Path(__file__).parent / "icaljs"
NPM_CACHE = Path(__file__).resolve().parent.parent / "build" / "npm-cache"

MATRIX: dict[str, dict[str, object]] = {
    # Day 0 is five days after admission; these starts put it on the 29th, 30th and 31st.
    "day-zero-29th": {"start": date(2027, 1, 3), "scenario": "shortest"},
    "day-zero-30th": {"start": date(2027, 1, 4), "scenario": "shortest"},
    "day-zero-31st": {"start": date(2027, 1, 5), "scenario": "shortest"},
    "day-zero-leap-day": {"start": date(2028, 1, 24)},
    "new-york-first-of-repeated-hour": {
        "start": date(2027, 11, 9),
        "departure_time": time(1, 30),
        "arrive_days_before": 1,
    },
    "sydney-landing-in-repeated-hour": {
        "start": date(2040, 12, 27),
        "home_tz": "Australia/Sydney",
        "flight_hours": 13,
    },
    "chengdu-sydney-clocks-back": {
        "start": date(2027, 12, 19),
        "city": "chengdu",
        "home_tz": "Australia/Sydney",
        "flight_hours": 12.5,
    },
    "london-departure-in-repeated-hour": {
        "start": date(2027, 11, 1),
        "home_tz": "Europe/London",
        "departure_time": time(1, 15),
        "arrive_days_before": 1,
    },
    "sydney-departure-in-skipped-hour": {
        "start": date(2027, 10, 5),
        "home_tz": "Australia/Sydney",
        "departure_time": time(2, 30),
        "arrive_days_before": 1,
    },
    "santiago-southern-autumn": {
        "start": date(2027, 3, 20),
        "home_tz": "America/Santiago",
        "departure_time": time(23, 30),
    },
    "moved-visits": {
        "start": date(2027, 3, 1),
        "moved": (("visits:outpatient#3", date(2027, 5, 11)), ("followup:monthly#2", date(2027, 7, 2))),
    },
    "moved-month-end-visit": {
        "start": date(2027, 1, 5),
        "scenario": "shortest",
        "moved": (("followup:monthly#3", date(2027, 6, 28)),),
    },
    "trip-home": {
        "start": date(2027, 9, 27),
        "go_home": True,
        "phase_days": (("manufacturing", 28),),
        "travellers": ("Ana", "Luis", "Mei"),
    },
}


def journey_for(changes: dict[str, object]) -> Journey:
    values = {"city": "beijing", "home_tz": "America/New_York", "followup_years": YEARS_AHEAD, **changes}
    return planned_trip(**values)  # type: ignore[arg-type]


def stamp(value: date | datetime) -> str:
    """One moment as every parser's answer is compared: UTC for times, the date for days."""
    if isinstance(value, datetime):
        assert value.tzinfo is not None, "a floating time"
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def expected(journey: Journey) -> set[tuple[str, str, str]]:
    """(UID, start, exclusive end) of every occurrence, from the journey itself."""
    found = set()
    for item in journey.items:
        if item.timed:
            assert item.depart is not None
            assert item.arrive is not None
            found.add((event_uid(item.key, PLAN_ID), stamp(item.depart), stamp(item.arrive)))
            continue
        single = item.recurrence is not None and not portable_rule(item.recurrence, item.start)
        for line in journey.occurrences_of(item):
            uid = event_uid(line.key if single else item.key, PLAN_ID)
            found.add((uid, stamp(line.day), stamp(line.end + timedelta(days=1))))
    return found


def horizon(journey: Journey) -> date:
    return journey.request.start + relativedelta(years=YEARS_AHEAD + 2)


def with_vobject(data: bytes, until: date) -> set[tuple[str, str, str]]:
    """vobject, with each file's own zone definitions (see test_ics.parse)."""
    text = data.decode("utf-8")
    zones = getattr(vobject.icalendar, "__tzidMap")
    zones.clear()
    for timezone in vobject.readOne(text).contents.get("vtimezone", []):
        zones[timezone.tzid.value] = timezone.gettzinfo()
    zones["UTC"] = vobject.icalendar.utc
    calendar = vobject.readOne(text)
    moved: dict[tuple[str, str], tuple[str, str]] = {}
    masters = []
    for event in calendar.vevent_list:
        if hasattr(event, "recurrence_id"):
            key = (event.uid.value, stamp(event.recurrence_id.value))
            moved[key] = (stamp(event.dtstart.value), stamp(event.dtend.value))
        else:
            masters.append(event)
    found = set()
    for event in masters:
        start, end = event.dtstart.value, event.dtend.value
        if not hasattr(event, "rrule"):
            found.add((event.uid.value, stamp(start), stamp(end)))
            continue
        length = end - start
        for occurrence in event.getrruleset(addRDate=True):
            day = occurrence.date()
            if day >= until:
                break
            planned = stamp(day)
            found.add((event.uid.value, *moved.get((event.uid.value, planned), (planned, stamp(day + length)))))
    return found


def with_recurring_ical_events(data: bytes, until: date) -> set[tuple[str, str, str]]:
    calendar = icalendar.Calendar.from_ical(data)
    found = set()
    for event in recurring_ical_events.of(calendar).between(date(1990, 1, 1), until):
        found.add((str(event["UID"]), stamp(event["DTSTART"].dt), stamp(event["DTEND"].dt)))
    return found


@pytest.fixture(scope="session")
def icaljs() -> Path:
    """ical.js installed beside its small script (git ignores node_modules); skipped, saying
    why, where node or npm is missing or the package cannot be fetched."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("ical.js check skipped: node and npm are not installed")
    NPM_CACHE.mkdir(parents=True, exist_ok=True)
    # One test process installs at a time (xdist workers): the others wait and find it there.
    with (NPM_CACHE.parent / "icaljs-install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (ICALJS / "node_modules" / "ical.js" / "package.json").exists():
            _install_icaljs(npm)
    return Path(node)


def _install_icaljs(npm: str) -> None:
    for attempt in range(3):
        done = subprocess.run(
            # npm's download cache in the build folder, not in ~/.npm.
            [npm, "install", "--no-audit", "--no-fund", "--silent", "--cache", str(NPM_CACHE)],
            cwd=ICALJS,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 0:
            return
        clock.sleep(2 * (attempt + 1))
    pytest.skip(f"ical.js check skipped: npm could not install ical.js ({done.stderr.strip()[-200:]})")


def with_icaljs(node: Path, data: bytes, until: date, folder: Path) -> set[tuple[str, str, str]]:
    path = folder / "calendar.ics"
    path.write_bytes(data)
    done = subprocess.run(
        [str(node), str(ICALJS / "expand.mjs"), str(path), until.isoformat()],
        capture_output=True,
        text=True,
        check=True,
    )
    return {(uid, start, end) for uid, start, end, _status in json.loads(done.stdout)}


@pytest.mark.parametrize("case", sorted(MATRIX))
def test_independent_parsers_read_the_journey_alike(case):
    journey = journey_for(MATRIX[case])
    data = export_ics(journey, ExportOptions(PLAN_ID, NOW))
    until = horizon(journey)
    want = expected(journey)
    assert with_vobject(data, until) == want
    assert with_recurring_ical_events(data, until) == want


@pytest.mark.parametrize("case", sorted(MATRIX))
def test_icaljs_reads_the_journey_alike(case, icaljs, tmp_path):
    journey = journey_for(MATRIX[case])
    data = export_ics(journey, ExportOptions(PLAN_ID, NOW))
    assert with_icaljs(icaljs, data, horizon(journey), tmp_path) == expected(journey)


def test_the_matrix_holds_the_cases_clients_disagreed_on():
    """A guard on the matrix itself: each hard case is really in it."""
    day_zeros = {journey_for(changes).day_zero for changes in MATRIX.values()}
    assert {29, 30, 31} <= {day.day for day in day_zeros}
    assert date(2028, 2, 29) in day_zeros
    repeated = []
    for changes in MATRIX.values():
        for item in journey_for(changes).items:
            for moment in (item.depart, item.arrive):
                if moment is not None and zoned_time(moment).tzinfo is UTC:
                    repeated.append((moment.tzinfo, moment.fold))
    zones = {str(zone) for zone, _fold in repeated}
    assert {"America/New_York", "Australia/Sydney", "Europe/London"} <= zones
    assert {0, 1} <= {fold for _zone, fold in repeated}


def test_month_end_follow_ups_are_single_events_without_bysetpos():
    journey = journey_for(MATRIX["day-zero-31st"])
    text = export_ics(journey, ExportOptions(PLAN_ID, NOW)).decode()
    assert "BYSETPOS" not in text
    monthly = journey.item("followup:monthly")
    assert monthly.recurrence is not None
    # The 31st, or the last day of a shorter month.
    dates = monthly.recurrence.dates
    assert all(day.day == min(31, calendar.monthrange(day.year, day.month)[1]) for day in dates)
    assert {30, 31} <= {day.day for day in dates}
    for line in journey.occurrences_of(monthly):
        assert f"UID:{event_uid(line.key, PLAN_ID)}" in text
