"""Plan ids and event UIDs: what lets a re-imported calendar update instead of duplicate."""

from __future__ import annotations

import uuid

_NAMESPACE = uuid.UUID("6f1d5a52-6a0e-4f54-9d0b-2f3c7b0f8e61")
UID_DOMAIN = "carte-planner"


def derived_plan_id(city: str, home_tz: str) -> str:
    """A plan id for a journey without a plan file: the same city and home zone give the same
    id, so exporting again from the command line updates the events already imported."""
    return str(uuid.uuid5(_NAMESPACE, f"{city.casefold()}|{home_tz}"))


def new_plan_id() -> str:
    """A random id for a new plan file, so two patients' calendars never collide."""
    return str(uuid.uuid4())


def event_uid(item_key: str, plan_id: str) -> str:
    """Derived from the item's stable key and the plan id only, so moving dates keeps every
    UID. Hashed, so that a UID never tells what the event is (discreet calendars)."""
    return f"{uuid.uuid5(_NAMESPACE, f'{plan_id}/{item_key}')}@{UID_DOMAIN}"
