"""The summary above the views keeps its height while the family drags a value: the calendar
below it does not jump a line up or down from one edit to the next, and every word of the
summary stays in view."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from carte_planner.domain.plan import Plan

pytestmark = pytest.mark.qt


def views_top(window) -> int:
    return window.main_splitter.mapTo(window, QPoint(0, 0)).y()


def summary_whole(window) -> bool:
    summary = window.summary.summary
    return summary._document.size().height() <= summary.height()


def drag(window, values):
    """A phase's length stepped through `values` as a spin box dragged or held down gives
    them; the views' top edge and whether the summary was whole after each."""
    days = window.panel.phase_rows[0].days
    seen = []
    for value in values:
        days.setValue(value)
        QApplication.processEvents()
        QApplication.processEvents()  # the window's layout, requested while the first ran
        seen.append((views_top(window), summary_whole(window)))
    return seen


def needed_heights(window, values):
    heights = {}
    for value in values:
        window.panel.phase_rows[0].days.setValue(value)
        QApplication.processEvents()
        heights[value] = window.summary.summary._document.size().height()
    return heights


def find_varying_width(window):
    """A window width at which some screening lengths wrap the summary to a line more than
    others: the width at which it used to jump."""
    for width in range(700, 1601, 20):
        window.resize(width, 800)
        QApplication.processEvents()
        heights = needed_heights(window, range(10, 41, 2))
        short, long = min(heights, key=heights.get), max(heights, key=heights.get)
        if heights[short] < heights[long]:
            return short, long
    raise AssertionError("at no width does the summary wrap differently: nothing to test")


def test_dragging_a_phase_length_leaves_the_views_where_they_were(window):
    find_varying_width(window)
    # Once through, as the family first drags it: the summary may need a line more on the way.
    first = drag(window, range(10, 41))
    assert all(whole for _top, whole in first)
    top = views_top(window)
    # Back and forth again: not a pixel up or down, and every word readable all the way.
    again = drag(window, [*range(40, 9, -1), *range(10, 41)])
    assert {t for t, _whole in again} == {top}
    assert all(whole for _top, whole in again)


def test_nothing_moves_at_widths_where_the_summary_wraps_alike(window):
    window.resize(1500, 800)
    QApplication.processEvents()
    top = views_top(window)
    assert drag(window, range(10, 41)) == [(top, True)] * 31


def test_the_height_is_given_back_a_while_after_the_last_edit(window, qtbot):
    short, long = find_varying_width(window)
    window.summary._shrink.setInterval(200)
    window.panel.phase_rows[0].days.setValue(long)
    QApplication.processEvents()
    tall = window.summary.summary.height()
    window.panel.phase_rows[0].days.setValue(short)
    QApplication.processEvents()
    assert window.summary.summary.height() == tall, "held while the family may still be editing"
    qtbot.waitUntil(lambda: window.summary.summary.height() < tall, timeout=3000)
    assert summary_whole(window)


def test_a_new_plan_gives_the_held_height_back(window):
    short, long = find_varying_width(window)
    window.panel.phase_rows[0].days.setValue(long)
    QApplication.processEvents()
    tall = window.summary.summary.height()
    request = window.document.plan.request.with_phase_length("screening", short)
    window.document.replace_plan(Plan(request, "plan-new"), None)
    QApplication.processEvents()
    assert window.summary.summary.height() < tall
    assert summary_whole(window)


def test_a_wider_window_gives_the_held_height_back(window):
    short, long = find_varying_width(window)
    window.panel.phase_rows[0].days.setValue(long)
    QApplication.processEvents()
    window.panel.phase_rows[0].days.setValue(short)
    QApplication.processEvents()
    held = window.summary.summary.height()
    window.resize(window.width() + 1, window.height())
    QApplication.processEvents()
    assert window.summary.summary.height() < held
    assert summary_whole(window)


def held_taller_than_needed(window):
    """The summary left holding a line its text no longer needs, as after a drag."""
    short, long = find_varying_width(window)
    window.panel.phase_rows[0].days.setValue(long)
    QApplication.processEvents()
    window.panel.phase_rows[0].days.setValue(short)
    QApplication.processEvents()
    summary = window.summary.summary
    assert summary.height() > summary._document.size().height() + 2
    return summary


def test_a_larger_font_fits_the_summary_afresh(window):
    summary = held_taller_than_needed(window)
    font = window.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    window.setFont(font)
    QApplication.processEvents()
    assert summary.height() == int(summary._document.size().height()) + 2
    assert summary_whole(window)


def test_another_language_fits_the_summary_afresh(window):
    summary = held_taller_than_needed(window)
    try:
        window.switch_language("ar")
        QApplication.processEvents()
        assert summary.height() == int(summary._document.size().height()) + 2
        assert summary_whole(window)
    finally:
        window.switch_language("en")
