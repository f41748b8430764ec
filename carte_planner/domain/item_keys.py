"""The keys of journey items, made in one place. A key names an item across plans and exports
(calendar UIDs are made from it, plan files mark and move items by it), so its form never
changes: "phase:screening", "check:passport-1", "holiday:CN:2027-10-01"."""

from __future__ import annotations

from datetime import date


def phase_key(phase: str) -> str:
    """A treatment phase, by its key in the protocol ("screening")."""
    return f"phase:{phase}"


def milestone_key(name: str) -> str:
    return f"milestone:{name}"


def preparation_key(step: str, suffix: str = "") -> str:
    """A preparation step of the protocol; `suffix` tells a step repeated per person or entry apart."""
    return f"prep:{step}{suffix}"


def checklist_key(entry: str) -> str:
    """A dated checklist entry, shown on the calendar."""
    return f"check:{entry}"


def followup_key(stage: str) -> str:
    return f"followup:{stage}"


def handover_key(day: date) -> str:
    """Two caregivers' hand-over on `day`."""
    return f"handover:{day.isoformat()}"


def holiday_key(country: str, day: date) -> str:
    return f"holiday:{country}:{day.isoformat()}"
