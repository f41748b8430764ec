"""What each kind of journey item looks like everywhere it is shown, in one table: its name,
its colour, its title in a discreet calendar, its CATEGORIES value in a calendar file, its place
among items of the same day, and which keeps a lane in a full month-view day. A new category
is one row here; a test checks that every category has one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from carte_planner.domain.journey import Category
from carte_planner.i18n import tr_noop


@dataclass(frozen=True)
class CategoryLook:
    # The name in the legend and the agenda (a catalogue message).
    label: str
    # A mid-tone colour that stays distinct on light and dark backgrounds and for the common
    # colour-vision deficiencies (after the Okabe–Ito palette).
    colour: str
    # The title in a calendar that others can see or that syncs to a cloud: nothing that tells
    # a reader about health or treatment, not even which days are spent in hospital.
    discreet_title: str
    # Items that share a first day are listed in this order, so that the agenda reads in the
    # order things happen.
    order: int
    # When a month-view day is full, the lowest keeps its lane: the day's own events
    # (milestones, flights, visits) first, then the treatment phase around them, the long stay last.
    lane: int
    # The CATEGORIES value of a calendar file: the category's own value.
    ics_category: str


def _look(category: Category, label: str, colour: str, discreet: str, order: int, lane: int) -> CategoryLook:
    return CategoryLook(label, colour, discreet, order, lane, category.value)


CATEGORIES: Mapping[Category, CategoryLook] = MappingProxyType(
    {
        Category.PREPARATION: _look(Category.PREPARATION, tr_noop("Preparation"), "#009E73", tr_noop("Reminder"), 0, 5),
        Category.VISA: _look(Category.VISA, tr_noop("Visa and papers"), "#8E5BB5", tr_noop("Reminder"), 1, 4),
        Category.FLIGHT: _look(Category.FLIGHT, tr_noop("Flight"), "#0072B2", tr_noop("Travel"), 2, 1),
        Category.ACCOMMODATION: _look(
            Category.ACCOMMODATION, tr_noop("Accommodation"), "#8C7B6B", tr_noop("Away"), 3, 8
        ),
        Category.PHASE: _look(Category.PHASE, tr_noop("Treatment phase"), "#E69F00", tr_noop("Away"), 4, 3),
        Category.MILESTONE: _look(Category.MILESTONE, tr_noop("Milestone"), "#D55E00", tr_noop("Appointment"), 5, 0),
        Category.OUTPATIENT_VISIT: _look(
            Category.OUTPATIENT_VISIT, tr_noop("Outpatient visit"), "#56B4E9", tr_noop("Appointment"), 6, 2
        ),
        Category.HOME_FOLLOWUP: _look(
            Category.HOME_FOLLOWUP, tr_noop("Follow-up at home"), "#6B8E23", tr_noop("Appointment"), 7, 6
        ),
        Category.CHECKLIST: _look(Category.CHECKLIST, tr_noop("Checklist"), "#6E6E6E", tr_noop("Reminder"), 8, 7),
        Category.HOLIDAY: _look(
            Category.HOLIDAY, tr_noop("Public holiday"), "#CC79A7", tr_noop("Public holiday"), 9, 9
        ),
    }
)
