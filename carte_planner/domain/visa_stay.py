"""The visa's permitted stay, counted the way the Exit-Entry Administration counts it.

The day of entry is day 1: entering on 27 Feb with a 30-day stay, the last permitted day is
28 Mar. An extension is applied for at least 7 days before that day and cannot be longer than
the stay first granted. Every count of days in China in the app comes from here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta


def days_between(first: date, last: date) -> int:
    """Calendar days from `first` to `last`, both included."""
    return (last - first).days + 1


@dataclass(frozen=True)
class Entry:
    """One entry into China: landing on `arrive`, leaving on `leave`."""

    number: int
    arrive: date
    leave: date

    @property
    def days(self) -> int:
        """Days in China on this entry, the day of entry and the day of departure included."""
        return days_between(self.arrive, self.leave)


@dataclass(frozen=True)
class StayCheck:
    """How one entry fits the visa's permitted stay."""

    entry: Entry
    permitted_days: int
    lead_days: int

    @property
    def last_permitted_day(self) -> date:
        return self.entry.arrive + timedelta(days=self.permitted_days - 1)

    @property
    def extensions_needed(self) -> int:
        """Extensions of at most the first stay's length that the entry needs (0 when none)."""
        return max(0, math.ceil(self.entry.days / self.permitted_days) - 1)

    @property
    def too_long(self) -> bool:
        """Longer than the permitted stay plus one extension."""
        return self.extensions_needed > 1

    @property
    def extension_due(self) -> date:
        """The latest day to apply for the extension: `lead_days` before the last permitted day."""
        return self.last_permitted_day - timedelta(days=self.lead_days)

    @property
    def longest_with_one_extension(self) -> int:
        return 2 * self.permitted_days
