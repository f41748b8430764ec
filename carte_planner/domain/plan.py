"""A saved plan: the request with the identity that keeps its calendar events apart."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from carte_planner.domain.budget import Money
from carte_planner.domain.checklist_state import ChecklistState
from carte_planner.domain.documents import Papers
from carte_planner.domain.request import TripRequest


@dataclass(frozen=True)
class ExportRecord:
    """What the plan's calendar exports have written so far, so that the next one can update
    them: the last SEQUENCE (the next one must be higher, even a second later) and every event
    UID with the first day it was on. A UID the next export no longer has goes out cancelled,
    which removes the stale event in clients that honour it."""

    sequence: int = 0
    events: tuple[tuple[str, date], ...] = ()


@dataclass(frozen=True)
class PublishedEvent:
    """One event resource on the calendar server: where it is, the server's ETag when it was
    last written (a different one means someone edited it there), and a fingerprint of what the
    plan wrote (the same one means there is nothing to update)."""

    uid: str
    href: str
    etag: str
    fingerprint: str
    day: date
    # The family chose to keep the server's edit of this event: until that copy changes again,
    # a change the plan makes to the event is asked about, not written over it.
    kept_theirs: bool = False


@dataclass(frozen=True)
class CalendarServer:
    """Where the plan is published and what is there. Never the password: it stays in the
    system keyring. `trusted_certificate` is the PEM of a self-signed certificate the user
    chose to trust for this server."""

    url: str
    user: str
    calendar_url: str = ""
    calendar_name: str = ""
    discreet: bool = False
    trusted_certificate: str = ""
    # How the server asks for the password ("basic", "digest"; "" if it never did).
    auth_scheme: str = ""
    sequence: int = 0
    published_at: datetime | None = None
    events: tuple[PublishedEvent, ...] = ()


@dataclass(frozen=True)
class Plan:
    """What a plan file holds. `plan_id` is random, made once when the plan is created, and
    goes into every exported event's UID. `checklist` holds the ticks, notes and the user's
    own items; `exported` what the last calendar exports wrote; `server` where the plan is
    published, if it is; `papers` the family's documents and `money` its budget, which never
    leave the plan and its files folder. `calendar_language` is the language its calendar
    events are written in, to files and servers alike, kept from the first export or publish
    until the family picks another ("" before then). `relatives` is where the calendar for
    relatives is published, if the family has one."""

    request: TripRequest
    plan_id: str
    checklist: ChecklistState = field(default_factory=ChecklistState)
    exported: ExportRecord = field(default_factory=ExportRecord)
    server: CalendarServer | None = None
    papers: Papers = field(default_factory=Papers)
    money: Money = field(default_factory=Money)
    calendar_language: str = ""
    # The relatives' calendar (discreet), published with the family's in the same run.
    relatives: CalendarServer | None = None
