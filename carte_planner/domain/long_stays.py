"""A stay longer than the visa and one extension: every further extension dated in its own
right, and the steps of a residence permit for medical treatment, the other way to cover it."""

from __future__ import annotations

from datetime import date, timedelta

from carte_planner.domain.assumptions import EXTENSION_LEAD_DAYS, PASSPORT_HELD_DAYS
from carte_planner.domain.inpatient_errands import passport_back
from carte_planner.domain.journey import Category, JourneyItem
from carte_planner.domain.office_days import OfficeCalendar, office_deadline
from carte_planner.domain.travellers import traveller_words
from carte_planner.domain.visa_stay import StayCheck
from carte_planner.i18n.text import Day, Words, count_days, joined, say

EXIT_ENTRY = "Exit-Entry Administration office"


def extension_ends(check: StayCheck) -> tuple[date, ...]:
    """The last permitted day before each extension: the visa's, then the day each extension of
    the first stay's length would end (if granted)."""
    return tuple(
        check.entry.arrive + timedelta(days=check.permitted_days * k - 1) for k in range(1, check.extensions_needed + 1)
    )


def further_extension_items(
    check: StayCheck, suffix: str, number: int, traveller: str, china: OfficeCalendar
) -> list[JourneyItem]:
    """Extensions 2, 3, … of an entry, each applied for `lead_days` before the previous one ends."""
    items = []
    ends = extension_ends(check)
    for k, last in enumerate(ends[1:], start=2):
        due = last - timedelta(days=check.lead_days)
        deadline = office_deadline(china, due, check.entry.arrive, say(EXIT_ENTRY))
        items.append(
            JourneyItem(
                key=f"visa:extension{k}{suffix}:{number}",
                category=Category.VISA,
                title_words=say(
                    "Apply for stay extension {number} of {count} — {traveller}",
                    number=k,
                    count=check.extensions_needed,
                    traveller=traveller_words(traveller),
                ),
                description_words=joined(
                    say(
                        "If extension {previous} is granted for as long as the stay first granted ({permitted}), the "
                        "stay ends on {last}. Apply at the local Exit-Entry Administration office by {due}. Whether "
                        "a further extension is granted is for the office to decide: ask it, and ask about a "
                        "residence permit for medical treatment.",
                        previous=k - 1,
                        permitted=count_days(check.permitted_days),
                        last=Day(last),
                        due=Day(due),
                    ),
                    deadline.reason,
                ),
                start=deadline.day,
                end=deadline.day,
                deadline=True,
                movable=True,
                traveller=traveller,
                assumptions=(EXTENSION_LEAD_DAYS,),
            )
        )
    return items


def residence_permit_items(
    check: StayCheck,
    suffix: str,
    number: int,
    traveller: str,
    china: OfficeCalendar,
    held_days: int,
    held_shown: bool = False,
) -> list[JourneyItem]:
    """The dated steps of a residence permit for medical treatment, applied for before the
    visa's permitted stay ends. `held_shown`: the extension applied for that same day already
    shows the days the passport is held, so they are not shown twice."""
    entry = check.entry
    due = max(check.extension_due, entry.arrive)
    applied = office_deadline(china, due, entry.arrive, say(EXIT_ENTRY)).day
    documents = max(entry.arrive, applied - timedelta(days=check.lead_days))
    back = passport_back(applied, china, held_days)
    who = traveller_words(traveller)

    def step(key: str, title: Words, text: Words, first: date, last: date, deadline: bool) -> JourneyItem:
        return JourneyItem(
            key=f"visa:residence-{key}{suffix}:{number}",
            category=Category.VISA,
            title_words=say("{item} — {traveller}", item=title, traveller=who),
            description_words=text,
            start=first,
            end=last,
            deadline=deadline,
            movable=first == last,
            busy=False,
            traveller=traveller,
            assumptions=(EXTENSION_LEAD_DAYS, PASSPORT_HELD_DAYS) if key == "passport-held" else (EXTENSION_LEAD_DAYS,),
        )

    steps = [
        step(
            "documents",
            say("Residence permit: ask the hospital for its papers"),
            say(
                "For a residence permit for medical treatment, the Exit-Entry Administration office asks for the "
                "hospital's diagnosis certificate or admission notice, and the proof of the police registration of "
                "the address. Ask the office for its own list."
            ),
            documents,
            documents,
            False,
        ),
        step(
            "application",
            say("Residence permit: apply at the Exit-Entry office"),
            say(
                "Apply before the visa's permitted stay ends on {last}, by {due} at the latest, with the passport, "
                "the hospital's papers and the proof of registration.",
                last=Day(check.last_permitted_day),
                due=Day(applied),
            ),
            applied,
            applied,
            True,
        ),
        step(
            "passport-held",
            say("Residence permit: passport held by the office"),
            say(
                "The office keeps the passport while it handles the application, until about {back}: no flight and "
                "no hotel check-in without it.",
                back=Day(back),
            ),
            applied,
            back,
            False,
        ),
    ]
    return steps[:2] if held_shown else steps
