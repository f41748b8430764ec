"""The legend: what each colour on the calendar and the timeline means."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from carte_planner.domain.journey import Category
from carte_planner.i18n import tr
from carte_planner.ui.palette import category_colour, category_name


def _unbroken(name: str) -> str:
    name = name.replace(" ", "&nbsp;").replace("-", "&#8209;")
    if any("\u4e00" <= char <= "\u9fff" for char in name):
        name = "\u2060".join(name)
    return name


class Legend(QLabel):
    """The colours and their names as one wrapping line of text: it reflows to any width, so
    it never sets the window's minimum width, and a screen reader reads it as a sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        shown = [category for category in Category if category is not Category.CHECKLIST]
        entries = [
            f"<span style='color:{category_colour(category).name()}'>■</span>&nbsp;"
            # No break inside an entry: non-breaking spaces and hyphens, and word joiners
            # between Chinese characters (公共假日 stays whole).
            + _unbroken(html.escape(category_name(category)))
            for category in shown
        ]
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(" &nbsp; ".join(entries))
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("Legend of colours"))
        self.setAccessibleDescription(", ".join(category_name(category) for category in shown))

    def resizeEvent(self, event) -> None:
        # A tab page does not pass height-for-width on: the legend sets its own height, as
        # many lines as its width needs and no more.
        super().resizeEvent(event)
        height = self.heightForWidth(event.size().width())
        if height > 0 and height != self.height():
            self.setFixedHeight(height)
