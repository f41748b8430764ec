"""Dates outside Qt, in the current language: Babel's CLDR patterns, so that a Chinese
printout reads "2027年3月1日周一" and a Russian one "пн, 1 мар. 2027 г.". English keeps the
compact forms the plans have always used."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from carte_planner.i18n.catalog import PSEUDO, current_language

if TYPE_CHECKING:
    from babel import Locale

# The English strftime pattern beside the CLDR skeleton that says the same in other languages.
DAY = ("%a %d %b %Y", "yMMMEd")
DAY_NO_YEAR = ("%a %d %b", "MMMEd")
SHORT_DAY = ("%d %b", "MMMd")
DATE = ("%d %b %Y", "yMMMd")
DAY_TIME = ("%a %d %b %Y %H:%M", "yMMMEd Hm")
DAY_TIME_NO_YEAR = ("%a %d %b %H:%M", "MMMEd Hm")
MONTH_YEAR = ("%B %Y", "yMMMM")
MONTH = ("%b", "MMM")
TIME = ("%H:%M", "Hm")


@cache
def _locale(code: str) -> Locale:
    from babel import Locale

    return Locale.parse(code)


def format_day(day: date | datetime, form: tuple[str, str] = DAY) -> str:
    """`day` in the current language, in one of the forms above."""
    code = current_language()
    if code in ("en", PSEUDO):
        return day.strftime(form[0])
    from babel.dates import format_skeleton

    moment = day if isinstance(day, datetime) else datetime(day.year, day.month, day.day)
    # CLDR has no skeleton for a date with its time: each part is formatted on its own.
    return " ".join(format_skeleton(part, moment, locale=_locale(code)) for part in form[1].split())


def month_title(day: date) -> str:
    """The month and year as a title: "June 2027", "2027年6月", "июнь 2027 г."."""
    code = current_language()
    if code in ("en", PSEUDO):
        return day.strftime("%B %Y")
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", datetime(day.year, day.month, 1), locale=_locale(code))


def weekday_name(day: date) -> str:
    code = current_language()
    if code in ("en", PSEUDO):
        return day.strftime("%A")
    from babel.dates import format_date

    return format_date(day, "EEEE", locale=_locale(code))


def country_name(code: str, english: str) -> str:
    """A country's name in the current language (CLDR's), or `english` when there is none."""
    language = current_language()
    if language in ("en", PSEUDO) or not code:
        return english
    return str(_locale(language).territories.get(code.upper(), english))


def zone_city(zone: str, english: str) -> str:
    """The city a time zone is named after, in the current language (CLDR's exemplar city,
    "Нью-Йорк" for America/New_York), or `english` when CLDR has none."""
    language = current_language()
    if language in ("en", PSEUDO):
        return english
    return str(_locale(language).time_zones.get(zone, {}).get("city", english))
