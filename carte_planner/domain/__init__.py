"""The journey model and planner: pure Python, no Qt and no user file I/O. The names below
are loaded when first used, so that importing one small module of the package (its errors, its
fields) does not load the planner."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

_MODULES = {
    "PlanInputError": "errors",
    "ResourceError": "errors",
    "Category": "journey",
    "Journey": "journey",
    "JourneyItem": "journey",
    "Notice": "journey",
    "Occurrence": "journey",
    "Recurrence": "journey",
    "Summary": "journey",
    "plan_journey": "planner",
    "Scenario": "request",
    "TripRequest": "request",
}


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


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
