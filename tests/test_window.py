"""The planner window, driven as a user would: what each view shows after an edit or a click."""

from datetime import date
from pathlib import Path

import pytest
import vobject
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.office_calendars import default_start
from carte_planner.storage.planfile import load_plan, save_plan
from carte_planner.ui.agenda_model import KEY_ROLE, AgendaModel
from carte_planner.ui.main_window import MainWindow
from tests.gui import forget_changes as _forget_changes
from tests.gui import settings_folder
from tests.journeys import REFERENCE

START = date(2027, 3, 1)


def agenda_texts(win, column=AgendaModel.ITEM):
    model = win.agenda.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def agenda_line(win, title_start):
    model = win.agenda.model
    for row in range(model.rowCount()):
        if model.data(model.index(row, AgendaModel.ITEM)).startswith(title_start):
            return {
                "date": model.data(model.index(row, AgendaModel.DATE)),
                "day": model.data(model.index(row, AgendaModel.DAY)),
                "status": model.data(model.index(row, AgendaModel.STATUS)),
                "key": model.data(model.index(row, 0), KEY_ROLE),
                "row": row,
            }
    raise AssertionError(f"no agenda line starts with {title_start!r}")


def test_default_window_shows_a_plan_on_a_working_day(qtbot, settings):
    win = MainWindow(settings=settings, autosave_folder=settings_folder(settings) / "data", reference=REFERENCE)
    qtbot.addWidget(win, before_close_func=_forget_changes)
    win.show()
    assert win.windowTitle().startswith("Untitled plan")
    journey = win.document.journey
    assert journey.city.key == "shanghai"
    assert journey.request.start == default_start(date.today(), REFERENCE.calendars)
    assert "Shanghai (上海)" in win.summary.summary.text()
    assert [n.code for n in journey.warnings] == ["visa-stay-too-long"]
    assert win.agenda.model.rowCount() > 30
    # The offscreen test screen (800×600) is smaller than any the window is made for: there
    # the first-run hint's lines take the calendar's room until the user says "Got it".
    assert win.start_hint.isVisible()
    win.start_hint.close_button.click()
    qtbot.waitUntil(lambda: bool(win.month.grid.chips()))


def test_summary_states_the_estimate(window):
    assert "Dates are estimates" in window.summary.summary.text()
    assert "Fit-to-fly check about" in window.summary.summary.text()


def test_changing_city_changes_every_view(qtbot, window):
    panel = window.panel
    panel.city.setCurrentIndex(panel.city.findData("beijing"))
    panel.city.activated.emit(panel.city.currentIndex())
    assert window.document.journey.city.key == "beijing"
    assert any(text.startswith("Flight to Beijing (PEK)") for text in agenda_texts(window))
    assert "Beijing (北京)" in window.summary.summary.text()
    titles = {bar.line.title for bar in window.timeline.canvas.bars()}
    assert "Accommodation near the hospital in Beijing" in titles


def test_changing_start_date_moves_the_journey(window):
    before = agenda_line(window, "Day 0: CAR-T cell infusion")
    window.panel.start.setDate(QDate(2027, 3, 8))
    after = agenda_line(window, "Day 0: CAR-T cell infusion")
    assert window.document.journey.day_zero == date(2027, 4, 13)
    assert before["date"] != after["date"]
    assert "13" in after["date"]
    assert after["day"] == "Day 0"


def test_changing_scenario_changes_phase_lengths(window):
    panel = window.panel
    panel.scenario.setCurrentIndex(panel.scenario.findData("longest"))
    panel.scenario.activated.emit(panel.scenario.currentIndex())
    assert [row.days.value() for row in panel.phase_rows] == [14, 28, 14, 28, 56]
    assert "longest scenario" in window.summary.summary.text()


def test_changing_a_phase_length_moves_later_items_and_flags_out_of_range(window):
    screening = window.panel.phase_rows[0]
    screening.days.setValue(20)
    assert window.document.journey.item("phase:screening").days == 20
    assert window.document.journey.day_zero == date(2027, 4, 16)
    assert agenda_line(window, "Day 0: CAR-T cell infusion")["day"] == "Day 0"
    assert "⚠" in screening.range.text()
    assert "outside the guide's usual range" in window.summary.notices.text()
    assert screening.reset.isEnabled()
    screening.reset.click()
    assert window.document.journey.item("phase:screening").days == 10
    assert "⚠" not in screening.range.text()


def test_confirming_a_phase_shows_in_the_views(window):
    window.panel.phase_rows[1].confirmed.setChecked(True)
    assert window.document.journey.item("phase:manufacturing").confirmed
    assert agenda_line(window, "CAR-T cell manufacturing")["status"] == "Confirmed"
    assert agenda_line(window, "Screening and evaluation")["status"] == "Estimated"


def test_moving_a_single_visit(qtbot, window):
    line = agenda_line(window, "Outpatient visit 2")
    window.document.select(line["key"])
    assert window.agenda.move_date.isVisible()
    window.agenda.move_date.setDate(QDate(2027, 5, 7))
    qtbot.mouseClick(window.agenda.move_button, Qt.MouseButton.LeftButton)
    moved = agenda_line(window, "Outpatient visit 2")
    assert "7" in moved["date"]
    assert moved["status"] == "Set by you"
    assert window.document.request.moved_date("visits:outpatient#2") == date(2027, 5, 7)
    assert window.agenda.reset_button.isVisible()
    qtbot.mouseClick(window.agenda.reset_button, Qt.MouseButton.LeftButton)
    assert window.document.request.moved_date("visits:outpatient#2") is None


def test_confirming_a_single_item_from_the_detail_pane(window):
    line = agenda_line(window, "Hospital admission")
    window.document.select(line["key"])
    window.agenda.confirmed.setChecked(True)
    assert agenda_line(window, "Hospital admission")["status"] == "Confirmed"
    assert "milestone:admission" in window.document.request.confirmed


def test_undo_and_redo(window):
    panel = window.panel
    panel.go_home.setChecked(True)
    panel.phase_rows[1].days.setValue(28)
    assert window.document.request.go_home
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert window.document.journey.item("phase:manufacturing").days == 21
    assert panel.phase_rows[1].days.value() == 21
    window.undo_action.trigger()
    assert not window.document.request.go_home
    assert not panel.go_home.isChecked()
    assert not window.isWindowModified()
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert window.document.request.go_home
    assert panel.phase_rows[1].days.value() == 28


def test_a_refused_value_is_explained_and_changes_nothing(window):
    before = window.document.request
    window.panel.city.setEditText("Atlantis")
    window.panel._city_typed()
    assert window.document.request == before
    reason = window.panel._errors[window.panel.city].text()
    assert "'Atlantis' is not a known hospital city" in reason
    assert window.panel.city.currentText() == "Atlantis"


def test_selection_in_the_calendar_selects_in_the_agenda_and_timeline(qtbot, window):
    grid = window.month.grid
    grid.set_month(date(2027, 4, 1))
    chip = next(c for c in grid.chips() if c.line.key == "milestone:infusion")
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=chip.rect.center().toPoint())
    assert window.document.selected == "milestone:infusion"
    current = window.agenda.table.currentIndex()
    assert window.agenda.model.data(current, KEY_ROLE) == "milestone:infusion"
    assert "Day 0: CAR-T cell infusion" in window.agenda.detail.toPlainText()


def test_selection_in_the_agenda_reveals_the_month(window):
    line = agenda_line(window, "Fit-to-fly check")
    window.agenda.table.selectRow(line["row"])
    window.agenda.table.setCurrentIndex(window.agenda.model.index(line["row"], 0))
    assert window.document.selected == "milestone:fit-to-fly"
    assert window.month.grid.month == date(2027, 6, 1)
    assert window.month.title.text().endswith("2027")


def test_selection_in_the_timeline(qtbot, window):
    window.tabs.setCurrentWidget(window.timeline)
    canvas = window.timeline.canvas
    bar = next(b for b in canvas.bars() if b.line.key == "phase:monitoring")
    window.timeline.reveal("phase:monitoring")
    canvas.mousePressEvent(_press(bar.rect.center()))
    assert window.document.selected == "phase:monitoring"
    assert window.month.grid.month <= date(2027, 4, 11)


def _press(point: QPointF):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent

    return QMouseEvent(
        QEvent.Type.MouseButtonPress,
        point,
        point,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_month_navigation_and_go_to_start(qtbot, window):
    grid = window.month.grid
    qtbot.mouseClick(window.month.next, Qt.MouseButton.LeftButton)
    assert grid.month == date(2027, 4, 1)
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert grid.month == date(2027, 5, 1)
    window.start_action.trigger()
    assert grid.month == date(2027, 3, 1)
    window.today_action.trigger()
    assert grid.month == date(2027, 1, 1)


def test_month_shows_day_numbers_and_spans(window):
    window.resize(1600, 1000)
    grid = window.month.grid
    grid.resize(900, 700)
    grid.set_month(date(2027, 4, 1))
    chips = grid.chips()
    accommodation = [c for c in chips if c.line.key == "stay:accommodation"]
    assert grid.weeks() == 5  # April 2027 from Sunday, March 28, to Saturday, May 1
    assert len(accommodation) == 5  # one bar a week, continuing across weeks
    assert all(c.open_left for c in accommodation)
    phase = [c for c in chips if c.line.key == "phase:monitoring"]
    assert phase[0].open_right
    assert not phase[0].open_left


def test_timeline_zoom(window):
    canvas = window.timeline.canvas
    before = canvas.day_width
    window.zoom_in_action.trigger()
    assert canvas.day_width == pytest.approx(before * 1.5)
    window.zoom_out_action.trigger()
    assert canvas.day_width == pytest.approx(before)


def test_export_through_the_menu(window, tmp_path, monkeypatch):
    target = tmp_path / "journey"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_action.trigger()
    written = tmp_path / "journey.ics"
    calendar = vobject.readOne(written.read_text(encoding="utf-8"))
    titles = {event.summary.value for event in calendar.vevent_list}
    assert "Day 0: CAR-T cell infusion" in titles
    assert "Flight to Shanghai (PVG)" in titles
    assert "journey.ics" in window.statusBar().currentMessage()


def test_discreet_export_through_the_menu(window, tmp_path, monkeypatch):
    target = tmp_path / "journey.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.discreet_action.setChecked(True)
    window.export_action.trigger()
    calendar = vobject.readOne(target.read_text(encoding="utf-8"))
    assert {event.summary.value for event in calendar.vevent_list} <= {"Reminder", "Travel", "Away", "Appointment"}


def test_a_second_export_cancels_what_the_plan_dropped(window, tmp_path, monkeypatch):
    from dataclasses import replace

    targets = iter([tmp_path / "first.ics", tmp_path / "second.ics"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(targets)), ""))
    document = window.document
    document.change(replace(document.request, go_home=True, phase_days=(("manufacturing", 28),)), "go home")
    window.export_action.trigger()
    first = document.plan.exported
    assert first.events
    assert document.modified  # the record of the export is saved with the plan
    document.undo_stack.undo()  # back to staying near the hospital; the record stays
    assert document.plan.exported == first
    window.export_action.trigger()
    calendar = vobject.readOne((tmp_path / "second.ics").read_text(encoding="utf-8"))
    cancelled = [e for e in calendar.vevent_list if getattr(e, "status", None) is not None]
    assert cancelled
    assert {e.status.value for e in cancelled} == {"CANCELLED"}
    assert document.plan.exported.sequence > first.sequence


def test_save_and_open_round_trip(window, tmp_path, monkeypatch):
    window.panel.phase_rows[0].days.setValue(12)
    target = tmp_path / "trip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save()
    saved = tmp_path / "trip.carteplan"
    assert load_plan(saved, REFERENCE).request.phase_length("screening") == 12
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("trip")

    other = tmp_path / "other.carteplan"
    save_plan(other, Plan(TripRequest(start=date(2027, 6, 7), city="chengdu", home_tz="Asia/Tokyo"), "other-id"))
    assert window.open_plan(other)
    assert window.document.journey.city.key == "chengdu"
    assert window.document.plan.plan_id == "other-id"
    assert window.panel.city.currentData() == "chengdu"
    assert window.recent_menu.actions()[0].toolTip() == str(other)
    assert window.open_plan(saved)
    assert window.document.request.phase_length("screening") == 12


def test_a_corrupt_file_shows_a_message_and_keeps_the_plan(window, tmp_path, monkeypatch):
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: messages.append(args[2]))
    broken = tmp_path / "broken.carteplan"
    broken.write_text('{"format": "carte-planner.plan", "version": 1, "plan_id": "x", "request": {"start": 5}}')
    before = window.document.plan
    assert not window.open_plan(broken)
    assert window.document.plan == before
    assert "broken.carteplan" in messages[0]
    assert "'request.start' has the wrong type" in messages[0]
    assert "Your current plan is unchanged" in messages[0]
    newer = tmp_path / "newer.carteplan"
    newer.write_text('{"format": "carte-planner.plan", "version": 99}')
    assert not window.open_plan(newer)
    assert "made by a newer version" in messages[1]
    assert not window.open_plan(tmp_path / "missing.carteplan")
    assert "does not exist" in messages[2]


def test_a_failed_save_keeps_the_plan_open(window, tmp_path, monkeypatch):
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: messages.append(args[2]))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "no such folder" / "x.carteplan"), "")
    )
    window.panel.phase_rows[0].days.setValue(12)
    assert not window.save()
    assert "the folder does not exist" in messages[0]
    assert window.isWindowModified()
    assert window.document.request.phase_length("screening") == 12


def test_unsaved_changes_prompt_on_close_new_and_open(window, monkeypatch, tmp_path):
    asked = []

    def answer(button):
        def ask(*args, **kwargs):
            asked.append(args[2])
            return button

        return ask

    window.panel.phase_rows[0].days.setValue(12)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    assert not window.close()
    assert window.isVisible()
    window.new_action.trigger()
    assert window.document.request.phase_length("screening") == 12
    assert not window.open_plan(tmp_path / "whatever.carteplan")
    assert len(asked) == 3
    assert "not saved" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    window.new_action.trigger()
    assert window.document.request.phase_length("screening") is None
    assert not window.isWindowModified()


def test_settings_restore_the_last_plan_and_layout(qtbot, settings, window):
    window.panel.start.setDate(QDate(2027, 4, 5))
    window.document.undo_stack.setClean()
    window.close()
    again = MainWindow(settings=settings, autosave_folder=settings_folder(settings) / "data", reference=REFERENCE)
    qtbot.addWidget(again, before_close_func=_forget_changes)
    assert again.document.request.start == date(2027, 4, 5)
    assert again.document.plan.plan_id == "plan-test"


def test_discarded_changes_do_not_come_back(qtbot, settings, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.panel.phase_rows[1].days.setValue(25)
    window.document.undo_stack.setClean()
    window.panel.phase_rows[0].days.setValue(13)
    window.close()
    again = MainWindow(settings=settings, autosave_folder=settings_folder(settings) / "data", reference=REFERENCE)
    qtbot.addWidget(again, before_close_func=_forget_changes)
    assert again.document.request.phase_length("manufacturing") == 25
    assert again.document.request.phase_length("screening") is None
    assert not again.document.modified


def test_agenda_model_passes_the_model_tester(qtmodeltester, window):
    qtmodeltester.check(window.agenda.model)


def test_widgets_have_accessible_names(window):
    panel = window.panel
    for widget in [
        panel.start,
        panel.city,
        panel.home_tz,
        panel.travellers,
        panel.go_home,
        window.month.grid,
        window.timeline.canvas,
        window.agenda.table,
    ]:
        assert widget.accessibleName()


def test_window_paints_at_double_scale_and_in_the_month_view(window):
    window.month.grid.set_month(date(2027, 4, 1))
    image = window.grab()
    assert not image.isNull()
    assert image.width() >= window.width()


def test_launch_explains_a_missing_display():
    from carte_planner.ui.launch import display_problem

    message = display_problem({}, "linux")
    assert "no display was found" in message
    assert "carte-planner plan" in message
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None


def test_launch_names_missing_xcb_packages(monkeypatch):
    from carte_planner.ui import launch

    monkeypatch.setattr(launch, "missing_xcb_packages", lambda: ["libxcb-cursor0", "libxcb-icccm4"])
    message = launch.display_problem({"DISPLAY": ":0"}, "linux")
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in message
    assert launch.missing_xcb_packages.__name__ == "<lambda>"
    assert launch.XCB_LIBRARIES["libxcb-cursor.so.0"] == "libxcb-cursor0"


def test_missing_xcb_packages_uses_the_library_lookup():
    from carte_planner.ui.launch import missing_xcb_packages

    assert missing_xcb_packages(lambda name: False)[0] == "libxcb-cursor0"
    assert missing_xcb_packages(lambda name: name != "libxcb-icccm.so.4") == ["libxcb-icccm4"]
    assert missing_xcb_packages(lambda name: True) == []


def test_files_default_to_documents(window):
    assert Path(window._folder()).name


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (OSError(30, "Read-only file system"), "the disk is read-only"),
        (PermissionError(13, "Permission denied"), "you do not have permission to write there"),
        (OSError(28, "No space left on device"), "the disk is full"),
    ],
)
def test_save_faults_keep_the_plan_and_the_old_file(window, tmp_path, monkeypatch, error, message):
    import tempfile

    path = tmp_path / "trip.carteplan"
    save_plan(path, window.document.plan)
    window.document.mark_saved(path)
    before = path.read_bytes()
    window.panel.phase_rows[0].days.setValue(12)
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: messages.append(args[2]))

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(tempfile, "mkstemp", fail)
    assert not window.save()
    assert message in messages[0]
    assert "Your plan is still open here" in messages[0]
    assert path.read_bytes() == before
    assert window.document.request.phase_length("screening") == 12
    assert window.isWindowModified()


def test_saving_after_the_folder_vanished(window, tmp_path, monkeypatch):
    import shutil

    folder = tmp_path / "usb stick"
    folder.mkdir()
    path = folder / "trip.carteplan"
    save_plan(path, window.document.plan)
    window.document.mark_saved(path)
    window.panel.phase_rows[0].days.setValue(12)
    shutil.rmtree(folder)
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: messages.append(args[2]))
    assert not window.save()
    assert "the folder does not exist" in messages[0]
    assert window.document.request.phase_length("screening") == 12


def test_a_damaged_data_file_is_explained(monkeypatch):
    import carte_planner.ui.app as app
    from carte_planner.domain.errors import ResourceError

    def broken():
        raise ResourceError("protocol.toml", "phases[1].min_days", "is missing")

    monkeypatch.setattr(app, "shipped_reference", broken)
    message = app.load_reference()
    assert "protocol.toml: phases[1].min_days: is missing" in message
    assert "Reinstall Carte Planner" in message


def test_the_time_zone_list_fills_when_used(window):
    combo = window.panel.home_tz
    assert combo.currentData() == "Europe/Berlin"
    assert "Berlin" in combo.currentText()
    combo.fill()
    assert combo.count() > 300
    assert combo.currentData() == "Europe/Berlin"
    assert combo.findData("America/New_York") >= 0


def test_hovering_a_bar_explains_it(window):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    grid = window.month.grid
    grid.set_month(date(2027, 4, 1))
    chip = next(c for c in grid.chips() if c.line.key == "milestone:infusion")
    point = chip.rect.center().toPoint()
    QApplication.sendEvent(grid, QHelpEvent(QEvent.Type.ToolTip, point, grid.mapToGlobal(point)))
    assert QToolTip.text().startswith("Day 0: CAR-T cell infusion\n")
    QApplication.sendEvent(grid, QHelpEvent(QEvent.Type.ToolTip, QPoint(1, 1), grid.mapToGlobal(QPoint(1, 1))))
