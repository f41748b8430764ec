"""Category colours and names, shared by every view and the legend."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from carte_planner.domain.journey import Category

# Mid-tone colours that stay distinct on light and dark backgrounds and for the common
# colour-vision deficiencies (after the Okabe–Ito palette).
_COLOURS = {
    Category.PREPARATION: "#009E73",
    Category.VISA: "#8E5BB5",
    Category.FLIGHT: "#0072B2",
    Category.ACCOMMODATION: "#8C7B6B",
    Category.PHASE: "#E69F00",
    Category.MILESTONE: "#D55E00",
    Category.OUTPATIENT_VISIT: "#56B4E9",
    Category.HOME_FOLLOWUP: "#6B8E23",
    Category.CHECKLIST: "#6E6E6E",
}


def category_colour(category: Category) -> QColor:
    return QColor(_COLOURS[category])


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background` (WCAG relative luminance)."""

    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    luminance = (
        0.2126 * channel(background.red()) + 0.7152 * channel(background.green()) + 0.0722 * channel(background.blue())
    )
    return QColor("#000000") if luminance > 0.22 else QColor("#FFFFFF")


def category_name(category: Category) -> str:
    names = {
        Category.PREPARATION: QCoreApplication.translate("Category", "Preparation"),
        Category.VISA: QCoreApplication.translate("Category", "Visa and papers"),
        Category.FLIGHT: QCoreApplication.translate("Category", "Flight"),
        Category.ACCOMMODATION: QCoreApplication.translate("Category", "Accommodation"),
        Category.PHASE: QCoreApplication.translate("Category", "Treatment phase"),
        Category.MILESTONE: QCoreApplication.translate("Category", "Milestone"),
        Category.OUTPATIENT_VISIT: QCoreApplication.translate("Category", "Outpatient visit"),
        Category.HOME_FOLLOWUP: QCoreApplication.translate("Category", "Follow-up at home"),
        Category.CHECKLIST: QCoreApplication.translate("Category", "Checklist"),
    }
    return names[category]
