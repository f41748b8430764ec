"""Caregivers taking turns: the hand-over days, and the days of the team's round-the-clock
window with no caregiver in China, or a caregiver's flight home with nobody to take over."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from carte_planner.domain.assumptions import HANDOVER_OVERLAP
from carte_planner.domain.item_keys import handover_key
from carte_planner.domain.journey import Category, DayNumber, JourneyItem, Notice, Severity
from carte_planner.domain.notice_codes import CAREGIVER_COVERAGE
from carte_planner.domain.people import Role
from carte_planner.domain.person_plan import TravellerPlan
from carte_planner.domain.travellers import traveller_words
from carte_planner.i18n.dates import DATE
from carte_planner.i18n.text import Day, joined, say

NOBODY = "no-caregiver"
DEPARTURE = "departure-without-hand-over"


@dataclass(frozen=True)
class Gap:
    """A day of the window without cover: nobody there, or a caregiver leaving with nobody
    there to take over."""

    day: date
    reason: str
    traveller: str | None = None


def _caregiver_days(plans: tuple[TravellerPlan, ...]) -> list[tuple[str, date, date]]:
    return [
        (plan.person.name, entry.arrive, entry.leave)
        for plan in plans
        if plan.person.role is Role.CAREGIVER
        for entry in plan.entries
    ]


def coverage_gaps(plans: tuple[TravellerPlan, ...], first: date, last: date, overlap_days: int) -> tuple[Gap, ...]:
    """Days `first`..`last` with no caregiver in China, and the days a caregiver flies home
    inside the window without another caregiver there for the `overlap_days` before it (and the
    day after, unless the window ends that day)."""
    stays = _caregiver_days(plans)
    gaps: list[Gap] = []
    day = first
    while day <= last:
        if not any(arrive <= day <= leave for _, arrive, leave in stays):
            gaps.append(Gap(day, NOBODY))
        day += timedelta(days=1)
    for name, _, leave in stays:
        if not first <= leave <= last:
            continue
        since = leave - timedelta(days=max(overlap_days, 1) - 1)
        until = leave if leave == last else leave + timedelta(days=1)
        if not any(other != name and arrive <= since and until <= other_leave for other, arrive, other_leave in stays):
            gaps.append(Gap(leave, DEPARTURE, name))
    return tuple(sorted(gaps, key=lambda gap: (gap.day, gap.reason)))


def coverage_notice(gaps: tuple[Gap, ...], until: int) -> Notice | None:
    if not gaps:
        return None
    nobody = [Day(gap.day, DATE) for gap in gaps if gap.reason == NOBODY]
    leaving = [
        say("{date} ({traveller})", date=Day(gap.day, DATE), traveller=traveller_words(gap.traveller or ""))
        for gap in gaps
        if gap.reason == DEPARTURE
    ]
    parts = [
        say(
            "The treating team asks for a caregiver with the patient around the clock until Day {day}.",
            day=DayNumber(until),
        )
    ]
    if nobody:
        parts.append(say("No caregiver is in China on: {days}.", days=joined(*nobody, separator=say(", "))))
    if leaving:
        parts.append(
            say(
                "A caregiver flies home with nobody there to take over on: {days}.",
                days=joined(*leaving, separator=say(", ")),
            )
        )
    return Notice(Severity.WARNING, CAREGIVER_COVERAGE, joined(*parts), field="travellers")


def handover_items(plans: tuple[TravellerPlan, ...], assumed: bool) -> list[JourneyItem]:
    """A hand-over day where one caregiver's stay ends inside another's."""
    stays = _caregiver_days(plans)
    items = []
    for name, _, leave in stays:
        for other, arrive, other_leave in stays:
            if other != name and arrive <= leave < other_leave:
                items.append(
                    JourneyItem(
                        key=handover_key(leave),
                        category=Category.MILESTONE,
                        title_words=say(
                            "Hand-over: {leaving} to {arriving}",
                            leaving=traveller_words(name),
                            arriving=traveller_words(other),
                        ),
                        description_words=say(
                            "{leaving} flies home today; {arriving} has been in China since {arrive}.",
                            leaving=traveller_words(name),
                            arriving=traveller_words(other),
                            arrive=Day(arrive),
                        ),
                        start=leave,
                        end=leave,
                        busy=False,
                        assumptions=(HANDOVER_OVERLAP,) if assumed else (),
                    )
                )
                break
    return items
