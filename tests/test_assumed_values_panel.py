"""The window's assumed values: shown as assumed, changed by the user, and back to the assumption."""

import itertools
from datetime import timedelta

from PySide6.QtCore import QTime

from carte_planner.ui.agenda_model import AgendaModel
from carte_planner.ui.agenda_view import detail_html


def status_of(window, key):
    model = window.agenda.model
    row = model.row_of(key)
    return model.data(model.index(row, AgendaModel.STATUS))


def test_day_0_offset_changes_the_plan_and_can_go_back(window):
    box = window.panel.assumed
    admission = window.document.journey.item("milestone:admission").start
    assert box.day0.value() == 5
    assert box.status["day0-offset"].text() == "assumed"
    assert not box.reset["day0-offset"].isEnabled()
    assert status_of(window, "milestone:infusion") == "Assumed"
    box.day0.setValue(7)
    journey = window.document.journey
    assert journey.day_zero == admission + timedelta(days=7)
    assert window.document.request.day0_offset == 7
    assert box.status["day0-offset"].text() == "yours"
    assert status_of(window, "milestone:infusion") == "Estimated"
    box.reset["day0-offset"].click()
    assert window.document.request.day0_offset is None
    assert window.document.journey.day_zero == admission + timedelta(days=5)
    window.undo_action.trigger()
    assert window.document.request.day0_offset == 7


def test_visit_rhythm_and_weekdays_from_the_window(window):
    box = window.panel.assumed
    assert box.weekday_second.isVisibleTo(box)
    box.visit_rhythm.setCurrentIndex(box.visit_rhythm.findData("every-two-weeks"))
    box.visit_rhythm.activated.emit(box.visit_rhythm.currentIndex())
    assert window.document.request.visit_rhythm == "every-two-weeks"
    assert not box.weekday_second.isVisibleTo(box)
    box.weekday_first.setCurrentIndex(box.weekday_first.findData("WE"))
    box.weekday_first.activated.emit(box.weekday_first.currentIndex())
    visits = window.document.journey.item("visits:outpatient").recurrence.dates
    assert {day.weekday() for day in visits} == {2}
    assert all(b - a == timedelta(weeks=2) for a, b in itertools.pairwise(visits))
    # Back to twice a week: the single weekday no longer fits, so the assumed pair returns.
    box.visit_rhythm.setCurrentIndex(box.visit_rhythm.findData("twice-weekly"))
    box.visit_rhythm.activated.emit(box.visit_rhythm.currentIndex())
    assert window.document.request.visit_weekdays is None
    assert box.weekday_second.isVisibleTo(box)


def test_chemotherapy_follow_up_and_return_time_from_the_window(window):
    box = window.panel.assumed
    box.chemo_first.setValue(-2)  # past the last day (-3): both move
    assert window.document.request.chemotherapy_days == (-2, -2)
    box.followup.setCurrentIndex(box.followup.findData("3:24,12:240"))
    box.followup.activated.emit(box.followup.currentIndex())
    assert window.document.journey.find("followup:monthly") is None
    assert window.document.journey.find("followup:quarterly") is not None
    box.return_time.setTime(QTime(16, 20))
    depart = window.document.journey.item("flight:return").depart
    assert (depart.hour, depart.minute) == (16, 20)
    names = {a.name for a in window.document.journey.assumptions}
    assert not names & {"chemotherapy-days", "home-followup-rhythm", "return-flight-time"}


def test_the_agenda_detail_says_a_date_is_assumed(window):
    journey = window.document.journey
    line = next(line for line in journey.occurrences() if line.key == "milestone:infusion")
    text = detail_html(journey, line)
    assert "Assumed date (Day 0 offset)" in text
    assert "Day 0 (the infusion) is assumed to be 5 days after admission" in text


def test_a_typed_day_0_counts_on_save_without_leaving_the_field(window, qtbot):
    box = window.panel.assumed
    window.panel.setVisible(True)
    box.day0.setFocus()
    box.day0.lineEdit().selectAll()
    qtbot.keyClicks(box.day0, "8")
    assert window.panel.commit_pending()
    assert window.document.request.day0_offset == 8


def test_the_visa_processing_time_can_be_set_and_reset(qtbot, window):
    box = window.panel.assumed
    assert box.visa_processing.value() == 4
    assert box.status["visa-processing-days"].text() == "assumed"
    box.visa_processing.setValue(6)
    assert window.document.request.visa_processing_days == 6
    assert box.status["visa-processing-days"].text() == "yours"
    box.reset["visa-processing-days"].click()
    assert window.document.request.visa_processing_days is None
