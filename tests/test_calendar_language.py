"""The plan keeps its calendar's language: exports and publishes write the events in it, whatever
--lang or the system says, until the family picks another with --calendar-lang."""

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.export.ics import ExportOptions, export_ics
from carte_planner.i18n import use_language
from carte_planner.publish.sync import PublishTarget, publish_plan
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from carte_planner.storage.planfile import load_plan, save_plan
from tests.caldav_server import PASSWORD, USER
from tests.journeys import REFERENCE, TODAY, planned

NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
REQUEST = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin", followup_years=1)


def summaries(data: bytes) -> set[str]:
    return {str(event["summary"]) for event in Calendar.from_ical(data).walk("VEVENT")}


def titles_in(language: str) -> set[str]:
    """The event titles of the plan's calendar file written in `language`."""
    with use_language(language):
        return summaries(export_ics(planned(REQUEST, TODAY), ExportOptions("plan-a", NOW)))


def stored_titles(server) -> set[str]:
    return {title for data in server.items().values() for title in summaries(data)}


def test_the_plan_file_keeps_the_calendar_language_and_refuses_an_unknown_one():
    plan = Plan(REQUEST, "plan-a", calendar_language="ar")
    assert plan_from_bytes(plan_to_bytes(plan), REFERENCE).calendar_language == "ar"
    assert plan_from_bytes(plan_to_bytes(Plan(REQUEST, "plan-a")), REFERENCE).calendar_language == ""
    broken = plan_to_bytes(plan).replace(b'"calendar_language": "ar"', b'"calendar_language": "xx"')
    with pytest.raises(PlanFileError, match="calendar_language"):
        plan_from_bytes(broken, REFERENCE)


def test_publishing_again_with_the_system_in_other_languages_rewrites_nothing(caldav_server):
    plan = Plan(REQUEST, "plan-a")
    journey = planned(REQUEST, TODAY)
    target = PublishTarget(caldav_server.url, USER)
    with use_language("ar"):
        first = publish_plan(plan, journey, target, PASSWORD, NOW)
    assert first.language == "ar"
    plan = Plan(REQUEST, "plan-a", server=first.server, calendar_language=first.language)
    for minutes, system in ((5, "ru"), (10, "en")):
        with use_language(system):
            again = publish_plan(plan, journey, target, PASSWORD, NOW + timedelta(minutes=minutes))
        assert (again.created, again.updated, again.removed) == (0, 0, 0)
        assert again.unchanged == first.created
        assert again.language == "ar"
        plan = Plan(REQUEST, "plan-a", server=again.server, calendar_language=again.language)
    assert stored_titles(caldav_server) == titles_in("ar") != titles_in("en")
    # The family picks another language: every event is written again, in it.
    changed = publish_plan(plan, journey, PublishTarget(caldav_server.url, USER, language="ru"), PASSWORD, NOW)
    assert changed.updated == first.created
    assert changed.language == "ru"
    assert stored_titles(caldav_server) == titles_in("ru")


@pytest.fixture
def plan_file(tmp_path, monkeypatch):
    monkeypatch.setenv("CARTE_PLANNER_CALDAV_PASSWORD", PASSWORD)
    path = tmp_path / "trip.carteplan"
    save_plan(path, Plan(REQUEST, "plan-cli"))
    return path


def test_the_command_line_publishes_in_the_plans_language_whatever_lang_says(capsys, radicale, plan_file):
    publish = ["publish", "--plan", str(plan_file), "--today", "2027-01-04"]
    assert main(["--lang", "ar", *publish, "--url", radicale.url, "--user", USER]) == 0
    assert load_plan(plan_file, REFERENCE).calendar_language == "ar"
    count = len(radicale.items())
    capsys.readouterr()
    assert main([*publish, "--lang", "ru"]) == 0  # --lang after the command, too
    capsys.readouterr()
    assert titles_in("ar") <= stored_titles(radicale)  # with the checklist's dated entries
    assert main([*publish, "--lang", "en"]) == 0
    assert f"0 updated, 0 removed, {count} unchanged." in capsys.readouterr().out
    assert main([*publish, "--lang", "en", "--calendar-lang", "en"]) == 0
    assert f"{count} updated" in capsys.readouterr().out
    assert load_plan(plan_file, REFERENCE).calendar_language == "en"


def test_an_export_of_a_plan_file_keeps_its_calendar_language(capsys, tmp_path, plan_file):
    target = tmp_path / "trip.ics"
    export = ["export", "--plan", str(plan_file), "-o", str(target), "--today", "2027-01-04"]
    assert main(["--lang", "ru", *export]) == 0
    assert load_plan(plan_file, REFERENCE).calendar_language == "ru"
    assert main([*export, "--lang", "en"]) == 0
    assert summaries(target.read_bytes()) == titles_in("ru") != titles_in("en")
    assert main([*export, "--calendar-lang", "zh_CN"]) == 0
    assert summaries(target.read_bytes()) == titles_in("zh_CN")
    assert load_plan(plan_file, REFERENCE).calendar_language == "zh_CN"
