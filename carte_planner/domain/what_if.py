"""Before and after a contingency: the dates that move and what they break.

Both journeys are planned from requests; nothing of the family's plan is changed here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from carte_planner.domain.budget import plan_counts
from carte_planner.domain.journey import Category, Journey, JourneyItem, Severity
from carte_planner.domain.notice_codes import CLOSED_DAY
from carte_planner.i18n.text import Day, Words, count_days, say

RETURN_FLIGHT = "flight:return"
EXTENSION = "visa:extension"
RESIDENCE = "visa:residence-"
# Notices that say a plan no longer works; a check ("closed-day") that appears is an errand
# now on a day the office is shut.
# The contingency itself lengthens a phase past the guide's range: that is the question, not
# something it breaks.
_ASKED = frozenset({"phase-outside-range"})


@dataclass(frozen=True)
class Move:
    """A date that moves: the item's (or the visit's) key, its title, its old and new first
    day (its last day when only that moves, as a stay that ends later); `new` is None when
    the item no longer happens, `old` None when it is new."""

    key: str
    title: str | Words
    old: date | None
    new: date | None
    # Only its last day moves (a stay that ends later): `old` and `new` are last days.
    last_day: bool = False


@dataclass(frozen=True)
class Broken:
    """Something the contingency breaks: a notice code, the item it concerns and the words."""

    code: str
    item_key: str | None
    message_words: str | Words


@dataclass(frozen=True)
class Comparison:
    before: Journey
    after: Journey
    moved: tuple[Move, ...]
    broken: tuple[Broken, ...]
    lodging_nights: tuple[int, int]
    # A donor transplant at home: its days, which the home follow-up falls into.
    transplant_at_home: tuple[date, date] | None = None


def _dated(journey: Journey) -> dict[str, tuple[JourneyItem, date, date]]:
    """Each dated line by the key a moved date is stored under: items and visits of series."""
    lines = {}
    for line in journey.occurrences():
        if line.item.category is not Category.HOLIDAY:
            lines[line.key] = (line.item, line.day, line.end)
    return lines


def moved_items(before: Journey, after: Journey) -> tuple[Move, ...]:
    """Every line whose first or last day differs, and the lines only one plan has."""
    old, new = _dated(before), _dated(after)
    moves = []
    for key, (item, start, end) in old.items():
        if key not in new:
            moves.append(Move(key, item.title_words, start, None))
        elif new[key][1] != start:
            moves.append(Move(key, new[key][0].title_words, start, new[key][1]))
        elif new[key][2] != end:
            moves.append(Move(key, new[key][0].title_words, end, new[key][2], last_day=True))
    moves += [Move(key, item.title_words, None, start) for key, (item, start, _) in new.items() if key not in old]
    return tuple(sorted(moves, key=lambda m: (m.new or m.old or date.min, m.key)))


def _first_days(journey: Journey, prefix: str) -> dict[str, date]:
    return {item.key: item.start for item in journey.items if item.key.startswith(prefix)}


def broken_by(before: Journey, after: Journey, moves: tuple[Move, ...]) -> tuple[Broken, ...]:
    """What the after plan breaks that the before one did not: new warnings (the visa's stay,
    a visa-free turn, a passport held, a caregiver's turn), errands now on closed days, an
    extension or a residence permit now needed or needed earlier, lodging nights added, days
    without a caregiver, a return flight that moves."""
    known = {(n.code, n.item_key) for n in before.notices}
    broken = [
        Broken(n.code, n.item_key, n.message_words)
        for n in after.notices
        if (n.code, n.item_key) not in known
        and n.code not in _ASKED
        and (n.severity is Severity.WARNING or n.code == CLOSED_DAY)
    ]
    old_extensions = _first_days(before, EXTENSION)
    for item in after.items:
        if not item.key.startswith(EXTENSION):
            continue
        old = old_extensions.get(item.key)
        if old is None:
            message = say("{title}: now needed, by {day}.", title=item.title_words, day=Day(item.start))
            broken.append(Broken("extension-needed", item.key, message))
        elif item.start < old:
            message = say(
                "{title}: needed earlier, {new} instead of {old}.",
                title=item.title_words,
                new=Day(item.start),
                old=Day(old),
            )
            broken.append(Broken("extension-earlier", item.key, message))
    old_residence = _first_days(before, RESIDENCE)
    if any(key not in old_residence for key in _first_days(after, RESIDENCE)):
        broken.append(Broken("residence-permit-needed", None, say("A residence permit is now needed.")))
    nights = plan_counts(before).nights, plan_counts(after).nights
    if nights[1] > nights[0]:
        broken.append(
            Broken(
                "lodging-nights-added",
                None,
                say(
                    "Lodging nights: {before} → {after} (+{added}).",
                    added=nights[1] - nights[0],
                    before=nights[0],
                    after=nights[1],
                ),
            )
        )
    old_gaps = {gap.day for gap in before.coverage}
    uncovered = sorted({gap.day for gap in after.coverage} - old_gaps)
    if uncovered:
        broken.append(
            Broken(
                "caregiver-days-uncovered",
                None,
                say(
                    "Caregivers' turns now leave {days} uncovered, from {first}.",
                    days=count_days(len(uncovered)),
                    first=Day(uncovered[0]),
                ),
            )
        )
    for move in moves:
        if move.key == RETURN_FLIGHT and move.old and move.new:
            broken.append(
                Broken(
                    "return-flight-moved",
                    RETURN_FLIGHT,
                    say("The return flight moves from {old} to {new}.", old=Day(move.old), new=Day(move.new)),
                )
            )
    return tuple(broken)


def compare(before: Journey, after: Journey, transplant_at_home_days: int = 0) -> Comparison:
    """The plan before and after: what moves and what breaks. A donor transplant at home
    leaves every date here, and the home follow-up visits in its days are to be agreed anew."""
    moves = moved_items(before, after)
    broken = list(broken_by(before, after, moves))
    window = None
    if transplant_at_home_days:
        first = after.summary.return_date + timedelta(days=1)
        window = (first, first + timedelta(days=transplant_at_home_days - 1))
        for line in after.occurrences():
            if line.item.category is Category.HOME_FOLLOWUP and window[0] <= line.day <= window[1]:
                broken.append(
                    Broken(
                        "followup-during-transplant",
                        line.key,
                        say(
                            "{title} on {day} falls in the transplant's days: agree it with the transplant team.",
                            title=line.title,
                            day=Day(line.day),
                        ),
                    )
                )
    return Comparison(
        before=before,
        after=after,
        moved=moves,
        broken=tuple(broken),
        lodging_nights=(plan_counts(before).nights, plan_counts(after).nights),
        transplant_at_home=window,
    )
