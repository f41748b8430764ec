"""Crash recovery: a real process is killed after an edit; the next start offers the plan back."""

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, datetime

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.storage.autosave import FILE_NAME, read_autosave, write_autosave
from carte_planner.ui.main_window import MainWindow
from tests.gui import forget_changes
from tests.journeys import REFERENCE

EDITING_SESSION = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from carte_planner.shipped import shipped_reference
    from carte_planner.startup import start
    from carte_planner.ui.main_window import MainWindow

    folder = Path(sys.argv[1])
    start()
    app = QApplication([])
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, autosave_folder=folder / "data", reference=shipped_reference())
    window.show()
    window.panel.phase_rows[0].days.setValue(13)
    deadline = time.monotonic() + 20
    while not (folder / "data" / "autosave.json").exists() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    print("autosaved" if (folder / "data" / "autosave.json").exists() else "no autosave", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)
    """
)


def answer(monkeypatch, button):
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_session_is_offered_back(qtbot, tmp_path, monkeypatch):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [sys.executable, "-c", EDITING_SESSION, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=env
    ) as process:
        try:
            assert process.stdout.readline().strip() == "autosaved"
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL

    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, autosave_folder=tmp_path / "data", reference=REFERENCE)
    qtbot.addWidget(window, before_close_func=forget_changes)
    assert "did not close properly" in asked[0]
    assert window.document.request.phase_length("screening") == 13
    assert window.document.modified


def test_declining_keeps_the_autosave_aside(qtbot, tmp_path, monkeypatch):
    plan = Plan(TripRequest(start=date(2027, 5, 3), city="wuhan"), "p1")
    write_autosave(tmp_path / "data", plan, None, datetime(2027, 1, 2, 9, 30))
    answer(monkeypatch, QMessageBox.StandardButton.No)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, autosave_folder=tmp_path / "data", reference=REFERENCE)
    qtbot.addWidget(window, before_close_func=forget_changes)
    assert window.document.journey.city.key == "shanghai"
    assert not (tmp_path / "data" / FILE_NAME).exists()
    kept = json.loads((tmp_path / "data" / (FILE_NAME + ".declined")).read_text(encoding="utf-8"))
    assert kept["plan"]["request"]["city"] == "wuhan"


def test_edits_are_autosaved_and_a_clean_exit_removes_the_file(qtbot, window, monkeypatch):
    folder = window.autosave_folder
    window.panel.phase_rows[0].days.setValue(12)
    qtbot.waitUntil(lambda: (folder / FILE_NAME).exists(), timeout=5000)
    assert read_autosave(folder, REFERENCE).plan.request.phase_length("screening") == 12
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert window.close()
    assert not (folder / FILE_NAME).exists()


def test_saving_removes_the_autosave(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    folder = window.autosave_folder
    window.panel.phase_rows[0].days.setValue(12)
    window.autosave()
    assert (folder / FILE_NAME).exists()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "p.carteplan"), ""))
    assert window.save()
    assert not (folder / FILE_NAME).exists()


def test_a_damaged_autosave_is_set_aside_not_offered(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / FILE_NAME).write_text("{ not json")
    assert read_autosave(folder, REFERENCE) is None
    assert (folder / (FILE_NAME + ".damaged")).read_text() == "{ not json"


def test_autosave_that_cannot_be_written_says_so(window):
    # A folder where the autosave file should be: a real write failure, not a stand-in.
    window.autosave_slot.file.mkdir()
    window.panel.phase_rows[0].days.setValue(12)
    window.autosave()
    assert "Could not keep a safety copy" in window.statusBar().currentMessage()
    assert "folder" in window.statusBar().currentMessage()
