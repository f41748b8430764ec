"""What the user types on the command line, read as dates, times and numbers, every refusal
naming the option to fix."""

from __future__ import annotations

import argparse
import calendar
import unicodedata
from collections.abc import Sequence
from datetime import date, time

from carte_planner.cli.output import UsageError
from carte_planner.i18n import tr, tr_noop
from carte_planner.i18n.dates import month_title

_NOT_A_DATE = tr_noop("{what}: '{text}' is not a date; write it as YYYY-MM-DD, for example 2027-03-01")


def parse_date(text: str, what: str = "date") -> date:
    """An ISO date (2027-03-01), with a message that says what is wrong with an impossible one.
    Full-width digits (２０２７-０３-０１, as Chinese and Japanese keyboards type them) are read
    as the digits they are."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text.isascii():
        raise UsageError(tr(_NOT_A_DATE).format(what=what, text=text[:40]))
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        year, month, _day = (int(p) for p in parts)
        if 1 <= month <= 12 and 1 <= year <= 9999:
            days = calendar.monthrange(year, month)[1]
            raise UsageError(
                tr("{what}: {text} is not a real date ({month} has {days} days)").format(
                    what=what, text=text, month=month_title(date(year, month, 1)), days=days
                )
            )
    raise UsageError(tr(_NOT_A_DATE).format(what=what, text=text))


def parse_time(text: str, option: str = "--departure-time", example: str = "10:00") -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise UsageError(
            tr("{option}: '{text}' is not a time; write it as HH:MM, for example {example}").format(
                option=option, text=text, example=example
            )
        ) from None


def parse_chemotherapy_days(text: str) -> tuple[int, int]:
    """ "-5..-3" (Day −5 to Day −3); a true minus sign is accepted too."""
    first, sep, last = text.replace("\u2212", "-").partition("..")
    try:
        return int(first), int(last if sep else first)
    except ValueError:
        raise UsageError(
            "--chemotherapy-days: "
            + tr("'{text}' must be Day numbers before Day 0, such as {example}").format(
                text=text, example="--chemotherapy-days=-5..-3"
            )
        ) from None


def parse_followup_rhythm(text: str) -> tuple[tuple[int, int], ...]:
    """ "1:6,3:24,12:60": every 1 month to month 6, every 3 to month 24, every 12 to month 60."""
    stages = []
    for part in text.split(","):
        every, sep, until = part.strip().partition(":")
        try:
            stages.append((int(every), int(until)))
        except ValueError:
            raise UsageError(
                "--home-followup-rhythm: "
                + tr("'{text}' must be stages of {form}, such as {example}").format(
                    text=text, form="MONTHS:UNTIL_MONTH", example="1:6,3:24,12:240"
                )
            ) from None
        if not sep:
            raise UsageError(
                "--home-followup-rhythm: "
                + tr("'{text}' needs the month it runs to, such as {example}").format(
                    text=part.strip(), example="12:240"
                )
            )
    return tuple(stages)


def parse_weekdays(text: str) -> tuple[str, ...]:
    return tuple(day.strip().upper()[:2] for day in text.split(",") if day.strip())


def parse_pairs(values: Sequence[str], option: str, convert: type | object) -> list[tuple[str, object]]:
    result = []
    for value in values:
        key, sep, raw = value.partition("=")
        if not sep or not key:
            raise UsageError(
                tr("{option}: '{text}' must look like {form}").format(option=option, text=value, form="KEY=VALUE")
            )
        result.append((key.strip(), convert(raw.strip())))  # type: ignore[operator]
    return result


def parse_phase_days(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise UsageError("--phase: " + tr("'{text}' is not a whole number of days").format(text=raw[:20])) from None


def parse_plan_id(text: str) -> str:
    text = text.strip()
    if not 1 <= len(text) <= 200 or not text.isprintable():
        raise UsageError("--plan-id: " + tr("write 1 to 200 letters, digits or signs, on one line"))
    return text


def today_from(args: argparse.Namespace) -> date:
    if not getattr(args, "today", None):
        return date.today()
    from carte_planner.domain.request import EARLIEST_START, LATEST_START

    today = parse_date(args.today, "--today")
    if not EARLIEST_START <= today <= LATEST_START:
        raise UsageError(
            "--today: "
            + tr("must be between {low} and {high}, not {value}").format(
                low=EARLIEST_START.year, high=LATEST_START.year, value=today
            )
        )
    return today
