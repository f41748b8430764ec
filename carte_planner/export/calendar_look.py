"""How the plan's calendar presents itself on a server: its name, description and colour, which
say no more than its events do (a discreet calendar looks like any appointments calendar)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from carte_planner.domain.journey import Journey
from carte_planner.export.ics import ExportOptions, calendar_name
from carte_planner.i18n import LANGUAGES, current_language, tr, use_language

# The flight blue of the journey's own colours; a discreet calendar takes a plain grey that many
# calendar apps give any calendar.
JOURNEY_COLOUR = "#0072B2"
DISCREET_COLOUR = "#7F8C8D"


@dataclass(frozen=True)
class CalendarLook:
    name: str
    description: str
    colour: str


def calendar_look(journey: Journey, options: ExportOptions) -> CalendarLook:
    """The calendar's look in the language in use."""
    name = calendar_name(journey, options)
    if options.discreet:
        return CalendarLook(name, "", DISCREET_COLOUR)
    description = tr(
        "The CAR-T therapy journey to {city}, planned with Carte Planner. The dates are estimates: "
        "confirm them with the hospital."
    ).format(city=journey.city.local_name(current_language()))
    return CalendarLook(name, description, JOURNEY_COLOUR)


def given_names(journey: Journey, options: ExportOptions) -> set[str]:
    """Every name Carte Planner gives this journey's calendar, full or discreet, in every
    language: a calendar named so is the plan's own, whose look follows the plan. A calendar
    the family named itself keeps its name."""
    names = set()
    for language in LANGUAGES:
        with use_language(language):
            for discreet in (False, True):
                names.add(calendar_name(journey, replace(options, discreet=discreet, calendar_name=None)))
    return {name.strip().casefold() for name in names}
