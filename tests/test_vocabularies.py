"""The typed vocabularies: severities, notice codes, item keys and the table of categories
are each defined once, and what they write to files is what it always was."""

import json
from datetime import date

from carte_planner.domain import TripRequest, notice_codes
from carte_planner.domain.categories import CATEGORIES
from carte_planner.domain.item_keys import (
    checklist_key,
    followup_key,
    handover_key,
    holiday_key,
    milestone_key,
    phase_key,
    preparation_key,
)
from carte_planner.domain.journey import Category, Severity
from carte_planner.export.agenda import journey_json
from tests.journeys import planned, planned_trip

CODES = {value for name, value in vars(notice_codes).items() if name.isupper()}


def test_every_category_has_one_row_and_distinct_places():
    assert set(CATEGORIES) == set(Category)
    assert sorted(look.order for look in CATEGORIES.values()) == list(range(len(Category)))
    assert sorted(look.lane for look in CATEGORIES.values()) == list(range(len(Category)))
    assert len({look.colour for look in CATEGORIES.values()}) == len(Category)


def test_calendar_files_keep_the_category_values_they_always_had():
    assert {look.ics_category for look in CATEGORIES.values()} == {
        "preparation",
        "visa",
        "flight",
        "accommodation",
        "phase",
        "milestone",
        "outpatient visit",
        "home follow-up",
        "checklist",
        "public holiday",
    }


def test_notices_carry_a_severity_and_a_known_code_and_json_writes_them_as_before():
    # A stay longer than the visa allows (a warning) in a plan that also has checks.
    journey = planned_trip(visa_stay_days=7, go_home=True, home_tz="Europe/Berlin")
    assert {notice.severity for notice in journey.notices} == {Severity.WARNING, Severity.CHECK}
    assert {notice.code for notice in journey.notices} <= CODES
    written = json.loads(journey_json(journey, ()))["notices"]
    assert {notice["severity"] for notice in written} == {"warning", "check"}
    assert notice_codes.VISA_STAY_TOO_LONG in {notice["code"] for notice in written}


def test_item_keys_keep_their_form():
    assert phase_key("screening") == "phase:screening"
    assert milestone_key("infusion") == "milestone:infusion"
    assert preparation_key("visa", "-2") == "prep:visa-2"
    assert checklist_key("passport-1") == "check:passport-1"
    assert followup_key("month-1") == "followup:month-1"
    assert handover_key(date(2027, 4, 2)) == "handover:2027-04-02"
    assert holiday_key("CN", date(2027, 10, 1)) == "holiday:CN:2027-10-01"


def test_the_planner_makes_its_keys_with_the_constructors():
    journey = planned(TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin"))
    keys = {item.key for item in journey.items}
    assert {phase_key("screening"), phase_key("monitoring"), milestone_key("infusion")} <= keys
