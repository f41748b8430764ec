"""The window writes the plan's calendar in the plan's language, and the family changes it with
File ▸ Language of calendar files and printouts."""

from datetime import UTC, datetime

from icalendar import Calendar
from PySide6.QtWidgets import QFileDialog

from carte_planner.export.ics import ExportOptions, export_ics
from carte_planner.i18n import use_language
from carte_planner.storage.planfile import load_plan
from tests.journeys import REFERENCE


def titles(data: bytes) -> set[str]:
    return {str(event["summary"]) for event in Calendar.from_ical(data).walk("VEVENT")}


def titles_in(window, language: str) -> set[str]:
    with use_language(language):
        return titles(export_ics(window.document.journey, ExportOptions("plan-test", datetime.now(UTC))))


def test_an_export_is_in_the_plans_language_until_the_family_picks_another(window, tmp_path, monkeypatch):
    plan_file, calendar = tmp_path / "trip.carteplan", tmp_path / "trip.ics"
    answers = iter([str(plan_file), str(calendar), str(calendar)])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    window.document.set_calendar_language("ar")
    assert window.save()
    assert window.export_calendar()
    assert titles_in(window, "ar") <= titles(calendar.read_bytes())  # with the dated checklist entries
    assert not titles_in(window, "en") & titles(calendar.read_bytes())
    russian = next(a for a in window.output_language_group.actions() if a.data() == "ru")
    russian.trigger()
    assert window.document.plan.calendar_language == "ru"
    assert window.export_calendar()
    assert titles_in(window, "ru") <= titles(calendar.read_bytes())
    assert window.document.modified  # a change to the plan, kept when it is saved
    assert window.save()
    assert load_plan(plan_file, REFERENCE).calendar_language == "ru"
