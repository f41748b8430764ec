"""The password goes with the first request once the server is known to ask for it (the scheme
is remembered with the server, never the password), and only over HTTPS or to this computer."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import niquests
import pytest

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import CalendarServer, Plan
from carte_planner.publish.errors import Failure, PublishError
from carte_planner.publish.server import may_send_credentials_at_once
from carte_planner.publish.sync import PublishTarget, publish_plan
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from tests.caldav_server import PASSWORD, USER
from tests.journeys import REFERENCE, TODAY, planned

NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
REQUEST = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin", followup_years=1)


@pytest.fixture
def refusals(monkeypatch):
    """The 401 answers the server gives, counted as the HTTP library receives them."""
    seen: list[int] = []
    request = niquests.Session.request

    def counted(self, *args, **kwargs):
        response = request(self, *args, **kwargs)
        seen.append(response.status_code)
        return response

    monkeypatch.setattr(niquests.Session, "request", counted)

    def count() -> int:
        found = seen.count(401)
        seen.clear()
        return found

    return count


def publish(server, plan, password=PASSWORD, now=NOW):
    target = PublishTarget(server.url, USER)
    outcome = publish_plan(plan, planned(plan.request, TODAY), target, password, now)
    # As the plan file keeps it.
    return plan_from_bytes(plan_to_bytes(replace(plan, server=outcome.server)), REFERENCE)


def test_radicale_is_asked_once_then_never_again(radicale, refusals):
    saved = publish(radicale, Plan(REQUEST, "plan-a"))
    assert refusals() <= 1
    assert saved.server.auth_scheme == "basic"
    assert PASSWORD not in plan_to_bytes(saved).decode()
    for minutes in (1, 2):
        saved = publish(radicale, saved, now=NOW + timedelta(minutes=minutes))
        assert refusals() == 0


def test_a_server_that_asks_for_no_password_gets_none(xandikos, refusals):
    saved = publish(xandikos, Plan(REQUEST, "plan-a"))
    assert saved.server.auth_scheme == ""
    publish(xandikos, saved, now=NOW + timedelta(minutes=1))
    assert refusals() == 0


def test_a_wrong_password_sent_at_once_is_still_said_to_be_wrong(radicale):
    saved = publish(radicale, Plan(REQUEST, "plan-a"))
    with pytest.raises(PublishError) as caught:
        publish(radicale, saved, password="not-the-password", now=NOW + timedelta(minutes=1))
    assert caught.value.failure is Failure.PASSWORD


@pytest.mark.parametrize(
    ("url", "at_once"),
    [
        ("https://cloud.example.org/remote.php/dav/", True),
        ("http://127.0.0.1:5232/", True),
        ("http://localhost:5232/", True),
        ("http://[::1]:5232/", True),
        ("http://cloud.example.org/dav/", False),
        ("http://192.168.1.20:5232/", False),
    ],
)
def test_the_password_goes_unasked_only_encrypted_or_to_this_computer(url, at_once):
    assert may_send_credentials_at_once(url) is at_once


def test_the_plan_file_keeps_the_scheme_and_refuses_an_unknown_one():
    server = CalendarServer("https://cloud.example.org/dav/", USER, auth_scheme="digest")
    plan = Plan(REQUEST, "plan-a", server=server)
    assert plan_from_bytes(plan_to_bytes(plan), REFERENCE).server.auth_scheme == "digest"
    broken = plan_to_bytes(plan).replace(b'"auth_scheme": "digest"', b'"auth_scheme": "bearer"')
    with pytest.raises(PlanFileError, match="auth_scheme"):
        plan_from_bytes(broken, REFERENCE)
