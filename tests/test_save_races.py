"""Saving never loses another writer's change, and a save killed at any moment leaves a readable
plan: after a crash restore, while a command rewrites the plan during a slow save, and for a plan
with a second hard link, killed for real."""

import contextlib
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.storage.autosave import write_autosave
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.planfile import file_digest, load_plan, save_plan
from carte_planner.ui.main_window import MainWindow
from tests.gui import forget_changes, settings_folder
from tests.journeys import REFERENCE

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="hard links, SIGKILL and file locks")

REQUEST = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin")
PLAN = Plan(REQUEST, "plan-races")


def test_a_plan_changed_on_disk_after_a_crash_is_asked_about_when_the_restored_plan_is_saved(
    qtbot, settings, tmp_path, monkeypatch
):
    path = tmp_path / "trip.carteplan"
    save_plan(path, PLAN)
    data = settings_folder(settings) / "data"
    # The session that crashed had the plan open, as it was on disk then, with an edit not saved.
    edited = replace(PLAN, request=PLAN.request.with_phase_length("screening", 12))
    write_autosave(data, edited, path, datetime(2027, 1, 4, 9, 0), based_on=file_digest(path) or "")
    # Since the crash, another window or a command changed the file.
    other = replace(PLAN, request=PLAN.request.with_phase_length("manufacturing", 30))
    save_plan(path, other)
    asked = []

    def answer(_parent, title, *_args):
        asked.append(title)
        return QMessageBox.StandardButton.Yes if title == "Restore your plan?" else QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    window = MainWindow(settings=settings, autosave_folder=data, reference=REFERENCE)
    qtbot.addWidget(window, before_close_func=forget_changes)
    assert window.document.plan == edited
    assert not window.save()
    assert asked == ["Restore your plan?", "The plan changed on disk"]
    assert load_plan(path, REFERENCE) == other


@posix_only
def test_a_command_that_writes_during_a_slow_save_is_never_undone(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "trip.carteplan"
    save_plan(path, window.document.plan)
    window.document.replace_plan(load_plan(path, REFERENCE), path)
    window._set_plan_file(path)
    window.document.change(window.document.request.with_phase_length("screening", 12), "Screening")
    export = [sys.executable, "-m", "carte_planner", "export", "--plan", str(path), "-o", str(tmp_path / "j.ics")]
    started = []
    real_fsync = os.fsync

    def slow_fsync(fd):
        # The window's save is under way (its new bytes being made durable): a command rewrites
        # the plan now, as `export --plan` does with its record.
        if not started:
            started.append(subprocess.Popen(export))
            time.sleep(1.0)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)
    assert window.save()
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert started[0].wait(60) == 0
    saved = load_plan(path, REFERENCE)
    assert saved.request.phase_length("screening") == 12  # the window's change
    assert saved.exported.sequence > 0  # and the command's


def test_a_command_that_wrote_just_before_the_save_is_asked_about(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "trip.carteplan"
    save_plan(path, window.document.plan)
    window.document.replace_plan(load_plan(path, REFERENCE), path)
    window._set_plan_file(path)
    window.document.change(window.document.request.with_phase_length("screening", 12), "Screening")
    other = replace(load_plan(path, REFERENCE), request=REQUEST.with_phase_length("manufacturing", 30))
    real = MainWindow._may_overwrite

    def then_another_writer(self, target, *args):
        allowed = real(self, target, *args)
        if not hasattr(self, "_written_meanwhile"):
            self._written_meanwhile = True
            save_plan(path, other)  # between the first look and the write
        return allowed

    asked = []
    monkeypatch.setattr(MainWindow, "_may_overwrite", then_another_writer)
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, title, *_a: asked.append(title) or QMessageBox.StandardButton.Cancel
    )
    assert not window.save()
    assert asked == ["The plan changed on disk"]
    assert load_plan(path, REFERENCE) == other


class Killed(BaseException):
    """Stands for the process dying at this very moment."""


@posix_only
def test_a_hard_linked_plan_killed_while_rewritten_keeps_a_readable_version(tmp_path, monkeypatch):
    path = tmp_path / "trip.carteplan"
    save_plan(path, replace(PLAN, checklist=PLAN.checklist.with_note("passport-1", "long " * 2000)))
    old = load_plan(path, REFERENCE)
    os.link(path, tmp_path / "family.carteplan")

    def killed(_fd, _length):
        raise Killed

    monkeypatch.setattr(os, "ftruncate", killed)  # after the new bytes, before the cut: the worst moment
    with pytest.raises(Killed):
        save_plan(path, PLAN)
    monkeypatch.undo()
    with pytest.raises(PlanFileError, match=r"kept as .*trip\.carteplan\.bak: open that one"):
        load_plan(path, REFERENCE)  # a shorter text over a longer one, not cut yet
    assert load_plan(tmp_path / "trip.carteplan.bak", REFERENCE) == old
    save_plan(path, PLAN)  # the next save (of the plan still on screen) mends it
    assert load_plan(tmp_path / "family.carteplan", REFERENCE) == PLAN


# One process loads the program and the two versions once, then forks a writer for each kill:
# each writer saves from its first moment, as a fresh process would, without its start-up.
WRITERS = textwrap.dedent(
    """
    import os
    import sys
    from dataclasses import replace
    from datetime import date
    from carte_planner.domain import TripRequest
    from carte_planner.domain.plan import Plan
    from carte_planner.startup import start
    from carte_planner.storage.planfile import save_plan

    start()
    plan = Plan(TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin"), "plan-races")
    notes = [plan.checklist.with_note("passport-1", word * 300_000) for word in ("ab ", "x ")]
    versions = [replace(plan, checklist=note) for note in notes]
    for _line in sys.stdin:
        writer = os.fork()
        if writer == 0:
            turn = 0
            while True:
                save_plan(sys.argv[1], versions[turn % 2])
                turn += 1
        print(writer, flush=True)
        os.waitpid(writer, 0)  # killed by the test
        print("gone", flush=True)
    """
)


@posix_only
def test_a_hard_linked_plan_killed_at_random_moments_always_has_a_readable_version(tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, PLAN)
    os.link(path, tmp_path / "family.carteplan")
    rng = random.Random(22)
    writers = subprocess.Popen(
        [sys.executable, "-c", WRITERS, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert writers.stdin is not None
    assert writers.stdout is not None
    try:
        # A save of these versions takes a few milliseconds: each kill lands at a random moment of one.
        for _ in range(12):
            writers.stdin.write("go\n")
            writers.stdin.flush()
            writer = int(writers.stdout.readline())
            time.sleep(rng.uniform(0.01, 0.15))
            os.kill(writer, signal.SIGKILL)
            assert writers.stdout.readline() == "gone\n"
            readable = []
            for name in ("trip.carteplan", "trip.carteplan.bak"):
                with contextlib.suppress(PlanFileError):
                    readable.append(load_plan(tmp_path / name, REFERENCE))
            assert readable, "neither the plan nor its backup can be read"
            assert os.path.samefile(path, tmp_path / "family.carteplan")
    finally:
        writers.stdin.close()
        writers.wait(10)
        writers.stdout.close()
