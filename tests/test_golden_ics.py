"""Golden calendar files for fixed requests, compared line by line regardless of order.

After an intended change to the export, rewrite them with
`CARTE_REGENERATE_GOLDEN=1 python -m pytest tests/test_golden_ics.py` and review the diff.
"""

import os
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from carte_planner.domain import Scenario, TripRequest
from carte_planner.export.ics import ExportOptions, export_ics
from tests.journeys import planned

GOLDEN = Path(__file__).parent / "ics"
NOW = datetime(2027, 1, 15, 9, 30, tzinfo=UTC)

CASES = {
    "beijing_new_york_typical": TripRequest(
        start=date(2027, 3, 1),
        city="beijing",
        home_tz="America/New_York",
        home_airport="JFK",
        hospital_name="Example Hospital",
        hospital_name_zh="示例医院",
        hospital_address_zh="北京市西城区示例路1号",
        hospital_phone="+86 10 0000 0000",
        moved=(("visits:outpatient#2", date(2027, 5, 7)),),
        confirmed=frozenset({"phase:screening"}),
    ),
    "guangzhou_sydney_longest_home_visit": TripRequest(
        start=date(2027, 9, 27),
        city="guangzhou",
        scenario=Scenario.LONGEST,
        home_tz="Australia/Sydney",
        flight_hours=9.5,
        departure_time=time(22, 15),
        go_home=True,
        travellers=("Ana", "Luis", "Mei"),
        visa_stay_days=60,
        followup_years=2,
    ),
}


def unfolded_lines(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def components(data: bytes) -> list[tuple[str, ...]]:
    """Each component as the sorted tuple of its own lines; nested ones on their own."""
    stack: list[list[str]] = []
    found: list[tuple[str, ...]] = []
    for line in unfolded_lines(data):
        if line.startswith("BEGIN:"):
            stack.append([line])
        elif line.startswith("END:"):
            found.append(tuple(sorted(stack.pop())))
        elif line and stack:
            stack[-1].append(line)
    return sorted(found)


@pytest.mark.parametrize("name", sorted(CASES))
def test_export_matches_golden_file(name):
    journey = planned(CASES[name], date(2027, 1, 15))
    data = export_ics(journey, ExportOptions(plan_id=f"golden-{name}", now=NOW))
    path = GOLDEN / f"{name}.ics"
    if os.environ.get("CARTE_REGENERATE_GOLDEN"):
        path.write_bytes(data)
    assert components(data) == components(path.read_bytes())
