"""The legend: what each colour on the calendar and the timeline means."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from carte_planner.domain.journey import Category
from carte_planner.ui.palette import category_colour, category_name


class Legend(QLabel):
    """The colours and their names as one wrapping line of text: it reflows to any width, so
    it never sets the window's minimum width, and a screen reader reads it as a sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        shown = [category for category in Category if category is not Category.CHECKLIST]
        entries = [
            f"<span style='color:{category_colour(category).name()}'>■</span>&nbsp;"
            + html.escape(category_name(category)).replace(" ", "&nbsp;")
            for category in shown
        ]
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(" &nbsp; ".join(entries))
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Legend of colours"))
        self.setAccessibleDescription(", ".join(category_name(category) for category in shown))
