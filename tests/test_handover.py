"""Going home: the checklist's section and the printable packet for the home oncologist, with
the follow-up dates from the plan, the team's contacts and the warning signs at home."""

from datetime import date, timedelta

import pytest

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.checklist import build_checklist
from carte_planner.domain.documents import Papers, build_documents
from carte_planner.domain.plan import Plan
from carte_planner.export.handover import documents_to_bring, followup_dates
from carte_planner.i18n.dates import format_day
from carte_planner.resources import load_checklist_template, load_documents_template
from carte_planner.storage.planfile import save_plan
from tests.journeys import TODAY, planned
from tests.test_hospital_sheet import compact, pdf_text

REQUEST = TripRequest(
    start=date(2027, 3, 1),
    city="shanghai",
    home_tz="Europe/Berlin",
    home_country="DE",
    followup_years=2,
    hospital_name="Ruijin Hospital",
    hospital_name_zh="上海交通大学医学院附属瑞金医院",
    team_phone="+86 21 6437 0099",
)


def test_the_going_home_section_asks_about_a_letter_for_the_medicines_and_lists_the_papers():
    journey = planned(REQUEST, TODAY)
    checklist = build_checklist(journey, load_checklist_template(), Plan(REQUEST, "p").checklist)
    home = [entry.key for entry in checklist.stage_entries("home")]
    assert {"home-medicines-letter", "home-documents", "home-warning-signs"} <= set(home)
    letter = checklist.entry("home-medicines-letter")
    assert "customs" in letter.title
    assert letter.due == journey.item("milestone:fit-to-fly").start - timedelta(days=7)


def test_the_papers_to_bring_home_are_the_home_oncologists_and_the_trips_for_the_insurer():
    journey = planned(REQUEST, TODAY)
    documents = build_documents(journey, load_documents_template(), Papers())
    keys = [entry.key for entry in documents_to_bring(documents)]
    assert keys[:2] == ["discharge-summary", "followup-schedule"]
    assert "deposit-receipts" in keys
    assert not any(key.startswith(("passport", "visa")) for key in keys)


@pytest.mark.qt
def test_the_packet_holds_the_followup_dates_the_contacts_and_the_home_emergency_number(tmp_path, capsys):
    plan_path = tmp_path / "family.carteplan"
    save_plan(plan_path, Plan(REQUEST, "p", papers=Papers().with_state("discharge-summary", "received")))
    output = tmp_path / "home.pdf"
    code = main(["handover", "--plan", str(plan_path), "--pdf", str(output), "--today", "2027-01-04"])
    assert code == 0, capsys.readouterr().err
    assert "1 page" in capsys.readouterr().out
    text = pdf_text(output)
    journey = planned(REQUEST, TODAY)
    dates = followup_dates(journey)
    assert len(dates) > 6
    followup = [item for item in journey.items if item.key.startswith("followup:")]
    first = min(item.start for item in followup)
    assert format_day(first) == dates[0][0]
    for day, label, _what in (dates[0], dates[-1]):
        assert day in text
        assert label.replace("\u2212", "-") in text.replace("\u2212", "-")
    assert "+86 21 6437 0099" in text
    assert "上海交通大学医学院附属瑞金医院" in compact(text)
    assert "customs" in text
    assert "112" in text  # Germany's emergency number, for the warning signs at home
    assert "☑ Discharge summary" in text
    assert "☐ Follow-up schedule for the home oncologist" in text
