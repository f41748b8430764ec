"""Publishing to a server that misbehaves (a real Radicale behind a proxy the test controls): it
talks only to the server the user named, ends within its time limits, stops when asked, never
keeps or prints a password from the address, and turns a broken answer into one clear line."""

import gc
import json
import threading
import time
from dataclasses import replace
from datetime import date

import pytest
from keyring.backend import KeyringBackend

import carte_planner.publish.credentials as credentials
import carte_planner.publish.guard as guard
from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.plan import CalendarServer, Plan
from carte_planner.export.calendar_objects import calendar_objects, resource_name
from carte_planner.export.ics import ExportOptions
from carte_planner.publish.errors import Failure, PublishError
from carte_planner.publish.sync import PublishTarget, list_calendars, publish_plan
from carte_planner.storage.planfile import load_plan, save_plan
from tests.caldav_server import PASSWORD, USER, self_signed_certificate
from tests.journeys import REFERENCE, TODAY, planned
from tests.server_proxy import Decoy, MisbehavingProxy
from tests.test_publish import NOW, publish

# A request left behind by a stopped publish ends when the proxy stops; its connection is then
# dropped without a close, which Python reports as a ResourceWarning.
pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

REQUEST = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin", followup_years=1)


@pytest.fixture(autouse=True)
def requests_left_behind_end():
    yield
    for thread in threading.enumerate():
        if thread.name == "calendar-server-request":
            thread.join(10)
    gc.collect()


@pytest.fixture
def proxy(radicale):
    server = MisbehavingProxy(("127.0.0.1", radicale.port))
    yield server
    server.stop()


@pytest.fixture
def window(saved_window):
    return saved_window


@pytest.fixture
def decoy():
    server = Decoy()
    yield server
    server.stop()


def plan():
    return Plan(REQUEST, "plan-proxy")


def test_a_redirect_to_another_host_stops_before_anything_is_sent_there(proxy, decoy, radicale):
    proxy.mode, proxy.redirect_to = "redirect", decoy.url
    with pytest.raises(PublishError) as raised:
        publish(proxy, plan())
    assert raised.value.failure is Failure.REDIRECT
    assert decoy.url.rstrip("/") in raised.value.message
    assert raised.value.server is None  # nothing to record: the real server was never answered
    assert decoy.requests == []
    assert radicale.items() == {}


def test_a_redirect_halfway_keeps_only_what_the_real_server_answered(proxy, decoy, radicale):
    proxy.mode, proxy.redirect_to, proxy.passed = "redirect", decoy.url, 12
    with pytest.raises(PublishError) as raised:
        publish(proxy, plan())
    assert raised.value.failure is Failure.REDIRECT
    assert decoy.requests == []
    record = raised.value.server
    assert record is not None
    stored = radicale.items()
    assert 0 < len(record.events) == len(stored)
    assert {event.href for event in record.events} == {name.split("/", 1)[1] for name in stored}


def test_a_redirect_on_the_same_server_is_followed(proxy, radicale):
    outcome, _saved = publish(proxy, plan(), url=proxy.url + "moved/")
    assert outcome.created == len(radicale.items()) > 0


def test_https_redirected_to_http_is_a_refused_redirect_not_a_wrong_password(radicale, decoy, tmp_path):
    tls = self_signed_certificate(tmp_path)
    proxy = MisbehavingProxy(("127.0.0.1", radicale.port), tls=tls)
    try:
        proxy.mode, proxy.redirect_to = "redirect", proxy.url.replace("https://", "http://")
        with pytest.raises(PublishError) as raised:
            publish(proxy, plan(), trusted_certificate=tls[0].read_text(encoding="ascii"))
        assert raised.value.failure is Failure.REDIRECT
        assert "did not accept" not in raised.value.message
    finally:
        proxy.stop()


def test_a_trickling_answer_ends_with_the_server_is_too_slow(proxy, monkeypatch):
    monkeypatch.setattr(guard, "REQUEST_LIMIT_SECONDS", 2.0)
    proxy.mode, proxy.pause = "trickle", 0.5
    started = time.monotonic()
    with pytest.raises(PublishError) as raised:
        publish(proxy, plan())
    assert time.monotonic() - started < 20  # the 2-second limit; without it, the 60-second one
    assert raised.value.failure is Failure.UNREACHABLE
    assert "too slow" in raised.value.message


def test_a_publish_slower_than_its_limit_ends_and_keeps_what_was_done(proxy, radicale, monkeypatch):
    monkeypatch.setattr(guard, "PUBLISH_LIMIT_SECONDS", 3.0)
    proxy.mode, proxy.pause = "slow", 0.15
    started = time.monotonic()
    with pytest.raises(PublishError) as raised:
        publish(proxy, plan())
    assert time.monotonic() - started < 20  # the 3-second limit, with room for a busy machine
    assert "too slow" in raised.value.message
    record = raised.value.server
    assert record is not None
    stored = {name.split("/", 1)[1] for name in radicale.items()}
    # The request under way when the limit passed is recorded without an ETag, there or not yet.
    assert {event.href for event in record.events if event.etag} <= stored <= {event.href for event in record.events}


def test_stopping_a_publish_ends_it_within_a_second_or_two(proxy):
    proxy.mode, proxy.pause = "trickle", 1.0
    cancel = threading.Event()
    failures = []

    def work():
        try:
            list_calendars(proxy.url, USER, PASSWORD, cancel=cancel)
        except PublishError as error:
            failures.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    time.sleep(0.5)
    stopped = time.monotonic()
    cancel.set()
    thread.join(5)
    assert time.monotonic() - stopped < 4  # without the stop, the trickle lasts a minute
    assert [error.failure for error in failures] == [Failure.CANCELLED]


def test_an_event_written_while_the_publish_was_stopped_is_recorded_and_removed_later(proxy, radicale):
    """The server stored an event whose answer the stopped publish never heard: the plan's record
    still names it, so that the next publish removes it once the plan no longer has it."""
    with_trip = Plan(replace(REQUEST, go_home=True), "plan-proxy")
    journey, without = planned(with_trip.request, TODAY), planned(REQUEST, TODAY)
    _, objects = calendar_objects(journey, ExportOptions("plan-proxy", NOW), 0)
    _, kept = calendar_objects(without, ExportOptions("plan-proxy", NOW), 0)
    dropped = next(item for item in objects if item.uid not in {other.uid for other in kept})
    proxy.hold = resource_name(dropped.uid)
    cancel = threading.Event()
    threading.Thread(target=lambda: proxy.held.wait(30) and cancel.set(), daemon=True).start()
    with pytest.raises(PublishError) as raised:
        publish_plan(with_trip, journey, PublishTarget(proxy.url, USER), PASSWORD, NOW, cancel=cancel)
    proxy.release.set()
    assert raised.value.failure is Failure.CANCELLED
    record = raised.value.server
    assert record is not None
    stored = {name.split("/", 1)[1] for name in radicale.items()}
    assert resource_name(dropped.uid) in stored  # written, though the answer never came
    assert {event.href for event in record.events} == stored
    assert [event.uid for event in record.events if not event.etag] == [dropped.uid]

    proxy.hold = ""
    outcome = publish_plan(
        replace(with_trip, request=REQUEST, server=record), without, PublishTarget(proxy.url, USER), PASSWORD, NOW
    )
    assert resource_name(dropped.uid) not in {name.split("/", 1)[1] for name in radicale.items()}
    assert outcome.conflicts == ()
    assert "put back" not in outcome.summary()


def test_a_truncated_answer_is_one_clear_line(proxy, capsys, tmp_path, monkeypatch):
    proxy.mode = "truncate"
    with pytest.raises(PublishError) as raised:
        publish(proxy, plan())
    assert raised.value.failure is Failure.SERVER
    assert "cut off" in raised.value.message
    path = tmp_path / "trip.carteplan"
    save_plan(path, plan())
    monkeypatch.setenv("CARTE_PLANNER_CALDAV_PASSWORD", PASSWORD)
    code = main(["publish", "--plan", str(path), "--url", proxy.url, "--user", USER, "--today", "2027-01-04"])
    _out, err = capsys.readouterr()
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "cut off" in err
    assert "Traceback" not in err


def test_a_password_in_the_address_is_refused_never_stored_or_printed(radicale, tmp_path, capsys, monkeypatch):
    path = tmp_path / "trip.carteplan"
    save_plan(path, plan())
    before = path.read_bytes()
    address = radicale.url.replace("http://", f"http://{USER}:S3cr3t@")
    monkeypatch.setenv("CARTE_PLANNER_CALDAV_PASSWORD", PASSWORD)
    code = main(["publish", "--plan", str(path), "--url", address, "--user", USER, "--today", "2027-01-04"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "S3cr3t" not in out + err
    assert "Password field" in err
    assert path.read_bytes() == before
    assert radicale.items() == {}
    with pytest.raises(PublishError) as raised:
        publish(radicale, plan(), url=address)
    assert "S3cr3t" not in raised.value.message


class BlockingKeyring(KeyringBackend):
    """A keyring that never answers (a locked wallet waiting for a prompt nobody sees)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service, username):
        self.release.wait(30)

    def set_password(self, service, username, password):
        self.release.wait(30)

    def delete_password(self, service, username):
        self.release.wait(30)


class BrokenKeyring(KeyringBackend):
    """A keyring whose service fails with an error of its own."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        raise RuntimeError("the secret service is not running")

    def set_password(self, service, username, password):
        raise RuntimeError("the secret service is not running")

    def delete_password(self, service, username):
        raise RuntimeError("the secret service is not running")


@pytest.fixture
def keyring_backend(monkeypatch):
    import keyring

    monkeypatch.setattr(credentials, "KEYRING_LIMIT_SECONDS", 0.5)
    before = keyring.get_keyring()
    chosen = []

    def use(backend):
        keyring.set_keyring(backend)
        chosen.append(backend)
        return backend

    yield use
    for backend in chosen:
        if isinstance(backend, BlockingKeyring):
            backend.release.set()
    keyring.set_keyring(before)


@pytest.mark.parametrize(
    ("backend", "words"),
    [(BlockingKeyring, "did not answer within"), (BrokenKeyring, "the secret service is not running")],
)
def test_a_keyring_that_hangs_or_fails_becomes_the_request_for_a_password(
    keyring_backend, backend, words, radicale, tmp_path, capsys, monkeypatch
):
    keyring_backend(backend())
    monkeypatch.delenv("CARTE_PLANNER_CALDAV_PASSWORD", raising=False)
    path = tmp_path / "trip.carteplan"
    save_plan(path, plan())
    started = time.monotonic()
    code = main(["publish", "--plan", str(path), "--url", radicale.url, "--user", USER, "--today", "2027-01-04"])
    _out, err = capsys.readouterr()
    assert time.monotonic() - started < 8  # the keyring's 0.5-second limit, not its hang
    assert code == 2
    assert words in err
    assert "no password for family" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("backend", "words"),
    [(BlockingKeyring, "did not answer within"), (BrokenKeyring, "the secret service is not running")],
)
def test_the_window_says_why_the_saved_password_is_missing(qtbot, window, keyring_backend, backend, words):
    keyring_backend(backend())
    window.document.record_publish(CalendarServer("https://cloud.example.org/dav/", USER, calendar_name="Trip"))
    dialog = window.publish_to_server()
    assert words in dialog.result_line.text()
    assert dialog.password.text() == ""


def test_closing_the_window_during_a_slow_publish_stops_it_within_a_second_or_two(qtbot, window, proxy):
    proxy.mode, proxy.pause = "trickle", 1.0
    dialog = window.publish_to_server()
    dialog.url.setText(proxy.url)
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.publish()
    qtbot.wait(500)
    assert dialog.busy()
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 5  # without the stop, the trickle lasts a minute
    assert not dialog.busy()
    assert "stopped" in dialog.result_line.text()


def test_a_password_an_older_version_kept_in_the_plan_file_is_dropped(tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, replace(plan(), server=CalendarServer("https://family:S3cr3t@cloud.example.org/dav/", USER)))
    assert "S3cr3t" not in path.read_text(encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["calendar_server"]["url"] = "https://family:S3cr3t@cloud.example.org/dav/"
    path.write_text(json.dumps(data), encoding="utf-8")
    server = load_plan(path, REFERENCE).server
    assert server is not None
    assert server.url == "https://family@cloud.example.org/dav/"


def test_the_window_refuses_a_password_in_the_address_without_showing_it(qtbot, window):
    dialog = window.publish_to_server()
    dialog.url.setText("https://family:S3cr3t@cloud.example.org/remote.php/dav/")
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.publish()
    qtbot.waitUntil(lambda: not dialog.busy() and "Not published" in dialog.result_line.text(), timeout=10_000)
    assert "Password field" in dialog.result_line.text()
    assert "S3cr3t" not in dialog.result_line.text()
    assert window.document.plan.server is None
