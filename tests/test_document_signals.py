"""What the open plan tells the views, and in which order: every view redraws from these
signals, so a signal missing, doubled into a second redraw of stale data, or sent before the
plan it announces is in place shows the family a wrong or half-updated plan."""

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.ui import document as document_module
from carte_planner.ui.document import PlanDocument
from tests.journeys import REFERENCE, TODAY

REQUEST = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin")
SIGNALS = (
    "journeyChanged",
    "checklistChanged",
    "planChanged",
    "papersChanged",
    "selectionChanged",
    "fileChanged",
    "changeRefused",
    "sizeWarned",
)


@dataclass(frozen=True)
class Heard:
    """One signal, with what a view reading the document in its slot would find."""

    name: str
    arguments: tuple
    request: TripRequest
    journey_request: TripRequest
    checklist_done: frozenset[str]
    modified: bool
    path: Path | None


class Listener:
    def __init__(self, document: PlanDocument) -> None:
        self.document = document
        self.heard: list[Heard] = []
        for name in SIGNALS:
            getattr(document, name).connect(lambda *arguments, name=name: self._hear(name, arguments))

    def _hear(self, name: str, arguments: tuple) -> None:
        document = self.document
        done = frozenset(entry.key for entry in document.checklist.entries if entry.done)
        self.heard.append(
            Heard(
                name,
                arguments,
                document.request,
                document.journey.request,
                done,
                document.modified,
                document.path,
            )
        )

    def names(self) -> list[str]:
        """The signals in order; `fileChanged` twice in a row counts once (the undo stack's clean
        state and the document both announce a save: a title bar redrawn twice shows the same)."""
        names: list[str] = []
        for heard in self.heard:
            if not (names and heard.name == names[-1] == "fileChanged"):
                names.append(heard.name)
        return names

    def take(self) -> list[str]:
        names = self.names()
        self.heard.clear()
        return names


@pytest.fixture
def document(qapp):
    return PlanDocument(Plan(REQUEST, "plan-signals"), TODAY, reference=REFERENCE)


@pytest.fixture
def listener(document):
    return Listener(document)


def later(request: TripRequest, days: int = 7) -> TripRequest:
    return replace(request, start=date.fromordinal(request.start.toordinal() + days))


def test_an_edit_replans_then_says_the_plan_needs_saving(document, listener):
    new = later(REQUEST)
    document.change(new, "Start", "start")
    assert listener.names() == ["journeyChanged", "checklistChanged", "planChanged", "fileChanged"]
    # Each view reads the new journey and the checklist dated from it, whichever signal it hears.
    assert all(h.request == h.journey_request == new for h in listener.heard)
    assert [h.modified for h in listener.heard if h.name == "fileChanged"] == [True]


def test_a_second_edit_of_the_same_field_replans_without_a_new_file_state(document, listener):
    document.change(later(REQUEST), "Start", "start")
    listener.take()
    document.change(later(REQUEST, 14), "Start", "start")
    assert listener.names() == ["journeyChanged", "checklistChanged", "planChanged"]
    assert document.undo_stack.count() == 1  # merged into one step


def test_a_replan_that_leaves_every_checklist_date_says_nothing_about_the_checklist(document, listener):
    document.change(later(REQUEST), "Start", "start")
    listener.take()
    flight = replace(document.request, flight_hours=14.0)
    document.change(flight, "Flight")
    assert listener.names() == ["journeyChanged", "planChanged"]
    assert all(h.journey_request == flight for h in listener.heard)


def test_an_edit_that_changes_nothing_sends_nothing(document, listener):
    document.change(REQUEST, "Start", "start")
    document.select("")
    assert listener.heard == []


def test_undo_and_redo_replan_and_follow_the_saved_state(document, listener):
    new = later(REQUEST)
    document.change(new, "Start", "start")
    listener.take()

    document.undo_stack.undo()
    assert listener.names() == ["journeyChanged", "checklistChanged", "planChanged", "fileChanged"]
    assert all(h.journey_request == REQUEST for h in listener.heard)
    assert [h.modified for h in listener.heard if h.name == "fileChanged"] == [False]
    listener.take()

    document.undo_stack.redo()
    assert listener.names() == ["journeyChanged", "checklistChanged", "planChanged", "fileChanged"]
    assert all(h.journey_request == new for h in listener.heard)
    assert [h.modified for h in listener.heard if h.name == "fileChanged"] == [True]


def test_a_tick_changes_the_checklist_and_not_the_journey(document, listener):
    state = document.plan.checklist.with_done("records-pathology", True)
    assert document.change_checklist(state, "Tick")
    assert listener.names() == ["checklistChanged", "planChanged", "fileChanged"]
    assert all("records-pathology" in h.checklist_done for h in listener.heard)
    listener.take()
    document.undo_stack.undo()
    assert listener.names() == ["checklistChanged", "planChanged", "fileChanged"]
    assert all("records-pathology" not in h.checklist_done for h in listener.heard)


def test_papers_change_only_the_papers(document, listener):
    document.change_papers(document.plan.papers.with_state("passport", "requested"), "Papers")
    assert listener.names() == ["papersChanged", "fileChanged"]
    listener.take()
    document.undo_stack.undo()
    assert listener.names() == ["papersChanged", "fileChanged"]


def test_saving_says_so_once_the_plan_is_clean_and_has_its_path(document, listener, tmp_path):
    document.change(later(REQUEST), "Start", "start")
    listener.take()
    path = tmp_path / "trip.carteplan"
    document.mark_saved(path)
    assert listener.names() == ["fileChanged"]
    last = listener.heard[-1]
    assert (last.modified, last.path) == (False, path)
    listener.take()
    # Saved again under another name, with nothing changed: the path still changes.
    other = tmp_path / "copy.carteplan"
    document.mark_saved(other)
    assert listener.names() == ["fileChanged"]
    assert listener.heard[-1].path == other


def test_opening_a_plan_announces_everything_after_it_is_in_place(document, listener, tmp_path):
    document.change(later(REQUEST), "Start", "start")
    listener.take()
    opened = replace(REQUEST, city="guangzhou")
    path = tmp_path / "opened.carteplan"
    document.replace_plan(Plan(opened, "plan-opened"), path)
    names = listener.names()
    # The edited plan's history is dropped first (its clean state), then the new plan's signals.
    assert names[-5:] == ["journeyChanged", "checklistChanged", "planChanged", "papersChanged", "fileChanged"]
    assert set(names[:-5]) <= {"fileChanged"}
    seen = {(h.request, h.journey_request, h.path, h.modified) for h in listener.heard}
    assert seen == {(opened, opened, path, False)}
    assert not document.undo_stack.canUndo()


def test_selecting_announces_the_key_once(document, listener):
    document.select("phase:screening")
    document.select("phase:screening")
    assert [(h.name, h.arguments) for h in listener.heard] == [("selectionChanged", ("phase:screening",))]
    listener.take()
    document.replace_plan(Plan(REQUEST, "plan-other"), None)
    assert document.selected == ""
    assert "selectionChanged" not in listener.names()


def test_recording_an_export_or_a_publish_only_asks_for_a_save(document, listener):
    from carte_planner.domain.plan import CalendarServer, ExportRecord

    document.record_export(ExportRecord(), "ru")
    assert listener.take() == ["fileChanged"]
    assert document.modified
    document.record_publish(CalendarServer(url="http://127.0.0.1/", user="family"))
    assert listener.take() == ["fileChanged"]


def test_a_change_over_the_size_limit_is_refused_and_the_plan_stays(document, listener, monkeypatch):
    from carte_planner.storage.planfile import plan_size, size_refusal, size_warning

    size = plan_size(document.plan)
    monkeypatch.setattr(document_module, "CONTENT_LIMIT_BYTES", size + 10)
    monkeypatch.setattr(document_module, "NEAR_LIMIT_BYTES", size + 5)
    before = document.plan
    too_long = before.checklist.with_note("travel-insurance", "x" * 100)
    assert not document.change_checklist(too_long, "Note")
    refused = size_refusal(plan_size(replace(before, checklist=too_long)))
    assert [(h.name, h.arguments) for h in listener.heard] == [("changeRefused", (refused,))]
    assert document.plan == before
    listener.take()

    near = before.checklist.with_note("travel-insurance", "x")
    monkeypatch.setattr(document_module, "CONTENT_LIMIT_BYTES", size + 1000)
    assert document.change_checklist(near, "Note")
    # The change goes through and is drawn first; the warning about the size comes after it.
    assert listener.names() == ["checklistChanged", "planChanged", "fileChanged", "sizeWarned"]
    assert listener.heard[-1].arguments == (size_warning(plan_size(document.plan)),)
