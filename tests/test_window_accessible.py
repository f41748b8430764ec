"""Screen readers: the painted views' items as accessible children, events when the selection
moves, and announcements when the summary or the warnings change."""

from datetime import date

import pytest
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

from carte_planner.ui import accessible


@pytest.fixture
def screen_reader(monkeypatch):
    """Qt's accessibility switched on, as when a screen reader runs; the events it gets."""
    events = []
    QAccessible.setActive(True)
    monkeypatch.setattr(accessible.QAccessible, "updateAccessibility", lambda event: events.append(event))
    yield events
    QAccessible.setActive(False)


def children(widget):
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface, [interface.child(i) for i in range(interface.childCount())]


def test_month_grid_chips_are_accessible_children(window, screen_reader):
    grid = window.month.grid
    grid.set_month(date(2027, 4, 1))
    window.document.select("milestone:infusion")
    interface, items = children(grid)
    assert interface.role() == QAccessible.Role.List
    assert len(items) == len(grid.chips()) > 5
    infusion = next(i for i, chip in enumerate(grid.chips()) if chip.line.key == "milestone:infusion")
    assert "infusion" in items[infusion].text(QAccessible.Text.Name)
    item = items[infusion]
    assert item.role() == QAccessible.Role.ListItem
    assert item.state().selected
    assert not items[(infusion + 1) % len(items)].state().selected
    assert item.text(QAccessible.Text.Description) == "Milestone"
    assert item.parent() is interface
    assert interface.indexOfChild(item) == infusion
    chip = grid.chips()[infusion]
    assert item.rect().topLeft() == grid.mapToGlobal(chip.rect.toAlignedRect().topLeft())
    assert interface.childAt(item.rect().center().x(), item.rect().center().y()) is item


def test_timeline_bars_are_accessible_children(window, screen_reader):
    window.tabs.setCurrentWidget(window.timeline)
    canvas = window.timeline.canvas
    _interface, items = children(canvas)
    assert len(items) == len(canvas.bars())
    names = [item.text(QAccessible.Text.Name) for item in items]
    assert any(name.startswith("Day 0") or "infusion" in name for name in names)
    assert all(item.role() == QAccessible.Role.ListItem for item in items)


def test_selection_raises_accessibility_events(window, screen_reader):
    window.month.grid.set_month(date(2027, 4, 1))
    window.month.grid.setFocus()
    window.document.select("milestone:infusion")
    kinds = [event.type() for event in screen_reader]
    assert QAccessible.Event.Selection in kinds


def test_summary_and_warning_changes_are_announced(window, screen_reader):
    window.panel.phase_rows[0].days.setValue(40)  # far outside the usual range: a warning
    said = [event.message() for event in screen_reader if isinstance(event, QAccessibleAnnouncementEvent)]
    assert any("usual" in message or "range" in message for message in said), said


def test_the_day_cursor_is_described(window):
    grid = window.month.grid
    day_zero = window.document.journey.day_zero
    grid.move_cursor(day_zero)
    description = grid.accessibleDescription()
    assert "Day 0" in description
    assert "infusion" in description
