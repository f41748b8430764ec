"""The mouse wheel turns only the field the family is working in.

A spin box, date, time or combo box under the pointer takes the wheel by default, even when it
was never clicked: scrolling down the request panel would then move the first hospital day or
the city without anyone noticing. Here such a field takes the wheel only once it has the focus
(clicked or tabbed into); before that the wheel scrolls the panel or dialog that holds it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

FIELD_TYPES = (QAbstractSpinBox, QComboBox)


class _WheelToScrollArea(QObject):
    """Hands the wheel over an unfocused field to the scroll area around it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        area = _scroll_area_around(watched)
        if area is not None:
            QApplication.sendEvent(area.viewport(), event)
        else:
            event.ignore()  # a window without a scroll area: the wheel goes to the field's parents
        return True


_filter: _WheelToScrollArea | None = None


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def wheel_turns_focused_fields_only(root: QWidget) -> None:
    """Every spin box, date, time and combo box in `root` (a window, a dialog, a panel) takes
    the wheel only when focused, and no longer takes the focus from the wheel."""
    global _filter
    if _filter is None:
        # One filter for the whole application, parented to it so that it lives as long.
        _filter = _WheelToScrollArea(QApplication.instance())
    for field in [root, *root.findChildren(QWidget)]:
        if not isinstance(field, FIELD_TYPES):
            continue
        if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        field.removeEventFilter(_filter)  # never twice on one field
        field.installEventFilter(_filter)
