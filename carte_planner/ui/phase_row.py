"""One treatment phase in the request panel: its length, the guide's range, confirmed, reset."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QSpinBox, QToolButton

from carte_planner.domain.item_keys import phase_key
from carte_planner.i18n import ntr, tr, tr_noop
from carte_planner.i18n.text import say
from carte_planner.ui.counted import counted_suffix
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.fields import show_value
from carte_planner.ui.palette import warning_text
from carte_planner.ui.step_names import step

if TYPE_CHECKING:
    from carte_planner.ui.request_panel import RequestPanel


class PhaseRow:
    """One phase: its length in days, the guide's range beside it, confirmed and reset."""

    def __init__(self, panel: RequestPanel, grid: QGridLayout, row: int, key: str) -> None:
        spec = panel.document.reference.protocol.phase(key)
        title = tr(spec.title)
        self.title_words = say(spec.title)
        self.key = key
        self.panel = panel
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        counted_suffix(self.days, lambda n: ntr(" day", " days", n))
        self.days.setKeyboardTracking(False)
        self.days.setAccessibleName(tr("Length of %1 in days").replace("%1", title))
        self.title.setBuddy(self.days)
        self.range = QLabel(
            tr("usual %1–%2 days (%3)")
            .replace("%1", str(spec.min_days))
            .replace("%2", str(spec.max_days))
            .replace("%3", tr(spec.range_text))
        )
        self.range.setObjectName("phaseRange")
        self.range.setWordWrap(True)
        self.confirmed = QCheckBox(tr("Confirmed by the hospital"))
        self.confirmed.setAccessibleName(tr("%1 confirmed by the hospital").replace("%1", title))
        self.reset = QToolButton()
        self.reset.setText("↺")
        self.reset.setToolTip(tr("Back to the scenario's length"))
        self.reset.setAccessibleName(tr("Reset %1 to the scenario's length").replace("%1", title))
        grid.addWidget(self.title, row, 0, 1, 3)
        grid.addWidget(self.days, row + 1, 0)
        grid.addWidget(self.reset, row + 1, 1)
        grid.addWidget(self.range, row + 1, 2)
        grid.addWidget(self.confirmed, row + 2, 0, 1, 3)
        self.days.valueChanged.connect(self._changed)
        self.reset.clicked.connect(self._reset)
        self.confirmed.toggled.connect(self._confirm)

    def _changed(self, days: int) -> None:
        self.panel.commit(
            lambda r: r.with_phase_length(self.key, days),
            step(tr_noop("Change length of %1"), self.title_words),
            merge_key=phase_key(self.key),
        )

    def _reset(self) -> None:
        self.panel.commit(lambda r: r.with_phase_length(self.key, None), say("Reset phase length"))

    def _confirm(self, checked: bool) -> None:
        self.panel.commit(
            lambda r: r.with_confirmed(phase_key(self.key), checked),
            say("Mark phase as confirmed") if checked else say("Mark phase as estimated"),
        )

    def refresh(self, document: PlanDocument) -> None:
        spec = document.reference.protocol.phase(self.key)
        lengths = dict(document.journey.summary.phase_lengths)
        own = document.request.phase_length(self.key)
        with QSignalBlocker(self.days), QSignalBlocker(self.confirmed):
            show_value(self.days, lengths[self.key])
            self.confirmed.setChecked(phase_key(self.key) in document.request.confirmed)
        self.reset.setEnabled(own is not None)
        outside = not spec.min_days <= lengths[self.key] <= spec.max_days
        colour = warning_text(self.range.palette()).name()
        style = f"QLabel {{ color: {colour}; font-weight: bold; }}" if outside else ""
        text = ("⚠ " if outside else "") + tr("usual %1–%2 days (%3)").replace("%1", str(spec.min_days)).replace(
            "%2", str(spec.max_days)
        ).replace("%3", tr(spec.range_text))
        # Set only what changed: each change re-lays out the panel.
        if self.range.styleSheet() != style:
            self.range.setStyleSheet(style)
        if self.range.text() != text:
            self.range.setText(text)
            self.range.setToolTip(tr("Outside the guide's usual range: kept as you set it.") if outside else "")
