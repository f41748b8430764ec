"""A journey to an RFC 5545 calendar file that Thunderbird, Apple, Google, Outlook and khal import."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event, vCalAddress, vRecur, vText

from carte_planner import __version__
from carte_planner.domain.categories import CATEGORIES
from carte_planner.domain.identity import event_uid, uid_domain
from carte_planner.domain.journey import Category, Journey, JourneyItem, Occurrence, Recurrence
from carte_planner.domain.plan import ExportRecord
from carte_planner.export.timezones import vtimezone
from carte_planner.i18n import current_language, tr, tr_noop

PRODID = f"-//Carte Planner//Carte Planner {__version__}//EN"
# A discreet file names no product that hints at the treatment.
DISCREET_PRODID = "-//Calendar export//EN"
DISCREET_NOTE = tr_noop("Dates are estimates: check them before you rely on them.")
CANCELLED_NOTE = tr_noop("This is no longer in the plan.")
# RFC 5546 (and libical) want an ORGANIZER on every event of a PUBLISH file; a reserved,
# undeliverable address (RFC 2606) that no client can mistake for a person to invite.
ORGANIZER = ("Carte Planner", "mailto:calendar@carte-planner.invalid")
DISCREET_ORGANIZER = ("Calendar export", "mailto:calendar@export.invalid")

# SEQUENCE counts seconds from here: it fits RFC 5545's signed 32-bit INTEGER until 2088,
# and stays above the minute count that earlier versions wrote.
_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
# RFC 5545's INTEGER is signed 32-bit: no SEQUENCE is ever written above it.
SEQUENCE_LIMIT = 2**31 - 1


@dataclass(frozen=True)
class ExportOptions:
    plan_id: str
    now: datetime
    discreet: bool = False
    calendar_name: str | None = None
    # Dated checklist entries (checklist_items()), written as whole-day events.
    checklist: tuple[JourneyItem, ...] = ()
    # What the plan's earlier exports wrote: events it no longer has go out cancelled.
    previous: ExportRecord = field(default_factory=ExportRecord)
    # Public holidays around the trip (journey.holidays), as free whole-day events.
    holidays: bool = False


@dataclass(frozen=True)
class CalendarExport:
    """The file's bytes and what the plan should remember of them for the next export."""

    data: bytes
    record: ExportRecord


def exclusive_end(last_day: date) -> date:
    """DTEND of a whole-day event: the day after the last day the user sees.

    RFC 5545 makes DTEND exclusive; writing the inclusive last day makes multi-day stays
    end a day early in every client, and a one-day item collapse to nothing in some.
    """
    return last_day + timedelta(days=1)


def sequence_number(now: datetime, previous: int = 0) -> int:
    """SEQUENCE of an export at `now`: seconds since 2020, or one more than the plan's last
    export if that is higher, so it grows on every export, even two in the same second (a
    client keeps its old event when the number stands still). After 2088 the clock no longer
    fits and the count goes on from the plan's last value; at the limit itself it stays there
    (see `sequence_exhausted`)."""
    seconds = int((now.astimezone(UTC) - _SEQUENCE_EPOCH).total_seconds())
    clock = seconds if seconds <= SEQUENCE_LIMIT else 0
    return min(max(clock, previous + 1, 0), SEQUENCE_LIMIT)


def sequence_exhausted(previous: int) -> bool:
    """Whether an export after one with SEQUENCE `previous` can no longer raise the number, so
    calendar apps may keep their copy of a changed event: the user is told to import afresh."""
    return previous >= SEQUENCE_LIMIT


SEQUENCE_EXHAUSTED = tr_noop(
    "The calendar's update number has reached its highest possible value, so calendar apps may keep "
    "their old copy of events that changed. Delete the imported calendar in your calendar app, then "
    "import this file again."
)


def zoned_time(moment: datetime) -> datetime:
    """A flight time as the file writes it: in its own zone with a TZID, except a local time
    that the zone's clocks show twice (or skip). RFC 5545 reads a repeated local time as its
    first occurrence, but ical.js, libical and khal read the second: only UTC is read the same
    by all of them, so both occurrences of a repeated hour are written in UTC."""
    other = moment.replace(fold=1 - moment.fold)
    if other.utcoffset() != moment.utcoffset():
        return moment.astimezone(UTC)
    return moment


def portable_rule(recurrence: Recurrence, start: date) -> bool:
    """Whether every client expands the series' rule to the same dates.

    Outlook keeps only rules it can show as one of its own patterns, and ical.js
    (Thunderbird, Nextcloud) ignores BYSETPOS beside BYMONTHDAY, so a month-end rhythm
    ("the 31st, or the month's last day") has no rule form that every client reads alike.
    Allowed: daily; weekly on plain weekdays; monthly on the start's own day when every
    month has that day (1 to 28). Anything else is written as one event per visit.
    """
    parts = dict(part.split("=", 1) for part in recurrence.rule.split(";"))
    frequency = parts.pop("FREQ", "")
    for bound in ("UNTIL", "COUNT", "INTERVAL"):
        parts.pop(bound, None)
    if frequency == "DAILY":
        return not parts
    if frequency == "WEEKLY":
        days = parts.pop("BYDAY", "").split(",")
        return not parts and all(day in {"MO", "TU", "WE", "TH", "FR", "SA", "SU"} for day in days)
    if frequency == "MONTHLY":
        same_day = parts.pop("BYMONTHDAY", str(start.day)) == str(start.day)
        return same_day and not parts and start.day <= 28
    return False


def _title(item: JourneyItem, discreet: bool) -> str:
    return discreet_title(item) if discreet else item.title


def discreet_title(item: JourneyItem) -> str:
    """The word a discreet calendar shows for the item: Travel, Away, Appointment, Reminder."""
    return tr(CATEGORIES[item.category].discreet_title)


def _location(journey: Journey, item: JourneyItem) -> str | None:
    request, city = journey.request, journey.city
    if item.category is Category.FLIGHT:
        return None
    if item.at_hospital or item.category is Category.ACCOMMODATION:
        parts = [
            request.hospital_name,
            request.hospital_name_zh,
            request.hospital_address,
            request.hospital_address_zh,
        ]
        place = ", ".join(p for p in parts if p)
        return place or city.local_label(current_language())
    return None


def _description(journey: Journey, item: JourneyItem, discreet: bool, confirmed: bool, set_by_user: bool) -> str:
    if discreet:
        return tr(DISCREET_NOTE)
    lines = [item.description]
    if item.at_hospital and item.recurrence is None:
        label = journey.day_label(item.start)
        if label:
            lines.append(
                label
                if item.end == item.start
                else tr("{first} to {last}").format(first=label, last=journey.day_label(item.end))
            )
    request = journey.request
    if item.at_hospital and request.hospital_phone:
        lines.append(tr("Hospital phone: {phone}").format(phone=request.hospital_phone))
    if item.category is Category.CHECKLIST:
        lines.append(tr("Done.") if confirmed else tr("To do."))
    elif confirmed:
        lines.append(tr("Confirmed by the hospital."))
    elif set_by_user:
        lines.append(tr("Date set by you."))
    lines.append("")
    lines.append(journey.estimate_note)
    return "\n".join(lines)


# Deadlines with papers to prepare (the visa application, the stay extension): a reminder a
# week ahead as well as the day before.
_WEEK_AHEAD = ("prep:visa:", "visa:extension")


def _alarms(item: JourneyItem, title: str) -> list[Alarm]:
    # 09:00 the day before a whole-day deadline; a day before a flight.
    triggers = [timedelta(days=-1) if item.timed else timedelta(hours=-15)]
    if item.key.startswith(_WEEK_AHEAD) and not item.timed:
        # 09:00 seven days before.
        triggers.insert(0, timedelta(days=-7, hours=9))
    return [_alarm(title, trigger) for trigger in triggers]


def _alarm(title: str, trigger: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    # A discreet title may already be "Reminder": "Reminder: Reminder" says nothing more.
    reminder = tr("Reminder")
    alarm.add("description", title if title == reminder else tr("Reminder: {title}").format(title=title))
    alarm.add("trigger", trigger)
    return alarm


@dataclass(frozen=True)
class _Writer:
    journey: Journey
    options: ExportOptions
    sequence: int

    def common(self, key: str, title: str, description: str) -> dict[str, object]:
        return {
            "uid": event_uid(key, self.options.plan_id, self.options.discreet),
            "stamp": self.options.now.astimezone(UTC),
            "sequence": self.sequence,
            "summary": title,
            "description": description,
            "organizer": self.organizer(),
        }

    def organizer(self) -> vCalAddress:
        name, address = DISCREET_ORGANIZER if self.options.discreet else ORGANIZER
        organizer = vCalAddress(address)
        organizer.params["CN"] = name
        return organizer

    def events(self, item: JourneyItem) -> Iterator[tuple[date, Event]]:
        """The events of one item, each with the first day it is on."""
        title = _title(item, self.options.discreet)
        description = _description(self.journey, item, self.options.discreet, item.confirmed, item.user_moved)
        extra: dict[str, object] = {"transparency": "OPAQUE" if item.busy else "TRANSPARENT"}
        if not self.options.discreet:
            extra["categories"] = [CATEGORIES[item.category].ics_category]
            location = _location(self.journey, item)
            if location:
                extra["location"] = location
        if item.recurrence is not None and not portable_rule(item.recurrence, item.start):
            yield from self._visits_one_by_one(item, title, extra)
            return
        common = {**self.common(item.key, title, description), **extra}
        if item.timed:
            assert item.depart is not None
            assert item.arrive is not None
            start, end = zoned_time(item.depart), zoned_time(item.arrive)
            event = Event.new(start=start, end=end, **common)  # type: ignore[arg-type]
        else:
            event = Event.new(start=item.start, end=exclusive_end(item.end), **common)  # type: ignore[arg-type]
        if item.recurrence is not None:
            event.add("rrule", vRecur.from_ical(item.recurrence.rule))
        if item.deadline:
            for alarm in _alarms(item, title):
                event.add_component(alarm)
        yield item.start, event
        for line in self.journey.occurrences_of(item):
            if not (line.moved or (line.confirmed and not item.confirmed)):
                continue
            # One visit the user moved or had confirmed: an override of that occurrence.
            override = {**common, "description": self._line_description(line)}
            yield (
                line.day,
                Event.new(start=line.day, end=exclusive_end(line.day), recurrence_id=line.planned, **override),  # type: ignore[arg-type]
            )

    def _visits_one_by_one(
        self, item: JourneyItem, title: str, extra: dict[str, object]
    ) -> Iterator[tuple[date, Event]]:
        # No rule form is expanded alike by every client here (see portable_rule): one event
        # per visit, keyed like the visit itself (`series#N`), so a moved visit keeps its UID.
        for line in self.journey.occurrences_of(item):
            summary = title if self.options.discreet else line.title
            common = {**self.common(line.key, summary, self._line_description(line)), **extra}
            event = Event.new(start=line.day, end=exclusive_end(line.day), **common)  # type: ignore[arg-type]
            if item.deadline:
                for alarm in _alarms(item, title):
                    event.add_component(alarm)
            yield line.day, event

    def _line_description(self, line: Occurrence) -> str:
        return _description(self.journey, line.item, self.options.discreet, line.confirmed, line.set_by_user)

    def cancelled(self, uid: str, day: date) -> Event:
        """An event the plan no longer has, under its old UID: clients that honour
        STATUS:CANCELLED remove it (or strike it through) instead of keeping a stale copy."""
        note = tr(DISCREET_NOTE) if self.options.discreet else f"{tr(CANCELLED_NOTE)}\n\n{self.journey.estimate_note}"
        event = Event.new(
            uid=uid,
            stamp=self.options.now.astimezone(UTC),
            sequence=self.sequence,
            summary=tr("Cancelled") if self.options.discreet else tr("Removed from the plan"),
            description=note,
            start=day,
            end=exclusive_end(day),
            transparency="TRANSPARENT",  # type: ignore[arg-type]
            status="CANCELLED",  # type: ignore[arg-type]
            organizer=self.organizer(),
        )
        return event


def event_zones(events: list[Event]) -> dict[str, list[datetime]]:
    """The zones that timed events name in a TZID, with the instants each VTIMEZONE must cover."""
    zones: dict[str, list[datetime]] = {}
    for event in events:
        for name in ("dtstart", "dtend"):
            moment = event.decoded(name, None)
            if isinstance(moment, datetime) and moment.tzinfo is not None and moment.tzinfo is not UTC:
                zones.setdefault(str(moment.tzinfo), []).append(moment)
    return zones


def add_timezones(calendar: Calendar, events: list[Event]) -> None:
    """A VTIMEZONE for every zone the events use, covering their own dates."""
    for zone, moments in sorted(event_zones(events).items()):
        calendar.add_component(vtimezone(zone, min(moments), max(moments)))


@dataclass(frozen=True)
class JourneyEvents:
    """Every event of one export, grouped by UID (a series and its moved visits share one), with
    the first day each is on: what both the calendar file and a calendar server are built from."""

    sequence: int
    by_uid: dict[str, list[Event]]
    first_days: dict[str, date]
    writer: _Writer


def journey_events(journey: Journey, options: ExportOptions, previous_sequence: int | None = None) -> JourneyEvents:
    """The journey's events with the SEQUENCE of this export (one more than `previous_sequence`
    at least; the file export's record by default)."""
    last = options.previous.sequence if previous_sequence is None else previous_sequence
    writer = _Writer(journey, options, sequence_number(options.now, last))
    by_uid: dict[str, list[Event]] = {}
    first_days: dict[str, date] = {}
    for item in (*journey.items, *options.checklist, *(journey.holiday_items() if options.holidays else ())):
        for day, event in writer.events(item):
            uid = str(event["uid"])
            by_uid.setdefault(uid, []).append(event)
            first_days.setdefault(uid, day)
    return JourneyEvents(writer.sequence, by_uid, first_days, writer)


def calendar_name(journey: Journey, options: ExportOptions) -> str:
    """The calendar's name: the user's, or one that says no more than a discreet export may."""
    city = journey.city.local_name(current_language())
    return options.calendar_name or (
        tr("Appointments") if options.discreet else tr("CAR-T journey — {city}").format(city=city)
    )


def export_calendar(journey: Journey, options: ExportOptions) -> CalendarExport:
    """The whole journey as one VCALENDAR, with a VTIMEZONE for every zone a flight uses, a
    cancelled event for each event of an earlier export that the plan no longer has, and the
    record of what was written."""
    discreet = options.discreet
    name = calendar_name(journey, options)
    calendar = Calendar.new(prodid=DISCREET_PRODID if discreet else PRODID, uid=options.plan_id)
    # METHOD:PUBLISH says "a copy to keep", which clients need before they honour SEQUENCE.
    calendar.add("method", "PUBLISH")
    # Passed as vText so that commas, semicolons and newlines in a name are escaped.
    calendar.add("name", vText(name))
    calendar.add("x-wr-calname", vText(name))
    calendar.add("calscale", "GREGORIAN")
    events = journey_events(journey, options)
    add_timezones(calendar, [event for group in events.by_uid.values() for event in group])
    for group in events.by_uid.values():
        for event in group:
            calendar.add_component(event)
    written = events.first_days
    # Only this kind of calendar's events: a discreet export goes to another calendar.
    suffix = "@" + uid_domain(discreet)
    remembered = dict(options.previous.events)
    for uid, day in sorted(remembered.items(), key=lambda pair: (pair[1], pair[0])):
        if uid not in written and uid.endswith(suffix):
            calendar.add_component(events.writer.cancelled(uid, day))
    remembered.update(written)
    record = ExportRecord(events.sequence, tuple(sorted(remembered.items())))
    return CalendarExport(calendar.to_ical(), record)


def export_ics(journey: Journey, options: ExportOptions) -> bytes:
    """The calendar file's bytes (see export_calendar)."""
    return export_calendar(journey, options).data
