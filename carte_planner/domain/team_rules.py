"""The treating team's rules once the family has set them: a band on the calendar for each
window after the infusion, and the flights that fall inside the stay-near window."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from carte_planner.domain.journey import Category, DayNumber, JourneyItem, Notice, Severity
from carte_planner.domain.notice_codes import FLIGHT_IN_STAY_NEAR_WINDOW
from carte_planner.domain.people import TeamRules
from carte_planner.i18n.dates import DATE
from carte_planner.i18n.text import Day, joined, say

# (rule, item key, title, description): the windows that run from Day 0 to the Day the team set.
_WINDOWS = (
    (
        "stay_near_until",
        "rule:stay-near",
        "Stay near the hospital until Day {day}",
        "The treating team asks the patient to stay near the hospital from the infusion until Day {day}.",
    ),
    (
        "no_driving_until",
        "rule:no-driving",
        "No driving until Day {day}",
        "The treating team asks the patient not to drive from the infusion until Day {day}.",
    ),
    (
        "around_the_clock_until",
        "rule:around-the-clock",
        "A caregiver around the clock until Day {day}",
        "The treating team asks for a caregiver with the patient around the clock from the infusion until Day {day}.",
    ),
)


def rule_items(team: TeamRules, day_zero: date) -> list[JourneyItem]:
    items = []
    for name, key, title, text in _WINDOWS:
        until = getattr(team, name)
        if until is None:
            continue
        items.append(
            JourneyItem(
                key=key,
                category=Category.MILESTONE,
                title_words=say(title, day=DayNumber(until)),
                description_words=joined(
                    say(text, day=DayNumber(until)),
                    say(
                        "Set by you from what the team said; Day {day} is {date}.",
                        day=DayNumber(until),
                        date=Day(day_zero + timedelta(days=until)),
                    ),
                ),
                start=day_zero,
                end=day_zero + timedelta(days=until),
                busy=False,
            )
        )
    return items


def with_travel_time(items: list[JourneyItem], team: TeamRules) -> list[JourneyItem]:
    """The lodging items say the longest travel time to the hospital the team allows."""
    if team.max_travel_minutes is None:
        return items
    note = say(
        "The treating team allows at most {minutes} minutes of travel from the lodging to the hospital.",
        minutes=team.max_travel_minutes,
    )
    return [
        replace(item, description_words=joined(item.description_words, note))
        if item.category is Category.ACCOMMODATION
        else item
        for item in items
    ]


def stay_near_notices(team: TeamRules, day_zero: date, items: list[JourneyItem], patient: str | None) -> list[Notice]:
    """A flight of the patient's that leaves inside the stay-near window."""
    if team.stay_near_until is None:
        return []
    last = day_zero + timedelta(days=team.stay_near_until)
    notices = []
    for item in items:
        if item.category is not Category.FLIGHT or item.depart is None or item.traveller not in (None, patient):
            continue
        if day_zero <= item.depart.date() <= last:
            notices.append(
                Notice(
                    Severity.WARNING,
                    FLIGHT_IN_STAY_NEAR_WINDOW,
                    say(
                        "{flight} leaves on {date}, while the treating team asks the patient to stay near the "
                        "hospital until Day {day} ({last}).",
                        flight=item.title_words,
                        date=Day(item.depart.date(), DATE),
                        day=DayNumber(team.stay_near_until),
                        last=Day(last, DATE),
                    ),
                    field="stay_near_until",
                    item_key=item.key,
                )
            )
    return notices
