"""Plan files keep each traveller's journey, and every earlier format opens with its people
present for the whole journey, its ticks, notes and moved dates."""

import json
import re
from datetime import date

import pytest

from carte_planner.domain import TripRequest
from carte_planner.domain.checklist import ChecklistState
from carte_planner.domain.people import Person, Role, Route, TeamRules, Turn, Visa
from carte_planner.domain.plan import Plan
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import VERSION, plan_from_bytes, plan_to_bytes
from tests.journeys import REFERENCE, TODAY, planned

FAMILY = TripRequest(
    start=date(2027, 3, 1),
    home_tz="Europe/Berlin",
    people=(
        Person("Anna", Role.PATIENT, "DE", date(2030, 1, 31), visa=Visa("S2", 90, "1", date(2027, 5, 1))),
        Person(
            "Boris", Role.CAREGIVER, "FR", route=Route.VISA_FREE, turns=(Turn(date(2027, 2, 27), date(2027, 3, 20)),)
        ),
        Person(
            "Chen",
            Role.COMPANION,
            "US",
            home_country="US",
            home_tz="America/New_York",
            route=Route.RESIDENCE_PERMIT,
            turns=(Turn(date(2027, 3, 20), date(2027, 4, 10)), Turn(date(2027, 5, 1), date(2027, 6, 1))),
        ),
    ),
    team=TeamRules(stay_near_until=28, no_driving_until=56, around_the_clock_until=30, max_travel_minutes=60),
    handover_overlap_days=2,
)


def test_a_family_round_trips():
    plan = Plan(FAMILY, "p-1")
    assert plan_from_bytes(plan_to_bytes(plan), REFERENCE) == plan


# A plan of the format before people: two travellers by name, with the user's marks on
# their registrations and extensions.
LEGACY = TripRequest(
    start=date(2027, 3, 1),
    home_tz="Europe/Madrid",
    travellers=("Lucía", "Tomás"),
    moved=(("visa:registration:2", date(2027, 2, 28)), ("visa:extension:1", date(2027, 3, 20))),
    confirmed=frozenset({"phase:screening"}),
)
STATE = ChecklistState().with_done("stay-registration:1", True).with_note("visa-extension:2", "bring the lease")


def document_of(version):
    """The legacy plan as the given format wrote it."""
    data = json.loads(plan_to_bytes(Plan(LEGACY, "p-2", checklist=STATE)))
    request = data["request"]
    del request["people"], request["team"], request["assumed"]["handover_overlap_days"]
    if version < 6:
        data.pop("papers", None)
        data.pop("money", None)
    if version < 5:
        del data["calendar_server"]
    if version < 4:
        del request["assumed"]
    if version < 3:
        del data["calendar_export"]
    if version < 2:
        del data["checklist"]
    data["version"] = version
    return json.dumps(data).encode()


@pytest.mark.parametrize("version", range(1, VERSION))
def test_every_earlier_format_opens_with_its_people_ticks_notes_and_moved_dates(version):
    plan = plan_from_bytes(document_of(version), REFERENCE)
    request = plan.request
    assert [(p.name, p.role, p.whole_journey, p.route) for p in request.people] == [
        ("Lucía", Role.PATIENT, True, Route.VISA),
        ("Tomás", Role.CAREGIVER, True, Route.VISA),
    ]
    assert all(p.visa.stay_days is None for p in request.people)
    assert request.moved == LEGACY.moved
    assert request.confirmed == LEGACY.confirmed
    if version >= 2:
        assert plan.checklist == STATE
    # The journey is the one the earlier format planned: the same items on the same dates,
    # the user's dates still applied.
    before = planned(LEGACY, TODAY)
    after = planned(request, TODAY)
    assert [(i.key, i.start, i.end) for i in after.items] == [(i.key, i.start, i.end) for i in before.items]
    assert after.item("visa:registration:2").start == date(2027, 2, 28)
    assert after.item("visa:extension:1").user_moved


def test_a_migrated_plan_saves_in_the_new_format():
    plan = plan_from_bytes(document_of(5), REFERENCE)
    data = json.loads(plan_to_bytes(plan))
    assert data["version"] == VERSION
    assert [person["name"] for person in data["request"]["people"]] == ["Lucía", "Tomás"]
    assert data["request"]["team"] == {
        "stay_near_until": None,
        "no_driving_until": None,
        "around_the_clock_until": None,
        "max_travel_minutes": None,
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"role": "doctor"}, "'request.people[0]' holds a value Carte Planner cannot use: role: must be one of"),
        ({"turns": [["2027-03-01"]]}, "'request.people[0].turns' has an invalid value"),
        ({"visa": {"entries": "3"}}, "must be one of 1, 2, multiple"),
        ({"visa": {"colour": "red"}}, "'request.people[0].visa.colour' is not one this version knows"),
        ({"shoe_size": 40}, "'request.people[0].shoe_size' is not one this version knows"),
    ],
)
def test_bad_people_are_refused_naming_the_field(change, message):
    data = json.loads(plan_to_bytes(Plan(FAMILY, "p-1")))
    data["request"]["people"][0].update(change)
    with pytest.raises(PlanFileError, match=re.escape(message)):
        plan_from_bytes(json.dumps(data).encode(), REFERENCE)


def test_a_team_rule_of_the_wrong_type_is_refused():
    data = json.loads(plan_to_bytes(Plan(FAMILY, "p-1")))
    data["request"]["team"]["no_driving_until"] = True
    with pytest.raises(PlanFileError, match=re.escape("request.team.no_driving_until")):
        plan_from_bytes(json.dumps(data).encode(), REFERENCE)
