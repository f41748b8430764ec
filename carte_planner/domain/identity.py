"""Plan ids and event UIDs: what lets a re-imported calendar update instead of duplicate."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

_NAMESPACE = uuid.UUID("6f1d5a52-6a0e-4f54-9d0b-2f3c7b0f8e61")
UID_DOMAIN = "carte-planner"
# A discreet calendar is seen by others: even its UIDs name nothing about the journey.
DISCREET_UID_DOMAIN = "calendar-export"


def derived_plan_id(city: str, home_tz: str, travellers: Iterable[str] = ()) -> str:
    """A plan id for a journey without a plan file: the same city, home zone and travellers
    give the same id, so exporting again from the command line updates the events already
    imported, while two patients with their own names never share one."""
    names = "|".join(name.strip().casefold() for name in travellers)
    return str(uuid.uuid5(_NAMESPACE, f"{city.casefold()}|{home_tz}|{names}"))


def new_plan_id() -> str:
    """A random id for a new plan file, so two patients' calendars never collide."""
    return str(uuid.uuid4())


def uid_domain(discreet: bool) -> str:
    return DISCREET_UID_DOMAIN if discreet else UID_DOMAIN


def event_uid(item_key: str, plan_id: str, discreet: bool = False) -> str:
    """Derived from the item's stable key and the plan id only, so moving dates keeps every
    UID. Hashed, so that a UID never tells what the event is (discreet calendars)."""
    return f"{uuid.uuid5(_NAMESPACE, f'{plan_id}/{item_key}')}@{uid_domain(discreet)}"
