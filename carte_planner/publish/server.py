"""A conversation with one CalDAV server through the `caldav` library, every failure in words."""

from __future__ import annotations

import contextlib
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from carte_planner.i18n import tr, tr_noop
from carte_planner.publish.errors import Failure, PublishError
from carte_planner.publish.guard import RequestGuard, shown_address

# A server that does not answer within this many seconds is reported as unreachable rather
# than leaving the family waiting.
TIMEOUT_SECONDS = 30

_ETAG_QUERY = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>'
)


_LOOK_QUERY = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:a="http://apple.com/ns/ical/">'
    "<d:prop><d:displayname/><c:calendar-description/><a:calendar-color/></d:prop></d:propfind>"
)
_NAME = "{DAV:}displayname"
_DESCRIPTION = "{urn:ietf:params:xml:ns:caldav}calendar-description"
_COLOUR = "{http://apple.com/ns/ical/}calendar-color"


@dataclass(frozen=True)
class RemoteCalendar:
    name: str
    url: str


def normalised_url(text: str) -> str:
    """The server address as typed, with https:// added when no scheme is given."""
    text = text.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.password is not None:
        # Never stored in the plan file nor repeated in a message: the address is not shown.
        raise PublishError(
            Failure.ADDRESS,
            tr(
                "The server address holds a password (the part before @). Carte Planner never keeps a password "
                "in the plan file: remove it from the address and type it in the Password field (on the command "
                "line, at the prompt or in {variable})."
            ).format(variable="CARTE_PLANNER_CALDAV_PASSWORD"),
        )
    try:
        valid = parts.scheme in ("https", "http") and bool(parts.hostname) and (parts.port or 1) > 0
    except ValueError:
        valid = False
    if not valid:
        raise PublishError(
            Failure.ADDRESS,
            tr("'{address}' is not a calendar server address; it looks like {example}").format(
                address=text, example="https://cloud.example.org/remote.php/dav/"
            ),
        )
    return text


def is_encrypted(url: str) -> bool:
    return urlsplit(url).scheme == "https"


# The sign-in schemes sent with the first request once a server is known to ask for them.
AUTH_SCHEMES = ("basic", "digest")


def may_send_credentials_at_once(url: str) -> bool:
    """Only over an encrypted connection or to this computer: elsewhere a plain-HTTP server
    first says that it wants them, so nothing is sent to a server that would not ask."""
    import ipaddress

    if is_encrypted(url):
        return True
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def server_certificate(url: str) -> str:
    """The certificate the server shows (PEM), unverified: only to show it to the user and to
    remember it once they chose to trust it."""
    parts = urlsplit(url)
    port = parts.port or 443
    try:
        return ssl.get_server_certificate((parts.hostname or "", port), timeout=TIMEOUT_SECONDS)
    except OSError:
        return ""


def certificate_fingerprint(pem: str) -> str:
    """SHA-256 fingerprint as the browsers show it (AB:CD:…), for the user to compare."""
    import hashlib

    digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def _host(url: str) -> str:
    """The server as named in messages: its host and port, never a user name or password."""
    address = shown_address(url)
    return address.split("://", 1)[-1]


class ServerSession:
    """One signed-in connection. `trusted_certificate` (PEM) is used instead of the system's
    certificate authorities when the user chose to trust a self-signed server."""

    def __init__(
        self,
        url: str,
        user: str,
        password: str,
        trusted_certificate: str = "",
        cancel: threading.Event | None = None,
        auth_scheme: str = "",
    ) -> None:
        """`auth_scheme` is how the server asked for the password last time ("basic" or
        "digest"): the password then goes with the first request instead of after a refusal
        (one round trip, and Radicale's delay after a refusal, fewer)."""
        from caldav.lib import error as dav

        self.url = url
        self.user = user
        self.trusted_certificate = trusted_certificate
        at_once = auth_scheme if auth_scheme in AUTH_SCHEMES and may_send_credentials_at_once(url) else ""
        with self._translated():
            try:
                self._connect(password, cancel, at_once)
            except dav.AuthorizationError:
                if not at_once:
                    raise
                # The server may ask another way now: let it say how.
                self.close()
                self._connect(password, cancel, "")

    def _connect(self, password: str, cancel: threading.Event | None, auth_scheme: str) -> None:
        from caldav.davclient import DAVClient

        self._client = DAVClient(
            url=self.url,
            username=self.user,
            password=password,
            timeout=TIMEOUT_SECONDS,
            ssl_verify_cert=self.trusted_certificate or True,
            # The user gives the address: no DNS discovery, nothing contacted but that server.
            enable_rfc6764=False,
            auth_type=auth_scheme or None,
        )
        self._guard = RequestGuard(self._client.session, self.url, cancel)
        self._principal = self._client.principal()

    @property
    def auth_scheme(self) -> str:
        """How the server asked for the password ("" when it did not): remembered with the
        server, never the password itself."""
        kind = type(self._client.auth).__name__ if self._client.auth is not None else ""
        return {"HTTPBasicAuth": "basic", "HTTPDigestAuth": "digest"}.get(kind, "")

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> ServerSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- calendars ------------------------------------------------------------------------

    def calendars(self) -> list[RemoteCalendar]:
        with self._translated():
            found = self._principal.calendars()
            return [RemoteCalendar(str(c.get_display_name() or _last_segment(str(c.url))), str(c.url)) for c in found]

    def create_calendar(self, name: str) -> RemoteCalendar:
        with self._translated():
            made = self._principal.make_calendar(name=name)
            return RemoteCalendar(name, str(made.url))

    def look(self, calendar_url: str) -> tuple[str, str, str]:
        """The calendar's display name, description and colour as the server has them ("" for
        one it does not have)."""
        with self._translated():
            response = self._client.propfind(calendar_url, _LOOK_QUERY, depth=0)
        self._check(response.status, tr_noop("read the calendar"))
        own_path = urlsplit(calendar_url).path.rstrip("/")
        for result in response.results or []:
            if urlsplit(result.href).path.rstrip("/") == own_path:
                found = getattr(result, "properties", {}) or {}
                name, description, colour = (str(found.get(key) or "") for key in (_NAME, _DESCRIPTION, _COLOUR))
                return name, description, colour
        return "", "", ""

    def set_look(self, calendar_url: str, name: str, description: str, colour: str) -> None:
        """Give the calendar this display name, description (none when empty) and colour."""
        from xml.sax.saxutils import escape

        kept = f"<d:displayname>{escape(name)}</d:displayname><a:calendar-color>{escape(colour)}</a:calendar-color>"
        if description:
            kept += f"<c:calendar-description>{escape(description)}</c:calendar-description>"
        dropped = "" if description else "<d:remove><d:prop><c:calendar-description/></d:prop></d:remove>"
        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<d:propertyupdate xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" '
            'xmlns:a="http://apple.com/ns/ical/">'
            f"<d:set><d:prop>{kept}</d:prop></d:set>{dropped}</d:propertyupdate>"
        )
        with self._translated():
            response = self._client.proppatch(calendar_url, body)
        self._check(response.status, tr_noop("rename the calendar"))

    def etags(self, calendar_url: str) -> dict[str, str]:
        """Each resource's file name in the calendar with its ETag. Raises CALENDAR_GONE when the
        calendar itself is not there any more."""
        with self._translated():
            response = self._client.propfind(calendar_url, _ETAG_QUERY, depth=1)
        if response.status == 404:
            raise PublishError(Failure.CALENDAR_GONE, tr("the calendar is not on the server any more"))
        self._check(response.status, tr_noop("read the calendar"))
        own_path = urlsplit(calendar_url).path.rstrip("/")
        found = {}
        for result in response.results or []:
            path = urlsplit(result.href).path
            if path.rstrip("/") == own_path:
                # Xandikos answers a deleted calendar with a 207 whose one response is a 404.
                if getattr(result, "status", None) in (404, 410):
                    raise PublishError(Failure.CALENDAR_GONE, tr("the calendar is not on the server any more"))
                continue
            etag = getattr(result, "properties", {}).get("{DAV:}getetag")
            found[_last_segment(path)] = str(etag or "")
        return found

    # -- resources ------------------------------------------------------------------------

    def put(self, url: str, data: bytes, etag: str | None) -> tuple[bool, str]:
        """Write a resource: only if it is new (`etag` None) or unchanged on the server since
        `etag`. Returns (written, new ETag or ""); not written means the condition failed."""
        headers = {"Content-Type": "text/calendar; charset=utf-8"}
        if etag is None:
            headers["If-None-Match"] = "*"
        elif etag:
            headers["If-Match"] = etag
        with self._translated():
            response = self._client.put(url, data.decode("utf-8"), headers)
        if response.status == 412:
            return False, ""
        self._check(response.status, tr_noop("write an event"))
        return True, str(response.headers.get("ETag") or "")

    def get(self, url: str) -> tuple[bytes, str] | None:
        """The resource's bytes and ETag, or None when it is not there."""
        with self._translated():
            response = self._client.request(url, "GET")
        if response.status == 404:
            return None
        self._check(response.status, tr_noop("read an event"))
        raw = response._raw
        data = raw if isinstance(raw, bytes) else str(raw or "").encode("utf-8")
        return data, str(response.headers.get("ETag") or "")

    def delete(self, url: str, etag: str) -> bool:
        """Delete a resource if it is unchanged since `etag`; False if someone changed it."""
        headers = {"If-Match": etag} if etag else {}
        with self._translated():
            response = self._client.delete(url, headers)
        if response.status == 412:
            return False
        if response.status == 404:
            return True
        self._check(response.status, tr_noop("remove an event"))
        return True

    # -- failures -------------------------------------------------------------------------

    def _check(self, status: int, action: str) -> None:
        if 200 <= status < 300:
            return
        if status in (401, 403):
            raise PublishError(
                Failure.PASSWORD,
                tr("The server {host} refused access for '{user}' when trying to {action}.").format(
                    host=_host(self.url), user=self.user, action=tr(action)
                ),
            )
        raise PublishError(
            Failure.SERVER,
            tr(
                "The server {host} answered with an error ({status}) when trying to {action}. "
                "Try again later; publishing again finishes the job without duplicates."
            ).format(host=_host(self.url), status=status, action=tr(action)),
        )

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        """caldav's and the HTTP library's exceptions as PublishError, in the user's words."""
        from caldav.lib import error as dav

        try:
            yield
        except PublishError:
            raise
        except dav.AuthorizationError:
            raise PublishError(
                Failure.PASSWORD,
                tr(
                    "The server {host} did not accept the user name '{user}' with this password. "
                    "Check both; iCloud, Fastmail and many Nextcloud servers need an app password, "
                    "not your usual one."
                ).format(host=_host(self.url), user=self.user),
            ) from None
        except dav.NotFoundError:
            raise PublishError(
                Failure.ADDRESS,
                tr(
                    "There is no calendar service at {address}. Check the address (for Nextcloud it ends in {ending})."
                ).format(address=self.url, ending="/remote.php/dav/"),
            ) from None
        except dav.DAVError as error:
            raise PublishError(
                Failure.SERVER,
                tr(
                    "The server {host} gave an answer Carte Planner did not expect ({reason}). "
                    "Check the address, or try again later."
                ).format(host=_host(self.url), reason=_short(error)),
            ) from None
        except Exception as error:
            failure = _network_failure(error, self.url) or _malformed_answer(error, self.url)
            if failure is None:
                raise
            raise failure from None


def _network_failure(error: Exception, url: str) -> PublishError | None:
    """The connection's failure in the user's words; None for an error that is not about the
    network (a fault in the program, which must not pass for a network problem)."""
    import niquests

    host = _host(url)
    if isinstance(error, niquests.exceptions.SSLError):
        text = str(error)
        if "self-signed" in text or "self signed" in text or "unable to get local issuer" in text:
            return PublishError(
                Failure.CERTIFICATE,
                tr(
                    "The server {host} uses a certificate that no authority vouches for (self-signed). "
                    "Only trust it if it is your own server, or its owner told you its fingerprint."
                ).format(host=host),
                certificate=server_certificate(url),
            )
        if "mismatch" in text.lower() or "hostname" in text.lower():
            return PublishError(
                Failure.CERTIFICATE,
                tr(
                    "The server's certificate is not for {host}: the address may be wrong, or someone may be "
                    "in the way. Nothing was sent."
                ).format(host=host),
            )
        return PublishError(
            Failure.CERTIFICATE,
            tr("A secure connection to {host} could not be made ({reason}). Nothing was sent.").format(
                host=host, reason=_short(error)
            ),
        )
    if isinstance(error, niquests.exceptions.Timeout):
        return PublishError(
            Failure.UNREACHABLE,
            tr("The server {host} did not answer in time. Try again later.").format(host=host),
            unanswered=isinstance(error, niquests.exceptions.ReadTimeout),
        )
    if isinstance(error, (niquests.exceptions.ConnectionError, OSError)):
        return PublishError(
            Failure.UNREACHABLE,
            tr(
                "Could not reach the server {host}. Check the address and your internet connection, then try again."
            ).format(host=host),
        )
    if isinstance(error, niquests.exceptions.RequestException):
        return PublishError(
            Failure.SERVER, tr("Publishing to {host} failed: {reason}.").format(host=host, reason=_short(error))
        )
    return None


def _malformed_answer(error: Exception, url: str) -> PublishError | None:
    """An answer that is not the XML it should be (cut off, or a web page): one line, no traceback."""
    from lxml import etree

    if not isinstance(error, etree.LxmlError):
        return None
    return PublishError(
        Failure.SERVER,
        tr(
            "The server {host} sent an answer that is cut off or is not a calendar server's answer. "
            "Check the address, or try again later."
        ).format(host=_host(url)),
    )


def _short(error: Any) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:160]


def _last_segment(path: str) -> str:
    return unquote(urlsplit(path).path.rstrip("/").rsplit("/", 1)[-1])
