"""The command line under real conditions: streams that fail, odd inputs, files that are not files."""

import json
import os
import signal
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from carte_planner.cli import EXIT_BROKEN_PIPE, EXIT_OUTPUT, main
from carte_planner.domain import TripRequest
from carte_planner.domain.checklist import ChecklistState, CustomItem
from carte_planner.domain.plan import Plan
from carte_planner.storage.planfile import load_plan, save_plan
from tests.disks import IS_ROOT, fill
from tests.journeys import REFERENCE

BASE = ["--start", "2027-03-01", "--city", "Beijing", "--home-tz", "America/New_York", "--today", "2027-01-01"]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX streams, FIFOs and signals")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def command(*argv, **kwargs):
    """The installed command in its own process, as a shell would start it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **kwargs.pop("env", {})}
    return subprocess.run([sys.executable, "-m", "carte_planner", *argv], env=env, **kwargs)


def one_clean_line(err: str) -> None:
    assert "Traceback" not in err
    assert err.count("\n") == 1, err


@pytest.fixture
def saved_plan(tmp_path):
    plan = Plan(
        TripRequest(start=date(2027, 3, 1), city="beijing", home_tz="Europe/Berlin"),
        "plan-cli",
        ChecklistState()
        .with_done("records-imaging", True)
        .with_note("records-imaging", "ask for the CD")
        .with_added(CustomItem("custom:1", "travel", "Book the wheelchair at the airport")),
    )
    path = tmp_path / "trip.carteplan"
    save_plan(path, plan)
    return path


# -- output streams -------------------------------------------------------------------------
@posix_only
def test_a_reader_that_went_away_ends_quietly():
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader (`| head`) is gone before the plan is written
    try:
        result = command("plan", *BASE, stdout=write_end, stderr=subprocess.PIPE, text=True)
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode in (EXIT_BROKEN_PIPE, -signal.SIGPIPE)


@posix_only
def test_a_full_disk_on_stdout_is_one_line():
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        result = command("plan", *BASE, stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == EXIT_OUTPUT
    assert result.stderr == "carte-planner: error: could not write the output: the disk is full.\n"


@posix_only
def test_a_closed_stdout_is_one_line():
    result = subprocess.run(
        [sys.executable, "-m", "carte_planner", "plan", *BASE],
        stdout=None,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == EXIT_OUTPUT
    assert result.stderr == "carte-planner: error: could not write the output: standard output is closed.\n"


def test_a_terminal_that_cannot_show_chinese_gets_escapes():
    result = command("plan", *BASE, capture_output=True, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert b"CAR-T journey to Beijing (\\u5317\\u4eac)" in result.stdout
    assert result.stderr == b""


def test_dash_writes_the_calendar_to_stdout(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "export", *BASE, "-o", "-")
    assert code == 0, err
    assert out.startswith("BEGIN:VCALENDAR")
    assert list(tmp_path.iterdir()) == []


# -- output files ---------------------------------------------------------------------------
def test_export_never_overwrites_its_own_plan(capsys, saved_plan):
    before = saved_plan.read_bytes()
    code, _, err = run(capsys, "export", "--plan", str(saved_plan), "-o", str(saved_plan))
    assert code == 2
    assert "is the plan file given with --plan" in err
    one_clean_line(err)
    assert saved_plan.read_bytes() == before


@posix_only
def test_export_into_dev_null_keeps_the_device(capsys):
    code, _, err = run(capsys, "export", *BASE, "-o", "/dev/null")
    assert code == 0, err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@posix_only
def test_export_to_a_symlink_writes_its_target(capsys, tmp_path):
    real = tmp_path / "cloud" / "journey.ics"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "journey.ics"
    link.symlink_to(real)
    assert run(capsys, "export", *BASE, "-o", str(link))[0] == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


@pytest.mark.qt
@posix_only
def test_a_pdf_never_follows_a_planted_link(capsys, saved_plan):
    before = saved_plan.read_bytes()
    planted = saved_plan.parent / ".x.pdf.tmp"
    planted.symlink_to(saved_plan)
    code, _, err = run(capsys, "checklist", "--plan", str(saved_plan), "--pdf", str(saved_plan.parent / "x.pdf"))
    assert code == 0, err
    assert saved_plan.read_bytes() == before
    assert (saved_plan.parent / "x.pdf").read_bytes().startswith(b"%PDF-")
    assert "QPainter" not in err


@pytest.mark.qt
def test_a_pdf_on_a_full_disk_is_an_error_and_the_old_pdf_stays(capsys, small_disk):
    target = small_disk / "checklist.pdf"
    target.write_bytes(b"%PDF-1.4 a good earlier checklist %%EOF")
    fill(small_disk)
    code, out, err = run(capsys, "checklist", *BASE, "--pdf", str(target))
    assert code == EXIT_OUTPUT  # as for a full standard output
    assert "the disk is full" in err
    one_clean_line(err)
    assert "Wrote" not in out
    assert target.read_bytes() == b"%PDF-1.4 a good earlier checklist %%EOF"
    assert sorted(p.name for p in small_disk.iterdir()) == ["checklist.pdf", "filler"]


def test_the_pdf_error_has_no_stray_qt_line(tmp_path):
    result = command("checklist", *BASE, "--pdf", str(tmp_path / "missing" / "c.pdf"), capture_output=True, text=True)
    assert result.returncode == EXIT_OUTPUT
    one_clean_line(result.stderr)
    assert "QPainter" not in result.stderr


# -- plan files -----------------------------------------------------------------------------
def test_checklist_from_a_plan_keeps_ticks_notes_and_own_items(capsys, saved_plan):
    code, out, err = run(capsys, "checklist", "--plan", str(saved_plan), "--today", "2027-01-01")
    assert code == 0, err
    assert "Note: ask for the CD" in out
    assert "Book the wheelchair at the airport" in out
    assert "[x]" in out


def test_a_plan_this_version_cannot_plan_is_named_with_its_field(capsys, tmp_path, saved_plan):
    data = json.loads(saved_plan.read_text(encoding="utf-8"))
    data["request"]["city"] = "lhasa"
    newer = tmp_path / "newer.carteplan"
    newer.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "plan", "--plan", str(newer))
    assert code == 2
    assert str(newer) in err
    assert "'request.city'" in err
    assert "--city" not in err
    one_clean_line(err)


def test_a_byte_order_mark_is_accepted(capsys, tmp_path, saved_plan):
    marked = tmp_path / "marked.carteplan"
    marked.write_bytes(b"\xef\xbb\xbf" + saved_plan.read_bytes())
    assert load_plan(marked, REFERENCE) == load_plan(saved_plan, REFERENCE)
    assert run(capsys, "plan", "--plan", str(marked))[0] == 0


@posix_only
@pytest.mark.parametrize("special", ["/dev/zero", "fifo", "folder"])
def test_special_files_as_the_plan_are_refused_quickly(capsys, tmp_path, special, monkeypatch):
    import carte_planner.storage.reading as reading

    monkeypatch.setattr(reading, "SPECIAL_FILE_SECONDS", 0.2)
    if special == "fifo":
        special = str(tmp_path / "p.carteplan")
        os.mkfifo(special)
    elif special == "folder":
        special = str(tmp_path)
    code, _, err = run(capsys, "plan", "--plan", special)
    assert code == 2
    one_clean_line(err)
    assert special in err


# -- odd values -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--today", "9999-12-31"], "--today: must be between 2000 and 2100"),
        (["--visa-stay-days", "9" * 400], "--visa-stay-days: must be between 1 and 365, not 9999999999…"),
        (["--arrive-days-before", "9" * 5000], "--arrive-days-before: invalid whole number value"),
        (["--phase", "screening=" + "9" * 5000], "--phase: '99999999999999999999' is not a whole number"),
        (["--move", "nothing:here=2027-03-01"], "--move: 'nothing:here' is not an item of this plan"),
        (["--home-tz", "posixrules"], "--home-tz: 'posixrules' is a file of the zone database"),
        (["--home-tz", "right/Europe/Berlin"], "did you mean Europe/Berlin?"),
        (["--home-tz", "EST"], "--home-tz: EST has no daylight saving; did you mean America/New_York?"),
        (["--home-tz", "localtime"], "not a time zone"),
        (["--home-tz", "Factory"], "not a time zone"),
        (["--hospital-phone", "+86 21\x07"], "--hospital-phone: must not hold control characters"),
        (["--hospital-name", "Ward\x1b[31m"], "--hospital-name: must not hold control characters"),
        (["--home-airport", "JFK\nLine"], "--home-airport: must not hold control characters"),
        (["--traveller", "Ann\nBob"], "--traveller: must not hold control characters"),
        (["--traveller", "Ann\x7f"], "--traveller: must not hold control characters"),
    ],
)
def test_odd_values_are_one_line(capsys, args, message):
    code, _, err = run(capsys, "plan", *BASE[:6], *args)
    assert code == 2
    assert message in err
    one_clean_line(err)


def test_a_control_character_in_the_calendar_name_is_refused(capsys, tmp_path):
    code, _, err = run(capsys, "export", *BASE, "--calendar-name", "Trip\x00", "-o", str(tmp_path / "j.ics"))
    assert code == 2
    assert "--calendar-name: must not hold control characters" in err
    assert list(tmp_path.iterdir()) == []


def test_full_width_digits_are_read_as_digits(capsys):
    code, out, err = run(capsys, "plan", "--start", "２０２７-０３-０１", "--today", "2027-01-01", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["start"] == "2027-03-01"


def test_today_does_not_blame_start(capsys):
    code, _, err = run(capsys, "plan", "--today", "2100-12-01")
    assert code == 2
    assert err.startswith("carte-planner: error: --today: the first hospital day would default to eight weeks later")
    code, out, err = run(capsys, "plan", "--today", "2100-12-20", "--start", "2100-12-30", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["start"] == "2100-12-30"


def test_a_zone_alias_becomes_its_canonical_name(capsys):
    code, out, _ = run(capsys, "plan", *BASE[:4], "--home-tz", "US/Eastern", *BASE[6:], "--format", "json")
    assert code == 0
    assert json.loads(out)["home_time_zone"] == "America/New_York"


@pytest.mark.skipif(not IS_ROOT, reason="a device node is only at risk when run as root")
def test_root_writing_to_dev_null_keeps_the_device():
    result = command("export", *BASE, "-o", "/dev/null", capture_output=True, text=True)
    assert result.returncode == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
