"""Documents, attachments and money stay in the plan and its folder: no calendar file, no
calendar server and no discreet calendar ever holds any of it."""

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.budget import BudgetLine, DepositEntry, Money
from carte_planner.domain.checklist import build_checklist
from carte_planner.domain.documents import DocumentMark, OwnDocument, Papers
from carte_planner.domain.plan import Plan
from carte_planner.publish.sync import PublishTarget, publish_plan
from carte_planner.resources import load_checklist_template
from carte_planner.storage.planfile import save_plan
from tests.caldav_server import PASSWORD, USER
from tests.journeys import TODAY, planned

NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
REQUEST = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin", followup_years=1)

# Words and numbers found nowhere else in a plan: any of them in a calendar is a leak.
SECRETS = ("Zebulon-note", "scan-of-passport-Q7.pdf", "Quokka letter", "Yak-rent", "987654.32", "55555.55", "XAF")

PAPERS = (
    Papers()
    .with_mark(DocumentMark("passport:1", "copied", date(2027, 2, 1), "Zebulon-note", ("scan-of-passport-Q7.pdf",)))
    .with_own(OwnDocument("own:1", "Quokka letter", 1, ("consulate",), date(2027, 2, 3)))
)
MONEY = Money(
    home_currency="XAF",
    rate=Decimal("0.0123"),
    rate_date=date(2027, 1, 2),
    lines=(BudgetLine("l1", "lodging", "Yak-rent", Decimal("987654.32"), "CNY", "night"),),
    deposits=(DepositEntry("d1", date(2027, 3, 1), "paid", Decimal("55555.55"), True, "received"),),
)
PLAN = Plan(REQUEST, "plan-private", papers=PAPERS, money=MONEY)


def assert_no_secret(data: bytes) -> None:
    text = data.decode("utf-8")
    for secret in SECRETS:
        assert secret not in text, secret


@pytest.mark.parametrize("discreet", [False, True])
def test_no_document_attachment_or_amount_in_an_exported_calendar(tmp_path, capsys, discreet):
    plan_path = tmp_path / "family.carteplan"
    save_plan(plan_path, PLAN)
    output = tmp_path / "trip.ics"
    flags = ["--discreet"] if discreet else []
    code = main(["export", "--plan", str(plan_path), "-o", str(output), "--today", "2027-01-04", "--holidays", *flags])
    assert code == 0, capsys.readouterr().err
    data = output.read_bytes()
    assert b"BEGIN:VEVENT" in data
    assert_no_secret(data)


@pytest.mark.parametrize("discreet", [False, True])
def test_no_document_attachment_or_amount_on_a_calendar_server(radicale, discreet):
    journey = planned(PLAN.request, TODAY)
    checklist = build_checklist(journey, load_checklist_template(), PLAN.checklist)
    target = PublishTarget(url=radicale.url, user=USER, discreet=discreet)
    outcome = publish_plan(PLAN, journey, target, PASSWORD, NOW, checklist=checklist, holidays=True)
    assert outcome.created > 0
    stored = radicale.items()
    assert stored
    for data in stored.values():
        assert_no_secret(data)
    # Publishing records where the events went; the papers and money are left as they were.
    assert replace(PLAN, server=outcome.server).papers == PAPERS
