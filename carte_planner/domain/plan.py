"""A saved plan: the request with the identity that keeps its calendar events apart."""

from __future__ import annotations

from dataclasses import dataclass

from carte_planner.domain.request import TripRequest


@dataclass(frozen=True)
class Plan:
    """What a plan file holds. `plan_id` is random, made once when the plan is created, and
    goes into every exported event's UID."""

    request: TripRequest
    plan_id: str
