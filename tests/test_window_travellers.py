"""The window's travellers section: a family of a patient and two caregivers taking turns,
planned by typing into it, and the team's rules set from it."""

from datetime import date

from PySide6.QtCore import Qt

from carte_planner.domain.people import Role, Route


def type_into(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    edit.clearFocus()


def choose(box, index):
    box.setCurrentIndex(index)
    box.activated.emit(index)


def test_a_family_with_rotating_caregivers_is_planned_in_the_window(window, qtbot):
    panel = window.panel
    type_into(qtbot, panel.travellers, "Anna, Boris, Chen")
    box = panel.people
    assert [box.person.itemText(i) for i in range(box.person.count())] == ["Anna", "Boris", "Chen"]
    # Anna, the patient: a 90-day visa.
    box.visa_stay.setValue(90)
    # Boris: French, visa-free, 27 Feb to 2 Apr 2027.
    choose(box.person, 1)
    type_into(qtbot, box.nationality, "fr")
    choose(box.route, box.route.findData("visa-free"))
    type_into(qtbot, box.turns, "2027-02-27..2027-04-02")
    # Chen: from 2 Apr to the end of the stay, on a 30-day visa.
    choose(box.person, 2)
    type_into(qtbot, box.turns, "2027-04-02..2027-05-20")
    box.visa_stay.setValue(30)
    box.rules["around_the_clock_until"].setValue(28)

    request = window.document.request
    anna, boris, chen = request.people
    assert (anna.role, anna.visa.stay_days) == (Role.PATIENT, 90)
    assert (boris.nationality, boris.route) == ("FR", Route.VISA_FREE)
    assert boris.turns[0].first == date(2027, 2, 27)
    assert chen.visa.stay_days == 30
    assert request.team.around_the_clock_until == 28
    journey = window.document.journey
    assert journey.item("visa:registration:3").start == date(2027, 4, 2)
    assert journey.item("handover:2027-04-02").start == date(2027, 4, 2)
    assert journey.coverage == ()
    # The dates the plan gives the traveller shown, Chen's extension among them:
    # 30 days from 2 Apr end on 1 May; applied for 7 days before, Sat 24 Apr, moved to Fri 23 Apr.
    assert box.dates.text() == (
        "In China 02 Apr 2027 to 20 May 2027; last permitted day 01 May 2027\nExtensions to apply for: 23 Apr 2027"
    )
    # Every change goes through the undo stack.
    window.undo_action.trigger()
    assert window.document.request.team.around_the_clock_until is None


def test_a_bad_turn_is_explained_and_nothing_changes(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    before = window.document.request
    type_into(qtbot, window.panel.people.turns, "next spring")
    assert window.document.request == before
    assert "2027-03-01..2027-03-20" in said[0]


def test_a_team_rule_goes_back_to_a_question(window):
    box = window.panel.people
    box.rules["no_driving_until"].setValue(56)
    assert window.document.journey.item("rule:no-driving").end == date(2027, 6, 1)
    box.rules["no_driving_until"].setValue(0)
    assert window.document.request.team.no_driving_until is None
    assert window.document.journey.find("rule:no-driving") is None
    assert box.rules["no_driving_until"].text() == "not set: ask your hospital"


def test_an_undo_shows_the_plans_rule_in_the_box_that_has_the_focus(window, qtbot):
    """Undo from the Edit menu leaves the focus where it was: the box still shows the plan."""
    box = window.panel.people
    rule = box.rules["stay_near_until"]
    rule.setFocus()
    rule.setValue(rule.minimum() + 1)
    assert window.document.request.team.stay_near_until == rule.minimum() + 1
    window.document.undo_stack.undo()
    assert window.document.request.team.stay_near_until is None
    assert rule.value() == rule.minimum()
    assert rule.text() == "not set: ask your hospital"


def test_the_timeline_has_a_lane_per_traveller_with_their_own_dates(window, qtbot):
    type_into(qtbot, window.panel.travellers, "Anna, Boris")
    box = window.panel.people
    choose(box.person, 1)
    type_into(qtbot, box.turns, "2027-02-27..2027-04-10")
    window.tabs.setCurrentWidget(window.timeline)
    canvas = window.timeline.canvas
    bars = canvas.bars()
    lanes = [(title, top, top + height) for title, top, height in canvas._lane_tops]
    assert [title for title, _, _ in lanes] == [
        "Preparation",
        "Travel and stay",
        "Treatment",
        "Anna (patient)",
        "Boris (caregiver)",
        "Follow-up at home",
    ]

    def lane_of(key):
        bar = next(bar for bar in bars if bar.line.item.key == key)
        return next(title for title, top, bottom in lanes if top <= bar.rect.top() < bottom)

    assert lane_of("visa:registration:1") == "Anna (patient)"
    assert lane_of("visa:registration:2") == "Boris (caregiver)"
    assert lane_of("stay:turn1:2") == "Boris (caregiver)"
    assert lane_of("flight:turn1:home:2") == "Boris (caregiver)"
    assert lane_of("flight:outbound") == "Travel and stay"
    assert lane_of("prep:passports:2") == "Preparation"


def test_the_hand_over_overlap_is_an_assumed_value_the_family_can_change(window, qtbot):
    type_into(qtbot, window.panel.travellers, "Anna, Boris, Chen")
    box = window.panel.people
    choose(box.person, 1)
    type_into(qtbot, box.turns, "2027-02-27..2027-04-10")
    choose(box.person, 2)
    type_into(qtbot, box.turns, "2027-04-10..2027-05-20")
    box.rules["around_the_clock_until"].setValue(28)
    assumed = window.panel.assumed
    assert assumed.handover.value() == 1
    assert assumed.status["handover-overlap"].text() == "assumed"
    assert "handover-overlap" in window.document.journey.item("handover:2027-04-10").assumptions
    assert window.document.journey.coverage == ()
    # Asking for two days of overlap, a hand-over on the day itself is not enough.
    assumed.handover.setValue(2)
    assert assumed.status["handover-overlap"].text() == "yours"
    gaps = window.document.journey.coverage
    assert [(gap.day, gap.traveller) for gap in gaps] == [(date(2027, 4, 10), "Boris")]
    assumed.reset["handover-overlap"].click()
    assert window.document.request.handover_overlap_days is None


def test_a_traveller_flies_from_their_own_home(window, qtbot):
    type_into(qtbot, window.panel.travellers, "Anna, Chen")
    box = window.panel.people
    choose(box.person, 1)
    type_into(qtbot, box.turns, "2027-04-02..2027-05-20")
    type_into(qtbot, box.home_tz, "America/New_York")
    type_into(qtbot, box.home_country, "us")
    chen = window.document.request.people[1]
    assert (chen.home_tz, chen.home_country) == ("America/New_York", "US")
    # Leaving New York at 10:00 on 1 Apr (EDT, 14:00 UTC), 12 hours, lands at 10:00 on 2 Apr in Shanghai.
    flight = window.document.journey.item("flight:turn1:out:2")
    assert flight.depart.isoformat() == "2027-04-01T10:00:00-04:00"
    # The plan's own flights still leave from Berlin.
    assert str(window.document.journey.item("flight:outbound").depart.tzinfo) == "Europe/Berlin"
