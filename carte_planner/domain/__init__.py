"""The journey model and planner: pure Python, no Qt and no user file I/O."""

from carte_planner.domain.errors import PlanInputError, ResourceError
from carte_planner.domain.journey import (
    Category,
    Journey,
    JourneyItem,
    Notice,
    Occurrence,
    Recurrence,
    Summary,
)
from carte_planner.domain.planner import plan_journey
from carte_planner.domain.request import Scenario, TripRequest

__all__ = [
    "Category",
    "Journey",
    "JourneyItem",
    "Notice",
    "Occurrence",
    "PlanInputError",
    "Recurrence",
    "ResourceError",
    "Scenario",
    "Summary",
    "TripRequest",
    "plan_journey",
]
