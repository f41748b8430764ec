"""Two audiences, one publish: the family's full calendar and the relatives' discreet one, on
each server the tests start, with one result line each; the relatives' calendar names no
treatment and holds no document or money data."""

import pytest
from icalendar import Calendar

from carte_planner.cli import main
from carte_planner.domain.plan import CalendarServer, Plan
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from carte_planner.storage.planfile import load_plan, save_plan
from tests.caldav_server import PASSWORD, USER
from tests.discreet_words import MEDICAL_WORDS
from tests.journeys import REFERENCE
from tests.test_papers_privacy import MONEY, PAPERS, REQUEST, assert_no_secret


@pytest.fixture
def plan_file(tmp_path, monkeypatch):
    monkeypatch.setenv("CARTE_PLANNER_CALDAV_PASSWORD", PASSWORD)
    path = tmp_path / "trip.carteplan"
    save_plan(path, Plan(REQUEST, "plan-two", papers=PAPERS, money=MONEY))
    return path


def run(capsys, plan_file, *argv):
    code = main(["publish", "--plan", str(plan_file), "--today", "2027-01-04", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def calendars(server):
    """Each calendar folder's events, as (SUMMARY, DESCRIPTION) rows, and its raw bytes."""
    found: dict[str, list[tuple[str, str]]] = {}
    raw: dict[str, bytes] = {}
    for name, data in server.items().items():
        folder = name.split("/")[0]
        raw[folder] = raw.get(folder, b"") + data
        for event in Calendar.from_ical(data).walk("VEVENT"):
            found.setdefault(folder, []).append((str(event["summary"]), str(event.get("description", ""))))
    return found, raw


def folder_of(record: CalendarServer) -> str:
    return record.calendar_url.rstrip("/").rsplit("/", 1)[-1]


def test_one_publish_fills_the_family_and_the_relatives_calendars(capsys, caldav_server, plan_file):
    code, out, err = run(
        capsys, plan_file, "--url", caldav_server.url, "--user", USER, "--relatives-calendar", "For grandma"
    )
    assert (code, err) == (0, "")
    lines = [line for line in out.splitlines() if line.startswith(("Published", "Relatives"))]
    assert len(lines) == 2
    assert lines[0].startswith("Published to “CAR-T journey — Shanghai”")
    assert lines[1].startswith("Relatives' calendar: Published to “For grandma”")
    saved = load_plan(plan_file, REFERENCE)
    assert saved.relatives is not None
    assert saved.relatives.discreet
    assert not saved.server.discreet
    assert saved.relatives.calendar_url != saved.server.calendar_url
    events, raw = calendars(caldav_server)
    family, relatives = events[folder_of(saved.server)], events[folder_of(saved.relatives)]
    assert any("CAR-T" in summary for summary, _ in family)  # the family sees everything
    assert {summary for summary, _ in relatives} <= {"Away", "Appointment", "Travel", "Reminder"}
    assert {"Away", "Travel"} <= {summary for summary, _ in relatives}
    text = raw[folder_of(saved.relatives)].decode().lower()
    for word in MEDICAL_WORDS:
        assert word not in text, word
    for data in raw.values():
        assert_no_secret(data)
    # Next time both are published again with no option at all, and nothing changes.
    code, out, _ = run(capsys, plan_file)
    assert code == 0
    assert out.count(" 0 updated, 0 removed, ") == 2


def test_the_relatives_calendar_cannot_be_the_familys(capsys, radicale, plan_file):
    assert run(capsys, plan_file, "--url", radicale.url, "--user", USER)[0] == 0
    code, _, err = run(capsys, plan_file, "--relatives-calendar", "CAR-T journey — Shanghai")
    assert code == 2
    assert "cannot both be “CAR-T journey — Shanghai”" in err
    assert load_plan(plan_file, REFERENCE).relatives is None or not load_plan(plan_file, REFERENCE).relatives.events


def test_the_plan_file_keeps_the_relatives_record():
    record = CalendarServer("https://cloud.example.org/dav/", USER, calendar_name="For grandma", discreet=True)
    plan = Plan(REQUEST, "plan-two", relatives=record)
    assert plan_from_bytes(plan_to_bytes(plan), REFERENCE).relatives == record
    assert plan_from_bytes(plan_to_bytes(Plan(REQUEST, "plan-two")), REFERENCE).relatives is None
