"""What the user asks for: the trip request, with every field's default and limit."""

from __future__ import annotations

import enum
import math
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.people import HANDOVER_LIMITS, Person, Role, TeamRules, check_people
from carte_planner.domain.travellers import DEFAULT_TRAVELLERS
from carte_planner.domain.zones import canonical_zone
from carte_planner.i18n import tr_noop
from carte_planner.i18n.text import Words, say

EARLIEST_START = date(2000, 1, 1)
LATEST_START = date(2100, 12, 31)
MAX_TRAVELLERS = 6
MAX_TEXT = 300


class Scenario(enum.StrEnum):
    """Which end of the seed's ranges the plan uses for phases the user has not set."""

    SHORTEST = "shortest"
    TYPICAL = "typical"
    LONGEST = "longest"


# Limits of each numeric field: (user-facing name, lowest, highest).
LIMITS: dict[str, tuple[str, float, float]] = {
    "flight_hours": (tr_noop("flight length (hours)"), 1, 40),
    "arrive_days_before": (tr_noop("days to arrive before the start"), 0, 14),
    "visa_stay_days": (tr_noop("visa's permitted stay (days)"), 1, 365),
    "followup_years": (tr_noop("follow-up years"), 0, 20),
}
PHASE_DAYS_LIMITS = (1, 365)
DAY0_OFFSET_LIMITS = (1, 30)
VISA_PROCESSING_LIMITS = (1, 60)
CHEMOTHERAPY_DAY_LIMITS = (-30, -1)
# The rhythms a user may choose; the data file's defaults use the same names.
VISIT_RHYTHM_CHOICES = ("twice-weekly", "weekly", "every-two-weeks")
EARLY_RHYTHM_CHOICES = ("weekly", "every-two-weeks")
WEEKDAY_CHOICES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
TEXT_FIELDS = (
    "home_airport",
    "hospital_name",
    "hospital_name_zh",
    "hospital_address",
    "hospital_address_zh",
    "hospital_phone",
    "passport_names",
    "stay_address",
    "stay_address_zh",
    "family_phones",
    "interpreter_phone",
    "team_phone",
    "birth_date",
    "diagnosis",
    "allergies",
    "languages",
    "passport_numbers",
)
# The fields of the sheet for China: kept in the plan file only, never sent anywhere.
SHEET_FIELDS = TEXT_FIELDS[6:]
# The text fields' names in refusals ("hospital phone: must be text").
TEXT_LABELS: dict[str, str] = {
    "home_airport": tr_noop("home airport"),
    "hospital_name": tr_noop("hospital name"),
    "hospital_name_zh": tr_noop("hospital name zh"),
    "hospital_address": tr_noop("hospital address"),
    "hospital_address_zh": tr_noop("hospital address zh"),
    "hospital_phone": tr_noop("hospital phone"),
    "passport_names": tr_noop("passport names"),
    "stay_address": tr_noop("stay address"),
    "stay_address_zh": tr_noop("stay address zh"),
    "family_phones": tr_noop("family phones"),
    "interpreter_phone": tr_noop("interpreter phone"),
    "team_phone": tr_noop("team phone"),
    "birth_date": tr_noop("birth date"),
    "diagnosis": tr_noop("diagnosis"),
    "allergies": tr_noop("allergies"),
    "languages": tr_noop("languages spoken"),
    "passport_numbers": tr_noop("passport numbers"),
}
# Field names with the phase or item key in them; the command line reads the key back.
PHASE_FIELD = tr_noop("length of phase '{phase}'")
MOVE_FIELD = tr_noop("date of '{key}'")
CHEMOTHERAPY = tr_noop("chemotherapy days")
WEEKDAYS = tr_noop("visit weekdays")
HOME_COUNTRY = tr_noop("home country")


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
        if not isinstance(self.start, date) or isinstance(self.start, datetime):
            raise PlanInputError(tr_noop("start date"), tr_noop("must be a date"))
        if not EARLIEST_START <= self.start <= LATEST_START:
            raise PlanInputError(
                tr_noop("start date"),
                tr_noop("must be between {low} and {high}, not {value}"),
                low=EARLIEST_START.year,
                high=LATEST_START.year,
                value=self.start,
            )
        if not isinstance(self.city, str) or not self.city.strip():
            raise PlanInputError(tr_noop("city"), tr_noop("must be given"))
        check_text(tr_noop("city"), self.city)
        object.__setattr__(self, "scenario", _scenario(self.scenario))
        object.__setattr__(self, "home_tz", canonical_zone(self.home_tz))
        object.__setattr__(self, "home_country", _country(self.home_country))
        for name, (label, low, high) in LIMITS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise PlanInputError(label, tr_noop("must be a number"))
            if isinstance(value, float) and not math.isfinite(value):
                raise PlanInputError(label, tr_noop("must be a number"))
            if name != "flight_hours" and value != int(value):
                raise PlanInputError(label, tr_noop("must be a whole number"))
            if not low <= value <= high:
                raise PlanInputError(
                    label,
                    tr_noop("must be between {low} and {high}, not {value}"),
                    low=f"{low:g}",
                    high=f"{high:g}",
                    value=_shown(value),
                )
            object.__setattr__(self, name, float(value) if name == "flight_hours" else int(value))
        if not isinstance(self.departure_time, time):
            raise PlanInputError(
                tr_noop("departure time"), tr_noop("must be a time of day such as {example}"), example="10:00"
            )
        people = check_people(self.people)
        object.__setattr__(self, "people", people)
        if people:
            object.__setattr__(self, "travellers", tuple(person.name for person in people))
        if not isinstance(self.team, TeamRules):
            raise PlanInputError(tr_noop("the treating team's rules"), tr_noop("must be a list"))
        travellers = _as_tuple(self.travellers, tr_noop("travellers"))
        if not 1 <= len(travellers) <= MAX_TRAVELLERS:
            raise PlanInputError(
                tr_noop("travellers"),
                tr_noop("must be between {low} and {high}, not {value}"),
                low=1,
                high=MAX_TRAVELLERS,
                value=len(travellers),
            )
        for person in travellers:
            if not isinstance(person, str) or not person.strip() or len(person) > 60:
                raise PlanInputError(
                    tr_noop("travellers"), tr_noop("each traveller needs a name (at most 60 characters)")
                )
            check_text(tr_noop("travellers"), person)
        object.__setattr__(self, "travellers", travellers)
        phase_days = tuple(sorted(_as_dict(self.phase_days, tr_noop("phase lengths")).items()))
        for key, days in phase_days:
            if isinstance(days, bool) or not isinstance(days, int):
                raise PlanInputError(PHASE_FIELD, tr_noop("must be a whole number of days"), phase=key)
            low, high = PHASE_DAYS_LIMITS
            check_text(tr_noop("phase lengths"), str(key))
            if not low <= days <= high:
                raise PlanInputError(
                    PHASE_FIELD,
                    tr_noop("must be between {low} and {high} days, not {value}"),
                    phase=key,
                    low=low,
                    high=high,
                    value=_shown(days),
                )
        object.__setattr__(self, "phase_days", phase_days)
        moved = tuple(sorted(_as_dict(self.moved, tr_noop("moved dates")).items()))
        for key, when in moved:
            check_text(tr_noop("moved dates"), str(key))
            if not isinstance(when, date) or not EARLIEST_START <= when <= date(2130, 12, 31):
                raise PlanInputError(
                    MOVE_FIELD, tr_noop("must be a date between {low} and {high}"), key=key, low=2000, high=2130
                )
        object.__setattr__(self, "moved", moved)
        confirmed = _as_tuple(self.confirmed, tr_noop("confirmed marks"))
        if not all(isinstance(key, str) for key in confirmed):
            raise PlanInputError(tr_noop("confirmed marks"), tr_noop("must be item keys"))
        for key in confirmed:
            check_text(tr_noop("confirmed marks"), key)  # type: ignore[arg-type]
        object.__setattr__(self, "confirmed", frozenset(confirmed))
        for name in TEXT_FIELDS:
            if not isinstance(getattr(self, name), str):
                raise PlanInputError(TEXT_LABELS[name], tr_noop("must be text"))
            if len(getattr(self, name)) > MAX_TEXT:
                raise PlanInputError(TEXT_LABELS[name], tr_noop("must be at most {count} characters"), count=MAX_TEXT)
            check_text(TEXT_LABELS[name], getattr(self, name))
        object.__setattr__(self, "home_airport", self.home_airport.strip().upper())
        _check_assumed_values(self)

    def phase_length(self, key: str) -> int | None:
        """The user's own length for a phase, or None to use the scenario's."""
        return dict(self.phase_days).get(key)

    def moved_date(self, key: str) -> date | None:
        return dict(self.moved).get(key)

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


def _whole(value: object, label: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PlanInputError(label, tr_noop("must be a whole number"))
    if not low <= value <= high:
        raise PlanInputError(
            label, tr_noop("must be between {low} and {high}, not {value}"), low=low, high=high, value=value
        )
    return value


def _check_assumed_values(request: TripRequest) -> None:
    """The user's own values where the guide is silent, each refused out of its range."""
    if request.day0_offset is not None:
        _whole(request.day0_offset, tr_noop("Day 0 offset (days after admission)"), *DAY0_OFFSET_LIMITS)
    if request.visa_processing_days is not None:
        _whole(request.visa_processing_days, tr_noop("visa processing time (working days)"), *VISA_PROCESSING_LIMITS)
    if request.handover_overlap_days is not None:
        _whole(request.handover_overlap_days, tr_noop("hand-over overlap (days)"), *HANDOVER_LIMITS)
    if request.chemotherapy_days is not None:
        days = _as_tuple(request.chemotherapy_days, CHEMOTHERAPY)
        if len(days) != 2:
            raise PlanInputError(CHEMOTHERAPY, tr_noop("must be a first and a last day, such as -5 and -3"))
        first, last = (_whole(day, CHEMOTHERAPY, *CHEMOTHERAPY_DAY_LIMITS) for day in days)
        if first > last:
            raise PlanInputError(
                CHEMOTHERAPY,
                tr_noop("the first day ({first}) must not come after the last ({last})"),
                first=first,
                last=last,
            )
        object.__setattr__(request, "chemotherapy_days", (first, last))
    for name, label, choices in (
        ("visit_rhythm", tr_noop("visit rhythm"), VISIT_RHYTHM_CHOICES),
        ("early_rhythm", tr_noop("first visits at home"), EARLY_RHYTHM_CHOICES),
    ):
        value = getattr(request, name)
        if value is not None and value not in choices:
            raise PlanInputError(
                label, tr_noop("must be one of {choices}, not '{value}'"), choices=", ".join(choices), value=value
            )
    if request.visit_weekdays is not None:
        weekdays = _as_tuple(request.visit_weekdays, WEEKDAYS)
        if (
            not weekdays
            or not all(isinstance(day, str) for day in weekdays)
            or len(set(weekdays)) != len(weekdays)
            or not set(weekdays) <= set(WEEKDAY_CHOICES)
        ):
            raise PlanInputError(
                WEEKDAYS, tr_noop("must be different days among {choices}"), choices=", ".join(WEEKDAY_CHOICES)
            )
        # Kept in week order, so that the same days give the same rule.
        object.__setattr__(request, "visit_weekdays", tuple(d for d in WEEKDAY_CHOICES if d in weekdays))
    if request.followup_rhythm is not None:
        object.__setattr__(request, "followup_rhythm", _followup_stages(request.followup_rhythm))
    if request.return_time is not None and not isinstance(request.return_time, time):
        raise PlanInputError(
            tr_noop("return flight time"), tr_noop("must be a time of day such as {example}"), example="11:00"
        )


def _followup_stages(value: object) -> tuple[tuple[int, int], ...]:
    """(every so many months, until month) stages, each ending later than the one before."""
    label = tr_noop("follow-up rhythm at home")
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


def _as_tuple(value: object, field: str) -> tuple[object, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, tuple | list | set | frozenset):
        raise PlanInputError(field, tr_noop("must be a list"))
    return tuple(value)


def _as_dict(value: object, field: str) -> dict[object, object]:
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
            tr_noop("scenario"), tr_noop("must be one of {choices}, not '{value}'"), choices=choices, value=value
        ) from None


def _country(value: object) -> str:
    """A two-letter ISO 3166 country code in capitals, or "" to follow the home time zone."""
    if not isinstance(value, str):
        raise PlanInputError(HOME_COUNTRY, tr_noop("must be a two-letter country code such as DE"))
    code = value.strip().upper()
    if code and (len(code) != 2 or not code.isascii() or not code.isalpha()):
        raise PlanInputError(
            HOME_COUNTRY, tr_noop("'{value}' is not a two-letter country code such as DE or US"), value=value
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


def check_text(field: str, text: str, free_text: bool = False) -> None:
    """Refuse text with control characters or broken characters, naming the field."""
    problem = text_problem(text, free_text)
    if problem:
        raise PlanInputError(field, "{problem}", problem=problem)
