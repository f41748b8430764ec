"""Visit series: outpatient visits near the hospital and the long-term rhythm at home."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday, weekdays

from carte_planner.domain.assumptions import (
    DAY0_OFFSET,
    EARLY_HOME_FOLLOWUP,
    HOME_FOLLOWUP_RHYTHM,
    VISIT_RHYTHM,
    Settings,
    stage_title,
)
from carte_planner.domain.item_keys import followup_key
from carte_planner.domain.journey import Category, JourneyItem, Recurrence
from carte_planner.domain.office_days import OfficeCalendar
from carte_planner.domain.phases import PhaseSpan
from carte_planner.domain.protocol import WEEKDAY_CODES, Protocol
from carte_planner.domain.request import TripRequest
from carte_planner.i18n.text import Day, Words, joined, say, say_n

# Weeks between two visits of each rhythm (twice a week is two days in every week).
_INTERVAL = {"twice-weekly": 1, "weekly": 1, "every-two-weeks": 2}

_WEEKDAYS: dict[str, weekday] = dict(zip(WEEKDAY_CODES, weekdays, strict=True))


def _until(day: date) -> str:
    """UNTIL as a DATE, the same kind as the whole-day DTSTART (RFC 5545 §3.3.10)."""
    return day.strftime("%Y%m%d")


def outpatient_visit_item(protocol: Protocol, settings: Settings, span: PhaseSpan) -> JourneyItem:
    """Visits at the chosen rhythm and weekdays through the outpatient phase, up to the day
    before the fit-to-fly check. DTSTART is the first real visit, so no client counts an extra
    one; every two weeks counts from that first visit."""
    last = span.end - timedelta(days=1)
    days = [_WEEKDAYS[code] for code in settings.visit_weekdays]
    interval = _INTERVAL[settings.visit_rhythm]
    first_visits = list(rrule(WEEKLY, byweekday=days, dtstart=_midnight(span.start), count=1))
    first = first_visits[0].date()
    if first > last:
        first = span.start
        recurrence = Recurrence("FREQ=DAILY;COUNT=1", (first,))
    else:
        every = f"INTERVAL={interval};" if interval > 1 else ""
        rule = f"FREQ=WEEKLY;{every}BYDAY={','.join(settings.visit_weekdays)};UNTIL={_until(last)}"
        dates = rrule(WEEKLY, interval=interval, byweekday=days, dtstart=_midnight(first), until=_midnight(last))
        recurrence = Recurrence(rule, tuple(d.date() for d in dates))
    return JourneyItem(
        key="visits:outpatient",
        category=Category.OUTPATIENT_VISIT,
        title_words=say(protocol.outpatient_title),
        description_words=say(protocol.outpatient_description),
        start=first,
        end=first,
        recurrence=recurrence,
        phase="outpatient",
        at_hospital=True,
        assumptions=settings.marks(VISIT_RHYTHM),
    )


@lru_cache(maxsize=256)
def _monthly(every: int, anchor_day: int, first: date, until: date) -> Recurrence:
    """Every `every` months on the day of Day 0, clamped to the month's end: the RFC 5545
    rule, and its dates from dateutil given the very same parts.

    A plain BYMONTHDAY=31 would skip the shorter months (RFC 5545 drops invalid dates);
    BYMONTHDAY=28..D with BYSETPOS=-1 takes the latest of those days the month has, which is
    what "N months after Day 0" means. Worked out once for the same dates: an edit that
    leaves the follow-up where it was asks for the same series again.
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


def early_followup_item(protocol: Protocol, settings: Settings, home_again: date, emergency: Words) -> JourneyItem:
    """The first weeks back home: a visit a few days after landing (on a weekday), then weekly
    or every two weeks for the data file's number of weeks. Its description says whom to call
    between visits (`emergency`: the home country's number, in words)."""
    early = protocol.early_followup
    first = home_again + timedelta(days=early.first_after_days)
    if first.weekday() >= 5:
        first += timedelta(days=7 - first.weekday())
    last = first + timedelta(weeks=early.weeks, days=-1)
    interval = _INTERVAL[settings.early_rhythm]
    every = f"INTERVAL={interval};" if interval > 1 else ""
    dates = rrule(WEEKLY, interval=interval, dtstart=_midnight(first), until=_midnight(last))
    # BYDAY names the first visit's weekday: a weekly rule every client expands alike.
    byday = f"BYDAY={WEEKDAY_CODES[first.weekday()]};"
    return JourneyItem(
        key="followup:early",
        category=Category.HOME_FOLLOWUP,
        title_words=say(early.title),
        description_words=say(early.description, home_emergency=emergency),
        start=first,
        end=first,
        recurrence=Recurrence(f"FREQ=WEEKLY;{every}{byday}UNTIL={_until(last)}", tuple(d.date() for d in dates)),
        busy=True,
        assumptions=settings.marks(EARLY_HOME_FOLLOWUP),
    )


def home_followup_items(
    request: TripRequest, protocol: Protocol, settings: Settings, day_zero: date, after: date
) -> list[JourneyItem]:
    """One series per stage of the home rhythm (monthly, quarterly, yearly by default),
    counted in months from Day 0, from the first visit due after `after` (the last of the
    first weeks' visits)."""
    horizon = request.followup_years * 12
    items: list[JourneyItem] = []
    previous = 0
    for stage in settings.followup_stages:
        months = range(previous + stage.every_months, min(stage.until_month, horizon) + 1, stage.every_months)
        previous = stage.until_month
        due = [(m, day_zero + relativedelta(months=m)) for m in months]
        due = [(m, d) for m, d in due if d > after]
        if not due:
            continue
        first, last = due[0][1], due[-1][1]
        recurrence = _monthly(stage.every_months, day_zero.day, first, last)
        items.append(
            JourneyItem(
                key=followup_key(stage.label),
                category=Category.HOME_FOLLOWUP,
                title_words=say(
                    "{title} ({rhythm})", title=say(protocol.followup_title), rhythm=stage_title(stage.every_months)
                ),
                description_words=joined(
                    say(protocol.followup_description),
                    say("Counted from Day 0: month {first} to month {last}.", first=due[0][0], last=due[-1][0]),
                ),
                start=first,
                end=first,
                recurrence=recurrence,
                busy=True,
                assumptions=settings.marks(HOME_FOLLOWUP_RHYTHM, DAY0_OFFSET),
            )
        )
    return items


def to_open_days(item: JourneyItem, home: OfficeCalendar) -> JourneyItem:
    """A home visit series with each visit on a day clinics at home close (a weekend, a public
    holiday) moved to the next open day, and the description saying which."""
    if item.recurrence is None:
        return item
    shifted = []
    for day in item.recurrence.dates:
        reason = home.closed_reason(day)
        if reason is not None:
            shifted.append((day, home.open_on_or_after(day), reason))
    if not shifted:
        return item
    # Translators: one visit moved off a closed day, such as
    # "Mon 18 Jan 2027 (Martin Luther King Jr. Day) → Tue 19 Jan 2027".
    moves = joined(
        *(
            say("{date} ({reason}) → {open}", date=Day(day), reason=reason, open=Day(open_day))
            for day, open_day, reason in shifted
        ),
        separator=say("; "),
    )
    note = say_n(
        "{n} visit fell on a day clinics at home are usually closed and is planned on the next open day: {moves}. "
        "Check the date with the home medical team.",
        "{n} visits fell on days clinics at home are usually closed and are planned on the next open day: {moves}. "
        "Check the dates with the home medical team.",
        len(shifted),
        moves=moves,
    )
    return replace(
        item,
        shifted=tuple((day, open_day) for day, open_day, _ in shifted),
        description_words=joined(item.description_words, note),
    )


def _midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())
