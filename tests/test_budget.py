"""The family's budget: its own amounts, multiplied by the plan's nights and travellers,
totals in two currencies at its own rate, the deposit log, and the `budget` command."""

import csv
import io
import json
import re
from datetime import date
from decimal import Decimal

import pytest

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.budget import (
    BudgetLine,
    DepositEntry,
    Money,
    budget_change,
    cost,
    parse_amount,
    plan_counts,
)
from carte_planner.domain.plan import Plan
from carte_planner.resources import load_budget_categories
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from carte_planner.storage.planfile import save_plan
from tests.journeys import REFERENCE, TODAY, planned

REQUEST = TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin")

MONEY = Money(
    home_currency="EUR",
    rate=Decimal("7.80"),
    rate_date=date(2027, 1, 15),
    lines=(
        BudgetLine("l1", "lodging", "Serviced apartment", Decimal("350"), "CNY", "night"),
        BudgetLine("l2", "flights", "Return tickets", Decimal("900"), "home", "person"),
        BudgetLine("l3", "visa", "Visa fee", Decimal("120.50"), "home", "person"),
        BudgetLine("l4", "treatment", "As quoted by the hospital", Decimal("250000"), "CNY", "once"),
        BudgetLine("l5", "interpreter", "Interpreter", Decimal("1500"), "CNY", "trip"),
    ),
    deposits=(
        DepositEntry("d1", date(2027, 3, 1), "paid", Decimal("100000"), True, "received"),
        DepositEntry("d2", date(2027, 4, 10), "topup", Decimal("50000"), True, "requested"),
        DepositEntry("d3", date(2027, 6, 12), "refund", Decimal("30000.25"), False, "none"),
    ),
)


def budget_for(request=REQUEST, money=MONEY):
    journey = planned(request, TODAY)
    return journey, cost(money, plan_counts(journey))


def test_lodging_nights_times_the_nightly_amount_equals_the_plans_nights():
    journey, budget = budget_for()
    stay = journey.item("stay:accommodation")
    nights = (stay.end - stay.start).days
    assert budget.counts.nights == nights
    lodging = budget.lines[0]
    assert lodging.quantity == nights
    assert lodging.total == Decimal(350) * nights


def test_a_stay_split_by_a_trip_home_counts_the_nights_of_both_stays_and_two_trips():
    journey, budget = budget_for(TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin", go_home=True))
    stays = [item for item in journey.items if item.key.startswith("stay:accommodation")]
    assert len(stays) == 2
    assert budget.counts.nights == sum((s.end - s.start).days for s in stays)
    assert budget.counts.trips == 2
    assert budget.lines[4].total == Decimal(3000)


def test_totals_in_both_currencies_at_the_familys_rate():
    _, budget = budget_for()
    nights = budget.counts.nights
    cny = Decimal(350) * nights + Decimal(250000) + Decimal(1500)
    home = (Decimal(900) + Decimal("120.50")) * 2
    assert budget.cny_only == cny
    assert budget.home_only == home
    assert budget.total_cny == (cny + home * Decimal("7.80")).quantize(Decimal("0.01"))
    assert budget.total_home == (home + cny / Decimal("7.80")).quantize(Decimal("0.01"))
    assert budget.deposit_held == Decimal("119999.75")


def test_without_a_rate_each_currency_is_added_up_alone():
    _, budget = budget_for(money=Money(lines=MONEY.lines))
    assert budget.total_cny is None
    assert budget.total_home is None
    assert budget.home_only == Decimal("2041.00")


def test_a_change_of_the_plan_changes_the_total_and_says_by_how_much():
    _, before = budget_for()
    longer = TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin", phase_days=(("manufacturing", 28),))
    _, after = budget_for(longer)
    assert after.counts.nights == before.counts.nights + 7
    change = budget_change(before, after)
    assert change is not None
    assert change.cny == Decimal(350 * 7)
    assert change.combined
    three = TripRequest(start=date(2027, 3, 1), home_tz="Europe/Berlin", travellers=("P", "C", "S"))
    change = budget_change(before, budget_for(three)[1])
    assert change is not None
    assert change.cny == Decimal("1020.50") * Decimal("7.80")
    assert budget_change(before, budget_for()[1]) is None


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("1200", "1200"), ("1 200,50", "1200.50"), ("1,200.50", "1200.50"), ("1.200,50", "1200.50"), ("12,5", "12.5")],
)
def test_amounts_are_read_as_families_type_them(typed, amount):
    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize("typed", ["", "abc", "-5", "1e400", "NaN", "2000000000"])
def test_an_amount_that_is_no_amount_is_refused(typed):
    with pytest.raises(ValueError, match=f"^{re.escape(typed)}$"):
        parse_amount(typed)


def test_money_round_trips_through_the_plan_file_to_the_cent():
    plan = Plan(REQUEST, plan_id="p", money=MONEY)
    assert plan_from_bytes(plan_to_bytes(plan), REFERENCE).money == MONEY


def test_a_float_amount_in_a_plan_file_is_refused_by_name():
    data = json.loads(plan_to_bytes(Plan(REQUEST, plan_id="p", money=MONEY)))
    data["money"]["lines"][0]["amount"] = 350.0
    with pytest.raises(PlanFileError, match=r"money\.lines\[0\]\.amount"):
        plan_from_bytes(json.dumps(data).encode(), REFERENCE)
    data["money"]["lines"][0]["amount"] = "350"
    data["money"]["lines"][0]["basis"] = "per fortnight"
    with pytest.raises(PlanFileError, match=r"money\.lines\[0\]\.basis"):
        plan_from_bytes(json.dumps(data).encode(), REFERENCE)


def test_every_category_of_the_guide_is_there():
    assert [c.key for c in load_budget_categories()] == [
        "treatment",
        "deposit",
        "lodging",
        "flights",
        "interpreter",
        "transport",
        "insurance",
        "visa",
        "daily",
    ]


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "family.carteplan"
    save_plan(path, Plan(REQUEST, plan_id="p", money=MONEY))
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_budget_command_csv_reads_back_with_pythons_csv(capsys, plan_file):
    code, out, err = run(capsys, "budget", "--plan", str(plan_file), "--format", "csv", "--today", "2027-01-01")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["label"] for row in rows] == [line.label for line in MONEY.lines]
    _, budget = budget_for()
    assert rows[0]["quantity"] == str(budget.counts.nights)
    assert Decimal(rows[0]["total"]) == Decimal(350) * budget.counts.nights
    assert rows[1]["currency"] == "EUR"
    assert rows[1]["total_cny"] == "14040.00"


def test_the_budget_command_json_and_text(capsys, plan_file):
    code, out, _ = run(capsys, "budget", "--plan", str(plan_file), "--format", "json", "--today", "2027-01-01")
    assert code == 0
    data = json.loads(out)
    _, budget = budget_for()
    assert data["total_cny"] == f"{budget.total_cny:.2f}"
    assert data["deposit_held"] == "119999.75"
    code, out, _ = run(capsys, "budget", "--plan", str(plan_file), "--today", "2027-01-01")
    assert code == 0
    assert "Serviced apartment" in out
    assert "1 EUR = 7.80 CNY" in out
    assert "119\u2009999.75" in out
    assert "changes by" not in out


def test_a_what_if_on_the_command_line_says_what_it_does_to_the_budget(capsys, plan_file):
    code, out, _ = run(
        capsys, "budget", "--plan", str(plan_file), "--phase", "manufacturing=28", "--today", "2027-01-01"
    )
    assert code == 0
    assert "the budget changes by +2\u2009450.00 CNY" in out


def test_the_budget_command_needs_a_plan_file(capsys):
    code, _, err = run(capsys, "budget", "--start", "2027-03-01", "--today", "2027-01-01")
    assert code == 2
    assert "--plan" in err


@pytest.mark.qt
def test_the_budget_prints_on_one_page_with_both_totals(capsys, plan_file, tmp_path):
    from tests.test_hospital_sheet import compact, pdf_text

    output = tmp_path / "budget.pdf"
    code, _out, err = run(
        capsys, "budget", "--plan", str(plan_file), "--pdf", str(output), "--lang", "zh_CN", "--today", "2027-01-01"
    )
    assert code == 0, err
    text = pdf_text(output)
    assert len(text.split("\f")[:-1]) == 1
    _, budget = budget_for()
    assert "预算（您自己填写的金额）" in text
    assert f"{budget.total_cny:.2f}" in compact(text)
    assert f"{budget.total_home:.2f}" in compact(text)
    assert "押金记录" in text
