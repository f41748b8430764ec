"""Times and dates typed into the window's fields are saved as typed, in every language: an
Arabic time field once showed 10:00 as "ص 00:10" and kept 08:00 of a typed 0845."""

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QDialog, QFileDialog

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.storage.planfile import load_plan
from carte_planner.ui.checklist_panel import AddItemDialog
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.fields import edit_date_format
from carte_planner.ui.language import apply_language
from carte_planner.ui.main_window import MainWindow
from tests.gui import forget_changes, settings_folder
from tests.journeys import REFERENCE

LANGUAGES = ["en", "zh_CN", "ru", "ar"]
Section = QDateTimeEdit.Section


@pytest.fixture(params=LANGUAGES)
def window(request, qtbot, settings):
    apply_language(request.param)
    plan = Plan(TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin"), "plan-test")
    win = MainWindow(
        PlanDocument(plan, date(2027, 1, 4), reference=REFERENCE),
        settings,
        autosave_folder=settings_folder(settings) / "data",
    )
    qtbot.addWidget(win, before_close_func=forget_changes)
    win.show()
    qtbot.waitExposed(win)
    QApplication.processEvents()  # the window has fitted itself to the screen
    win.resize(1500, 900)  # wide enough for the request panel and the agenda both
    win.show_panel(True)
    qtbot.waitUntil(win.agenda.isVisible)
    yield win
    apply_language("en")


def type_sections(qtbot, field: QDateTimeEdit, typing: list[tuple[Section, str]]) -> None:
    """Focus the field and type into its sections as a user does, then press Enter."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    for section, text in typing:
        field.setSelectedSection(section)
        QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def save(target, field) -> Plan:
    """Ctrl+S from inside the field, as a user saves without leaving it."""
    QTest.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return load_plan(target, REFERENCE)


def test_every_time_and_date_field_shows_its_value_as_the_locale_writes_it(window):
    """The text a field shows, and a screen reader reads, is the locale's own writing of the
    value: the hour before the minutes, the day, month and year in the locale's order."""
    panel = window.panel
    panel.departure.setTime(QTime(10, 5))
    panel.assumed.return_time.setTime(QTime(16, 20))
    locale = QLocale()
    short = QLocale.FormatType.ShortFormat
    assert panel.departure.lineEdit().text() == locale.toString(QTime(10, 5), short)
    assert panel.assumed.return_time.lineEdit().text() == locale.toString(QTime(16, 20), short)
    assert panel.start.lineEdit().text() == locale.toString(QDate(2027, 3, 1), edit_date_format())


def test_typed_times_and_dates_are_saved_as_typed(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "trip.carteplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    panel = window.panel

    type_sections(qtbot, panel.departure, [(Section.HourSection, "0845")])
    assert save(target, panel.departure).request.departure_time == time(8, 45)

    type_sections(qtbot, panel.assumed.return_time, [(Section.HourSection, "0930")])
    assert save(target, panel.assumed.return_time).request.return_time == time(9, 30)

    type_sections(qtbot, panel.start, [(Section.DaySection, "15"), (Section.YearSection, "2027")])
    assert save(target, panel.start).request.start == date(2027, 3, 15)

    window.document.select("visits:outpatient#2")
    move = window.agenda.move_date
    type_sections(qtbot, move, [(Section.DaySection, "21"), (Section.MonthSection, "5")])
    QTest.keyClick(window.agenda.move_button, Qt.Key.Key_Space)
    moved = save(target, window.agenda.move_button).request.moved_date("visits:outpatient#2")
    assert (moved.month, moved.day) == (5, 21)


def test_a_typed_due_date_of_an_own_checklist_item_is_saved(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "trip.carteplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def fill(dialog):
        dialog.show()
        dialog.activateWindow()
        qtbot.waitExposed(dialog)
        dialog.title.setText("Blue folder")
        dialog.has_due.setChecked(True)
        dialog.due.setDate(QDate(2027, 2, 1))
        type_sections(qtbot, dialog.due, [(Section.DaySection, "20")])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddItemDialog, "exec", fill)
    window.tabs.setCurrentWidget(window.checklist)
    window.checklist.add_item()
    window.save_action.trigger()
    saved = load_plan(target, REFERENCE)
    assert [item.due for item in saved.checklist.added] == [date(2027, 2, 20)]
