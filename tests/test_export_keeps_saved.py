"""A calendar export marks the plan unsaved only when it changed it, and then says so: a
saved plan keeps the export's record in its file and stays saved, so that Quit asks nothing."""

from PySide6.QtWidgets import QFileDialog

from carte_planner.storage.planfile import load_plan
from tests.journeys import REFERENCE


def test_an_export_of_a_saved_plan_keeps_it_saved(window, tmp_path, monkeypatch):
    plan_file = tmp_path / "trip.carteplan"
    calendar = tmp_path / "trip.ics"
    answers = iter([str(plan_file), str(calendar)])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    assert window.save()
    assert window.export_calendar()
    assert not window.document.modified, "Quit would ask about changes nobody made"
    assert not window.isWindowModified()
    on_disk = load_plan(plan_file, REFERENCE)
    assert on_disk.exported == window.document.plan.exported
    assert on_disk.exported.events, "the next export can update these events"
    assert "save the plan" not in window.statusBar().currentMessage()
    assert window.close()  # no question: the conftest fails on any dialog


def test_an_export_of_an_untitled_plan_says_what_it_changed(window, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "trip.ics"), ""))
    window.document.undo_stack.setClean()
    assert window.export_calendar()
    assert window.document.modified
    assert "save the plan to keep it" in window.statusBar().currentMessage()
