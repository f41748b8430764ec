"""The days an office is open: weekends, public holidays and the weekend days declared working."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Protocol

from carte_planner.domain.holiday_names import NO_NAMES, HolidayName, HolidayNames
from carte_planner.domain.item_keys import holiday_key
from carte_planner.i18n.dates import country_name
from carte_planner.i18n.text import CountryName, Day, Weekday, Words, joined, say

SATURDAY, SUNDAY = 5, 6
CHINA = "CN"


@dataclass(frozen=True)
class Holiday:
    """One public holiday, named; `provisional` when the official arrangement for its year has
    not been published yet, so the dates are computed from the festival calendar."""

    day: date
    # The name as the holidays library gives it (English); `name` is in the reader's language.
    source_name: str
    country: str
    country_name: str
    provisional: bool = False
    # The country's names for its holidays in other languages, from its calendar.
    names: HolidayNames = field(default=NO_NAMES, compare=False, repr=False)

    @property
    def key(self) -> str:
        return holiday_key(self.country, self.day)

    @property
    def name(self) -> str:
        return str(HolidayName(self.country, self.source_name, self.names))

    @property
    def label_words(self) -> Words:
        """ "Public holiday (China): National Day (provisional: check the official holiday notice for 2027)" """
        text = say(
            "Public holiday ({country}): {name}",
            country=CountryName(self.country, self.country_name),
            name=HolidayName(self.country, self.source_name, self.names),
        )
        return provisional_holiday(text, self.day.year) if self.provisional else text

    @property
    def label(self) -> str:
        return str(self.label_words)


def provisional_note(year: int) -> Words:
    """What every date resting on a year whose holiday arrangement is not published says."""
    return say("provisional: check the official holiday notice for {year}", year=str(year))


def provisional_holiday(name: Words, year: int) -> Words:
    """ "National Day (provisional: check the official holiday notice for 2027)" """
    return say("{holiday} (provisional: check the official holiday notice for {year})", holiday=name, year=str(year))


def holiday_runs(holidays: tuple[Holiday, ...] | list[Holiday]) -> list[tuple[date, date, str]]:
    """Consecutive holiday days of one country as (first, last, name) runs, named after their
    first day: "National Day, China" for 1-7 October."""
    runs: list[tuple[date, date, str]] = []
    country = ""
    for holiday in sorted(holidays, key=lambda h: (h.country, h.day)):
        if runs and holiday.country == country and holiday.day == runs[-1][1] + timedelta(days=1):
            runs[-1] = (runs[-1][0], holiday.day, runs[-1][2])
        else:
            country_label = country_name(holiday.country, holiday.country_name)
            runs.append((holiday.day, holiday.day, f"{holiday.name}, {country_label}"))
            country = holiday.country
    return sorted(runs)


@dataclass(frozen=True)
class OfficeCalendar:
    """When offices in one country are open. China swaps weekend days around its long holidays:
    a weekend day listed in `working_days` is a normal working day there."""

    country: str
    name: str
    weekend: frozenset[int] = frozenset({SATURDAY, SUNDAY})
    # The library's names, or words already made for a holiday of another country.
    holidays: Mapping[date, str | Words] = field(default_factory=dict)
    working_days: frozenset[date] = frozenset()
    official_until: int | None = None
    spring_festival: Mapping[int, date] = field(default_factory=dict)
    known: bool = True
    # The holidays' names in other languages, loaded with the calendar.
    names: HolidayNames = field(default=NO_NAMES, compare=False, repr=False)

    def provisional(self, day: date) -> bool:
        return self.official_until is not None and day.year > self.official_until

    def closed_reason(self, day: date) -> Words | None:
        """Why offices are closed on `day` ("Sunday", "National Day"), or None when open."""
        if day in self.holidays:
            name = self._holiday_words(self.holidays[day])
            return provisional_holiday(name, day.year) if self.provisional(day) else name
        if day.weekday() in self.weekend and day not in self.working_days:
            return Weekday(day)
        return None

    def _holiday_words(self, name: str | Words) -> Words:
        return HolidayName(self.country, name, self.names) if isinstance(name, str) else name

    def is_open(self, day: date) -> bool:
        # As closed_reason(day) is None, without putting the reason into words: planning asks
        # this of thousands of days.
        if day in self.holidays:
            return False
        return day.weekday() not in self.weekend or day in self.working_days

    def open_on_or_before(self, day: date, earliest: date) -> date | None:
        """The last open day from `earliest` to `day`, or None when every one is closed."""
        while day >= earliest:
            if self.is_open(day):
                return day
            day -= timedelta(days=1)
        return None

    def with_holidays_of(self, other: OfficeCalendar) -> OfficeCalendar:
        """This calendar, closed on `other`'s holidays too: a Chinese consulate abroad closes on
        the host country's holidays and on China's. Worked out once for a pair of calendars
        (the shipped ones are loaded once): every re-plan asks for the same consulate."""
        key = (id(self), id(other))
        cached = _COMBINED.get(key)
        # The calendars themselves are kept with the result, so that their ids stay theirs.
        if cached is not None and cached[0] is self and cached[1] is other:
            return cached[2]
        combined = self._combined_with(other)
        if len(_COMBINED) >= _COMBINED_LIMIT:
            _COMBINED.clear()
        _COMBINED[key] = (self, other, combined)
        return combined

    def _combined_with(self, other: OfficeCalendar) -> OfficeCalendar:
        extra: dict[date, str | Words] = {}
        for day, name in other.holidays.items():
            if day not in self.holidays:
                words = say("{holiday} (China)", holiday=other._holiday_words(name))
                extra[day] = provisional_holiday(words, day.year) if other.provisional(day) else words
        return replace(self, holidays={**self.holidays, **extra}, official_until=None)

    def open_on_or_after(self, day: date) -> date:
        while not self.is_open(day):
            day += timedelta(days=1)
        return day

    def holidays_between(self, first: date, last: date) -> list[Holiday]:
        return [
            Holiday(day, name, self.country, self.name, self.provisional(day), self.names)
            for day, name in sorted(self.holidays.items())
            if first <= day <= last and isinstance(name, str)
        ]

    def in_travel_rush(self, day: date) -> bool:
        """Whether `day` falls in the Spring Festival travel rush (chunyun): about 40 days,
        from about 15 days before the New Year to about 25 days after it."""
        for festival in (self.spring_festival.get(day.year), self.spring_festival.get(day.year + 1)):
            if festival is not None and -15 <= (day - festival).days <= 25:
                return True
        return False


# The consulates' calendars already combined: {(id(host), id(china)): (host, china, combined)}.
_COMBINED: dict[tuple[int, int], tuple[OfficeCalendar, OfficeCalendar, OfficeCalendar]] = {}
_COMBINED_LIMIT = 32

# The calendar of a home country with no holidays known: weekends only.
UNKNOWN_HOME = OfficeCalendar("", "", known=False)


@dataclass(frozen=True)
class Deadline:
    """A deadline moved to the last day its office is open, and why it moved."""

    day: date
    reason: str | Words = ""


def office_deadline(calendar: OfficeCalendar, due: date, earliest: date, office: Words) -> Deadline:
    """`due` itself when the office is open; else the nearest earlier open day (never before
    `earliest`), with the sentence that says why. Deadlines only ever move earlier."""
    reason = calendar.closed_reason(due)
    if reason is None:
        return Deadline(due)
    opened = calendar.open_on_or_before(due, earliest)
    if opened is None:
        return Deadline(
            due,
            say(
                "{date} is a closed day for the {office} ({reason}), and it has no open day before it in time: ask "
                "the office what to do.",
                date=Day(due),
                office=office,
                reason=reason,
            ),
        )
    return Deadline(
        opened,
        say(
            "Planned for {date}, the last day the {office} is open before {due} ({reason}).",
            date=Day(opened),
            office=office,
            due=Day(due),
            reason=_closures(calendar, opened, due, reason),
        ),
    )


def _closures(calendar: OfficeCalendar, opened: date, due: date, reason: Words) -> Words:
    """Why the office is closed from the day after `opened` to `due`: the holidays in between,
    by name, rather than the weekday `due` happens to fall on; or `reason` when none is."""
    names: list[Words] = []
    seen: set[str] = set()
    provisional: int | None = None
    day = opened + timedelta(days=1)
    while day <= due:
        if day in calendar.holidays:
            words = calendar._holiday_words(calendar.holidays[day])
            if str(words) not in seen:
                seen.add(str(words))
                names.append(words)
            if calendar.provisional(day):
                provisional = provisional or day.year
        day += timedelta(days=1)
    if not names:
        return reason
    listed = joined(*names, separator=say("; "))
    return provisional_holiday(listed, provisional) if provisional is not None else listed


class CalendarSource(Protocol):
    """Where the planner gets office calendars, and the country a home time zone is in."""

    def calendar(self, country: str, first_year: int, last_year: int) -> OfficeCalendar: ...

    def home_country(self, zone: str) -> str: ...

    def is_country(self, code: str) -> bool: ...
