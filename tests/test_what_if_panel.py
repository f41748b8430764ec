"""The "What if…" panel: what a contingency moves and breaks, the plan unchanged until applied."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from carte_planner.storage.plan_codec import plan_to_bytes
from carte_planner.ui.dates import medium_date
from carte_planner.ui.what_if_panel import NOT_ELIGIBLE


def choose(panel, key: str, days: int | None = None) -> None:
    panel.choice.setCurrentIndex(panel.choice.findData(key))
    if days is not None:
        panel.days.setValue(days)


def lines(widget) -> list[str]:
    return [widget.item(row).text() for row in range(widget.count())]


def test_cells_two_weeks_late_show_what_moves_and_breaks_and_close_leaves_no_trace(window, qtbot):
    before = plan_to_bytes(window.document.plan)
    window.what_if_action.trigger()
    panel = window.what_if_panel
    assert panel.isVisible()
    choose(panel, "manufacturing", 14)
    # Shanghai, first hospital day 1 Mar 2027, typical phases: the return flight 9 Jun → 23 Jun.
    assert panel.outcome.text() == "Return: 09 Jun 2027 → 23 Jun 2027"
    # The plan's own return as odds, the assumption said with them.
    assert panel.odds.text().startswith("Return flight, odds: P50 09 Jun 2027, P80 ")
    assert "Assumed: each phase" in panel.odds.text()
    assert "! The return flight moves from Wed 09 Jun 2027 to Wed 23 Jun 2027." in lines(panel.broken)
    assert any(line.startswith("06 Apr 2027 → 20 Apr 2027  ") for line in lines(panel.moved))
    assert plan_to_bytes(window.document.plan) == before
    assert not window.document.modified
    # The agenda marks the lines that would move, on their old dates, with the new one.
    model = window.agenda.model
    infusion = model.index(model.row_of("milestone:infusion"), model.DATE)
    assert infusion.data() == f"{medium_date(date(2027, 4, 6))} → {medium_date(date(2027, 4, 20))}"
    assert model.index(infusion.row(), model.STATUS).data() == "What if: moves"
    # The timeline outlines the infusion where it would be: 14 days to the right of its bar.
    canvas = window.timeline.canvas
    outlines = dict(canvas.what_if_rects())
    bar = next(b for b in canvas.bars() if b.line.key == "milestone:infusion")
    assert outlines["milestone:infusion"].left() - bar.rect.left() == pytest.approx(14 * canvas.day_width)
    stay = model.index(model.row_of("stay:accommodation"), model.DATE)
    assert "→" not in stay.data()  # only its last day moves
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    assert plan_to_bytes(window.document.plan) == before
    assert not window.document.undo_stack.canUndo()
    assert "→" not in infusion.data()
    assert canvas.what_if_rects() == []


def test_applying_is_one_step_and_undoing_it_restores_the_plan_byte_for_byte(window, qtbot):
    before = plan_to_bytes(window.document.plan)
    window.what_if_action.trigger()
    panel = window.what_if_panel
    choose(panel, "infusion", 3)
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert window.document.journey.day_zero == date(2027, 4, 9)
    assert window.document.undo_stack.count() == 1
    assert window.document.undo_stack.undoText().startswith("What if: ")
    window.document.undo_stack.undo()
    assert plan_to_bytes(window.document.plan) == before
    assert window.document.journey.day_zero == date(2027, 4, 6)


def test_not_eligible_shows_the_earliest_return_and_cannot_be_applied(window):
    window.what_if_action.trigger()
    panel = window.what_if_panel
    choose(panel, NOT_ELIGIBLE)
    assert panel.outcome.text().startswith("Earliest return: 11 Mar 2027")
    assert "No longer happens:" in lines(panel.broken)
    assert not panel.apply_button.isEnabled()
    assert not panel.days.isEnabled()
