"""A saved plan: the request with the identity that keeps its calendar events apart."""

from __future__ import annotations

from dataclasses import dataclass, field

from carte_planner.domain.checklist_state import ChecklistState
from carte_planner.domain.request import TripRequest


@dataclass(frozen=True)
class Plan:
    """What a plan file holds. `plan_id` is random, made once when the plan is created, and
    goes into every exported event's UID. `checklist` holds the ticks, notes and the user's
    own items."""

    request: TripRequest
    plan_id: str
    checklist: ChecklistState = field(default_factory=ChecklistState)
