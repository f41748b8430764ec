"""The window shows the journey first, on the screens families use, in every language: the
calendar is the largest thing in the window, every day with items says what by name and, in
treatment, its Day ±N, and the request panel never scrolls sideways. Each size in a fresh Qt
process, since Qt reads the screen and the scale once."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.journeys import REFERENCE

PROBE = Path(__file__).with_name("journey_probe.py")
# The window runs in a probe process: these tests need Qt, though this file imports none.
pytestmark = pytest.mark.qt
SIZES = [(1366, 768, "1.25"), (1280, 720, "1"), (1920, 1080, "2")]


@pytest.fixture(scope="module", params=SIZES, ids=lambda size: f"{size[0]}x{size[1]}@{size[2]}")
def probed(request):
    width, height, scale = request.param
    output = subprocess.run(
        [sys.executable, str(PROBE), str(width), str(height), scale],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent.parent,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


@pytest.mark.parametrize("language", ["en", "zh_CN", "ru", "ar"])
def test_a_new_plan_opens_with_the_request_panel_beside_a_larger_calendar(probed, language):
    seen = probed[f"{language}/new"]
    assert seen["panel_shown"], "a new plan opens with its fields"
    assert seen["hint_shown"]
    assert seen["hint_in_panel"], "the first-run hint takes no room from the views"
    assert not seen["sideways"], "the request panel scrolls sideways"
    assert seen["views"] > seen["panel"], "the calendar is smaller than the request panel"
    assert seen["views"] > seen["agenda"]
    assert seen["size"][0] <= seen["screen"][0]
    assert seen["size"][1] <= seen["screen"][1]


@pytest.mark.parametrize("language", ["en", "zh_CN", "ru", "ar"])
def test_a_saved_plan_opens_on_its_journey(probed, language):
    seen = probed[f"{language}/saved"]
    assert not seen["panel_shown"]
    assert not seen["hint_shown"]
    assert seen["views"] > seen["agenda"] > 0, "the calendar first, the agenda beside it"
    assert seen["size"][0] <= seen["screen"][0]


@pytest.mark.parametrize("state", ["new", "saved"])
@pytest.mark.parametrize("language", ["en", "zh_CN", "ru", "ar"])
def test_every_day_with_items_shows_a_title_and_its_day_number(probed, language, state):
    seen = probed[f"{language}/{state}"]
    assert seen["untitled"] == [], "days that show no item by name"
    assert seen["unnumbered"] == [], "treatment days without Day ±N"


def test_the_agenda_comes_back_after_giving_way_in_the_last_session(qtbot, settings, tmp_path):
    """Closed with the request panel open in a narrow window (the agenda hidden), a saved plan
    opens next time with its agenda beside the calendar, not squeezed to nothing."""
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from carte_planner.domain import TripRequest
    from carte_planner.domain.plan import Plan
    from carte_planner.storage.planfile import save_plan
    from carte_planner.ui.document import PlanDocument
    from carte_planner.ui.main_window import MainWindow
    from tests.gui import forget_changes, settings_folder

    path = tmp_path / "trip.carteplan"
    plan = Plan(TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin"), "plan-test")
    save_plan(path, plan)

    def open_window():
        win = MainWindow(
            PlanDocument(plan, date(2027, 1, 4), path, reference=REFERENCE),
            settings,
            settings_folder(settings) / "data",
        )
        qtbot.addWidget(win, before_close_func=forget_changes)
        win.show()
        qtbot.waitExposed(win)
        QApplication.processEvents()
        return win

    first = open_window()
    first.resize(1000, 700)
    first.show_panel(True)
    qtbot.waitUntil(first.agenda.isHidden)
    first.show_panel(False)  # the family closes the panel, then the window
    first.views_splitter.setSizes([900, 0])
    assert first.close()
    second = open_window()
    qtbot.waitUntil(lambda: second.agenda.width() > 100)
