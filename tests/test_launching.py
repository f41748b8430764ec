"""Starting Carte Planner: a plan file given as an argument, a second launch handing its file
to the running app, the icon."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import uuid
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QApplication, QMessageBox

from carte_planner.cli import plan_file_argument
from carte_planner.storage.autosave import slot_name, write_autosave
from carte_planner.storage.planfile import load_plan
from carte_planner.ui.app import app_icon
from carte_planner.ui.single_instance import HandOff, InstanceServer, hand_to_running_app
from carte_planner.ui.windows import Windows
from tests.gui import forget_changes
from tests.journeys import REFERENCE

ROOT = Path(__file__).resolve().parent.parent
SAVED_PLAN = ROOT / "tests" / "data" / "plan-format-1.carteplan"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["trip.carteplan"], ("trip.carteplan", [])),
        (["/home/ana/Journey.CARTEPLAN", "--exit-after-show"], ("/home/ana/Journey.CARTEPLAN", ["--exit-after-show"])),
        (["plan", "--start", "2027-03-01"], (None, ["plan", "--start", "2027-03-01"])),
        (["plna"], (None, ["plna"])),  # a mistyped command stays a mistyped command
        (["export", "-o", "out.ics", "x.carteplan"], (None, ["export", "-o", "out.ics", "x.carteplan"])),
        ([], (None, [])),
    ],
)
def test_which_word_is_a_plan_file(argv, expected):
    assert plan_file_argument(argv) == expected


def test_an_existing_file_without_the_extension_is_opened(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("copy of my plan").write_bytes(SAVED_PLAN.read_bytes())
    assert plan_file_argument(["copy of my plan"]) == ("copy of my plan", [])


def run_source(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"), "QT_QPA_PLATFORM": "offscreen"}
    env["XDG_DATA_HOME"] = str(home / "data")
    return subprocess.run(
        [sys.executable, "-m", "carte_planner", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_the_window_opens_the_plan_given_on_the_command_line(tmp_path):
    plan = tmp_path / "Lucía's journey.carteplan"
    shutil.copy(SAVED_PLAN, plan)
    result = run_source(str(plan), "--exit-after-show", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Window: Lucía's journey — Carte Planner"


def test_a_plan_file_before_a_command_is_refused_with_the_right_option(capsys):
    from carte_planner.cli import main

    assert main(["trip.carteplan", "plan"]) == 2
    assert "--plan trip.carteplan" in capsys.readouterr().err


def test_the_icon_has_every_size(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} >= {16, 32, 48, 256}


# -- a second launch -----------------------------------------------------------------------
@pytest.fixture
def name() -> str:
    return f"carte-planner-test-{uuid.uuid4().hex[:12]}"


HAND_OFF = """
import sys
from PySide6.QtCore import QCoreApplication
from carte_planner.ui.single_instance import hand_to_running_app
app = QCoreApplication([])
outcome, why = hand_to_running_app(sys.argv[2] or None, sys.argv[1])
print(outcome, why)
"""


def test_a_second_launch_hands_its_file_to_the_running_app(qtbot, name):
    server = InstanceServer(name)
    assert server.listen()
    second = subprocess.Popen(
        [sys.executable, "-c", HAND_OFF, name, "/home/ana/trip.carteplan"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    with qtbot.waitSignal(server.requested, timeout=60_000) as received:
        pass
    output, _ = second.communicate(timeout=60)
    assert received.args == ["/home/ana/trip.carteplan"]
    assert output.strip() == HandOff.DONE
    assert second.returncode == 0


def test_without_a_running_app_the_launch_goes_on(qapp, name):
    assert hand_to_running_app("/home/ana/trip.carteplan", name) == (HandOff.NO_RUNNING_APP, "")


@pytest.mark.skipif(sys.platform == "win32", reason="a named pipe leaves nothing behind")
def test_a_socket_left_by_a_crash_is_replaced(qapp, name):
    path = os.path.join(QDir.tempPath(), name)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(path)
    stale.close()  # the file stays, with nobody listening: as after a crash
    server = InstanceServer(name)
    assert server.listen()
    server.server.close()


@pytest.mark.skipif(sys.platform == "win32", reason="the hung app is imitated with a Unix socket")
def test_a_running_app_that_does_not_answer_is_reported(qapp, name):
    path = os.path.join(QDir.tempPath(), name)
    hung = socket.socket(socket.AF_UNIX)
    hung.bind(path)
    hung.listen()
    try:
        outcome, why = hand_to_running_app("/home/ana/trip.carteplan", name, answer_ms=200)
    finally:
        hung.close()
        os.unlink(path)
    assert outcome == HandOff.FAILED
    assert why == "Carte Planner is already running but did not answer."


# -- the windows of the running app --------------------------------------------------------
@pytest.fixture
def windows(window, qtbot):
    result = Windows(window)
    yield result
    for other in result.windows[1:]:
        forget_changes(other)
        other.close()


def test_a_handed_file_opens_in_a_new_window_and_only_once(windows, window, tmp_path):
    plan = tmp_path / "trip.carteplan"
    shutil.copy(SAVED_PLAN, plan)
    opened = windows.open(str(plan))
    assert opened is not None
    assert opened is not window
    assert opened.isVisible()
    assert opened.document.path == plan
    assert opened.document.plan == load_plan(plan, REFERENCE)
    assert window.document.path is None  # the first window keeps its plan
    assert opened.autosave_slot.name != window.autosave_slot.name  # each window its own safety copy
    assert windows.open(str(plan)) is opened
    assert len(windows.windows) == 2


def test_a_launch_without_a_file_brings_the_window_forward(windows, window):
    assert windows.open("") is window


def test_a_handed_file_that_does_not_open_is_explained_and_opens_no_window(windows, tmp_path, monkeypatch):
    damaged = tmp_path / "damaged.carteplan"
    damaged.write_text("{", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert windows.open(str(damaged)) is None
    assert len(shown) == 1
    assert f"Could not open {damaged}" in shown[0]
    assert len(windows.windows) == 1


def crashed_window_left(window, number: int) -> None:
    """What a further window that crashed leaves: its autosave slot's file, unlocked."""
    write_autosave(
        window.autosave_folder, load_plan(SAVED_PLAN, REFERENCE), None, datetime(2027, 1, 4, 9, 30), slot_name(number)
    )


def test_a_further_window_s_unsaved_plan_is_offered_after_a_crash(windows, window, monkeypatch):
    crashed_window_left(window, 2)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    windows.recover()
    assert len(windows.windows) == 2
    restored = windows.windows[1]
    assert restored.document.plan == load_plan(SAVED_PLAN, REFERENCE)
    assert restored.document.modified
    assert restored.autosave_slot.name == slot_name(2)
    QApplication.processEvents()


def test_a_new_window_never_takes_a_crashed_window_s_copy(windows, window, tmp_path, monkeypatch):
    crashed_window_left(window, 2)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: asked.append(1) or QMessageBox.StandardButton.No
    )
    plan = tmp_path / "trip.carteplan"
    shutil.copy(SAVED_PLAN, plan)
    opened = windows.open(str(plan))
    assert asked == [1]  # offered first, and declined: set aside, not written over
    assert (window.autosave_folder / f"{slot_name(2)}.declined").is_file()
    assert opened is not None
    assert opened.document.path == plan
    assert len(windows.windows) == 2
    assert len({w.autosave_slot.name for w in windows.windows}) == 2


def test_a_plan_the_finder_opens_goes_to_a_window(windows, tmp_path, qapp):
    from PySide6.QtGui import QFileOpenEvent

    from carte_planner.ui.windows import FileOpenRequests

    plan = tmp_path / "trip.carteplan"
    shutil.copy(SAVED_PLAN, plan)
    requests = FileOpenRequests(windows)
    qapp.installEventFilter(requests)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(str(plan)))
    finally:
        qapp.removeEventFilter(requests)
    assert [w.document.path for w in windows.windows] == [None, plan]


def test_version(capsys):
    from carte_planner import __version__
    from carte_planner.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Carte Planner {__version__}\n")
    assert "China's public holidays: official arrangements published up to 2026" in out


@pytest.mark.skipif(sys.platform == "win32", reason="the frozen app is imitated by not running the event loop")
def test_a_request_the_running_app_answers_too_late_is_dropped(qtbot, name):
    server = InstanceServer(name)
    assert server.listen()
    received: list[str] = []
    server.requested.connect(received.append)
    late = HAND_OFF.replace("sys.argv[1])", "sys.argv[1], answer_ms=300)")
    # This process runs no event loop meanwhile: the running app is frozen while the launch waits.
    result = subprocess.run(
        [sys.executable, "-c", late, name, "/home/ana/trip.carteplan"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.strip() == f"{HandOff.FAILED} Carte Planner is already running but did not answer."
    qtbot.wait(500)  # the app wakes up and reads the request
    assert received == []
    server.server.close()
