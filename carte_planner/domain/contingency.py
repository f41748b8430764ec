"""The family's "what if" questions: a contingency turned into the request it would give.

Each contingency lengthens the phases it touches; the request the family has is never changed,
a new one is returned. None of this is a forecast: the family chooses the days."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.fields import FIELDS, WHAT_IF, Field
from carte_planner.domain.phases import day_zero_offset, phase_lengths
from carte_planner.domain.protocol import Protocol
from carte_planner.domain.request import DAY0_OFFSET_LIMITS, PHASE_DAYS_LIMITS, TripRequest
from carte_planner.i18n import tr_noop

INFUSION = "milestone:infusion"
# The phases a delay may name on the command line and in the window, with the phase it lengthens.
DELAYS = {
    "screening": "screening",
    "manufacturing": "manufacturing",
    "infusion": "admission",
    "recovery": "outpatient",
}
# Leukapheresis, which collects the cells again, takes part of one day at the hospital.
LEUKAPHERESIS_DAYS = 1
MAX_WHAT_IF_DAYS = 180


@dataclass(frozen=True)
class WhatIf:
    """One question: days added to phases, the cells collected again after a failed
    manufacturing, a readmission after discharge, a donor transplant after CAR-T."""

    delays: tuple[tuple[str, int], ...] = ()
    recollect: bool = False
    readmission_days: int = 0
    transplant_days: int = 0
    transplant_at_home: bool = False

    def __post_init__(self) -> None:
        for name, days in self.delays:
            if name not in DELAYS:
                raise PlanInputError(
                    WHAT_IF["delay"],
                    tr_noop("must be one of {choices}, not '{value}'"),
                    choices=", ".join(DELAYS),
                    value=name,
                )
            _days(WHAT_IF["delay"], days)
        _days(WHAT_IF["readmission_days"], self.readmission_days, 0)
        _days(WHAT_IF["transplant_days"], self.transplant_days, 0)

    @property
    def empty(self) -> bool:
        return not (self.delays or self.recollect or self.readmission_days or self.transplant_days)

    def delay(self, name: str) -> int:
        return sum(days for key, days in self.delays if key == name)


def _days(label: str | Field, days: object, low: int = 1) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not low <= days <= MAX_WHAT_IF_DAYS:
        raise PlanInputError(
            label, tr_noop("must be a whole number of days between {low} and {high}"), low=low, high=MAX_WHAT_IF_DAYS
        )
    return days


def added_days(request: TripRequest, protocol: Protocol, what_if: WhatIf) -> dict[str, int]:
    """The days each phase gains. A failed manufacturing is found at its end: the cells are
    collected again and made again, so the phase gains a leukapheresis day and its own length.
    A readmission and a donor transplant at the hospital keep the family near the hospital
    that much longer before the fit-to-fly check; a transplant at home changes no date here."""
    lengths = phase_lengths(request, protocol)
    added = dict.fromkeys(lengths, 0)
    for name, days in what_if.delays:
        added[DELAYS[name]] += days
    if what_if.recollect:
        added["manufacturing"] += LEUKAPHERESIS_DAYS + lengths["manufacturing"]
    added["outpatient"] += what_if.readmission_days
    if not what_if.transplant_at_home:
        added["outpatient"] += what_if.transplant_days
    return added


def request_after(request: TripRequest, protocol: Protocol, what_if: WhatIf) -> TripRequest:
    """The request the contingency gives; `request` itself is left as it is. An infusion delay
    moves Day 0 later inside a longer admission: by the Day 0 offset while it stays within its
    limit, else by the infusion date itself."""
    lengths = phase_lengths(request, protocol)
    added = added_days(request, protocol, what_if)
    result = request
    for key, days in added.items():
        if days:
            new = lengths[key] + days
            if new > PHASE_DAYS_LIMITS[1]:
                raise PlanInputError(
                    FIELDS["phase_days"],
                    tr_noop("must be between {low} and {high} days, not {value}"),
                    entry=key,
                    low=PHASE_DAYS_LIMITS[0],
                    high=PHASE_DAYS_LIMITS[1],
                    value=new,
                )
            result = result.with_phase_length(key, new)
    late = what_if.delay("infusion")
    if late:
        chosen = request.moved_date(INFUSION)
        if chosen is not None:
            result = result.with_moved(INFUSION, chosen + timedelta(days=late))
        else:
            offset = request.day0_offset if request.day0_offset is not None else protocol.day_zero_offset
            placed = day_zero_offset(offset, lengths["admission"])
            if placed + late <= DAY0_OFFSET_LIMITS[1]:
                result = replace(result, day0_offset=placed + late)
            else:
                start = request.start + timedelta(days=lengths["screening"] + added["screening"])
                start += timedelta(days=lengths["manufacturing"] + added["manufacturing"])
                result = result.with_moved(INFUSION, start + timedelta(days=placed + late))
    return result
