"""Two windows, shared files and settings a newer version wrote: nothing is lost, nothing crashes."""

import json
import os
import signal
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.storage.autosave import FILE_NAME, write_autosave
from carte_planner.storage.plan_codec import plan_to_bytes
from carte_planner.storage.planfile import load_plan, save_plan
from carte_planner.ui.main_window import MainWindow
from tests.gui import forget_changes
from tests.journeys import REFERENCE
from tests.test_recovery import EDITING_SESSION

BERLIN = Plan(TripRequest(start=date(2027, 5, 3), city="beijing", home_tz="Europe/Berlin"), "plan-b")
WUHAN = Plan(TripRequest(start=date(2027, 6, 7), city="wuhan", home_tz="Europe/Berlin"), "plan-w")


def new_window(qtbot, folder: Path, **kwargs) -> MainWindow:
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, autosave_folder=folder / "data", **kwargs, reference=REFERENCE)
    qtbot.addWidget(window, before_close_func=forget_changes)
    return window


def answer(monkeypatch, button, kind="question"):
    asked = []

    def reply(*args, **kwargs):
        asked.append(args[2])
        return button

    monkeypatch.setattr(QMessageBox, kind, reply)
    return asked


def unplannable(tmp_path: Path) -> Path:
    """A plan as a newer version might write it: a hospital city this version does not know."""
    data = json.loads(plan_to_bytes(BERLIN))
    data["request"]["city"] = "lhasa"
    path = tmp_path / "newer.carteplan"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# -- two windows ----------------------------------------------------------------------------
def test_a_second_window_never_offers_or_removes_the_first_ones_autosave(qtbot, tmp_path, monkeypatch):
    first = new_window(qtbot, tmp_path)
    first.panel.phase_rows[0].days.setValue(13)
    first.autosave()
    live = tmp_path / "data" / FILE_NAME
    assert live.exists()
    second = new_window(qtbot, tmp_path)  # an unexpected "restore?" question would fail the test
    assert not second.document.modified
    second.panel.phase_rows[0].days.setValue(9)
    second.autosave()
    assert second.autosave_slot.file != live
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert second.close()
    assert live.exists()
    assert json.loads(live.read_text(encoding="utf-8"))["plan"]["request"]["phase_days"] == {"screening": 13}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_another_process_s_live_autosave_is_left_alone_and_offered_after_it_crashes(qtbot, tmp_path, monkeypatch):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [sys.executable, "-c", EDITING_SESSION, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=env
    ) as process:
        try:
            assert process.stdout.readline().strip() == "autosaved"
            live = tmp_path / "data" / FILE_NAME
            second = new_window(qtbot, tmp_path)  # no question: the other window is alive
            assert second.close()
            assert live.exists()
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    third = new_window(qtbot, tmp_path)
    assert "did not close properly" in asked[0]
    assert third.document.request.phase_length("screening") == 13


def test_opening_a_plan_open_in_another_window_says_so(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "trip.carteplan"
    save_plan(path, BERLIN)
    first = new_window(qtbot, tmp_path)
    assert first.open_plan(path)
    second = new_window(qtbot, tmp_path)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not second.open_plan(path)
    assert "already open in another Carte Planner window" in asked[0]
    assert second.document.path is None


def test_a_save_over_a_file_changed_elsewhere_asks_first(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "trip.carteplan"
    save_plan(path, BERLIN)
    window = new_window(qtbot, tmp_path)
    assert window.open_plan(path)
    window.panel.phase_rows[0].days.setValue(12)
    save_plan(path, WUHAN)  # another window, or a sync client, writes the file meanwhile
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not window.save()
    assert "was changed outside this window" in asked[0]
    assert load_plan(path, REFERENCE) == WUHAN
    answer(monkeypatch, QMessageBox.StandardButton.Save)
    assert window.save()
    assert load_plan(path, REFERENCE).request.phase_length("screening") == 12
    assert load_plan(tmp_path / "trip.carteplan.bak", REFERENCE) == WUHAN


def test_an_unchanged_file_saves_without_a_question(qtbot, tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, BERLIN)
    window = new_window(qtbot, tmp_path)
    assert window.open_plan(path)
    window.panel.phase_rows[0].days.setValue(12)
    assert window.save()
    window.panel.phase_rows[0].days.setValue(11)
    assert window.save()
    assert load_plan(path, REFERENCE).request.phase_length("screening") == 11


# -- plans this version refuses -------------------------------------------------------------
def test_a_plan_this_version_cannot_plan_is_refused_whole(qtbot, tmp_path, monkeypatch):
    window = new_window(qtbot, tmp_path)
    before = window.document.plan
    told = answer(monkeypatch, QMessageBox.StandardButton.Ok, "critical")
    assert not window.open_plan(unplannable(tmp_path))
    assert "'request.city'" in told[0]
    assert window.document.plan == before
    assert window.document.path is None
    assert window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert "newer" not in str(settings.value("session/path", ""))


def test_settings_pointing_at_a_refused_plan_still_start(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("session/path", str(unplannable(tmp_path)))
    settings.setValue("session/unsaved", False)
    settings.setValue("session/plan", unplannable(tmp_path).read_text(encoding="utf-8"))
    settings.sync()
    window = new_window(qtbot, tmp_path)
    assert window.document.journey.city.key == "shanghai"
    assert window.document.path is None


def test_an_autosave_this_version_cannot_plan_is_set_aside_with_the_reason(qtbot, tmp_path):
    data = tmp_path / "data"
    write_autosave(data, BERLIN, None, datetime(2027, 1, 2, 9, 30))
    document = json.loads((data / FILE_NAME).read_text(encoding="utf-8"))
    document["plan"]["request"]["city"] = "lhasa"
    (data / FILE_NAME).write_text(json.dumps(document), encoding="utf-8")
    window = new_window(qtbot, tmp_path)  # no question is asked
    assert window.document.journey.city.key == "shanghai"
    assert json.loads((data / (FILE_NAME + ".damaged")).read_text(encoding="utf-8")) == document
    assert "'request.city'" in (data / (FILE_NAME + ".damaged.txt")).read_text(encoding="utf-8")
    assert window.close()
    new_window(qtbot, tmp_path)  # and it is never offered again


def test_a_deeply_nested_autosave_is_set_aside(qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / FILE_NAME).write_text('{"format": "carte-planner.autosave", "plan": ' + "[" * 100_000 + "]" * 100_000 + "}")
    window = new_window(qtbot, tmp_path)
    assert window.document.journey.city.key == "shanghai"
    assert (data / (FILE_NAME + ".damaged")).exists()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
def test_a_pipe_as_the_last_plan_or_the_autosave_does_not_hang(qtbot, tmp_path, monkeypatch):
    import carte_planner.storage.reading as reading

    monkeypatch.setattr(reading, "SPECIAL_FILE_SECONDS", 0.2)
    (tmp_path / "data").mkdir()
    os.mkfifo(tmp_path / "data" / FILE_NAME)
    os.mkfifo(tmp_path / "last.carteplan")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("session/path", str(tmp_path / "last.carteplan"))
    settings.sync()
    window = new_window(qtbot, tmp_path)
    assert window.document.journey.city.key == "shanghai"


def test_a_lone_surrogate_is_refused_when_opened_naming_the_field(qtbot, tmp_path, monkeypatch):
    text = plan_to_bytes(BERLIN).decode("utf-8").replace('"name": ""', '"name": "Ward \\udfff"')
    path = tmp_path / "broken.carteplan"
    path.write_text(text, encoding="utf-8")
    window = new_window(qtbot, tmp_path)
    told = answer(monkeypatch, QMessageBox.StandardButton.Ok, "critical")
    assert not window.open_plan(path)
    assert "'request.hospital.name'" in told[0]


@pytest.mark.skipif(sys.platform == "win32", reason="file modes")
def test_a_read_only_plan_is_not_overwritten_and_save_as_still_works(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "trip.carteplan"
    save_plan(path, BERLIN)
    os.chmod(path, 0o444)
    window = new_window(qtbot, tmp_path)
    assert window.open_plan(path)
    window.panel.phase_rows[0].days.setValue(12)
    told = answer(monkeypatch, QMessageBox.StandardButton.Ok, "critical")
    assert not window.save()
    assert "read-only" in told[0]
    assert load_plan(path, REFERENCE) == BERLIN
    elsewhere = tmp_path / "copy.carteplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(elsewhere), ""))
    assert window.save_as()
    assert load_plan(elsewhere, REFERENCE).request.phase_length("screening") == 12


# -- the request boundary in the window ------------------------------------------------------
def test_the_window_offers_only_canonical_zones_and_refuses_the_others(window):
    from carte_planner.domain.zones import canonical_zone

    combo = window.panel.home_tz
    combo.fill()
    names = [combo.itemData(i) for i in range(combo.count())]
    assert "Europe/Berlin" in names
    assert [name for name in names if canonical_zone(name) != name] == []
    for typed in ("posixrules", "localtime", "Factory", "right/Europe/Paris", "EST"):
        combo.setEditText(typed)
        combo.lineEdit().editingFinished.emit()
        assert window.document.request.home_tz == "Europe/Berlin"
        assert window.panel._errors[combo].text().startswith("⚠ ")


def test_a_control_character_in_the_hospital_phone_is_refused_by_name(window):
    edit = window.panel.hospital["hospital_phone"]
    edit.setText("+86 21 5555\x07")
    edit.editingFinished.emit()
    assert window.panel._errors[edit].text().startswith("⚠ hospital phone: must not hold control characters")
    assert window.document.request.hospital_phone == ""


def test_control_characters_pasted_into_the_checklist_never_reach_the_file(tmp_path):
    from carte_planner.domain.checklist import ChecklistState, CustomItem

    state = (
        ChecklistState()
        .with_note("records-imaging", "call\x07 back\tsoon")
        .with_added(CustomItem("custom:1", "travel", "Wheel\x1bchair", details="line one\nline\x00 two"))
    )
    path = tmp_path / "trip.carteplan"
    save_plan(path, Plan(BERLIN.request, "plan-b", state))
    loaded = load_plan(path, REFERENCE).checklist
    assert loaded.note("records-imaging") == "call back\tsoon"
    assert loaded.added[0].title == "Wheelchair"
    assert loaded.added[0].details == "line one\nline two"
