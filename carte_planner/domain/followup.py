"""Visit series: outpatient visits near the hospital and the long-term rhythm at home."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday, weekdays

from carte_planner.domain.journey import Category, JourneyItem, Recurrence
from carte_planner.domain.phases import PhaseSpan
from carte_planner.domain.protocol import WEEKDAY_CODES, Protocol
from carte_planner.domain.request import TripRequest

_WEEKDAYS: dict[str, weekday] = dict(zip(WEEKDAY_CODES, weekdays, strict=True))


def _until(day: date) -> str:
    """UNTIL as a DATE, the same kind as the whole-day DTSTART (RFC 5545 §3.3.10)."""
    return day.strftime("%Y%m%d")


def outpatient_visit_item(protocol: Protocol, span: PhaseSpan) -> JourneyItem:
    """Visits on the protocol's weekdays through the outpatient phase, up to the day before the
    fit-to-fly check. DTSTART is the first real visit, so no client counts an extra one."""
    last = span.end - timedelta(days=1)
    days = [_WEEKDAYS[code] for code in protocol.outpatient_weekdays]
    first_visits = list(rrule(WEEKLY, byweekday=days, dtstart=_midnight(span.start), count=1))
    first = first_visits[0].date()
    if first > last:
        first = span.start
        recurrence = Recurrence("FREQ=DAILY;COUNT=1", (first,))
    else:
        rule = f"FREQ=WEEKLY;BYDAY={','.join(protocol.outpatient_weekdays)};UNTIL={_until(last)}"
        dates = rrule(WEEKLY, byweekday=days, dtstart=_midnight(first), until=_midnight(last))
        recurrence = Recurrence(rule, tuple(d.date() for d in dates))
    return JourneyItem(
        key="visits:outpatient",
        category=Category.OUTPATIENT_VISIT,
        title=protocol.outpatient_title,
        description=protocol.outpatient_description,
        start=first,
        end=first,
        recurrence=recurrence,
        phase="outpatient",
        at_hospital=True,
    )


def _monthly(every: int, anchor_day: int, first: date, until: date) -> Recurrence:
    """Every `every` months on the day of Day 0, clamped to the month's end: the RFC 5545
    rule, and its dates from dateutil given the very same parts.

    A plain BYMONTHDAY=31 would skip the shorter months (RFC 5545 drops invalid dates);
    BYMONTHDAY=28..D with BYSETPOS=-1 takes the latest of those days the month has, which is
    what "N months after Day 0" means.
    """
    month_days = list(range(28, anchor_day + 1)) if anchor_day > 28 else [anchor_day]
    position = -1 if anchor_day > 28 else None
    rule = f"FREQ=MONTHLY;INTERVAL={every};BYMONTHDAY={','.join(map(str, month_days))}"
    if position is not None:
        rule += f";BYSETPOS={position}"
    rule += f";UNTIL={_until(until)}"
    dates = rrule(
        MONTHLY,
        interval=every,
        bymonthday=month_days,
        bysetpos=position,
        dtstart=_midnight(first),
        until=_midnight(until),
    )
    return Recurrence(rule, tuple(d.date() for d in dates))


def home_followup_items(
    request: TripRequest, protocol: Protocol, day_zero: date, home_again: date
) -> list[JourneyItem]:
    """One series per stage of the home rhythm (monthly, quarterly, yearly by default),
    counted in months from Day 0, from the first visit after the return home."""
    horizon = request.followup_years * 12
    items: list[JourneyItem] = []
    previous = 0
    for stage in protocol.followup_stages:
        months = range(previous + stage.every_months, min(stage.until_month, horizon) + 1, stage.every_months)
        previous = stage.until_month
        due = [(m, day_zero + relativedelta(months=m)) for m in months]
        due = [(m, d) for m, d in due if d > home_again]
        if not due:
            continue
        first, last = due[0][1], due[-1][1]
        recurrence = _monthly(stage.every_months, day_zero.day, first, last)
        items.append(
            JourneyItem(
                key=f"followup:{stage.label}",
                category=Category.HOME_FOLLOWUP,
                title=f"{protocol.followup_title} ({stage.label})",
                description=(
                    f"{protocol.followup_description} Counted from Day 0: month {due[0][0]} to month {due[-1][0]}."
                ),
                start=first,
                end=first,
                recurrence=recurrence,
                busy=True,
            )
        )
    return items


def _midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())
