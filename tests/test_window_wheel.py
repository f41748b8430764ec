"""The mouse wheel over a field nobody clicked scrolls the panel; it never changes the plan."""

from datetime import date

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QDoubleSpinBox, QSpinBox, QWidget

from carte_planner.domain.checklist import Stage
from carte_planner.ui.checklist_panel import AddItemDialog


def turn_wheel(widget: QWidget, notches: int = -1) -> None:
    """One turn of the wheel over the middle of `widget` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def shown_value(field: QWidget) -> str:
    if isinstance(field, QComboBox):
        return f"{field.currentIndex()} {field.currentText()}"
    assert isinstance(field, QAbstractSpinBox)
    return field.text()


def panel_fields(win) -> dict[str, QWidget]:
    panel = win.panel
    fields: dict[str, QWidget] = {
        "start": panel.start,
        "city": panel.city,
        "scenario": panel.scenario,
        "home_tz": panel.home_tz,
        "home_country": panel.home_country,
        "flight_hours": panel.flight_hours,
        "departure": panel.departure,
        "arrive_early": panel.arrive_early,
        "visa_stay": panel.visa_stay,
        "followup_years": panel.followup_years,
    }
    for row in panel.phase_rows:
        fields[f"phase:{row.key}"] = row.days
    assumed = ("day0", "chemo_first", "chemo_last", "visit_rhythm", "weekday_first", "weekday_second")
    for name in (*assumed, "early", "followup"):
        fields[f"assumed:{name}"] = getattr(panel.assumed, name)
    fields["assumed:return_time"] = panel.assumed.return_time
    fields["assumed:visa_processing"] = panel.assumed.visa_processing
    fields["assumed:handover"] = panel.assumed.handover
    for name in ("person", "role", "route", "visa_stay", "entries"):
        fields[f"people:{name}"] = getattr(panel.people, name)
    for name, box in panel.people.rules.items():
        fields[f"people:{name}"] = box
    return fields


FIELDS = [
    "start",
    "city",
    "scenario",
    "home_tz",
    "home_country",
    "flight_hours",
    "departure",
    "arrive_early",
    "visa_stay",
    "followup_years",
    "phase:screening",
    "phase:manufacturing",
    "phase:admission",
    "phase:monitoring",
    "phase:outpatient",
    "assumed:day0",
    "assumed:chemo_first",
    "assumed:chemo_last",
    "assumed:visit_rhythm",
    "assumed:weekday_first",
    "assumed:weekday_second",
    "assumed:early",
    "assumed:followup",
    "assumed:return_time",
    "assumed:visa_processing",
    "assumed:handover",
    "people:person",
    "people:role",
    "people:route",
    "people:visa_stay",
    "people:entries",
    "people:stay_near_until",
    "people:no_driving_until",
    "people:around_the_clock_until",
    "people:max_travel_minutes",
]


def test_every_field_of_the_panel_is_covered(window):
    """No spin box or combo box of the panel is left out of the test below."""
    assert sorted(panel_fields(window)) == sorted(FIELDS)
    covered = set(panel_fields(window).values())
    everything = [w for w in window.panel.findChildren(QWidget) if isinstance(w, (QAbstractSpinBox, QComboBox))]
    assert [w.accessibleName() for w in everything if w not in covered] == []


def unfocused_wheel_problems(window, name: str) -> list[str]:
    """What a wheel turn over the field `name`, which nobody clicked, did wrong: nothing, or a list."""
    window.agenda.table.setFocus()
    field = panel_fields(window)[name]
    window.panel_scroll.ensureWidgetVisible(field)
    bar = window.panel_scroll.verticalScrollBar()
    if bar.maximum() <= 0:
        return ["the panel does not scroll"]
    notches = 1 if bar.value() == bar.maximum() else -1  # at the bottom: scroll up
    before_value, before_scroll, before_plan = shown_value(field), bar.value(), window.document.plan
    turn_wheel(field, notches)
    checks = {
        "the field's value changed": shown_value(field) != before_value,
        "the plan changed": window.document.plan != before_plan,
        "the plan is marked modified": window.document.modified,
        "the panel did not scroll instead": bar.value() == before_scroll,
        "the wheel gave the field the focus": field.hasFocus(),
    }
    return [problem for problem, happened in checks.items() if happened]


def test_the_wheel_over_an_unfocused_field_scrolls_the_panel_and_changes_nothing(qtbot, window):
    """Every field in turn, in one window: each turn must leave the plan, the field and the focus
    as they were, so none leaves a trace for the next."""
    window.resize(1366, 400)  # short: the panel scrolls
    problems = {name: unfocused_wheel_problems(window, name) for name in FIELDS}
    assert {name: found for name, found in problems.items() if found} == {}


def towards_a_new_value(field: QWidget) -> int:
    """Notches that change the field from where it is: away from the end of its range."""
    if isinstance(field, QComboBox):
        return -1 if field.currentIndex() < field.count() - 1 else 1  # down: the next entry
    if isinstance(field, QSpinBox | QDoubleSpinBox):
        return 1 if field.value() < field.maximum() else -1
    return 1  # a date or a time: the section under the cursor, the day or the hour, goes up


def focused_wheel_problems(qtbot, window, name: str) -> list[str]:
    """What a wheel turn over the field `name`, tabbed into, failed to do: nothing, or a list.
    The field and the plan are then put back as they were, for the next field."""
    field = panel_fields(window)[name]
    window.panel_scroll.ensureWidgetVisible(field)
    field.setFocus(Qt.FocusReason.TabFocusReason)  # tabbed into
    qtbot.waitUntil(field.hasFocus)
    before_value, before_plan = shown_value(field), window.document.plan
    before_index = field.currentIndex() if isinstance(field, QComboBox) else None
    turn_wheel(field, towards_a_new_value(field))
    problems = []
    if isinstance(field, QAbstractSpinBox):
        field.interpretText()
        # A number, a date or a time is applied at once; a list entry when it is chosen.
        if window.document.plan == before_plan:
            problems.append("the plan did not change")
    if shown_value(field) == before_value:
        problems.append("the field did not change")
    window.agenda.table.setFocus()  # the field is left, as before the next one is tabbed into
    undo = window.document.undo_stack
    while undo.canUndo() and window.document.plan != before_plan:
        undo.undo()
    if before_index is not None:
        field.setCurrentIndex(before_index)
    if window.document.plan != before_plan:
        problems.append("the change could not be undone")
    if shown_value(field) != before_value:
        problems.append(f"after undo the field shows {shown_value(field)!r}, not {before_value!r}")
    return problems


def test_the_wheel_over_the_focused_field_changes_it(qtbot, window):
    window.activateWindow()
    problems = {name: focused_wheel_problems(qtbot, window, name) for name in FIELDS}
    assert {name: found for name, found in problems.items() if found} == {}


def test_fields_take_the_focus_from_a_click_or_tab_not_from_the_wheel(window):
    for name, field in panel_fields(window).items():
        assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus, name


def test_the_wheel_over_a_dialog_field_changes_it_only_when_focused(qtbot, window):
    stages = (Stage("before", "Before the trip"), Stage("during", "During the stay"))
    dialog = AddItemDialog(stages, date(2027, 2, 1), window)
    qtbot.addWidget(dialog)
    dialog.has_due.setChecked(True)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.title.setFocus()
    for field in (dialog.stage, dialog.due):
        before = shown_value(field)
        turn_wheel(field, -1)
        assert shown_value(field) == before
        assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus
    dialog.activateWindow()
    dialog.due.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(dialog.due.hasFocus)
    before = shown_value(dialog.due)
    turn_wheel(dialog.due, 1)
    assert shown_value(dialog.due) != before


def field_is_in_view(win, field: QWidget) -> bool:
    """From its top to its bottom, in the panel's visible height."""
    viewport = win.panel_scroll.viewport()
    top = field.mapTo(viewport, QPoint(0, 0)).y()
    return top >= 0 and top + field.height() <= viewport.height()


def test_alt_letters_bring_their_field_into_view(qtbot, window):
    from PySide6.QtTest import QTest

    window.resize(1366, 400)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for field, key in ((window.panel.assumed.day0, Qt.Key.Key_0), (window.panel.start, Qt.Key.Key_D)):
        window.panel_scroll.verticalScrollBar().setValue(
            0 if field is window.panel.assumed.day0 else window.panel_scroll.verticalScrollBar().maximum()
        )
        assert not field_is_in_view(window, field)
        QTest.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(field.hasFocus)
        assert field_is_in_view(window, field)


def test_a_refused_value_brings_its_field_into_view(qtbot, window):
    window.resize(1366, 400)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = window.panel
    panel.travellers.setFocus()
    panel.travellers.setText("A, B, C, D, E, F, G")
    assert not window.commit_edits()
    window.panel_scroll.verticalScrollBar().setValue(window.panel_scroll.verticalScrollBar().maximum())
    window.agenda.table.setFocus()
    assert not field_is_in_view(window, panel.travellers)
    assert not window.commit_edits()  # saving, exporting… sends the family back to the field
    qtbot.waitUntil(panel.travellers.hasFocus)
    assert field_is_in_view(window, panel.travellers)


def test_the_wheel_over_the_what_if_panel_changes_nothing_until_a_field_is_focused(qtbot, window):
    """The What if panel is built when first opened, after the window's fields: it follows the
    same rule, so a wheel turn cannot change the question or its days by accident."""
    window.show_what_if()
    panel = window.what_if_panel
    assert panel is not None
    window.agenda.table.setFocus()
    for field in (panel.choice, panel.days):
        before = shown_value(field)
        turn_wheel(field, -1)
        assert shown_value(field) == before
        assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus
    panel.days.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.days.hasFocus)
    before = shown_value(panel.days)
    turn_wheel(panel.days, 1)
    assert shown_value(panel.days) != before
