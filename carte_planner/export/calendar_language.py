"""Which language a plan's calendar events are written in, for files and servers alike."""

from __future__ import annotations

from carte_planner.domain.plan import Plan
from carte_planner.i18n import current_language


def calendar_language(plan: Plan, change: str | None = None, default: str | None = None) -> str:
    """`change` when the family picks a language; else the one the plan keeps; else `default`
    (the window's language of calendar files), else the language in use. The plan keeps the
    answer: publishing again with the system in another language rewrites nothing."""
    return change or plan.calendar_language or default or current_language()
