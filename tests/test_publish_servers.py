"""The same publishing on each real server the tests start, Radicale and Xandikos: the server
ends up holding what the file export holds, and a calendar deleted there is reported the same
way whichever way the server says it is gone."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import niquests
import pytest
from icalendar import Calendar

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.export.ics import ExportOptions, export_ics
from carte_planner.publish.errors import Failure, PublishError
from carte_planner.publish.sync import PublishTarget, publish_plan
from carte_planner.storage.planfile import load_plan, save_plan
from tests.caldav_server import PASSWORD, USER
from tests.journeys import REFERENCE, TODAY, planned

NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
REQUEST = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin", followup_years=1)


def publish(server, plan, *, now=NOW, **target):
    options = {"url": server.url, "user": USER, **target}
    outcome = publish_plan(plan, planned(plan.request, TODAY), PublishTarget(**options), PASSWORD, now)
    return outcome, replace(plan, server=outcome.server)


def stored_events(server):
    """(UID, SUMMARY, DTSTART) of every event the server's storage holds."""
    return {
        (str(event["uid"]), str(event["summary"]), event.decoded("dtstart"))
        for data in server.items().values()
        for event in Calendar.from_ical(data).walk("VEVENT")
    }


def test_the_server_holds_the_file_exports_events_and_a_second_publish_changes_nothing(caldav_server):
    outcome, saved = publish(caldav_server, Plan(REQUEST, "plan-a"))
    exported = Calendar.from_ical(export_ics(planned(REQUEST, TODAY), ExportOptions("plan-a", NOW)))
    expected = {
        (str(event["uid"]), str(event["summary"]), event.decoded("dtstart")) for event in exported.walk("VEVENT")
    }
    assert stored_events(caldav_server) == expected
    assert outcome.created == len(expected) >= 30
    again, _ = publish(caldav_server, saved, now=NOW + timedelta(minutes=5))
    assert (again.created, again.updated, again.removed, again.unchanged) == (0, 0, 0, len(expected))


def test_a_deleted_calendar_is_reported_as_gone_on_every_try_until_another_is_picked(caldav_server):
    _, saved = publish(caldav_server, Plan(REQUEST, "plan-a"))
    assert niquests.delete(saved.server.calendar_url, auth=(USER, PASSWORD)).status_code in (200, 204)
    for _ in range(2):  # not "try again later": trying again cannot help
        with pytest.raises(PublishError) as caught:
            publish(caldav_server, saved)
        assert caught.value.failure is Failure.CALENDAR_GONE
        assert "“CAR-T journey — Shanghai” is no longer on the server" in caught.value.message
        assert "Try again later" not in caught.value.message
    outcome, _ = publish(caldav_server, saved, calendar="Journey again", create_calendar=True)
    assert outcome.created == len(saved.server.events)
    assert len(stored_events(caldav_server)) == len(saved.server.events)


def test_the_command_line_names_create_calendar_for_a_deleted_calendar(capsys, caldav_server, tmp_path, monkeypatch):
    monkeypatch.setenv("CARTE_PLANNER_CALDAV_PASSWORD", PASSWORD)
    path = tmp_path / "trip.carteplan"
    save_plan(path, Plan(REQUEST, "plan-cli"))
    publish_args = ["publish", "--plan", str(path), "--today", "2027-01-04"]
    assert main([*publish_args, "--url", caldav_server.url, "--user", USER]) == 0
    calendar_url = load_plan(path, REFERENCE).server.calendar_url
    assert niquests.delete(calendar_url, auth=(USER, PASSWORD)).status_code in (200, 204)
    capsys.readouterr()
    assert main(publish_args) == 2
    err = capsys.readouterr().err
    assert "is no longer on the server" in err
    assert "--create-calendar" in err
    assert err.count("\n") == 1
    assert load_plan(path, REFERENCE).server.calendar_url == calendar_url  # nothing forgotten
