"""A discreet calendar is discreet in its name, description and colour too, on each server the
tests start; switching a published calendar to discreet renames it. A calendar the family named
itself keeps its name."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.export.calendar_look import DISCREET_COLOUR, JOURNEY_COLOUR
from carte_planner.publish.server import ServerSession
from carte_planner.publish.sync import PublishTarget, list_calendars, publish_plan
from tests.caldav_server import PASSWORD, USER, RadicaleServer
from tests.discreet_words import MEDICAL_WORDS
from tests.journeys import TODAY, planned

NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
REQUEST = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin", followup_years=1)


def publish(server, plan, *, now=NOW, **target):
    options = {"url": server.url, "user": USER, **target}
    outcome = publish_plan(plan, planned(plan.request, TODAY), PublishTarget(**options), PASSWORD, now)
    return outcome, replace(plan, server=outcome.server)


def look(server, calendar_url):
    with ServerSession(server.url, USER, PASSWORD) as session:
        return session.look(calendar_url)


def test_switching_to_discreet_renames_the_calendar_and_plainens_its_look(caldav_server):
    plan = Plan(replace(REQUEST, hospital_name="Example Hospital"), "plan-a")
    _, saved = publish(caldav_server, plan)
    name, description, colour = look(caldav_server, saved.server.calendar_url)
    assert name == "CAR-T journey — Shanghai"
    if isinstance(caldav_server, RadicaleServer):  # Xandikos 0.2 keeps no calendar description
        assert "Shanghai" in description
    assert colour.upper().startswith(JOURNEY_COLOUR)
    outcome, discreet = publish(caldav_server, saved, now=NOW + timedelta(minutes=1), discreet=True)
    assert discreet.server.calendar_url == saved.server.calendar_url
    assert outcome.server.calendar_name == "Appointments"
    name, description, colour = look(caldav_server, saved.server.calendar_url)
    assert (name, description) == ("Appointments", "")
    assert colour.upper().startswith(DISCREET_COLOUR)
    # What everyone the calendar is shared with sees in their list of calendars.
    assert "Appointments" in [c.name for c in list_calendars(caldav_server.url, USER, PASSWORD)]
    assert "CAR-T journey — Shanghai" not in [c.name for c in list_calendars(caldav_server.url, USER, PASSWORD)]
    for word in MEDICAL_WORDS:
        assert word not in f"{name} {description}".lower(), word
    # And back: the full calendar takes its journey name again.
    publish(caldav_server, discreet, now=NOW + timedelta(minutes=2), discreet=False)
    assert look(caldav_server, saved.server.calendar_url)[0] == "CAR-T journey — Shanghai"


def test_a_calendar_the_family_named_keeps_its_name(caldav_server):
    _, saved = publish(caldav_server, Plan(REQUEST, "plan-a"), calendar="Family", create_calendar=True)
    outcome, _ = publish(caldav_server, saved, now=NOW + timedelta(minutes=1), discreet=True)
    assert outcome.server.calendar_name == "Family"
    assert look(caldav_server, saved.server.calendar_url)[0] == "Family"
