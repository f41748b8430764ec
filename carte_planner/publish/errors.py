"""Why publishing stopped, in words a user understands, with what was done before it stopped."""

from __future__ import annotations

from enum import Enum

from carte_planner.domain.plan import CalendarServer


class Failure(Enum):
    """What went wrong, so that the window and the command line can offer the right next step."""

    ADDRESS = "address"
    PASSWORD = "password"
    NO_PASSWORD = "no-password"
    UNREACHABLE = "unreachable"
    CERTIFICATE = "certificate"
    UNKNOWN_CALENDAR = "unknown-calendar"
    CALENDAR_GONE = "calendar-gone"
    SAME_CALENDAR = "same-calendar"
    # Publishing to another calendar than last time: the old one's events go or stay?
    OLD_EVENTS = "old-events"
    SERVER = "server"
    REDIRECT = "redirect"
    CANCELLED = "cancelled"


class PublishError(Exception):
    """Publishing stopped. `certificate` is the PEM of an untrusted server certificate (for
    Failure.CERTIFICATE) that the user may choose to trust; `server` is the plan's record of
    what is on the server so far, to be kept so that publishing again finishes the job.
    `unanswered` says that the last request went out and was left without its answer: what it
    asked the server to do may have been done."""

    def __init__(
        self,
        failure: Failure,
        message: str,
        *,
        certificate: str = "",
        server: CalendarServer | None = None,
        unanswered: bool = False,
    ) -> None:
        super().__init__(message)
        self.failure = failure
        self.message = message
        self.certificate = certificate
        self.server = server
        self.unanswered = unanswered
