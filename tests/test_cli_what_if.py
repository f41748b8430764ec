"""carte-planner what-if: the dates a contingency moves and what it breaks, and --apply --save."""

import json
from pathlib import Path

from carte_planner.cli import main
from carte_planner.storage.planfile import load_plan
from tests.journeys import REFERENCE

TODAY = ("--today", "2026-11-28")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def saved_plan(capsys, tmp_path: Path) -> Path:
    # First hospital day 1 Mar 2027; 102 days in China: a 51-day visa and one extension, exactly.
    path = tmp_path / "family.carteplan"
    code, _, err = run(
        capsys, "plan", "--start", "2027-03-01", "--city", "beijing", "--home-tz", "America/New_York",
        "--visa-stay-days", "51", "--phase", "outpatient=41", *TODAY, "--save", str(path),
    )  # fmt: skip
    assert code == 0, err
    return path


def test_cells_two_weeks_late_as_json(capsys, tmp_path):
    path = saved_plan(capsys, tmp_path)
    before = path.read_bytes()
    code, out, _ = run(
        capsys, "what-if", "--plan", str(path), "--delay", "manufacturing=14", "--format", "json", *TODAY
    )
    assert code == 0
    document = json.loads(out)
    moved = {m["key"]: (m["old"], m["new"]) for m in document["moved"]}
    assert moved["flight:return"] == ("2027-06-08", "2027-06-22")
    assert moved["milestone:infusion"] == ("2027-04-06", "2027-04-20")
    codes = {b["code"] for b in document["broken"]}
    assert {"visa-stay-too-long", "extension-needed", "lodging-nights-added", "return-flight-moved"} <= codes
    assert document["summary_before"]["return"] == "2027-06-08"
    assert document["summary_after"]["return"] == "2027-06-22"
    assert document["summary_after"]["phase_days"]["manufacturing"] == 35
    assert path.read_bytes() == before  # asked, not applied


def test_text_says_what_breaks_and_what_moves(capsys, tmp_path):
    path = saved_plan(capsys, tmp_path)
    code, out, _ = run(capsys, "what-if", "--plan", str(path), "--readmission", "10", *TODAY)
    assert code == 0
    assert "Return: 08 Jun 2027 → 18 Jun 2027" in out
    assert "The return flight moves from Tue 08 Jun 2027 to Fri 18 Jun 2027." in out
    assert "not a forecast" in out


def test_apply_and_save_writes_the_changed_plan(capsys, tmp_path):
    path = saved_plan(capsys, tmp_path)
    changed = tmp_path / "later.carteplan"
    argv = ("what-if", "--plan", str(path), "--delay", "infusion=3", "--apply", "--save", str(changed), *TODAY)
    code, _, err = run(capsys, *argv)
    assert code == 0, err
    request = load_plan(changed, REFERENCE).request
    assert request.day0_offset == 8
    assert request.phase_length("admission") == 13
    assert load_plan(path, REFERENCE).request.day0_offset is None


def test_not_eligible_returns_after_screening(capsys, tmp_path):
    path = saved_plan(capsys, tmp_path)
    code, out, _ = run(capsys, "what-if", "--plan", str(path), "--not-eligible", "--format", "json", *TODAY)
    assert code == 0
    path_json = json.loads(out)["not_eligible"]
    assert path_json["earliest_return"] == "2027-03-11"
    assert path_json["nights_needed"] == 12
    assert "milestone:infusion" in path_json["cancelled"]
    assert "followup:early" in path_json["cancelled"]


def test_bad_questions_are_refused_in_one_line(capsys, tmp_path):
    path = saved_plan(capsys, tmp_path)
    code, _, err = run(capsys, "what-if", "--plan", str(path), "--delay", "lunch=3")
    assert code == 2
    assert "--delay: must be one of screening, manufacturing, infusion, recovery" in err
    code, _, err = run(capsys, "what-if", "--plan", str(path), "--delay", "manufacturing=x")
    assert "PHASE=DAYS" in err
    code, _, err = run(capsys, "what-if", "--plan", str(path))
    assert code == 2
    assert "--recollect" in err
    code, _, err = run(capsys, "what-if", "--plan", str(path), "--recollect", "--apply")
    assert "--save" in err


def test_plan_json_says_which_bookings_stay_changeable_until_eligibility(capsys):
    argv = ["plan", "--start", "2027-03-01", "--city", "beijing", "--home-tz", "America/New_York", *TODAY]
    code, out, _ = run(capsys, *argv, "--format", "json")
    assert code == 0
    point = json.loads(out)["go_no_go"]
    assert point["decision_day"] == "2027-03-10"
    assert point["keep_changeable"] == ["stay:accommodation", "flight:return"]
    assert point["not_eligible"]["earliest_return"] == "2027-03-11"
    code, out, _ = run(capsys, *argv)
    assert "Eligibility is confirmed at screening, by Wed 10 Mar 2027. Until then keep these changeable:" in out
