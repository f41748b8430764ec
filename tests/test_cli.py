"""The command line: readable output, files written safely, one clear line for every mistake."""

import json
import os
import subprocess
import sys
from datetime import date

import pytest
import vobject

from carte_planner.cli import EXIT_OUTPUT, main
from tests.journeys import REFERENCE

BASE = ["--start", "2027-03-01", "--city", "Beijing", "--home-tz", "America/New_York", "--today", "2027-01-01"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_text_reads_like_an_agenda(capsys):
    code, out, err = run(capsys, "plan", *BASE)
    assert code == 0
    assert err == ""
    assert "CAR-T journey to Beijing (北京): typical scenario" in out
    assert "Tue 06 Apr 2027  Day 0     Day 0: CAR-T cell infusion" in out
    assert "Day \u22125" in out
    assert "Fit-to-fly check, estimated: Tue 08 Jun 2027" in out
    assert "confirm every date with your hospital" in out
    assert "departs Fri 26 Feb 10:00 (America/New_York), lands Sat 27 Feb 11:00 (Asia/Shanghai)" in out


def test_plan_text_puts_the_visa_warning_first_and_lists_holidays(capsys):
    code, out, _ = run(capsys, "plan", "--start", "2027-09-13", "--home-tz", "Europe/Berlin", "--today", "2027-01-01")
    assert code == 0
    warnings = out.index("Warnings:\n  ! The stay in China is planned at 103 days")
    assert warnings < out.index("July 2027")
    assert (
        "Fri 01 Oct 2027            Public holiday (China): National Day "
        "(provisional: check the official holiday notice for 2027)" in out
    )


def test_home_country_option_and_json_holidays(capsys):
    code, out, _ = run(capsys, "plan", *BASE, "--format", "json", "--home-country", "ca")
    assert code == 0
    data = json.loads(out)
    assert data["home_country"] == "CA"
    assert all(set(h) == {"date", "name", "country", "provisional"} for h in data["holidays"])
    code, _, err = run(capsys, "plan", *BASE, "--home-country", "Canada")
    assert code == 2
    assert "--home-country" in err
    assert "two-letter country code" in err


def test_plan_json_is_documented_and_complete(capsys):
    code, out, _ = run(capsys, "plan", *BASE, "--format", "json", "--phase", "screening=12", "--go-home")
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "carte-planner.journey"
    assert data["version"] == 1
    assert data["city"]["name_zh"] == "北京"
    assert data["summary"]["phase_days"]["screening"] == 12
    keys = {item["key"] for item in data["items"]}
    assert {"phase:screening", "milestone:infusion", "flight:outbound", "visits:outpatient"} <= keys
    flight = next(item for item in data["items"] if item["key"] == "flight:outbound")
    assert flight["depart"]["time_zone"] == "America/New_York"
    infusion = next(item for item in data["items"] if item["key"] == "milestone:infusion")
    assert infusion["day"] == 0


def test_export_writes_a_calendar_file(capsys, tmp_path):
    target = tmp_path / "j.ics"
    code, out, err = run(capsys, "export", *BASE, "-o", str(target))
    assert code == 0, err
    assert "Wrote" in out
    calendar = vobject.readOne(target.read_text(encoding="utf-8"))
    assert len(calendar.vevent_list) >= 25
    assert os.listdir(tmp_path) == ["j.ics"]


def test_export_over_an_existing_file_replaces_it(capsys, tmp_path):
    target = tmp_path / "j.ics"
    target.write_text("old")
    assert run(capsys, "export", *BASE, "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert sorted(os.listdir(tmp_path)) == ["j.ics"]


def test_same_command_twice_gives_the_same_uids(capsys, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    run(capsys, "export", *BASE, "-o", str(first))
    run(capsys, "export", *BASE[:1], "2027-04-12", *BASE[2:], "-o", str(second))
    uids = [{e.uid.value for e in vobject.readOne(p.read_text(encoding="utf-8")).vevent_list} for p in (first, second)]
    assert uids[0] == uids[1]


def test_cities_lists_chinese_names_and_airports(capsys):
    code, out, _ = run(capsys, "cities")
    assert code == 0
    assert "Shanghai" in out
    assert "上海" in out
    assert "PVG" in out
    assert "Suzhou has no airport of its own" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "2027-02-30"], "--start: 2027-02-30 is not a real date (February 2027 has 28 days)"),
        (["--start", "01/03/2027"], "--start: '01/03/2027' is not a date; write it as YYYY-MM-DD"),
        (["--start", "1999-05-01"], "--start: must be between 2000 and 2100"),
        (["--city", "Shangai"], "Did you mean Shanghai?"),
        (["--city", "Paris"], "'Paris' is not a known hospital city"),
        (["--home-tz", "Europe/Berlinn"], "--home-tz: 'Europe/Berlinn' is not a known time zone"),
        (["--flight-hours", "0"], "--flight-hours: must be between 1 and 40"),
        (["--flight-hours", "many"], "argument --flight-hours: invalid number value"),
        (["--arrive-days-before", "20"], "--arrive-days-before: must be between 0 and 14"),
        (["--followup-years", "30"], "--followup-years: must be between 0 and 20"),
        (["--travellers", "7"], "--travellers: must be between 1 and 6"),
        (["--phase", "screening=400"], "--phase screening: must be between 1 and 365 days"),
        (["--phase", "screening"], "--phase: 'screening' must look like KEY=VALUE"),
        (["--phase", "sreening=5"], "--phase sreening: there is no such phase"),
        (["--departure-time", "25:00"], "--departure-time: '25:00' is not a time"),
        (["--move", "prep:records=2027-13-01"], "--move prep:records: '2027-13-01' is not a date"),
        (["--scenario", "fast"], "invalid choice: 'fast'"),
        (["--today", "yesterday"], "--today: 'yesterday' is not a date"),
    ],
)
def test_bad_input_gives_one_clear_line_and_exit_code_2(capsys, tmp_path, args, message):
    target = tmp_path / "out.ics"
    code, _out, err = run(capsys, "export", *BASE, *args, "-o", str(target))
    assert code == 2
    assert message in err
    assert err.startswith("carte-planner: error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert os.listdir(tmp_path) == []


def test_unwritable_output_leaves_nothing_behind(capsys, tmp_path):
    missing = tmp_path / "no such folder" / "j.ics"
    code, _, err = run(capsys, "export", *BASE, "-o", str(missing))
    assert code == EXIT_OUTPUT
    assert "the folder does not exist" in err
    folder = tmp_path / "folder.ics"
    folder.mkdir()
    code, _, err = run(capsys, "export", *BASE, "-o", str(folder))
    assert code == EXIT_OUTPUT
    assert "that is a folder, not a file" in err
    assert os.listdir(tmp_path) == ["folder.ics"]
    assert os.listdir(folder) == []


def test_a_write_failure_mid_way_keeps_the_old_file(capsys, tmp_path, monkeypatch):
    target = tmp_path / "j.ics"
    target.write_text("previous export")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    code, _, err = run(capsys, "export", *BASE, "-o", str(target))
    assert code == EXIT_OUTPUT
    assert "the disk is full" in err
    assert target.read_text() == "previous export"
    assert os.listdir(tmp_path) == ["j.ics"]


def test_missing_output_option_is_one_line(capsys):
    code, _, err = run(capsys, "export", *BASE)
    assert code == 2
    assert "the following arguments are required: -o/--output" in err


def test_default_start_is_the_first_working_day_eight_weeks_ahead(capsys):
    code, out, _ = run(capsys, "plan", "--today", "2027-01-01", "--home-tz", "Europe/Paris", "--format", "json")
    assert code == 0
    assert json.loads(out)["start"] == date(2027, 2, 26).isoformat()  # a Friday
    warnings = [n["code"] for n in json.loads(out)["notices"] if n["severity"] == "warning"]
    assert warnings == ["visa-stay-too-long"]
    # Eight weeks from Wed 1 Dec 2027 is Wed 26 Jan 2028, inside the modelled Spring Festival break
    # (New Year's Eve, Tue 25 Jan, to the 7th day, Tue 1 Feb): the first working day is Wed 2 Feb.
    code, out, _ = run(capsys, "plan", "--today", "2027-12-01", "--home-tz", "Europe/Paris", "--format", "json")
    assert json.loads(out)["start"] == date(2028, 2, 2).isoformat()


def test_the_installed_command_runs_as_a_module():
    result = subprocess.run(
        [sys.executable, "-m", "carte_planner", "plan", *BASE, "--city", "Xi'an"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "西安" in result.stdout


def test_plan_file_is_read_and_options_change_it(capsys, tmp_path):
    from carte_planner.domain import TripRequest
    from carte_planner.domain.plan import Plan
    from carte_planner.storage.planfile import save_plan

    path = tmp_path / "trip.carteplan"
    request = TripRequest(start=date(2027, 3, 1), city="wuhan", home_tz="Asia/Tokyo", phase_days=(("screening", 8),))
    save_plan(path, Plan(request, "plan-from-file"))
    code, out, _ = run(capsys, "plan", "--plan", str(path), "--today", "2027-01-01", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["city"]["key"], data["home_time_zone"], data["summary"]["phase_days"]["screening"]) == (
        "wuhan",
        "Asia/Tokyo",
        8,
    )
    code, out, _ = run(capsys, "plan", "--plan", str(path), "--phase", "manufacturing=20", "--format", "json")
    data = json.loads(out)
    assert data["summary"]["phase_days"]["screening"] == 8
    assert data["summary"]["phase_days"]["manufacturing"] == 20
    assert data["city"]["key"] == "wuhan"


def test_export_from_a_plan_file_uses_its_plan_id(capsys, tmp_path):
    from carte_planner.domain import TripRequest
    from carte_planner.domain.identity import event_uid
    from carte_planner.domain.plan import Plan
    from carte_planner.storage.planfile import save_plan

    path = tmp_path / "trip.carteplan"
    save_plan(path, Plan(TripRequest(start=date(2027, 3, 1)), "plan-from-file"))
    target = tmp_path / "j.ics"
    assert run(capsys, "export", "--plan", str(path), "-o", str(target))[0] == 0
    uids = {e.uid.value for e in vobject.readOne(target.read_text(encoding="utf-8")).vevent_list}
    assert event_uid("phase:screening", "plan-from-file") in uids


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "the file does not exist"), (b"{nope", "it is damaged"), (b"", "the file is empty")],
)
def test_a_bad_plan_file_is_one_line(capsys, tmp_path, content, message):
    path = tmp_path / "trip.carteplan"
    if content is not None:
        path.write_bytes(content)
    code, _, err = run(capsys, "plan", "--plan", str(path))
    assert code == 2
    assert message in err
    assert err.count("\n") == 1


@pytest.mark.qt
def test_checklist_as_text_markdown_and_pdf(capsys, tmp_path):
    code, out, _ = run(capsys, "checklist", *BASE)
    assert code == 0
    assert "Medical records for the eligibility review" in out
    assert "- [ ] Pathology reports (due Wed 06 Jan 2027, assumed: preparation date)" in out
    code, out, _ = run(capsys, "checklist", *BASE, "--format", "markdown")
    assert out.startswith("# CAR-T journey to Beijing (北京): checklist")
    target = tmp_path / "c.pdf"
    code, out, err = run(capsys, "checklist", *BASE, "--pdf", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF")
    assert "pages" in out
    assert os.listdir(tmp_path) == ["c.pdf"]


def test_checklist_pdf_errors_are_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "checklist", *BASE, "--pdf", str(tmp_path / "nope" / "c.pdf"))
    assert code == EXIT_OUTPUT
    assert "the folder does not exist" in err
    assert err.count("\n") == 1


def uids_of(path):
    return {e.uid.value for e in vobject.readOne(path.read_text(encoding="utf-8")).vevent_list}


def test_plan_save_writes_a_plan_file_atomically_with_a_backup(capsys, tmp_path):
    from carte_planner.storage.planfile import load_plan

    path = tmp_path / "trip.carteplan"
    code, out, err = run(capsys, "plan", *BASE, "--traveller", "Ana", "--save", str(path))
    assert (code, err) == (0, "")
    assert "CAR-T journey to Beijing" in out
    saved = load_plan(path, REFERENCE)
    assert saved.request.travellers[0] == "Ana"
    assert saved.request.start == date(2027, 3, 1)
    assert len(saved.plan_id) == 36  # a new random id: two patients' plans never share one
    assert run(capsys, "plan", "--plan", str(path), "--phase", "screening=10", "--save", str(path))[0] == 0
    assert load_plan(path, REFERENCE).plan_id == saved.plan_id
    assert load_plan(path, REFERENCE).request.phase_length("screening") == 10
    assert load_plan(tmp_path / "trip.carteplan.bak", REFERENCE) == saved
    assert sorted(os.listdir(tmp_path)) == ["trip.carteplan", "trip.carteplan.bak"]


def test_plan_save_into_a_missing_folder_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "plan", *BASE, "--save", str(tmp_path / "nowhere" / "trip.carteplan"))
    assert code == EXIT_OUTPUT
    assert "the folder does not exist" in err
    assert len(err.strip().splitlines()) == 1


def test_export_with_a_plan_file_cancels_what_a_later_plan_dropped(capsys, tmp_path):
    from carte_planner.storage.planfile import load_plan

    path, first, second = tmp_path / "trip.carteplan", tmp_path / "1.ics", tmp_path / "2.ics"
    assert run(capsys, "plan", *BASE, "--go-home", "--phase", "manufacturing=28", "--save", str(path))[0] == 0
    assert run(capsys, "export", "--plan", str(path), "--today", "2027-01-01", "-o", str(first))[0] == 0
    record = load_plan(path, REFERENCE).exported
    assert set(dict(record.events)) == uids_of(first)
    assert run(capsys, "plan", "--plan", str(path), "--no-go-home", "--save", str(path))[0] == 0
    assert load_plan(path, REFERENCE).exported == record
    assert run(capsys, "export", "--plan", str(path), "--today", "2027-01-01", "-o", str(second))[0] == 0
    calendar = vobject.readOne(second.read_text(encoding="utf-8"))
    cancelled = {e.uid.value for e in calendar.vevent_list if getattr(e, "status", None) is not None}
    assert cancelled
    assert cancelled == uids_of(first) - {
        e.uid.value for e in calendar.vevent_list if not hasattr(e, "status") and not hasattr(e, "recurrence_id")
    }
    assert load_plan(path, REFERENCE).exported.sequence > record.sequence


def test_plan_id_option_and_travellers_keep_patients_apart(capsys, tmp_path):
    from carte_planner.domain.identity import event_uid

    files = {name: tmp_path / f"{name}.ics" for name in ("ana", "mei", "explicit")}
    run(capsys, "export", *BASE, "--traveller", "Ana", "-o", str(files["ana"]))
    run(capsys, "export", *BASE, "--traveller", "Mei", "-o", str(files["mei"]))
    run(capsys, "export", *BASE, "--plan-id", "family-wang", "-o", str(files["explicit"]))
    assert not uids_of(files["ana"]) & uids_of(files["mei"])
    assert event_uid("phase:screening", "family-wang") in uids_of(files["explicit"])


def test_a_bad_plan_id_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "export", *BASE, "--plan-id", "  ", "-o", str(tmp_path / "j.ics"))
    assert code == 2
    assert "--plan-id" in err
    assert not (tmp_path / "j.ics").exists()


def test_assumptions_change_from_the_command_line(capsys):
    code, out, _ = run(
        capsys,
        "plan",
        *BASE,
        "--format",
        "json",
        "--day0-offset",
        "3",
        "--chemotherapy-days",
        "-3..-2",
        "--visit-rhythm",
        "every-two-weeks",
        "--visit-weekdays",
        "we",
        "--return-time",
        "15:30",
        "--early-home-visits",
        "every-two-weeks",
        "--home-followup-rhythm",
        "1:6,3:24,12:240",
    )
    assert code == 0
    data = json.loads(out)
    items = {item["key"]: item for item in data["items"]}
    assert data["day_zero"] == "2027-04-04"
    assert items["milestone:chemotherapy"]["start"] == "2027-04-01"
    assert items["milestone:chemotherapy"]["end"] == "2027-04-02"
    assert items["visits:outpatient"]["recurrence"]["rule"].startswith("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;")
    assert items["flight:return"]["depart"]["time"].startswith("2027-06-07T15:30")
    assert "INTERVAL=2" in items["followup:early"]["recurrence"]["rule"]
    assert {a["name"] for a in data["assumptions"]} == {
        "preparation-offsets",
        "extension-lead-days",
        "checklist-lead-times",
        # The stay needs more than one extension: the residence permit's held passport is dated.
        "passport-held-days",
    }
    assert not items["milestone:infusion"]["assumed"]
    assert items["prep:records"]["assumed"]
    assert items["prep:records"]["assumptions"] == ["preparation-offsets"]
    assert data["questions"]
    assert all(q["due"] for q in data["questions"])


def test_the_infusion_day_can_be_moved(capsys):
    code, out, err = run(capsys, "plan", *BASE, "--move", "milestone:infusion=2027-04-08")
    assert code == 0, err
    assert "Thu 08 Apr 2027  Day 0     Day 0: CAR-T cell infusion  [date set by you]" in out
    assert "no longer has" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--day0-offset", "40"], "--day0-offset: must be between 1 and 30, not 40"),
        (["--visit-weekdays", "TU"], "--visit-weekdays: visits twice a week need two weekdays"),
        (["--chemotherapy-days", "soon"], "--chemotherapy-days: 'soon' must be Day numbers"),
        (["--home-followup-rhythm", "3:24,1:6"], "--home-followup-rhythm: each stage must end later"),
        (["--return-time", "noon"], "--return-time: 'noon' is not a time"),
    ],
)
def test_bad_assumption_values_are_one_clear_line(capsys, args, message):
    code, out, err = run(capsys, "plan", *BASE, *args)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.count("\n") == 1


def test_assumed_values_are_kept_in_the_plan_file(capsys, tmp_path):
    from datetime import time

    from carte_planner.domain import TripRequest
    from carte_planner.domain.plan import Plan
    from carte_planner.storage.planfile import load_plan, save_plan

    path = tmp_path / "trip.carteplan"
    request = TripRequest(
        start=date(2027, 3, 1),
        day0_offset=6,
        chemotherapy_days=(-6, -4),
        visit_rhythm="weekly",
        visit_weekdays=("TU",),
        followup_rhythm=((1, 6), (6, 60)),
        early_rhythm="every-two-weeks",
        return_time=time(8, 15),
    )
    save_plan(path, Plan(request, "plan-9"))
    assert load_plan(path, REFERENCE).request == request
    code, out, _ = run(capsys, "plan", "--plan", str(path), "--today", "2027-01-01", "--day0-offset", "4")
    assert code == 0
    assert "Day 0 (infusion): Mon 05 Apr 2027" in out
