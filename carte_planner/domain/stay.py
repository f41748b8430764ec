"""The trip around the treatment: flights, stays, registration, the visa's stay and preparation."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from carte_planner.domain.assumptions import (
    EXTENSION_LEAD_DAYS,
    HOME_TRIP_TIMING,
    PREPARATION_OFFSETS,
    RETURN_FLIGHT_TIME,
    Settings,
)
from carte_planner.domain.journey import Category, JourneyItem, Notice
from carte_planner.domain.office_days import OfficeCalendar, office_deadline
from carte_planner.domain.phases import PhaseSpan
from carte_planner.domain.protocol import City, Protocol
from carte_planner.domain.request import TripRequest
from carte_planner.domain.travel import flight, flight_landing_by
from carte_planner.domain.visa_stay import Entry, StayCheck


@dataclass
class Trip:
    items: list[JourneyItem] = field(default_factory=list)
    outbound_departure: date = date.min
    arrival: date = date.min
    home_again: date = date.min
    days_in_china: int = 0


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
    key: str, title: str, depart: datetime, arrive: datetime, description: str, assumptions: tuple[str, ...] = ()
) -> JourneyItem:
    text = (
        f"{description} Departs {depart:%Y-%m-%d %H:%M} ({depart.tzinfo}), lands "
        f"{arrive:%Y-%m-%d %H:%M} ({arrive.tzinfo}), local times."
    )
    return JourneyItem(
        key=key,
        category=Category.FLIGHT,
        title=title,
        description=text,
        start=depart.date(),
        end=arrive.date(),
        depart=depart,
        arrive=arrive,
        deadline=True,
        assumptions=assumptions,
    )


def route_titles(request: TripRequest, city: City) -> tuple[str, str]:
    """Titles of a flight to China and of one back home, naming the home airport when known."""
    there = f"{city.name} ({city.airports[0]})"
    home = request.home_airport
    if home:
        return f"Flight {home} → {there}", f"Flight {there} → {home}"
    return f"Flight to {there}", f"Flight home from {there}"


def plan_trip(
    request: TripRequest,
    protocol: Protocol,
    settings: Settings,
    city: City,
    track: dict[str, PhaseSpan],
    offices: OfficeDays,
    notices: list[Notice],
) -> Trip:
    trip = Trip()
    home, china, hours = request.home_tz, city.time_zone, request.flight_hours
    to_china, from_china = route_titles(request, city)
    seats = f"Seats for {len(request.travellers)}: {', '.join(request.travellers)}."
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
            f"Outbound flight to {city.label}. {seats} {city.airport_note}".strip(),
        )
    )
    clearance = track["outpatient"].end
    back_depart, back_arrive = flight(clearance + timedelta(days=1), settings.return_departure, china, hours, home)
    entries = [Entry(1, out_arrive.date(), back_depart.date())]

    if request.go_home:
        trip.items += _home_visit(request, protocol, settings, city, track, entries, notices)
    if len(entries) > 1:
        notices.append(
            Notice(
                "warning",
                "two-entries",
                "Going home during manufacturing means entering China twice: the visa must allow two entries "
                "(ask the consulate for a double-entry visa).",
                field="go_home",
            )
        )

    trip.items.append(
        _flight_item(
            "flight:return",
            f"{from_china} — estimated date",
            back_depart,
            back_arrive,
            f"Return flight home after the fit-to-fly check. The date is an estimate: book a flexible ticket. {seats}",
            settings.marks(RETURN_FLIGHT_TIME),
        )
    )
    trip.home_again = back_arrive.date()
    for entry in entries:
        trip.items += _entry_items(request, protocol, city, entry, len(entries), offices.china, notices)
    trip.days_in_china = sum(entry.days for entry in entries)
    trip.items = [_with_travel_rush(item, offices.china, notices) for item in trip.items]
    return trip


def _with_travel_rush(item: JourneyItem, china: OfficeCalendar, notices: list[Notice]) -> JourneyItem:
    """A flight in the Spring Festival travel rush gets a note to book early."""
    if item.category is not Category.FLIGHT or not (china.in_travel_rush(item.start) or china.in_travel_rush(item.end)):
        return item
    note = (
        "This flight falls in the Spring Festival travel rush (about 40 days around the Chinese New Year), "
        "when flights and trains in China are full and dear: book as early as you can."
    )
    notices.append(Notice("check", "travel-rush", f"'{item.title}': {note}", item_key=item.key))
    return replace(item, description=f"{item.description} {note}")


def _home_visit(
    request: TripRequest,
    protocol: Protocol,
    settings: Settings,
    city: City,
    track: dict[str, PhaseSpan],
    entries: list[Entry],
    notices: list[Notice],
) -> list[JourneyItem]:
    """Fly home the day after leukapheresis and back to land before admission, if that leaves
    enough days at home; otherwise warn and plan no trip."""
    home, china, hours = request.home_tz, city.time_zone, request.flight_hours
    leave_depart, leave_arrive = flight(
        track["screening"].end + timedelta(days=1), settings.return_departure, china, hours, home
    )
    latest_landing = track["admission"].start - timedelta(days=protocol.land_before_admission_days)
    back_depart, back_arrive = flight_landing_by(latest_landing, request.departure_time, home, hours, china)
    days_home = (back_depart.date() - leave_arrive.date()).days
    if days_home < protocol.min_days_at_home:
        notices.append(
            Notice(
                "warning",
                "home-visit-too-short",
                f"Going home during manufacturing would leave only {max(days_home, 0)} days at home "
                f"(less than {protocol.min_days_at_home}), so no trip home is planned.",
                field="go_home",
            )
        )
        return []
    first = entries[0]
    entries[:] = [
        Entry(1, first.arrive, leave_depart.date()),
        Entry(2, back_arrive.date(), first.leave),
    ]
    to_china, from_china = route_titles(request, city)
    note = "Only if your hospital agrees that the patient's condition allows it."
    return [
        _flight_item(
            "flight:home-visit",
            f"{from_china} during manufacturing",
            leave_depart,
            leave_arrive,
            f"Trip home while the cells are made. {note}",
            settings.marks(HOME_TRIP_TIMING),
        ),
        _flight_item(
            "flight:back-for-admission",
            f"{to_china} for admission",
            back_depart,
            back_arrive,
            f"Back in time for admission. {note}",
            settings.marks(HOME_TRIP_TIMING),
        ),
    ]


def _entry_items(
    request: TripRequest,
    protocol: Protocol,
    city: City,
    entry: Entry,
    entry_count: int,
    china: OfficeCalendar,
    notices: list[Notice],
) -> list[JourneyItem]:
    """The accommodation of one entry, and each traveller's police registration and visa-stay
    extension for it."""
    suffix = entry_suffix(entry.number)
    label = "" if entry_count == 1 else f" (stay {entry.number} of {entry_count})"
    items = [
        JourneyItem(
            key=f"stay:accommodation{suffix}",
            category=Category.ACCOMMODATION,
            title=f"Accommodation near the hospital in {city.name}{label}",
            description=(
                "Long-term accommodation near the hospital, such as a serviced apartment, an extended-stay hotel "
                f"or a guesthouse: closeness to the hospital matters for the follow-up visits. {entry.days} days "
                "in China, from the day of arrival to the day of departure, both included."
            ),
            start=entry.arrive,
            end=entry.leave,
            busy=False,
        )
    ]
    closed = china.closed_reason(entry.arrive)
    registration = (
        "Foreigners who do not stay in a hotel register their address with the local police station "
        "within 24 hours of arrival; hotels do it for their guests. Bring the passport and the rental "
        "contract. Check the current rule locally."
    )
    if closed:
        registration += (
            f" The day of arrival is a closed day for most offices in China ({closed}): check the local police "
            "station's opening hours, or ask the host or landlord to register you online. The 24 hours still count."
        )
    check = StayCheck(entry, request.visa_stay_days, protocol.extension_lead_days)
    extension = _extension_text(check, china, entry_count)
    for number, traveller in enumerate(request.travellers, start=1):
        items.append(
            JourneyItem(
                key=f"visa:registration{suffix}:{number}",
                category=Category.VISA,
                title=f"Register the address with the local police — {traveller}",
                description=registration,
                start=entry.arrive,
                end=entry.arrive,
                movable=True,
                traveller=traveller,
            )
        )
        if extension is not None:
            day, text = extension
            items.append(
                JourneyItem(
                    key=f"visa:extension{suffix}:{number}",
                    category=Category.VISA,
                    title=f"Apply for a stay extension — {traveller}",
                    description=text,
                    start=day,
                    end=day,
                    deadline=True,
                    movable=True,
                    traveller=traveller,
                    assumptions=(EXTENSION_LEAD_DAYS,),
                )
            )
    notices += _stay_notices(check, entry_count, f"visa:extension{suffix}:1")
    return items


def _which_stay(check: StayCheck, entry_count: int) -> str:
    return "The stay" if entry_count == 1 else f"Stay {check.entry.number}"


def _too_long_text(check: StayCheck, entry_count: int) -> str:
    entry = check.entry
    return (
        f"{_which_stay(check, entry_count)} in China is planned at {entry.days} days ({entry.arrive:%d %b %Y} to "
        f"{entry.leave:%d %b %Y}): longer than the visa's permitted stay of {check.permitted_days} days plus one "
        f"extension ({check.longest_with_one_extension} days in all), since an extension cannot be longer than the "
        f"stay first granted. It would need {check.extensions_needed} extensions, which may not be granted. Ask the "
        "hospital and the consulate about a visa with a longer stay or a residence permit before you apply."
    )


def _extension_text(check: StayCheck, china: OfficeCalendar, entry_count: int) -> tuple[date, str] | None:
    """The day to apply for the extension and what its item says, or None when the stay fits."""
    if check.extensions_needed == 0:
        return None
    entry = check.entry
    due = max(check.extension_due, entry.arrive)
    deadline = office_deadline(china, due, entry.arrive, "Exit-Entry Administration office")
    lines = [
        f"{_which_stay(check, entry_count)} in China runs from {entry.arrive:%a %d %b %Y} to "
        f"{entry.leave:%a %d %b %Y}: {entry.days} days, the day of entry being day 1. The visa's permitted "
        f"stay of {check.permitted_days} days "
        f"ends on {check.last_permitted_day:%a %d %b %Y}. Apply for an extension at the local Exit-Entry "
        f"Administration office at least {check.lead_days} days before that day, by "
        f"{check.extension_due:%a %d %b %Y} at the latest.",
        deadline.reason,
        "An extension cannot be longer than the stay first granted. Check the rules with the office.",
    ]
    if check.too_long:
        lines.append(f"Warning: {_too_long_text(check, entry_count)}")
    return deadline.day, " ".join(line for line in lines if line)


def _stay_notices(check: StayCheck, entry_count: int, item_key: str) -> list[Notice]:
    notices = []
    if check.extensions_needed and check.extension_due < check.entry.arrive:
        notices.append(
            Notice(
                "warning",
                "visa-stay-too-short",
                f"The visa's permitted stay of {check.permitted_days} days ends on "
                f"{check.last_permitted_day:%d %b %Y}, too soon after arrival to apply for an extension "
                f"{check.lead_days} days ahead. Ask the consulate for a visa with a longer stay.",
                field="visa_stay_days",
                item_key=item_key,
            )
        )
    if check.too_long:
        notices.append(
            Notice("warning", "visa-stay-too-long", _too_long_text(check, entry_count), "visa_stay_days", item_key)
        )
    return notices


def preparation_items(
    request: TripRequest, protocol: Protocol, departure: date, consulate: OfficeCalendar
) -> list[JourneyItem]:
    """Steps dated backwards from the first hospital day, never later than the day before the
    outbound flight; one per traveller where each needs their own. A step handed in at the
    consulate moves to the consulate's last open day when its date falls on a closed one."""
    items = []
    latest = departure - timedelta(days=1)
    for step in protocol.preparation:
        due = min(request.start - timedelta(days=step.days_before_start), latest)
        description = step.description
        if step.at_consulate:
            deadline = office_deadline(consulate, due, due - timedelta(days=31), "consulate")
            due = deadline.day
            description = f"{description} {deadline.reason}".strip()
        people: list[tuple[str, str | None]] = (
            [(f":{i}", name) for i, name in enumerate(request.travellers, start=1)]
            if step.per_traveller
            else [("", None)]
        )
        for suffix, traveller in people:
            items.append(
                JourneyItem(
                    key=f"prep:{step.key}{suffix}",
                    category=Category(step.category),
                    title=f"{step.title} — {traveller}" if traveller else step.title,
                    description=description,
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
            "warning",
            "date-past",
            f"'{item.title}' was planned for {item.start.isoformat()}, which is already past: do it as soon as "
            "possible, or mark it done.",
            item_key=item.key,
        )
        for item in items
        if item.key.startswith("prep:") and item.start < today
    ]
