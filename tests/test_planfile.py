"""Plan files: round trips, the backup, and clear refusals of anything malformed."""

import json
import os
import re
from datetime import date, time

import pytest

from carte_planner.domain import Scenario, TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.storage.atomic import WriteError
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from carte_planner.storage.planfile import load_plan, save_plan

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
)


def test_round_trip_keeps_every_field():
    assert plan_from_bytes(plan_to_bytes(FULL)) == FULL


def test_save_and_load_with_backup(tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, FULL)
    assert load_plan(path) == FULL
    changed = Plan(FULL.request.with_phase_length("screening", 9), FULL.plan_id)
    save_plan(path, changed)
    assert load_plan(path) == changed
    assert load_plan(tmp_path / "trip.carteplan.bak") == FULL
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
        (request_document(start="9999-01-01"), "start date: must be between 2000 and 2100"),
        (request_document(phase_days={"screening": 10**9}), "must be between 1 and 365 days"),
        (request_document(phase_days={"screening": "ten"}), "'request.phase_days' has an invalid value"),
        (request_document(flight_hours=True), "'request.flight_hours' must be a number"),
        (request_document(travellers=[]), "travellers: must be between 1 and 6"),
        (request_document(home_time_zone="Nowhere/City"), "'Nowhere/City' is not a known time zone"),
        (request_document(hospital={"name": 5}), "'request.hospital.name' has the wrong type"),
        (request_document(colour="red"), "the field 'request.colour' is not one this version knows"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(data, message):
    with pytest.raises(PlanFileError, match=re.escape(message)):
        plan_from_bytes(data)


def test_a_missing_field_is_named():
    data = json.loads(plan_to_bytes(FULL))
    del data["request"]["start"]
    with pytest.raises(PlanFileError, match=r"'request\.start' is missing"):
        plan_from_bytes(json.dumps(data).encode())


def test_missing_optional_fields_take_their_defaults():
    data = {
        "format": "carte-planner.plan",
        "version": 1,
        "plan_id": "p",
        "request": {"start": "2027-03-01", "city": "wuhan"},
    }
    plan = plan_from_bytes(json.dumps(data).encode())
    assert plan.request == TripRequest(start=date(2027, 3, 1), city="wuhan")


def test_loading_names_the_file_and_the_problem(tmp_path):
    with pytest.raises(PlanFileError, match="does not exist"):
        load_plan(tmp_path / "gone.carteplan")
    with pytest.raises(PlanFileError, match="it is a folder"):
        load_plan(tmp_path)
    broken = tmp_path / "broken.carteplan"
    broken.write_bytes(b"{")
    with pytest.raises(PlanFileError, match=r"broken\.carteplan: it is damaged"):
        load_plan(broken)


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
