"""The trip around the treatment: flights, stays, registration, the visa's stay and preparation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from carte_planner.domain.journey import Category, JourneyItem, Notice
from carte_planner.domain.phases import PhaseSpan
from carte_planner.domain.protocol import City, Protocol
from carte_planner.domain.request import TripRequest
from carte_planner.domain.travel import flight, flight_landing_by


@dataclass
class Trip:
    items: list[JourneyItem] = field(default_factory=list)
    outbound_departure: date = date.min
    arrival: date = date.min
    home_again: date = date.min
    days_in_china: int = 0


@dataclass(frozen=True)
class _Entry:
    """One entry into China: the days between landing and leaving."""

    number: int
    arrive: date
    leave: date

    @property
    def days(self) -> int:
        return (self.leave - self.arrive).days


def _flight_item(key: str, title: str, depart: datetime, arrive: datetime, description: str) -> JourneyItem:
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
    )


def route_titles(request: TripRequest, city: City) -> tuple[str, str]:
    """Titles of a flight to China and of one back home, naming the home airport when known."""
    there = f"{city.name} ({city.airports[0]})"
    home = request.home_airport
    if home:
        return f"Flight {home} → {there}", f"Flight {there} → {home}"
    return f"Flight to {there}", f"Flight home from {there}"


def plan_trip(
    request: TripRequest, protocol: Protocol, city: City, track: dict[str, PhaseSpan], notices: list[Notice]
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
    back_depart, back_arrive = flight(clearance + timedelta(days=1), protocol.return_departure, china, hours, home)
    entries = [_Entry(1, out_arrive.date(), back_depart.date())]

    if request.go_home:
        trip.items += _home_visit(request, protocol, city, track, entries, notices)
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
        )
    )
    trip.home_again = back_arrive.date()
    for entry in entries:
        trip.items += _entry_items(request, protocol, city, entry, len(entries), notices)
    trip.days_in_china = sum(entry.days for entry in entries)
    return trip


def _home_visit(
    request: TripRequest,
    protocol: Protocol,
    city: City,
    track: dict[str, PhaseSpan],
    entries: list[_Entry],
    notices: list[Notice],
) -> list[JourneyItem]:
    """Fly home the day after leukapheresis and back to land before admission, if that leaves
    enough days at home; otherwise warn and plan no trip."""
    home, china, hours = request.home_tz, city.time_zone, request.flight_hours
    leave_depart, leave_arrive = flight(
        track["screening"].end + timedelta(days=1), protocol.return_departure, china, hours, home
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
        _Entry(1, first.arrive, leave_depart.date()),
        _Entry(2, back_arrive.date(), first.leave),
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
        ),
        _flight_item(
            "flight:back-for-admission",
            f"{to_china} for admission",
            back_depart,
            back_arrive,
            f"Back in time for admission. {note}",
        ),
    ]


def _entry_items(
    request: TripRequest, protocol: Protocol, city: City, entry: _Entry, entry_count: int, notices: list[Notice]
) -> list[JourneyItem]:
    """The accommodation, the police registration and the visa-stay items of one entry."""
    suffix = "" if entry_count == 1 else f":{entry.number}"
    label = "" if entry_count == 1 else f" (stay {entry.number} of {entry_count})"
    items = [
        JourneyItem(
            key=f"stay:accommodation{suffix}",
            category=Category.ACCOMMODATION,
            title=f"Accommodation near the hospital in {city.name}{label}",
            description=(
                "Long-term accommodation near the hospital, such as a serviced apartment, an extended-stay hotel "
                "or a guesthouse: closeness to the hospital matters for the follow-up visits. The last day is the "
                "day of departure."
            ),
            start=entry.arrive,
            end=entry.leave,
            busy=False,
        ),
        JourneyItem(
            key=f"visa:registration{suffix}",
            category=Category.VISA,
            title="Register the address with the local police",
            description=(
                "Foreigners who do not stay in a hotel register their address with the local police station "
                "within 24 hours of arrival; hotels do it for their guests. Bring the passports and the rental "
                "contract. Check the current rule locally."
            ),
            start=entry.arrive,
            end=entry.arrive,
            movable=True,
        ),
    ]
    stay = request.visa_stay_days
    if entry.days > stay:
        applied = max(entry.arrive, entry.arrive + timedelta(days=stay - protocol.extension_lead_days))
        for index, traveller in enumerate(request.travellers, start=1):
            items.append(
                JourneyItem(
                    key=f"visa:extension{suffix}:{index}",
                    category=Category.VISA,
                    title=f"Apply for a stay extension — {traveller}",
                    description=(
                        f"This stay ({entry.days} days) is longer than the visa's permitted stay of {stay} days. "
                        "Apply for an extension at the local Exit-Entry Administration office before the permitted "
                        "stay ends; an extension cannot be longer than the stay first granted. Check the rules "
                        "with the office."
                    ),
                    start=applied,
                    end=applied,
                    deadline=True,
                    movable=True,
                    traveller=traveller,
                )
            )
    if entry.days > 2 * stay:
        notices.append(
            Notice(
                "check",
                "visa-stay-too-long",
                f"{'The stay' if entry_count == 1 else f'Stay {entry.number}'} in China is planned at "
                f"{entry.days} days: longer than the visa's permitted stay of {stay} days plus one extension. "
                "Ask the hospital and the consulate about a visa with a longer stay or a residence permit.",
                field="visa_stay_days",
            )
        )
    return items


def preparation_items(request: TripRequest, protocol: Protocol, departure: date) -> list[JourneyItem]:
    """Steps dated backwards from the first hospital day, never later than the day before the
    outbound flight; one per traveller where each needs their own."""
    items = []
    latest = departure - timedelta(days=1)
    for step in protocol.preparation:
        due = min(request.start - timedelta(days=step.days_before_start), latest)
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
                    description=step.description,
                    start=due,
                    end=due,
                    deadline=step.deadline,
                    movable=True,
                    traveller=traveller,
                    busy=False,
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
