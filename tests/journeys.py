"""The one way tests plan a journey: the shipped reference data, loaded once per test session,
and one TODAY. A test that depends on a "today" of its own passes it explicitly, under a name
that says why."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from carte_planner.domain.journey import Journey
from carte_planner.domain.planner import plan_journey
from carte_planner.domain.reference import Reference
from carte_planner.domain.request import TripRequest
from carte_planner.shipped import shipped_reference

# The day the tests plan on: eight weeks before START, so that every preparation step of the
# default plan is still ahead.
TODAY = date(2027, 1, 4)
START = date(2027, 3, 1)

# The shipped data, read once (shipped_reference() caches it for the session).
REFERENCE: Reference = shipped_reference()


def reference(**changes: Any) -> Reference:
    """The shipped reference data, with some parts replaced (`calendars=`, `protocol=`...)."""
    return replace(REFERENCE, **changes) if changes else REFERENCE


def planned(request: TripRequest, today: date = TODAY, **reference_changes: Any) -> Journey:
    """The journey of `request`, planned on `today` with the shipped data (or with the parts
    given in `reference_changes` replaced)."""
    return plan_journey(request, today, reference(**reference_changes))


def planned_trip(start: date = START, *, today: date = TODAY, **changes: Any) -> Journey:
    """The journey of a request that starts on `start`, with `changes` to its other fields,
    planned on `today`. A module whose trips share fields names them once with
    functools.partial: `plan = partial(planned_trip, home_tz="Europe/Berlin")`."""
    return planned(TripRequest(start=start, **changes), today)
