"""The people who travel: each one's role, papers, route into China and days there, and the
treating team's rules the family fills in. Values only; the planner dates what follows."""

from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.fields import FIELDS, PERSON, RULE_FIELDS, Field, limits
from carte_planner.domain.zones import canonical_zone
from carte_planner.i18n import tr_noop

if TYPE_CHECKING:
    from carte_planner.domain.request import TripRequest

MAX_VISA_TYPE = 12
MAX_TURNS = 12
# The dates a turn may use, as a moved date may (a date far outside has no flight to compute).
TURN_DAYS = (date(2000, 1, 1), date(2130, 12, 31))
TEAM_DAY_LIMITS = limits("stay_near_until")
TRAVEL_MINUTES_LIMITS = limits("max_travel_minutes")
HANDOVER_LIMITS = limits("handover_overlap_days")


class Role(enum.StrEnum):
    PATIENT = "patient"
    CAREGIVER = "caregiver"
    COMPANION = "companion"


class Route(enum.StrEnum):
    """How a person enters China: a visa, visa-free entry, or a visa followed by a residence
    permit for medical treatment applied for in China."""

    VISA = "visa"
    VISA_FREE = "visa-free"
    RESIDENCE_PERMIT = "residence-permit"


# Entries a visa allows, as the consulate prints them.
ENTRIES_CHOICES = ("1", "2", "multiple")
ROUTE_WORDS = {
    Route.VISA: tr_noop("Visa"),
    Route.VISA_FREE: tr_noop("Visa-free entry"),
    Route.RESIDENCE_PERMIT: tr_noop("Visa, then a residence permit for treatment"),
}
ROLE_WORDS = {
    Role.PATIENT: tr_noop("patient"),
    Role.CAREGIVER: tr_noop("caregiver"),
    Role.COMPANION: tr_noop("companion"),
}


@dataclass(frozen=True)
class Turn:
    """The days a person is in China: landing on `first`, leaving on `last`, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        for day in (self.first, self.last):
            if not isinstance(day, date) or isinstance(day, datetime):
                raise PlanInputError(PERSON["turns"], tr_noop("must be a date"))
            if not TURN_DAYS[0] <= day <= TURN_DAYS[1]:
                raise PlanInputError(
                    PERSON["turns"], tr_noop("must be a date between {low} and {high}"), low=2000, high=2130
                )
        if self.last < self.first:
            raise PlanInputError(
                PERSON["turns"],
                tr_noop("the first day ({first}) must not come after the last ({last})"),
                first=self.first,
                last=self.last,
            )

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class Visa:
    """A visa as the consulate issued it. `stay_days` None is the plan's visa stay (assumed
    until the family types the visa's own); `entries` "" is not known yet."""

    type: str = ""
    stay_days: int | None = None
    entries: str = ""
    use_by: date | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.type, str) or len(self.type) > MAX_VISA_TYPE:
            raise PlanInputError(
                PERSON["visa.type"], tr_noop("must be at most {count} characters"), count=MAX_VISA_TYPE
            )
        if not self.type.isprintable():
            raise PlanInputError(PERSON["visa.type"], tr_noop("must be text"))
        object.__setattr__(self, "type", self.type.strip().upper())
        if self.stay_days is not None:
            _whole(self.stay_days, PERSON["visa.stay_days"], *_limits(PERSON["visa.stay_days"]))
        if self.entries not in ("", *ENTRIES_CHOICES):
            raise PlanInputError(
                PERSON["visa.entries"],
                tr_noop("must be one of {choices}, not '{value}'"),
                choices=", ".join(ENTRIES_CHOICES),
                value=self.entries,
            )
        if self.use_by is not None and (not isinstance(self.use_by, date) or isinstance(self.use_by, datetime)):
            raise PlanInputError(PERSON["visa.use_by"], tr_noop("must be a date"))

    @property
    def entries_allowed(self) -> int | None:
        return {"1": 1, "2": 2}.get(self.entries)


@dataclass(frozen=True)
class Person:
    """One traveller. No `turns` means present for the whole journey, on the plan's flights."""

    name: str
    role: Role = Role.CAREGIVER
    nationality: str = ""
    passport_expiry: date | None = None
    # "" follows the plan's home country and time zone.
    home_country: str = ""
    home_tz: str = ""
    route: Route = Route.VISA
    visa: Visa = field(default_factory=Visa)
    turns: tuple[Turn, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip() or len(self.name) > 60:
            raise PlanInputError(PERSON["name"], tr_noop("each traveller needs a name (at most 60 characters)"))
        object.__setattr__(self, "role", _choice(self.role, Role, PERSON["role"]))
        object.__setattr__(self, "route", _choice(self.route, Route, PERSON["route"]))
        object.__setattr__(self, "nationality", country_code(self.nationality, PERSON["nationality"]))
        object.__setattr__(self, "home_country", country_code(self.home_country, PERSON["home_country"]))
        if self.home_tz:
            object.__setattr__(self, "home_tz", canonical_zone(self.home_tz))
        if self.passport_expiry is not None and (
            not isinstance(self.passport_expiry, date) or isinstance(self.passport_expiry, datetime)
        ):
            raise PlanInputError(PERSON["passport_expiry"], tr_noop("must be a date"))
        if not isinstance(self.visa, Visa):
            raise PlanInputError(tr_noop("visa"), tr_noop("must be a visa"))
        if not isinstance(self.turns, tuple | list) or not all(isinstance(t, Turn) for t in self.turns):
            raise PlanInputError(PERSON["turns"], tr_noop("must be a list"))
        if len(self.turns) > MAX_TURNS:
            raise PlanInputError(
                PERSON["turns"],
                tr_noop("must be between {low} and {high}, not {value}"),
                low=0,
                high=MAX_TURNS,
                value=len(self.turns),
            )
        turns = tuple(sorted(self.turns, key=lambda turn: turn.first))
        for earlier, later in itertools.pairwise(turns):
            if later.first <= earlier.last:
                raise PlanInputError(
                    PERSON["turns"],
                    tr_noop("{name}'s turns overlap ({first} and {second})"),
                    name=self.name,
                    first=earlier.first,
                    second=later.first,
                )
        object.__setattr__(self, "turns", turns)

    @property
    def whole_journey(self) -> bool:
        return not self.turns


@dataclass(frozen=True)
class TeamRules:
    """The treating team's rules as Day numbers after the infusion, and the longest travel time
    from the lodging to the hospital it allows. None until the family sets it from the team."""

    stay_near_until: int | None = None
    no_driving_until: int | None = None
    around_the_clock_until: int | None = None
    max_travel_minutes: int | None = None

    def __post_init__(self) -> None:
        for rule in RULE_FIELDS:
            value = getattr(self, rule.id)
            if value is not None:
                _whole(value, rule, *_limits(rule))


RULE_LABELS = {rule.id: rule.label for rule in RULE_FIELDS}


def country_code(value: object, label: str | Field) -> str:
    """A two-letter ISO 3166 code in capitals, or ""."""
    if not isinstance(value, str):
        raise PlanInputError(label, tr_noop("must be a two-letter country code such as DE"))
    code = value.strip().upper()
    if code and (len(code) != 2 or not code.isascii() or not code.isalpha()):
        raise PlanInputError(label, tr_noop("'{value}' is not a two-letter country code such as DE or US"), value=value)
    return code


def _choice(value: object, kind: type[enum.StrEnum], label: str | Field) -> enum.StrEnum:
    try:
        return kind(str(value))
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise PlanInputError(
            label, tr_noop("must be one of {choices}, not '{value}'"), choices=choices, value=value
        ) from None


def _limits(described: Field) -> tuple[int, int]:
    assert described.limits is not None
    return int(described.limits[0]), int(described.limits[1])


def _whole(value: object, label: str | Field, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PlanInputError(label, tr_noop("must be a whole number"))
    if not low <= value <= high:
        raise PlanInputError(
            label, tr_noop("must be between {low} and {high}, not {value}"), low=low, high=high, value=value
        )
    return value


@lru_cache(maxsize=64)
def legacy_people(travellers: tuple[str, ...]) -> tuple[Person, ...]:
    """A plan's travellers before people had their own journeys: the first is the patient, the
    others caregivers, all present for the whole journey on a visa of the plan's stay. Made
    once for the same names: planning asks for them at every step."""
    return tuple(
        Person(name=name, role=Role.PATIENT if number == 0 else Role.CAREGIVER)
        for number, name in enumerate(travellers)
    )


def people_of(request: TripRequest) -> tuple[Person, ...]:
    """The plan's people: as set, or its travellers' names as people of the whole journey."""
    return request.people or legacy_people(request.travellers)


def with_role(people: tuple[Person, ...], index: int, role: Role) -> tuple[Person, ...]:
    """The person at `index` in a new role, the plan keeping one patient: a new patient makes
    the former one a caregiver; the patient taking another role hands it to the first of the
    others (refused when nobody else travels)."""
    changed = list(people)
    if role is Role.PATIENT:
        changed = [replace(p, role=Role.CAREGIVER) if p.role is Role.PATIENT else p for p in changed]
    elif changed[index].role is Role.PATIENT:
        others = [i for i in range(len(changed)) if i != index]
        if not others:
            raise PlanInputError(FIELDS["travellers"], tr_noop("one traveller must be the patient"))
        changed[others[0]] = replace(changed[others[0]], role=Role.PATIENT)
    changed[index] = replace(changed[index], role=role)
    return tuple(changed)


def check_people(people: object) -> tuple[Person, ...]:
    """People with different names, at least one of them the patient."""
    if isinstance(people, str | bytes) or not isinstance(people, tuple | list):
        raise PlanInputError(FIELDS["travellers"], tr_noop("must be a list"))
    if not all(isinstance(person, Person) for person in people):
        raise PlanInputError(FIELDS["travellers"], tr_noop("must be a list"))
    names = [person.name for person in people]
    for name in names:
        if names.count(name) > 1:
            raise PlanInputError(FIELDS["travellers"], tr_noop("'{name}' is named twice"), name=name)
    if people and not any(person.role is Role.PATIENT for person in people):
        raise PlanInputError(FIELDS["travellers"], tr_noop("one traveller must be the patient"))
    return tuple(people)
