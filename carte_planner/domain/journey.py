"""The planned journey as values: items, series, notices and the summary."""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cached_property
from typing import TYPE_CHECKING

from carte_planner.domain.office_days import Holiday
from carte_planner.domain.protocol import City, Protocol
from carte_planner.domain.request import TripRequest
from carte_planner.i18n.catalog import is_right_to_left
from carte_planner.i18n.text import CountryName, Words, joined, say, spoken, words

if TYPE_CHECKING:
    from carte_planner.domain.coverage import Gap
    from carte_planner.domain.person_plan import TravellerPlan

MINUS = "\u2212"


class Category(enum.StrEnum):
    PREPARATION = "preparation"
    VISA = "visa"
    FLIGHT = "flight"
    ACCOMMODATION = "accommodation"
    PHASE = "phase"
    MILESTONE = "milestone"
    OUTPATIENT_VISIT = "outpatient visit"
    HOME_FOLLOWUP = "home follow-up"
    CHECKLIST = "checklist"
    HOLIDAY = "public holiday"


class Severity(enum.StrEnum):
    """How much a notice weighs. The values are written to JSON output as they are."""

    # A problem with the plan.
    WARNING = "warning"
    # A step to confirm with the hospital or the consulate.
    CHECK = "check"


@dataclass(frozen=True)
class Recurrence:
    """A series of whole-day visits: its RFC 5545 rule and the dates the rule gives."""

    rule: str
    dates: tuple[date, ...]


@dataclass(frozen=True)
class JourneyItem:
    """One thing on the calendar. Whole-day items use `start`..`end` (both inclusive);
    flights also carry zoned `depart` and `arrive` times. For a phase, `earliest` and `latest`
    are the last days its shortest and longest usual lengths would give."""

    key: str
    category: Category
    # Codes and parameters: `title` and `description` put them into words when read.
    title_words: str | Words
    description_words: str | Words
    start: date
    end: date
    depart: datetime | None = None
    arrive: datetime | None = None
    recurrence: Recurrence | None = None
    moved: tuple[tuple[date, date], ...] = ()
    # Visits the plan itself moved off a closed day (planned, shown); the user's moves win.
    shifted: tuple[tuple[date, date], ...] = ()
    confirmed_visits: frozenset[int] = frozenset()
    phase: str | None = None
    confirmed: bool = False
    user_moved: bool = False
    busy: bool = True
    deadline: bool = False
    at_hospital: bool = False
    traveller: str | None = None
    movable: bool = False
    earliest: date | None = None
    latest: date | None = None
    # Names of the assumptions its date rests on (see domain.assumptions); none once the user
    # set the date or the hospital confirmed it.
    assumptions: tuple[str, ...] = ()
    # Its dates that rest on a year whose holiday arrangement China has not published yet (the
    # breaks are modelled): a deadline placed by them, or a flag on a day they close.
    provisional_dates: tuple[date, ...] = ()
    # The departure time asked for, when the clocks skip it that night (a spring-forward gap)
    # and the flight leaves at the same moment by the new time.
    skipped_departure: time | None = None

    title = spoken("title_words")
    description = spoken("description_words")

    @property
    def provisional_year(self) -> int | None:
        """The first year of unpublished holidays its dates rest on, or None."""
        return self.provisional_dates[0].year if self.provisional_dates else None

    @property
    def timed(self) -> bool:
        return self.depart is not None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def occurrence_dates(self) -> tuple[tuple[int, date, date], ...]:
        """(number, planned date, shown date) of each occurrence, moves applied, numbered from 1."""
        if self.recurrence is None:
            return ((1, self.start, self.start),)
        moves = {**dict(self.shifted), **dict(self.moved)}
        return tuple((n, d, moves.get(d, d)) for n, d in enumerate(self.recurrence.dates, start=1))


@dataclass(frozen=True)
class Occurrence:
    """One dated line of the agenda: a single item, or one visit of a series."""

    item: JourneyItem
    number: int
    planned: date
    day: date

    @property
    def key(self) -> str:
        """The key a moved date is stored under: the item's own, or `series#N` for a visit."""
        return self.item.key if self.item.recurrence is None else f"{self.item.key}#{self.number}"

    @property
    def end(self) -> date:
        return self.item.end if self.item.recurrence is None else self.day

    @property
    def title(self) -> str:
        if self.item.recurrence is None:
            return self.item.title
        # Translators: one visit of a series, "Outpatient visit 3" (Chinese: 第 3 次门诊复诊).
        return str(say("{title} {number}", title=self.item.title, number=self.number))

    @property
    def moved(self) -> bool:
        return self.day != self.planned

    @property
    def confirmed(self) -> bool:
        """Confirmed by the hospital: the whole item, or this one visit of a series."""
        return self.item.confirmed or self.number in self.item.confirmed_visits

    @property
    def set_by_user(self) -> bool:
        return self.planned in dict(self.item.moved) or self.item.user_moved


@dataclass(frozen=True)
class Notice:
    """Something the user should see: a warning or a step to check (`severity`), told apart by
    its `code` (carte_planner/domain/notice_codes.py)."""

    severity: Severity
    code: str
    message_words: str | Words
    field: str | None = None
    item_key: str | None = None

    message = spoken("message_words")


@dataclass(frozen=True)
class Assumption:
    """One value the guide does not give, in effect in a plan: its stable name, a short label
    and the sentence with its values."""

    name: str
    label_words: str | Words
    text_words: str | Words

    label = spoken("label_words")
    text = spoken("text_words")


LEFT_TO_RIGHT_MARK = "\u200e"


@dataclass(frozen=True, slots=True)
class DayNumber(Words):
    """A Day number with its sign, "−5", "0", "+3" (a true minus sign). Read in a right-to-left
    language it starts with a left-to-right mark: the bidi algorithm would otherwise draw
    "اليوم −5" with the sign after the digit. (A mark, not an isolate: Qt's text layout still
    reverses the sign inside an isolate.)"""

    number: int

    def _words(self) -> str:
        if self.number == 0:
            return "0"
        signed = f"+{self.number}" if self.number > 0 else f"{MINUS}{abs(self.number)}"
        return f"{LEFT_TO_RIGHT_MARK}{signed}" if is_right_to_left() else signed


def home_emergency_phrase(number: str, country: Words | str) -> Words:
    """What to call at home: the home country's number when the data file knows it."""
    if number and words(country):
        return say("your local emergency number ({country}: {number})", country=country, number=number)
    return say("your local emergency number")


@dataclass(frozen=True)
class Summary:
    arrival: date
    days_in_china: int
    inpatient_days: int
    clearance: date
    return_date: date
    clearance_range: tuple[date, date]
    return_range: tuple[date, date]
    weeks_to_clearance: float
    phase_lengths: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Journey:
    request: TripRequest
    city: City
    today: date
    day_zero: date
    items: tuple[JourneyItem, ...]
    notices: tuple[Notice, ...]
    summary: Summary
    estimate_words: str | Words
    holidays: tuple[Holiday, ...] = ()
    home_country: str = ""
    # The assumptions some item of this plan rests on, in the data file's order.
    assumptions: tuple[Assumption, ...] = ()
    # Every assumption of the data file, with the values in effect (checklist entries may rest
    # on one that no journey item does).
    catalogue: tuple[Assumption, ...] = ()
    # The home country's emergency number, or "" when the data file does not know it.
    home_emergency_number: str = ""
    home_country_name: str = ""
    # The last year whose holiday arrangement China has published (later years are modelled).
    holidays_published_until: int | None = None
    # Each person's dates, and the days of the team's round-the-clock window without cover.
    travellers: tuple[TravellerPlan, ...] = ()
    coverage: tuple[Gap, ...] = ()
    # The protocol the journey was planned with: its phase ranges give the return date's odds.
    protocol: Protocol | None = dataclasses.field(default=None, compare=False, repr=False)

    estimate_note = spoken("estimate_words")

    @cached_property
    def _by_key(self) -> dict[str, JourneyItem]:
        return {item.key: item for item in self.items}

    def item(self, key: str) -> JourneyItem:
        return self._by_key[key]

    def find(self, key: str) -> JourneyItem | None:
        return self._by_key.get(key)

    def day_number(self, day: date) -> int | None:
        """Day ±N counted from the infusion (Day 0), for days from admission on; else None."""
        admission = self.item("phase:admission").start
        if day < admission:
            return None
        return (day - self.day_zero).days

    def day_label(self, day: date) -> str:
        """ "Day −5", "Day 0", "Day +12" (with a true minus sign), or "" before admission."""
        number = self.day_number(day)
        if number is None:
            return ""
        if number == 0:
            return str(say("Day 0"))
        return str(say("Day {number}", number=DayNumber(number)))

    def occurrences_of(self, item: JourneyItem) -> list[Occurrence]:
        """The dated lines of one item: one, or one per visit of a series."""
        if item.recurrence is None:
            return [Occurrence(item, 1, item.start, item.start)]
        return [Occurrence(item, number, planned, shown) for number, planned, shown in item.occurrence_dates()]

    @cached_property
    def _lines(self) -> tuple[Occurrence, ...]:
        lines = [line for item in self.items for line in self.occurrences_of(item)]
        order = {item.key: i for i, item in enumerate(self.items)}
        lines.sort(key=lambda o: (o.day, order[o.item.key], o.number))
        return tuple(lines)

    def occurrences(self) -> list[Occurrence]:
        """Every dated line of the agenda, series expanded, in date order (computed once)."""
        return list(self._lines)

    def holidays_on(self, day: date) -> list[Holiday]:
        return [holiday for holiday in self.holidays if holiday.day == day]

    def holiday_items(self) -> list[JourneyItem]:
        """The public holidays around the trip as free whole-day items, for the agenda and, on
        request, the calendar file. They are context, not part of the plan's own items."""
        return [_holiday_item(holiday) for holiday in self.holidays]

    def home_emergency_words(self) -> Words:
        return home_emergency_phrase(self.home_emergency_number, CountryName(self.home_country, self.home_country_name))

    def home_emergency_text(self) -> str:
        return str(self.home_emergency_words())

    def assumption_labels(self, names: tuple[str, ...]) -> list[str]:
        """The short labels of the named assumptions, for an "assumed: …" mark."""
        labels = {a.name: a.label for a in (*self.catalogue, *self.assumptions)}
        return [labels[name] for name in names if name in labels]

    @property
    def warnings(self) -> tuple[Notice, ...]:
        return tuple(n for n in self.notices if n.severity is Severity.WARNING)


# Each holiday's item, made once: every re-plan lists the same holidays, and their words, once
# put into a language, are read from the same item by every repaint.
_holiday_items: dict[Holiday, tuple[object, JourneyItem]] = {}


def _holiday_item(holiday: Holiday) -> JourneyItem:
    cached = _holiday_items.get(holiday)
    # A holiday's names in other languages are not part of what it equals: they must be the
    # same ones (its calendar's) for its item to be reused.
    if cached is not None and cached[0] is holiday.names:
        return cached[1]
    item = JourneyItem(
        key=holiday.key,
        category=Category.HOLIDAY,
        title_words=holiday.label_words,
        description_words=joined(
            say(
                "Offices are closed on this day. Consulate and Exit-Entry dates in this plan avoid it; "
                "hospital dates that fall on it are flagged for you to check."
            ),
            say("Provisional: check the official holiday notice for {year}.", year=str(holiday.day.year))
            if holiday.provisional
            else "",
        ),
        start=holiday.day,
        end=holiday.day,
        busy=False,
    )
    if len(_holiday_items) >= 2048:
        _holiday_items.clear()
    _holiday_items[holiday] = (holiday.names, item)
    return item
