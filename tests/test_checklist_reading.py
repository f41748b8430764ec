"""The checklist read in full: a tick is said on its row, and a long title wraps onto more
lines instead of being cut at a laptop's width."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtTest import QTest

from carte_planner.ui import accessible
from carte_planner.ui.checklist_panel import ChecklistModel


def test_a_tick_is_said_on_its_row(qtbot, window, monkeypatch):
    said = []
    QAccessible.setActive(True)
    monkeypatch.setattr(accessible.QAccessible, "updateAccessibility", lambda event: said.append(event))
    try:
        window.tabs.setCurrentWidget(window.checklist)
        panel = window.checklist
        index = panel.model.index_of("records-pathology")
        panel.tree.setCurrentIndex(index)
        panel.tree.setFocus()
        qtbot.waitUntil(panel.tree.hasFocus)
        QTest.keyClick(panel.tree, Qt.Key.Key_Space)
        assert window.document.checklist.entry("records-pathology").done
        announcements = [e.message() for e in said if isinstance(e, QAccessibleAnnouncementEvent)]
        assert announcements[-1] == "Pathology reports, Done"
        row = panel.model.index_of("records-pathology")
        assert panel.model.data(row, Qt.ItemDataRole.AccessibleTextRole) == "Pathology reports, Done"
    finally:
        QAccessible.setActive(False)


def test_long_titles_wrap_instead_of_being_cut(qtbot, window):
    window.tabs.setCurrentWidget(window.checklist)
    tree = window.checklist.tree
    tree.setFixedWidth(330)  # a laptop's share of the window
    qtbot.waitUntil(lambda: tree.columnWidth(ChecklistModel.ITEM) < 260)
    width = tree.columnWidth(ChecklistModel.ITEM)
    model = window.checklist.model
    entries = window.document.checklist.entries
    longest = max(entries, key=lambda entry: tree.fontMetrics().horizontalAdvance(entry.title))
    title = model.data(model.index_of(longest.key))
    assert tree.fontMetrics().horizontalAdvance(title) > width - 48, title

    def height(key):
        return tree.visualRect(model.index_of(key)).height()

    qtbot.waitUntil(lambda: height(longest.key) > 2 * height("records-pathology"))
