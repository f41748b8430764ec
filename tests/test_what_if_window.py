"""The window outside the What if… panel: the return date's odds in the summary and on the
timeline, the go/no-go point, and the warnings area while a question is open."""

from dataclasses import replace
from datetime import date

import pytest

from carte_planner.domain.return_odds import return_odds
from carte_planner.resources import load_protocol
from carte_planner.ui.dates import medium_date
from carte_planner.ui.summary_bar import odds_day

PHASES = ("screening", "manufacturing", "admission", "monitoring", "outpatient")


def test_the_summary_shows_the_return_date_as_three_dates_labelled_assumed(window):
    odds = return_odds(window.document.journey, load_protocol())
    assert odds.p50 < odds.p95
    # Shanghai, first hospital day 1 Mar 2027, typical phases: the plan's return is 9 Jun.
    assert odds.p50 == date(2027, 6, 9)
    line = (
        f"Return date, assumed odds: P50 {odds_day(date(2027, 6, 9))} · P80 {odds_day(odds.p80)} "
        f"· P95 {odds_day(odds.p95)}"
    )
    shown = window.summary.summary.text().splitlines()
    assert shown[-1].endswith(line)
    assert shown[-1].startswith("Dates are estimates")
    # The same assumption the What if… panel states, where a pointer or a screen reader finds it.
    assert window.summary.summary.toolTip() == str(odds.assumption_words)
    assert str(odds.assumption_words) in window.summary.summary.accessibleDescription()


def test_a_plan_whose_every_phase_is_confirmed_shows_one_return_date(window):
    request = window.document.request
    confirmed = replace(request, confirmed=frozenset(f"phase:{key}" for key in PHASES))
    window.document.change(confirmed, "confirm")
    day = window.document.journey.summary.return_date
    assert window.summary.summary.text().endswith(f"Return date (assumed): {odds_day(day)}")
    assert "P50" not in window.summary.summary.text()


def test_the_timeline_shades_the_return_date_from_p50_to_p95(window):
    canvas = window.timeline.canvas
    odds = return_odds(window.document.journey, load_protocol())
    band = canvas.odds_band()
    assert band.left() == pytest.approx(canvas.x_of(odds.p50))
    days = (odds.p95 - odds.p50).days + 1
    assert band.width() == pytest.approx(days * canvas.day_width)
    assert medium_date(odds.p50) in canvas.accessibleDescription()
    assert medium_date(odds.p95) in canvas.accessibleDescription()
    note = window.timeline.odds_note
    assert "P50" in note.text()
    assert "P95" in note.text()
    assert note.toolTip() == str(odds.assumption_words)


def test_the_warnings_say_when_eligibility_is_known_and_what_to_keep_changeable(window):
    # Screening 1–10 Mar 2027 ends with the cells' collection: the answer comes that day.
    lines = window.summary.notices.text().splitlines()
    line = next(line for line in lines if "Eligibility is confirmed" in line)
    assert line.startswith(
        f"ℹ Eligibility is confirmed at screening, by {medium_date(date(2027, 3, 10))}. "
        "Until then keep these changeable: "
    )
    assert "Accommodation near the hospital in Shanghai" in line
    assert "Flight home from Shanghai (PVG)" in line
    # Not eligible: home the next day, 11 Mar, after the nights from the arrival on 27 Feb.
    assert line.endswith(
        f"If not eligible: return from {medium_date(date(2027, 3, 11))}, 12 of the 102 lodging nights needed."
    )
    # Right after the plan's warnings, before its other things to check.
    warnings = [n for n in window.document.journey.notices if n.severity == "warning"]
    assert lines.index(line) >= len(warnings)
    assert not any(other.startswith("ℹ") for other in lines[: lines.index(line)])
    # A later first hospital day moves the point with it.
    window.document.change(replace(window.document.request, start=date(2027, 3, 8)), "Move")
    assert f"by {medium_date(date(2027, 3, 17))}." in window.summary.notices.text()


def test_while_a_question_is_open_the_warnings_show_what_it_breaks_and_closing_restores_the_plans_own(window, qtbot):
    own = window.summary.notices.text()
    own_description = window.summary.notices_area.accessibleDescription()
    window.what_if_action.trigger()
    panel = window.what_if_panel
    panel.choice.setCurrentIndex(panel.choice.findData("manufacturing"))
    panel.days.setValue(14)
    shown = window.summary.notices.text().splitlines()
    # Marked as the question's, first, then the plan's own warnings under their own heading.
    assert shown[0] == "What if… The cells are late from manufacturing (+14 days) (not in the plan):"
    assert "  ⚠ The return flight moves from Wed 09 Jun 2027 to Wed 23 Jun 2027." in shown
    assert "  ⚠ Lodging nights: 102 → 116 (+14)." in shown
    heading = shown.index("The plan as it is:")
    assert all(line.startswith("  ⚠") for line in shown[1:heading])
    assert "\n".join(shown[heading + 1 :]) == own
    # The plan itself is unchanged: its own warnings are not the question's.
    assert not any("What if" in notice.message for notice in window.document.journey.notices)
    # Another question replaces the first.
    panel.choice.setCurrentIndex(panel.choice.findData("not-eligible"))
    shown = window.summary.notices.text().splitlines()
    assert shown[0] == "What if… Screening finds the patient not eligible (not in the plan):"
    assert shown[1] == "  ⚠ Earliest return: 11 Mar 2027"
    assert not any("return flight moves" in line for line in shown)
    panel.close_button.click()
    assert window.summary.notices.text() == own
    assert window.summary.notices_area.accessibleDescription() == own_description


def test_a_question_that_breaks_nothing_says_so_above_the_plans_warnings(window):
    window.what_if_action.trigger()
    panel = window.what_if_panel
    # A transplant at home moves no date; the default plan has no home visits in its 3 days.
    panel.choice.setCurrentIndex(panel.choice.findData("transplant-home"))
    panel.days.setValue(3)
    shown = window.summary.notices.text().splitlines()
    assert shown[:3] == [
        "What if… A donor transplant follows, at home (+3 days) (not in the plan):",
        "  Nothing breaks.",
        "The plan as it is:",
    ]
