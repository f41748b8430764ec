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


def day_zero_offset(offset: int, admission_days: int) -> int:
    """Day 0's place in the admission phase: `offset` days after admission, kept after the
    first day and inside the phase (the day after it when the phase has only one: at least
    one day in hospital comes before the infusion)."""
    if 1 <= offset < admission_days:
        return offset
    return min(max(offset, 1), admission_days - 1) if admission_days > 1 else 1


def around_infusion(track: dict[str, PhaseSpan], day_zero: date, lengths: dict[str, int]) -> dict[str, PhaseSpan]:
    """The track with the monitoring phase beginning on Day 0, the start of the critical period,
    and lasting its length in days after Day 0; the admission phase keeps the days before Day 0
    and the phases after monitoring follow it. So the inpatient days after the infusion are the
    monitoring length, whatever the admission length."""
    spans = dict(track)
    admission, monitoring = track["admission"], track["monitoring"]
    spans["admission"] = PhaseSpan(admission.spec, admission.start, day_zero - timedelta(days=1))
    day = day_zero + timedelta(days=lengths["monitoring"])
    spans["monitoring"] = PhaseSpan(monitoring.spec, day_zero, day)
    keys = list(track)
    for key in keys[keys.index("monitoring") + 1 :]:
        span = track[key]
        start = day + timedelta(days=1)
        day = start + timedelta(days=lengths[key] - 1)
        spans[key] = PhaseSpan(span.spec, start, day)
    return spans


def clearance_day(start: date, lengths: dict[str, int], day0_offset: int) -> date:
    """The fit-to-fly check: the last day of the track, Day 0 `day0_offset` days after admission."""
    keys = list(lengths)
    before = sum(lengths[key] for key in keys[: keys.index("admission")])
    day_zero = start + timedelta(days=before + day_zero_offset(day0_offset, lengths["admission"]))
    after = sum(lengths[key] for key in keys[keys.index("monitoring") + 1 :])
    return day_zero + timedelta(days=lengths["monitoring"] + after)
