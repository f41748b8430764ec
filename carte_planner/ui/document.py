"""The open plan: one request, its journey, the selection, the file and the undo history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from carte_planner.domain.budget import Money
from carte_planner.domain.checklist import Checklist, ChecklistState, build_checklist
from carte_planner.domain.documents import Papers
from carte_planner.domain.identity import new_plan_id
from carte_planner.domain.journey import Journey
from carte_planner.domain.plan import CalendarServer, ExportRecord, Plan
from carte_planner.domain.planner import plan_journey
from carte_planner.domain.reference import Reference
from carte_planner.domain.request import TripRequest
from carte_planner.domain.return_odds import ReturnOdds, return_odds
from carte_planner.i18n.text import Words, words
from carte_planner.office_calendars import default_start
from carte_planner.storage.planfile import (
    CONTENT_LIMIT_BYTES,
    NEAR_LIMIT_BYTES,
    plan_size,
    size_refusal,
    size_warning,
)

# The journeys of the requests planned last, kept for undo, redo and a value dragged back.
KEPT_JOURNEYS = 64


class ChangePlan(QUndoCommand):
    """One edit of the plan. Consecutive edits of the same field merge into one step.
    Its name is kept as words, not text, to be read again in another language."""

    def __init__(self, document: PlanDocument, new: Plan, text: str | Words, merge_key: str | None) -> None:
        super().__init__(words(text))
        self.name = text
        self._document = document
        self._old = document.plan
        self._new = new
        self._merge_key = merge_key

    def redo(self) -> None:
        self._document._apply(self._new)

    def undo(self) -> None:
        self._document._apply(self._old)

    def id(self) -> int:
        return 1 if self._merge_key else -1

    def retranslate(self) -> None:
        self.setText(words(self.name))

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangePlan) or other._merge_key != self._merge_key:
            return False
        self._new = other._new
        return True


class PlanDocument(QObject):
    """Holds the plan being edited and re-plans at once on every change."""

    journeyChanged = Signal()
    checklistChanged = Signal()
    # After any change of either, once: for views that show both (the agenda).
    planChanged = Signal()
    # The family's documents or money changed (they never change the journey).
    papersChanged = Signal()
    selectionChanged = Signal(str)
    fileChanged = Signal()
    # A change refused because the plan would be too large, and a plan getting close to that: the
    # message, for the window to show.
    changeRefused = Signal(str)
    sizeWarned = Signal(str)

    def __init__(
        self, plan: Plan, today: date, path: Path | None = None, parent: QObject | None = None, *, reference: Reference
    ) -> None:
        super().__init__(parent)
        # The shipped data every plan of this window is made with (carte_planner/shipped.py).
        self.reference = reference
        self.undo_stack = QUndoStack(self)
        self._plan = plan
        self._today = today
        self._journeys: dict[TripRequest, Journey] = {}
        self._odds: tuple[Journey, ReturnOdds] | None = None
        self._journey = self._plan_for(plan.request)
        self._checklist = self._build_checklist()
        self._path = path
        self._selected = ""
        # A method, not a lambda: Qt drops the connection when the document goes, so the
        # stack's last signal as the window closes reaches nothing that was deleted.
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, _clean: bool) -> None:
        self.fileChanged.emit()

    # -- reading ------------------------------------------------------------------------
    @property
    def request(self) -> TripRequest:
        return self._plan.request

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def journey(self) -> Journey:
        return self._journey

    @property
    def checklist(self) -> Checklist:
        return self._checklist

    @property
    def return_odds(self) -> ReturnOdds:
        """The return date's odds for the journey on screen, worked out once per journey: the
        summary, the timeline and the What if panel all show them."""
        journey, odds = self._odds if self._odds is not None else (None, None)
        if journey is not self._journey or odds is None:
            odds = return_odds(self._journey, self.reference.protocol)
            self._odds = (self._journey, odds)
        return odds

    def _build_checklist(self) -> Checklist:
        return build_checklist(self._journey, self.reference.checklist_template, self._plan.checklist)

    @property
    def today(self) -> date:
        return self._today

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def selected(self) -> str:
        return self._selected

    def _plan_for(self, request: TripRequest) -> Journey:
        """Plan a request once: undo, redo, the check before an edit and a value dragged back
        and forth reuse the journey. The journeys used last are kept, the oldest dropped."""
        journey = self._journeys.pop(request, None)
        if journey is None:
            journey = plan_journey(request, self._today, self.reference)
            if len(self._journeys) >= KEPT_JOURNEYS:
                del self._journeys[next(iter(self._journeys))]
        self._journeys[request] = journey
        return journey

    # -- editing ------------------------------------------------------------------------
    def change(self, new: TripRequest, text: str | Words, merge_key: str | None = None) -> None:
        """Make `new` the request through the undo stack. The caller has built `new` through
        TripRequest, so it is valid; the planner may still refuse it (an unknown city)."""
        if new == self.request:
            return
        self._plan_for(new)  # refuse before anything changes
        self.undo_stack.push(ChangePlan(self, replace(self._plan, request=new), text, merge_key))

    def change_checklist(self, state: ChecklistState, text: str | Words, merge_key: str | None = None) -> bool:
        """Notes and item details have no length of their own: only the plan file's limit, which
        refuses the change at once (the plan stays as it was) instead of cutting anything later.
        False when refused."""
        if state == self._plan.checklist:
            return True
        new = replace(self._plan, checklist=state)
        size = plan_size(new)
        # Only more of the family's text is refused over the limit: ticks, and notes made shorter,
        # always go through.
        if size > CONTENT_LIMIT_BYTES and _text_length(state) > _text_length(self._plan.checklist):
            self.changeRefused.emit(size_refusal(size))
            return False
        self.undo_stack.push(ChangePlan(self, new, text, merge_key))
        if size > NEAR_LIMIT_BYTES:
            self.sizeWarned.emit(size_warning(size))
        return True

    def change_papers(self, papers: Papers, text: str | Words) -> None:
        if papers != self._plan.papers:
            self.undo_stack.push(ChangePlan(self, replace(self._plan, papers=papers), text, None))

    def change_money(self, money: Money, text: str | Words) -> None:
        if money != self._plan.money:
            self.undo_stack.push(ChangePlan(self, replace(self._plan, money=money), text, None))

    def _apply(self, plan: Plan) -> None:
        # What calendar exports and publishing wrote is outside the undo history: undoing an edit must not
        # make the next export forget events that are already in the user's calendar.
        plan = replace(plan, exported=self._plan.exported, server=self._plan.server)
        replanned = plan.request != self._plan.request
        papers = (plan.papers, plan.money) != (self._plan.papers, self._plan.money)
        self._plan = plan
        if replanned:
            self._journey = self._plan_for(plan.request)
        checklist = self._build_checklist()
        changed = checklist != self._checklist
        self._checklist = checklist
        if replanned:
            self.journeyChanged.emit()
        if changed:
            self.checklistChanged.emit()
        if replanned or changed:
            self.planChanged.emit()
        if papers:
            self.papersChanged.emit()

    def replace_plan(self, plan: Plan, path: Path | None) -> None:
        """Open another plan (New, Open): a fresh history, nothing to save yet."""
        self._plan = plan
        self._path = path
        self._journey = self._plan_for(plan.request)
        self._checklist = self._build_checklist()
        self._selected = ""
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.journeyChanged.emit()
        self.checklistChanged.emit()
        self.planChanged.emit()
        self.papersChanged.emit()
        self.fileChanged.emit()

    def retranslate(self) -> None:
        """The window speaks another language: the journey's words (its notices, holidays and
        checklist) are worked out again in it. The plan, its file and its history stay."""
        self._journeys.clear()
        self._odds = None
        self._journey = self._plan_for(self._plan.request)
        self._checklist = self._build_checklist()
        self._name_steps()
        self.journeyChanged.emit()
        self.checklistChanged.emit()
        self.planChanged.emit()

    def _name_steps(self) -> None:
        """Every step of the history named again, in the current language. The stack tells
        the Undo and Redo actions only of steps done or undone, so they are told here."""
        stack = self.undo_stack
        for index in range(stack.count()):
            command = stack.command(index)
            if isinstance(command, ChangePlan):
                command.retranslate()
        stack.undoTextChanged.emit(stack.undoText())
        stack.redoTextChanged.emit(stack.redoText())

    def record_export(self, record: ExportRecord, language: str = "") -> None:
        """Remember what a calendar export wrote, and in which language, for the next one; the
        plan then needs saving."""
        language = language or self._plan.calendar_language
        if (record, language) != (self._plan.exported, self._plan.calendar_language):
            self._plan = replace(self._plan, exported=record, calendar_language=language)
            self.mark_unsaved()

    def record_relatives(self, server: CalendarServer) -> None:
        """Remember what is on the relatives' calendar; the plan then needs saving."""
        if server != self._plan.relatives:
            self._plan = replace(self._plan, relatives=server)
            self.mark_unsaved()

    def set_calendar_language(self, language: str) -> None:
        """The language the plan's calendar events are written in from now on."""
        if language != self._plan.calendar_language:
            self._plan = replace(self._plan, calendar_language=language)
            self.mark_unsaved()

    def record_publish(self, server: CalendarServer, language: str = "") -> None:
        """Remember what is on the calendar server, and in which language, for the next publish;
        the plan then needs saving."""
        language = language or self._plan.calendar_language
        if (server, language) != (self._plan.server, self._plan.calendar_language):
            self._plan = replace(self._plan, server=server, calendar_language=language)
            self.mark_unsaved()

    def mark_saved(self, path: Path) -> None:
        self._path = path
        self.undo_stack.setClean()
        self.fileChanged.emit()

    def mark_unsaved(self) -> None:
        """A plan restored without its file still needs saving."""
        self.undo_stack.resetClean()
        self.fileChanged.emit()

    def select(self, key: str) -> None:
        """Select an agenda line (an item key, or `series#N` for one visit) in every view."""
        if key != self._selected:
            self._selected = key
            self.selectionChanged.emit(key)


def _text_length(state: ChecklistState) -> int:
    """How much the family wrote into the checklist: notes, own items' titles and details."""
    return sum(len(note) for _key, note in state.notes) + sum(len(i.title) + len(i.details) for i in state.added)


def default_plan(today: date, home_tz: str, reference: Reference) -> Plan:
    """The plan on screen before the user has entered anything: the first working day in China
    eight weeks from today, in Shanghai, typical scenario."""
    start = default_start(today, reference.calendars)
    return Plan(TripRequest(start=start, city="shanghai", home_tz=home_tz), new_plan_id())
