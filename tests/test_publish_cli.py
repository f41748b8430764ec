"""`carte-planner publish`: exit 0 with a result line, or 2 with one clear line; the password
from the environment, the keyring or a prompt, and never in the plan file."""

import getpass
import io
import json
from datetime import date

import pytest

from carte_planner.cli import main
from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.publish.credentials import NO_KEYRING, SERVICE
from carte_planner.storage.planfile import load_plan, save_plan
from tests.caldav_server import PASSWORD, USER, free_port
from tests.journeys import REFERENCE, planned

REQUEST = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin", followup_years=1)


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "trip.carteplan"
    save_plan(path, Plan(REQUEST, "plan-cli"))
    return path


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv("CARTE_PLANNER_CALDAV_PASSWORD", PASSWORD)


def run(capsys, *argv):
    code = main(["publish", *argv, "--today", "2027-01-04"])
    out, err = capsys.readouterr()
    return code, out, err


def test_publish_then_publish_changes_with_one_command(capsys, radicale, plan_file, password):
    code, out, err = run(capsys, "--plan", str(plan_file), "--url", radicale.url, "--user", USER)
    assert (code, err) == (0, "")
    assert "Published to “CAR-T journey — Shanghai”:" in out
    assert "0 updated, 0 removed, 0 unchanged" in out
    assert "not encrypted (http)" in out
    saved = json.loads(plan_file.read_text())
    assert saved["calendar_server"]["user"] == USER
    assert PASSWORD not in plan_file.read_text()
    # A phase changed: the plan file remembers the server, so no address is needed.
    plan = load_plan(plan_file, REFERENCE)
    save_plan(plan_file, Plan(plan.request.with_phase_length("screening", 12), plan.plan_id, server=plan.server))
    code, out, err = run(capsys, "--plan", str(plan_file))
    assert (code, err) == (0, "")
    assert " 0 created," in out
    assert " 0 removed," in out
    assert "0 updated" not in out


def test_a_wrong_password_exits_2_with_one_line(capsys, radicale, plan_file, monkeypatch):
    monkeypatch.setenv("CARTE_PLANNER_CALDAV_PASSWORD", "wrong")
    code, out, err = run(capsys, "--plan", str(plan_file), "--url", radicale.url, "--user", USER)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("carte-planner: error: The server 127.0.0.1:")
    assert "did not accept the user name 'family' with this password" in err
    assert load_plan(plan_file, REFERENCE).server is None


def test_an_unknown_calendar_exits_2_naming_the_calendars_there_are(capsys, radicale, plan_file, password):
    code, _, err = run(capsys, "--plan", str(plan_file), "--url", radicale.url, "--user", USER, "--calendar", "Work")
    assert code == 2
    assert "no calendar named “Work”" in err
    assert "run again with --create-calendar" in err
    assert err.count("\n") == 1


def test_an_unreachable_server_exits_2(capsys, plan_file, password):
    url = f"http://127.0.0.1:{free_port()}/"
    code, _, err = run(capsys, "--plan", str(plan_file), "--url", url, "--user", USER)
    assert code == 2
    assert "Could not reach the server 127.0.0.1" in err


def test_without_a_password_anywhere_it_says_where_to_put_one(capsys, radicale, plan_file, monkeypatch):
    monkeypatch.delenv("CARTE_PLANNER_CALDAV_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, "--plan", str(plan_file), "--url", radicale.url, "--user", USER)
    assert code == 2
    assert "CARTE_PLANNER_CALDAV_PASSWORD" in err


def _typed_password(monkeypatch, typed):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("CARTE_PLANNER_CALDAV_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", Terminal(""))
    prompts = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt) or typed)
    return prompts


def test_without_a_keyring_the_password_is_asked_each_time_and_the_reason_given(
    capsys, radicale, plan_file, monkeypatch
):
    prompts = _typed_password(monkeypatch, PASSWORD)
    code, out, err = run(capsys, "--plan", str(plan_file), "--url", radicale.url, "--user", USER)
    assert code == 0
    assert NO_KEYRING in err
    assert "kept in the system keyring" not in out
    assert run(capsys, "--plan", str(plan_file))[0] == 0
    assert len(prompts) == 2


def test_a_typed_password_is_kept_in_the_keyring_and_used_next_time(
    capsys, radicale, plan_file, monkeypatch, memory_keyring
):
    prompts = _typed_password(monkeypatch, PASSWORD)
    code, out, err = run(capsys, "--plan", str(plan_file), "--url", radicale.url, "--user", USER)
    assert (code, err) == (0, "")
    assert "The password is kept in the system keyring for next time." in out
    assert memory_keyring.passwords == {(SERVICE, f"{USER} at {radicale.url}"): PASSWORD}
    code, out, _ = run(capsys, "--plan", str(plan_file))
    assert code == 0
    assert len(prompts) == 1
    assert PASSWORD not in plan_file.read_text()


def test_a_keyring_password_the_server_refuses_is_forgotten(capsys, radicale, plan_file, monkeypatch, memory_keyring):
    monkeypatch.delenv("CARTE_PLANNER_CALDAV_PASSWORD", raising=False)
    memory_keyring.passwords[(SERVICE, f"{USER} at {radicale.url}")] = "old-password"
    code, _, err = run(capsys, "--plan", str(plan_file), "--url", radicale.url, "--user", USER)
    assert code == 2
    assert "The password saved in the system keyring was removed" in err
    assert memory_keyring.passwords == {}


def test_a_self_signed_server_needs_its_fingerprint_once(capsys, tls_radicale, plan_file, password):
    code, _, err = run(capsys, "--plan", str(plan_file), "--url", tls_radicale.url, "--user", USER)
    assert code == 2
    assert "self-signed" in err
    fingerprint = err.rsplit("--trust-certificate ", 1)[1].strip()
    assert len(fingerprint.split(":")) == 32
    wrong = "00:" + fingerprint[3:]
    code, _, err = run(
        capsys, "--plan", str(plan_file), "--url", tls_radicale.url, "--user", USER, "--trust-certificate", wrong
    )
    assert code == 2
    assert f"has the fingerprint {fingerprint}, not the one given" in err
    trusted = ["--plan", str(plan_file), "--url", tls_radicale.url, "--user", USER, "--trust-certificate", fingerprint]
    assert run(capsys, *trusted)[0] == 0
    # The choice is remembered: publishing changes needs no flag.
    code, out, err = run(capsys, "--plan", str(plan_file))
    assert (code, err) == (0, "")
    assert "not encrypted" not in out


def test_an_edit_on_the_server_exits_2_until_the_user_chooses(capsys, radicale, plan_file, password):
    assert run(capsys, "--plan", str(plan_file), "--url", radicale.url, "--user", USER)[0] == 0
    radicale.stop()
    for name, data in radicale.items().items():
        if b"SUMMARY:Screening" in data:
            path = radicale.folder / "storage" / "collection-root" / USER / name
            path.write_bytes(data.replace(b"SUMMARY:Screening", b"SUMMARY:Edited on a phone: Screening"))
    radicale.start()
    code, out, err = run(capsys, "--plan", str(plan_file))
    assert code == 2
    assert "1 event changed on the server was left as it is there." in out
    assert "  Screening and evaluation: changed on the server\n" in out
    assert "--on-conflict keep-theirs" in err
    code, out, err = run(capsys, "--plan", str(plan_file), "--on-conflict", "replace")
    assert (code, err) == (0, "")
    assert "1 updated" in out


def test_a_server_error_halfway_is_one_line_and_the_plan_file_keeps_what_was_done(capsys, radicale, tmp_path, password):
    from dataclasses import replace
    from datetime import UTC, datetime

    from carte_planner.export.calendar_objects import calendar_objects
    from carte_planner.export.ics import ExportOptions

    path = tmp_path / "long.carteplan"
    request = replace(REQUEST, hospital_address_zh="上海市" * 100, hospital_name_zh="医院" * 150)
    save_plan(path, Plan(request, "plan-cli"))
    # Events at the hospital carry its long Chinese address: the server refuses requests that large.
    _, objects = calendar_objects(planned(request), ExportOptions("p", datetime.now(UTC)), 0)
    sizes = [len(item.data) for item in objects]
    stop = next(i for i in range(3, len(sizes)) if sizes[i] > 1.4 * max(sizes[:i]))
    radicale.stop()
    radicale.options = ["--server-max-content-length", str(sizes[stop] - 1)]
    radicale.start()
    code, _, err = run(capsys, "--plan", str(path), "--url", radicale.url, "--user", USER)
    assert code == 2
    assert "answered with an error (413)" in err
    assert err.count("\n") == 1
    kept = load_plan(path, REFERENCE).server
    assert kept is not None
    assert 0 < len(kept.events) == len(radicale.items())
    radicale.stop()
    radicale.options = []
    radicale.start()
    code, out, err = run(capsys, "--plan", str(path))
    assert (code, err) == (0, "")
    assert f"0 updated, 0 removed, {len(kept.events)} unchanged." in out
    assert len(radicale.items()) == len(load_plan(path, REFERENCE).server.events)


def test_a_calendar_deleted_on_the_server_says_how_to_publish_again(capsys, radicale, plan_file, password):
    import niquests

    assert run(capsys, "--plan", str(plan_file), "--url", radicale.url, "--user", USER)[0] == 0
    calendar_url = load_plan(plan_file, REFERENCE).server.calendar_url
    assert niquests.delete(calendar_url, auth=(USER, PASSWORD)).status_code in (200, 204)
    code, _, err = run(capsys, "--plan", str(plan_file))
    assert code == 2
    assert "is no longer on the server" in err
    assert "--create-calendar" in err
    assert load_plan(plan_file, REFERENCE).server.calendar_url == calendar_url  # nothing forgotten
    code, out, _ = run(capsys, "--plan", str(plan_file), "--calendar", "Journey", "--create-calendar")
    assert code == 0
    assert "Published to “Journey”" in out


def test_publish_speaks_the_language_given_with_lang(capsys, plan_file):
    code, _out, err = run(capsys, "--plan", str(plan_file), "--lang", "ru")
    assert code == 2
    assert "этот план ещё не публиковался; укажите адрес сервера и пользователя" in err


def test_a_plan_file_that_cannot_take_the_record_exits_74(capsys, radicale, plan_file, password):
    from carte_planner.cli import EXIT_OUTPUT

    plan_file.chmod(0o444)
    code, _out, err = run(capsys, "--plan", str(plan_file), "--url", radicale.url, "--user", USER)
    assert code == EXIT_OUTPUT
    assert "the calendar was published, but the plan file could not be updated" in err
