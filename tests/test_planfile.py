"""Plan files: round trips, the backup, and clear refusals of anything malformed."""

import json
import os
import re
from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest

from carte_planner.domain import Scenario, TripRequest
from carte_planner.domain.people import legacy_people
from carte_planner.domain.plan import CalendarServer, ExportRecord, Plan, PublishedEvent
from carte_planner.storage.atomic import WriteError
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import VERSION, plan_from_bytes, plan_to_bytes
from carte_planner.storage.planfile import load_plan, save_plan
from tests.journeys import REFERENCE

FULL = Plan(
    request=TripRequest(
        start=date(2027, 3, 1),
        city="guangzhou",
        scenario=Scenario.LONGEST,
        home_tz="Europe/Madrid",
        home_airport="mad",
        flight_hours=13.5,
        departure_time=time(21, 40),
        arrive_days_before=4,
        go_home=True,
        travellers=("Lucía", "Tomás", "王芳"),
        visa_stay_days=60,
        followup_years=3,
        phase_days=(("screening", 12), ("outpatient", 50)),
        moved=(("visits:outpatient#3", date(2027, 6, 2)), ("prep:records", date(2027, 1, 5))),
        confirmed=frozenset({"phase:screening", "prep:records"}),
        hospital_name="Example Hospital",
        hospital_name_zh="示例医院",
        hospital_address="1 Example Road",
        hospital_address_zh="广州市示例路1号",
        hospital_phone="+86 20 0000 0000",
    ),
    plan_id="3f2c1a9e-0000-4000-8000-000000000001",
    exported=ExportRecord(
        sequence=221000000,
        events=(("0a@carte-planner", date(2027, 2, 27)), ("1b@carte-planner", date(2027, 3, 1))),
    ),
)


def test_round_trip_keeps_every_field():
    assert plan_from_bytes(plan_to_bytes(FULL), REFERENCE) == FULL


def test_save_and_load_with_backup(tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, FULL)
    assert load_plan(path, REFERENCE) == FULL
    changed = Plan(FULL.request.with_phase_length("screening", 9), FULL.plan_id)
    save_plan(path, changed)
    assert load_plan(path, REFERENCE) == changed
    assert load_plan(tmp_path / "trip.carteplan.bak", REFERENCE) == FULL
    assert sorted(os.listdir(tmp_path)) == ["trip.carteplan", "trip.carteplan.bak"]


def test_the_file_is_readable_json_with_chinese_as_characters(tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, FULL)
    text = path.read_text(encoding="utf-8")
    assert "示例医院" in text
    assert json.loads(text)["format"] == "carte-planner.plan"


def document(**changes):
    data = json.loads(plan_to_bytes(FULL))
    data.update(changes)
    return json.dumps(data).encode()


def request_document(**changes):
    data = json.loads(plan_to_bytes(FULL))
    data["request"].update(changes)
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"\xff\xfe\x00garbage", "it is not text"),
        (b'{"format": "carte-planner.plan", "vers', "damaged or not a Carte Planner plan"),
        (b"[1, 2, 3]", "it is not a Carte Planner plan"),
        (b'{"hello": "world"}', "it is not a Carte Planner plan"),
        (document(version=99), "made by a newer version of Carte Planner"),
        (document(version="1"), "version is missing or invalid"),
        (document(plan_id=""), "'plan_id' is empty"),
        (document(extra=1), "the field 'extra' is not one this version knows"),
        (request_document(start="2027-02-30"), "'request.start' has an invalid value"),
        (request_document(start=20270301), "'request.start' has the wrong type"),
        (
            request_document(start="9999-01-01"),
            "'request.start' holds a value Carte Planner cannot use: must be between",
        ),
        (request_document(phase_days={"screening": 10**9}), "must be between 1 and 365 days"),
        (request_document(phase_days={"screening": "ten"}), "'request.phase_days' has an invalid value"),
        (request_document(flight_hours=True), "'request.flight_hours' must be a number"),
        (
            request_document(travellers=[]),
            "'request.travellers' holds a value Carte Planner cannot use: must be between",
        ),
        (request_document(home_time_zone="Nowhere/City"), "'Nowhere/City' is not a known time zone"),
        (request_document(hospital={"name": 5}), "'request.hospital.name' has the wrong type"),
        (request_document(colour="red"), "the field 'request.colour' is not one this version knows"),
        (request_document(city="atlantis"), "'request.city' holds a value Carte Planner cannot use"),
        (request_document(phase_days={"rest": 4}), "'request.phase_days.rest' holds a value"),
        (request_document(hospital={"phone": "\udfff"}), "'request.hospital.phone' holds text that cannot be stored"),
        (request_document(hospital={"phone": "12\u0007"}), "'request.hospital.phone' holds a value"),
        (request_document(travellers=["Ann\nBob"]), "'request.travellers' holds a value"),
        (request_document(home_time_zone="posixrules"), "not a time zone"),
        (request_document(visa_stay_days=int("9" * 400)), "a number far too long"),
        (request_document(visa_stay_days=1).replace(b": 1,", b": " + b"9" * 5000 + b","), "a number far too long"),
        (document(plan_id="p" * 3 + "\ud800"), "'plan_id' holds text that cannot be stored"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(data, message):
    with pytest.raises(PlanFileError, match=re.escape(message)):
        plan_from_bytes(data, REFERENCE)


def test_a_missing_field_is_named():
    data = json.loads(plan_to_bytes(FULL))
    del data["request"]["start"]
    with pytest.raises(PlanFileError, match=r"'request\.start' is missing"):
        plan_from_bytes(json.dumps(data).encode(), REFERENCE)


def test_missing_optional_fields_take_their_defaults():
    data = {
        "format": "carte-planner.plan",
        "version": 1,
        "plan_id": "p",
        "request": {"start": "2027-03-01", "city": "wuhan"},
    }
    plan = plan_from_bytes(json.dumps(data).encode(), REFERENCE)
    # The default travellers become people of the whole journey (format 7).
    people = legacy_people(("Patient", "Caregiver"))
    assert plan.request == TripRequest(start=date(2027, 3, 1), city="wuhan", people=people)


def test_loading_names_the_file_and_the_problem(tmp_path):
    with pytest.raises(PlanFileError, match="does not exist"):
        load_plan(tmp_path / "gone.carteplan", REFERENCE)
    with pytest.raises(PlanFileError, match="it is a folder"):
        load_plan(tmp_path, REFERENCE)
    broken = tmp_path / "broken.carteplan"
    broken.write_bytes(b"{")
    with pytest.raises(PlanFileError, match=r"broken\.carteplan: it is damaged"):
        load_plan(broken, REFERENCE)


def test_a_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "trip.carteplan"
    save_plan(path, FULL)
    before = path.read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(WriteError, match="you do not have permission"):
        save_plan(path, Plan(FULL.request.with_phase_length("screening", 8), FULL.plan_id))
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["trip.carteplan"]


def test_a_real_version_1_file_still_opens():
    from pathlib import Path

    from carte_planner.domain.checklist import ChecklistState

    plan = load_plan(Path(__file__).parent / "data" / "plan-format-1.carteplan", REFERENCE)
    assert plan.plan_id == "0b6c2f4e-5a1d-4c3b-9e8f-1a2b3c4d5e6f"
    assert plan.request.city == "guangzhou"
    assert plan.request.travellers == ("Lucía", "Tomás")
    assert plan.request.phase_length("screening") == 12
    assert plan.request.moved_date("visits:outpatient#3") == date(2027, 6, 2)
    assert plan.request.hospital_name_zh == "示例医院"
    assert plan.checklist == ChecklistState()
    assert plan.exported == ExportRecord()
    assert json.loads(plan_to_bytes(plan))["version"] == VERSION
    assert plan.server is None


def test_checklist_state_round_trips():
    from carte_planner.domain.checklist import ChecklistState, CustomItem

    state = (
        ChecklistState()
        .with_done("records-pathology", True)
        .with_note("travel-insurance", "Policy 12-345, 电话 +86")
        .with_added(CustomItem("custom:1", "travel", "Bring the blue folder", date(2027, 2, 20), "from the GP"))
        .with_added(CustomItem("custom:2", "home", "Thank-you card"))
        .without("local-phone")
    )
    plan = Plan(FULL.request, FULL.plan_id, state)
    assert plan_from_bytes(plan_to_bytes(plan), REFERENCE) == plan


@pytest.mark.parametrize(
    ("checklist", "message"),
    [
        ({"done": "all"}, "'checklist.done' has the wrong type"),
        ({"notes": {"a": 5}}, "'checklist.notes' has an invalid value"),
        ({"added": [{"key": "x", "title": "t"}]}, "'checklist.added[0].key' has an invalid value"),
        ({"added": [{"key": "custom:1", "title": ""}]}, "'checklist.added[0].title' must have 1 to 200"),
        ({"added": [{"key": "custom:1", "title": "t", "due": "soon"}]}, "'checklist.added[0].due' has an invalid"),
        ({"added": [{"key": "custom:1", "title": "t"}, {"key": "custom:1", "title": "u"}]}, "the same item twice"),
        ({"colour": 1}, "'checklist.colour' is not one this version knows"),
    ],
)
def test_bad_checklists_are_refused(checklist, message):
    data = json.loads(plan_to_bytes(FULL))
    data["checklist"] = checklist
    with pytest.raises(PlanFileError, match=re.escape(message)):
        plan_from_bytes(json.dumps(data).encode(), REFERENCE)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"sequence": -1}, "'calendar_export.sequence' has an invalid value"),
        ({"sequence": 2**31}, "'calendar_export.sequence' has an invalid value"),
        ({"sequence": "7"}, "'calendar_export.sequence' has the wrong type"),
        ({"events": {"a@b": "yesterday"}}, "'calendar_export.events' has an invalid value"),
        ({"events": ["a@b"]}, "'calendar_export.events' has the wrong type"),
        ({"colour": 1}, "'calendar_export.colour' is not one this version knows"),
    ],
)
def test_bad_export_records_are_refused(record, message):
    data = json.loads(plan_to_bytes(FULL))
    data["calendar_export"] = record
    with pytest.raises(PlanFileError, match=re.escape(message)):
        plan_from_bytes(json.dumps(data).encode(), REFERENCE)


def before_people(data):
    """A plan document as format 5 wrote it: travellers by name only, no team rules."""
    del data["request"]["people"]
    del data["request"]["team"]
    del data["request"]["assumed"]["handover_overlap_days"]
    return data


# Format 6's travellers, opened by format 7: people present for the whole journey.
MIGRATED = replace(FULL.request, people=legacy_people(FULL.request.travellers))


def test_a_version_2_file_opens_with_no_export_record():
    data = before_people(json.loads(plan_to_bytes(FULL)))
    data["version"] = 2
    del data["calendar_export"]
    plan = plan_from_bytes(json.dumps(data).encode(), REFERENCE)
    assert plan.exported == ExportRecord()
    assert plan.request == MIGRATED


SERVER = CalendarServer(
    url="https://cloud.example.org/remote.php/dav/",
    user="lucia",
    calendar_url="https://cloud.example.org/remote.php/dav/calendars/lucia/car-t/",
    calendar_name="CAR-T journey — Guangzhou",
    trusted_certificate="-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    sequence=220_000_000,
    published_at=datetime(2027, 1, 5, 9, 30, tzinfo=UTC),
    events=(PublishedEvent("a@carte-planner", "a-carte-planner.ics", '"e1"', "f1", date(2027, 3, 1)),),
)


def test_the_calendar_server_round_trips_without_any_password():
    plan = Plan(FULL.request, FULL.plan_id, server=SERVER)
    data = plan_to_bytes(plan)
    assert plan_from_bytes(data, REFERENCE) == plan
    assert "password" not in data.decode()


def test_a_version_4_file_opens_as_not_published():
    data = before_people(json.loads(plan_to_bytes(FULL)))
    data["version"] = 4
    del data["calendar_server"]
    plan = plan_from_bytes(json.dumps(data).encode(), REFERENCE)
    assert plan.server is None
    assert plan.request == MIGRATED


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"url": "ftp://x"}, "'calendar_server.url' must start with https:// or http://"),
        ({"published_at": "2027-01-05T09:30:00"}, "'calendar_server.published_at' has an invalid value"),
        ({"events": {"a": {"href": "", "day": "2027-03-01"}}}, "'calendar_server.events.a.href' is empty"),
        ({"events": {"a": {"href": "a.ics"}}}, "'calendar_server.events.a.day' is missing"),
        ({"password": "secret"}, "'calendar_server.password' is not one this version knows"),
    ],
)
def test_bad_calendar_servers_are_refused(change, message):
    data = json.loads(plan_to_bytes(Plan(FULL.request, FULL.plan_id, server=SERVER)))
    data["calendar_server"].update(change)
    with pytest.raises(PlanFileError, match=re.escape(message)):
        plan_from_bytes(json.dumps(data).encode(), REFERENCE)


def test_a_plan_file_with_an_unknown_city_is_refused_not_opened_half_way():
    data = json.loads(plan_to_bytes(FULL))
    data["request"]["city"] = "0"
    with pytest.raises(PlanFileError, match=re.escape("'0' is not a known hospital city")):
        plan_from_bytes(json.dumps(data).encode(), REFERENCE)
