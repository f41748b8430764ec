"""Each field of a trip request and of a traveller, described once: its id (the attribute), the
name a refusal shows, its limits, its command-line option, its place in the plan file and the
plan-file version that introduced it. Validation, the plan codec, the command line and the
request panel read these descriptions, so a field cannot be known to one and missed by another
without a test failing (tests/test_request_fields.py)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from carte_planner.i18n import tr_noop


class Kind(enum.StrEnum):
    """What a field holds, as the command line and the plan file read it."""

    DATE = "date"
    TEXT = "text"
    CHOICE = "choice"
    NUMBER = "number"
    WHOLE = "whole"
    TIME = "time"
    FLAG = "flag"
    NAMES = "names"
    # Keyed values (a phase's length, an item's date); a refusal names the key as well.
    KEYED = "keyed"
    KEYS = "keys"
    DAY_RANGE = "day-range"
    WEEKDAYS = "weekdays"
    STAGES = "stages"
    PEOPLE = "people"
    RULES = "rules"


class Section(enum.StrEnum):
    """Where the request panel edits a field; VIEWS: in the calendar and agenda, not the panel."""

    TRIP = "trip"
    TRAVEL = "travel"
    PHASES = "phases"
    HOSPITAL = "hospital"
    SHEET = "sheet"
    ASSUMED = "assumed"
    TRAVELLERS = "travellers"
    VIEWS = "views"


@dataclass(frozen=True)
class Field:
    """One field. `label` is a catalogue message (shown translated, never used as a key);
    `entry_label` names one entry of a keyed field, with `{entry_param}` filled by the key."""

    id: str
    kind: Kind
    label: str
    option: str | None
    file: str
    since: int
    section: Section
    limits: tuple[float, float] | None = None
    choices: tuple[str, ...] = ()
    entry_label: str | None = None
    entry_param: str = "key"
    # Text the family types freely: at most MAX_TEXT characters, no control characters.
    typed_text: bool = False
    # The command line's help, and the panel's caption and accessible name, for the fields
    # the command line and the panel build from this table (hospital and sheet text).
    help: str | None = None
    caption: str | None = None
    accessible: str | None = None
    metavar: str | None = None

    @property
    def file_path(self) -> str:
        """Where a plan file holds it, as refusals name it: "request.assumed.day0_offset"."""
        return f"request.{self.file}"

    def option_for(self, entry: str | None) -> str | None:
        if self.option is None:
            return None
        return f"{self.option} {entry}" if entry else self.option

    def file_path_for(self, entry: str | None) -> str:
        return f"{self.file_path}.{entry}" if entry else self.file_path


EARLIEST_YEAR = 2000
MAX_TEXT = 300
VISIT_RHYTHM_CHOICES = ("twice-weekly", "weekly", "every-two-weeks")
EARLY_RHYTHM_CHOICES = ("weekly", "every-two-weeks")
SCENARIOS = ("shortest", "typical", "longest")


def _text(
    id: str, label: str, file: str, since: int, section: Section, help: str, caption: str, accessible: str
) -> Field:
    option = "--" + id.replace("_", "-")
    return Field(
        id,
        Kind.TEXT,
        label,
        option,
        file,
        since,
        section,
        typed_text=True,
        help=help,
        caption=caption,
        accessible=accessible,
    )


_H, _S = Section.HOSPITAL, Section.SHEET

# In the order of the request, of the command line's help and of the panel.
REQUEST_FIELDS: tuple[Field, ...] = (
    Field("start", Kind.DATE, tr_noop("start date"), "--start", "start", 1, Section.TRIP),
    Field("city", Kind.TEXT, tr_noop("city"), "--city", "city", 1, Section.TRIP),
    Field("scenario", Kind.CHOICE, tr_noop("scenario"), "--scenario", "scenario", 1, Section.TRIP, choices=SCENARIOS),
    Field("home_tz", Kind.TEXT, tr_noop("home time zone"), "--home-tz", "home_time_zone", 1, Section.TRAVEL),
    Field("home_country", Kind.TEXT, tr_noop("home country"), "--home-country", "home_country", 2, Section.TRAVEL),
    Field(
        "home_airport",
        Kind.TEXT,
        tr_noop("home airport"),
        "--home-airport",
        "home_airport",
        1,
        Section.TRAVEL,
        typed_text=True,
    ),
    Field(
        "flight_hours",
        Kind.NUMBER,
        tr_noop("flight length (hours)"),
        "--flight-hours",
        "flight_hours",
        1,
        Section.TRAVEL,
        limits=(1, 40),
    ),
    Field(
        "departure_time", Kind.TIME, tr_noop("departure time"), "--departure-time", "departure_time", 1, Section.TRAVEL
    ),
    Field(
        "arrive_days_before",
        Kind.WHOLE,
        tr_noop("days to arrive before the start"),
        "--arrive-days-before",
        "arrive_days_before",
        1,
        Section.TRAVEL,
        limits=(0, 14),
    ),
    Field(
        "go_home",
        Kind.FLAG,
        tr_noop("Go home during cell manufacturing, only if your hospital agrees"),
        "--go-home",
        "go_home_during_manufacturing",
        1,
        Section.TRAVEL,
    ),
    Field("travellers", Kind.NAMES, tr_noop("travellers"), "--traveller", "travellers", 1, Section.TRAVEL),
    Field(
        "visa_stay_days",
        Kind.WHOLE,
        tr_noop("visa's permitted stay (days)"),
        "--visa-stay-days",
        "visa_stay_days",
        1,
        Section.TRAVEL,
        limits=(1, 365),
    ),
    Field(
        "followup_years",
        Kind.WHOLE,
        tr_noop("follow-up years"),
        "--followup-years",
        "followup_years",
        1,
        Section.TRAVEL,
        limits=(0, 20),
    ),
    Field(
        "phase_days",
        Kind.KEYED,
        tr_noop("phase lengths"),
        "--phase",
        "phase_days",
        1,
        Section.PHASES,
        limits=(1, 365),
        entry_label=tr_noop("length of phase '{phase}'"),
        entry_param="phase",
    ),
    Field(
        "moved",
        Kind.KEYED,
        tr_noop("moved dates"),
        "--move",
        "moved",
        1,
        Section.VIEWS,
        limits=(EARLIEST_YEAR, 2130),
        entry_label=tr_noop("date of '{key}'"),
    ),
    Field("confirmed", Kind.KEYS, tr_noop("confirmed marks"), "--confirm", "confirmed", 1, Section.VIEWS),
    _text(
        "hospital_name",
        tr_noop("hospital name"),
        "hospital.name",
        1,
        _H,
        tr_noop("the hospital's name"),
        tr_noop("Name:"),
        tr_noop("Hospital name"),
    ),
    _text(
        "hospital_name_zh",
        tr_noop("hospital name zh"),
        "hospital.name_zh",
        1,
        _H,
        tr_noop("the hospital's name in Chinese"),
        tr_noop("Name in Chinese:"),
        tr_noop("Hospital name in Chinese"),
    ),
    _text(
        "hospital_address",
        tr_noop("hospital address"),
        "hospital.address",
        1,
        _H,
        tr_noop("the hospital's address"),
        tr_noop("Address:"),
        tr_noop("Hospital address"),
    ),
    _text(
        "hospital_address_zh",
        tr_noop("hospital address zh"),
        "hospital.address_zh",
        1,
        _H,
        tr_noop("the hospital's address in Chinese, for taxis"),
        tr_noop("Address in Chinese:"),
        tr_noop("Hospital address in Chinese"),
    ),
    _text(
        "hospital_phone",
        tr_noop("hospital phone"),
        "hospital.phone",
        1,
        _H,
        tr_noop("the hospital's phone number"),
        tr_noop("Phone:"),
        tr_noop("Hospital phone"),
    ),
    _text(
        "passport_names",
        tr_noop("passport names"),
        "sheet.passport_names",
        5,
        _S,
        tr_noop("the travellers' names as in their passports, patient first, separated by commas"),
        tr_noop("Names as in passports:"),
        tr_noop("Names as in the passports, patient first"),
    ),
    _text(
        "stay_address",
        tr_noop("stay address"),
        "sheet.stay_address",
        5,
        _S,
        tr_noop("the address where the family stays"),
        tr_noop("Where you stay:"),
        tr_noop("Address where you stay"),
    ),
    _text(
        "stay_address_zh",
        tr_noop("stay address zh"),
        "sheet.stay_address_zh",
        5,
        _S,
        tr_noop("that address in Chinese, for taxis and the police"),
        tr_noop("…in Chinese:"),
        tr_noop("Address where you stay, in Chinese"),
    ),
    _text(
        "family_phones",
        tr_noop("family phones"),
        "sheet.family_phones",
        5,
        _S,
        tr_noop("the family's phone numbers in China"),
        tr_noop("Your phones in China:"),
        tr_noop("Your phone numbers in China"),
    ),
    _text(
        "interpreter_phone",
        tr_noop("interpreter phone"),
        "sheet.interpreter_phone",
        5,
        _S,
        tr_noop("the interpreter's phone number"),
        tr_noop("Interpreter's phone:"),
        tr_noop("Interpreter's phone"),
    ),
    _text(
        "team_phone",
        tr_noop("team phone"),
        "sheet.team_phone",
        5,
        _S,
        tr_noop("the treating team's phone number"),
        tr_noop("Treating team's phone:"),
        tr_noop("Treating team's phone"),
    ),
    _text(
        "birth_date",
        tr_noop("birth date"),
        "sheet.birth_date",
        5,
        _S,
        tr_noop("the patient's date of birth, as in the passport"),
        tr_noop("Patient's date of birth:"),
        tr_noop("Patient's date of birth"),
    ),
    _text(
        "diagnosis",
        tr_noop("diagnosis"),
        "sheet.diagnosis",
        5,
        _S,
        tr_noop("the diagnosis as the treating team writes it"),
        tr_noop("Diagnosis (as the team writes it):"),
        tr_noop("Diagnosis as the treating team writes it"),
    ),
    _text(
        "allergies",
        tr_noop("allergies"),
        "sheet.allergies",
        5,
        _S,
        tr_noop("the patient's allergies"),
        tr_noop("Allergies:"),
        tr_noop("Patient's allergies"),
    ),
    _text(
        "languages",
        tr_noop("languages spoken"),
        "sheet.languages",
        5,
        _S,
        tr_noop("the languages the patient speaks"),
        tr_noop("Languages spoken:"),
        tr_noop("Languages the patient speaks"),
    ),
    _text(
        "passport_numbers",
        tr_noop("passport numbers"),
        "sheet.passport_numbers",
        5,
        _S,
        tr_noop("passport numbers, patient first, only if you want them on the sheet"),
        tr_noop("Passport numbers (optional):"),
        tr_noop("Passport numbers, if you want them on the sheet"),
    ),
    Field(
        "day0_offset",
        Kind.WHOLE,
        tr_noop("Day 0 offset (days after admission)"),
        "--day0-offset",
        "assumed.day0_offset",
        4,
        Section.ASSUMED,
        limits=(1, 30),
    ),
    Field(
        "chemotherapy_days",
        Kind.DAY_RANGE,
        tr_noop("chemotherapy days"),
        "--chemotherapy-days",
        "assumed.chemotherapy_days",
        4,
        Section.ASSUMED,
        limits=(-30, -1),
    ),
    Field(
        "visit_rhythm",
        Kind.CHOICE,
        tr_noop("visit rhythm"),
        "--visit-rhythm",
        "assumed.visit_rhythm",
        4,
        Section.ASSUMED,
        choices=VISIT_RHYTHM_CHOICES,
    ),
    Field(
        "visit_weekdays",
        Kind.WEEKDAYS,
        tr_noop("visit weekdays"),
        "--visit-weekdays",
        "assumed.visit_weekdays",
        4,
        Section.ASSUMED,
        choices=("MO", "TU", "WE", "TH", "FR", "SA", "SU"),
    ),
    Field(
        "early_rhythm",
        Kind.CHOICE,
        tr_noop("first visits at home"),
        "--early-home-visits",
        "assumed.early_home_rhythm",
        4,
        Section.ASSUMED,
        choices=EARLY_RHYTHM_CHOICES,
    ),
    Field(
        "followup_rhythm",
        Kind.STAGES,
        tr_noop("follow-up rhythm at home"),
        "--home-followup-rhythm",
        "assumed.home_followup_rhythm",
        4,
        Section.ASSUMED,
    ),
    Field(
        "return_time",
        Kind.TIME,
        tr_noop("return flight time"),
        "--return-time",
        "assumed.return_time",
        4,
        Section.ASSUMED,
    ),
    Field(
        "visa_processing_days",
        Kind.WHOLE,
        tr_noop("visa processing time (working days)"),
        "--visa-processing-days",
        "assumed.visa_processing_days",
        4,
        Section.ASSUMED,
        limits=(1, 60),
    ),
    Field("people", Kind.PEOPLE, tr_noop("travellers"), "--traveller", "people", 7, Section.TRAVELLERS),
    Field("team", Kind.RULES, tr_noop("the treating team's rules"), None, "team", 7, Section.TRAVELLERS),
    Field(
        "handover_overlap_days",
        Kind.WHOLE,
        tr_noop("hand-over overlap (days)"),
        "--handover-overlap-days",
        "assumed.handover_overlap_days",
        7,
        Section.ASSUMED,
        limits=(0, 14),
    ),
)
FIELDS: dict[str, Field] = {field.id: field for field in REQUEST_FIELDS}

# The treating team's rules (TeamRules), in the plan file under request.team.
RULE_FIELDS: tuple[Field, ...] = (
    Field(
        "stay_near_until",
        Kind.WHOLE,
        tr_noop("stay near the hospital until Day"),
        "--stay-near-until",
        "team.stay_near_until",
        7,
        Section.TRAVELLERS,
        limits=(1, 365),
        help=tr_noop("stay near the hospital until this Day"),
        metavar="DAY",
        caption=tr_noop("Stay near until Day:"),
        accessible=tr_noop("Stay near the hospital until Day"),
    ),
    Field(
        "no_driving_until",
        Kind.WHOLE,
        tr_noop("no driving until Day"),
        "--no-driving-until",
        "team.no_driving_until",
        7,
        Section.TRAVELLERS,
        limits=(1, 365),
        help=tr_noop("no driving until this Day"),
        metavar="DAY",
        caption=tr_noop("No driving until Day:"),
        accessible=tr_noop("No driving until Day"),
    ),
    Field(
        "around_the_clock_until",
        Kind.WHOLE,
        tr_noop("caregiver around the clock until Day"),
        "--caregiver-around-the-clock-until",
        "team.around_the_clock_until",
        7,
        Section.TRAVELLERS,
        limits=(1, 365),
        help=tr_noop("a caregiver with the patient around the clock until this Day"),
        metavar="DAY",
        caption=tr_noop("Caregiver day and night until Day:"),
        accessible=tr_noop("Caregiver around the clock until Day"),
    ),
    Field(
        "max_travel_minutes",
        Kind.WHOLE,
        tr_noop("longest travel time to the hospital (minutes)"),
        "--max-travel-minutes",
        "team.max_travel_minutes",
        7,
        Section.TRAVELLERS,
        limits=(1, 600),
        help=tr_noop("the longest travel time from the lodging to the hospital the team allows"),
        metavar="MINUTES",
        caption=tr_noop("Longest trip to the hospital:"),
        accessible=tr_noop("Longest travel time to the hospital"),
    ),
)
RULES: dict[str, Field] = {field.id: field for field in RULE_FIELDS}

# Each traveller's own fields (Person and its Visa), in the plan file under request.people[i];
# "visa." ids are the Visa's. Options take NAME=VALUE.
PERSON_FIELDS: tuple[Field, ...] = (
    Field("name", Kind.TEXT, tr_noop("travellers"), "--traveller", "name", 7, Section.TRAVELLERS),
    Field("role", Kind.CHOICE, tr_noop("role"), "--role", "role", 7, Section.TRAVELLERS),
    Field("nationality", Kind.TEXT, tr_noop("nationality"), "--nationality", "nationality", 7, Section.TRAVELLERS),
    Field(
        "passport_expiry",
        Kind.DATE,
        tr_noop("passport expiry"),
        "--passport-expiry",
        "passport_expiry",
        7,
        Section.TRAVELLERS,
    ),
    Field("home_country", Kind.TEXT, tr_noop("home country"), None, "home_country", 7, Section.TRAVELLERS),
    Field("home_tz", Kind.TEXT, tr_noop("home time zone"), None, "home_time_zone", 7, Section.TRAVELLERS),
    Field("route", Kind.CHOICE, tr_noop("entry route"), "--visa-free", "route", 7, Section.TRAVELLERS),
    Field("visa.type", Kind.TEXT, tr_noop("visa type"), "--visa", "visa.type", 7, Section.TRAVELLERS),
    Field(
        "visa.stay_days",
        Kind.WHOLE,
        tr_noop("visa's permitted stay (days)"),
        "--visa-stay",
        "visa.stay_days",
        7,
        Section.TRAVELLERS,
        limits=(1, 365),
    ),
    Field(
        "visa.entries", Kind.CHOICE, tr_noop("visa entries"), "--visa-entries", "visa.entries", 7, Section.TRAVELLERS
    ),
    Field("visa.use_by", Kind.DATE, tr_noop("visa use-by date"), "--visa-use-by", "visa.use_by", 7, Section.TRAVELLERS),
    Field("turns", Kind.DAY_RANGE, tr_noop("turn"), "--turn", "turns", 7, Section.TRAVELLERS),
)
PERSON: dict[str, Field] = {field.id: field for field in PERSON_FIELDS}


def limits(field_id: str) -> tuple[int, int]:
    """A whole-number field's lowest and highest value, for spin boxes and checks."""
    field = FIELDS.get(field_id) or RULES.get(field_id) or PERSON[field_id]
    assert field.limits is not None, field_id
    low, high = field.limits
    return int(low), int(high)


# The questions of a what-if (domain/contingency.py): asked on the command line, never saved.
WHAT_IF_FIELDS: tuple[Field, ...] = (
    Field("delay", Kind.KEYED, tr_noop("delay"), "--delay", "", 0, Section.VIEWS),
    Field("readmission_days", Kind.WHOLE, tr_noop("readmission (days)"), "--readmission", "", 0, Section.VIEWS),
    Field("transplant_days", Kind.WHOLE, tr_noop("donor transplant (days)"), "--transplant", "", 0, Section.VIEWS),
)
WHAT_IF: dict[str, Field] = {field.id: field for field in WHAT_IF_FIELDS}
