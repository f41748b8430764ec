"""Older plan formats keep everything they could hold when they are opened, and a key written
twice in a hand-edited file is refused by name instead of losing one of its values."""

import json
from datetime import date

import pytest

from carte_planner.domain import TripRequest
from carte_planner.domain.checklist_state import ChecklistState, CustomItem
from carte_planner.domain.plan import ExportRecord, Plan
from carte_planner.i18n import use_language
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from tests.journeys import REFERENCE

REQUEST = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin")
CHECKLIST = (
    ChecklistState()
    .with_done("passport-1", True)
    .with_note("visa-1", "Ask the consulate about the F visa.")
    .with_added(CustomItem("custom:1", "before", "Book the interpreter", date(2027, 2, 1), "Ms Li, via the clinic"))
)
PLAN = Plan(
    REQUEST, "plan-formats", checklist=CHECKLIST, exported=ExportRecord(225_000_000, (("a@b", date(2027, 3, 1)),))
)


def as_version(plan: Plan, version: int, *, drop: tuple[str, ...] = ()) -> bytes:
    document = json.loads(plan_to_bytes(plan))
    document["version"] = version
    for name in drop:
        document.pop(name, None)
    document["request"].pop("assumed", None)
    return json.dumps(document).encode("utf-8")


def test_a_format_1_file_with_a_checklist_keeps_it():
    opened = plan_from_bytes(as_version(PLAN, 1, drop=("calendar_export", "calendar_server")), REFERENCE)
    assert opened.checklist == CHECKLIST


def test_a_format_2_file_with_a_calendar_export_record_keeps_it():
    opened = plan_from_bytes(as_version(PLAN, 2, drop=("calendar_server",)), REFERENCE)
    assert opened.exported == PLAN.exported
    assert opened.checklist == CHECKLIST


def test_a_format_1_file_without_them_opens_with_empty_ones():
    opened = plan_from_bytes(
        as_version(Plan(REQUEST, "plan-old"), 1, drop=("checklist", "calendar_export", "calendar_server")), REFERENCE
    )
    assert opened.checklist == ChecklistState()
    assert opened.exported == ExportRecord()


def test_a_key_written_twice_is_refused_by_name():
    text = plan_to_bytes(PLAN).decode("utf-8")
    doubled = text.replace('"city": "shanghai"', '"city": "shanghai", "city": "beijing"', 1)
    assert doubled != text
    with pytest.raises(PlanFileError, match="'city' is written twice"):
        plan_from_bytes(doubled.encode("utf-8"), REFERENCE)


def test_a_newer_format_is_refused_in_the_users_language():
    document = json.loads(plan_to_bytes(PLAN))
    document["version"] = 99
    with use_language("ru"), pytest.raises(PlanFileError) as raised:
        plan_from_bytes(json.dumps(document).encode("utf-8"), REFERENCE)
    assert "99" in str(raised.value)
    assert "Carte Planner" in str(raised.value)
    assert "newer version" not in str(raised.value)
