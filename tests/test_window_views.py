"""The views follow the plan and can be used by keyboard: the month's day cursor, the
timeline's bars, Tab in and out of every view, a first-run hint."""

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from carte_planner.ui.hint import StartHint
from carte_planner.ui.main_window import MainWindow
from tests.gui import forget_changes, settings_folder


def focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_calendar_and_timeline_follow_a_new_first_hospital_day(qtbot, window):
    window.tabs.setCurrentWidget(window.timeline)
    timeline = window.timeline
    window.panel.start.setDate(date(2027, 5, 3))
    assert window.month.grid.month == date(2027, 5, 1)
    assert "May" in window.month.title.text() or "5" in window.month.title.text()
    # The timeline scrolled to show the trip from its first step.
    first = min(item.start for item in window.document.journey.items)
    scrolled_to = timeline.scroll_area.horizontalScrollBar().value()
    assert abs(timeline.canvas.x_of(first) - scrolled_to) <= timeline.canvas.day_width * 4
    # A month the user turned to stays while other fields change.
    window.month.grid.step(2)
    window.panel.visa_stay.setValue(60)
    assert window.month.grid.month == date(2027, 7, 1)


def test_the_start_hint_shows_once_and_stays_dismissed(qtbot, settings, window):
    hint = window.start_hint
    assert hint.isVisible()
    assert "first hospital day" in hint.label.text()
    qtbot.mouseClick(hint.close_button, Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    again = MainWindow(window.document, settings, autosave_folder=settings_folder(settings) / "data")
    qtbot.addWidget(again, before_close_func=forget_changes)
    assert not again.start_hint.isVisible()
    assert not StartHint(settings).isVisibleTo(again)


def test_month_day_cursor_moves_by_day_week_and_month(qtbot, window):
    grid = window.month.grid
    focus(qtbot, grid)
    grid.move_cursor(date(2027, 3, 10))
    QTest.keyClick(grid, Qt.Key.Key_Right)
    assert grid.cursor_day == date(2027, 3, 11)
    QTest.keyClick(grid, Qt.Key.Key_Down)
    assert grid.cursor_day == date(2027, 3, 18)
    QTest.keyClick(grid, Qt.Key.Key_Up)
    QTest.keyClick(grid, Qt.Key.Key_Left)
    assert grid.cursor_day == date(2027, 3, 10)
    QTest.keyClick(grid, Qt.Key.Key_End)
    assert grid.cursor_day == date(2027, 3, 31)
    QTest.keyClick(grid, Qt.Key.Key_Home)
    assert grid.cursor_day == date(2027, 3, 1)
    QTest.keyClick(grid, Qt.Key.Key_PageDown)
    assert grid.cursor_day == date(2027, 4, 1)
    assert grid.month == date(2027, 4, 1)
    QTest.keyClick(grid, Qt.Key.Key_Left)
    assert grid.month == date(2027, 3, 1), "leaving the month turns the page"


def test_enter_lists_the_days_items_and_choosing_one_selects_it(qtbot, window):
    grid = window.month.grid
    focus(qtbot, grid)
    day_zero = window.document.journey.day_zero
    grid.move_cursor(day_zero)
    QTest.keyClick(grid, Qt.Key.Key_Return)
    menu = grid.day_menu
    assert menu is not None
    qtbot.addWidget(menu)
    texts = [action.text() for action in menu.actions()]
    assert any("infusion" in text for text in texts)
    # Treatment comes before the stay in a full cell.
    assert texts.index(next(t for t in texts if "infusion" in t)) < texts.index(
        next(t for t in texts if "ccommodation" in t or "Stay" in t)
    )
    next(a for a in menu.actions() if "infusion" in a.text()).trigger()
    menu.close()
    assert window.document.selected == "milestone:infusion"


def test_more_label_opens_the_day(qtbot, window):
    grid = window.month.grid
    grid.resize(560, 300)  # small cells: some items go to "+N more"
    grid.set_month(date(2027, 4, 1))
    days = [grid.first_day() + timedelta(days=i) for i in range(42)]
    day = next(d for d in days if grid.hidden_count(d))
    centre = grid.more_rect(day).center().toPoint()
    QTest.mouseClick(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert grid.day_menu is not None
    qtbot.addWidget(grid.day_menu)
    assert len(grid.day_menu.actions()) == len(grid.lines_on(day))
    assert len(grid.lines_on(day)) > grid.hidden_count(day)
    grid.day_menu.close()


def test_timeline_keys_walk_through_the_bars(qtbot, window):
    window.tabs.setCurrentWidget(window.timeline)
    canvas = window.timeline.canvas
    focus(qtbot, canvas)
    QTest.keyClick(canvas, Qt.Key.Key_Home)
    first = window.document.selected
    assert first
    QTest.keyClick(canvas, Qt.Key.Key_Right)
    assert window.document.selected != first
    QTest.keyClick(canvas, Qt.Key.Key_Left)
    assert window.document.selected == first
    QTest.keyClick(canvas, Qt.Key.Key_End)
    assert window.document.selected != first


def test_tab_leaves_every_view(qtbot, window):
    views = [
        (window.month, window.month.grid),
        (window.timeline, window.timeline.canvas),
        (window.checklist, window.checklist.tree),
        (window.month, window.agenda.table),
        (window.month, window.agenda.detail),
    ]
    for page, view in views:
        window.tabs.setCurrentWidget(page)
        focus(qtbot, view)
        QTest.keyClick(view, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not view, f"Tab stayed in {view.accessibleName()}"
        assert not view.isAncestorOf(now), f"Tab stayed in {view.accessibleName()}"


def test_checklist_notes_open_with_f2_and_enter(qtbot, window):
    window.tabs.setCurrentWidget(window.checklist)
    tree = window.checklist.tree
    model = window.checklist.model
    focus(qtbot, tree)
    key_of_entry = model.entry(model.index(0, 0, model.index(0, 0))).key
    for key in (Qt.Key.Key_F2, Qt.Key.Key_Return):
        tree.setCurrentIndex(model.index_of(key_of_entry))
        QTest.keyClick(tree, key)
        editor = QApplication.focusWidget()
        assert tree.viewport().isAncestorOf(editor), f"{key} opened no note editor"
        QTest.keyClicks(editor, "Bring two copies")
        QTest.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.document.plan.checklist.note(key_of_entry) == "Bring two copies")
        window.document.undo_stack.undo()


def test_the_focused_day_and_bar_are_outlined_at_3_to_1(qtbot, window):
    from carte_planner.ui.palette import contrast_ratio, focus_colour

    grid = window.month.grid
    focus(qtbot, grid)
    grid.move_cursor(date(2027, 3, 10))
    image = grid.grab().toImage()
    ring = grid.cell_rect(grid.cursor_day).adjusted(2, 2, -2, -2)
    base = grid.palette().base().color()
    # The pixel under the ring's top edge: the 3-pixel pen covers it whole, whatever the
    # fraction of the cell's coordinates (a neighbour pixel may be antialiased).
    top = int(ring.top())
    sampled = image.pixelColor(int(ring.center().x()), top)
    assert sampled == focus_colour(grid.palette())
    assert contrast_ratio(sampled, base) >= 3.0
    # Without the focus, no ring.
    window.agenda.table.setFocus()
    qtbot.waitUntil(lambda: not grid.hasFocus())
    image = grid.grab().toImage()
    assert image.pixelColor(int(ring.center().x()), top) != focus_colour(grid.palette())


def test_the_request_panel_hides_and_comes_back(qtbot, window):
    window.show_panel(True)  # the test screen is small: the window may have started without it
    assert window.panel_action.isChecked()
    views = window.views_splitter.width()
    window.panel_action.trigger()
    assert window.panel_scroll.isHidden()
    assert not window.panel_action.isChecked()
    qtbot.waitUntil(lambda: window.views_splitter.width() > views)  # the views take the panel's room
    assert window.agenda.isVisible(), "the agenda is back beside the calendar"
    window.panel_action.trigger()
    assert not window.panel_scroll.isHidden()
    assert window.main_splitter.sizes()[0] > 0
    assert window.panel_action.isChecked()


def test_narrow_checklist_keeps_item_titles_readable(qtbot, window):
    from carte_planner.ui.checklist_panel import ChecklistModel

    panel = window.checklist
    window.tabs.setCurrentWidget(panel)
    panel.tree.resize(380, 400)
    qtbot.waitUntil(lambda: panel.tree.viewport().width() <= 380)
    panel._fit_columns(panel.tree.viewport().width())
    item = (
        panel.tree.viewport().width()
        - panel.tree.columnWidth(ChecklistModel.DUE)
        - panel.tree.columnWidth(ChecklistModel.NOTE)
    )
    assert item >= panel.item_min_width - 1


def test_end_in_the_timeline_scrolls_to_the_last_bar_even_when_it_was_selected(qtbot, window):
    window.resize(1000, 600)
    window.tabs.setCurrentWidget(window.timeline)
    canvas, area = window.timeline.canvas, window.timeline.scroll_area
    focus(qtbot, canvas)
    QTest.keyClick(canvas, Qt.Key.Key_End)
    bar = area.horizontalScrollBar()
    assert bar.value() > 0
    bar.setValue(0)  # the family scrolled back to the start
    QTest.keyClick(canvas, Qt.Key.Key_End)
    last = next(b for b in canvas.bars() if b.line.key == window.document.selected)
    shown = area.viewport().rect().translated(bar.value(), area.verticalScrollBar().value())
    assert shown.intersects(last.rect.toAlignedRect())


def test_an_edit_updates_the_agenda_row_by_row_keeping_the_selected_line(qtbot, window):
    """A longer phase moves dates and adds lines: the agenda inserts the new rows and rereads
    the others, and the line the family was reading stays selected, with its new date."""
    model = window.agenda.model
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    keys = [model.line(row).key for row in range(model.rowCount())]
    selected = "flight:return"
    assert selected in keys
    window.document.select(selected)
    before = model.line(model.row_of(selected)).day
    days = window.panel.phase_rows[-1].days
    days.setValue(days.value() + 60)
    after_keys = [model.line(row).key for row in range(model.rowCount())]
    assert resets == []
    assert after_keys == [line.key for line in model._merge(window.document.journey, window.agenda._extra_lines())]
    assert len(after_keys) != len(keys)  # more follow-up visits in a longer phase
    current = window.agenda.table.currentIndex()
    assert model.line(current.row()).key == selected
    assert model.line(current.row()).day >= before + timedelta(days=50)
