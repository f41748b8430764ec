"""The top of the window: the journey in one paragraph, the estimate note and the notices."""

from __future__ import annotations

import html

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from carte_planner.ui.dates import medium_date
from carte_planner.ui.document import PlanDocument


class SummaryBar(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Summary of the journey"))
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.notices.setTextFormat(Qt.TextFormat.RichText)
        self.notices.setObjectName("notices")
        self.notices.setFrameShape(QFrame.Shape.StyledPanel)
        self.notices.setAccessibleName(self.tr("Warnings and things to check"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.notices)
        document.journeyChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        journey = self.document.journey
        summary = journey.summary
        request = journey.request
        low, high = summary.clearance_range
        scenario = {"shortest": self.tr("shortest"), "typical": self.tr("typical"), "longest": self.tr("longest")}[
            request.scenario.value
        ]
        facts = [
            self.tr("<b>%1</b> · %2 scenario")
            .replace("%1", html.escape(journey.city.label, quote=False))
            .replace("%2", scenario),
            self.tr("First hospital day <b>%1</b>").replace("%1", medium_date(request.start)),
            self.tr("Day 0 (infusion) <b>%1</b>").replace("%1", medium_date(journey.day_zero)),
            self.tr("Fit-to-fly check about <b>%1</b> (between %2 and %3)")
            .replace("%1", medium_date(summary.clearance))
            .replace("%2", medium_date(low))
            .replace("%3", medium_date(high)),
            self.tr("%1 days in China, %2 in hospital, %3 weeks from the first hospital day to the check")
            .replace("%1", str(summary.days_in_china))
            .replace("%2", str(summary.inpatient_days))
            .replace("%3", QLocale().toString(summary.weeks_to_clearance, "f", 1)),
        ]
        note = html.escape(journey.estimate_note, quote=False)
        self.summary.setText(" · ".join(facts) + f"<br><i>{note}</i>")
        lines = []
        for notice in sorted(journey.notices, key=lambda n: n.severity != "warning"):
            mark = "⚠" if notice.severity == "warning" else "ℹ"
            lines.append(f"{mark} {html.escape(notice.message, quote=False)}")
        self.notices.setVisible(bool(lines))
        self.notices.setText("<br>".join(lines))
        has_warning = any(n.severity == "warning" for n in journey.notices)
        self.notices.setProperty("severity", "warning" if has_warning else "check")
        self.notices.style().unpolish(self.notices)
        self.notices.style().polish(self.notices)
