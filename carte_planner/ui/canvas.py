"""What the painted views share: a click selects the line under the mouse, a hover explains it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QToolButton, QToolTip, QWidget

from carte_planner.domain.journey import Occurrence
from carte_planner.ui.dates import span_text
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.plain_text import as_text


class JourneyCanvas:
    """Mixed into the month grid and the timeline (before QWidget), which provide `document`
    and `line_at(x, y)`: the line drawn at a point, or None."""

    document: PlanDocument
    line_at: Callable[[float, float], Occurrence | None]
    day_at: Callable[[float, float], date | None]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        line = self.line_at(event.position().x(), event.position().y())
        if line is not None:
            self.document.select(line.key)
        self._widget().setFocus()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            x, y = event.pos().x(), event.pos().y()
            line = self.line_at(x, y)
            day = self.day_at(x, y)
            lines = [h.label for h in self.document.journey.holidays_on(day)] if day is not None else []
            if line is not None:
                lines.insert(0, f"{line.title}\n{span_text(line.day, line.end)}")
            if lines:
                QToolTip.showText(event.globalPos(), as_text("\n".join(lines)), self._widget())
            else:
                QToolTip.hideText()
            return True
        return QWidget.event(self._widget(), event)

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self


def tool_button(text: str, tip: str, accessible_name: str) -> QToolButton:
    """A small button of a view's own bar (month arrows, zoom), named for screen readers."""
    button = QToolButton()
    button.setText(text)
    if tip:
        button.setToolTip(tip)
    button.setAccessibleName(accessible_name)
    return button
