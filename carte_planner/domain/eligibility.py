"""The go/no-go point: eligibility is confirmed only at screening in China. Before it, some
bookings should stay changeable; if the answer is "not eligible", the journey ends there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from carte_planner.domain.journey import Category, Journey, JourneyItem

SCREENING = "phase:screening"
RETURN_FLIGHT = "flight:return"
# Bookings that cost money to change, by the start of their keys.
_BOOKINGS = ("flight:", "stay:accommodation", "stay:turn")


@dataclass(frozen=True)
class GoNoGo:
    """The day eligibility is known (the last day of screening, which ends with the cells'
    collection) and the bookings that reach past it, to keep changeable until then."""

    decision_day: date
    keep_changeable: tuple[JourneyItem, ...]


@dataclass(frozen=True)
class NotEligible:
    """The journey if screening finds the patient not eligible: the earliest return, the
    lodging nights then needed against those planned, and what no longer happens."""

    decision_day: date
    earliest_return: date
    nights_needed: int
    nights_planned: int
    cancelled: tuple[JourneyItem, ...]


def go_no_go(journey: Journey) -> GoNoGo:
    day = journey.item(SCREENING).end
    keep = [item for item in journey.items if item.key.startswith(_BOOKINGS) and item.end > day]
    return GoNoGo(day, tuple(keep))


def not_eligible(journey: Journey) -> NotEligible:
    """The return the day after screening ends; the nights from arrival to then; every later
    item (treatment, visits, registrations, extensions, later turns, the follow-up at home)
    no longer happens. Bookings are not cancelled here: the family sees what to change."""
    day = journey.item(SCREENING).end
    home = day + timedelta(days=1)
    stays = [item for item in journey.items if item.key.startswith("stay:accommodation")]
    needed = sum((min(item.end, home) - item.start).days for item in stays if item.start < home)
    planned = sum((item.end - item.start).days for item in stays)
    cancelled = tuple(
        item
        for item in journey.items
        if item.start > day and item.category is not Category.HOLIDAY and item.key != RETURN_FLIGHT
    )
    return NotEligible(day, home, needed, planned, cancelled)
