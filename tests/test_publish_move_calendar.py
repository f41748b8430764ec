"""Publishing to another calendar than last time asks about the events left in the old one, and
removes them there when the family says so (never one someone edited there since)."""

import pytest

from carte_planner.cli import main
from carte_planner.domain.plan import Plan
from carte_planner.publish.errors import Failure, PublishError
from carte_planner.storage.planfile import load_plan, save_plan
from tests.caldav_server import PASSWORD, USER
from tests.journeys import REFERENCE
from tests.test_publish import REQUEST, _edit_on_the_server, publish


def per_calendar(server) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in server.items():
        folder = name.split("/")[0]
        counts[folder] = counts.get(folder, 0) + 1
    return counts


def folder(record) -> str:
    return record.calendar_url.rstrip("/").rsplit("/", 1)[-1]


def test_moving_asks_then_removes_the_old_calendars_events(radicale):
    first, saved = publish(radicale, Plan(REQUEST, "plan-a"))
    with pytest.raises(PublishError) as caught:
        publish(radicale, saved, calendar="Trip", create_calendar=True)
    assert caught.value.failure is Failure.OLD_EVENTS
    assert f"{first.created} events of this plan are in the calendar “CAR-T journey — Shanghai”" in (
        caught.value.message
    )
    assert per_calendar(radicale) == {folder(saved.server): first.created}  # nothing published yet
    moved, after = publish(radicale, saved, calendar="Trip", create_calendar=True, remove_old_events=True)
    assert moved.removed_from_old == first.created
    assert "were removed from the calendar published to before" in moved.summary()
    assert per_calendar(radicale) == {folder(after.server): first.created}


def test_leaving_them_keeps_them(radicale):
    first, saved = publish(radicale, Plan(REQUEST, "plan-a"))
    kept, after = publish(radicale, saved, calendar="Trip", create_calendar=True, remove_old_events=False)
    assert kept.removed_from_old == 0
    assert per_calendar(radicale) == {folder(saved.server): first.created, folder(after.server): first.created}


def test_an_event_edited_in_the_old_calendar_stays_there(radicale):
    first, saved = publish(radicale, Plan(REQUEST, "plan-a"))
    radicale.stop()
    edited = _edit_on_the_server(radicale, "Screening", "Screening, note from grandma")
    radicale.start()
    moved, _ = publish(radicale, saved, calendar="Trip", create_calendar=True, remove_old_events=True)
    assert moved.removed_from_old == first.created - 1
    assert b"note from grandma" in radicale.items()[edited]


def test_the_command_line_names_both_answers(capsys, radicale, tmp_path, monkeypatch):
    monkeypatch.setenv("CARTE_PLANNER_CALDAV_PASSWORD", PASSWORD)
    path = tmp_path / "trip.carteplan"
    save_plan(path, Plan(REQUEST, "plan-cli"))
    base = ["publish", "--plan", str(path), "--today", "2027-01-04"]
    assert main([*base, "--url", radicale.url, "--user", USER]) == 0
    old = load_plan(path, REFERENCE).server
    capsys.readouterr()
    assert main([*base, "--calendar", "Trip", "--create-calendar"]) == 2
    err = capsys.readouterr().err
    assert "--old-events remove" in err
    assert "--old-events keep" in err
    assert load_plan(path, REFERENCE).server == old  # nothing moved
    assert main([*base, "--calendar", "Trip", "--create-calendar", "--old-events", "remove"]) == 0
    assert "removed from the calendar published to before" in capsys.readouterr().out
    assert folder(old) not in per_calendar(radicale)
