"""The window and its settings, for the GUI tests: loaded by conftest.py as a plugin, except in
the Qt-free run (`make test-fast`), where no test that needs Qt is collected."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.main_window import MainWindow
from tests.gui import forget_changes, settings_folder
from tests.journeys import REFERENCE, START, TODAY


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A dialog nobody answers would hang the test run: fail instead."""

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected dialog: {args[1:3]}")

    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, unexpected)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", unexpected)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", unexpected)


@pytest.fixture
def window(qtbot, settings):
    request = TripRequest(start=START, city="shanghai", home_tz="Europe/Berlin")
    document = PlanDocument(Plan(request, "plan-test"), TODAY, reference=REFERENCE)
    win = MainWindow(document, settings, autosave_folder=settings_folder(settings) / "data")
    qtbot.addWidget(win, before_close_func=forget_changes)
    win.show()
    qtbot.waitExposed(win)
    # The offscreen test screen (800×600) is narrower than the window wants, so the window
    # starts without its request panel there; the tests drive the panel, and the agenda beside
    # it, as in a window wide enough for both.
    QApplication.processEvents()  # the window has fitted itself to the screen
    win.resize(1500, 900)
    win.show_panel(True)
    qtbot.waitUntil(win.agenda.isVisible)
    return win


@pytest.fixture
def saved_window(window, tmp_path):
    """The window on a plan saved to a file: the window publishes only a plan that can keep
    its record of the server."""
    from carte_planner.storage.planfile import save_plan

    path = tmp_path / "trip.carteplan"
    save_plan(path, window.document.plan)
    assert window.open_plan(path)
    return window
