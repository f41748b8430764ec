"""The family's budget at its own prices: lines that follow the plan's nights and travellers,
totals in yuan and in the home currency at a rate the family typed, and the deposit log.
Carte Planner has no amount of its own: every number here is the family's."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from carte_planner.domain.data_tables import Titled
from carte_planner.domain.errors import ResourceError
from carte_planner.i18n import tr

if TYPE_CHECKING:
    from carte_planner.domain.journey import Journey

CNY = "CNY"
HOME = "home"
CURRENCIES = (CNY, HOME)
# per night: times the nights in China; per person: times the travellers; per trip: times the
# trips to China (two when the patient goes home during manufacturing); one-off: once.
BASES = ("night", "person", "trip", "once")
DEPOSIT_KINDS = ("paid", "topup", "refund")
FAPIAO_STATES = ("none", "requested", "received")
MAX_AMOUNT = Decimal("1000000000")
MAX_LABEL = 200
CENT = Decimal("0.01")


def basis_title(basis: str) -> str:
    words = {
        "night": tr("per night"),
        "person": tr("per person"),
        "trip": tr("per trip"),
        "once": tr("one-off"),
    }
    return words.get(basis, basis)


def deposit_kind_title(kind: str) -> str:
    words = {"paid": tr("paid"), "topup": tr("topped up"), "refund": tr("refunded")}
    return words.get(kind, kind)


def fapiao_title(state: str) -> str:
    words = {"none": tr("not asked for"), "requested": tr("requested"), "received": tr("received")}
    return words.get(state, state)


@dataclass(frozen=True)
class BudgetCategory(Titled):
    """A kind of cost the family budgets for, as the data file names it."""


@dataclass(frozen=True)
class BudgetLine:
    """One amount the family typed: what for, how much, in which currency, and what it is per."""

    key: str
    category: str
    label: str
    amount: Decimal
    currency: str = CNY
    basis: str = "once"


@dataclass(frozen=True)
class DepositEntry:
    """One payment to or from the hospital's deposit, always in yuan, with whether the family
    holds its receipt and the state of its official receipt (发票)."""

    key: str
    day: date
    kind: str
    amount: Decimal
    receipt: bool = False
    fapiao: str = "none"


@dataclass(frozen=True)
class Money:
    """What a plan file holds about money. `rate` is how many yuan one unit of the home
    currency buys, as the family typed it on `rate_date`."""

    home_currency: str = ""
    rate: Decimal | None = None
    rate_date: date | None = None
    lines: tuple[BudgetLine, ...] = ()
    deposits: tuple[DepositEntry, ...] = ()

    def with_line(self, line: BudgetLine) -> Money:
        lines = list(self.lines)
        for index, old in enumerate(lines):
            if old.key == line.key:
                lines[index] = line
                break
        else:
            lines.append(line)
        return replace(self, lines=tuple(lines))

    def without_line(self, key: str) -> Money:
        return replace(self, lines=tuple(line for line in self.lines if line.key != key))

    def with_deposit(self, entry: DepositEntry) -> Money:
        others = [d for d in self.deposits if d.key != entry.key]
        return replace(self, deposits=tuple(sorted((*others, entry), key=lambda d: (d.day, d.key))))

    def without_deposit(self, key: str) -> Money:
        return replace(self, deposits=tuple(d for d in self.deposits if d.key != key))


@dataclass(frozen=True)
class PlanCounts:
    """What the per-night, per-person and per-trip amounts are multiplied by, from the plan."""

    nights: int
    travellers: int
    trips: int

    def quantity(self, basis: str) -> int:
        return {"night": self.nights, "person": self.travellers, "trip": self.trips}.get(basis, 1)


def plan_counts(journey: Journey) -> PlanCounts:
    """Nights in China (arrival to departure, every stay of the plan) and the travellers."""
    stays = [item for item in journey.items if item.key.startswith("stay:accommodation")]
    return PlanCounts(
        nights=sum((item.end - item.start).days for item in stays),
        travellers=len(journey.request.travellers),
        trips=max(len(stays), 1),
    )


@dataclass(frozen=True)
class CostedLine:
    line: BudgetLine
    quantity: int
    total: Decimal  # in the line's own currency
    total_cny: Decimal | None
    total_home: Decimal | None


@dataclass(frozen=True)
class Budget:
    """The lines costed for one plan. Without a rate, only the totals of each currency on its
    own are known (`cny_only`, `home_only`) and the combined totals are None."""

    counts: PlanCounts
    lines: tuple[CostedLine, ...]
    cny_only: Decimal
    home_only: Decimal
    total_cny: Decimal | None
    total_home: Decimal | None
    deposit_held: Decimal

    def category_total(self, category: str) -> tuple[Decimal, Decimal]:
        """The category's yuan and home-currency amounts, each in its own currency."""
        lines = [c for c in self.lines if c.line.category == category]
        return (
            sum((c.total for c in lines if c.line.currency == CNY), Decimal(0)),
            sum((c.total for c in lines if c.line.currency == HOME), Decimal(0)),
        )


def _round(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def cost(money: Money, counts: PlanCounts) -> Budget:
    rate = money.rate if money.rate is not None and money.rate > 0 else None
    costed = []
    for line in money.lines:
        quantity = counts.quantity(line.basis)
        total = line.amount * quantity
        in_cny: Decimal | None = total
        in_home: Decimal | None = total
        if line.currency == CNY:
            in_home = total / rate if rate else None
        else:
            in_cny = total * rate if rate else None
        costed.append(
            CostedLine(
                line=line,
                quantity=quantity,
                total=_round(total),
                total_cny=None if in_cny is None else _round(in_cny),
                total_home=None if in_home is None else _round(in_home),
            )
        )
    cny_only = sum((c.total for c in costed if c.line.currency == CNY), Decimal(0))
    home_only = sum((c.total for c in costed if c.line.currency == HOME), Decimal(0))
    return Budget(
        counts=counts,
        lines=tuple(costed),
        cny_only=_round(cny_only),
        home_only=_round(home_only),
        total_cny=_round(cny_only + home_only * rate) if rate else None,
        total_home=_round(home_only + cny_only / rate) if rate else None,
        deposit_held=deposit_held(money.deposits),
    )


def deposit_held(entries: tuple[DepositEntry, ...]) -> Decimal:
    """What the hospital holds: paid and topped up, less refunded."""
    held = sum((-e.amount if e.kind == "refund" else e.amount for e in entries), Decimal(0))
    return _round(held)


@dataclass(frozen=True)
class BudgetChange:
    """How a change of the plan moved the budget: the counts before and after and the
    difference of the totals (in yuan and the home currency where a rate is known; else of
    each currency's own total)."""

    before: PlanCounts
    after: PlanCounts
    cny: Decimal
    home: Decimal
    combined: bool


def budget_change(before: Budget, after: Budget) -> BudgetChange | None:
    """None when the change leaves every total where it was."""
    if before.total_cny is not None and after.total_cny is not None:
        assert before.total_home is not None
        assert after.total_home is not None
        change = BudgetChange(
            before.counts, after.counts, after.total_cny - before.total_cny, after.total_home - before.total_home, True
        )
    else:
        change = BudgetChange(
            before.counts, after.counts, after.cny_only - before.cny_only, after.home_only - before.home_only, False
        )
    return change if change.cny or change.home else None


def parse_amount(text: str) -> Decimal:
    """An amount as the family types it ("1 200,50", "1,200.50", "1200"): a ValueError for
    anything else, negative, or beyond a billion."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("\u202f", "")
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(",", "") if cleaned.rfind(".") > cleaned.rfind(",") else cleaned.replace(".", "")
        cleaned = cleaned.replace(",", ".")
    elif "," in cleaned:
        head, _, tail = cleaned.rpartition(",")
        cleaned = f"{head.replace(',', '')}.{tail}" if len(tail) != 3 else cleaned.replace(",", "")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        raise ValueError(text)
    return amount


def format_amount(amount: Decimal) -> str:
    """Two decimals, thousands apart by a thin space: read the same in every language."""
    return f"{_round(amount):,.2f}".replace(",", "\u2009")


def parse_budget_categories(data: Mapping[str, Any], source: str = "budget.toml") -> tuple[BudgetCategory, ...]:
    items = data.get("categories")
    if not isinstance(items, list) or not items:
        raise ResourceError(source, "categories", "must be a non-empty list of tables")
    categories = []
    for i, entry in enumerate(items):
        if not isinstance(entry, Mapping):
            raise ResourceError(source, f"categories[{i}]", "must be a table")
        for name in ("key", "title"):
            if not isinstance(entry.get(name), str) or not entry[name]:
                raise ResourceError(source, f"categories[{i}].{name}", "must be a non-empty string")
        categories.append(BudgetCategory(entry["key"], entry["title"]))
    if len({c.key for c in categories}) != len(categories):
        raise ResourceError(source, "categories", "holds the same key twice")
    return tuple(categories)
