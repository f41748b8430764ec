"""The window by keyboard and screen reader: Ctrl+1…4 put the focus in the view they show,
F6 walks the window's parts, the first focus is a field or a view that shows it, the warnings
are a named Tab stop, and no focusable control is without a name, in every language."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.language import apply_language
from carte_planner.ui.main_window import MainWindow
from tests.gui import forget_changes, settings_folder
from tests.journeys import REFERENCE

LANGUAGES = ["en", "zh_CN", "ru", "ar"]


def open_window(qtbot, settings, path=None, wide=True):
    plan = Plan(TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin"), "plan-test")
    win = MainWindow(
        PlanDocument(plan, date(2027, 1, 4), path, reference=REFERENCE),
        settings,
        autosave_folder=settings_folder(settings),
    )
    qtbot.addWidget(win, before_close_func=forget_changes)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    QApplication.processEvents()
    if wide:
        win.resize(1500, 900)
        win.show_panel(True)
        qtbot.waitUntil(win.agenda.isVisible)
    return win


def focus_is_in(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def test_ctrl_1_to_4_put_the_focus_in_the_view_they_show(qtbot, settings):
    win = open_window(qtbot, settings)
    win.panel.travellers.setFocus()
    qtbot.waitUntil(win.panel.travellers.hasFocus)
    for key, page, target in [
        (Qt.Key.Key_1, win.month, win.month.grid),
        (Qt.Key.Key_2, win.timeline, win.timeline.canvas),
        (Qt.Key.Key_4, win.checklist, win.checklist.tree),
    ]:
        QTest.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)
        assert win.tabs.currentWidget() is page
        assert QApplication.focusWidget() is target
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is win.agenda.table


def test_the_month_grid_shows_its_focus(qtbot, settings):
    win = open_window(qtbot, settings)
    grid = win.month.grid
    before = grid.grab().toImage()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert grid.hasFocus()
    assert grid.grab().toImage() != before, "the day cursor is drawn once the grid has the focus"


def test_f6_walks_the_panel_the_view_the_agenda_and_the_details(qtbot, settings):
    win = open_window(qtbot, settings)
    win.panel.travellers.setFocus()
    qtbot.waitUntil(win.panel.travellers.hasFocus)
    seen = []
    for _ in range(4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        seen.append(QApplication.focusWidget())
    assert seen == [win.month.grid, win.agenda.table, win.agenda.detail, win.panel.start]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is win.agenda.detail


def test_the_first_focus_is_the_first_hospital_day_of_a_new_plan(qtbot, settings):
    win = open_window(qtbot, settings, wide=False)
    win.show_panel(True)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is win.panel.start


def test_a_saved_plan_starts_with_the_focus_on_its_calendar(qtbot, settings, tmp_path):
    from carte_planner.storage.planfile import save_plan

    path = tmp_path / "trip.carteplan"
    save_plan(path, Plan(TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin"), "plan-test"))
    win = open_window(qtbot, settings, path=path, wide=False)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert win.panel_scroll.isHidden()
    assert QApplication.focusWidget() is win.month.grid


def test_the_warnings_are_a_named_tab_stop_that_shows_its_focus(qtbot, settings):
    win = open_window(qtbot, settings)
    area = win.summary.notices_area
    assert area.isVisible(), "the test plan's stay is longer than its visa allows"
    assert area.accessibleName() == "Warnings and things to check"
    assert "visa" in area.accessibleDescription()
    before = area.grab().toImage()
    area.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(area.hasFocus)
    assert area.grab().toImage() != before


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_focusable_control_has_a_name(qtbot, settings, language):
    apply_language(language)
    try:
        win = open_window(qtbot, settings)
        QAccessible.setActive(True)
        unnamed = []
        for index in range(win.tabs.count()):
            win.tabs.setCurrentIndex(index)
            for widget in win.findChildren(QWidget):
                if not widget.isVisible() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    continue
                # A spin box's text field passes the focus to its box, which is named; a combo
                # box's typing field takes it.
                if widget.focusProxy() is not None and not isinstance(widget.parentWidget(), QComboBox):
                    continue
                interface = QAccessible.queryAccessibleInterface(widget)
                name = interface.text(QAccessible.Text.Name).strip() if interface is not None else ""
                # On Linux a list box's name is its value: a label relation names it instead.
                labelled = interface is not None and bool(interface.relations(QAccessible.Relation.Label))
                if not labelled and (not name or name == interface.text(QAccessible.Text.Value)):
                    unnamed.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
        assert unnamed == [], unnamed
    finally:
        QAccessible.setActive(False)
        apply_language("en")


def test_a_new_plan_opens_the_request_panel(qtbot, settings):
    win = open_window(qtbot, settings)
    win.show_panel(False)
    win.document.undo_stack.setClean()
    win.new_action.trigger()
    assert not win.panel_scroll.isHidden()
    assert QApplication.focusWidget() is win.panel.start


def test_the_request_panel_left_open_is_remembered(qtbot, settings, tmp_path):
    from carte_planner.storage.planfile import save_plan

    path = tmp_path / "trip.carteplan"
    save_plan(path, Plan(TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin"), "plan-test"))
    first = open_window(qtbot, settings, path=path, wide=False)
    assert first.panel_scroll.isHidden(), "a saved plan opens on its journey"
    first.panel_action.trigger()
    assert first.close()
    second = open_window(qtbot, settings, path=path, wide=False)
    assert not second.panel_scroll.isHidden(), "left open last time, open again"
