"""Quitting and closing: Quit ends the application after asking about each window's changes,
and a discarded change is gone, whatever way its window closed."""

import os
import subprocess
import sys
import textwrap
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.storage.planfile import save_plan
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.main_window import MainWindow
from tests.gui import forget_changes, settings_folder
from tests.journeys import REFERENCE

SESSION = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from carte_planner.shipped import shipped_reference
    from carte_planner.startup import start
    from carte_planner.ui.main_window import MainWindow

    folder, what = Path(sys.argv[1]), sys.argv[2]
    start()
    app = QApplication([])

    def question(parent, title, text, *args):
        print("asked", flush=True)
        return QMessageBox.StandardButton.Discard

    QMessageBox.question = question
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    options = {"offer_autosave": False, "reference": shipped_reference()}
    window = MainWindow(settings=settings, autosave_folder=folder / "data", **options)
    window.show()
    window.panel.phase_rows[0].days.setValue(13)
    window.autosave()  # as the timer does a moment after the edit
    print("autosaved" if list((folder / "data").glob("autosave*.json")) else "no autosave", flush=True)
    if what == "language":
        window = window.switch_language("ru")
    else:
        other = MainWindow(settings=settings, autosave_folder=folder / "data", **options)
        other.show()
    QTimer.singleShot(0, window.quit_action.trigger)
    code = app.exec()
    print("ended", code, flush=True)
    """
)


def run_session(folder, what: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", SESSION, str(folder), what],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split("\n")[:-1]


def test_quit_with_two_windows_ends_the_application(tmp_path):
    # The edited window asks once; the other has nothing to ask about; then the process ends.
    assert run_session(tmp_path, "two windows") == ["autosaved", "asked", "ended 0"]
    assert list((tmp_path / "data").glob("autosave*.json")) == []


def test_a_change_discarded_after_a_language_switch_is_not_offered_at_the_next_start(qtbot, tmp_path, monkeypatch):
    assert run_session(tmp_path, "language") == ["autosaved", "asked", "ended 0"]
    assert list((tmp_path / "data").glob("autosave*.json")) == []
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args[2]))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, autosave_folder=tmp_path / "data", reference=REFERENCE)
    qtbot.addWidget(window, before_close_func=forget_changes)
    assert asked == []
    assert window.document.request.phase_length("screening") != 13
    assert not window.document.modified


def second_window(qtbot, settings) -> MainWindow:
    request = TripRequest(start=date(2027, 5, 3), city="wuhan", home_tz="Europe/Berlin")
    document = PlanDocument(Plan(request, "plan-two"), date(2027, 1, 4), reference=REFERENCE)
    win = MainWindow(document, settings, autosave_folder=settings_folder(settings) / "data")
    qtbot.addWidget(win, before_close_func=forget_changes)
    win.show()
    return win


def test_cancel_in_any_window_keeps_the_application(qtbot, window, settings, monkeypatch):
    other = second_window(qtbot, settings)
    other.panel.phase_rows[0].days.setValue(12)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Cancel)
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    window.quit_action.trigger()
    assert other.isVisible()
    assert not window.isVisible()  # it had nothing to ask about
    assert quits == []


def test_close_window_closes_only_this_one(qtbot, window, settings):
    other = second_window(qtbot, settings)
    assert "Ctrl+W" in [key.toString() for key in window.close_action.shortcuts()]
    window.close_action.trigger()
    assert not window.isVisible()
    assert other.isVisible()


@pytest.mark.parametrize("how", ["new plan", "open plan", "close"])
def test_a_discarded_change_leaves_no_safety_copy(qtbot, window, tmp_path, monkeypatch, how):
    folder = window.autosave_folder
    window.panel.phase_rows[0].days.setValue(12)
    window.autosave()  # as the timer does a moment after the edit
    assert list(folder.glob("autosave*.json"))
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard)
    if how == "new plan":
        window.new_plan()
    elif how == "open plan":
        other = tmp_path / "other.carteplan"
        save_plan(other, Plan(TripRequest(start=date(2027, 5, 3), city="wuhan"), "plan-other"))
        assert window.open_plan(other)
    else:
        assert window.close()
    window.autosave()  # the timer the edit started, firing late, keeps nothing either
    assert list(folder.glob("autosave*.json")) == []
