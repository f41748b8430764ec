"""China's breaks for years whose holiday arrangement is not published yet.

China announces each year's arrangement late in the year before. For later years the festival
dates alone (what the `holidays` library computes) leave offices open on days they usually
close: the Spring Festival break runs a week, not three days. So those years get the breaks
offices usually close for, taken conservatively (a closed day too many only moves a deadline
earlier): New Year's Day with the weekend next to it, the Spring Festival from New Year's Eve
to the 7th day, National Day 1-7 October (to the 8th, or to Mid-Autumn, when Mid-Autumn joins
it), Labour Day 1-5 May, and Qingming,
Dragon Boat and Mid-Autumn joined to the weekend next to them. No weekend day is assumed to
be a working day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

NEW_YEAR = "New Year's Day"
EVE = "Chinese New Year's Eve"
SPRING_FESTIVAL = "Chinese New Year (Spring Festival)"
QINGMING = "Tomb-Sweeping Day"
LABOUR_DAY = "Labor Day"
DRAGON_BOAT = "Dragon Boat Festival"
MID_AUTUMN = "Mid-Autumn Festival"
NATIONAL_DAY = "National Day"
_SHORT_FESTIVALS = (QINGMING, DRAGON_BOAT, MID_AUTUMN)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def with_weekend(day: date) -> list[date]:
    """A one-day festival and the weekend next to it: a Monday or Tuesday joins the weekend
    before; a Wednesday to Friday the weekend after; a Saturday or Sunday takes the Monday."""
    weekday = day.weekday()
    if weekday <= 1:
        return _days(day - timedelta(days=weekday + 2), day)
    if weekday <= 4:
        return _days(day, day + timedelta(days=6 - weekday))
    return _days(day - timedelta(days=weekday - 5), day + timedelta(days=7 - weekday))


def festival_days(year: int, holidays: Mapping[date, str]) -> dict[str, date]:
    """The festival days of `year` in the library's table: the day each name first appears on,
    observed days left out."""
    found: dict[str, date] = {}
    for day in sorted(holidays):
        if day.year != year:
            continue
        for part in holidays[day].split("; "):
            found.setdefault(part, day)
    return found


def modelled_breaks(year: int, festivals: Mapping[str, date], spring_festival: date | None) -> dict[date, str]:
    """The days offices are assumed closed in `year`, named as the library names them."""
    closed: dict[date, list[str]] = {}

    def close(days: list[date], name: str) -> None:
        for day in days:
            if day.year == year and name not in closed.setdefault(day, []):
                closed[day].append(name)

    close(with_weekend(date(year, 1, 1)), NEW_YEAR)
    if spring_festival is not None:
        close([spring_festival - timedelta(days=1)], EVE)
        close(_days(spring_festival, spring_festival + timedelta(days=6)), SPRING_FESTIVAL)
    close(_days(date(year, 5, 1), date(year, 5, 5)), LABOUR_DAY)
    national = _days(date(year, 10, 1), date(year, 10, 7))
    for name in _SHORT_FESTIVALS:
        day = festivals.get(name)
        if day is None:
            continue
        if name == MID_AUTUMN and date(year, 9, 28) <= day <= date(year, 10, 8):
            # Mid-Autumn next to or inside National Day: one break of eight days or more.
            national = _days(min(day, date(year, 10, 1)), max(day, date(year, 10, 8)))
            close([day], name)
            continue
        close(with_weekend(day), name)
    close(national, NATIONAL_DAY)
    return {day: "; ".join(names) for day, names in sorted(closed.items())}


def with_modelled_years(
    holidays: Mapping[date, str], working_days: frozenset[date], official_until: int
) -> tuple[dict[date, str], frozenset[date]]:
    """China's table with every year after `official_until` replaced by its modelled breaks,
    and no declared working weekend day in those years."""
    kept = {day: name for day, name in holidays.items() if day.year <= official_until}
    for year in sorted({day.year for day in holidays if day.year > official_until}):
        festivals = festival_days(year, holidays)
        kept.update(modelled_breaks(year, festivals, festivals.get(SPRING_FESTIVAL)))
    return dict(sorted(kept.items())), frozenset(day for day in working_days if day.year <= official_until)
