"""Nothing typed is lost: every path that reads the plan first applies the field being edited."""

from datetime import date

import pytest
import vobject
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from carte_planner.storage.planfile import load_plan
from carte_planner.ui import printing
from carte_planner.ui.fields import DateField
from tests.journeys import REFERENCE


def type_into(qtbot, widget, text):
    """Focus a field, select what it holds and type over it, as a user does; focus stays."""
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text.isascii():
        QTest.keyClicks(widget, text)
    else:
        widget.insert(text)  # as an input method commits Chinese text
    assert QApplication.focusWidget() is not None


def edit_and_expect(window):
    """Each kind of field: what is typed, and how the plan shows it was applied."""
    panel = window.panel
    return [
        (panel.visa_stay, "90", lambda r: r.visa_stay_days == 90),
        (panel.flight_hours, "7.5", lambda r: r.flight_hours == 7.5),
        (panel.phase_rows[0].days, "12", lambda r: r.phase_length("screening") == 12),
        (panel.travellers, "Anna, Jonas, Mia", lambda r: r.travellers == ("Anna", "Jonas", "Mia")),
        (panel.hospital["hospital_name"], "Ruijin Hospital", lambda r: r.hospital_name == "Ruijin Hospital"),
        (panel.home_airport, "fra", lambda r: r.home_airport == "FRA"),
    ]


@pytest.mark.parametrize("case", range(6))
def test_save_keeps_what_is_typed_without_leaving_the_field(qtbot, window, tmp_path, monkeypatch, case):
    widget, text, applied = edit_and_expect(window)[case]
    target = tmp_path / "trip.carteplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    type_into(qtbot, widget, text)
    QTest.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert target.exists()
    assert applied(load_plan(target, REFERENCE).request)
    assert not window.isWindowModified()
    assert "Saved" in window.statusBar().currentMessage()


def test_export_keeps_what_is_typed_and_works_from_a_text_field(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "journey.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    type_into(qtbot, window.panel.hospital["hospital_name"], "Ruijin Hospital")
    QTest.keyClick(
        window.panel.hospital["hospital_name"],
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    calendar = vobject.readOne(target.read_text(encoding="utf-8"))
    assert any(
        "Ruijin Hospital" in getattr(event, "location", None).value
        for event in calendar.vevent_list
        if hasattr(event, "location")
    )


def test_print_and_pdf_carry_what_is_typed(qtbot, window, monkeypatch):
    printed = []
    monkeypatch.setattr(
        printing,
        "print_checklist",
        lambda _parent, doc, _language=None, **_where: printed.append(printing.document_for(doc).full_html()),
    )
    type_into(qtbot, window.panel.hospital["hospital_name_zh"], "瑞金医院")
    QTest.keyClick(window.panel.hospital["hospital_name_zh"], Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed
    assert "瑞金医院" in printed[0]


def test_quitting_with_a_typed_value_asks_and_can_save_it(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "trip.carteplan"
    asked = []

    def ask(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "question", ask)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    type_into(qtbot, window.panel.travellers, "Anna, Jonas")
    QTest.keyClick(window.panel.travellers, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert asked
    assert "not saved" in asked[0]
    assert not window.isVisible()
    assert load_plan(target, REFERENCE).request.travellers == ("Anna", "Jonas")


def test_cancelling_the_quit_keeps_the_typed_value(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    type_into(qtbot, window.panel.visa_stay, "60")
    assert not window.close()
    assert window.isVisible()
    assert window.document.request.visa_stay_days == 60


def test_a_refused_value_keeps_the_typed_text_and_says_why_beside_it(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "trip.carteplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    panel = window.panel
    before = window.document.request
    seven = "A, B, C, D, E, F, G"
    type_into(qtbot, panel.travellers, seven)
    QTest.keyClick(panel.travellers, Qt.Key.Key_Return)
    assert window.document.request == before
    assert panel.travellers.text() == seven
    error = panel._errors[panel.travellers]
    assert error.isVisible()
    assert "between 1 and 6" in error.text()
    assert "between 1 and 6" in panel.travellers.accessibleDescription()
    # Saving does not go on with a refused value, and says why.
    assert not window.save()
    assert not target.exists()
    assert panel.travellers.hasFocus()
    assert "not accepted" in window.statusBar().currentMessage()
    # Another field's edit leaves the refused text alone.
    panel.visa_stay.setValue(45)
    assert panel.travellers.text() == seven
    # Fixed: accepted, and the reason goes.
    type_into(qtbot, panel.travellers, "A, B, C, D, E, F")
    QTest.keyClick(panel.travellers, Qt.Key.Key_Return)
    assert window.document.request.travellers == ("A", "B", "C", "D", "E", "F")
    assert not error.isVisible()


def test_undo_clears_a_refusal_and_shows_the_plan(qtbot, window):
    panel = window.panel
    panel.visa_stay.setValue(45)
    panel.city.setFocus()
    panel.city.setEditText("Atlantis")  # typed; the completer's popup is not part of this
    QTest.keyClick(panel.city, Qt.Key.Key_Return)
    assert "Atlantis" in panel._errors[panel.city].text()
    assert panel.city.currentText() == "Atlantis"
    window.undo_action.trigger()
    assert not panel._errors[panel.city].text()
    assert panel.city.currentData() == "shanghai"


def test_a_date_typed_section_by_section_stays_in_its_field(qtbot):
    american = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(american)
    try:
        form = QWidget()
        field = DateField()
    finally:
        QLocale.setDefault(QLocale.system())
    field.setLocale(american)
    layout = QVBoxLayout(form)
    layout.addWidget(field)
    layout.addWidget(QLineEdit())
    qtbot.addWidget(form)
    field.setDate(date(2027, 1, 4))
    form.show()
    form.activateWindow()
    qtbot.waitExposed(form)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.setSelectedSection(DateField.Section.MonthSection)  # as focus by Tab does
    for text in ("May", "\t", "10", "\t", "2027"):
        if text == "\t":
            QTest.keyClick(field, Qt.Key.Key_Tab)
        else:
            QTest.keyClicks(field, text)
        assert field.hasFocus(), f"focus left the date after {text!r}"
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.date().toPython() == date(2027, 5, 10)
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert not field.hasFocus()


def choose_zone(qtbot, window, text):
    combo = window.panel.home_tz
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    combo.setEditText(text)  # typed; the completer's popup is not part of this
    QTest.keyClick(combo, Qt.Key.Key_Return)
    return window.panel._errors[combo]


@pytest.mark.parametrize(
    ("typed", "zone"),
    [("New York", "America/New_York"), ("Germany", "Europe/Berlin"), ("sydney", "Australia/Sydney")],
)
def test_time_zone_by_city_or_country(qtbot, window, typed, zone):
    error = choose_zone(qtbot, window, typed)
    assert window.document.request.home_tz == zone
    assert not error.text()


@pytest.mark.parametrize(("typed", "suggested"), [("EST", "America/New_York"), ("CET", "Europe/Berlin")])
def test_time_zone_abbreviations_are_refused_with_a_suggestion(qtbot, window, typed, suggested):
    before = window.document.request.home_tz
    error = choose_zone(qtbot, window, typed)
    assert window.document.request.home_tz == before
    assert "abbreviation" in error.text()
    assert suggested in error.text()
    assert window.panel.home_tz.currentText() == typed


def test_the_time_zone_list_offers_no_abbreviations(window):
    combo = window.panel.home_tz
    combo.fill()
    names = {combo.itemData(i) for i in range(combo.count())}
    assert {"EST", "CET", "MST", "EST5EDT", "US/Eastern"}.isdisjoint(names)
    assert combo.findText("New York", Qt.MatchFlag.MatchContains) >= 0


def test_escape_puts_back_the_plans_value_after_a_refusal(qtbot, window):
    panel = window.panel
    type_into(qtbot, panel.travellers, "A, B, C, D, E, F, G")
    QTest.keyClick(panel.travellers, Qt.Key.Key_Return)
    assert panel._errors[panel.travellers].text()
    QTest.keyClick(panel.travellers, Qt.Key.Key_Escape)
    assert not panel._errors[panel.travellers].text()
    assert panel.travellers.text() == ""  # the placeholders, shown greyed
    assert window.document.request.travellers == ("Patient", "Caregiver")
    error = choose_zone(qtbot, window, "EST")
    assert error.text()
    QTest.keyClick(panel.home_tz, Qt.Key.Key_Escape)
    assert not error.text()
    assert panel.home_tz.currentData() == window.document.request.home_tz


def test_closing_with_a_refused_value_asks_and_keeps_the_rest(qtbot, window, monkeypatch):
    asked = []

    def ask(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", ask)
    type_into(qtbot, window.panel.travellers, "A, B, C, D, E, F, G")
    assert not window.close()
    assert "between 1 and 6" in asked[0]
    assert window.panel.travellers.text() == "A, B, C, D, E, F, G"


def test_a_typed_new_date_and_an_open_note_are_saved(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "trip.carteplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.document.select("visits:outpatient#2")
    agenda = window.agenda
    agenda.move_date.setFocus()
    qtbot.waitUntil(agenda.move_date.hasFocus)
    agenda.move_date.setDate(date(2027, 5, 20))
    QTest.keyClick(agenda.move_date, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_plan(target, REFERENCE).request.moved_date("visits:outpatient#2") == date(2027, 5, 20)

    window.tabs.setCurrentWidget(window.checklist)
    tree, model = window.checklist.tree, window.checklist.model
    key = model.entry(model.index(0, 0, model.index(0, 0))).key
    tree.setFocus()
    tree.setCurrentIndex(model.index_of(key))
    QTest.keyClick(tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    QTest.keyClicks(editor, "Two copies")
    QTest.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_plan(target, REFERENCE).checklist.note(key) == "Two copies"


def test_a_typed_date_time_and_city_are_saved_without_leaving_the_field(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "trip.carteplan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    panel = window.panel
    panel.start.setFocus()
    qtbot.waitUntil(panel.start.hasFocus)
    panel.start.setSelectedSection(DateField.Section.YearSection)
    QTest.keyClicks(panel.start, "2028")
    QTest.keyClick(panel.start, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_plan(target, REFERENCE).request.start == date(2028, 3, 1)

    panel.departure.setFocus()
    qtbot.waitUntil(panel.departure.hasFocus)
    panel.departure.setSelectedSection(panel.departure.Section.HourSection)
    QTest.keyClicks(panel.departure, "07")
    QTest.keyClick(panel.departure, Qt.Key.Key_Tab)  # Qt already moved on: stays in the field
    assert panel.departure.hasFocus()
    QTest.keyClicks(panel.departure, "45")
    QTest.keyClick(panel.departure, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_plan(target, REFERENCE).request.departure_time.strftime("%H:%M") == "07:45"

    panel.city.setFocus()
    qtbot.waitUntil(panel.city.hasFocus)
    panel.city.setEditText("Beijing")
    QTest.keyClick(panel.city, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_plan(target, REFERENCE).request.city.lower() == "beijing"


def test_default_travellers_are_placeholders_not_typed_names(qtbot, window):
    panel = window.panel
    assert panel.travellers.text() == ""
    assert "Patient, Caregiver" in panel.travellers.placeholderText()
    type_into(qtbot, panel.travellers, "Anna")
    QTest.keyClick(panel.travellers, Qt.Key.Key_Return)
    assert window.document.request.travellers == ("Anna",)
    type_into(qtbot, panel.travellers, "")
    QTest.keyClick(panel.travellers, Qt.Key.Key_Backspace)
    QTest.keyClick(panel.travellers, Qt.Key.Key_Return)
    assert window.document.request.travellers == ("Patient", "Caregiver")


@pytest.mark.parametrize(
    ("language", "typed", "zone", "label"),
    [
        ("ru", "Москва", "Europe/Moscow", "Москва, Россия (Europe/Moscow)"),
        ("ru", "Германия", "Europe/Berlin", "Берлин, Германия (Europe/Berlin)"),
        ("ru", "Moscow", "Europe/Moscow", "Москва, Россия (Europe/Moscow)"),
        ("zh_CN", "纽约", "America/New_York", "纽约，美国 (America/New_York)"),
        ("ar", "دبي", "Asia/Dubai", "دبي، الإمارات العربية المتحدة (Asia/Dubai)"),
    ],
)
def test_time_zones_are_found_and_named_in_the_language(qapp, language, typed, zone, label):
    """A family types its city in its own language or in English, and reads it back in its own."""
    from carte_planner.i18n import use_language
    from carte_planner.ui.zones import resolve_zone, zone_label

    with use_language(language):
        assert resolve_zone(typed) == (zone, "")
        assert zone_label(zone) == label
    assert zone_label(zone).startswith(zone.rsplit("/", 1)[1].replace("_", " "))


@pytest.mark.parametrize("typed", ["أحمد محمود، فاطمة حسن", "张伟，李娜", "张伟、李娜", "Anna, Boris"])
def test_travellers_are_separated_by_the_comma_of_any_keyboard(qtbot, window, typed):
    panel = window.panel
    type_into(qtbot, panel.travellers, typed)
    QTest.keyClick(panel.travellers, Qt.Key.Key_Return)
    assert len(window.document.request.travellers) == 2
