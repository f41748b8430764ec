"""Saving under real desktop conditions: links, pipes, devices, modes, hard links, a full disk."""

import os
import stat
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.storage.atomic import WriteError, atomic_write, remove_stale_temporaries
from carte_planner.storage.planfile import load_plan, save_plan
from carte_planner.storage.reading import read_bounded
from tests.disks import IS_ROOT, fill
from tests.journeys import REFERENCE

PLAN = Plan(TripRequest(start=date(2027, 3, 1), city="beijing"), "plan-1")
CHANGED = Plan(TripRequest(start=date(2027, 4, 5), city="beijing"), "plan-1")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks, FIFOs and modes as on POSIX")


@posix_only
def test_a_symlinked_plan_is_saved_into_its_real_file(tmp_path):
    synced = tmp_path / "synced"
    synced.mkdir()
    real = synced / "trip.carteplan"
    save_plan(real, PLAN)
    link = tmp_path / "trip.carteplan"
    link.symlink_to(real)
    save_plan(link, CHANGED)
    assert link.is_symlink()
    assert load_plan(real, REFERENCE) == CHANGED
    assert load_plan(synced / "trip.carteplan.bak", REFERENCE) == PLAN
    assert not (tmp_path / "trip.carteplan.bak").exists()


@posix_only
def test_a_link_at_an_old_temporary_name_is_never_followed(tmp_path):
    plan_file = tmp_path / "plan.carteplan"
    save_plan(plan_file, PLAN)
    before = plan_file.read_bytes()
    for name in (".x.ics.tmp", ".out.ics.tmp"):
        (tmp_path / name).symlink_to(plan_file)
    atomic_write(tmp_path / "out.ics", b"BEGIN:VCALENDAR\r\n")
    assert plan_file.read_bytes() == before
    assert (tmp_path / "out.ics").read_bytes() == b"BEGIN:VCALENDAR\r\n"


@posix_only
def test_a_device_is_written_into_not_replaced(tmp_path):
    atomic_write("/dev/null", b"calendar")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@posix_only
def test_a_pipe_nobody_reads_is_refused_and_stays_a_pipe(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="a pipe that nobody is reading"):
        atomic_write(fifo, b"data")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@posix_only
def test_a_pipe_with_a_reader_receives_the_bytes(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)

    def read() -> None:
        with os.fdopen(reader_fd, "rb") as stream:
            os.set_blocking(reader_fd, True)
            received.append(stream.read())

    atomic_write(fifo, b"BEGIN:VCALENDAR")
    thread = threading.Thread(target=read)
    thread.start()
    thread.join(10)
    assert received == [b"BEGIN:VCALENDAR"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@posix_only
def test_mode_is_kept(tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, PLAN)
    os.chmod(path, 0o640)
    save_plan(path, CHANGED)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert load_plan(path, REFERENCE) == CHANGED


@pytest.mark.skipif(not IS_ROOT, reason="giving a file to another user needs root")
def test_owner_is_kept(tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, PLAN)
    os.chown(path, 65534, 65534)
    save_plan(path, CHANGED)
    info = os.stat(path)
    assert (info.st_uid, info.st_gid) == (65534, 65534)


@posix_only
def test_a_read_only_plan_is_refused_and_kept(tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, PLAN)
    os.chmod(path, 0o444)
    before = path.read_bytes()
    with pytest.raises(WriteError, match="read-only"):
        save_plan(path, CHANGED)
    assert path.read_bytes() == before
    assert not (tmp_path / "trip.carteplan.bak").exists()


@posix_only
def test_hard_links_stay_one_file(tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, PLAN)
    other = tmp_path / "copy-for-family.carteplan"
    os.link(path, other)
    save_plan(path, CHANGED)
    assert os.path.samefile(path, other)
    assert load_plan(other, REFERENCE) == CHANGED
    assert load_plan(tmp_path / "trip.carteplan.bak", REFERENCE) == PLAN


def test_the_input_is_never_written_over(tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, PLAN)
    with pytest.raises(WriteError, match="the plan being read"):
        atomic_write(path, b"calendar", protect=[path])
    assert load_plan(path, REFERENCE) == PLAN


def test_a_name_too_long_for_its_backup_is_refused_at_the_first_save(tmp_path):
    limit = os.pathconf(tmp_path, "PC_NAME_MAX") if hasattr(os, "pathconf") else 255
    path = tmp_path / ("a" * (limit - len(".carteplan") - 1) + ".carteplan")
    with pytest.raises(WriteError, match="too long"):
        save_plan(path, PLAN)
    shorter = tmp_path / ("a" * (limit - len(".carteplan.bak")) + ".carteplan")
    save_plan(shorter, PLAN)
    save_plan(shorter, CHANGED)
    save_plan(shorter, PLAN)
    assert load_plan(shorter, REFERENCE) == PLAN


def test_leftovers_of_a_killed_save_are_removed_by_the_next(tmp_path):
    path = tmp_path / "trip.carteplan"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = tmp_path / f".trip.carteplan.{int(dead.stdout)}-abcd1234.tmp"
    leftover.write_bytes(b"half a plan")
    live = tmp_path / f".trip.carteplan.{os.getpid()}-efgh5678.tmp"
    live.write_bytes(b"a save under way")
    other = tmp_path / ".other.carteplan.1-abcd1234.tmp"
    other.write_bytes(b"another file's")
    save_plan(path, PLAN)
    assert not leftover.exists()
    assert live.exists()
    assert other.exists()
    remove_stale_temporaries(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, live.name, other.name])


def test_a_failed_save_keeps_the_previous_backup(small_disk):
    path = small_disk / "trip.carteplan"
    save_plan(path, PLAN)
    save_plan(path, CHANGED)
    backup = (small_disk / "trip.carteplan.bak").read_bytes()
    current = path.read_bytes()
    fill(small_disk)
    with pytest.raises(WriteError, match="the disk is full"):
        atomic_write(path, b"x" * 200_000, keep_backup=True)
    with pytest.raises(WriteError, match="the disk is full"):
        save_plan(path, PLAN)
    assert path.read_bytes() == current
    assert (small_disk / "trip.carteplan.bak").read_bytes() == backup
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "trip.carteplan", "trip.carteplan.bak"]


def test_reading_checks_the_size_by_reading(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    from carte_planner.storage.errors import PlanFileError

    with pytest.raises(PlanFileError, match="far too large"):
        read_bounded(Path("/dev/zero"), 1000)


@posix_only
def test_a_pipe_as_the_plan_gives_up_instead_of_hanging(tmp_path, monkeypatch):
    import carte_planner.storage.reading as reading
    from carte_planner.storage.errors import PlanFileError

    monkeypatch.setattr(reading, "SPECIAL_FILE_SECONDS", 0.2)
    fifo = tmp_path / "plan.carteplan"
    os.mkfifo(fifo)
    with pytest.raises(PlanFileError, match="nothing came from it in time"):
        load_plan(fifo, REFERENCE)
