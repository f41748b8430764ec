"""File ▸ Publish to calendar server… with a relatives' calendar: one click publishes the
family's and the relatives' calendars, one result line each, both records in the plan file."""

from PySide6.QtCore import Qt

from carte_planner.storage.planfile import load_plan
from tests.caldav_server import PASSWORD, USER
from tests.discreet_words import MEDICAL_WORDS
from tests.journeys import REFERENCE, planned
from tests.test_publish import NOW
from tests.test_publish_window import TIMEOUT, wait_for_result


def test_the_dialog_publishes_a_discreet_calendar_for_relatives_beside_the_familys(qtbot, saved_window, radicale):
    window = saved_window
    dialog = window.publish_to_server()
    dialog.url.setText(radicale.url)
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    assert not dialog.relatives_name.isEnabled()
    dialog.relatives.setChecked(True)
    assert dialog.relatives_name.isEnabled()
    dialog.relatives_name.setText("Grandma's view")
    with qtbot.waitSignal(dialog.relatives_published, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    wait_for_result(qtbot, dialog, "Relatives' calendar:")
    lines = dialog.result_line.text().splitlines()
    assert lines[0].startswith("Published to “CAR-T journey — Shanghai”")
    assert lines[1].startswith("Relatives' calendar: Published to “Grandma's view”")
    plan = window.document.plan
    assert plan.relatives is not None
    assert plan.relatives.discreet
    assert plan.relatives.calendar_url != plan.server.calendar_url
    on_disk = load_plan(window.document.path, REFERENCE)
    assert on_disk.relatives == plan.relatives  # in the file at once
    assert on_disk.server == plan.server
    assert not window.document.modified
    folder = plan.relatives.calendar_url.rstrip("/").rsplit("/", 1)[-1]
    relatives = b"".join(data for name, data in radicale.items().items() if name.startswith(folder + "/"))
    assert b"BEGIN:VEVENT" in relatives
    for word in MEDICAL_WORDS:
        assert word not in relatives.decode().lower(), word
    # A fresh dialog remembers the relatives' calendar.
    dialog.close()
    again = window.publish_to_server()
    assert again.relatives.isChecked()
    assert again.relatives_name.text() == "Grandma's view"


def test_moving_to_another_calendar_in_the_window_asks_about_the_old_ones_events(
    qtbot, saved_window, radicale, monkeypatch
):
    from dataclasses import replace

    import carte_planner.ui.publish_dialog as publish_dialog
    from carte_planner.domain.plan import Plan
    from carte_planner.publish.sync import PublishTarget, publish_plan

    window = saved_window
    other = Plan(replace(window.document.request, city="beijing"), "plan-other")
    when = window.document.plan.request.start
    publish_plan(other, planned(other.request, when), PublishTarget(radicale.url, USER, "Family", True), PASSWORD, NOW)
    dialog = window.publish_to_server()
    dialog.url.setText(radicale.url)
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.published, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    wait_for_result(qtbot, dialog, "created")
    first = window.document.plan.server
    asked = []
    monkeypatch.setattr(publish_dialog, "ask_old_events", lambda _parent, message: asked.append(message) or True)
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    wait_for_result(qtbot, dialog, "found")
    dialog.calendar.setCurrentIndex(dialog.calendar.findText("Family"))
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    wait_for_result(qtbot, dialog, "removed from the calendar published to before")
    assert len(asked) == 1
    assert "“CAR-T journey — Shanghai”" in asked[0]
    old_folder = first.calendar_url.rstrip("/").rsplit("/", 1)[-1]
    assert not [name for name in radicale.items() if name.startswith(old_folder + "/")]
    assert window.document.plan.server.calendar_name == "Family"
