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
from carte_planner.i18n import tr
from carte_planner.i18n.dates import DATE, format_day


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
        description
        + " "
        + tr("Departs {depart} ({depart_zone}), lands {arrive} ({arrive_zone}), local times.").format(
            depart=f"{depart:%Y-%m-%d %H:%M}",
            depart_zone=depart.tzinfo,
            arrive=f"{arrive:%Y-%m-%d %H:%M}",
            arrive_zone=arrive.tzinfo,
        )
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
        return (
            tr("Flight {origin} → {destination}").format(origin=home, destination=there),
            tr("Flight {origin} → {destination}").format(origin=there, destination=home),
        )
    return tr("Flight to {city}").format(city=there), tr("Flight home from {city}").format(city=there)


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
    seats = tr("Seats for {count}: {names}.").format(count=len(request.travellers), names=", ".join(request.travellers))
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
            " ".join(
                part
                for part in (tr("Outbound flight to {city}.").format(city=city.label), seats, tr(city.airport_note))
                if part
            ),
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
                tr(
                    "Going home during manufacturing means entering China twice: the visa must allow two entries "
                    "(ask the consulate for a double-entry visa)."
                ),
                field="go_home",
            )
        )

    trip.items.append(
        _flight_item(
            "flight:return",
            tr("{flight} — estimated date").format(flight=from_china),
            back_depart,
            back_arrive,
            tr("Return flight home after the fit-to-fly check. The date is an estimate: book a flexible ticket.")
            + " "
            + seats,
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
    note = tr(
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
                tr(
                    "Going home during manufacturing would leave only {days} days at home "
                    "(less than {minimum}), so no trip home is planned."
                ).format(days=max(days_home, 0), minimum=protocol.min_days_at_home),
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
    note = tr("Only if your hospital agrees that the patient's condition allows it.")
    return [
        _flight_item(
            "flight:home-visit",
            tr("{flight} during manufacturing").format(flight=from_china),
            leave_depart,
            leave_arrive,
            tr("Trip home while the cells are made.") + " " + note,
            settings.marks(HOME_TRIP_TIMING),
        ),
        _flight_item(
            "flight:back-for-admission",
            tr("{flight} for admission").format(flight=to_china),
            back_depart,
            back_arrive,
            tr("Back in time for admission.") + " " + note,
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
    label = "" if entry_count == 1 else tr(" (stay {number} of {count})").format(number=entry.number, count=entry_count)
    items = [
        JourneyItem(
            key=f"stay:accommodation{suffix}",
            category=Category.ACCOMMODATION,
            title=tr("Accommodation near the hospital in {city}").format(city=city.name) + label,
            description=(
                tr(
                    "Long-term accommodation near the hospital, such as a serviced apartment, an extended-stay "
                    "hotel or a guesthouse: closeness to the hospital matters for the follow-up visits. {days} "
                    "days in China, from the day of arrival to the day of departure, both included."
                ).format(days=entry.days)
            ),
            start=entry.arrive,
            end=entry.leave,
            busy=False,
        )
    ]
    closed = china.closed_reason(entry.arrive)
    registration = tr(
        "Foreigners who do not stay in a hotel register their address with the local police station "
        "within 24 hours of arrival; hotels do it for their guests. Bring the passport and the rental "
        "contract. Check the current rule locally."
    )
    if closed:
        registration += " " + tr(
            "The day of arrival is a closed day for most offices in China ({holiday}): check the local police "
            "station's opening hours, or ask the host or landlord to register you online. The 24 hours still count."
        ).format(holiday=closed)
    check = StayCheck(entry, request.visa_stay_days, protocol.extension_lead_days)
    extension = _extension_text(check, china, entry_count)
    for number, traveller in enumerate(request.travellers, start=1):
        items.append(
            JourneyItem(
                key=f"visa:registration{suffix}:{number}",
                category=Category.VISA,
                title=tr("Register the address with the local police — {traveller}").format(traveller=traveller),
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
                    title=tr("Apply for a stay extension — {traveller}").format(traveller=traveller),
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
    return tr("The stay") if entry_count == 1 else tr("Stay {number}").format(number=check.entry.number)


def _too_long_text(check: StayCheck, entry_count: int) -> str:
    entry = check.entry
    return tr(
        "{stay} in China is planned at {days} days ({arrive} to {leave}): longer than the visa's permitted "
        "stay of {permitted} days plus one extension ({longest} days in all), since an extension cannot be "
        "longer than the stay first granted. It would need {extensions} extensions, which may not be granted. "
        "Ask the hospital and the consulate about a visa with a longer stay or a residence permit before you "
        "apply."
    ).format(
        stay=_which_stay(check, entry_count),
        days=entry.days,
        arrive=format_day(entry.arrive, DATE),
        leave=format_day(entry.leave, DATE),
        permitted=check.permitted_days,
        longest=check.longest_with_one_extension,
        extensions=check.extensions_needed,
    )


def _extension_text(check: StayCheck, china: OfficeCalendar, entry_count: int) -> tuple[date, str] | None:
    """The day to apply for the extension and what its item says, or None when the stay fits."""
    if check.extensions_needed == 0:
        return None
    entry = check.entry
    due = max(check.extension_due, entry.arrive)
    deadline = office_deadline(china, due, entry.arrive, tr("Exit-Entry Administration office"))
    lines = [
        tr(
            "{stay} in China runs from {arrive} to {leave}: {days} days, the day of entry being day 1. The visa's "
            "permitted stay of {permitted} days ends on {last}. Apply for an extension at the local Exit-Entry "
            "Administration office at least {lead} days before that day, by {due} at the latest."
        ).format(
            stay=_which_stay(check, entry_count),
            arrive=format_day(entry.arrive),
            leave=format_day(entry.leave),
            days=entry.days,
            permitted=check.permitted_days,
            last=format_day(check.last_permitted_day),
            lead=check.lead_days,
            due=format_day(check.extension_due),
        ),
        deadline.reason,
        tr("An extension cannot be longer than the stay first granted. Check the rules with the office."),
    ]
    if check.too_long:
        lines.append(tr("Warning: {text}").format(text=_too_long_text(check, entry_count)))
    return deadline.day, " ".join(line for line in lines if line)


def _stay_notices(check: StayCheck, entry_count: int, item_key: str) -> list[Notice]:
    notices = []
    if check.extensions_needed and check.extension_due < check.entry.arrive:
        notices.append(
            Notice(
                "warning",
                "visa-stay-too-short",
                tr(
                    "The visa's permitted stay of {permitted} days ends on {last}, too soon after arrival to apply "
                    "for an extension {lead} days ahead. Ask the consulate for a visa with a longer stay."
                ).format(
                    permitted=check.permitted_days,
                    last=format_day(check.last_permitted_day, DATE),
                    lead=check.lead_days,
                ),
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
