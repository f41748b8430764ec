"""The "What if…" panel: a contingency and its days, what it moves and breaks, the plan left
as it is until the family applies it (one undoable step)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from carte_planner.domain.contingency import MAX_WHAT_IF_DAYS, WhatIf, request_after
from carte_planner.domain.eligibility import not_eligible
from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.planner import plan_journey
from carte_planner.domain.request import TripRequest
from carte_planner.domain.what_if import Comparison, compare
from carte_planner.i18n import tr, tr_noop
from carte_planner.i18n.dates import DATE, format_day
from carte_planner.i18n.text import count_days, say
from carte_planner.ui.document import PlanDocument

NOT_ELIGIBLE = "not-eligible"
RECOLLECT = "recollect"
# Each question: its key and its words; the days are the family's own.
CHOICES = (
    ("screening", tr_noop("Screening takes longer")),
    ("manufacturing", tr_noop("The cells are late from manufacturing")),
    (RECOLLECT, tr_noop("Manufacturing fails: cells collected and made again")),
    ("infusion", tr_noop("The infusion is later")),
    ("readmission", tr_noop("A readmission after discharge")),
    ("recovery", tr_noop("A longer recovery before the fit-to-fly check")),
    ("transplant", tr_noop("A donor transplant follows, near the hospital")),
    ("transplant-home", tr_noop("A donor transplant follows, at home")),
    (NOT_ELIGIBLE, tr_noop("Screening finds the patient not eligible")),
)


def what_if_for(choice: str, days: int) -> WhatIf:
    if choice in ("screening", "manufacturing", "infusion", "recovery"):
        return WhatIf(delays=((choice, days),))
    if choice == RECOLLECT:
        return WhatIf(recollect=True)
    if choice == "readmission":
        return WhatIf(readmission_days=days)
    return WhatIf(transplant_days=days, transplant_at_home=choice == "transplant-home")


def _day(value: object) -> str:
    return format_day(value, DATE) if value else "—"  # type: ignore[arg-type]


class WhatIfPanel(QWidget):
    """Shows the question's answer beside the agenda; the document changes only on Apply."""

    # The new date of each agenda line the question moves ({} when none is asked).
    whatIfMoves = Signal(object)
    # The question's words and what it would break, for the warnings above the views (None
    # when no question is open).
    whatIfBroken = Signal(object)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whatIfPanel")
        self.document = document
        self._after: TripRequest | None = None
        layout = QVBoxLayout(self)
        heading = QLabel(tr("What if…"))
        heading.setStyleSheet("font-weight: bold")
        note = QLabel(tr("Your own question, not a forecast: the days are yours to choose."))
        note.setWordWrap(True)
        self.choice = QComboBox()
        for key, label in CHOICES:
            self.choice.addItem(tr(label), key)
        self.choice.setAccessibleName(tr("What if…"))
        self.days = QSpinBox()
        self.days.setRange(1, MAX_WHAT_IF_DAYS)
        self.days.setValue(14)
        self.days.setAccessibleName(tr("days"))
        form = QFormLayout()
        form.addRow(self.choice)
        form.addRow(tr("days"), self.days)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        # The plan's own return date as odds, with the assumption they rest on.
        self.odds = QLabel()
        self.odds.setWordWrap(True)
        self.broken = QListWidget()
        self.broken.setAccessibleName(tr("What breaks:"))
        self.broken.setWordWrap(True)
        self.moved = QListWidget()
        self.moved.setAccessibleName(tr("Dates that move:"))
        self.apply_button = QPushButton(tr("Apply to the plan"))
        self.close_button = QPushButton(tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(self.odds)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(QLabel(tr("What breaks:")))
        layout.addWidget(self.broken, 1)
        layout.addWidget(QLabel(tr("Dates that move:")))
        layout.addWidget(self.moved, 2)
        layout.addLayout(buttons)
        self.choice.currentIndexChanged.connect(lambda _index: self.refresh())
        self.days.valueChanged.connect(lambda _value: self.refresh())
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.hide)
        document.journeyChanged.connect(self._plan_changed)

    def _plan_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.whatIfMoves.emit({})
        self.whatIfBroken.emit(None)

    def refresh(self) -> None:
        """Plan the question beside the document's plan; nothing of the document changes."""
        choice = self.choice.currentData()
        self.days.setEnabled(choice not in (RECOLLECT, NOT_ELIGIBLE))
        self.broken.clear()
        self.moved.clear()
        self._after = None
        self.whatIfMoves.emit({})
        before = self.document.journey
        self._show_odds()
        if choice == NOT_ELIGIBLE:
            path = not_eligible(before)
            self.outcome.setText(
                "\n".join(
                    (
                        tr("Earliest return: {day}").format(day=_day(path.earliest_return)),
                        tr("Lodging nights needed: {needed} of the {planned} planned").format(
                            needed=path.nights_needed, planned=path.nights_planned
                        ),
                    )
                )
            )
            self.broken.addItem(tr("No longer happens:"))
            self.broken.addItems([f"  {item.title}" for item in path.cancelled])
            self.apply_button.setEnabled(False)
            self.whatIfBroken.emit((self._question(), self.outcome.text().splitlines()))
            return
        try:
            what_if = what_if_for(choice, self.days.value())
            after = request_after(self.document.request, self.document.reference.protocol, what_if)
            comparison = compare(
                before,
                plan_journey(after, self.document.today, self.document.reference),
                what_if.transplant_days if what_if.transplant_at_home else 0,
            )
        except PlanInputError as error:
            self.outcome.setText(str(error))
            self.apply_button.setEnabled(False)
            self.whatIfBroken.emit((self._question(), [str(error)]))
            return
        self._after = after
        self._show(comparison)
        self.whatIfMoves.emit({m.key: m.new for m in comparison.moved if m.old is not None and not m.last_day})
        self.apply_button.setEnabled(after != self.document.request)
        self.whatIfBroken.emit((self._question(), [str(b.message_words) for b in comparison.broken]))

    def _question(self) -> str:
        """The question in words, with its days when it has them."""
        if not self.days.isEnabled():
            return self.choice.currentText()
        return f"{self.choice.currentText()} (+{count_days(self.days.value())})"

    def _show_odds(self) -> None:
        odds = self.document.return_odds
        self.odds.setText(
            "\n".join(
                (
                    tr("Return flight, odds: P50 {p50}, P80 {p80}, P95 {p95}").format(
                        p50=_day(odds.p50), p80=_day(odds.p80), p95=_day(odds.p95)
                    ),
                    str(odds.advice_words),
                    str(odds.assumption_words),
                )
            )
        )

    def _show(self, comparison: Comparison) -> None:
        old, new = comparison.before.summary.return_date, comparison.after.summary.return_date
        self.outcome.setText(tr("Return: {old} → {new}").format(old=_day(old), new=_day(new)))
        if comparison.broken:
            self.broken.addItems([f"! {b.message_words}" for b in comparison.broken])
        else:
            self.broken.addItem(tr("Nothing breaks."))
        if comparison.moved:
            self.moved.addItems([f"{_day(m.old)} → {_day(m.new)}  {m.title}" for m in comparison.moved])
        else:
            self.moved.addItem(tr("No date moves."))

    def apply(self) -> None:
        """The question's plan becomes the plan: one step on the undo stack."""
        if self._after is None:
            return
        label = dict(CHOICES)[self.choice.currentData()]
        self.document.change(self._after, say("What if: {question}", question=say(label)))
        self.hide()
