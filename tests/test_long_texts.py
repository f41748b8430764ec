"""Long notes and item details are kept whole, character for character; the only limit is the
plan file's, which refuses a change at once, warns before it is reached, and leaves room for
what an export adds."""

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.checklist_state import ChecklistState, CustomItem
from carte_planner.domain.plan import Plan
from carte_planner.storage.planfile import CONTENT_LIMIT_BYTES, MAX_FILE_BYTES, load_plan, plan_size, save_plan
from tests.journeys import REFERENCE

REQUEST = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin")


def long_note(length: int) -> str:
    """A pasted note whose last line matters: the deposit deadline."""
    last = "\nDeposit deadline: pay the apartment deposit by 15 February."
    line = "Ask the coordinator about the apartment near the hospital, the deposit and the lease. "
    body = (line * (length // len(line) + 1))[: length - len(last)]
    return body + last


def test_a_3457_character_note_typed_in_the_window_is_saved_and_reopened_whole(qtbot, window, tmp_path):
    note = long_note(3457)
    window.tabs.setCurrentWidget(window.checklist)
    model = window.checklist.model
    entry = model.entry(model.index(0, 0, model.index(0, 0)))
    index = model.index_of(entry.key).siblingAtColumn(model.NOTE)
    assert model.setData(index, note, Qt.ItemDataRole.EditRole)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == note
    path = tmp_path / "trip.carteplan"
    save_plan(path, window.document.plan)
    reopened = load_plan(path, REFERENCE).checklist.note(entry.key)
    assert len(reopened) == 3457
    assert reopened.endswith("by 15 February.")


def test_details_of_2515_characters_reopen_whole_and_the_next_save_keeps_them(tmp_path):
    details = long_note(2515)
    state = ChecklistState().with_added(CustomItem("custom:1", "before", "Apartment", date(2027, 2, 1), details))
    path = tmp_path / "trip.carteplan"
    save_plan(path, Plan(REQUEST, "plan-long", checklist=state))
    save_plan(path, load_plan(path, REFERENCE))
    assert load_plan(path, REFERENCE).checklist.added[0].details == details


def near_limit_plan(margin: int) -> Plan:
    """A plan whose file is `margin` bytes under the content limit."""
    plan = Plan(REQUEST, "plan-big")
    # Each "x" takes one byte: the size of the plan with a short note gives the note's length.
    short = replace(plan, checklist=ChecklistState().with_note("passport-1", "x"))
    filler = CONTENT_LIMIT_BYTES - margin - (plan_size(short) - 1)
    return replace(plan, checklist=ChecklistState().with_note("passport-1", "x" * filler))


def test_a_plan_at_its_limit_still_opens_after_exports(capsys, tmp_path):
    plan = near_limit_plan(10)
    assert CONTENT_LIMIT_BYTES - 10 - 4 <= plan_size(plan) <= CONTENT_LIMIT_BYTES
    path = tmp_path / "trip.carteplan"
    save_plan(path, plan)
    for turn in range(3):
        assert main(["export", "--plan", str(path), "-o", str(tmp_path / f"j{turn}.ics")]) == 0
    capsys.readouterr()
    assert path.stat().st_size > CONTENT_LIMIT_BYTES  # the export's record was added
    assert path.stat().st_size < MAX_FILE_BYTES
    assert load_plan(path, REFERENCE).checklist.note("passport-1") == plan.checklist.note("passport-1")
    assert main(["plan", "--plan", str(path)]) == 0


def test_a_note_that_would_pass_the_limit_is_refused_at_once_and_one_near_it_is_warned(qtbot, window, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_args: said.append(text))
    document = window.document
    state = document.plan.checklist
    assert not document.change_checklist(state.with_note("passport-1", "x" * CONTENT_LIMIT_BYTES), "note")
    assert document.plan.checklist == state
    assert len(said) == 1
    assert "more than the 5 MB" in said[0]
    assert "Nothing was changed" in said[0]
    assert document.change_checklist(state.with_note("passport-1", "x" * 4_200_000), "note")
    assert "close to the 5 MB" in window.statusBar().currentMessage()


def test_a_plan_over_the_limit_still_takes_ticks_and_shorter_notes(qtbot, window, monkeypatch):
    document = window.document
    big = replace(document.plan, checklist=document.plan.checklist.with_note("passport-1", "x" * 5_100_000))
    document.replace_plan(big, None)
    state = document.plan.checklist
    assert document.change_checklist(state.with_done("visa-1", True), "tick")
    assert document.change_checklist(document.plan.checklist.with_note("passport-1", "x" * 5_050_000), "note")
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_args: said.append(text))
    assert not document.change_checklist(document.plan.checklist.with_note("visa-1", "more"), "note")
    assert len(said) == 1


def test_a_note_pasted_into_its_cell_is_not_cut_at_32767_characters(qtbot, window):
    from PySide6.QtWidgets import QLineEdit

    note = long_note(40_010)
    window.tabs.setCurrentWidget(window.checklist)
    tree, model = window.checklist.tree, window.checklist.model
    entry = model.entry(model.index(0, 0, model.index(0, 0)))
    index = model.index_of(entry.key).siblingAtColumn(model.NOTE)
    tree.setCurrentIndex(index)
    tree.edit(index)
    editor = tree.indexWidget(index) or tree.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.insert(note)  # as a paste does
    tree.commitData(editor)  # what leaving the cell or pressing Enter does
    assert window.document.plan.checklist.note(entry.key) == note


def test_details_pasted_into_a_new_item_are_not_cut(qtbot, window):
    from carte_planner.ui.checklist_panel import AddItemDialog

    details = long_note(40_010)
    dialog = AddItemDialog(window.document.checklist.stages, window.document.today, window)
    qtbot.addWidget(dialog)
    dialog.title.setText("Apartment")
    dialog.details.insert(details)
    assert dialog.item("custom:1").details == details
