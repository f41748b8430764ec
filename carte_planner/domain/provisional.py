"""Dates that rest on a year whose holiday arrangement China has not published yet."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from carte_planner.domain.journey import JourneyItem
from carte_planner.domain.office_days import OfficeCalendar
from carte_planner.i18n.text import joined, say

# Deadlines placed by China's office days: the Exit-Entry office's, and the consulate's (it
# closes on China's holidays too).
DEADLINES = ("visa:extension",)
# Dates the hospital or the police station set, flagged when they fall on a closed day: the
# flag (not the date) rests on the holidays.
FLAGGED = (
    "visa:registration",
    "phase:screening",
    "milestone:leukapheresis",
    "milestone:admission",
    "milestone:fit-to-fly",
    "visits:outpatient",
)


def rests_on_calendar(item: JourneyItem, consulate_keys: frozenset[str]) -> bool:
    return item.key.startswith((*DEADLINES, *FLAGGED)) or item.key in consulate_keys


def _provisional_dates(item: JourneyItem, china: OfficeCalendar, consulate_keys: frozenset[str]) -> list[date]:
    """The dates of a deadline, or of a flag on a closed day, that fall in a provisional year."""
    days = {day for _, _, day in item.occurrence_dates()}
    if not (item.key.startswith(DEADLINES) or item.key in consulate_keys):
        days = {day for day in days if not china.is_open(day)}
    return sorted(day for day in days if china.provisional(day))


def mark_provisional(
    items: list[JourneyItem], china: OfficeCalendar, consulate_keys: frozenset[str]
) -> list[JourneyItem]:
    """Each deadline in a provisional year of China's calendar, and each hospital or police date
    flagged on a day closed in such a year, marked with the year and saying so in its
    description (where the window, the JSON and the calendar file read it)."""
    marked = []
    for item in items:
        if rests_on_calendar(item, consulate_keys):
            days = _provisional_dates(item, china, consulate_keys)
            if days:
                notes = [
                    say("Provisional: check the official holiday notice for {year}.", year=str(year))
                    for year in sorted({day.year for day in days})
                ]
                item = replace(
                    item, provisional_dates=tuple(days), description_words=joined(item.description_words, *notes)
                )
        marked.append(item)
    return marked
