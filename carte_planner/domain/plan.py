"""A saved plan: the request with the identity that keeps its calendar events apart."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from carte_planner.domain.checklist_state import ChecklistState
from carte_planner.domain.request import TripRequest


@dataclass(frozen=True)
class ExportRecord:
    """What the plan's calendar exports have written so far, so that the next one can update
    them: the last SEQUENCE (the next one must be higher, even a second later) and every event
    UID with the first day it was on. A UID the next export no longer has goes out cancelled,
    which removes the stale event in clients that honour it."""

    sequence: int = 0
    events: tuple[tuple[str, date], ...] = ()


@dataclass(frozen=True)
class Plan:
    """What a plan file holds. `plan_id` is random, made once when the plan is created, and
    goes into every exported event's UID. `checklist` holds the ticks, notes and the user's
    own items; `exported` what the last calendar exports wrote."""

    request: TripRequest
    plan_id: str
    checklist: ChecklistState = field(default_factory=ChecklistState)
    exported: ExportRecord = field(default_factory=ExportRecord)
