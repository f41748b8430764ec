"""Office errands while the patient is in hospital, and the days a passport is held.

The stay extension is applied for in person at the Exit-Entry office, which then keeps the
passport for some working days. An extension planned while the patient is an inpatient needs
someone to go for them, or an earlier date; and nobody travels while their passport is held.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from carte_planner.domain.assumptions import PASSPORT_HELD_DAYS
from carte_planner.domain.journey import Category, JourneyItem, Notice, Severity
from carte_planner.domain.notice_codes import ERRAND_WHILE_INPATIENT, TRAVEL_WHILE_PASSPORT_HELD
from carte_planner.domain.office_days import OfficeCalendar
from carte_planner.i18n.dates import DATE
from carte_planner.i18n.text import Day, Words, joined, say

EXTENSION = "visa:extension"
PATIENT_SUFFIX = ":1"
# visa:extension:2 or visa:extension:entry2:1, not visa:extension2:1 (a second extension).
FIRST_EXTENSION = re.compile(r"visa:extension(:entry\d+)?:\d+")


def passport_back(applied: date, china: OfficeCalendar, held_days: int) -> date:
    """The day the passport is assumed to be back: the `held_days`-th day the office is open
    after the application."""
    day, counted = applied, 0
    while counted < held_days:
        day += timedelta(days=1)
        if china.is_open(day):
            counted += 1
    return day


def check_inpatient_errands(
    items: list[JourneyItem],
    inpatient: tuple[date, date],
    china: OfficeCalendar,
    held_days: int,
    patient: str | None = None,
) -> tuple[list[JourneyItem], list[Notice]]:
    """Each extension whose application or held passport falls in the patient's inpatient days
    says so and asks who can go; a flight while a passport is held is a warning. An extension
    so checked carries the assumed days the passport is held."""
    admitted, discharged = inpatient
    flights = [item for item in items if item.category is Category.FLIGHT and item.depart is not None]
    checked, notices = [], []
    for item in items:
        if item.key.startswith(EXTENSION) and item.recurrence is None:
            back = passport_back(item.start, china, held_days)
            # A further extension is speculative (the stay's warning says so): only a first
            # extension's held passport is set against the flights.
            for flight in flights if FIRST_EXTENSION.fullmatch(item.key) else ():
                assert flight.depart is not None
                # A person's own flight, or the shared one (no traveller) they are on.
                if flight.traveller not in (None, item.traveller):
                    continue
                if item.start <= flight.depart.date() <= back:
                    notices.append(_travel_while_held(item, flight, back))
                    item = _resting_on_held_days(item)
            is_patient = item.traveller == patient if patient is not None else item.key.endswith(PATIENT_SUFFIX)
            if is_patient and item.start <= discharged and back >= admitted:
                item = _resting_on_held_days(item)
                note = _inpatient_note(item.start, inpatient, back)
                notices.append(
                    Notice(
                        Severity.CHECK,
                        ERRAND_WHILE_INPATIENT,
                        say("{what}: {note}", what=item.title_words, note=note),
                        item_key=item.key,
                    )
                )
                item = replace(item, description_words=joined(item.description_words, note))
        checked.append(item)
    return checked, notices


def held_passport_items(items: list[JourneyItem], china: OfficeCalendar, held_days: int) -> list[JourneyItem]:
    """The days each traveller's passport is held for the first extension of each stay, from
    the day it is applied for (as planned or as the family set it). Further extensions, which
    the office may not grant, say so in their own description."""
    held = []
    for item in items:
        if not FIRST_EXTENSION.fullmatch(item.key) or item.recurrence is not None:
            continue
        held.append(
            JourneyItem(
                key="visa:passport-held" + item.key[len(EXTENSION) :],
                category=Category.VISA,
                title_words=say("Passport held by the Exit-Entry office — {what}", what=item.title_words),
                description_words=say(
                    "The office keeps the passport while it handles the extension, until about {back}: no flight, "
                    "no train and no hotel check-in without it.",
                    back=Day(passport_back(item.start, china, held_days)),
                ),
                start=item.start,
                end=passport_back(item.start, china, held_days),
                busy=False,
                traveller=item.traveller,
                assumptions=(PASSPORT_HELD_DAYS,),
            )
        )
    return held


def _resting_on_held_days(item: JourneyItem) -> JourneyItem:
    if PASSPORT_HELD_DAYS in item.assumptions:
        return item
    return replace(item, assumptions=(*item.assumptions, PASSPORT_HELD_DAYS))


def _inpatient_note(applied: date, inpatient: tuple[date, date], back: date) -> Words:
    admitted, discharged = inpatient
    if admitted <= applied <= discharged:
        where: Words = joined(
            say(
                "On {date} the patient is planned to be in hospital ({admitted} to {discharged}) and may not be "
                "able to go to the Exit-Entry Administration office.",
                date=Day(applied),
                admitted=Day(admitted, DATE),
                discharged=Day(discharged, DATE),
            ),
            say("The office is then assumed to keep the passport until {back}.", back=Day(back)),
        )
    else:
        where = say(
            "The office is assumed to keep the passport until {back}, while the patient is in hospital "
            "({admitted} to {discharged}).",
            back=Day(back),
            admitted=Day(admitted, DATE),
            discharged=Day(discharged, DATE),
        )
    return joined(
        where,
        say(
            "Ask the hospital's international office: can it, or an agent, apply for the patient? Can the "
            "extension be applied for before admission? Does the hospital need the passport during the stay?"
        ),
    )


def _travel_while_held(extension: JourneyItem, flight: JourneyItem, back: date) -> Notice:
    assert flight.depart is not None
    return Notice(
        Severity.WARNING,
        TRAVEL_WHILE_PASSPORT_HELD,
        say(
            "{flight} leaves on {date}, while the passport is held for “{what}” (from {applied} to about {back}, "
            "an assumption: ask the office how long). Nobody can fly or check in anywhere without it: apply "
            "earlier, or move the flight.",
            flight=flight.title_words,
            date=Day(flight.depart.date()),
            what=extension.title_words,
            applied=Day(extension.start, DATE),
            back=Day(back, DATE),
        ),
        item_key=extension.key,
    )
