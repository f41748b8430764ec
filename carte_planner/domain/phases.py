"""The treatment track: phase lengths for a scenario and the contiguous dates they give."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from carte_planner.domain.protocol import PhaseSpec, Protocol
from carte_planner.domain.request import Scenario, TripRequest


@dataclass(frozen=True)
class PhaseSpan:
    spec: PhaseSpec
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def scenario_length(spec: PhaseSpec, scenario: Scenario) -> int:
    return {
        Scenario.SHORTEST: spec.min_days,
        Scenario.TYPICAL: spec.typical_days,
        Scenario.LONGEST: spec.max_days,
    }[scenario]


def phase_lengths(request: TripRequest, protocol: Protocol, scenario: Scenario | None = None) -> dict[str, int]:
    """Each phase's length in days: the user's own where set, else the scenario's."""
    chosen = scenario or request.scenario
    return {spec.key: request.phase_length(spec.key) or scenario_length(spec, chosen) for spec in protocol.phases}


def treatment_track(start: date, protocol: Protocol, lengths: dict[str, int]) -> dict[str, PhaseSpan]:
    """Phases laid end to end from the first hospital day: no gap, no overlap."""
    spans: dict[str, PhaseSpan] = {}
    day = start
    for spec in protocol.phases:
        end = day + timedelta(days=lengths[spec.key] - 1)
        spans[spec.key] = PhaseSpan(spec, day, end)
        day = end + timedelta(days=1)
    return spans


def clearance_day(start: date, lengths: dict[str, int]) -> date:
    """The fit-to-fly check: the last day of the track."""
    return start + timedelta(days=sum(lengths.values()) - 1)
