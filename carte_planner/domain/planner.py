"""plan_journey(): a request and today's date in, the whole journey out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from carte_planner.domain import stay
from carte_planner.domain.assumptions import (
    CHEMOTHERAPY_DAYS,
    DAY0_OFFSET,
    HANDOVER_OVERLAP,
    VISA_PROCESSING_DAYS,
    Settings,
    assumption_catalogue,
    resolve_settings,
    with_assumption_note,
)
from carte_planner.domain.categories import CATEGORIES
from carte_planner.domain.cities import resolve_city
from carte_planner.domain.coverage import Gap, coverage_gaps, coverage_notice, handover_items
from carte_planner.domain.errors import PlanInputError
from carte_planner.domain.fields import FIELDS
from carte_planner.domain.followup import (
    early_followup_item,
    home_followup_items,
    outpatient_visit_item,
    to_open_days,
)
from carte_planner.domain.inpatient_errands import check_inpatient_errands, held_passport_items
from carte_planner.domain.item_keys import milestone_key, phase_key, preparation_key
from carte_planner.domain.journey import (
    Category,
    DayNumber,
    Journey,
    JourneyItem,
    Notice,
    Severity,
    Summary,
    home_emergency_phrase,
)
from carte_planner.domain.moved_checks import check_moved_dates, visa_timing_notices
from carte_planner.domain.notice_codes import (
    ADMISSION_TOO_SHORT,
    CAREGIVER,
    CHEMOTHERAPY_BEFORE_ADMISSION,
    HOME_HOLIDAYS_UNKNOWN,
    INFUSION_OUTSIDE_ADMISSION,
    MOVED_ITEM_GONE,
    PHASE_OUTSIDE_RANGE,
)
from carte_planner.domain.office_days import CHINA, UNKNOWN_HOME, CalendarSource, Holiday, OfficeCalendar
from carte_planner.domain.office_flags import flag_closed_treatment_days
from carte_planner.domain.people import Role, people_of
from carte_planner.domain.person_plan import (
    TravellerPlan,
    person_notices,
    traveller_plans,
    turn_items,
    with_dated_extensions,
)
from carte_planner.domain.phases import (
    PhaseSpan,
    around_infusion,
    clearance_day,
    day_zero_offset,
    phase_lengths,
    treatment_track,
)
from carte_planner.domain.protocol import Protocol
from carte_planner.domain.provisional import mark_provisional
from carte_planner.domain.reference import Reference
from carte_planner.domain.request import Scenario, TripRequest
from carte_planner.domain.team_rules import rule_items, stay_near_notices, with_travel_time
from carte_planner.domain.visa_stay import Entry
from carte_planner.i18n import tr_noop
from carte_planner.i18n.dates import DATE, SHORT_DAY
from carte_planner.i18n.text import CountryName, Day, Words, count_days, say


def plan_journey(request: TripRequest, today: date, reference: Reference) -> Journey:
    """Lay out the whole journey. Deterministic: the same request, `today` and reference data
    give the same journey, with the same item keys whatever the dates. `reference` holds the
    protocol, the cities, the office calendars, the emergency numbers and the entry policies
    (the shipped ones come from carte_planner/shipped.py)."""
    protocol, cities, calendars = reference.protocol, reference.cities, reference.calendars
    emergency_numbers, entry_policies = reference.emergency_numbers, reference.entry_policies
    city = resolve_city(request.city, cities)
    _check_phase_keys(request, protocol)
    settings = resolve_settings(request, protocol)
    lengths = phase_lengths(request, protocol)
    track = treatment_track(request.start, protocol, lengths)
    # Each step returns the notices it raises; they are listed in the order the steps run.
    day_zero, infusion_set, notices = _day_zero(request, settings, track["admission"])
    offset = (day_zero - track["admission"].start).days
    track = around_infusion(track, day_zero, lengths)
    home_country, offices = _office_days(request, protocol, track, calendars)

    treatment_items, found = _treatment_items(settings, track, day_zero, infusion_set)
    notices += found
    clearance = track["outpatient"].end
    low, high = _clearance_range(request, protocol, offset)

    trip, found = stay.plan_trip(request, protocol, settings, city, track, offices)
    notices += found
    people = people_of(request)
    own_entries: dict[int, tuple[Entry, ...]] = {}
    for number, person in enumerate(people, start=1):
        if not person.whole_journey:
            turns, own_entries[number], found = turn_items(request, protocol, settings, city, person, number, offices)
            notices += found
            for turn in turns:
                item, found = stay.with_travel_rush(turn, offices.china)
                trip.items.append(item)
                notices += found
    plans = traveller_plans(request, protocol, trip.entries, own_entries, entry_policies)
    items = [*treatment_items, *with_travel_time(trip.items, request.team)]
    items += rule_items(request.team, day_zero)
    items += handover_items(plans, bool(settings.marks(HANDOVER_OVERLAP)))
    items += stay.preparation_items(
        request, protocol, trip.outbound_departure, offices.consulate, _own_consulates(request, offices, calendars)
    )
    items.append(outpatient_visit_item(protocol, settings, track["outpatient"]))
    after = trip.home_again
    if request.followup_years > 0:
        emergency = home_emergency_phrase(
            emergency_numbers.get(home_country, ""), CountryName(home_country, offices.home.name)
        )
        early = early_followup_item(protocol, settings, trip.home_again, emergency)
        items.append(early)
        after = early.recurrence.dates[-1] if early.recurrence else early.start
    items += home_followup_items(request, protocol, settings, day_zero, after)
    items = _home_visits_on_open_days(items, home_country, offices.home, calendars)
    items = [_with_user_marks(item, request) for item in items]
    items, found = flag_closed_treatment_days(items, offices.china)
    notices += found
    consulate_keys = _consulate_keys(protocol, items)
    items = mark_provisional(items, offices.china, consulate_keys)
    own_stays = {str(n): p.visa.stay_days for n, p in enumerate(people, start=1) if p.visa.stay_days}
    notices += check_moved_dates(
        items, offices.china, offices.consulate, consulate_keys, request.visa_stay_days, own_stays
    )
    items, found = _visa_timing(items, consulate_keys, offices, trip.outbound_departure, today, settings)
    notices += found
    in_hospital = (track["admission"].start, track["monitoring"].end)
    patient = next((person.name for person in people if person.role is Role.PATIENT), None)
    items, found = check_inpatient_errands(items, in_hospital, offices.china, protocol.passport_held_days, patient)
    notices += found
    items += held_passport_items(items, offices.china, protocol.passport_held_days)
    catalogue = assumption_catalogue(protocol, settings)
    items = [with_assumption_note(item, catalogue) for item in items]
    in_effect = {name for item in items for name in item.assumptions}
    notices += stay.past_preparation_notices(items, today)
    plans = with_dated_extensions(plans, items)
    notices += person_notices(plans, entry_policies, request)
    notices += stay_near_notices(request.team, day_zero, items, patient)
    gaps = _coverage_gaps(request, plans, day_zero, patient, settings)
    notices += _coverage_notices(request, gaps)
    notices += _office_notices(request, offices)
    notices += _orphan_move_notices(request, items)
    notices += _length_notices(request, protocol, lengths)

    items.sort(key=lambda item: (item.start, CATEGORIES[item.category].order, item.key))
    inpatient = track["monitoring"].end.toordinal() - track["admission"].start.toordinal() + 1
    summary = Summary(
        arrival=trip.arrival,
        days_in_china=trip.days_in_china,
        inpatient_days=inpatient,
        clearance=clearance,
        return_date=clearance + timedelta(days=1),
        clearance_range=(low, high),
        return_range=(low + timedelta(days=1), high + timedelta(days=1)),
        weeks_to_clearance=round(((clearance - request.start).days + 1) / 7, 1),
        phase_lengths=tuple(lengths.items()),
    )
    return Journey(
        request=request,
        city=city,
        today=today,
        day_zero=day_zero,
        items=tuple(items),
        notices=tuple(notices),
        summary=summary,
        estimate_words=say(protocol.estimate_note),
        holidays=_visible_holidays(items, trip, offices),
        home_country=home_country,
        assumptions=tuple(a for name, a in catalogue.items() if name in in_effect),
        catalogue=tuple(catalogue.values()),
        home_emergency_number=emergency_numbers.get(home_country, ""),
        home_country_name=offices.home.name,
        holidays_published_until=offices.china.official_until,
        travellers=plans,
        coverage=gaps,
        protocol=protocol,
    )


def _coverage_gaps(
    request: TripRequest,
    plans: tuple[TravellerPlan, ...],
    day_zero: date,
    patient: str | None,
    settings: Settings,
) -> tuple[Gap, ...]:
    """The days of the round-the-clock window, while the patient is in China, with no caregiver."""
    until = request.team.around_the_clock_until
    if until is None:
        return ()
    patient_exit = max((plan.exit for plan in plans if plan.person.name == patient), default=day_zero)
    last = min(day_zero + timedelta(days=until), patient_exit)
    return coverage_gaps(plans, day_zero, last, settings.handover_overlap_days)


def _coverage_notices(request: TripRequest, gaps: tuple[Gap, ...]) -> list[Notice]:
    until = request.team.around_the_clock_until
    if until is None:
        return []
    notice = coverage_notice(gaps, until)
    return [] if notice is None else [notice]


def _own_consulates(
    request: TripRequest, offices: stay.OfficeDays, calendars: CalendarSource
) -> dict[str, OfficeCalendar]:
    """The consulate calendar of each person whose home country is not the plan's."""
    own = {}
    for person in request.people:
        if person.home_country and person.home_country != offices.home.country:
            if not calendars.is_country(person.home_country):
                raise PlanInputError(
                    FIELDS["home_country"], tr_noop("'{code}' is not a country code"), code=person.home_country
                )
            first = request.start.year - 1
            home = calendars.calendar(person.home_country, first, request.start.year + 1)
            own[person.name] = home.with_holidays_of(offices.china)
    return own


def _office_days(
    request: TripRequest, protocol: Protocol, track: dict[str, PhaseSpan], calendars: CalendarSource
) -> tuple[str, stay.OfficeDays]:
    """China's office calendar and the home country's, for every year the plan's offices matter."""
    if request.home_country and not calendars.is_country(request.home_country):
        if request.home_country == "UK":
            raise PlanInputError(
                FIELDS["home_country"],
                tr_noop("'{code}' is not a country code (the United Kingdom is GB)"),
                code=request.home_country,
            )
        raise PlanInputError(
            FIELDS["home_country"], tr_noop("'{code}' is not a country code"), code=request.home_country
        )
    country = request.home_country or calendars.home_country(request.home_tz)
    earliest = max((step.days_before_start for step in protocol.preparation), default=0) + request.arrive_days_before
    first_year = (request.start - timedelta(days=earliest + 45)).year
    last_year = (track["outpatient"].end + timedelta(days=30)).year
    china = calendars.calendar(CHINA, first_year, last_year)
    home = calendars.calendar(country, first_year, last_year) if country else UNKNOWN_HOME
    return country, stay.OfficeDays(china=china, home=home, consulate=home.with_holidays_of(china))


def _home_visits_on_open_days(
    items: list[JourneyItem], country: str, home: OfficeCalendar, calendars: CalendarSource
) -> list[JourneyItem]:
    """Home follow-up visits moved off the home country's closed days, with its calendar for
    the years the visits run (which may go beyond the trip's)."""
    visits = [item for item in items if item.category is Category.HOME_FOLLOWUP and item.recurrence is not None]
    if not visits:
        return items
    if country:
        first = min(item.start for item in visits)
        last = max(day for item in visits if item.recurrence for day in item.recurrence.dates)
        home = calendars.calendar(country, first.year, last.year + 1)
    return [to_open_days(item, home) if item in visits else item for item in items]


def _visa_timing(
    items: list[JourneyItem],
    consulate_keys: frozenset[str],
    offices: stay.OfficeDays,
    departure: date,
    today: date,
    settings: Settings,
) -> tuple[list[JourneyItem], list[Notice]]:
    """Warn when the consulate cannot process the visa before the flight; the applications
    that warning rests on then carry the processing time, while it is assumed."""
    applications = [item for item in items if item.key in consulate_keys]
    late = visa_timing_notices(applications, offices.consulate, departure, today, settings.visa_processing_days)
    if not late:
        return items, late
    marks = settings.marks(VISA_PROCESSING_DAYS)
    marked = [
        replace(item, assumptions=(*item.assumptions, *marks)) if item.key in consulate_keys else item for item in items
    ]
    return marked, late


def _consulate_keys(protocol: Protocol, items: list[JourneyItem]) -> frozenset[str]:
    """The keys of the items handed in at the consulate (one per traveller)."""
    steps = {preparation_key(step.key) for step in protocol.preparation if step.at_consulate}
    return frozenset(item.key for item in items if item.key in steps or item.key.rsplit(":", 1)[0] in steps)


def _office_notices(request: TripRequest, offices: stay.OfficeDays) -> list[Notice]:
    notices = []
    if not offices.home.known:
        text = (
            say(
                "Carte Planner has no public holidays for {country}, so only weekends are avoided for the "
                "consulate. Set your home country, and check the consulate's opening days.",
                country=CountryName(offices.home.country, offices.home.name),
            )
            if offices.home.country
            else say(
                "Carte Planner has no public holidays for your home country, so only weekends are avoided for the "
                "consulate. Set your home country, and check the consulate's opening days."
            )
        )
        notices.append(Notice(Severity.CHECK, HOME_HOLIDAYS_UNKNOWN, text, field="home_country"))
    if len(request.travellers) == 1:
        notices.append(
            Notice(
                Severity.CHECK,
                CAREGIVER,
                say(
                    "Hospitals usually require a caregiver to stay with the patient: ask the hospital whether one "
                    "must come. A caregiver needs a visa too, so decide before the visa applications."
                ),
                field="travellers",
            )
        )
    return notices


def _visible_holidays(items: list[JourneyItem], trip: stay.Trip, offices: stay.OfficeDays) -> tuple[Holiday, ...]:
    """China's holidays while the family is there, and the home country's before they leave."""
    first = min(item.start for item in items if item.category is not Category.HOME_FOLLOWUP)
    return (
        *offices.home.holidays_between(first, trip.outbound_departure),
        *offices.china.holidays_between(trip.arrival, trip.home_again),
    )


def _check_phase_keys(request: TripRequest, protocol: Protocol) -> None:
    known = [spec.key for spec in protocol.phases]
    for key, _ in request.phase_days:
        if key not in known:
            raise PlanInputError(
                FIELDS["phase_days"],
                tr_noop("there is no such phase; the phases are {phases}"),
                entry=key,
                phases=", ".join(known),
            )


def _clearance_range(request: TripRequest, protocol: Protocol, day0_offset: int) -> tuple[date, date]:
    """Fit-to-fly dates of the shortest and longest scenarios (the user's own lengths kept)."""
    return (
        clearance_day(request.start, phase_lengths(request, protocol, Scenario.SHORTEST), day0_offset),
        clearance_day(request.start, phase_lengths(request, protocol, Scenario.LONGEST), day0_offset),
    )


def _phase_range(span: PhaseSpan) -> tuple[date | None, date | None]:
    """The last days the phase's shortest and longest usual lengths would give: monitoring's
    count from Day 0, its first day; the admission phase ends the day before Day 0, whatever
    its length."""
    if span.spec.key == "admission":
        return None, None
    first = span.start if span.spec.key == "monitoring" else span.start - timedelta(days=1)
    return first + timedelta(days=span.spec.min_days), first + timedelta(days=span.spec.max_days)


def _treatment_items(
    settings: Settings, track: dict[str, PhaseSpan], day_zero: date, infusion_set: bool
) -> tuple[list[JourneyItem], list[Notice]]:
    items = [
        JourneyItem(
            key=phase_key(span.spec.key),
            category=Category.PHASE,
            title_words=say(span.spec.title),
            description_words=say(span.spec.description),
            start=span.start,
            end=span.end,
            phase=span.spec.key,
            busy=span.spec.busy,
            at_hospital=True,
            earliest=_phase_range(span)[0],
            latest=_phase_range(span)[1],
        )
        for span in track.values()
    ]
    admission = track["admission"]
    chemo_first, chemo_last, notices = _chemotherapy(settings, admission, day_zero)

    def milestone(
        key: str,
        title: Words,
        day: date,
        description: Words,
        phase: str,
        end: date | None = None,
        deadline: bool = False,
        assumptions: tuple[str, ...] = (),
    ) -> JourneyItem:
        return JourneyItem(
            key=milestone_key(key),
            category=Category.MILESTONE,
            title_words=title,
            description_words=description,
            start=day,
            end=end or day,
            phase=phase,
            at_hospital=True,
            deadline=deadline,
            movable=key == "infusion",
            user_moved=key == "infusion" and infusion_set,
            assumptions=assumptions,
        )

    day_zero_marks = () if infusion_set else settings.marks(DAY0_OFFSET)

    items += [
        milestone(
            "leukapheresis",
            say("Leukapheresis (cell collection)"),
            track["screening"].end,
            say(
                "The patient's T cells are collected from the blood; this usually takes a few hours. "
                "The cells then go to the laboratory to be made into CAR-T cells."
            ),
            "screening",
        ),
        milestone(
            "admission",
            say("Hospital admission"),
            admission.start,
            say(
                "Admission for lymphodepleting chemotherapy and the CAR-T infusion. "
                "Bring the passport, the medicine list and what the patient needs for a long inpatient stay."
            ),
            "admission",
            deadline=True,
        ),
        milestone(
            "chemotherapy",
            say("Lymphodepleting chemotherapy"),
            chemo_first,
            say("A short course of chemotherapy that prepares the body to receive the CAR-T cells."),
            "admission",
            end=chemo_last,
            assumptions=(*day_zero_marks, *settings.marks(CHEMOTHERAPY_DAYS)),
        ),
        milestone(
            "infusion",
            say("Day 0: CAR-T cell infusion"),
            day_zero,
            say(
                "The manufactured CAR-T cells are infused, much like a blood transfusion. "
                "Every later day is counted from this one."
            ),
            "monitoring",
            assumptions=day_zero_marks,
        ),
        milestone(
            "discharge",
            say("Discharge from hospital (estimated)"),
            track["monitoring"].end,
            say(
                "The estimated end of the inpatient stay. After discharge the patient stays near the hospital "
                "for outpatient follow-up."
            ),
            "monitoring",
        ),
        milestone(
            "fit-to-fly",
            say("Fit-to-fly check (estimated)"),
            track["outpatient"].end,
            say(
                "The check that medically clears the patient for return travel. Ask for the reports and the "
                "follow-up plan for the home medical team. The date is an estimate: keep the return ticket flexible."
            ),
            "outpatient",
            deadline=True,
        ),
    ]
    return items, notices


INFUSION = "milestone:infusion"


def _day_zero(request: TripRequest, settings: Settings, admission: PhaseSpan) -> tuple[date, bool, list[Notice]]:
    """The infusion day: the date the user set, else the Day 0 offset into admission; kept
    inside the admission phase, with a warning that says which of the two to check."""
    chosen = request.moved_date(INFUSION)
    offset = settings.day0_offset if chosen is None else (chosen - admission.start).days
    if 1 <= offset < admission.days:
        return admission.start + timedelta(days=offset), chosen is not None, []
    placed = day_zero_offset(offset, admission.days)
    day = admission.start + timedelta(days=placed)
    if chosen is not None:
        message = say(
            "The infusion day you set ({chosen}) is outside the admission phase ({first} to {last}), after its "
            "first day; Day 0 is placed on {day}. Change the admission length or the infusion day to what the "
            "hospital said.",
            chosen=Day(chosen),
            first=Day(admission.start, SHORT_DAY),
            last=Day(admission.end),
            day=Day(day),
        )
        notice = Notice(Severity.WARNING, INFUSION_OUTSIDE_ADMISSION, message, item_key=INFUSION)
    else:
        message = say(
            "The admission phase ({days}) is too short for Day 0 {offset} after admission, which needs "
            "at least {needed}; Day 0 is placed on {day}, {placed} after admission. Check the admission "
            "length and the infusion day with the hospital.",
            days=count_days(admission.days),
            offset=count_days(offset),
            needed=count_days(offset + 1),
            day=Day(day),
            placed=count_days(placed),
        )
        notice = Notice(Severity.WARNING, ADMISSION_TOO_SHORT, message, field="phase:admission")
    return day, False, [notice]


def _chemotherapy(settings: Settings, admission: PhaseSpan, day_zero: date) -> tuple[date, date, list[Notice]]:
    """The chemotherapy days around Day 0, never before admission (a warning says so)."""
    first, last = settings.chemotherapy_days
    start = day_zero + timedelta(days=first)
    end = day_zero + timedelta(days=last)
    notices = []
    if start < admission.start:
        before = (day_zero - admission.start).days
        notices.append(
            Notice(
                Severity.WARNING,
                CHEMOTHERAPY_BEFORE_ADMISSION,
                say(
                    "The chemotherapy days (Days {first} to {last}) would start before admission, since Day 0 is "
                    "{before} after it; they are placed from the day of admission. Check the chemotherapy "
                    "days and the infusion day with the hospital.",
                    first=DayNumber(first),
                    last=DayNumber(last),
                    before=count_days(before),
                ),
                field="chemotherapy_days",
            )
        )
        start = admission.start
        end = max(start, end)
    return start, end, notices


def _with_user_marks(item: JourneyItem, request: TripRequest) -> JourneyItem:
    """Apply the user's moved dates and "confirmed by the hospital" marks to one item."""
    confirmed = item.key in request.confirmed
    # An item the user left as planned is kept as it is: a re-plan makes thousands of them.
    if item.key == INFUSION:
        return item if item.confirmed == confirmed else replace(item, confirmed=confirmed)
    if item.recurrence is not None:
        moved = []
        visits = set()
        for number, planned in enumerate(item.recurrence.dates, start=1):
            key = f"{item.key}#{number}"
            new = request.moved_date(key)
            if new is not None and new != planned:
                moved.append((planned, new))
            if key in request.confirmed:
                visits.add(number)
        if (tuple(moved), confirmed, visits) == (item.moved, item.confirmed, item.confirmed_visits):
            return item
        return replace(item, moved=tuple(moved), confirmed=confirmed, confirmed_visits=frozenset(visits))
    new = request.moved_date(item.key) if item.movable else None
    if new is None:
        return item if item.confirmed == confirmed else replace(item, confirmed=confirmed)
    return replace(item, start=new, end=new, user_moved=True, confirmed=confirmed)


def _orphan_move_notices(request: TripRequest, items: list[JourneyItem]) -> list[Notice]:
    """A date the user set must never vanish silently when the plan changes under it."""
    notices = []
    known = set()
    for item in items:
        if item.recurrence is None:
            if item.movable:
                known.add(item.key)
        else:
            known.update(f"{item.key}#{n}" for n in range(1, len(item.recurrence.dates) + 1))
    for key, when in request.moved:
        if key not in known:
            notices.append(
                Notice(
                    Severity.WARNING,
                    MOVED_ITEM_GONE,
                    say(
                        "You set {date} for an item ({key}) that the plan no longer has, for example after a phase "
                        "was shortened. The date is kept in case you change it back.",
                        date=Day(when, DATE),
                        key=key,
                    ),
                    item_key=key,
                )
            )
    return notices


def _length_notices(request: TripRequest, protocol: Protocol, lengths: dict[str, int]) -> list[Notice]:
    """The phase lengths the family set outside the guide's usual range."""
    notices = []
    for spec in protocol.phases:
        days = lengths[spec.key]
        if request.phase_length(spec.key) is not None and not spec.min_days <= days <= spec.max_days:
            notices.append(
                Notice(
                    Severity.WARNING,
                    PHASE_OUTSIDE_RANGE,
                    say(
                        "{phase}: {days} is outside the guide's usual range ({range}). "
                        "Kept as you set it; make sure it is what the hospital said.",
                        phase=say(spec.title),
                        days=count_days(days),
                        range=say(spec.range_text),
                    ),
                    field=phase_key(spec.key),
                )
            )
    return notices
