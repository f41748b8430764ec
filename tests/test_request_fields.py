"""Each request and traveller field is described once (domain/fields.py), and the request, the
plan file, the command line and the request panel all handle exactly the described fields: a
field added to one and missed by another fails here. Every field round-trips through the plan
file and the command line, and a refusal names the field's option or file entry."""

import argparse
import dataclasses
import json
from datetime import date, time

import pytest

from carte_planner.cli import main
from carte_planner.cli.parser import build_parser
from carte_planner.cli.request_options import plan_from_args
from carte_planner.domain.fields import (
    PERSON_FIELDS,
    REQUEST_FIELDS,
    RULE_FIELDS,
    Field,
    Kind,
    Section,
)
from carte_planner.domain.people import Person, Role, Route, TeamRules, Turn, Visa
from carte_planner.domain.plan import Plan
from carte_planner.domain.request import Scenario, TripRequest
from carte_planner.storage.people_codec import people_to_dict, team_to_dict
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from carte_planner.storage.request_codec import request_to_dict

START = date(2027, 3, 1)
TODAY = date(2027, 1, 4)

# A value other than the default for every request field, and how the command line types it
# (None: set on the command line through options of its own, tested elsewhere).
VALUES: dict[str, tuple[object, list[str] | None]] = {
    "start": (date(2027, 4, 5), ["--start", "2027-04-05"]),
    "city": ("guangzhou", ["--city", "guangzhou"]),
    "scenario": (Scenario.LONGEST, ["--scenario", "longest"]),
    "home_tz": ("Europe/Madrid", ["--home-tz", "Europe/Madrid"]),
    "home_country": ("ES", ["--home-country", "ES"]),
    "home_airport": ("MAD", ["--home-airport", "MAD"]),
    "flight_hours": (13.5, ["--flight-hours", "13.5"]),
    "departure_time": (time(21, 40), ["--departure-time", "21:40"]),
    "arrive_days_before": (4, ["--arrive-days-before", "4"]),
    "go_home": (True, ["--go-home"]),
    "travellers": (("Lucía", "Tomás", "Wang"), ["--traveller", "Lucía", "--traveller", "Tomás", "--traveller", "Wang"]),
    "visa_stay_days": (60, ["--visa-stay-days", "60"]),
    "followup_years": (3, ["--followup-years", "3"]),
    "phase_days": ((("outpatient", 50), ("screening", 12)), ["--phase", "screening=12", "--phase", "outpatient=50"]),
    "moved": ((("prep:records", date(2027, 1, 5)),), None),
    "confirmed": (frozenset({"phase:screening"}), ["--confirm", "phase:screening"]),
    "day0_offset": (9, ["--day0-offset", "9"]),
    "chemotherapy_days": ((-6, -4), ["--chemotherapy-days=-6..-4"]),
    "visit_rhythm": ("weekly", ["--visit-rhythm", "weekly"]),
    "visit_weekdays": (("TU",), ["--visit-weekdays", "TU"]),
    "early_rhythm": ("every-two-weeks", ["--early-home-visits", "every-two-weeks"]),
    "followup_rhythm": (((1, 6), (6, 24)), ["--home-followup-rhythm", "1:6,6:24"]),
    "return_time": (time(11, 30), ["--return-time", "11:30"]),
    "visa_processing_days": (8, ["--visa-processing-days", "8"]),
    "people": (
        (
            Person("Lucía", Role.PATIENT, nationality="ES", route=Route.VISA, visa=Visa("S2", 90, "2")),
            Person("Tomás", turns=(Turn(date(2027, 3, 1), date(2027, 3, 20)),)),
            Person("Wang", Role.COMPANION, route=Route.VISA_FREE),
        ),
        None,
    ),
    "team": (
        TeamRules(stay_near_until=28, max_travel_minutes=60),
        ["--stay-near-until", "28", "--max-travel-minutes", "60"],
    ),
    "handover_overlap_days": (2, ["--handover-overlap-days", "2"]),
}
for _field in REQUEST_FIELDS:
    if _field.section in (Section.HOSPITAL, Section.SHEET):
        VALUES[_field.id] = (f"{_field.id} of the family", [_field.option, f"{_field.id} of the family"])

# Options of the planning commands that set no request field of their own.
NOT_FIELDS = {
    "--plan",
    "--plan-id",
    "--today",
    "--travellers",
    "--move",
    "--lang",
    "-h",
    "--help",
    "--format",
    "--save",
}
# A second option for a traveller's entry route (the first is the description's, --visa-free).
NOT_FIELDS.add("--residence-permit")


def _paths(document: object, prefix: str = "") -> set[str]:
    """The leaves of a JSON object, as dotted paths ("assumed.day0_offset")."""
    if not isinstance(document, dict) or not document:
        return {prefix} if prefix else set()
    return set().union(*(_paths(value, f"{prefix}.{key}" if prefix else key) for key, value in document.items()))


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {option for action in parser._actions for option in action.option_strings if option.startswith("-")}


def _plan_parser() -> argparse.ArgumentParser:
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return commands.choices["plan"]


def gaps(request_fields: tuple[Field, ...], panel_fields: set[str]) -> dict[str, set[str]]:
    """Which described fields a part does not handle, and what a part handles undescribed."""
    described = {f.id for f in request_fields}
    in_request = {f.name for f in dataclasses.fields(TripRequest)}
    file_paths = {f.file for f in request_fields}
    in_file = _paths(request_to_dict(TripRequest(start=START, people=VALUES["people"][0])))  # type: ignore[arg-type]
    # People and team rules are objects of their own (checked below), not leaves here.
    in_file = {path for path in in_file if not path.startswith(("people", "team"))} | {"people", "team"}
    options = {f.option for f in request_fields if f.option}
    parser_options = _options(_plan_parser())
    person_and_rule_options = {f.option for f in (*PERSON_FIELDS, *RULE_FIELDS) if f.option}
    cli_extra = parser_options - options - NOT_FIELDS - person_and_rule_options - {"--no-go-home"}
    shown = {f.id for f in request_fields if f.section is not Section.VIEWS}
    return {
        "request without description": in_request - described,
        "description without request field": described - in_request,
        "plan file misses": file_paths - in_file,
        "plan file has undescribed": in_file - file_paths,
        "command line misses": options - parser_options,
        "command line has undescribed": cli_extra,
        "panel misses": shown - panel_fields,
        "panel has undescribed": panel_fields - described,
    }


def _no_gaps(found: dict[str, set[str]]) -> dict[str, set[str]]:
    return {part: missing for part, missing in found.items() if missing}


@pytest.fixture
def panel_fields(qtbot):
    from carte_planner.ui.document import PlanDocument
    from carte_planner.ui.request_panel import RequestPanel

    panel = RequestPanel(PlanDocument(Plan(TripRequest(start=START), plan_id="fields"), today=TODAY))
    qtbot.addWidget(panel)
    return panel


def test_every_part_handles_exactly_the_described_fields(panel_fields):
    assert _no_gaps(gaps(REQUEST_FIELDS, set(panel_fields.fields))) == {}


def test_a_described_field_that_a_part_misses_fails(panel_fields):
    extra = Field("pet_name", Kind.TEXT, "pet name", "--pet-name", "sheet.pet_name", 8, Section.SHEET)
    found = _no_gaps(gaps((*REQUEST_FIELDS, extra), set(panel_fields.fields)))
    assert found == {
        "description without request field": {"pet_name"},
        "plan file misses": {"sheet.pet_name"},
        "command line misses": {"--pet-name"},
        "panel misses": {"pet_name"},
    }


def test_a_field_a_part_handles_without_description_fails(panel_fields):
    without = tuple(f for f in REQUEST_FIELDS if f.id != "visa_stay_days")
    found = _no_gaps(gaps(without, set(panel_fields.fields)))
    assert found == {
        "request without description": {"visa_stay_days"},
        "plan file has undescribed": {"visa_stay_days"},
        "command line has undescribed": {"--visa-stay-days"},
        "panel has undescribed": {"visa_stay_days"},
    }


def test_every_traveller_and_team_field_is_described_and_in_the_plan_file(qtbot):
    from carte_planner.ui.travellers_box import TravellersBox

    person_ids = {f.name for f in dataclasses.fields(Person) if f.name != "visa"}
    person_ids |= {f"visa.{f.name}" for f in dataclasses.fields(Visa)}
    assert {f.id for f in PERSON_FIELDS} == person_ids
    assert {f.id for f in RULE_FIELDS} == {f.name for f in dataclasses.fields(TeamRules)}
    person = VALUES["people"][0][0]  # type: ignore[index]
    assert _paths(people_to_dict((person,))[0]) == {f.file for f in PERSON_FIELDS}
    assert {f"team.{name}" for name in team_to_dict(TeamRules())} == {f.file for f in RULE_FIELDS}
    box = TravellersBox(lambda change, text: True)
    qtbot.addWidget(box)
    assert set(box.fields) == {f.id for f in (*PERSON_FIELDS, *RULE_FIELDS)}
    for rule in RULE_FIELDS:
        assert box.fields[rule.id].maximum() == rule.limits[1]  # type: ignore[attr-defined,index]
    options = _options(_plan_parser())
    assert {f.option for f in (*PERSON_FIELDS, *RULE_FIELDS) if f.option} <= options


def test_the_panels_limits_are_the_descriptions(panel_fields):
    for described in REQUEST_FIELDS:
        widget = panel_fields.fields.get(described.id)
        if described.limits is None or not hasattr(widget, "maximum") or described.kind is Kind.DAY_RANGE:
            continue
        assert (widget.minimum(), widget.maximum()) == described.limits, described.id  # type: ignore[union-attr]


def _full_request() -> TripRequest:
    return TripRequest(**{name: value for name, (value, _argv) in VALUES.items()})  # type: ignore[arg-type]


def test_every_field_round_trips_through_the_plan_file():
    plan = Plan(_full_request(), plan_id="every-field")
    again = plan_from_bytes(plan_to_bytes(plan))
    assert again.request == plan.request
    for name, (value, _argv) in VALUES.items():
        assert getattr(again.request, name) == value, name


@pytest.mark.parametrize("described", REQUEST_FIELDS, ids=lambda f: f.id)
def test_each_field_is_written_at_its_place_in_the_plan_file(described):
    plain = request_to_dict(TripRequest(start=START))
    changed = request_to_dict(dataclasses.replace(TripRequest(start=START), **{described.id: VALUES[described.id][0]}))
    differing = {path for path in _paths(changed) | _paths(plain) if _get(changed, path) != _get(plain, path)}
    # People also name the travellers.
    expected = {described.file} | ({"travellers"} if described.id == "people" else set())
    assert {_owner(path) for path in differing} == expected


def _owner(path: str) -> str:
    """The described field a path of the plan file belongs to ("phase_days.screening")."""
    return next(f.file for f in REQUEST_FIELDS if path == f.file or path.startswith(f.file + "."))


def _get(document: dict, path: str) -> object:
    for part in path.split("."):
        if not isinstance(document, dict) or part not in document:
            return None
        document = document[part]
    return json.dumps(document, sort_keys=True)


@pytest.mark.parametrize("described", [f for f in REQUEST_FIELDS if VALUES[f.id][1] is not None], ids=lambda f: f.id)
def test_each_field_round_trips_through_the_command_line(described):
    value, argv = VALUES[described.id]
    args = _plan_parser().parse_args(["--start", "2027-03-01", *argv])  # type: ignore[misc]
    request = plan_from_args(args, TODAY).request
    assert getattr(request, described.id) == value


@pytest.mark.parametrize(
    "described", [f for f in REQUEST_FIELDS if f.limits and f.kind in (Kind.WHOLE, Kind.NUMBER)], ids=lambda f: f.id
)
def test_a_refusal_names_the_fields_option_and_its_place_in_the_plan_file(described, capsys, tmp_path):
    too_big = str(int(described.limits[1]) + 1)  # type: ignore[index]
    assert main(["plan", "--start", "2027-03-01", "--today", "2027-01-04", described.option, too_big]) == 2
    assert capsys.readouterr().err.startswith(f"carte-planner: error: {described.option}: must be between ")
    document = json.loads(plan_to_bytes(Plan(TripRequest(start=START), plan_id="p")))
    place = document["request"]
    *outer, name = described.file.split(".")
    for part in outer:
        place = place[part]
    place[name] = int(too_big)
    path = tmp_path / "refused.carteplan"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["plan", "--plan", str(path), "--today", "2027-01-04"]) == 2
    assert f"the field '{described.file_path}' holds a value Carte Planner cannot use" in capsys.readouterr().err


def test_a_refused_phase_names_its_option_and_entry(capsys):
    assert main(["plan", "--start", "2027-03-01", "--today", "2027-01-04", "--phase", "screening=400"]) == 2
    assert capsys.readouterr().err == (
        "carte-planner: error: --phase screening: must be between 1 and 365 days, not 400\n"
    )


@pytest.mark.parametrize("described", [f for f in REQUEST_FIELDS if f.since > 1], ids=lambda f: f.id)
def test_a_file_from_before_a_field_existed_opens_with_its_default(described):
    from carte_planner.domain.people import legacy_people
    from carte_planner.storage.plan_codec import VERSION

    assert described.since <= VERSION
    document = json.loads(plan_to_bytes(Plan(TripRequest(start=START), plan_id="older")))
    document["version"] = described.since - 1
    place = document["request"]
    *outer, name = described.file.split(".")
    for part in outer:
        place = place[part]
    del place[name]
    opened = plan_from_bytes(json.dumps(document).encode("utf-8")).request
    default = TripRequest(start=START)
    # Version 7 made each traveller a person: an older plan's travellers become people.
    expected = legacy_people(default.travellers) if described.id == "people" else getattr(default, described.id)
    assert getattr(opened, described.id) == expected
