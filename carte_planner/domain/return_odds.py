"""The return date as odds: its 50th, 80th and 95th percentiles from the phase ranges.

Assumed, and said so wherever the odds are shown: each phase whose length the family has not
set and the hospital has not confirmed lasts a whole number of days between the guide's
shortest and longest, most often the plan's own length, in a triangular distribution; the
phases are independent. A set or confirmed phase keeps its length, as in the summary's
shortest and longest returns. The odds are computed exactly (the lengths' distributions
convolved), so the same plan gives the same dates on every run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from functools import lru_cache

from carte_planner.domain.item_keys import phase_key
from carte_planner.domain.journey import Journey
from carte_planner.domain.phases import day_zero_offset
from carte_planner.domain.protocol import Protocol
from carte_planner.i18n.text import Day, Words, say

INFUSION = "milestone:infusion"
ASSUMPTION = "return-odds"


@dataclass(frozen=True)
class ReturnOdds:
    p50: date
    p80: date
    p95: date
    earliest: date
    latest: date
    # The share of outcomes whose stay is longer than the visa's permitted stay.
    extension_needed_share: float
    # The phases whose length is fixed: set by the family or confirmed by the hospital.
    fixed: tuple[str, ...]

    @property
    def assumption_words(self) -> Words:
        return assumption_words()

    @property
    def advice_words(self) -> Words:
        return say(
            "Keep the return ticket changeable between {p50} and {p95}; book lodging to {p80} with an option to "
            "extend. An extension of the visa's stay is needed in {share} % of outcomes.",
            p50=Day(self.p50),
            p80=Day(self.p80),
            p95=Day(self.p95),
            share=round(self.extension_needed_share * 100),
        )


def assumption_words() -> Words:
    """The assumption the odds rest on, said wherever they are shown."""
    return say(
        "Assumed: each phase whose length you have not set and the hospital has not confirmed lasts "
        "between the guide's shortest and longest, most often the plan's own length (a triangular "
        "distribution), independently of the others."
    )


Distribution = dict[int, Fraction]


def _triangular(low: int, mode: int, high: int) -> Distribution:
    """Whole days from `low` to `high`, weighted by a triangle peaking at `mode`: each day's
    weight is its height, the ends one step above zero so that they can happen."""
    weights = {}
    for day in range(low, high + 1):
        if day <= mode:
            weights[day] = Fraction(day - low + 1, mode - low + 1)
        else:
            weights[day] = Fraction(high - day + 1, high - mode + 1)
    total = sum(weights.values())
    return {day: weight / total for day, weight in weights.items()}


def _phase(shortest: int, longest: int, length: int, fixed: bool) -> Distribution:
    if fixed:
        return {length: Fraction(1)}
    return _triangular(min(shortest, length), length, max(longest, length))


def _sum(first: Distribution, second: Distribution) -> Distribution:
    result: Distribution = {}
    for a, p in first.items():
        for b, q in second.items():
            result[a + b] = result.get(a + b, Fraction(0)) + p * q
    return result


def _percentile(cumulative: list[tuple[int, Fraction]], share: Fraction) -> int:
    return next(days for days, total in cumulative if total >= share)


def return_odds(journey: Journey, protocol: Protocol | None = None) -> ReturnOdds:
    """The odds of the return date: the days from the first hospital day (or, when the family
    set the infusion day, from Day 0) to the return, summed over the phases (of `protocol`, by
    default the one the journey was planned with)."""
    protocol = protocol or journey.protocol
    if protocol is None:
        raise ValueError("a journey made without its protocol has no odds")
    request = journey.request
    lengths = dict(journey.summary.phase_lengths)
    confirmed = {
        spec.key
        for spec in protocol.phases
        if phase_key(spec.key) in request.confirmed or request.phase_length(spec.key) is not None
    }
    phases = tuple(
        (spec.key, spec.min_days, spec.max_days, lengths[spec.key], spec.key in confirmed) for spec in protocol.phases
    )
    offset = request.day0_offset if request.day0_offset is not None else protocol.day_zero_offset
    moved = request.moved_date(INFUSION) is not None
    origin = journey.day_zero if moved else request.start
    # A stay longer than the visa's permitted one: more days than this from the origin.
    longest_allowed = request.visa_stay_days - 1 + (journey.summary.arrival - origin).days
    p50, p80, p95, earliest, latest, over = _odds_in_days(phases, offset, moved, longest_allowed)

    def day(days: int) -> date:
        return origin + timedelta(days=days)

    return ReturnOdds(
        p50=day(p50),
        p80=day(p80),
        p95=day(p95),
        earliest=day(earliest),
        latest=day(latest),
        extension_needed_share=over,
        fixed=tuple(sorted(confirmed)),
    )


# (key, shortest, longest, the plan's length, fixed) of each phase, in the protocol's order.
PhaseRange = tuple[str, int, int, int, bool]


@lru_cache(maxsize=256)
def _odds_in_days(
    phases: tuple[PhaseRange, ...], offset: int, moved: bool, longest_allowed: int
) -> tuple[int, int, int, int, int, float]:
    """P50, P80, P95, the earliest and latest return in days from the origin, and the share of
    outcomes longer than `longest_allowed` days: the same for every plan with the same phase
    lengths, whatever its dates, so a re-plan that moves the dates reuses them."""
    spread = {key: _phase(low, high, length, fixed) for key, low, high, length, fixed in phases}
    if moved:
        total: Distribution = {1: Fraction(1)}
    else:
        total = _sum(spread["screening"], spread["manufacturing"])
        placed: Distribution = {}
        for days, p in spread["admission"].items():
            key = day_zero_offset(offset, days)
            placed[key] = placed.get(key, Fraction(0)) + p
        total = _sum(total, placed)
        total = {days + 1: p for days, p in total.items()}  # the return is the day after the check
    total = _sum(_sum(total, spread["monitoring"]), spread["outpatient"])
    cumulative = []
    running = Fraction(0)
    for days in sorted(total):
        running += total[days]
        cumulative.append((days, running))
    over = sum(p for days, p in total.items() if days > longest_allowed)
    return (
        _percentile(cumulative, Fraction(1, 2)),
        _percentile(cumulative, Fraction(4, 5)),
        _percentile(cumulative, Fraction(19, 20)),
        cumulative[0][0],
        cumulative[-1][0],
        float(over),
    )
