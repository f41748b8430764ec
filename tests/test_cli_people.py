"""A family described on the command line: each traveller's route and turns, the team's rules,
and the JSON's `travellers` and `coverage` lists."""

import json

import pytest

from carte_planner.cli import main

FAMILY = [
    "plan",
    "--format",
    "json",
    "--start",
    "2026-09-07",
    "--home-tz",
    "Europe/Berlin",
    "--home-country",
    "DE",
    "--today",
    "2026-06-01",
    "--traveller",
    "Anna",
    "--traveller",
    "Boris",
    "--traveller",
    "Chen",
    "--nationality",
    "Anna=DE",
    "--visa",
    "Anna=S2",
    "--visa-stay",
    "Anna=90",
    "--visa-entries",
    "Anna=1",
    "--nationality",
    "Boris=FR",
    "--visa-free",
    "Boris",
    "--turn",
    "Boris=2026-09-05..2026-10-20",
    "--nationality",
    "Chen=US",
    "--visa",
    "Chen=L",
    "--visa-stay",
    "Chen=30",
    "--turn",
    "Chen=2026-10-23..2026-11-20",
    "--caregiver-around-the-clock-until",
    "28",
]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_family_with_caregivers_taking_turns(capsys):
    code, out, err = run(capsys, *FAMILY)
    assert code == 0, err
    data = json.loads(out)
    people = {person["name"]: person for person in data["travellers"]}
    assert [p["role"] for p in data["travellers"]] == ["patient", "caregiver", "caregiver"]
    assert people["Anna"]["route"] == "visa"
    assert people["Anna"]["visa"] == {"type": "S2", "stay_days": 90, "entries": "1", "use_by": None}
    assert people["Anna"]["arrivals"] == ["2026-09-05"]
    assert people["Anna"]["last_permitted_days"] == ["2026-12-03"]
    assert people["Anna"]["extensions"] == ["2026-11-26"]
    assert people["Boris"]["route"] == "visa-free"
    assert people["Boris"]["turns"] == [{"arrive": "2026-09-05", "leave": "2026-10-20"}]
    assert people["Boris"]["last_permitted_days"] == ["2026-10-04"]
    assert people["Chen"]["arrivals"] == ["2026-10-23"]
    # 30 days from 23 Oct end on 21 Nov: the 29 days to 20 Nov need no extension.
    assert people["Chen"]["last_permitted_days"] == ["2026-11-21"]
    assert people["Chen"]["extensions"] == []
    # Boris leaves on 20 Oct inside the window (Day 0 is 13 Oct); Chen lands on 23 Oct.
    assert data["coverage"] == [
        {"date": "2026-10-20", "reason": "departure-without-hand-over", "traveller": "Boris"},
        {"date": "2026-10-21", "reason": "no-caregiver", "traveller": None},
        {"date": "2026-10-22", "reason": "no-caregiver", "traveller": None},
    ]
    items = {item["key"]: item for item in data["items"]}
    assert items["visa:registration:3"]["traveller"] == "Chen"
    assert items["visa:registration:3"]["start"] == "2026-10-23"
    assert items["flight:turn1:home:2"]["traveller"] == "Boris"
    codes = [notice["code"] for notice in data["notices"]]
    # Boris stays 46 days, longer than the 30 the visa-free policy allows.
    assert "visa-free-too-long" in codes
    assert "caregiver-coverage" in codes


def test_the_team_rules_and_a_residence_permit(capsys):
    argv = [
        "plan", "--format", "json", "--start", "2026-09-07", "--home-tz", "Europe/Berlin", "--today", "2026-06-01",
        "--traveller", "Anna", "--residence-permit", "Anna", "--stay-near-until", "28", "--no-driving-until", "56",
        "--max-travel-minutes", "45",
    ]  # fmt: skip
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    data = json.loads(out)
    items = {item["key"]: item for item in data["items"]}
    assert items["rule:stay-near"]["end"] == "2026-11-10"
    assert items["rule:no-driving"]["end"] == "2026-12-08"
    assert "visa:residence-application:1" in items
    assert "visa:extension:1" not in items
    assert data["travellers"][0]["route"] == "residence-permit"
    assert not {"ask-distance", "ask-driving", "ask-travel-time"} & {q["key"] for q in data["questions"]}
    assert "ask-around-the-clock" in {q["key"] for q in data["questions"]}


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--role", "Zoe=patient"], "--role: 'Zoe' is not one of the travellers (Anna, Boris)"),
        (["--role", "Boris=doctor"], "--role Boris: must be one of patient, caregiver, companion"),
        (["--turn", "Boris=2026-10-01"], "--turn: '2026-10-01' must look like YYYY-MM-DD..YYYY-MM-DD"),
        (["--turn", "Boris=2026-10-05..2026-10-01"], "--turn Boris: the first day"),
        (["--visa-entries", "Anna=3"], "--visa-entries Anna: must be one of 1, 2, multiple"),
        (["--visa-stay", "Anna=many"], "--visa-stay: 'many' is not a whole number of days"),
        (["--passport-expiry", "Anna=2027-02-30"], "--passport-expiry: 2027-02-30 is not a real date"),
        (["--no-driving-until", "0"], "--no-driving-until: must be between 1 and 365, not 0"),
    ],
)
def test_bad_options_name_the_option_and_the_traveller(capsys, option, message):
    base = ["plan", "--start", "2026-09-07", "--today", "2026-06-01", "--traveller", "Anna", "--traveller", "Boris"]
    code, _, err = run(capsys, *base, *option)
    assert code == 2
    assert message in err


def test_another_traveller_named_the_patient_makes_the_first_a_caregiver(capsys):
    argv = ["plan", "--format", "json", "--start", "2026-09-07", "--today", "2026-06-01"]
    code, out, err = run(capsys, *argv, "--traveller", "Ana", "--traveller", "Luis", "--role", "Luis=patient")
    assert code == 0, err
    assert [p["role"] for p in json.loads(out)["travellers"]] == ["caregiver", "patient"]


def test_a_family_saved_from_the_command_line_opens_with_everyone_s_dates(capsys, tmp_path):
    saved = tmp_path / "family.carteplan"
    code, first, err = run(capsys, *FAMILY, "--save", str(saved))
    assert code == 0, err
    code, again, err = run(capsys, "plan", "--format", "json", "--plan", str(saved), "--today", "2026-06-01")
    assert code == 0, err
    assert json.loads(again)["travellers"] == json.loads(first)["travellers"]
    assert json.loads(again)["coverage"] == json.loads(first)["coverage"]
    # Renaming the first traveller keeps her route and dates.
    code, renamed, err = run(
        capsys, "plan", "--format", "json", "--plan", str(saved), "--today", "2026-06-01", "--traveller", "Ana"
    )
    assert code == 0, err
    people = json.loads(renamed)["travellers"]
    assert [p["name"] for p in people] == ["Ana", "Boris", "Chen"]
    assert people[0]["last_permitted_days"] == ["2026-12-03"]


def test_the_text_plan_lists_each_travellers_route_and_dates(capsys):
    argv = [arg for arg in FAMILY if arg not in ("--format", "json")]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert "Travellers:\n" in out
    assert (
        "  * Boris (caregiver), Visa-free entry: In China Sat 05 Sep 2026 to Tue 20 Oct 2026; "
        "last permitted day Sun 04 Oct 2026\n"
    ) in out
    assert (
        "  * Chen (caregiver), Visa L: In China Fri 23 Oct 2026 to Fri 20 Nov 2026; "
        "last permitted day Sat 21 Nov 2026\n"
    ) in out
