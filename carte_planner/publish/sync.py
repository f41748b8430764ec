"""Publishing a plan: one resource per event, created, updated in place, or removed.

Every write is conditional: a new resource only if none is there (If-None-Match), an update or
a removal only if the server's copy is the one the plan last wrote (If-Match with its ETag). A
copy someone changed on the server (on a phone, say) is never overwritten without asking. The
resource names come from the UIDs alone, so publishing again after an interruption finds what
the first attempt wrote instead of duplicating it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum

from carte_planner.domain.checklist import Checklist, checklist_items
from carte_planner.domain.journey import Journey
from carte_planner.domain.plan import CalendarServer, Plan, PublishedEvent
from carte_planner.export.calendar_language import calendar_language
from carte_planner.export.calendar_look import calendar_look, given_names
from carte_planner.export.calendar_objects import CalendarObject, calendar_objects, content_fingerprint, resource_name
from carte_planner.export.ics import ExportOptions, calendar_name
from carte_planner.i18n import ntr, tr, use_language
from carte_planner.publish.errors import Failure, PublishError
from carte_planner.publish.server import RemoteCalendar, ServerSession, normalised_url


class OnConflict(Enum):
    """What to do with an event someone changed on the server since the plan last wrote it."""

    ASK = "ask"  # leave it alone and report it, so the user can choose
    KEEP_THEIRS = "keep-theirs"
    REPLACE = "replace"


@dataclass(frozen=True)
class Conflict:
    """An event changed on the server. `removed`: the plan no longer has it."""

    uid: str
    title: str
    removed: bool = False


@dataclass(frozen=True)
class PublishTarget:
    """Where to publish. Without `calendar` (a calendar's name), the plan's own calendar on
    this server is used, or one named after the journey, made if needed."""

    url: str
    user: str
    calendar: str | None = None
    create_calendar: bool = False
    discreet: bool = False
    trusted_certificate: str = ""
    # The language the family picks for the calendar; "" keeps the plan's (calendar_language).
    language: str = ""
    # The relatives' calendar (the plan's `relatives` record) rather than the family's.
    relatives: bool = False
    # Moving to another calendar: remove the plan's events from the old one (True), leave them
    # (False), or ask first (None: nothing is published until the family says).
    remove_old_events: bool | None = None


@dataclass(frozen=True)
class PublishOutcome:
    """What a publish did, and the record the plan keeps for the next one."""

    server: CalendarServer
    # The calendar's language, for the plan to keep.
    language: str = ""
    created: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    restored: int = 0
    conflicts: tuple[Conflict, ...] = ()
    # Events removed from the calendar the plan moved away from.
    removed_from_old: int = 0

    def summary(self) -> str:
        """One line for the window's result and the command line."""
        line = tr(
            "Published to “{calendar}”: {created} created, {updated} updated, {removed} removed, {unchanged} unchanged."
        ).format(
            calendar=self.server.calendar_name,
            created=self.created,
            updated=self.updated,
            removed=self.removed,
            unchanged=self.unchanged,
        )
        if self.restored:
            line += " " + ntr(
                "{n} event deleted on the server was put back.",
                "{n} events deleted on the server were put back.",
                self.restored,
            )
        if self.removed_from_old:
            line += " " + ntr(
                "{n} event was removed from the calendar published to before.",
                "{n} events were removed from the calendar published to before.",
                self.removed_from_old,
            )
        if self.conflicts:
            line += " " + ntr(
                "{n} event changed on the server was left as it is there.",
                "{n} events changed on the server were left as they are there.",
                len(self.conflicts),
            )
        return line


Progress = Callable[[int, int], None]


def publish_plan(
    plan: Plan,
    journey: Journey,
    target: PublishTarget,
    password: str,
    now: datetime,
    *,
    checklist: Checklist | None = None,
    holidays: bool = False,
    on_conflict: OnConflict = OnConflict.ASK,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> PublishOutcome:
    """Publish the journey to the server and return what happened. Raises PublishError, whose
    `server` then holds what was done before the failure (keep it in the plan: publishing
    again finishes the job). Setting `cancel` stops it within a fraction of a second.

    What is published is decided here, for the window and the command line alike: every item
    of the journey, every dated entry of the plan's `checklist` as an all-day event, and the
    public holidays around the trip when `holidays` is set. A publish from either side thus
    updates and removes exactly what the other one wrote."""
    url = normalised_url(target.url)
    if not plan.plan_id:
        raise ValueError("a plan to publish needs its plan id")
    entries = tuple(checklist_items(checklist)) if checklist is not None else ()
    options = ExportOptions(
        plan_id=plan.plan_id, now=now, discreet=target.discreet, checklist=entries, holidays=holidays
    )
    language = calendar_language(plan, target.language)
    record = plan.relatives if target.relatives else plan.server
    previous = record if record and (record.url, record.user) == (url, target.user) else None
    scheme = previous.auth_scheme if previous else ""
    with ServerSession(url, target.user, password, target.trusted_certificate, cancel, scheme) as session:
        with use_language(language):
            journey_name = calendar_name(journey, options)
        calendar = _choose_calendar(session, target, previous, journey_name)
        other = plan.server if target.relatives else plan.relatives
        if other is not None and other.calendar_url == calendar.url:
            # Both would write the same events (and remove each other's) in one calendar.
            raise PublishError(
                Failure.SAME_CALENDAR,
                tr(
                    "The family's calendar and the relatives' calendar of this plan cannot both be “{calendar}”: "
                    "pick another calendar for the relatives."
                ).format(calendar=calendar.name),
            )
        try:
            listing = session.etags(calendar.url)
        except PublishError as error:
            if error.failure is Failure.CALENDAR_GONE:
                raise PublishError(
                    Failure.CALENDAR_GONE,
                    tr(
                        "The calendar “{calendar}” is no longer on the server (someone may have deleted it). "
                        "Nothing was changed; publish again to a calendar you pick or create."
                    ).format(calendar=calendar.name),
                ) from None
            raise
        calendar = _dress(session, calendar, journey, options, language)
        same_calendar = previous is not None and previous.calendar_url == calendar.url
        left_behind = _left_behind(session, previous) if previous is not None and not same_calendar else {}
        if left_behind and target.remove_old_events is None:
            assert previous is not None
            raise PublishError(
                Failure.OLD_EVENTS,
                ntr(
                    "{n} event of this plan is in the calendar “{calendar}” it was published to before: "
                    "say whether to remove it from there.",
                    "{n} events of this plan are in the calendar “{calendar}” it was published to before: "
                    "say whether to remove them from there.",
                    len(left_behind),
                ).format(calendar=previous.calendar_name),
            )
        start = CalendarServer(
            url=url,
            user=target.user,
            calendar_url=calendar.url,
            calendar_name=calendar.name,
            discreet=target.discreet,
            trusted_certificate=target.trusted_certificate,
            auth_scheme=session.auth_scheme,
            sequence=previous.sequence if previous else 0,
            published_at=previous.published_at if same_calendar and previous else None,
            events=previous.events if same_calendar and previous else (),
        )
        last_sequence = max(start.sequence, plan.exported.sequence)
        with use_language(language):
            sequence, objects = calendar_objects(journey, options, last_sequence)
        run = _Run(session, calendar.url, listing, {event.uid: event for event in start.events}, on_conflict, progress)
        try:
            run.publish(objects)
        except PublishError as error:
            # The events written so far carry this SEQUENCE: the next publish must go above it.
            error.server = replace(start, sequence=sequence, events=run.records())
            raise
        removed_from_old = 0
        if left_behind and target.remove_old_events:
            for url, etag in left_behind.items():
                # An event someone edited there since (its ETag moved on) stays.
                removed_from_old += session.delete(url, etag)
        return PublishOutcome(
            removed_from_old=removed_from_old,
            server=replace(start, sequence=sequence, published_at=now, events=run.records()),
            language=language,
            created=run.created,
            updated=run.updated,
            removed=run.removed,
            unchanged=run.unchanged,
            restored=run.restored,
            conflicts=tuple(run.conflicts),
        )


def list_calendars(
    url: str,
    user: str,
    password: str,
    trusted_certificate: str = "",
    cancel: threading.Event | None = None,
    auth_scheme: str = "",
) -> list[RemoteCalendar]:
    """The calendars the user has on the server, for the window to offer."""
    with ServerSession(normalised_url(url), user, password, trusted_certificate, cancel, auth_scheme) as session:
        return session.calendars()


def _left_behind(session: ServerSession, previous: CalendarServer) -> dict[str, str]:
    """The plan's events still in the calendar it was published to before (address: ETag the
    plan wrote); none when that calendar is not there any more."""
    if not previous.calendar_url or not previous.events:
        return {}
    try:
        listing = session.etags(previous.calendar_url)
    except PublishError as error:
        if error.failure is Failure.CALENDAR_GONE:
            return {}
        raise
    base = previous.calendar_url.rstrip("/") + "/"
    return {base + event.href: event.etag for event in previous.events if event.href in listing}


def _dress(
    session: ServerSession, calendar: RemoteCalendar, journey: Journey, options: ExportOptions, language: str
) -> RemoteCalendar:
    """Give the plan's own calendar (one named as Carte Planner names it) the look its events
    have: switching to discreet renames it, and its description and colour say nothing either.
    A calendar the family named itself is left as it is."""
    name, description, colour = session.look(calendar.url)
    if (name or calendar.name).strip().casefold() not in given_names(journey, options):
        return calendar
    with use_language(language):
        look = calendar_look(journey, options)
    # A server that keeps no description (Xandikos 0.2) is not asked again on every publish; a
    # description that is there and says something else is always rewritten.
    stale_description = description != look.description and bool(description or not look.description)
    if name != look.name or colour[:7].upper() != look.colour.upper() or stale_description:
        session.set_look(calendar.url, look.name, look.description, look.colour)
    return RemoteCalendar(look.name, calendar.url)


def _choose_calendar(
    session: ServerSession, target: PublishTarget, previous: CalendarServer | None, journey_name: str
) -> RemoteCalendar:
    if target.calendar is None and previous is not None and previous.calendar_url:
        return RemoteCalendar(previous.calendar_name, previous.calendar_url)
    wanted = (target.calendar or journey_name).strip()
    calendars = session.calendars()
    for calendar in calendars:
        if calendar.name.strip().casefold() == wanted.casefold():
            return calendar
    if target.calendar is None or target.create_calendar:
        return session.create_calendar(wanted)
    names = ", ".join(f"“{c.name}”" for c in calendars) or tr("none")
    raise PublishError(
        Failure.UNKNOWN_CALENDAR,
        tr(
            "There is no calendar named “{calendar}” for '{user}' on this server (its calendars: {names}). "
            "Pick one of them, or create a new one."
        ).format(calendar=wanted, user=target.user, names=names),
    )


class _Run:
    """One pass over the plan's events; counts what it did and keeps the records up to date, so
    that an interruption loses nothing."""

    def __init__(
        self,
        session: ServerSession,
        calendar_url: str,
        listing: dict[str, str],
        records: dict[str, PublishedEvent],
        on_conflict: OnConflict,
        progress: Progress | None,
    ) -> None:
        self.session = session
        self.base = calendar_url.rstrip("/") + "/"
        self.listing = listing
        self._records = dict(records)
        self.on_conflict = on_conflict
        self.progress = progress
        self.created = self.updated = self.removed = self.unchanged = self.restored = 0
        self.conflicts: list[Conflict] = []

    def records(self) -> tuple[PublishedEvent, ...]:
        return tuple(sorted(self._records.values(), key=lambda event: event.uid))

    def publish(self, objects: list[CalendarObject]) -> None:
        wanted = {item.uid for item in objects}
        gone = [record for uid, record in sorted(self._records.items()) if uid not in wanted]
        total = len(objects) + len(gone)
        for done, item in enumerate(objects, 1):
            self._publish_one(item)
            if self.progress:
                self.progress(done, total)
        for done, record in enumerate(gone, len(objects) + 1):
            self._remove_one(record)
            if self.progress:
                self.progress(done, total)
        if any(not record.etag for record in self._records.values()):
            # The server did not return an ETag on write: read them once, for the next publish.
            fresh = self.session.etags(self.base)
            for uid, record in list(self._records.items()):
                if not record.etag and fresh.get(record.href):
                    self._records[uid] = replace(record, etag=fresh[record.href])

    def _keep(self, item: CalendarObject, name: str, etag: str, *, theirs: bool = False) -> None:
        self._records[item.uid] = PublishedEvent(item.uid, name, etag, item.fingerprint, item.day, theirs)

    def _write(self, item: CalendarObject, name: str, etag: str | None) -> bool:
        try:
            written, new_etag = self.session.put(self.base + name, item.data, etag)
        except PublishError as error:
            if error.unanswered and item.uid not in self._records:
                # The new event may be on the server now: recorded without an ETag, the next
                # publish looks it up, and removes it if the plan no longer has it.
                self._keep(item, name, "")
            raise
        if written:
            self._keep(item, name, new_etag)
        return written

    def _publish_one(self, item: CalendarObject) -> None:
        name = resource_name(item.uid)
        record = self._records.get(item.uid)
        on_server = self.listing.get(name)
        if on_server is None:
            if self._write(item, name, None):
                if record is not None and record.etag:
                    self.restored += 1
                else:
                    self.created += 1
                return
            on_server = ""  # made meanwhile: compare it like any other copy
        elif record is not None and record.etag and record.etag == on_server:
            replace_theirs = record.kept_theirs and self.on_conflict is OnConflict.REPLACE
            if record.fingerprint == item.fingerprint and not replace_theirs:
                self.unchanged += 1
            elif record.kept_theirs and self.on_conflict is not OnConflict.REPLACE:
                # Their edit, kept on purpose; the plan has changed the event since.
                if self.on_conflict is OnConflict.KEEP_THEIRS:
                    self.unchanged += 1
                    self._keep(item, name, on_server, theirs=True)
                else:
                    self.conflicts.append(Conflict(item.uid, item.title))
            elif self._write(item, name, on_server):
                self.updated += 1
            else:
                self._compare(item, name, record)
            return
        self._compare(item, name, record)

    def _compare(self, item: CalendarObject, name: str, record: PublishedEvent | None) -> None:
        """The server's copy is not the one the plan last wrote: read it to see who changed it."""
        fetched = self.session.get(self.base + name)
        if fetched is None:
            if self._write(item, name, None):
                self.created += 1
            return
        data, etag = fetched
        etag = etag or self.listing.get(name, "")
        try:
            theirs = content_fingerprint(data)
        except ValueError:
            theirs = ""
        if theirs == item.fingerprint:
            self.unchanged += 1
            self._keep(item, name, etag)
        elif record is None or theirs == record.fingerprint or self.on_conflict is OnConflict.REPLACE:
            # Ours (from an interrupted publish, or a server that rewrote it without changes), or
            # theirs that the user chose to replace. A write refused again means it changed meanwhile.
            if self._write(item, name, etag or None):
                self.updated += 1
            else:
                self.conflicts.append(Conflict(item.uid, item.title))
        elif self.on_conflict is OnConflict.KEEP_THEIRS:
            self.unchanged += 1
            self._keep(item, name, etag, theirs=True)
        else:
            self.conflicts.append(Conflict(item.uid, item.title))

    def _remove_one(self, record: PublishedEvent) -> None:
        on_server = self.listing.get(record.href)
        if on_server is None:
            del self._records[record.uid]
            return
        edited = bool(record.etag) and on_server != record.etag
        if edited and self.on_conflict is OnConflict.ASK:
            self.conflicts.append(Conflict(record.uid, _server_title(self.session, self.base + record.href), True))
            return
        if edited and self.on_conflict is OnConflict.KEEP_THEIRS:
            del self._records[record.uid]
            return
        if self.session.delete(self.base + record.href, on_server):
            self.removed += 1
            del self._records[record.uid]
        else:
            self.conflicts.append(Conflict(record.uid, _server_title(self.session, self.base + record.href), True))


def _server_title(session: ServerSession, url: str) -> str:
    from icalendar import Calendar

    fetched = session.get(url)
    if fetched is None:
        return ""
    try:
        events = Calendar.from_ical(fetched[0]).walk("VEVENT")
    except ValueError:
        return ""
    return str(events[0].get("summary", "")) if events else ""
