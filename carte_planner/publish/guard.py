"""Every request to the calendar server: to that server only, within a time limit, and stoppable.

The HTTP library follows a redirect to any host, and its time limit is per read: a server that
sends a byte every ten seconds holds a publish for ever. So each request is checked before a
redirect is followed, and waited for with a clock: a whole request, and the whole publish, have
a limit, and the user can stop it (quitting the window) at any moment.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin, urlsplit

from carte_planner.i18n import tr
from carte_planner.publish.errors import Failure, PublishError

# Whole-request and whole-publish limits, in seconds: a slow server is reported, never waited for
# without end. A publish is about fifty small requests; a working server answers each in well
# under a second.
REQUEST_LIMIT_SECONDS = 60.0
PUBLISH_LIMIT_SECONDS = 600.0
# How often a waiting request looks at the clock and at the user's "stop".
_TICK_SECONDS = 0.1

_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> tuple[str, str, int]:
    """Scheme, host and port: what a redirect must keep."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(scheme, 0)


def shown_address(url: str) -> str:
    """An address to show or print: scheme, host and port, never a user name or password in it."""
    scheme, host, port = origin(url)
    default = _DEFAULT_PORTS.get(scheme)
    host = f"[{host}]" if ":" in host else host
    return f"{scheme}://{host}" + ("" if port == default else f":{port}")


class RequestGuard:
    """Installed on one HTTP session (niquests) for one conversation with the server at `url`."""

    def __init__(self, session: Any, url: str, cancel: threading.Event | None = None) -> None:
        self.session = session
        self.url = url
        self.cancel = cancel or threading.Event()
        self.deadline = time.monotonic() + PUBLISH_LIMIT_SECONDS
        self._request: Callable[..., Any] = session.request
        self._redirect_target: Callable[[Any], str | None] = session.get_redirect_target
        session.request = self.request
        session.get_redirect_target = self.redirect_target

    def redirect_target(self, response: Any) -> str | None:
        target = self._redirect_target(response)
        if target and origin(urljoin(str(response.url), target)) != origin(self.url):
            # Raised before the next request is made: nothing is sent to the other address.
            raise PublishError(
                Failure.REDIRECT,
                tr(
                    "The server {host} sent Carte Planner on to another address ({target}). Nothing was sent "
                    "there: Carte Planner only talks to the server you entered. If your calendar has moved, "
                    "enter its new address."
                ).format(host=shown_address(self.url), target=shown_address(urljoin(str(response.url), target))),
            )
        return target

    def request(self, *args: Any, **kwargs: Any) -> Any:
        """The session's request, run beside this thread so that the clock and the user's "stop"
        are looked at while it waits."""
        outcome: dict[str, Any] = {}
        done = threading.Event()

        def run() -> None:
            try:
                outcome["response"] = self._request(*args, **kwargs)
            except BaseException as error:  # handed back to the waiting thread
                outcome["error"] = error
            finally:
                done.set()

        # A daemon thread: one left behind by a stopped publish never keeps the program running.
        threading.Thread(target=run, name="calendar-server-request", daemon=True).start()
        limit = min(time.monotonic() + REQUEST_LIMIT_SECONDS, self.deadline)
        while not done.wait(_TICK_SECONDS):
            if self.cancel.is_set():
                self._abandon()
                raise PublishError(Failure.CANCELLED, tr("Publishing was stopped before it finished."), unanswered=True)
            if time.monotonic() > limit:
                self._abandon()
                raise PublishError(
                    Failure.UNREACHABLE,
                    tr(
                        "The server {host} is too slow: it did not finish answering in time. Try again later; "
                        "publishing again finishes the job without duplicates."
                    ).format(host=shown_address(self.url)),
                    unanswered=True,
                )
        if "error" in outcome:
            raise outcome["error"]
        return outcome["response"]

    def _abandon(self) -> None:
        """Close the connections, so that the request left behind ends soon."""
        # Closing only ends it sooner: the publish stops whether or not it works.
        with contextlib.suppress(Exception):
            self.session.close()
