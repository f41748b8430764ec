"""Publishing to a real Radicale server that the tests start: create, update in place, remove,
conflicts, failures that lose nothing, discreet calendars and two plans side by side."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.export.calendar_objects import resource_name
from carte_planner.export.ics import ExportOptions, export_ics
from carte_planner.publish.errors import Failure, PublishError
from carte_planner.publish.sync import OnConflict, PublishTarget, list_calendars, publish_plan
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from tests.caldav_server import PASSWORD, USER, free_port, self_signed_certificate
from tests.discreet_words import MEDICAL_WORDS
from tests.journeys import REFERENCE, TODAY, planned

NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
REQUEST = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin", followup_years=1)


def publish(server, plan, *, now=NOW, password=PASSWORD, **target):
    """Publish and return the outcome with the plan as it is saved afterwards."""
    options = {"url": server.url, "user": USER, **target}
    outcome = publish_plan(plan, planned(plan.request, TODAY), PublishTarget(**options), password, now)
    saved = plan_from_bytes(plan_to_bytes(replace(plan, server=outcome.server)), REFERENCE)
    return outcome, saved


def events_on(server):
    """Every event the server holds, as (file, UID, SUMMARY, DTSTART) rows."""
    rows = []
    for name, data in server.items().items():
        for event in Calendar.from_ical(data).walk("VEVENT"):
            rows.append((name, str(event["uid"]), str(event["summary"]), event.decoded("dtstart")))
    return rows


def test_the_first_publish_creates_one_resource_per_event(radicale):
    plan = Plan(REQUEST, "plan-a")
    outcome, saved = publish(radicale, plan)
    stored = radicale.items()
    uids = {uid for _, uid, _, _ in events_on(radicale)}
    file = Calendar.from_ical(export_ics(planned(REQUEST, TODAY), ExportOptions("plan-a", NOW)))
    assert uids == {str(event["uid"]) for event in file.walk("VEVENT")}  # the very events of the file
    assert outcome.created == len(stored) == len(uids) >= 30
    assert (outcome.updated, outcome.removed, outcome.unchanged, outcome.conflicts) == (0, 0, 0, ())
    assert "created" in outcome.summary()
    for name, data in stored.items():
        calendar = Calendar.from_ical(data)
        assert "METHOD" not in calendar  # RFC 4791: no METHOD in a stored resource
        (uid,) = {str(event["uid"]) for event in calendar.walk("VEVENT")}
        assert name.endswith("/" + resource_name(uid))
        zones = {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")}
        named = {
            str(event[prop].params["TZID"])
            for event in calendar.walk("VEVENT")
            for prop in ("dtstart", "dtend")
            if prop in event and "TZID" in event[prop].params
        }
        assert named == zones  # each resource carries exactly the zones its times name
    assert saved.server is not None
    assert saved.server.calendar_name == "CAR-T journey — Shanghai"
    assert len(saved.server.events) == len(stored)
    assert all(event.etag for event in saved.server.events)
    assert PASSWORD not in plan_to_bytes(saved).decode()


def test_moving_the_start_date_updates_the_same_resources(radicale):
    _, saved = publish(radicale, Plan(REQUEST, "plan-a"))
    before = {name: start for name, _, _, start in events_on(radicale)}
    moved = replace(saved, request=replace(REQUEST, start=date(2027, 3, 15)))
    outcome, _ = publish(radicale, moved, now=NOW + timedelta(minutes=5))
    after = {name: start for name, _, _, start in events_on(radicale)}
    assert set(after) == set(before)  # same resources, no duplicates
    assert outcome.created == outcome.removed == 0
    assert outcome.updated >= 25
    screening = next(name for name, _, summary, _ in events_on(radicale) if summary.startswith("Screening"))
    assert after[screening] == before[screening] + timedelta(days=14)


def test_publishing_again_without_a_change_leaves_everything_unchanged(radicale):
    first, saved = publish(radicale, Plan(REQUEST, "plan-a"))
    files = radicale.items()
    outcome, _ = publish(radicale, saved, now=NOW + timedelta(seconds=1))
    assert outcome.unchanged == first.created
    assert outcome.created == outcome.updated == outcome.removed == 0
    assert radicale.items() == files


def test_turning_the_trip_home_off_removes_its_items(radicale):
    home = Plan(replace(REQUEST, go_home=True), "plan-a")
    _, saved = publish(radicale, home)
    with_trip = {uid: summary for _, uid, summary, _ in events_on(radicale)}
    outcome, after = publish(radicale, replace(saved, request=REQUEST), now=NOW + timedelta(minutes=1))
    without = {uid: summary for _, uid, summary, _ in events_on(radicale)}
    dropped = set(with_trip) - set(without)
    assert outcome.removed == len(dropped) > 0
    # One stay instead of two: the stay without a trip home is new.
    assert outcome.created == len(set(without) - set(with_trip))
    assert any("home" in with_trip[uid].lower() for uid in dropped)
    assert {event.uid for event in after.server.events} == set(without)


def _edit_on_the_server(server, summary_start, new_title):
    """Change one event's title in the stored file, as a phone would through the server."""
    for name, data in server.items().items():
        if f"SUMMARY:{summary_start}".encode() in data:
            path = server.folder / "storage" / "collection-root" / USER / name
            text = data.decode()
            old = next(line for line in text.split("\r\n") if line.startswith(f"SUMMARY:{summary_start}"))
            path.write_bytes(text.replace(old, f"SUMMARY:{new_title}").encode())
            return name
    raise AssertionError(summary_start)


def test_an_edit_on_the_server_is_reported_and_never_overwritten_without_asking(radicale):
    _, saved = publish(radicale, Plan(REQUEST, "plan-a"))
    # Radicale caches what it read: restart it so it serves the edited file.
    radicale.stop()
    name = _edit_on_the_server(radicale, "Screening", "Screening (moved by the hospital, see email)")
    radicale.start()
    changed = replace(saved, request=replace(REQUEST, start=date(2027, 3, 8)))
    outcome, kept = publish(radicale, changed, now=NOW + timedelta(minutes=1))
    assert len(outcome.conflicts) == 1
    assert outcome.conflicts[0].title.startswith("Screening")
    assert b"moved by the hospital" in radicale.items()[name]
    assert "changed on the server" in outcome.summary()
    # Asked again, the answer is "replace it with the plan's".
    journey = planned(changed.request, TODAY)
    target = PublishTarget(radicale.url, USER)
    replaced = publish_plan(kept, journey, target, PASSWORD, NOW + timedelta(minutes=2), on_conflict=OnConflict.REPLACE)
    assert replaced.conflicts == ()
    assert replaced.updated == 1
    assert b"moved by the hospital" not in radicale.items()[name]


def test_keeping_their_version_leaves_it_and_stops_asking(radicale):
    _, saved = publish(radicale, Plan(REQUEST, "plan-a"))
    radicale.stop()
    name = _edit_on_the_server(radicale, "Screening", "Screening, note from grandma")
    radicale.start()
    journey = planned(saved.request, TODAY)
    target = PublishTarget(radicale.url, USER)
    kept = publish_plan(saved, journey, target, PASSWORD, NOW, on_conflict=OnConflict.KEEP_THEIRS)
    assert kept.conflicts == ()
    assert b"note from grandma" in radicale.items()[name]
    again = publish_plan(replace(saved, server=kept.server), journey, target, PASSWORD, NOW)
    assert again.conflicts == ()
    assert again.created == again.updated == 0


def test_a_wrong_password_is_refused_clearly_and_writes_nothing(radicale):
    plan = Plan(REQUEST, "plan-a")
    with pytest.raises(PublishError) as caught:
        publish(radicale, plan, password="not-it")
    assert caught.value.failure is Failure.PASSWORD
    assert "did not accept the user name 'family' with this password" in caught.value.message
    assert "app password" in caught.value.message
    assert radicale.items() == {}


def test_a_server_stopped_halfway_then_publishing_again_finishes_without_duplicates(radicale):
    plan = Plan(REQUEST, "plan-a")
    journey = planned(plan.request, TODAY)
    target = PublishTarget(radicale.url, USER)

    def stop_after_ten(done, total):
        if done == 10:
            radicale.stop()

    with pytest.raises(PublishError) as caught:
        publish_plan(plan, journey, target, PASSWORD, NOW, progress=stop_after_ten)
    assert caught.value.failure is Failure.UNREACHABLE
    assert "Could not reach the server 127.0.0.1" in caught.value.message
    partial = caught.value.server
    assert partial is not None
    assert len(partial.events) == 10
    assert len(radicale.items()) == 10
    radicale.start()
    # The plan keeps what was done; publishing again finishes the job.
    outcome = publish_plan(replace(plan, server=partial), journey, target, PASSWORD, NOW + timedelta(seconds=30))
    uids = [uid for _, uid, _, _ in events_on(radicale)]
    assert outcome.conflicts == ()
    assert outcome.unchanged == 10
    assert outcome.created == len(radicale.items()) - 10
    assert len(set(uids)) == len(radicale.items())


def test_publishing_again_without_the_record_of_a_lost_run_makes_no_duplicates(radicale):
    plan = Plan(REQUEST, "plan-a")
    first, _ = publish(radicale, plan)
    files = set(radicale.items())
    # The plan file was never saved after the first publish: same resources, no conflicts.
    outcome, _ = publish(radicale, plan, now=NOW + timedelta(hours=1))
    assert set(radicale.items()) == files
    assert outcome.created == 0
    assert outcome.conflicts == ()
    assert outcome.unchanged == first.created


def test_discreet_publishing_says_nothing_about_health_or_treatment(radicale):
    plan = Plan(replace(REQUEST, hospital_name="Example Hospital"), "plan-a")
    outcome, _ = publish(radicale, plan, discreet=True)
    assert outcome.server.calendar_name == "Appointments"
    assert outcome.created > 0
    for data in radicale.items().values():
        text = data.decode().lower()
        for word in MEDICAL_WORDS:
            assert word not in text, word
    titles = {summary for _, _, summary, _ in events_on(radicale)}
    assert titles <= {"Away", "Appointment", "Travel", "Reminder"}


def test_two_plans_share_one_calendar_without_touching_each_other(radicale):
    patient_a = Plan(replace(REQUEST, go_home=True), "plan-a")
    patient_b = Plan(replace(REQUEST, city="beijing"), "plan-b")
    a, saved_a = publish(radicale, patient_a, calendar="Family", create_calendar=True)
    b, _ = publish(radicale, patient_b, calendar="Family")
    assert a.server.calendar_url == b.server.calendar_url
    assert b.created > 0
    assert len(radicale.items()) == a.created + b.created
    b_files = {name: data for name, data in radicale.items().items() if name.split("/")[1] in b_names(b)}
    assert len(b_files) == b.created
    # Patient A drops the trip home: only A's events go, B's stay as they were.
    dropped, _ = publish(radicale, replace(saved_a, request=REQUEST), now=NOW + timedelta(minutes=1))
    assert dropped.removed > 0
    assert len(radicale.items()) == a.created + b.created - dropped.removed + dropped.created
    assert {name: data for name, data in radicale.items().items() if name.split("/")[1] in b_names(b)} == b_files


def b_names(outcome):
    return {event.href for event in outcome.server.events}


def test_an_unknown_calendar_is_named_with_the_ones_there_are(radicale):
    publish(radicale, Plan(REQUEST, "plan-a"), calendar="Family", create_calendar=True)
    with pytest.raises(PublishError) as caught:
        publish(radicale, Plan(REQUEST, "plan-b"), calendar="Famly")
    assert caught.value.failure is Failure.UNKNOWN_CALENDAR
    assert "no calendar named “Famly”" in caught.value.message
    assert "“Family”" in caught.value.message
    assert [c.name for c in list_calendars(radicale.url, USER, PASSWORD)] == ["Family"]


def test_a_calendar_deleted_on_the_server_is_reported_and_the_plan_keeps_its_record(radicale):
    _, saved = publish(radicale, Plan(REQUEST, "plan-a"))
    import niquests

    assert niquests.delete(saved.server.calendar_url, auth=(USER, PASSWORD)).status_code in (200, 204)
    with pytest.raises(PublishError) as caught:
        publish(radicale, saved)
    assert caught.value.failure is Failure.CALENDAR_GONE
    assert "“CAR-T journey — Shanghai” is no longer on the server" in caught.value.message
    # Picking a calendar again (here: creating it anew) publishes everything afresh.
    outcome, _ = publish(radicale, saved, calendar="CAR-T journey — Shanghai", create_calendar=True)
    assert outcome.created == len(saved.server.events)


def test_an_event_deleted_on_the_server_is_put_back(radicale):
    _, saved = publish(radicale, Plan(REQUEST, "plan-a"))
    import niquests

    victim = saved.server.events[0]
    url = saved.server.calendar_url + victim.href
    assert niquests.delete(url, auth=(USER, PASSWORD)).status_code in (200, 204)
    outcome, _ = publish(radicale, saved, now=NOW + timedelta(minutes=1))
    assert outcome.restored == 1
    assert "put back" in outcome.summary()
    assert any(name.endswith(victim.href) for name in radicale.items())


def test_an_unreachable_server_is_said_so():
    target = PublishTarget(f"http://127.0.0.1:{free_port()}/", USER)
    plan = Plan(REQUEST, "plan-a")
    with pytest.raises(PublishError) as caught:
        publish_plan(plan, planned(REQUEST, TODAY), target, PASSWORD, NOW)
    assert caught.value.failure is Failure.UNREACHABLE


def test_a_address_that_is_not_one_is_refused():
    with pytest.raises(PublishError) as caught:
        publish_plan(Plan(REQUEST, "p"), planned(REQUEST, TODAY), PublishTarget("ftp://x", USER), "p", NOW)
    assert caught.value.failure is Failure.ADDRESS


def test_a_self_signed_server_is_refused_until_its_certificate_is_trusted(tls_radicale):
    plan = Plan(REQUEST, "plan-a")
    with pytest.raises(PublishError) as caught:
        publish(tls_radicale, plan)
    assert caught.value.failure is Failure.CERTIFICATE
    assert "self-signed" in caught.value.message
    pem = caught.value.certificate
    assert pem == tls_radicale.tls[0].read_text()
    assert tls_radicale.items() == {}
    outcome, saved = publish(tls_radicale, plan, trusted_certificate=pem)
    assert outcome.created > 0
    assert saved.server.trusted_certificate == pem  # the choice is remembered in the plan


def test_a_trusted_certificate_does_not_trust_another_one(tls_radicale, tmp_path):
    other, _ = self_signed_certificate(tmp_path)
    with pytest.raises(PublishError) as caught:
        publish(tls_radicale, Plan(REQUEST, "plan-a"), trusted_certificate=other.read_text())
    assert caught.value.failure is Failure.CERTIFICATE


def test_turning_discreet_on_replaces_every_detailed_event_in_the_same_calendar(radicale):
    first, saved = publish(radicale, Plan(REQUEST, "plan-a"))
    outcome, after = publish(radicale, saved, now=NOW + timedelta(minutes=1), discreet=True)
    assert after.server.calendar_url == saved.server.calendar_url
    assert outcome.removed == first.created
    assert outcome.created == first.created
    assert len(radicale.items()) == first.created
    assert all(b"hospital" not in data.lower() for data in radicale.items().values())


def test_a_subscribed_device_syncs_only_the_changed_events_and_sees_the_new_dates(radicale):
    """What DAVx⁵, iOS or Thunderbird do: list the calendar once, then ask the server what
    changed since (WebDAV sync), and read only that."""
    from caldav.davclient import DAVClient

    _, saved = publish(radicale, Plan(REQUEST, "plan-a"))
    phone = DAVClient(url=radicale.url, username=USER, password=PASSWORD, enable_rfc6764=False)
    (calendar,) = phone.principal().calendars()
    first = calendar.objects_by_sync_token(load_objects=True)
    seen = {}
    for item in first:
        event = Calendar.from_ical(item.data).walk("VEVENT")[0]
        seen[str(event["uid"])] = event.decoded("dtstart")
    assert len(seen) == len(saved.server.events)
    changed = replace(saved, request=saved.request.with_phase_length("monitoring", 28))
    outcome, _ = publish(radicale, changed, now=NOW + timedelta(minutes=3))
    updates = calendar.objects_by_sync_token(first.sync_token, load_objects=True)
    assert 0 < len(list(updates)) == outcome.updated < len(seen)
    moved = 0
    for item in updates:
        event = Calendar.from_ical(item.data).walk("VEVENT")[0]
        uid = str(event["uid"])
        assert uid in seen  # the same events, updated: no duplicates
        moved += event.decoded("dtstart") == seen[uid] + timedelta(days=7)
    assert moved > 0  # a week more of monitoring moves what follows by a week
    phone.close()


def test_public_holidays_are_published_on_request_as_free_events(radicale):
    plan = Plan(REQUEST, "plan-a")
    journey = planned(REQUEST, TODAY)
    target = PublishTarget(radicale.url, USER)
    plain = publish_plan(plan, journey, target, PASSWORD, NOW)
    with_holidays = publish_plan(replace(plan, server=plain.server), journey, target, PASSWORD, NOW, holidays=True)
    assert with_holidays.created == len(journey.holiday_items()) > 0
    assert with_holidays.unchanged == plain.created
    free = [data for data in radicale.items().values() if b"TRANSP:TRANSPARENT" in data and b"holiday" in data]
    assert len(free) >= with_holidays.created


def test_a_server_error_halfway_keeps_what_was_done_and_publishing_again_finishes(radicale):
    from carte_planner.export.calendar_objects import calendar_objects

    # A long hospital address in Chinese makes the events at the hospital much larger than the
    # preparation before the trip.
    request = replace(REQUEST, hospital_address_zh="上海市" * 100, hospital_name_zh="医院" * 150)
    plan = Plan(request, "plan-a")
    journey = planned(request, TODAY)
    _, objects = calendar_objects(journey, ExportOptions("plan-a", NOW), 0)
    sizes = [len(item.data) for item in objects]
    # The server refuses requests as large as the first of those (and, by its own rule, resources
    # over 80 % of that), so the publish fails there with the events before it written.
    stop = next(i for i in range(3, len(sizes)) if sizes[i] > 1.4 * max(sizes[:i]))
    radicale.stop()
    radicale.options = ["--server-max-content-length", str(sizes[stop] - 1)]
    radicale.start()
    target = PublishTarget(radicale.url, USER)
    with pytest.raises(PublishError) as caught:
        publish_plan(plan, journey, target, PASSWORD, NOW)
    assert caught.value.failure is Failure.SERVER
    assert "answered with an error (413)" in caught.value.message
    assert "publishing again finishes the job without duplicates" in caught.value.message
    partial = caught.value.server
    assert len(partial.events) == len(radicale.items()) == stop
    radicale.stop()
    radicale.options = []
    radicale.start()
    outcome = publish_plan(replace(plan, server=partial), journey, target, PASSWORD, NOW + timedelta(minutes=1))
    assert outcome.conflicts == ()
    assert outcome.unchanged == len(partial.events)
    assert outcome.created == len(objects) - len(partial.events)
    assert len(radicale.items()) == len(objects)


def test_every_test_gets_an_empty_account_on_a_running_server(radicale):
    """The tests share one Radicale: what one published, or how it left the server, never
    reaches the next."""
    outcome, _ = publish(radicale, Plan(REQUEST, "plan-a"))
    assert len(radicale.items()) == outcome.created > 0
    # As a test that failed halfway would leave it: stopped, with a limit on request sizes.
    radicale.stop()
    radicale.options = ["--server-max-content-length", "10"]
    radicale.fresh_account()
    assert radicale.items() == {}
    assert list_calendars(radicale.url, USER, PASSWORD) == []
    again, _ = publish(radicale, Plan(REQUEST, "plan-a"))
    assert again.created == outcome.created


def test_every_test_gets_xandikos_as_new(xandikos):
    """The tests share one Xandikos: the calendars one made, and what it wrote into Xandikos's
    own calendar, never reach the next."""
    outcome, _ = publish(xandikos, Plan(REQUEST, "plan-a"))
    assert len(xandikos.items()) == outcome.created > 0
    xandikos.fresh_account()
    assert xandikos.items() == {}
    assert [calendar.name for calendar in list_calendars(xandikos.url, USER, PASSWORD)] == ["calendar"]
    into_its_own, _ = publish(xandikos, Plan(REQUEST, "plan-b"), calendar="calendar")
    assert len(xandikos.items()) == into_its_own.created > 0
    xandikos.fresh_account()
    assert xandikos.items() == {}
    again, _ = publish(xandikos, Plan(REQUEST, "plan-b"), calendar="calendar")
    assert again.created == into_its_own.created
