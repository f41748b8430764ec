"""The first frame: the summary and the calendar (or the tab left in front) are painted first;
the other views are built just after it, each in its own tab, or at once when asked for."""

import subprocess
import sys

from PySide6.QtCore import QEvent, QObject

from carte_planner.ui.main_window import MainWindow
from tests.gui import forget_changes, settings_folder
from tests.journeys import REFERENCE

FIRST_FRAME = """
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings
from carte_planner.shipped import shipped_reference
from carte_planner.ui.app import make_app
from carte_planner.ui.main_window import MainWindow

class FirstPaint(QObject):
    # What exists when the window first paints: the modules loaded and the views built.
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen.append(sorted(sys.modules))
            seen.append(window.built_checklist() is not None)
        return False

seen = []
folder = Path(tempfile.mkdtemp())
app = make_app(sys.argv[:1])
settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
window = MainWindow(settings=settings, autosave_folder=folder, reference=shipped_reference())
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
for _ in range(3):
    app.processEvents()
print("built at first paint:", seen[1])
print("built after it:", window.built_checklist() is not None)
print("\\n".join(seen[0]))
"""

LATER = ["carte_planner.ui.checklist_panel", "carte_planner.ui.documents_view", "carte_planner.ui.money_view"]


def test_the_first_paint_waits_for_no_other_view():
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lines = result.stdout.splitlines()
    assert lines[:2] == ["built at first paint: False", "built after it: True"]
    loaded = set(lines[2:])
    assert "carte_planner.ui.month_view" in loaded
    assert "carte_planner.ui.summary_bar" in loaded
    assert [name for name in LATER if name in loaded] == []


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted: list[QObject] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.append(watched)
        return False


def test_the_checklist_takes_its_tabs_place_after_the_first_paint(qtbot, window):
    """Built just after the first paint, into the same tab; the calendar stays in front."""
    checklist = window.checklist
    assert window.tabs.indexOf(checklist) == 2
    assert window.tabs.tabText(2).replace("&", "") == "Checklist"
    assert window.tabs.count() == 5
    assert window.tabs.currentWidget() is window.month
    assert checklist.print_button.isVisibleTo(checklist)


def test_a_window_left_on_the_checklist_opens_on_it(qtbot, settings):
    settings.setValue("window/tab", 2)
    win = MainWindow(
        None, settings, autosave_folder=settings_folder(settings) / "data", offer_autosave=False, reference=REFERENCE
    )
    qtbot.addWidget(win, before_close_func=forget_changes)
    counter = PaintCounter()
    win.installEventFilter(counter)
    assert win.built_checklist() is not None  # before the first paint: it is what shows
    assert win.tabs.currentWidget() is win.built_checklist()
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: bool(counter.painted))
    assert win.tabs.currentWidget() is win.checklist
    assert win.checklist.tree.model().rowCount() > 0


def test_a_key_reaches_a_view_not_built_yet(qtbot, settings):
    """Ctrl+4 before anything was painted: the checklist is built, put in its tab, in front;
    built once, the later views' turn after the first paint leaves it as it is."""
    win = MainWindow(
        None, settings, autosave_folder=settings_folder(settings) / "data", offer_autosave=False, reference=REFERENCE
    )
    qtbot.addWidget(win, before_close_func=forget_changes)
    assert win.built_checklist() is None
    win.checklist_action.trigger()
    checklist = win.built_checklist()
    assert checklist is not None
    assert win.tabs.currentWidget() is checklist
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.tabs.indexOf(win.money_page) == 4 and win.money_page.widget() is not None)
    assert win.checklist is checklist
    assert win.tabs.indexOf(checklist) == 2
    assert [win.tabs.widget(i) for i in range(win.tabs.count())] == [
        win.month,
        win.timeline,
        checklist,
        win.documents_page,
        win.money_page,
    ]
