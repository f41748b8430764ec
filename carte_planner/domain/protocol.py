"""The phase protocol and the city list as validated values, parsed from plain mappings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from carte_planner.domain.errors import ResourceError

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PREPARATION_CATEGORIES = ("preparation", "visa")
# Visit rhythms, with how many weekdays each takes.
VISIT_RHYTHMS = {"twice-weekly": 2, "weekly": 1, "every-two-weeks": 1}
EARLY_RHYTHMS = ("weekly", "every-two-weeks")


@dataclass(frozen=True)
class PhaseSpec:
    key: str
    title: str
    min_days: int
    typical_days: int
    max_days: int
    range_text: str
    inpatient: bool
    busy: bool
    description: str
    from_seed: bool


@dataclass(frozen=True)
class PreparationStep:
    key: str
    category: str
    days_before_start: int
    deadline: bool
    per_traveller: bool
    title: str
    description: str
    at_consulate: bool = False


@dataclass(frozen=True)
class FollowupStage:
    every_months: int
    until_month: int
    label: str


@dataclass(frozen=True)
class EarlyFollowup:
    """The first weeks back home: visits at a weekly rhythm before the monthly one starts."""

    first_after_days: int
    rhythm: str
    weeks: int
    title: str
    description: str


@dataclass(frozen=True)
class AssumptionSpec:
    """A value the guide does not give: its stable name, a short label and a sentence whose
    {fields} are filled from the values in effect."""

    name: str
    label: str
    text: str


@dataclass(frozen=True)
class Protocol:
    phases: tuple[PhaseSpec, ...]
    day_zero_offset: int
    chemotherapy_days: tuple[int, int]
    outpatient_rhythm: str
    outpatient_weekdays: tuple[str, ...]
    outpatient_title: str
    outpatient_description: str
    followup_stages: tuple[FollowupStage, ...]
    followup_title: str
    followup_description: str
    early_followup: EarlyFollowup
    return_departure: time
    min_days_at_home: int
    land_before_admission_days: int
    extension_lead_days: int
    visa_processing_days: int
    passport_held_days: int
    preparation: tuple[PreparationStep, ...]
    estimate_note: str
    assumptions: tuple[AssumptionSpec, ...] = ()
    handover_overlap_days: int = 1

    def phase(self, key: str) -> PhaseSpec:
        for spec in self.phases:
            if spec.key == key:
                return spec
        raise KeyError(key)


@dataclass(frozen=True)
class City:
    key: str
    name: str
    name_zh: str
    airports: tuple[str, ...]
    time_zone: str
    airport_note: str = ""
    # The name in the app's other languages (language code, name), for a family to type.
    names: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        """English and Chinese name together, as lists and printouts show it."""
        return f"{self.name} ({self.name_zh})"

    def name_in(self, language: str) -> str:
        """The city's name in `language`, or "" when the data file has none; a Chinese reader
        gets the Chinese name."""
        if language == "zh_CN":
            return self.name_zh
        return dict(self.names).get(language, "")

    def local_name(self, language: str) -> str:
        """The name a reader of `language` knows (Гуанчжоу, قوانغتشو), else the English one."""
        return self.name_in(language) or self.name

    def local_label(self, language: str) -> str:
        """ "Гуанчжоу (广州)": the reader's name with the Chinese one a taxi driver reads; in
        Chinese, "广州" alone."""
        local = self.local_name(language)
        return local if local == self.name_zh else f"{local} ({self.name_zh})"


class _Reader:
    """Reads typed fields from a mapping and reports the first bad one by its dotted path."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, path: str, message: str) -> ResourceError:
        return ResourceError(self.source, path, message)

    def table(self, data: Any, path: str) -> Mapping[str, Any]:
        if not isinstance(data, Mapping):
            raise self.fail(path, "must be a table")
        return data

    def get(self, data: Mapping[str, Any], path: str, key: str, kind: type | tuple[type, ...]) -> Any:
        full = f"{path}.{key}" if path else key
        if key not in data:
            raise self.fail(full, "is missing")
        value = data[key]
        # bool is an int in Python; a "true" where a number belongs is still a mistake.
        if isinstance(value, bool) and kind is int:
            raise self.fail(full, "must be a whole number")
        if not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.fail(full, f"must be of type {names}")
        return value

    def days(self, data: Mapping[str, Any], path: str, key: str, low: int, high: int) -> int:
        value: int = self.get(data, path, key, int)
        if not low <= value <= high:
            raise self.fail(f"{path}.{key}", f"must be between {low} and {high}, not {value}")
        return value

    def items(self, data: Mapping[str, Any], path: str, key: str) -> list[Mapping[str, Any]]:
        value = self.get(data, path, key, list)
        if not value:
            raise self.fail(f"{path}.{key}" if path else key, "must not be empty")
        return [self.table(entry, f"{path}.{key}[{i}]" if path else f"{key}[{i}]") for i, entry in enumerate(value)]


def parse_protocol(data: Mapping[str, Any], source: str = "protocol.toml") -> Protocol:
    """Validate a parsed protocol file; raise ResourceError naming the file and the field."""
    r = _Reader(source)
    phases = []
    seen: set[str] = set()
    for i, entry in enumerate(r.items(data, "", "phases")):
        path = f"phases[{i}]"
        key = r.get(entry, path, "key", str)
        if key in seen:
            raise r.fail(f"{path}.key", f"'{key}' appears twice")
        seen.add(key)
        low = r.days(entry, path, "min_days", 1, 365)
        typical = r.days(entry, path, "typical_days", 1, 365)
        high = r.days(entry, path, "max_days", 1, 365)
        if not low <= typical <= high:
            raise r.fail(f"{path}.typical_days", "must lie between min_days and max_days")
        phases.append(
            PhaseSpec(
                key=key,
                title=r.get(entry, path, "title", str),
                min_days=low,
                typical_days=typical,
                max_days=high,
                range_text=r.get(entry, path, "range_text", str),
                inpatient=r.get(entry, path, "inpatient", bool),
                busy=r.get(entry, path, "busy", bool),
                description=r.get(entry, path, "description", str),
                from_seed=r.get(entry, path, "source", str) == "seed",
            )
        )
    expected = ["screening", "manufacturing", "admission", "monitoring", "outpatient"]
    if [p.key for p in phases] != expected:
        raise r.fail("phases", f"must be, in this order: {', '.join(expected)}")

    day_zero = r.table(r.get(data, "", "day_zero", dict), "day_zero")
    offset = r.days(day_zero, "day_zero", "offset_days", 0, 60)
    chemo_first = r.get(day_zero, "day_zero", "chemotherapy_first_day", int)
    chemo_last = r.get(day_zero, "day_zero", "chemotherapy_last_day", int)
    if not -offset <= chemo_first <= chemo_last < 0:
        raise r.fail("day_zero.chemotherapy_first_day", "chemotherapy must lie between admission and Day 0")

    visits = r.table(r.get(data, "", "outpatient_visits", dict), "outpatient_visits")
    weekdays = r.get(visits, "outpatient_visits", "weekdays", list)
    if not weekdays or any(day not in WEEKDAY_CODES for day in weekdays):
        raise r.fail("outpatient_visits.weekdays", f"must list days among {', '.join(WEEKDAY_CODES)}")
    rhythm = r.get(visits, "outpatient_visits", "rhythm", str)
    if rhythm not in VISIT_RHYTHMS:
        raise r.fail("outpatient_visits.rhythm", f"must be one of {', '.join(VISIT_RHYTHMS)}")
    if len(weekdays) < VISIT_RHYTHMS[rhythm]:
        raise r.fail("outpatient_visits.weekdays", f"must list at least {VISIT_RHYTHMS[rhythm]} days for {rhythm}")

    home = r.table(r.get(data, "", "home_followup", dict), "home_followup")
    stages = []
    previous_until = 0
    for i, entry in enumerate(r.items(home, "home_followup", "stages")):
        path = f"home_followup.stages[{i}]"
        every = r.days(entry, path, "every_months", 1, 120)
        until = r.days(entry, path, "until_month", 1, 1200)
        if until <= previous_until:
            raise r.fail(f"{path}.until_month", "must grow from one stage to the next")
        previous_until = until
        stages.append(FollowupStage(every, until, r.get(entry, path, "label", str)))

    early_data = r.table(r.get(home, "home_followup", "early", dict), "home_followup.early")
    early_rhythm = r.get(early_data, "home_followup.early", "rhythm", str)
    if early_rhythm not in EARLY_RHYTHMS:
        raise r.fail("home_followup.early.rhythm", f"must be one of {', '.join(EARLY_RHYTHMS)}")
    early = EarlyFollowup(
        first_after_days=r.days(early_data, "home_followup.early", "first_after_days", 1, 60),
        rhythm=early_rhythm,
        weeks=r.days(early_data, "home_followup.early", "weeks", 1, 52),
        title=r.get(early_data, "home_followup.early", "title", str),
        description=r.get(early_data, "home_followup.early", "description", str),
    )

    travel = r.table(r.get(data, "", "travel", dict), "travel")
    departure_text = r.get(travel, "travel", "return_departure", str)
    try:
        departure = time.fromisoformat(departure_text)
    except ValueError:
        raise r.fail("travel.return_departure", f"'{departure_text}' is not a time such as 11:00") from None

    visa = r.table(r.get(data, "", "visa", dict), "visa")

    steps = []
    for i, entry in enumerate(r.items(data, "", "preparation")):
        path = f"preparation[{i}]"
        category = r.get(entry, path, "category", str)
        if category not in PREPARATION_CATEGORIES:
            raise r.fail(f"{path}.category", f"must be one of {', '.join(PREPARATION_CATEGORIES)}")
        steps.append(
            PreparationStep(
                key=r.get(entry, path, "key", str),
                category=category,
                days_before_start=r.days(entry, path, "days_before_start", 1, 365),
                deadline=r.get(entry, path, "deadline", bool),
                per_traveller=bool(entry.get("per_traveller", False)),
                title=r.get(entry, path, "title", str),
                description=r.get(entry, path, "description", str),
                at_consulate=bool(entry.get("at_consulate", False)),
            )
        )

    return Protocol(
        phases=tuple(phases),
        day_zero_offset=offset,
        chemotherapy_days=(chemo_first, chemo_last),
        outpatient_rhythm=rhythm,
        outpatient_weekdays=tuple(weekdays),
        outpatient_title=r.get(visits, "outpatient_visits", "title", str),
        outpatient_description=r.get(visits, "outpatient_visits", "description", str),
        followup_stages=tuple(stages),
        followup_title=r.get(home, "home_followup", "title", str),
        followup_description=r.get(home, "home_followup", "description", str),
        early_followup=early,
        return_departure=departure,
        min_days_at_home=r.days(travel, "travel", "min_days_at_home", 1, 60),
        land_before_admission_days=r.days(travel, "travel", "land_before_admission_days", 0, 14),
        extension_lead_days=r.days(visa, "visa", "extension_lead_days", 1, 60),
        visa_processing_days=r.days(visa, "visa", "processing_days", 1, 60),
        passport_held_days=r.days(visa, "visa", "passport_held_days", 1, 60),
        preparation=tuple(steps),
        estimate_note=r.get(data, "", "estimate_note", str),
        assumptions=_assumptions(r, data),
        handover_overlap_days=r.days(travel, "travel", "handover_overlap_days", 0, 14),
    )


def _assumptions(r: _Reader, data: Mapping[str, Any]) -> tuple[AssumptionSpec, ...]:
    table = r.table(r.get(data, "", "assumptions", dict), "assumptions")
    specs = []
    for name, entry in table.items():
        path = f"assumptions.{name}"
        entry = r.table(entry, path)
        specs.append(AssumptionSpec(name, r.get(entry, path, "label", str), r.get(entry, path, "text", str)))
    return tuple(specs)


def parse_cities(data: Mapping[str, Any], source: str = "cities.toml") -> tuple[City, ...]:
    """Validate a parsed city file; raise ResourceError naming the file and the field."""
    r = _Reader(source)
    cities = []
    seen: set[str] = set()
    for i, entry in enumerate(r.items(data, "", "cities")):
        path = f"cities[{i}]"
        key = r.get(entry, path, "key", str)
        if key in seen:
            raise r.fail(f"{path}.key", f"'{key}' appears twice")
        seen.add(key)
        airports = r.get(entry, path, "airports", list)
        if not airports or not all(isinstance(a, str) and len(a) == 3 and a.isupper() for a in airports):
            raise r.fail(f"{path}.airports", "must list three-letter IATA codes such as PVG")
        zone = r.get(entry, path, "time_zone", str)
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise r.fail(f"{path}.time_zone", f"'{zone}' is not a known time zone") from None
        cities.append(
            City(
                key=key,
                name=r.get(entry, path, "name", str),
                name_zh=r.get(entry, path, "name_zh", str),
                airports=tuple(airports),
                time_zone=zone,
                airport_note=str(entry.get("airport_note", "")),
                names=_local_names(r, entry, path),
            )
        )
    return tuple(cities)


def _local_names(r: _Reader, entry: Mapping[str, Any], path: str) -> tuple[tuple[str, str], ...]:
    names = entry.get("names", {})
    if not isinstance(names, Mapping) or not all(isinstance(v, str) and v for v in names.values()):
        raise r.fail(f"{path}.names", "must be a table of language codes and names")
    return tuple(sorted((str(language), name) for language, name in names.items()))
