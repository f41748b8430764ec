"""Dates that rest on a year whose holiday arrangement China has not published yet."""

from __future__ import annotations

from dataclasses import replace

from carte_planner.domain.journey import JourneyItem
from carte_planner.domain.office_days import OfficeCalendar
from carte_planner.i18n.text import joined, say

# The items whose date is set or checked by China's office days: Exit-Entry and police errands,
# the consulate's (it closes on China's holidays too) and the hospital's clinic days.
CALENDAR_ITEMS = (
    "visa:extension",
    "visa:registration",
    "phase:screening",
    "milestone:leukapheresis",
    "milestone:admission",
    "milestone:fit-to-fly",
    "visits:outpatient",
)


def rests_on_calendar(item: JourneyItem, consulate_keys: frozenset[str]) -> bool:
    return item.key.startswith(CALENDAR_ITEMS) or item.key in consulate_keys


def mark_provisional(
    items: list[JourneyItem], china: OfficeCalendar, consulate_keys: frozenset[str]
) -> list[JourneyItem]:
    """Each item whose date rests on a provisional year of China's calendar, marked with the
    year and saying so in its description (where the window, the JSON and the calendar file
    read it)."""
    marked = []
    for item in items:
        if rests_on_calendar(item, consulate_keys):
            years = sorted({day.year for _, _, day in item.occurrence_dates() if china.provisional(day)})
            if item.recurrence is None and china.provisional(item.end):
                years = sorted({*years, item.end.year})
            if years:
                note = say("Provisional: check the official holiday notice for {year}.", year=str(years[0]))
                item = replace(item, provisional_year=years[0], description_words=joined(item.description_words, note))
        marked.append(item)
    return marked
