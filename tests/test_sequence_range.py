"""SEQUENCE stays within RFC 5545's range for ever: it still grows after 2088 and at a plan's
highest value, is never written above 2³¹−1, and two exports of one plan at once never share it."""

import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime

from icalendar import Calendar

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.plan import ExportRecord, Plan
from carte_planner.export.ics import SEQUENCE_LIMIT, ExportOptions, export_calendar, sequence_number
from carte_planner.storage.planfile import load_plan, save_plan
from tests.journeys import REFERENCE, planned

REQUEST = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin", followup_years=1)


def sequences(data: bytes) -> set[int]:
    return {int(event["sequence"]) for event in Calendar.from_ical(data).walk("VEVENT")}


def test_after_2088_the_number_counts_on_from_the_plan_and_stops_at_the_limit():
    after = datetime(2090, 6, 1, tzinfo=UTC)
    assert sequence_number(after, 0) == 1
    assert sequence_number(after, 2_147_000_000) == 2_147_000_001
    assert sequence_number(datetime(2030, 1, 1, tzinfo=UTC), SEQUENCE_LIMIT) == SEQUENCE_LIMIT
    journey = planned(REQUEST)
    previous = ExportRecord(2_147_000_000, ())
    result = export_calendar(journey, ExportOptions("plan-late", after, previous=previous))
    assert sequences(result.data) == {2_147_000_001}
    assert result.record.sequence == 2_147_000_001


def test_a_plan_at_the_highest_number_exports_and_says_to_import_afresh(capsys, tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, Plan(REQUEST, "plan-max", exported=ExportRecord(SEQUENCE_LIMIT, ())))
    target = tmp_path / "trip.ics"
    assert main(["export", "--plan", str(path), "-o", str(target)]) == 0
    _out, err = capsys.readouterr()
    assert sequences(target.read_bytes()) == {SEQUENCE_LIMIT}
    assert "highest possible value" in err
    assert load_plan(path, REFERENCE).exported.sequence == SEQUENCE_LIMIT


def test_exports_of_one_plan_at_the_same_moment_never_share_a_number(tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, Plan(REQUEST, "plan-race"))
    command = [sys.executable, "-m", "carte_planner", "export", "--plan", str(path), "-o"]
    runs = [subprocess.Popen([*command, str(tmp_path / f"j{n}.ics")]) for n in range(4)]
    assert [run.wait(120) for run in runs] == [0, 0, 0, 0]
    numbers = [sequences((tmp_path / f"j{n}.ics").read_bytes()) for n in range(4)]
    assert all(len(found) == 1 for found in numbers)
    flat = sorted(found.pop() for found in numbers)
    assert len(set(flat)) == 4
    assert load_plan(path, REFERENCE).exported.sequence == flat[-1]


def test_publishing_a_plan_at_the_highest_number_gives_no_traceback():
    from carte_planner.export.calendar_objects import calendar_objects

    journey = planned(REQUEST)
    plan = replace(Plan(REQUEST, "plan-max"), exported=ExportRecord(SEQUENCE_LIMIT, ()))
    sequence, objects = calendar_objects(
        journey, ExportOptions(plan.plan_id, datetime(2027, 1, 4, tzinfo=UTC)), plan.exported.sequence
    )
    assert sequence == SEQUENCE_LIMIT
    assert objects


def test_the_window_counts_on_above_an_export_a_command_wrote_into_the_plan_file(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "trip.carteplan"
    save_plan(path, window.document.plan)
    window.document.replace_plan(load_plan(path, REFERENCE), path)
    window._set_plan_file(path)
    # Meanwhile `export --plan` (in a terminal) recorded a number far above the clock's.
    save_plan(path, replace(load_plan(path, REFERENCE), exported=ExportRecord(2_000_000_000, ())))
    target = tmp_path / "window.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    assert window.export_calendar()
    assert sequences(target.read_bytes()) == {2_000_000_001}
    assert window.document.plan.exported.sequence == 2_000_000_001
