"""Each person's own journey: the flights of each turn, their stays and registrations, and
the checks on their papers (passport, visa use-by date, entries, a visa-free policy)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from carte_planner.domain.assumptions import Settings
from carte_planner.domain.entry_policies import EntryPolicy, policy_for
from carte_planner.domain.journey import Category, JourneyItem, Notice, Severity
from carte_planner.domain.long_stays import extension_ends
from carte_planner.domain.notice_codes import (
    PASSPORT_EXPIRY,
    VISA_ENTRIES,
    VISA_FREE_POLICY_ENDS,
    VISA_FREE_TOO_LONG,
    VISA_FREE_TREATMENT,
    VISA_FREE_UNLISTED,
    VISA_USE_BY,
)
from carte_planner.domain.people import Person, Role, Route, people_of
from carte_planner.domain.protocol import City, Protocol
from carte_planner.domain.request import TripRequest
from carte_planner.domain.stay import (
    OfficeDays,
    _flight_item,
    entry_suffix,
    permitted_days,
    person_entry_items,
    registration_words,
    route_titles,
    stay_notices,
)
from carte_planner.domain.travel import flight, flight_landing_by
from carte_planner.domain.travellers import traveller_words
from carte_planner.domain.visa_stay import Entry, StayCheck
from carte_planner.i18n.dates import DATE
from carte_planner.i18n.text import CountryName, Day, count_days, joined, say, say_n

# Consulates commonly ask for a passport valid this long beyond the planned exit.
PASSPORT_MONTHS_BEYOND_EXIT = 6


@dataclass(frozen=True)
class TravellerPlan:
    """One person's dates, as the JSON and the window list them."""

    number: int
    person: Person
    entries: tuple[Entry, ...]
    last_permitted_days: tuple[date | None, ...]
    extensions: tuple[date, ...]

    @property
    def exit(self) -> date:
        return self.entries[-1].leave


def turn_items(
    request: TripRequest,
    protocol: Protocol,
    settings: Settings,
    city: City,
    person: Person,
    number: int,
    offices: OfficeDays,
) -> tuple[list[JourneyItem], tuple[Entry, ...], list[Notice]]:
    """A person's flights to and from China for each of their turns, and their items for each
    stay: each turn is an entry of its own, and a stay their visa cannot cover is warned about
    under their name."""
    notices: list[Notice] = []
    home = person.home_tz or request.home_tz
    china, hours = city.time_zone, request.flight_hours
    to_china, from_china = route_titles(request, city)
    who = traveller_words(person.name)
    items: list[JourneyItem] = []
    entries = []
    count = len(person.turns)
    for k, turn in enumerate(person.turns, start=1):
        out_depart, out_arrive = flight_landing_by(turn.first, request.departure_time, home, hours, china)
        back_depart, back_arrive = flight(turn.last, settings.return_departure, china, hours, home)
        which = say("turn {number} of {count}", number=k, count=count)
        items.append(
            _flight_item(
                f"flight:turn{k}:out:{number}",
                say("{flight} — {traveller}, {turn}", flight=to_china, traveller=who, turn=which),
                out_depart,
                out_arrive,
                say("{traveller}'s flight for their turn in China.", traveller=who),
                wanted=request.departure_time,
            )
        )
        items.append(
            _flight_item(
                f"flight:turn{k}:home:{number}",
                say("{flight} — {traveller}, {turn}", flight=from_china, traveller=who, turn=which),
                back_depart,
                back_arrive,
                say("{traveller}'s flight home at the end of their turn.", traveller=who),
            )
        )
        entry = Entry(k, out_arrive.date(), back_depart.date())
        entries.append(entry)
        items.append(
            JourneyItem(
                key=f"stay:turn{k}:{number}",
                category=Category.ACCOMMODATION,
                title_words=say("In China — {traveller}, {turn}", traveller=who, turn=which),
                description_words=say_n(
                    "{n} day in China, from the day of arrival to the day of departure, both included.",
                    "{n} days in China, from the day of arrival to the day of departure, both included.",
                    entry.days,
                ),
                start=entry.arrive,
                end=entry.leave,
                busy=False,
                traveller=person.name,
            )
        )
        items += person_entry_items(
            request,
            protocol,
            person,
            number,
            entry,
            count,
            offices.china,
            registration_words(offices.china, entry.arrive),
        )
        if person.route is Route.VISA:
            check = StayCheck(entry, permitted_days(request, person), protocol.extension_lead_days)
            notices += [
                replace(notice, message_words=say("{what}: {note}", what=who, note=notice.message_words))
                for notice in stay_notices(check, count, f"visa:extension{entry_suffix(k)}:{number}")
            ]
    items = [_for(item, person.name) for item in items]
    return items, tuple(entries), notices


def _for(item: JourneyItem, name: str) -> JourneyItem:
    return item if item.traveller else replace(item, traveller=name)


def traveller_plans(
    request: TripRequest,
    protocol: Protocol,
    shared: tuple[Entry, ...],
    own: dict[int, tuple[Entry, ...]],
    policies: tuple[EntryPolicy, ...],
) -> tuple[TravellerPlan, ...]:
    """Each person's entries, last permitted day of each (on a visa-free route, by the longest
    stay of the policy listing their nationality, if any) and planned extensions."""
    plans = []
    for number, person in enumerate(people_of(request), start=1):
        entries = own.get(number, shared)
        lasts: list[date | None] = []
        extensions: list[date] = []
        for entry in entries:
            if person.route is Route.VISA_FREE:
                policy = policy_for(policies, person.nationality)
                lasts.append(entry.arrive + timedelta(days=policy.longest_stay_days - 1) if policy else None)
                continue
            check = StayCheck(entry, permitted_days(request, person), protocol.extension_lead_days)
            lasts.append(check.last_permitted_day)
            if person.route is Route.VISA:
                extensions += [last - timedelta(days=check.lead_days) for last in extension_ends(check)]
        plans.append(TravellerPlan(number, person, entries, tuple(lasts), tuple(extensions)))
    return tuple(plans)


def with_dated_extensions(plans: tuple[TravellerPlan, ...], items: list[JourneyItem]) -> tuple[TravellerPlan, ...]:
    """Each plan's extensions as the items date them (moved off closed days, or by the user)."""
    result = []
    for plan in plans:
        days = sorted(
            item.start
            for item in items
            if item.key.startswith("visa:extension") and item.key.endswith(f":{plan.number}")
        )
        result.append(replace(plan, extensions=tuple(days)))
    return tuple(result)


def person_notices(
    plans: tuple[TravellerPlan, ...], policies: tuple[EntryPolicy, ...], request: TripRequest
) -> list[Notice]:
    """The checks on each person's papers and route."""
    notices: list[Notice] = []
    for plan in plans:
        person, who = plan.person, traveller_words(plan.person.name)
        first = plan.entries[0].arrive
        key = f"visa:registration:{plan.number}"
        if person.passport_expiry is not None:
            needed = _add_months(plan.exit, PASSPORT_MONTHS_BEYOND_EXIT)
            if person.passport_expiry < needed:
                notices.append(
                    Notice(
                        Severity.WARNING,
                        PASSPORT_EXPIRY,
                        say(
                            "{traveller}'s passport expires on {expiry}, less than {months} months after the planned "
                            "exit from China on {exit}. Consulates commonly ask for a passport valid at least "
                            "{months} months beyond the planned stay: ask the consulate, and renew it if needed.",
                            traveller=who,
                            expiry=Day(person.passport_expiry, DATE),
                            months=PASSPORT_MONTHS_BEYOND_EXIT,
                            exit=Day(plan.exit, DATE),
                        ),
                        item_key=key,
                    )
                )
        if person.route is Route.VISA_FREE:
            notices += _visa_free_notices(plan, policy_for(policies, person.nationality), key)
            continue
        visa = person.visa
        if visa.use_by is not None and first > visa.use_by:
            notices.append(
                Notice(
                    Severity.WARNING,
                    VISA_USE_BY,
                    say(
                        "{traveller}'s visa must be used by {use_by}, but their first arrival in China is planned "
                        "on {arrive}. Ask the consulate.",
                        traveller=who,
                        use_by=Day(visa.use_by, DATE),
                        arrive=Day(first, DATE),
                    ),
                    item_key=key,
                )
            )
        allowed = visa.entries_allowed
        if allowed is not None and len(plan.entries) > allowed:
            notices.append(
                Notice(
                    Severity.WARNING,
                    VISA_ENTRIES,
                    say_n(
                        "{traveller}'s visa allows {n} entry, but the plan has them enter China {planned} times. "
                        "Ask the consulate for a visa with enough entries.",
                        "{traveller}'s visa allows {n} entries, but the plan has them enter China {planned} times. "
                        "Ask the consulate for a visa with enough entries.",
                        allowed,
                        traveller=who,
                        planned=len(plan.entries),
                    ),
                    item_key=key,
                )
            )
    return notices


def _visa_free_notices(plan: TravellerPlan, policy: EntryPolicy | None, key: str) -> list[Notice]:
    person, who = plan.person, traveller_words(plan.person.name)
    confirm = say("Confirm with the Chinese embassy or consulate before you rely on it.")
    if policy is None:
        return [
            Notice(
                Severity.WARNING,
                VISA_FREE_UNLISTED,
                joined(
                    say(
                        "{traveller} is planned to enter China visa-free, but Carte Planner's list of visa-free "
                        "policies has none for {nationality}.",
                        traveller=who,
                        nationality=CountryName(person.nationality, person.nationality)
                        if person.nationality
                        else say("their nationality"),
                    ),
                    confirm,
                ),
                field="travellers",
                item_key=key,
            )
        ]
    said = say(
        "As read on {read_on} from {source}, “{policy}” covers {purposes}, for at most {days} per entry.",
        read_on=Day(policy.read_on, DATE),
        source=policy.source,
        policy=say(policy.title),
        purposes=policy.purposes_words(),
        days=count_days(policy.longest_stay_days),
    )
    notices = []
    if person.role is Role.PATIENT:
        notices.append(
            Notice(
                Severity.WARNING,
                VISA_FREE_TREATMENT,
                joined(
                    say(
                        "{traveller} is the patient and is planned to enter China visa-free, for medical treatment.",
                        traveller=who,
                    ),
                    said,
                    confirm,
                ),
                field="travellers",
                item_key=key,
            )
        )
    for entry in plan.entries:
        if entry.days > policy.longest_stay_days:
            notices.append(
                Notice(
                    Severity.WARNING,
                    VISA_FREE_TOO_LONG,
                    joined(
                        say(
                            "{traveller}'s stay from {arrive} to {leave} is {days}, longer than the policy allows. "
                            "Carte Planner dates no extension on this route.",
                            traveller=who,
                            arrive=Day(entry.arrive, DATE),
                            leave=Day(entry.leave, DATE),
                            days=count_days(entry.days),
                        ),
                        said,
                        confirm,
                    ),
                    field="travellers",
                    item_key=f"visa:registration{entry_suffix(entry.number)}:{plan.number}",
                )
            )
        if policy.last_day is not None and entry.leave > policy.last_day:
            notices.append(
                Notice(
                    Severity.WARNING,
                    VISA_FREE_POLICY_ENDS,
                    joined(
                        say(
                            "{traveller}'s stay runs to {leave}, past {last}, the last day of “{policy}” as read on "
                            "{read_on}.",
                            traveller=who,
                            leave=Day(entry.leave, DATE),
                            last=Day(policy.last_day, DATE),
                            policy=say(policy.title),
                            read_on=Day(policy.read_on, DATE),
                        ),
                        confirm,
                    ),
                    field="travellers",
                    item_key=f"visa:registration{entry_suffix(entry.number)}:{plan.number}",
                )
            )
    return notices


def _add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has no such day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")
