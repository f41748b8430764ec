"""What the user asks for: the trip request, with every field's default and limit."""

from __future__ import annotations

import enum
import math
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from carte_planner.domain import fields
from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.fields import Field, Kind, Section
from carte_planner.domain.people import Person, Role, TeamRules, check_people
from carte_planner.domain.travellers import DEFAULT_TRAVELLERS
from carte_planner.domain.zones import canonical_zone
from carte_planner.i18n import tr_noop
from carte_planner.i18n.text import Words, say

EARLIEST_START = date(2000, 1, 1)
LATEST_START = date(2100, 12, 31)
MAX_TRAVELLERS = 6
MAX_TEXT = fields.MAX_TEXT


class Scenario(enum.StrEnum):
    """Which end of the seed's ranges the plan uses for phases the user has not set."""

    SHORTEST = "shortest"
    TYPICAL = "typical"
    LONGEST = "longest"


F = fields.FIELDS
# The numeric fields every request has, each checked against its description's limits.
NUMBER_FIELDS = tuple(
    f for f in fields.REQUEST_FIELDS if f.kind in (Kind.NUMBER, Kind.WHOLE) and f.section is Section.TRAVEL
)
# The whole numbers the guide does not give: None keeps the data file's assumption.
OPTIONAL_WHOLE_FIELDS = tuple(
    f for f in fields.REQUEST_FIELDS if f.kind is Kind.WHOLE and f.section in (Section.ASSUMED, Section.TRAVELLERS)
)
PHASE_DAYS_LIMITS = fields.limits("phase_days")
DAY0_OFFSET_LIMITS = fields.limits("day0_offset")
VISA_PROCESSING_LIMITS = fields.limits("visa_processing_days")
CHEMOTHERAPY_DAY_LIMITS = fields.limits("chemotherapy_days")
# The rhythms a user may choose; the data file's defaults use the same names.
VISIT_RHYTHM_CHOICES = fields.VISIT_RHYTHM_CHOICES
EARLY_RHYTHM_CHOICES = fields.EARLY_RHYTHM_CHOICES
WEEKDAY_CHOICES = F["visit_weekdays"].choices
TEXT_FIELDS = tuple(f.id for f in fields.REQUEST_FIELDS if f.typed_text)
# The fields of the sheet for China: kept in the plan file only, never sent anywhere.
SHEET_FIELDS = tuple(f.id for f in fields.REQUEST_FIELDS if f.section == Section.SHEET)


@dataclass(frozen=True)
class TripRequest:
    """Everything the planner needs; construction refuses any value out of its range."""

    start: date
    city: str = "shanghai"
    scenario: Scenario = Scenario.TYPICAL
    home_tz: str = "UTC"
    home_country: str = ""
    home_airport: str = ""
    flight_hours: float = 12.0
    departure_time: time = time(10, 0)
    arrive_days_before: int = 2
    go_home: bool = False
    travellers: tuple[str, ...] = DEFAULT_TRAVELLERS
    visa_stay_days: int = 30
    followup_years: int = 5
    phase_days: tuple[tuple[str, int], ...] = ()
    moved: tuple[tuple[str, date], ...] = ()
    confirmed: frozenset[str] = field(default_factory=frozenset)
    hospital_name: str = ""
    hospital_name_zh: str = ""
    hospital_address: str = ""
    hospital_address_zh: str = ""
    hospital_phone: str = ""
    # For the sheet handed to the hospital, taxi drivers and the police in China.
    passport_names: str = ""
    stay_address: str = ""
    stay_address_zh: str = ""
    family_phones: str = ""
    interpreter_phone: str = ""
    team_phone: str = ""
    # The patient's, as the family types them: the diagnosis as the treating team writes it;
    # passport numbers only if the family wants them on the sheet.
    birth_date: str = ""
    diagnosis: str = ""
    allergies: str = ""
    languages: str = ""
    passport_numbers: str = ""
    # Values the guide does not give; None keeps the data file's assumption.
    day0_offset: int | None = None
    chemotherapy_days: tuple[int, int] | None = None
    visit_rhythm: str | None = None
    visit_weekdays: tuple[str, ...] | None = None
    followup_rhythm: tuple[tuple[int, int], ...] | None = None
    early_rhythm: str | None = None
    return_time: time | None = None
    visa_processing_days: int | None = None
    # Each traveller's own journey; empty keeps `travellers`, all present for the whole journey.
    people: tuple[Person, ...] = ()
    team: TeamRules = field(default_factory=TeamRules)
    handover_overlap_days: int | None = None

    def __post_init__(self) -> None:
        _check_start(self.start)
        if not isinstance(self.city, str) or not self.city.strip():
            raise PlanInputError(F["city"], tr_noop("must be given"))
        check_text(F["city"], self.city)
        _set(self, "scenario", _scenario(self.scenario))
        _set(self, "home_tz", canonical_zone(self.home_tz))
        _set(self, "home_country", _country(self.home_country))
        for described in NUMBER_FIELDS:
            _set(self, described.id, _number(described, getattr(self, described.id)))
        if not isinstance(self.departure_time, time):
            raise PlanInputError(
                F["departure_time"], tr_noop("must be a time of day such as {example}"), example="10:00"
            )
        people = check_people(self.people)
        _set(self, "people", people)
        if people:
            _set(self, "travellers", tuple(person.name for person in people))
        if not isinstance(self.team, TeamRules):
            raise PlanInputError(F["team"], tr_noop("must be a list"))
        _set(self, "travellers", _travellers(self.travellers))
        _set(self, "phase_days", _phase_days(self.phase_days))
        _set(self, "moved", _moved(self.moved))
        _set(self, "confirmed", _confirmed(self.confirmed))
        for name in TEXT_FIELDS:
            _check_field_text(F[name], getattr(self, name))
        _set(self, "home_airport", self.home_airport.strip().upper())
        _check_assumed_values(self)

    def phase_length(self, key: str) -> int | None:
        """The user's own length for a phase, or None to use the scenario's."""
        return dict(self.phase_days).get(key)

    def moved_date(self, key: str) -> date | None:
        # Most plans have no moved dates, and planning asks for each item and visit.
        return dict(self.moved).get(key) if self.moved else None

    def with_phase_length(self, key: str, days: int | None) -> TripRequest:
        lengths = dict(self.phase_days)
        if days is None:
            lengths.pop(key, None)
        else:
            lengths[key] = days
        return replace(self, phase_days=tuple(lengths.items()))

    def with_moved(self, key: str, when: date | None) -> TripRequest:
        moved = dict(self.moved)
        if when is None:
            moved.pop(key, None)
        else:
            moved[key] = when
        return replace(self, moved=tuple(moved.items()))

    def with_travellers(self, names: tuple[str, ...]) -> TripRequest:
        """The travellers renamed, added or removed by their place in the list: each place keeps
        its person's role, route and turns (and its items' keys); a new place is a caregiver of
        the whole journey, and the first is the patient when nobody else is."""
        if not self.people:
            return replace(self, travellers=names)
        people = [
            replace(self.people[i], name=name) if i < len(self.people) else Person(name) for i, name in enumerate(names)
        ]
        if people and not any(person.role is Role.PATIENT for person in people):
            people[0] = replace(people[0], role=Role.PATIENT)
        return replace(self, people=tuple(people), travellers=names)

    def with_confirmed(self, key: str, confirmed: bool) -> TripRequest:
        keys = set(self.confirmed)
        if confirmed:
            keys.add(key)
        else:
            keys.discard(key)
        return replace(self, confirmed=frozenset(keys))


def _set(request: TripRequest, name: str, value: object) -> None:
    """A checked value in its normal form, on the frozen request being built."""
    object.__setattr__(request, name, value)


def _check_start(start: object) -> None:
    if not isinstance(start, date) or isinstance(start, datetime):
        raise PlanInputError(F["start"], tr_noop("must be a date"))
    if not EARLIEST_START <= start <= LATEST_START:
        raise PlanInputError(
            F["start"],
            tr_noop("must be between {low} and {high}, not {value}"),
            low=EARLIEST_START.year,
            high=LATEST_START.year,
            value=start,
        )


def _number(described: Field, value: object) -> float | int:
    """A number within its description's limits: a float for NUMBER, an int for WHOLE."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PlanInputError(described, tr_noop("must be a number"))
    if isinstance(value, float) and not math.isfinite(value):
        raise PlanInputError(described, tr_noop("must be a number"))
    if described.kind is Kind.WHOLE and value != int(value):
        raise PlanInputError(described, tr_noop("must be a whole number"))
    assert described.limits is not None
    low, high = described.limits
    if not low <= value <= high:
        raise PlanInputError(
            described,
            tr_noop("must be between {low} and {high}, not {value}"),
            low=f"{low:g}",
            high=f"{high:g}",
            value=_shown(value),
        )
    return float(value) if described.kind is Kind.NUMBER else int(value)


def _travellers(value: object) -> tuple[str, ...]:
    travellers = _as_tuple(value, F["travellers"])
    if not 1 <= len(travellers) <= MAX_TRAVELLERS:
        raise PlanInputError(
            F["travellers"],
            tr_noop("must be between {low} and {high}, not {value}"),
            low=1,
            high=MAX_TRAVELLERS,
            value=len(travellers),
        )
    for person in travellers:
        if not isinstance(person, str) or not person.strip() or len(person) > 60:
            raise PlanInputError(F["travellers"], tr_noop("each traveller needs a name (at most 60 characters)"))
        check_text(F["travellers"], person)
    return travellers  # type: ignore[return-value]


def _phase_days(value: object) -> tuple[tuple[str, int], ...]:
    described = F["phase_days"]
    phase_days = tuple(sorted(_as_dict(value, described).items()))
    for key, days in phase_days:
        if isinstance(days, bool) or not isinstance(days, int):
            raise PlanInputError(described, tr_noop("must be a whole number of days"), entry=str(key))
        low, high = PHASE_DAYS_LIMITS
        check_text(described, str(key))
        if not low <= days <= high:
            raise PlanInputError(
                described,
                tr_noop("must be between {low} and {high} days, not {value}"),
                entry=str(key),
                low=low,
                high=high,
                value=_shown(days),
            )
    return phase_days  # type: ignore[return-value]


def _moved(value: object) -> tuple[tuple[str, date], ...]:
    described = F["moved"]
    assert described.limits is not None
    low, high = (int(year) for year in described.limits)
    moved = tuple(sorted(_as_dict(value, described).items()))
    for key, when in moved:
        check_text(described, str(key))
        if not isinstance(when, date) or not date(low, 1, 1) <= when <= date(high, 12, 31):
            raise PlanInputError(
                described, tr_noop("must be a date between {low} and {high}"), entry=str(key), low=low, high=high
            )
    return moved  # type: ignore[return-value]


def _confirmed(value: object) -> frozenset[str]:
    confirmed = _as_tuple(value, F["confirmed"])
    if not all(isinstance(key, str) for key in confirmed):
        raise PlanInputError(F["confirmed"], tr_noop("must be item keys"))
    for key in confirmed:
        check_text(F["confirmed"], key)  # type: ignore[arg-type]
    return frozenset(confirmed)  # type: ignore[arg-type]


def _check_field_text(described: Field, text: object) -> None:
    if not isinstance(text, str):
        raise PlanInputError(described, tr_noop("must be text"))
    if len(text) > MAX_TEXT:
        raise PlanInputError(described, tr_noop("must be at most {count} characters"), count=MAX_TEXT)
    check_text(described, text)


def _whole(value: object, label: str | Field, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PlanInputError(label, tr_noop("must be a whole number"))
    if not low <= value <= high:
        raise PlanInputError(
            label, tr_noop("must be between {low} and {high}, not {value}"), low=low, high=high, value=value
        )
    return value


def _check_assumed_values(request: TripRequest) -> None:
    """The user's own values where the guide is silent, each refused out of its range."""
    for described in OPTIONAL_WHOLE_FIELDS:
        value = getattr(request, described.id)
        if value is not None:
            _whole(value, described, *fields.limits(described.id))
    if request.chemotherapy_days is not None:
        _set(request, "chemotherapy_days", _chemotherapy_days(request.chemotherapy_days))
    for described in (F["visit_rhythm"], F["early_rhythm"]):
        value = getattr(request, described.id)
        if value is not None and value not in described.choices:
            raise PlanInputError(
                described,
                tr_noop("must be one of {choices}, not '{value}'"),
                choices=", ".join(described.choices),
                value=value,
            )
    if request.visit_weekdays is not None:
        _set(request, "visit_weekdays", _weekdays(request.visit_weekdays))
    if request.followup_rhythm is not None:
        _set(request, "followup_rhythm", _followup_stages(request.followup_rhythm))
    if request.return_time is not None and not isinstance(request.return_time, time):
        raise PlanInputError(F["return_time"], tr_noop("must be a time of day such as {example}"), example="11:00")


def _chemotherapy_days(value: object) -> tuple[int, int]:
    described = F["chemotherapy_days"]
    days = _as_tuple(value, described)
    if len(days) != 2:
        raise PlanInputError(described, tr_noop("must be a first and a last day, such as -5 and -3"))
    first, last = (_whole(day, described, *CHEMOTHERAPY_DAY_LIMITS) for day in days)
    if first > last:
        raise PlanInputError(
            described,
            tr_noop("the first day ({first}) must not come after the last ({last})"),
            first=first,
            last=last,
        )
    return first, last


def _weekdays(value: object) -> tuple[str, ...]:
    described = F["visit_weekdays"]
    weekdays = _as_tuple(value, described)
    if (
        not weekdays
        or not all(isinstance(day, str) for day in weekdays)
        or len(set(weekdays)) != len(weekdays)
        or not set(weekdays) <= set(WEEKDAY_CHOICES)
    ):
        raise PlanInputError(
            described, tr_noop("must be different days among {choices}"), choices=", ".join(WEEKDAY_CHOICES)
        )
    # Kept in week order, so that the same days give the same rule.
    return tuple(d for d in WEEKDAY_CHOICES if d in weekdays)


def _followup_stages(value: object) -> tuple[tuple[int, int], ...]:
    """(every so many months, until month) stages, each ending later than the one before."""
    label = F["followup_rhythm"]
    stages = _as_tuple(value, label)
    if not 1 <= len(stages) <= 6:
        raise PlanInputError(label, tr_noop("must have between {low} and {high} stages"), low=1, high=6)
    result = []
    previous = 0
    for stage in stages:
        pair = _as_tuple(stage, label)
        if len(pair) != 2:
            raise PlanInputError(label, tr_noop("each stage is every so many months, until a month"))
        every, until = _whole(pair[0], label, 1, 120), _whole(pair[1], label, 1, 1200)
        if until <= previous:
            raise PlanInputError(
                label, tr_noop("each stage must end later than the one before (month {month})"), month=until
            )
        previous = until
        result.append((every, until))
    return tuple(result)


def _as_tuple(value: object, field: str | Field) -> tuple[object, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, tuple | list | set | frozenset):
        raise PlanInputError(field, tr_noop("must be a list"))
    return tuple(value)


def _as_dict(value: object, field: str | Field) -> dict[object, object]:
    try:
        result = dict(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise PlanInputError(field, tr_noop("must be pairs of a key and a value")) from None
    if not all(isinstance(key, str) for key in result):
        raise PlanInputError(field, tr_noop("must be keyed by item keys"))
    return result


def _scenario(value: object) -> Scenario:
    try:
        return Scenario(str(value))
    except ValueError:
        choices = ", ".join(s.value for s in Scenario)
        raise PlanInputError(
            F["scenario"], tr_noop("must be one of {choices}, not '{value}'"), choices=choices, value=value
        ) from None


def _country(value: object) -> str:
    """A two-letter ISO 3166 country code in capitals, or "" to follow the home time zone."""
    if not isinstance(value, str):
        raise PlanInputError(F["home_country"], tr_noop("must be a two-letter country code such as DE"))
    code = value.strip().upper()
    if code and (len(code) != 2 or not code.isascii() or not code.isalpha()):
        raise PlanInputError(
            F["home_country"], tr_noop("'{value}' is not a two-letter country code such as DE or US"), value=value
        )
    return code


def _shown(value: float) -> str:
    """A number as the user typed it, cut short: a 400-digit one cannot become a float."""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text if len(text) <= 12 else text[:10] + "…"


# Control characters by the short names editors and terminals show for them.
_CONTROL_NAMES = {"\0": "NUL", "\r": "CR", "\n": "LF", "\t": "TAB", "\x1b": "ESC", "\x7f": "DEL", "\x0c": "FF"}


def character_name(character: str) -> str:
    """A character that cannot be shown, named so the user can find it: "U+000D (CR)"."""
    code = f"U+{ord(character):04X}"
    name = _CONTROL_NAMES.get(character) or ("LS" if character == "\u2028" else "PS" if character == "\u2029" else "")
    return f"{code} ({name})" if name else code


def text_problem(text: str, free_text: bool = False) -> Words | None:
    """Why `text` cannot go into a plan, a calendar or a printout, or None. Control characters
    (BEL, ESC, DEL, NUL…) make strict calendar parsers reject a file and a line break adds lines
    to the agenda; free text (notes) may hold tabs and line breaks. A lone surrogate cannot be
    saved at all."""
    allowed = {"\t", "\n"} if free_text else set()
    for character in text:
        if character in allowed:
            continue
        category = unicodedata.category(character)
        if category == "Cs":
            return say("holds a broken character that cannot be saved")
        if category == "Cc" or category in ("Zl", "Zp"):
            return say("must not hold control characters or line breaks (found {code})", code=character_name(character))
    return None


def check_text(field: str | Field, text: str, free_text: bool = False) -> None:
    """Refuse text with control characters or broken characters, naming the field."""
    problem = text_problem(text, free_text)
    if problem:
        raise PlanInputError(field, "{problem}", problem=problem)
