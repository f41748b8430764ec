"""The checklist in the window: ticks, notes, own items, printing and the agenda."""

from datetime import date

import pytest
import vobject
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from carte_planner.domain.checklist import CustomItem
from carte_planner.ui.agenda_model import AgendaModel
from carte_planner.ui.checklist_panel import AddItemDialog, ChecklistModel


@pytest.fixture
def window(window):
    """The window with its checklist tab in front, as a user ticking items has it."""
    window.tabs.setCurrentWidget(window.checklist)
    return window


def entry_index(panel, key):
    index = panel.model.index_of(key)
    assert index.isValid(), key
    return index


def test_stages_are_grouped_and_overdue_items_highlighted(window):
    model = window.checklist.model
    assert model.rowCount() == 9
    first = model.data(model.index(0, 0))
    assert first.startswith("Ask your hospital")
    # Today is 2027-01-04 in these tests; the records are due 2027-01-06: not yet overdue.
    records = entry_index(window.checklist, "records-pathology")
    due = model.data(records.siblingAtColumn(ChecklistModel.DUE))
    assert "6" in due
    assert not due.startswith("⚠")
    window.panel.start.setDate(QDate(2027, 2, 1))  # now the records were due weeks ago
    records = entry_index(window.checklist, "records-pathology")
    assert model.data(records.siblingAtColumn(ChecklistModel.DUE)).startswith("⚠")
    assert model.data(records, Qt.ItemDataRole.ForegroundRole) is not None


def test_ticking_and_noting_survive_replanning_and_undo(window):
    panel = window.checklist
    index = entry_index(panel, "admission-packing")
    assert panel.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    note = entry_index(panel, "admission-packing").siblingAtColumn(ChecklistModel.NOTE)
    assert panel.model.setData(note, "Blue suitcase", Qt.ItemDataRole.EditRole)
    window.panel.phase_rows[1].days.setValue(28)  # re-plan: the due date moves
    entry = window.document.checklist.entry("admission-packing")
    assert entry.done
    assert entry.note == "Blue suitcase"
    assert entry.due == date(2027, 4, 6)
    assert "(1/1)" in panel.model.data(panel.model.index(6, 0))
    window.undo_action.trigger()  # the phase length
    window.undo_action.trigger()  # the note
    assert window.document.checklist.entry("admission-packing").note == ""
    assert window.document.checklist.entry("admission-packing").done


def test_adding_removing_and_restoring_items(window, monkeypatch):
    panel = window.checklist

    def fill(dialog):
        dialog.title.setText("Bring the blue folder")
        dialog.stage.setCurrentIndex(dialog.stage.findData("travel"))
        dialog.has_due.setChecked(True)
        dialog.due.setDate(QDate(2027, 2, 20))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddItemDialog, "exec", fill)
    item = panel.add_item()
    assert item == CustomItem("custom:1", "travel", "Bring the blue folder", date(2027, 2, 20), "")
    assert window.document.checklist.entry("custom:1").title == "Bring the blue folder"
    panel.tree.setCurrentIndex(entry_index(panel, "local-phone"))
    panel.remove_button.click()
    assert "local-phone" not in {e.key for e in window.document.checklist.entries}
    assert panel.restore_button.isEnabled()
    assert panel.restore_button.text() == "Restore 1 removed item"
    panel.restore_button.click()
    assert "local-phone" in {e.key for e in window.document.checklist.entries}
    panel.tree.setCurrentIndex(entry_index(panel, "custom:1"))
    panel.remove_button.click()
    assert window.document.plan.checklist.added == ()


def test_the_add_dialog_needs_a_title(qtbot):
    from carte_planner.resources import load_checklist_template

    dialog = AddItemDialog(load_checklist_template().stages, date(2027, 1, 4))
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.title.setText("  ")
    assert not dialog.ok.isEnabled()
    dialog.title.setText("Thank-you card")
    assert dialog.ok.isEnabled()
    assert dialog.item("custom:3").due is None


def test_checklist_survives_save_and_open(window, tmp_path, monkeypatch):
    window.checklist.model.setData(
        entry_index(window.checklist, "home-reports"), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    window.checklist.add(CustomItem("custom:1", "home", "Thank-you card"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "plan.carteplan"), ""))
    assert window.save()
    window.new_action.trigger()
    assert not window.document.checklist.entry("home-reports").done
    assert window.open_plan(tmp_path / "plan.carteplan")
    assert window.document.checklist.entry("home-reports").done
    assert window.document.checklist.entry("custom:1").title == "Thank-you card"


def test_checklist_items_appear_in_the_agenda_and_select_across(window):
    model = window.agenda.model
    rows = [model.data(model.index(r, AgendaModel.ITEM)) for r in range(model.rowCount())]
    assert "Pack for a 3–6 week inpatient stay" in rows
    row = rows.index("Pack for a 3–6 week inpatient stay")
    assert model.data(model.index(row, AgendaModel.STATUS)) == "To do"
    window.agenda.table.setCurrentIndex(model.index(row, 0))
    assert window.document.selected == "check:admission-packing"
    assert window.checklist.current().key == "admission-packing"


def test_export_pdf_through_the_window(window, tmp_path, monkeypatch):
    target = tmp_path / "checklist"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    path = window.export_pdf()
    assert path == tmp_path / "checklist.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    assert "checklist.pdf" in window.statusBar().currentMessage()


def test_calendar_export_carries_dated_checklist_items(window, tmp_path, monkeypatch):
    target = tmp_path / "j.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_action.trigger()
    text = target.read_text(encoding="utf-8")
    assert "VTODO" not in text
    calendar = vobject.readOne(text)
    packing = [e for e in calendar.vevent_list if e.summary.value == "Pack for a 3–6 week inpatient stay"]
    assert len(packing) == 1
    assert packing[0].dtstart.value == date(2027, 3, 30)
    assert packing[0].transp.value == "TRANSPARENT"
    window.checklist_in_calendar_action.setChecked(False)
    window.export_action.trigger()
    text = target.read_text(encoding="utf-8")
    assert "Pack for a 3" not in text


def test_checklist_model_passes_the_model_tester(qtmodeltester, window):
    qtmodeltester.check(window.checklist.model)


@pytest.mark.parametrize("key", ["discharge-warning-signs"])
def test_details_show_for_the_selected_item(window, key):
    window.checklist.tree.setCurrentIndex(entry_index(window.checklist, key))
    assert "120" in window.checklist.details.text()
    assert "not complete" in window.checklist.details.text()


def test_print_preview_opens_and_paints(qtbot, window):
    from carte_planner.ui.print_preview import PrintPreview

    window.print_action.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(PrintPreview)))
    preview = window.findChildren(PrintPreview)[0]
    qtbot.waitUntil(preview.isVisible)
    assert preview.page_labels
    assert not preview.page_labels[0].pixmap().isNull()
    preview.close()
