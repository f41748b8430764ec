"""File ▸ Publish to calendar server… against a real Radicale server: the dialog, its result
line, Publish changes in one click, the status bar, and the question about edits on the server."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import carte_planner.ui.publish_dialog as publish_dialog
from carte_planner.publish.credentials import SERVICE
from carte_planner.storage.planfile import load_plan, save_plan
from tests.caldav_server import PASSWORD, USER
from tests.journeys import REFERENCE, planned

TIMEOUT = 60_000


@pytest.fixture
def window(saved_window):
    return saved_window


def wait_for_result(qtbot, dialog, words):
    qtbot.waitUntil(lambda: not dialog.busy() and words in dialog.result_line.text(), timeout=TIMEOUT)


def publish_once(qtbot, window, radicale):
    dialog = window.publish_to_server()
    dialog.url.setText(radicale.url)
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    wait_for_result(qtbot, dialog, "found")
    with qtbot.waitSignal(dialog.published, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
        # The work runs beside the window, which keeps answering.
        assert dialog.busy()
        assert not dialog.publish_button.isEnabled()
    wait_for_result(qtbot, dialog, "created")
    return dialog


def test_publishing_through_the_dialog_then_publishing_changes_in_one_click(qtbot, window, radicale, memory_keyring):
    assert not window.publish_changes_action.isEnabled()
    dialog = window.publish_to_server()
    assert dialog.calendar.currentText() == "New calendar “CAR-T journey — Shanghai”"
    dialog = publish_once(qtbot, window, radicale)
    stored = radicale.items()
    assert f"Published to “CAR-T journey — Shanghai”: {len(stored)} created, 0 updated" in dialog.result_line.text()
    server = window.document.plan.server
    assert server is not None
    assert len(server.events) == len(stored)
    assert dialog.calendar.currentText() == "CAR-T journey — Shanghai"
    assert window.published_label.text().startswith("Calendar “CAR-T journey — Shanghai” published")
    assert window.publish_changes_action.isEnabled()
    assert memory_keyring.passwords == {(SERVICE, f"{USER} at {radicale.url}"): PASSWORD}
    # The record is in the plan file at once; the plan had no other change to save.
    assert load_plan(window.document.path, REFERENCE).server == server
    assert not window.document.modified

    request = window.document.request
    window.document.change(request.with_phase_length("screening", 12), "Screening")
    dialog.close()
    window.publish_changes_action.trigger()
    dialog = window.publish_dialog  # a fresh dialog, its password from the keyring
    wait_for_result(qtbot, dialog, "updated")
    assert dialog.isVisible()
    assert ": 0 created," in dialog.result_line.text()
    assert " 0 updated," not in dialog.result_line.text()
    assert set(radicale.items()) == set(stored)


def test_an_edit_on_the_server_is_asked_about_in_the_window(qtbot, window, radicale, memory_keyring, monkeypatch):
    dialog = publish_once(qtbot, window, radicale)
    radicale.stop()
    for name, data in radicale.items().items():
        if b"SUMMARY:Screening" in data:
            path = radicale.folder / "storage" / "collection-root" / USER / name
            path.write_bytes(data.replace(b"SUMMARY:Screening", b"SUMMARY:Phone note: Screening"))
    radicale.start()
    asked = []
    monkeypatch.setattr(publish_dialog, "ask_conflict", lambda parent, titles: asked.append(titles) or "replace")
    window.publish_changes_action.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)
    assert asked == [["Screening and evaluation"]]
    wait_for_result(qtbot, dialog, "1 updated")
    assert not any(b"Phone note" in data for data in radicale.items().values())


def test_a_wrong_password_says_so_and_keeps_the_dialog_open(qtbot, window, radicale):
    dialog = window.publish_to_server()
    assert dialog.keyring_note.isVisibleTo(dialog)  # no keyring in this test: the reason is shown
    assert not dialog.remember.isEnabled()
    dialog.url.setText(radicale.url)
    dialog.user.setText(USER)
    dialog.password.setText("wrong")
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    wait_for_result(qtbot, dialog, "Not published")
    assert "did not accept the user name 'family' with this password" in dialog.result_line.text()
    assert dialog.password.text() == ""
    assert window.document.plan.server is None
    assert radicale.items() == {}


def test_closing_the_window_mid_publish_keeps_what_was_published(qtbot, window, radicale):
    dialog = window.publish_to_server()
    dialog.url.setText(radicale.url)
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.publish()
    assert dialog.busy()
    answers = []

    def discard(*args, **kwargs):
        answers.append(window.document.plan.server)
        return QMessageBox.StandardButton.Discard

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "question", discard)
        window.close()
    # Closing stops the publish; on a busy machine its last answer may take a moment to arrive.
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=TIMEOUT)
    assert answers == []  # the publish finished, and its record went into the plan file at once
    recorded = load_plan(window.document.path, REFERENCE).server.events
    stored = {name.split("/", 1)[1] for name in radicale.items()}
    # Every event on the server is in the record. The one being written when the publish stopped
    # is recorded whether or not it got there, without an ETag: the next publish looks it up.
    assert stored <= {event.href for event in recorded}
    not_there = [event for event in recorded if event.href not in stored]
    assert len(not_there) <= 1
    assert not any(event.etag for event in not_there)


def test_a_self_signed_server_is_trusted_after_the_question(qtbot, window, tls_radicale, monkeypatch):
    questions = []
    monkeypatch.setattr(
        publish_dialog, "ask_trust", lambda parent, message, fingerprint: questions.append(fingerprint) or True
    )
    dialog = window.publish_to_server()
    dialog.url.setText(tls_radicale.url)
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.publish()
    wait_for_result(qtbot, dialog, "created")
    assert len(questions) == 1
    assert len(questions[0].split(":")) == 32
    assert window.document.plan.server.trusted_certificate == tls_radicale.tls[0].read_text()


def test_publish_changes_without_a_saved_password_asks_for_it(qtbot, window, radicale):
    dialog = publish_once(qtbot, window, radicale)  # no keyring here: nothing is kept
    dialog.close()
    window.publish_changes_action.trigger()
    dialog = window.publish_dialog
    assert dialog.isVisible()
    assert not dialog.busy()
    assert dialog.url.text() == radicale.url
    assert dialog.user.text() == USER
    assert dialog.password.text() == ""
    assert dialog.keyring_note.isVisibleTo(dialog)
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    wait_for_result(qtbot, dialog, "unchanged")
    assert ": 0 created, 0 updated, 0 removed" in dialog.result_line.text()


# -- the window and the command line publish the same events ---------------------------------
def events_by_calendar(radicale) -> dict[str, set[tuple[str, str, str]]]:
    """Each calendar's events on the server as (UID, first day, title)."""
    from icalendar import Calendar

    found: dict[str, set[tuple[str, str, str]]] = {}
    for name, data in radicale.items().items():
        for event in Calendar.from_ical(data).walk("VEVENT"):
            if "RECURRENCE-ID" in event:
                continue
            day = event.decoded("DTSTART")
            found.setdefault(name.split("/")[0], set()).add((str(event["UID"]), str(day)[:10], str(event["SUMMARY"])))
    return found


def exported_events(path) -> set[tuple[str, str, str]]:
    """The plan file's events as a calendar file has them, its dated checklist entries included."""
    from datetime import UTC, datetime

    from icalendar import Calendar

    from carte_planner.domain.checklist import build_checklist, checklist_items
    from carte_planner.export.ics import ExportOptions, export_calendar
    from carte_planner.resources import load_checklist_template

    plan = load_plan(path, REFERENCE)
    journey = planned(plan.request)
    checklist = tuple(checklist_items(build_checklist(journey, load_checklist_template(), plan.checklist)))
    data = export_calendar(journey, ExportOptions(plan.plan_id, datetime.now(UTC), checklist=checklist)).data
    return {
        (str(event["UID"]), str(event.decoded("DTSTART"))[:10], str(event["SUMMARY"]))
        for event in Calendar.from_ical(data).walk("VEVENT")
        if "RECURRENCE-ID" not in event and event.get("STATUS") != "CANCELLED"
    }


def checklist_uids(path) -> set[str]:

    from carte_planner.domain.checklist import build_checklist
    from carte_planner.domain.identity import event_uid
    from carte_planner.resources import load_checklist_template

    plan = load_plan(path, REFERENCE)
    checklist = build_checklist(planned(plan.request), load_checklist_template(), plan.checklist)
    uids = {event_uid(f"check:{entry.key}", plan.plan_id) for entry in checklist.dated()}
    assert uids
    return uids


def publish_from_the_command_line(monkeypatch, path, *options) -> None:
    from carte_planner.cli import main

    monkeypatch.setenv("CARTE_PLANNER_CALDAV_PASSWORD", PASSWORD)
    assert main(["publish", "--plan", str(path), *options, "--today", "2027-01-04"]) == 0


def test_the_window_and_the_command_line_publish_the_same_events(qtbot, window, radicale, tmp_path, monkeypatch):
    copy = tmp_path / "copy.carteplan"
    save_plan(copy, load_plan(window.document.path, REFERENCE))  # the same plan, not yet published
    publish_once(qtbot, window, radicale)
    publish_from_the_command_line(
        monkeypatch, copy, "--url", radicale.url, "--user", USER, "--calendar", "From the terminal", "--create-calendar"
    )
    first, second = events_by_calendar(radicale).values()
    assert first == second
    assert checklist_uids(copy) <= {uid for uid, _day, _title in first}  # the checklist's dated entries too
    assert first == exported_events(copy)


def test_after_a_window_publish_and_dont_save_the_command_line_cleans_up(qtbot, window, radicale, monkeypatch):
    path = window.document.path
    request = window.document.request
    window.document.change(request.with_phase_length("screening", 14).with_phase_length("manufacturing", 28), "Longer")
    publish_once(qtbot, window, radicale)
    assert window.document.modified  # the phases are not saved
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert load_plan(path, REFERENCE).request == request  # the phases were discarded; the server record was kept
    assert load_plan(path, REFERENCE).server is not None
    publish_from_the_command_line(monkeypatch, path)
    (published,) = events_by_calendar(radicale).values()
    assert published == exported_events(path)


def test_an_untitled_plan_is_saved_before_it_is_published(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window.new_plan()
    assert window.document.path is None
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Cancel
    )
    assert window.publish_to_server() is None
    assert "The plan file keeps a record of what is published" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Save)
    chosen = tmp_path / "new trip.carteplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), ""))
    dialog = window.publish_to_server()
    assert dialog is not None
    assert dialog.isVisible()
    assert window.document.path == chosen
    assert load_plan(chosen, REFERENCE).plan_id == window.document.plan.plan_id
