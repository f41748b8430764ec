"""File ▸ Publish to calendar server… against a real Radicale server: the dialog, its result
line, Publish changes in one click, the status bar, and the question about edits on the server."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import carte_planner.ui.publish_dialog as publish_dialog
from carte_planner.publish.credentials import SERVICE
from tests.caldav_server import PASSWORD, USER

TIMEOUT = 60_000


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
    assert not window.document.undo_stack.isClean()  # the record is saved with the plan

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
    assert not dialog.busy()
    assert answers  # the record made the plan unsaved: closing asked
    assert answers[0] is not None  # the publish finished, and its record was there to save
    assert len(answers[0].events) == len(radicale.items())


def test_a_self_signed_server_is_trusted_after_the_question(qtbot, window, tmp_path, monkeypatch):
    from tests.caldav_server import RadicaleServer, self_signed_certificate

    server = RadicaleServer(tmp_path, tls=self_signed_certificate(tmp_path))
    server.start()
    try:
        questions = []
        monkeypatch.setattr(
            publish_dialog, "ask_trust", lambda parent, message, fingerprint: questions.append(fingerprint) or True
        )
        dialog = window.publish_to_server()
        dialog.url.setText(server.url)
        dialog.user.setText(USER)
        dialog.password.setText(PASSWORD)
        dialog.publish()
        wait_for_result(qtbot, dialog, "created")
        assert len(questions) == 1
        assert len(questions[0].split(":")) == 32
        assert window.document.plan.server.trusted_certificate == (tmp_path / "server.pem").read_text()
    finally:
        server.stop()


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
