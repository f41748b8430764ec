"""The trip around the treatment: flights, stays, registration, the visa's stay and preparation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from carte_planner.domain.assumptions import (
    EXTENSION_LEAD_DAYS,
    HOME_TRIP_TIMING,
    PREPARATION_OFFSETS,
    RETURN_FLIGHT_TIME,
    Settings,
)
from carte_planner.domain.cities import CityName
from carte_planner.domain.item_keys import preparation_key
from carte_planner.domain.journey import Category, JourneyItem, Notice, Severity
from carte_planner.domain.long_stays import further_extension_items, residence_permit_items
from carte_planner.domain.notice_codes import (
    DATE_PAST,
    HOME_VISIT_TOO_SHORT,
    TRAVEL_RUSH,
    TWO_ENTRIES,
    VISA_STAY_TOO_LONG,
    VISA_STAY_TOO_SHORT,
)
from carte_planner.domain.office_days import OfficeCalendar, office_deadline
from carte_planner.domain.people import Person, Route, people_of
from carte_planner.domain.phases import PhaseSpan
from carte_planner.domain.protocol import City, Protocol
from carte_planner.domain.request import TripRequest
from carte_planner.domain.travel import flight, flight_landing_by
from carte_planner.domain.travellers import traveller_words, travellers_words
from carte_planner.domain.visa_stay import Entry, StayCheck
from carte_planner.i18n.dates import DATE
from carte_planner.i18n.text import Day, Words, count_days, joined, say, say_n


@dataclass
class Trip:
    items: list[JourneyItem] = field(default_factory=list)
    outbound_departure: date = date.min
    arrival: date = date.min
    home_again: date = date.min
    days_in_china: int = 0
    # The entries into China of the people present for the whole journey.
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class OfficeDays:
    """The office calendars a plan needs: China's for the Exit-Entry office and the hospital,
    the home country's for the holidays it shows, and the consulate's (both countries' holidays)."""

    china: OfficeCalendar
    home: OfficeCalendar
    consulate: OfficeCalendar


def entry_suffix(number: int) -> str:
    """The key suffix of an item of the given entry into China. The first entry's items keep
    their plain keys whether or not the plan goes home in between, so turning the trip home
    on or off changes no key of an item that stays."""
    return "" if number == 1 else f":entry{number}"


def _flight_item(
    key: str,
    title: Words,
    depart: datetime,
    arrive: datetime,
    description: Words,
    assumptions: tuple[str, ...] = (),
    wanted: time | None = None,
) -> JourneyItem:
    departs, lands = depart.strftime("%Y-%m-%d %H:%M"), arrive.strftime("%Y-%m-%d %H:%M")
    text = joined(
        description,
        say(
            "Departs {depart} ({depart_zone}), lands {arrive} ({arrive_zone}), local times.",
            depart=departs,
            depart_zone=str(depart.tzinfo),
            arrive=lands,
            arrive_zone=str(arrive.tzinfo),
        ),
    )
    # A wall-clock time the clocks skip (02:30 on a spring-forward night) was moved by the gap.
    skipped = wanted if wanted is not None and depart.time() != wanted else None
    if skipped is not None:
        text = joined(text, skipped_departure_words(depart, skipped))
    return JourneyItem(
        key=key,
        category=Category.FLIGHT,
        title_words=title,
        description_words=text,
        start=depart.date(),
        end=arrive.date(),
        depart=depart,
        arrive=arrive,
        deadline=True,
        assumptions=assumptions,
        skipped_departure=skipped,
    )


def skipped_departure_words(depart: datetime, wanted: time) -> Words:
    return say(
        "The clocks go forward that night in {zone}: {wanted} does not exist on {date}, so the departure is planned "
        "at {actual}, the same moment by the new time. Check the time with the airline.",
        zone=str(depart.tzinfo),
        wanted=wanted.strftime("%H:%M"),
        date=Day(depart.date()),
        actual=depart.strftime("%H:%M"),
    )


def route_titles(request: TripRequest, city: City) -> tuple[Words, Words]:
    """Titles of a flight to China and of one back home, naming the home airport when known."""
    there = joined(CityName(city), f"({city.airports[0]})")
    home = request.home_airport
    if home:
        return (
            say("Flight {origin} → {destination}", origin=home, destination=there),
            say("Flight {origin} → {destination}", origin=there, destination=home),
        )
    return say("Flight to {city}", city=there), say("Flight home from {city}", city=there)


def plan_trip(
    request: TripRequest,
    protocol: Protocol,
    settings: Settings,
    city: City,
    track: dict[str, PhaseSpan],
    offices: OfficeDays,
) -> tuple[Trip, list[Notice]]:
    """The flights, stays and per-entry items of the whole journey, and the notices they raise."""
    trip = Trip()
    notices: list[Notice] = []
    home, china, hours = request.home_tz, city.time_zone, request.flight_hours
    to_china, from_china = route_titles(request, city)
    # People with turns of their own take their own flights.
    aboard = tuple(person.name for person in people_of(request) if person.whole_journey) or request.travellers
    seats = say("Seats for {count}: {names}.", count=len(aboard), names=travellers_words(aboard))
    out_depart, out_arrive = flight_landing_by(
        request.start - timedelta(days=request.arrive_days_before), request.departure_time, home, hours, china
    )
    trip.outbound_departure = out_depart.date()
    trip.arrival = out_arrive.date()
    trip.items.append(
        _flight_item(
            "flight:outbound",
            to_china,
            out_depart,
            out_arrive,
            joined(
                say("Outbound flight to {city}.", city=CityName(city, with_chinese=True)),
                seats,
                say(city.airport_note),
            ),
            wanted=request.departure_time,
        )
    )
    clearance = track["outpatient"].end
    back_depart, back_arrive = flight(clearance + timedelta(days=1), settings.return_departure, china, hours, home)
    entries = [Entry(1, out_arrive.date(), back_depart.date())]

    if request.go_home:
        visit, notices = _home_visit(request, protocol, settings, city, track, entries)
        trip.items += visit
    if len(entries) > 1:
        notices.append(
            Notice(
                Severity.WARNING,
                TWO_ENTRIES,
                say(
                    "Going home during manufacturing means entering China twice: the visa must allow two entries "
                    "(ask the consulate for a double-entry visa)."
                ),
                field="go_home",
            )
        )

    trip.items.append(
        _flight_item(
            "flight:return",
            say("{flight} — estimated date", flight=from_china),
            back_depart,
            back_arrive,
            joined(
                say("Return flight home after the fit-to-fly check. The date is an estimate: book a flexible ticket."),
                seats,
            ),
            settings.marks(RETURN_FLIGHT_TIME),
        )
    )
    trip.home_again = back_arrive.date()
    trip.entries = tuple(entries)
    for entry in entries:
        items, found = _entry_items(request, protocol, city, entry, len(entries), offices.china)
        trip.items += items
        notices += found
    trip.days_in_china = sum(entry.days for entry in entries)
    marked = []
    for item in trip.items:
        item, found = with_travel_rush(item, offices.china)
        marked.append(item)
        notices += found
    trip.items = marked
    return trip, notices


def with_travel_rush(item: JourneyItem, china: OfficeCalendar) -> tuple[JourneyItem, list[Notice]]:
    """A flight in the Spring Festival travel rush gets a note to book early, and a notice."""
    if item.category is not Category.FLIGHT or not (china.in_travel_rush(item.start) or china.in_travel_rush(item.end)):
        return item, []
    note = say(
        "This flight falls in the Spring Festival travel rush (about 40 days around the Chinese New Year), "
        "when flights and trains in China are full and dear: book as early as you can."
    )
    notice = Notice(
        Severity.CHECK, TRAVEL_RUSH, say("{what}: {note}", what=item.title_words, note=note), item_key=item.key
    )
    return replace(item, description_words=joined(item.description_words, note)), [notice]


def _home_visit(
    request: TripRequest,
    protocol: Protocol,
    settings: Settings,
    city: City,
    track: dict[str, PhaseSpan],
    entries: list[Entry],
) -> tuple[list[JourneyItem], list[Notice]]:
    """Fly home the day after leukapheresis and back to land before admission, if that leaves
    enough days at home (`entries` becomes the two stays); otherwise warn and plan no trip."""
    home, china, hours = request.home_tz, city.time_zone, request.flight_hours
    leave_depart, leave_arrive = flight(
        track["screening"].end + timedelta(days=1), settings.return_departure, china, hours, home
    )
    latest_landing = track["admission"].start - timedelta(days=protocol.land_before_admission_days)
    back_depart, back_arrive = flight_landing_by(latest_landing, request.departure_time, home, hours, china)
    days_home = (back_depart.date() - leave_arrive.date()).days
    if days_home < protocol.min_days_at_home:
        too_short = [
            Notice(
                Severity.WARNING,
                HOME_VISIT_TOO_SHORT,
                say_n(
                    "Going home during manufacturing would leave only {n} day at home "
                    "(less than {minimum}), so no trip home is planned.",
                    "Going home during manufacturing would leave only {n} days at home "
                    "(less than {minimum}), so no trip home is planned.",
                    max(days_home, 0),
                    minimum=protocol.min_days_at_home,
                ),
                field="go_home",
            )
        ]
        return [], too_short
    first = entries[0]
    entries[:] = [
        Entry(1, first.arrive, leave_depart.date()),
        Entry(2, back_arrive.date(), first.leave),
    ]
    to_china, from_china = route_titles(request, city)
    note = say("Only if your hospital agrees that the patient's condition allows it.")
    flights = [
        _flight_item(
            "flight:home-visit",
            say("{flight} during manufacturing", flight=from_china),
            leave_depart,
            leave_arrive,
            joined(say("Trip home while the cells are made."), note),
            settings.marks(HOME_TRIP_TIMING),
        ),
        _flight_item(
            "flight:back-for-admission",
            say("{flight} for admission", flight=to_china),
            back_depart,
            back_arrive,
            joined(say("Back in time for admission."), note),
            settings.marks(HOME_TRIP_TIMING),
            wanted=request.departure_time,
        ),
    ]
    return flights, []


def _entry_items(
    request: TripRequest,
    protocol: Protocol,
    city: City,
    entry: Entry,
    entry_count: int,
    china: OfficeCalendar,
) -> tuple[list[JourneyItem], list[Notice]]:
    """The accommodation of one entry, and each traveller's police registration and visa-stay
    extension for it, with a warning for each group of travellers whose visa's stay falls short."""
    notices: list[Notice] = []
    suffix = entry_suffix(entry.number)
    title = say("Accommodation near the hospital in {city}", city=CityName(city))
    if entry_count > 1:
        title = say("{title} (stay {number} of {count})", title=title, number=entry.number, count=entry_count)
    items = [
        JourneyItem(
            key=f"stay:accommodation{suffix}",
            category=Category.ACCOMMODATION,
            title_words=title,
            description_words=joined(
                say(
                    "Long-term accommodation near the hospital, such as a serviced apartment, an extended-stay "
                    "hotel or a guesthouse: closeness to the hospital matters for the follow-up visits."
                ),
                say_n(
                    "{n} day in China, from the day of arrival to the day of departure, both included.",
                    "{n} days in China, from the day of arrival to the day of departure, both included.",
                    entry.days,
                ),
            ),
            start=entry.arrive,
            end=entry.leave,
            busy=False,
        )
    ]
    registration = registration_words(china, entry.arrive)
    # One warning for everyone whose visa gives the same stay, naming them when visas differ.
    groups: dict[int, list[tuple[int, Person]]] = {}
    for number, person in enumerate(people_of(request), start=1):
        if person.whole_journey:
            items += person_entry_items(request, protocol, person, number, entry, entry_count, china, registration)
            if person.route is Route.VISA:
                groups.setdefault(permitted_days(request, person), []).append((number, person))
    for days, group in groups.items():
        check = StayCheck(entry, days, protocol.extension_lead_days)
        found = stay_notices(check, entry_count, f"visa:extension{suffix}:{group[0][0]}")
        if len(groups) > 1:
            names = travellers_words([person.name for _, person in group])
            found = [replace(n, message_words=say("{what}: {note}", what=names, note=n.message_words)) for n in found]
        notices += found
    return items, notices


def permitted_days(request: TripRequest, person: Person) -> int:
    """The person's visa's permitted stay per entry: its own, else the plan's."""
    return person.visa.stay_days or request.visa_stay_days


def person_entry_items(
    request: TripRequest,
    protocol: Protocol,
    person: Person,
    number: int,
    entry: Entry,
    entry_count: int,
    china: OfficeCalendar,
    registration: Words,
) -> list[JourneyItem]:
    """One person's police registration for one entry, and what their route needs to stay:
    every extension dated, or the steps of a residence permit."""
    suffix = entry_suffix(entry.number)
    traveller = person.name
    items = [
        JourneyItem(
            key=f"visa:registration{suffix}:{number}",
            category=Category.VISA,
            title_words=say(
                "Register the address with the local police — {traveller}", traveller=traveller_words(traveller)
            ),
            description_words=registration,
            start=entry.arrive,
            end=entry.arrive,
            movable=True,
            traveller=traveller,
        )
    ]
    if person.route is Route.VISA_FREE:
        return items
    check = StayCheck(entry, permitted_days(request, person), protocol.extension_lead_days)
    if person.route is Route.RESIDENCE_PERMIT:
        if check.extensions_needed:
            items += residence_permit_items(check, suffix, number, traveller, china, protocol.passport_held_days)
        return items
    extension = _extension_text(check, china, entry_count)
    if extension is not None:
        day, text = extension
        items.append(
            JourneyItem(
                key=f"visa:extension{suffix}:{number}",
                category=Category.VISA,
                title_words=say("Apply for a stay extension — {traveller}", traveller=traveller_words(traveller)),
                description_words=text,
                start=day,
                end=day,
                deadline=True,
                movable=True,
                traveller=traveller,
                assumptions=(EXTENSION_LEAD_DAYS,),
            )
        )
    if check.too_long:
        items += further_extension_items(check, suffix, number, traveller, china)
        items += residence_permit_items(
            check, suffix, number, traveller, china, protocol.passport_held_days, held_shown=True
        )
    return items


def registration_words(china: OfficeCalendar, arrive: date) -> Words:
    """What a police registration on the day of arrival says, the office's closed day included."""
    closed = china.closed_reason(arrive)
    registration: Words = say(
        "Foreigners who do not stay in a hotel register their address with the local police station "
        "within 24 hours of arrival; hotels do it for their guests. Bring the passport and the rental "
        "contract. Check the current rule locally."
    )
    registration = joined(
        registration, say("Each change of address, such as a move from a hotel to an apartment, is registered again.")
    )
    if closed:
        registration = joined(
            registration,
            say(
                "The day of arrival is a closed day for most offices in China ({holiday}): check the local police "
                "station's opening hours, or ask the host or landlord to register you online. The 24 hours still "
                "count.",
                holiday=closed,
            ),
        )
    return registration


def _which_stay(check: StayCheck, entry_count: int) -> Words:
    return say("The stay") if entry_count == 1 else say("Stay {number}", number=check.entry.number)


def _too_long_text(check: StayCheck, entry_count: int) -> Words:
    entry = check.entry
    return say(
        "{stay} in China is planned at {days} ({arrive} to {leave}): longer than the visa's permitted "
        "stay of {permitted} plus one extension ({longest} in all), since an extension cannot be "
        "longer than the stay first granted. It would need {extensions}, which may not be granted. "
        "Ask the hospital and the consulate about a visa with a longer stay or a residence permit before you "
        "apply.",
        stay=_which_stay(check, entry_count),
        days=count_days(entry.days),
        arrive=Day(entry.arrive, DATE),
        leave=Day(entry.leave, DATE),
        permitted=count_days(check.permitted_days),
        longest=count_days(check.longest_with_one_extension),
        extensions=say_n("{n} extension", "{n} extensions", check.extensions_needed),
    )


def _extension_text(check: StayCheck, china: OfficeCalendar, entry_count: int) -> tuple[date, Words] | None:
    """The day to apply for the extension and what its item says, or None when the stay fits."""
    if check.extensions_needed == 0:
        return None
    entry = check.entry
    due = max(check.extension_due, entry.arrive)
    deadline = office_deadline(china, due, entry.arrive, say("Exit-Entry Administration office"))
    lines: list[str | Words] = [
        say(
            "{stay} in China runs from {arrive} to {leave}: {days}, the day of entry being day 1. The visa's "
            "permitted stay of {permitted} ends on {last}. Apply for an extension at the local Exit-Entry "
            "Administration office at least {lead} before that day, by {due} at the latest.",
            stay=_which_stay(check, entry_count),
            arrive=Day(entry.arrive),
            leave=Day(entry.leave),
            days=count_days(entry.days),
            permitted=count_days(check.permitted_days),
            last=Day(check.last_permitted_day),
            lead=count_days(check.lead_days),
            due=Day(check.extension_due),
        ),
        deadline.reason,
        say("An extension cannot be longer than the stay first granted. Check the rules with the office."),
    ]
    if check.too_long:
        lines.append(say("Warning: {text}", text=_too_long_text(check, entry_count)))
    return deadline.day, joined(*lines)


def stay_notices(check: StayCheck, entry_count: int, item_key: str) -> list[Notice]:
    notices = []
    if check.extensions_needed and check.extension_due < check.entry.arrive:
        notices.append(
            Notice(
                Severity.WARNING,
                VISA_STAY_TOO_SHORT,
                say(
                    "The visa's permitted stay of {permitted} ends on {last}, too soon after arrival to apply "
                    "for an extension {lead} ahead. Ask the consulate for a visa with a longer stay.",
                    permitted=count_days(check.permitted_days),
                    last=Day(check.last_permitted_day, DATE),
                    lead=count_days(check.lead_days),
                ),
                field="visa_stay_days",
                item_key=item_key,
            )
        )
    if check.too_long:
        notices.append(
            Notice(Severity.WARNING, VISA_STAY_TOO_LONG, _too_long_text(check, entry_count), "visa_stay_days", item_key)
        )
    return notices


def preparation_items(
    request: TripRequest,
    protocol: Protocol,
    departure: date,
    consulate: OfficeCalendar,
    own_consulates: Mapping[str, OfficeCalendar] | None = None,
) -> list[JourneyItem]:
    """Steps dated backwards from the first hospital day, never later than the day before the
    outbound flight; one per traveller where each needs their own. A step handed in at the
    consulate moves to that person's consulate's last open day when its date falls on a closed
    one; nobody entering visa-free applies for a visa."""
    items = []
    latest = departure - timedelta(days=1)
    routes = {person.name: person.route for person in people_of(request)}
    for step in protocol.preparation:
        planned = min(request.start - timedelta(days=step.days_before_start), latest)
        people: list[tuple[str, str | None]] = (
            [(f":{i}", name) for i, name in enumerate(request.travellers, start=1)]
            if step.per_traveller
            else [("", None)]
        )
        for suffix, traveller in people:
            due = planned
            description: Words = say(step.description)
            if step.at_consulate:
                if traveller is not None and routes.get(traveller) is Route.VISA_FREE:
                    continue
                office = (own_consulates or {}).get(traveller or "", consulate)
                deadline = office_deadline(office, due, due - timedelta(days=31), say("consulate"))
                due = deadline.day
                description = joined(description, deadline.reason)
            items.append(
                JourneyItem(
                    key=preparation_key(step.key, suffix),
                    category=Category(step.category),
                    title_words=(
                        say("{item} — {traveller}", item=say(step.title), traveller=traveller_words(traveller))
                        if traveller
                        else say(step.title)
                    ),
                    description_words=description,
                    start=due,
                    end=due,
                    deadline=step.deadline,
                    movable=True,
                    traveller=traveller,
                    busy=False,
                    assumptions=(PREPARATION_OFFSETS,),
                )
            )
    return items


def past_preparation_notices(items: list[JourneyItem], today: date) -> list[Notice]:
    """A preparation date already past is a warning to act now, never an error."""
    return [
        Notice(
            Severity.WARNING,
            DATE_PAST,
            say(
                "“{what}” was planned for {date}, which is already past: do it as soon as possible, or mark it done.",
                what=item.title_words,
                date=Day(item.start, DATE),
            ),
            item_key=item.key,
        )
        for item in items
        if item.key.startswith("prep:") and item.start < today
    ]
