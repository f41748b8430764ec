"""The family's documents and money to JSON and back, refusing anything malformed with a
message that names the field. Amounts are strings ("1200.50"), never floats, so that they
read back to the cent."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from carte_planner.domain.budget import (
    BASES,
    CURRENCIES,
    DEPOSIT_KINDS,
    FAPIAO_STATES,
    MAX_LABEL,
    BudgetLine,
    DepositEntry,
    Money,
    parse_amount,
)
from carte_planner.domain.checklist_state import MAX_TITLE
from carte_planner.domain.documents import MAX_ATTACHMENTS, OWN_PREFIX, STATES, DocumentMark, OwnDocument, Papers
from carte_planner.domain.request import text_problem
from carte_planner.i18n import tr
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.json_fields import JsonFields


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def papers_to_dict(papers: Papers) -> dict[str, Any]:
    return {
        "marks": {
            mark.key: {
                "state": mark.state,
                "expiry": _day(mark.expiry),
                "note": mark.note,
                "attachments": list(mark.attachments),
            }
            for mark in papers.marks
        },
        "own": [
            {
                "key": doc.key,
                "title": doc.title,
                "traveller": doc.traveller,
                "packets": list(doc.packets),
                "due": _day(doc.due),
            }
            for doc in papers.own
        ],
    }


def money_to_dict(money: Money) -> dict[str, Any]:
    return {
        "home_currency": money.home_currency,
        "rate": None if money.rate is None else str(money.rate),
        "rate_date": _day(money.rate_date),
        "lines": [
            {
                "key": line.key,
                "category": line.category,
                "label": line.label,
                "amount": str(line.amount),
                "currency": line.currency,
                "basis": line.basis,
            }
            for line in money.lines
        ],
        "deposits": [
            {
                "key": entry.key,
                "day": entry.day.isoformat(),
                "kind": entry.kind,
                "amount": str(entry.amount),
                "receipt": entry.receipt,
                "fapiao": entry.fapiao,
            }
            for entry in money.deposits
        ],
    }


def _invalid(path: str, value: object) -> PlanFileError:
    return PlanFileError(
        tr("the field '{field}' has an invalid value: {value}.").format(field=path, value=repr(str(value)[:40]))
    )


def _date_or_none(fields: Any, name: str) -> date | None:
    from carte_planner.storage.plan_codec import _converted

    text = fields.take(name, (str, type(None)), None)
    if text is None:
        return None
    day = _converted(f"{fields.where}.{name}", text, date.fromisoformat)
    if not date(1900, 1, 1) <= day <= date(2200, 12, 31):
        raise _invalid(f"{fields.where}.{name}", text)
    return day


def _text(fields: Any, name: str, limit: int | None, free: bool) -> str:
    text = fields.take(name, str, "")
    problem = text_problem(text, free)
    if problem:
        raise PlanFileError(
            tr("the field '{field}' {problem}.").format(field=f"{fields.where}.{name}", problem=problem)
        )
    if limit is not None and len(text) > limit:
        raise PlanFileError(
            tr("the field '{field}' must have 1 to {count} characters.").format(
                field=f"{fields.where}.{name}", count=limit
            )
        )
    return str(text)


def _choice(fields: Any, name: str, choices: tuple[str, ...], default: str) -> str:
    value = fields.take(name, str, default)
    if value not in choices:
        raise _invalid(f"{fields.where}.{name}", value)
    return str(value)


def attachment_name_problem(name: str) -> bool:
    """A stored attachment is a plain file name inside the files folder: nothing that could
    point elsewhere (a folder, `..`, a drive) is accepted from a file."""
    return (
        not name
        or name in (".", "..")
        or any(sign in name for sign in "/\\:\x00")
        or len(name) > 255
        or text_problem(name, False) is not None
    )


def papers_from_dict(data: Any) -> Papers:

    fields = JsonFields(data, "papers")
    marks = []
    for key, value in sorted(fields.take("marks", dict, {}).items()):
        mark_fields = JsonFields(value, f"papers.marks.{str(key)[:60]}")
        attachments = mark_fields.take("attachments", list, [])
        if len(attachments) > MAX_ATTACHMENTS or not all(isinstance(a, str) for a in attachments):
            raise _invalid(f"{mark_fields.where}.attachments", attachments)
        for name in attachments:
            if attachment_name_problem(name):
                raise _invalid(f"{mark_fields.where}.attachments", name)
        marks.append(
            DocumentMark(
                key=str(key)[:200],
                state=_choice(mark_fields, "state", STATES, "needed"),
                expiry=_date_or_none(mark_fields, "expiry"),
                note=_text(mark_fields, "note", None, free=True),  # kept whole, as checklist notes are
                attachments=tuple(dict.fromkeys(attachments)),
            )
        )
        mark_fields.finish()
    own = []
    for index, value in enumerate(fields.take("own", list, [])):
        doc_fields = JsonFields(value, f"papers.own[{index}]")
        key = doc_fields.take("key", str)
        if not key.startswith(OWN_PREFIX) or len(key) > 100:
            raise _invalid(f"papers.own[{index}].key", key)
        title = _text(doc_fields, "title", MAX_TITLE, free=False).strip()
        if not title:
            raise PlanFileError(tr("the field '{field}' is empty.").format(field=f"papers.own[{index}].title"))
        traveller = doc_fields.take("traveller", int, 0)
        if isinstance(traveller, bool) or not 0 <= traveller <= 6:
            raise _invalid(f"papers.own[{index}].traveller", traveller)
        packets = doc_fields.take("packets", list, [])
        if not all(isinstance(p, str) and len(p) < 60 for p in packets):
            raise _invalid(f"papers.own[{index}].packets", packets)
        own.append(OwnDocument(key, title, traveller, tuple(packets), _date_or_none(doc_fields, "due")))
        doc_fields.finish()
    fields.finish()
    if len({d.key for d in own}) != len(own):
        raise PlanFileError(tr("the field '{field}' lists the same item twice.").format(field="papers.own"))
    return Papers(marks=tuple(marks), own=tuple(own))


def _amount(fields: Any, name: str) -> Decimal:
    text = fields.take(name, str)
    try:
        return parse_amount(text)
    except ValueError:
        raise _invalid(f"{fields.where}.{name}", text) from None


def money_from_dict(data: Any) -> Money:

    fields = JsonFields(data, "money")
    currency = fields.take("home_currency", str, "").strip().upper()
    if currency and not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
        raise _invalid("money.home_currency", currency)
    rate_text = fields.take("rate", (str, type(None)), None)
    rate = None
    if rate_text is not None:
        try:
            rate = parse_amount(rate_text)
        except ValueError:
            raise _invalid("money.rate", rate_text) from None
        if rate == 0:
            raise _invalid("money.rate", rate_text)
    rate_date = _date_or_none(fields, "rate_date")
    lines = []
    for index, value in enumerate(fields.take("lines", list, [])):
        line = JsonFields(value, f"money.lines[{index}]")
        lines.append(
            BudgetLine(
                key=_text(line, "key", 100, free=False) or f"line:{index}",
                category=_text(line, "category", 60, free=False),
                label=_text(line, "label", MAX_LABEL, free=False),
                amount=_amount(line, "amount"),
                currency=_choice(line, "currency", CURRENCIES, "CNY"),
                basis=_choice(line, "basis", BASES, "once"),
            )
        )
        line.finish()
    deposits = []
    for index, value in enumerate(fields.take("deposits", list, [])):
        entry = JsonFields(value, f"money.deposits[{index}]")
        day = _date_or_none(entry, "day")
        if day is None:
            raise PlanFileError(tr("the field '{field}' is missing.").format(field=f"money.deposits[{index}].day"))
        deposits.append(
            DepositEntry(
                key=_text(entry, "key", 100, free=False) or f"deposit:{index}",
                day=day,
                kind=_choice(entry, "kind", DEPOSIT_KINDS, "paid"),
                amount=_amount(entry, "amount"),
                receipt=entry.take("receipt", bool, False),
                fapiao=_choice(entry, "fapiao", FAPIAO_STATES, "none"),
            )
        )
        entry.finish()
    fields.finish()
    for where, keys in (("money.lines", [line.key for line in lines]), ("money.deposits", [d.key for d in deposits])):
        if len(set(keys)) != len(keys):
            raise PlanFileError(tr("the field '{field}' lists the same item twice.").format(field=where))
    return Money(currency, rate, rate_date, tuple(lines), tuple(deposits))
