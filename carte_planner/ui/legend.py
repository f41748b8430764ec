"""The legend: what each colour on the calendar and the timeline means."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from carte_planner.domain.journey import Category
from carte_planner.ui.palette import category_colour, category_name

COLUMNS = 4


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        size = self.fontMetrics().height()
        shown = [category for category in Category if category is not Category.CHECKLIST]
        for index, category in enumerate(shown):
            entry = QHBoxLayout()
            swatch = QLabel()
            pixmap = QPixmap(QSize(size, size))
            pixmap.fill(category_colour(category))
            swatch.setPixmap(pixmap)
            entry.addWidget(swatch)
            entry.addWidget(QLabel(category_name(category)), 1)
            grid.addLayout(entry, index // COLUMNS, index % COLUMNS)
        self.setAccessibleName(self.tr("Legend of colours"))
