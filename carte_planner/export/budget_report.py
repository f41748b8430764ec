"""The family's budget as text, JSON, CSV and a one-page printout. Every amount is the
family's own; the counts (nights, travellers, trips) come from the plan."""

from __future__ import annotations

import csv
import io
import json
from html import escape
from typing import TYPE_CHECKING, Any

from carte_planner.domain.budget import (
    CNY,
    Budget,
    BudgetCategory,
    BudgetChange,
    Money,
    basis_title,
    deposit_kind_title,
    fapiao_title,
    format_amount,
)
from carte_planner.i18n import current_language, tr
from carte_planner.i18n.catalog import is_right_to_left
from carte_planner.i18n.dates import format_day

if TYPE_CHECKING:
    from carte_planner.export.checklist_document import PrintDocument

BUDGET_STYLE = """
body { font-size: 9.5pt; }
h1 { font-size: 14pt; margin: 0 0 4pt 0; }
h2 { font-size: 11pt; margin: 8pt 0 2pt 0; }
td, th { padding: 2pt; }
.num { text-align: right; }
.total { font-weight: bold; }
.note { font-size: 8.5pt; }
"""


def shown_amount(amount: Any, sign: str = "") -> str:
    """An amount as printed: in a right-to-left language an isolate keeps its sign and digit
    groups in order ("+304 519.80", not "519.80 304+")."""
    text = sign + format_amount(amount)
    return f"\u2066{text}\u2069" if is_right_to_left(current_language()) else text


def home_code(money: Money) -> str:
    return money.home_currency or tr("home currency")


def _currency(money: Money, currency: str) -> str:
    return CNY if currency == CNY else home_code(money)


def _category_title(categories: tuple[BudgetCategory, ...], key: str) -> str:
    return next((c.title for c in categories if c.key == key), key)


def counts_text(budget: Budget) -> str:
    counts = budget.counts
    return tr("From the plan: {nights} nights in China, {travellers} travellers, {trips} trips to China.").format(
        nights=counts.nights, travellers=counts.travellers, trips=counts.trips
    )


def rate_text(money: Money) -> str:
    if money.rate is None:
        return tr("No conversion rate typed yet: each currency is added up on its own.")
    when = format_day(money.rate_date) if money.rate_date else tr("date not given")
    return tr("Conversion rate typed by you: 1 {home} = {rate} CNY ({date}).").format(
        home=home_code(money), rate=money.rate, date=when
    )


def total_lines(budget: Budget, money: Money) -> list[str]:
    if budget.total_cny is not None and budget.total_home is not None:
        return [
            tr("Total: {amount} {currency}").format(amount=shown_amount(budget.total_cny), currency=CNY),
            tr("Total: {amount} {currency}").format(amount=shown_amount(budget.total_home), currency=home_code(money)),
        ]
    return [
        tr("Total in {currency} alone: {amount}").format(currency=CNY, amount=shown_amount(budget.cny_only)),
        tr("Total in {currency} alone: {amount}").format(
            currency=home_code(money), amount=shown_amount(budget.home_only)
        ),
    ]


def change_text(change: BudgetChange, money: Money) -> str:
    """What a change of the plan did to the total, in words."""

    def signed(amount: Any) -> str:
        return shown_amount(abs(amount), "+" if amount > 0 else "\u2212" if amount < 0 else "")

    return tr(
        "With this change of the plan ({nights_before} → {nights_after} nights, {travellers_before} → "
        "{travellers_after} travellers) the budget changes by {cny} CNY and {home} {currency}."
    ).format(
        nights_before=change.before.nights,
        nights_after=change.after.nights,
        travellers_before=change.before.travellers,
        travellers_after=change.after.travellers,
        cny=signed(change.cny),
        home=signed(change.home),
        currency=home_code(money),
    )


def deposit_text(budget: Budget) -> str:
    return tr("Deposit held by the hospital (refundable): {amount} CNY").format(
        amount=shown_amount(budget.deposit_held)
    )


def budget_text(budget: Budget, money: Money, categories: tuple[BudgetCategory, ...]) -> str:
    out = [tr("Budget (your own amounts)"), counts_text(budget), rate_text(money), ""]
    for costed in budget.lines:
        line = costed.line
        amount = shown_amount(line.amount)
        basis = basis_title(line.basis)
        out.append(
            f"{_category_title(categories, line.category)}: {line.label}  "
            f"{amount} {_currency(money, line.currency)} {basis} × {costed.quantity} = "
            f"{shown_amount(costed.total)} {_currency(money, line.currency)}"
        )
    if not budget.lines:
        out.append(tr("No budget lines yet."))
    out.append("")
    out.extend(total_lines(budget, money))
    if money.deposits:
        out.extend(["", tr("Deposit log")])
        for entry in money.deposits:
            receipt = tr("receipt kept") if entry.receipt else tr("no receipt yet")
            out.append(
                f"{format_day(entry.day)}  {deposit_kind_title(entry.kind)}  {shown_amount(entry.amount)} CNY  "
                f"{receipt}; 发票: {fapiao_title(entry.fapiao)}"
            )
        out.append(deposit_text(budget))
    return "\n".join(out) + "\n"


def budget_json(budget: Budget, money: Money) -> str:
    """Amounts as strings with two decimals: exact, never floating point."""

    def money_or_none(value: Any) -> str | None:
        return None if value is None else f"{value:.2f}"

    document = {
        "nights": budget.counts.nights,
        "travellers": budget.counts.travellers,
        "trips": budget.counts.trips,
        "home_currency": money.home_currency,
        "rate": None if money.rate is None else str(money.rate),
        "rate_date": money.rate_date.isoformat() if money.rate_date else None,
        "lines": [
            {
                "category": c.line.category,
                "label": c.line.label,
                "amount": f"{c.line.amount:.2f}",
                "currency": c.line.currency,
                "basis": c.line.basis,
                "quantity": c.quantity,
                "total": f"{c.total:.2f}",
                "total_cny": money_or_none(c.total_cny),
                "total_home": money_or_none(c.total_home),
            }
            for c in budget.lines
        ],
        "total_cny": money_or_none(budget.total_cny),
        "total_home": money_or_none(budget.total_home),
        "cny_only": f"{budget.cny_only:.2f}",
        "home_only": f"{budget.home_only:.2f}",
        "deposits": [
            {
                "day": d.day.isoformat(),
                "kind": d.kind,
                "amount": f"{d.amount:.2f}",
                "receipt": d.receipt,
                "fapiao": d.fapiao,
            }
            for d in money.deposits
        ],
        "deposit_held": f"{budget.deposit_held:.2f}",
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    "category",
    "label",
    "amount",
    "currency",
    "basis",
    "quantity",
    "total",
    "total_cny",
    "total_home",
)


def budget_csv(budget: Budget, money: Money) -> str:
    """One row per line, machine-readable (English keys, dot decimals) for a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in budget.lines:
        writer.writerow(
            [
                c.line.category,
                c.line.label,
                f"{c.line.amount:.2f}",
                c.line.currency if c.line.currency == CNY else money.home_currency or "home",
                c.line.basis,
                c.quantity,
                f"{c.total:.2f}",
                "" if c.total_cny is None else f"{c.total_cny:.2f}",
                "" if c.total_home is None else f"{c.total_home:.2f}",
            ]
        )
    return buffer.getvalue()


def budget_document(budget: Budget, money: Money, categories: tuple[BudgetCategory, ...]) -> PrintDocument:
    """The budget on one page: the lines, the totals in both currencies and the deposit log."""
    # Loaded here: the window shows the budget's words at start-up, its printout only on demand.
    from carte_planner.export.checklist_document import Block, PrintDocument

    rows = []
    for c in budget.lines:
        line = c.line
        currency = _currency(money, line.currency)
        rows.append(
            "<tr>"
            f"<td>{escape(_category_title(categories, line.category))}</td><td>{escape(line.label)}</td>"
            f"<td class='num'>{shown_amount(line.amount)} {escape(currency)}</td>"
            f"<td>{escape(basis_title(line.basis))} × {c.quantity}</td>"
            f"<td class='num'>{shown_amount(c.total)} {escape(currency)}</td>"
            "</tr>"
        )
    header = "".join(
        f"<th>{escape(text)}</th>" for text in (tr("Category"), tr("What"), tr("Amount"), tr("Per"), tr("Subtotal"))
    )
    table = (
        f"<table width='100%' border='1' cellspacing='0' cellpadding='2'><tr>{header}</tr>{''.join(rows)}</table>"
        if rows
        else f"<p>{escape(tr('No budget lines yet.'))}</p>"
    )
    totals = "".join(f"<p class='total'>{escape(text)}</p>" for text in total_lines(budget, money))
    deposits = ""
    if money.deposits:
        deposit_rows = "".join(
            "<tr>"
            f"<td>{escape(format_day(d.day))}</td><td>{escape(deposit_kind_title(d.kind))}</td>"
            f"<td class='num'>{shown_amount(d.amount)} CNY</td>"
            f"<td>{escape(tr('receipt kept') if d.receipt else tr('no receipt yet'))}</td>"
            f"<td>发票: {escape(fapiao_title(d.fapiao))}</td>"
            "</tr>"
            for d in money.deposits
        )
        deposits = (
            f"<h2>{escape(tr('Deposit log'))}</h2>"
            f"<table width='100%' border='1' cellspacing='0' cellpadding='2'>{deposit_rows}</table>"
            f"<p class='total'>{escape(deposit_text(budget))}</p>"
        )
    title = tr("Budget (your own amounts)")
    html = (
        f"<h1>{escape(title)}</h1>"
        f"<p>{escape(counts_text(budget))}<br>{escape(rate_text(money))}</p>"
        f"{table}{totals}{deposits}"
    )
    footer = tr("Your own amounts; the nights and travellers come from the plan, whose dates are estimates.")
    return PrintDocument(
        title=title,
        blocks=(Block(html),),
        footer=footer,
        style=BUDGET_STYLE,
        right_to_left=is_right_to_left(current_language()),
    )
