"""Values the guide does not give: what is in effect, which are still assumed, and their words."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import time

from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.fields import FIELDS
from carte_planner.domain.journey import Assumption, DayNumber, JourneyItem
from carte_planner.domain.protocol import VISIT_RHYTHMS, FollowupStage, Protocol
from carte_planner.domain.request import TripRequest
from carte_planner.i18n import tr_noop
from carte_planner.i18n.text import Words, count_days, joined, say, say_n

DAY0_OFFSET = "day0-offset"
CHEMOTHERAPY_DAYS = "chemotherapy-days"
VISIT_RHYTHM = "visit-rhythm"
EARLY_HOME_FOLLOWUP = "early-home-followup"
HOME_FOLLOWUP_RHYTHM = "home-followup-rhythm"
PREPARATION_OFFSETS = "preparation-offsets"
RETURN_FLIGHT_TIME = "return-flight-time"
HOME_TRIP_TIMING = "home-trip-timing"
EXTENSION_LEAD_DAYS = "extension-lead-days"
VISA_PROCESSING_DAYS = "visa-processing-days"
PASSPORT_HELD_DAYS = "passport-held-days"
CHECKLIST_LEAD_TIMES = "checklist-lead-times"
HANDOVER_OVERLAP = "handover-overlap"

RHYTHM_WORDS = {
    "twice-weekly": tr_noop("twice a week"),
    "weekly": tr_noop("once a week"),
    "every-two-weeks": tr_noop("every two weeks"),
}
_STAGE_LABELS = {1: tr_noop("monthly"), 3: tr_noop("quarterly"), 12: tr_noop("yearly")}
_WEEKDAY_NAMES = {
    "MO": tr_noop("Monday"),
    "TU": tr_noop("Tuesday"),
    "WE": tr_noop("Wednesday"),
    "TH": tr_noop("Thursday"),
    "FR": tr_noop("Friday"),
    "SA": tr_noop("Saturday"),
    "SU": tr_noop("Sunday"),
}


def stage_label(every_months: int) -> str:
    """ "monthly", "quarterly", "yearly", or "every 2 months": the stage's item key, in English."""
    return _STAGE_LABELS.get(every_months, f"every {every_months} months")


def stage_title(every_months: int) -> Words:
    """The stage's rhythm, for titles and sentences."""
    if every_months in _STAGE_LABELS:
        return say(_STAGE_LABELS[every_months])
    return say_n("every {n} month", "every {n} months", every_months)


def rhythm_words(rhythm: str) -> Words:
    return say(RHYTHM_WORDS[rhythm])


def day_number_text(number: int) -> str:
    """ "−5", "0", "+3": a Day number with a true minus sign, in the current language's order."""
    return str(DayNumber(number))


@dataclass(frozen=True)
class Settings:
    """The values the planner uses where the guide is silent: the user's own where set, else
    the data file's; `assumed` names those that still come from the data file."""

    day0_offset: int
    chemotherapy_days: tuple[int, int]
    visit_rhythm: str
    visit_weekdays: tuple[str, ...]
    followup_stages: tuple[FollowupStage, ...]
    early_rhythm: str
    return_departure: time
    visa_processing_days: int
    assumed: frozenset[str]
    handover_overlap_days: int = 1

    def marks(self, *names: str) -> tuple[str, ...]:
        """Those of `names` that are still assumptions, in the order given."""
        return tuple(name for name in names if name in self.assumed)


def resolve_settings(request: TripRequest, protocol: Protocol) -> Settings:
    """The values in effect for a request; refuses weekdays that do not fit the visit rhythm."""
    assumed = {PREPARATION_OFFSETS, HOME_TRIP_TIMING, EXTENSION_LEAD_DAYS, PASSPORT_HELD_DAYS}
    own = {
        # An infusion day the user set fixes Day 0 as much as an offset does.
        DAY0_OFFSET: request.day0_offset if request.moved_date("milestone:infusion") is None else 0,
        CHEMOTHERAPY_DAYS: request.chemotherapy_days,
        VISIT_RHYTHM: request.visit_rhythm or request.visit_weekdays,
        HOME_FOLLOWUP_RHYTHM: request.followup_rhythm,
        EARLY_HOME_FOLLOWUP: request.early_rhythm,
        RETURN_FLIGHT_TIME: request.return_time,
        VISA_PROCESSING_DAYS: request.visa_processing_days,
        HANDOVER_OVERLAP: request.handover_overlap_days,
    }
    assumed |= {name for name, value in own.items() if value is None}
    rhythm = request.visit_rhythm or protocol.outpatient_rhythm
    needed = VISIT_RHYTHMS[rhythm]
    weekdays = request.visit_weekdays or protocol.outpatient_weekdays[:needed]
    if len(weekdays) != needed:
        need = (
            tr_noop("visits {rhythm} need two weekdays, such as {example}")
            if needed == 2
            else tr_noop("visits {rhythm} need one weekday, such as {example}")
        )
        raise PlanInputError(
            FIELDS["visit_weekdays"], need, rhythm=rhythm_words(rhythm), example="MO,TH" if needed == 2 else "MO"
        )
    stages = protocol.followup_stages
    if request.followup_rhythm is not None:
        stages = tuple(FollowupStage(every, until, stage_label(every)) for every, until in request.followup_rhythm)
    return Settings(
        day0_offset=protocol.day_zero_offset if request.day0_offset is None else request.day0_offset,
        chemotherapy_days=request.chemotherapy_days or protocol.chemotherapy_days,
        visit_rhythm=rhythm,
        visit_weekdays=tuple(weekdays),
        followup_stages=stages,
        early_rhythm=request.early_rhythm or protocol.early_followup.rhythm,
        return_departure=request.return_time or protocol.return_departure,
        visa_processing_days=request.visa_processing_days or protocol.visa_processing_days,
        assumed=frozenset(assumed),
        handover_overlap_days=(
            protocol.handover_overlap_days if request.handover_overlap_days is None else request.handover_overlap_days
        ),
    )


def followup_rhythm_text(stages: tuple[FollowupStage, ...]) -> Words:
    """ "monthly to month 6, quarterly to month 24, then yearly" """
    parts: list[Words] = []
    for i, stage in enumerate(stages):
        last = i == len(stages) - 1
        label = stage_title(stage.every_months)
        if last and i:
            parts.append(say("then {rhythm}", rhythm=label))
        else:
            parts.append(say("{rhythm} to month {month}", rhythm=label, month=stage.until_month))
    # The language's own list separator (", ", "，", "، ").
    return joined(*parts, separator=say(", "))


def visit_rhythm_text(rhythm: str, weekdays: tuple[str, ...]) -> Words:
    """ "twice a week (Monday and Thursday)" """
    names = [say(_WEEKDAY_NAMES[code]) for code in weekdays]
    if len(names) == 1:
        # Translators: a visit rhythm and its one weekday, "weekly (Tuesday)" (Arabic: يوم الثلاثاء).
        return say("{rhythm} ({day})", rhythm=rhythm_words(rhythm), day=names[0])
    days = say("{first} and {second}", first=names[0], second=names[1])
    return say("{rhythm} ({days})", rhythm=rhythm_words(rhythm), days=days)


def assumption_catalogue(protocol: Protocol, settings: Settings) -> dict[str, Assumption]:
    """Every assumption of the data file, its sentence filled with the values in effect."""
    first, last = settings.chemotherapy_days
    early = protocol.early_followup
    values: dict[str, str | int | Words] = {
        "day0_offset": count_days(settings.day0_offset),
        "chemotherapy_first": DayNumber(first),
        "chemotherapy_last": DayNumber(last),
        "visit_rhythm": visit_rhythm_text(settings.visit_rhythm, settings.visit_weekdays),
        "early_rhythm": rhythm_words(settings.early_rhythm),
        "early_weeks": say_n("{n} week", "{n} weeks", early.weeks),
        "early_first_after": count_days(early.first_after_days),
        "followup_rhythm": followup_rhythm_text(settings.followup_stages),
        "return_departure": settings.return_departure.strftime("%H:%M"),
        "land_before_admission_days": count_days(protocol.land_before_admission_days),
        "extension_lead_days": count_days(protocol.extension_lead_days),
        "visa_processing_days": say_n("{n} working day", "{n} working days", settings.visa_processing_days),
        "passport_held_days": say_n("{n} working day", "{n} working days", protocol.passport_held_days),
        "handover_overlap_days": count_days(settings.handover_overlap_days),
    }
    return {
        spec.name: Assumption(spec.name, say(spec.label), say(spec.text, **values)) for spec in protocol.assumptions
    }


ASSUMED_PREFIX = tr_noop("Assumed by Carte Planner, not given by the guide (change it to what your hospital says):")


def with_assumption_note(item: JourneyItem, catalogue: dict[str, Assumption]) -> JourneyItem:
    """The item with its assumptions dropped once the user set or the hospital confirmed its
    date, and the sentence for those left added to its description, where every output
    (the window, the JSON, the calendar file) reads it."""
    if item.user_moved or item.confirmed:
        return replace(item, assumptions=()) if item.assumptions else item
    names = tuple(name for name in item.assumptions if name in catalogue)
    if not names:
        return replace(item, assumptions=()) if item.assumptions else item
    note = joined(say(ASSUMED_PREFIX), *(catalogue[name].text_words for name in names))
    return replace(item, assumptions=names, description_words=joined(item.description_words, note, separator="\n"))
