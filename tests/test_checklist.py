"""The checklist: due dates that move with the plan, and ticks and notes that stay."""

import copy
import tomllib
from datetime import date, timedelta

import pytest

from carte_planner.domain import ResourceError
from carte_planner.domain.checklist import (
    ChecklistState,
    CustomItem,
    build_checklist,
    parse_checklist_template,
)
from carte_planner.resources import load_checklist_template, resource_root
from tests.journeys import planned_trip


def checklist_for(state=ChecklistState(), **changes):  # noqa: B008
    changes.setdefault("home_tz", "Europe/Berlin")
    journey = planned_trip(**changes)
    return journey, build_checklist(journey, load_checklist_template(), state)


def test_every_stage_of_the_guide_is_there():
    _, checklist = checklist_for()
    titles = [stage.title for stage, _ in checklist.by_stage()]
    assert titles == [
        "Ask your hospital",
        "Medical records for the eligibility review",
        "Passports and visas",
        "Travel",
        "Accommodation and registration",
        "Local support",
        "Before admission",
        "After discharge",
        "Going home",
    ]


def test_due_dates_follow_their_journey_anchor():
    journey, checklist = checklist_for()
    assert checklist.entry("records-antigens").due == journey.item("prep:records").start
    assert checklist.entry("admission-packing").due == journey.item("milestone:admission").start - timedelta(days=2)
    assert checklist.entry("home-reports").due == journey.item("milestone:fit-to-fly").start
    assert checklist.entry("stay-registration:1").due == journey.summary.arrival
    assert checklist.entry("stay-registration:2").due == journey.summary.arrival


def test_due_dates_move_with_the_plan():
    _, before = checklist_for()
    _, after = checklist_for(phase_days=(("manufacturing", 28),))
    assert after.entry("records-pathology").due == before.entry("records-pathology").due
    assert after.entry("admission-packing").due == before.entry("admission-packing").due + timedelta(days=7)
    _, later = checklist_for(start=date(2027, 4, 5))
    assert later.entry("travel-flights").due == before.entry("travel-flights").due + timedelta(days=35)


def test_ticks_and_notes_survive_replanning():
    state = ChecklistState().with_done("admission-packing", True).with_note("admission-packing", "Blue suitcase")
    _, before = checklist_for(state)
    _, after = checklist_for(state, start=date(2027, 5, 3), city="beijing", scenario="longest")
    for checklist in (before, after):
        entry = checklist.entry("admission-packing")
        assert entry.done
        assert entry.note == "Blue suitcase"


def test_per_traveller_items_repeat():
    _, checklist = checklist_for(travellers=("Ana", "Luis", "Mei"))
    passports = [e for e in checklist.entries if e.key.startswith("visa-passport:")]
    assert [e.traveller for e in passports] == ["Ana", "Luis", "Mei"]


def test_conditional_items_follow_the_plan():
    _, plain = checklist_for()
    assert not [e for e in plain.entries if e.key.startswith("visa-two-entries")]
    _, home = checklist_for(go_home=True, phase_days=(("manufacturing", 28),))
    assert [e for e in home.entries if e.key.startswith("visa-two-entries")]
    _, long_visa = checklist_for(visa_stay_days=180)
    assert not [e for e in long_visa.entries if e.key.startswith("visa-extension")]


def test_warning_signs_say_the_list_is_not_complete_and_give_120():
    _, checklist = checklist_for()
    details = checklist.entry("discharge-warning-signs").details
    assert "not complete" in details
    assert "120" in details


def test_added_and_removed_items():
    state = (
        ChecklistState()
        .with_added(CustomItem("custom:1", "travel", "Bring the blue folder", date(2027, 2, 20)))
        .without("local-phone")
    )
    _, checklist = checklist_for(state)
    assert checklist.entry("custom:1").custom
    assert "local-phone" not in {e.key for e in checklist.entries}
    assert checklist.removed_count == 1
    _, restored = checklist_for(state.restored())
    assert "local-phone" in {e.key for e in restored.entries}
    assert "custom:1" not in {e.key for e in checklist_for(state.without("custom:1"))[1].entries}


def test_overdue_items():
    _, checklist = checklist_for()
    entry = checklist.entry("records-pathology")
    assert entry.overdue(entry.due + timedelta(days=1))
    assert not entry.overdue(entry.due)
    done = checklist_for(ChecklistState().with_done("records-pathology", True))[1].entry("records-pathology")
    assert not done.overdue(entry.due + timedelta(days=30))


def test_grouped_entries_are_sorted_by_due_date():
    _, checklist = checklist_for()
    for _stage, entries in checklist.by_stage():
        dues = [e.due for e in entries]
        assert dues == sorted(dues)


@pytest.fixture
def template_data():
    return tomllib.loads((resource_root() / "checklist.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d["items"][0].pop("title"), "items[0].title"),
        (lambda d: d["items"][0].update(stage="nowhere"), "items[0].stage"),
        (lambda d: d["items"][0].update(offset_days="soon"), "items[0].offset_days"),
        (lambda d: d["items"][0].update(per_traveller=True), "items[0].anchor"),
        (lambda d: d["items"][1].update(key=d["items"][0]["key"]), "items[1].key"),
        (lambda d: d.pop("stages"), "stages"),
    ],
)
def test_a_malformed_template_names_the_field(template_data, mutate, field):
    data = copy.deepcopy(template_data)
    mutate(data)
    with pytest.raises(ResourceError) as caught:
        parse_checklist_template(data)
    assert caught.value.field == field
