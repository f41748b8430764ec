"""The window in each language: every visible word from the catalogue (the pseudo-language
finds any that is not), Arabic mirrored, and View ▸ Language switching without a restart."""

import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QTabWidget, QWidget

from carte_planner.domain import TripRequest
from carte_planner.domain.plan import Plan
from carte_planner.i18n import LANGUAGES, current_language
from carte_planner.resources import load_cities
from carte_planner.tz_tables import country_names
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.language import apply_language
from carte_planner.ui.main_window import MainWindow
from tests.gui import forget_changes, settings_folder
from tests.journeys import REFERENCE, TODAY
from tests.pseudo_words import escaped_words


@pytest.fixture
def speak(qtbot):
    """Switch the window's language for one test, and back to English after it."""
    yield apply_language
    apply_language("en")


def open_window(qtbot, settings, travellers=("Anna", "Boris")):
    request = TripRequest(start=date(2027, 3, 1), city="shanghai", home_tz="Europe/Berlin", travellers=travellers)
    document = PlanDocument(Plan(request, "plan-test"), TODAY, reference=REFERENCE)
    win = MainWindow(document, settings, autosave_folder=settings_folder(settings) / "data")
    qtbot.addWidget(win, before_close_func=forget_changes)
    win.show()
    qtbot.waitExposed(win)
    win.show_panel(True)
    return win


def visible_texts(win):
    """Every text a user can see or hear in the window: labels, buttons, tabs, menus, lists,
    tooltips and the names screen readers read."""
    texts = [win.windowTitle()]
    for widget in win.findChildren(QWidget):
        for name in ("text", "title", "placeholderText", "toolTip", "accessibleName", "accessibleDescription"):
            getter = getattr(widget, name, None)
            if name in ("text", "title") and not isinstance(widget, QLabel | QAbstractButton | QGroupBox):
                continue
            if callable(getter):
                value = getter()
                if isinstance(value, str):
                    texts.append(value)
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
    for action in win.findChildren(QAction):
        texts += [action.text(), action.toolTip(), action.statusTip()]
    model = win.agenda.table.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            texts.append(str(model.data(model.index(row, column)) or ""))
    texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    return [t for t in texts if t]


def proper_names(win):
    """Names no catalogue translates: places, zones, airports, countries, holidays, the
    travellers, the languages' own names, and the dates and times Qt's locale writes."""
    journey = win.document.journey
    names = {"Anna", "Boris", *(word for name in LANGUAGES.values() for word in name.split())}
    for city in load_cities():
        names.update(city.name.replace("'", " ").split())
        names.update(city.name_zh.split())
        names.update(city.airports)
    for holiday in journey.holidays:
        names.update(holiday.name.replace("'", " ").split())
        names.update(holiday.country_name.split())
    for code, label in country_names().items():
        names.update(re.findall(r"[^\W\d_]+", label))
        names.add(code)
    names.update({"Europe", "Berlin", "Germany", "GMT", "UTC", "AM", "PM", "Scroll", "Left", "Right"})
    names.update({"CNY", "EUR", "USD"})  # currency codes, as the Money view shows them
    locale = QLocale()
    for number in range(1, 13):
        names.update(locale.monthName(number, f).replace(".", "") for f in QLocale.FormatType)
        names.update(locale.standaloneMonthName(number, f).replace(".", "") for f in QLocale.FormatType)
    for number in range(1, 8):
        names.update(locale.dayName(number, f).replace(".", "") for f in QLocale.FormatType)
    return names


def test_every_word_in_the_window_is_translatable(qtbot, settings, speak):
    speak("pseudo")
    win = open_window(qtbot, settings)
    allowed = proper_names(win)
    escaped = {text[:80]: words for text in visible_texts(win) if (words := escaped_words(text, allowed))}
    assert escaped == {}


@pytest.mark.parametrize("language", ["zh_CN", "ru", "ar"])
def test_the_window_speaks_the_language(qtbot, settings, speak, language):
    speak(language)
    win = open_window(qtbot, settings)
    menus = [action.text() for action in win.menuBar().actions()]
    english = ["&File", "&Edit", "&View", "&Help"]
    assert not set(menus) & set(english)
    phase_titles = [row.title.text() for row in win.panel.phase_rows]
    assert all(not title.isascii() for title in phase_titles), phase_titles
    assert not win.month.title.text().isascii()


def test_the_arabic_window_is_mirrored(qtbot, settings, speak):
    speak("ar")
    win = open_window(qtbot, settings)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert win.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # The request panel sits on the right, the views on the left.
    panel_x = win.panel_scroll.mapTo(win, QPoint(0, 0)).x()
    views_x = win.views_splitter.mapTo(win, QPoint(0, 0)).x()
    assert panel_x > views_x
    # The month's week starts at the right: Monday's column is right of Tuesday's.
    grid = win.month.grid
    monday = grid.first_day()
    assert grid.cell_rect(monday).left() > grid.cell_rect(monday + timedelta(days=1)).left()
    assert grid.day_at(grid.cell_rect(monday).center().x(), grid.cell_rect(monday).center().y()) == monday
    # The timeline runs from right to left: a later day is drawn further left.
    canvas = win.timeline.canvas
    start = win.document.request.start
    assert canvas.x_of(start + timedelta(days=30)) < canvas.x_of(start)
    x = (canvas.x_of(start) + canvas.x_of(start + timedelta(days=1))) / 2
    assert canvas.day_at(x, canvas.height() - 5) == start


def test_view_language_switches_without_a_restart(qtbot, settings, speak):
    win = open_window(qtbot, settings)
    win.panel.travellers.setText("Anna, Boris, Chen")
    win.panel.travellers.editingFinished.emit()
    speak("en")
    action = next(a for a in win.language_group.actions() if a.data() == "ru")
    action.trigger()
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert shown == [win]  # the same window, not one built again beside it
    assert current_language() == "ru"
    assert win.document.request.travellers == ("Anna", "Boris", "Chen")
    assert win.document.modified
    assert win.menuBar().actions()[0].text() == "&Файл"
    assert settings.value("language") == "ru"


def item_dates(win):
    return [(item.key, item.start, item.end) for item in win.document.journey.items]


def test_a_language_switch_keeps_the_undo_history(qtbot, settings, speak):
    win = open_window(qtbot, settings)
    request, dates = win.document.request, item_dates(win)
    before = win.panel.phase_rows[0].days.value()
    win.panel.phase_rows[0].days.setValue(before + 3)
    edited = win.document.request
    assert edited != request
    assert item_dates(win) != dates
    win.switch_language("zh_CN")
    assert win.undo_action.isEnabled()
    assert win.undo_action.text().startswith("撤销")  # the menu's Undo in the new language
    win.undo_action.trigger()
    assert win.document.request == request
    assert item_dates(win) == dates
    assert win.panel.phase_rows[0].days.value() == before  # the rebuilt panel follows it
    assert not win.document.modified
    win.redo_action.trigger()
    assert win.document.request == edited
    assert win.panel.phase_rows[0].days.value() == before + 3


def movable_line(win):
    """An agenda line of one item (not a visit of a series), named without a traveller's name."""
    model = win.agenda.model
    lines = [model.line(row) for row in range(model.rowCount())]
    return next(
        line for line in lines if line.item.recurrence is None and not {"Anna", "Boris"} & set(line.title.split())
    )


def test_after_a_switch_every_step_of_the_history_is_named_in_the_new_language(qtbot, settings, speak):
    """Steps named in English before a switch to Russian are all named in Russian after it, in
    the history and on Undo and Redo, and undoing them all gives the plan back."""
    win = open_window(qtbot, settings)
    plan = win.document.plan
    stack = win.document.undo_stack
    panel = win.panel
    panel.phase_rows[0].days.setValue(panel.phase_rows[0].days.value() + 3)  # a phase length
    panel.home_airport.setText("PEK")  # a text field
    panel.home_airport.editingFinished.emit()
    panel.people.nationality.setText("fr")  # a traveller's field
    panel.people.nationality.editingFinished.emit()
    checklist = win.checklist.model
    item = checklist.index_of("admission-packing")
    assert checklist.setData(item, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)  # a tick
    note = item.siblingAtColumn(checklist.NOTE)
    assert checklist.setData(note, "Blue suitcase", Qt.ItemDataRole.EditRole)  # a note
    line = movable_line(win)
    win.document.select(line.key)
    win.agenda.move_date.setDate(win.agenda.move_date.date().addDays(2))  # a moved date
    win.agenda.move_button.click()
    assert dict(win.document.request.moved)[line.key] == line.day + timedelta(days=2)
    english = [stack.text(i) for i in range(stack.count())]
    assert len(english) == 6
    assert all(re.search("[A-Za-z]{3}", text) for text in english)
    win.undo_action.trigger()  # one step to redo as well

    win.switch_language("ru")
    russian = [stack.text(i) for i in range(stack.count())]
    for text in [*russian, win.undo_action.text(), win.redo_action.text()]:
        assert re.search("[а-яА-Я]{3}", text), text
        assert not re.search("[A-Za-z]", text), text
    assert all(after != before for after, before in zip(russian, english, strict=True))
    assert russian[1] == "Изменить домашний аэропорт"
    assert win.undo_action.text() == f"&Отменить {russian[4]}"  # the note
    assert win.redo_action.text() == f"&Повторить {russian[5]}"  # the moved date
    while stack.canUndo():
        win.undo_action.trigger()
    assert win.document.plan == plan
    assert not win.document.modified


def test_after_a_switch_every_word_in_the_window_is_in_the_new_language(qtbot, settings, speak):
    """Switched in place from English to the pseudo-language: no English word is left on the
    menus, actions, tabs, fields, agenda or status bar, and nothing of the English views stays."""
    win = open_window(qtbot, settings)
    win.panel.phase_rows[0].days.setValue(win.panel.phase_rows[0].days.value() + 1)
    win.show_what_if()
    win.tabs.setCurrentWidget(win.timeline)
    win.switch_language("pseudo")
    assert win.tabs.currentWidget() is win.timeline
    assert win.what_if_panel is not None
    assert win.what_if_panel.isVisible()
    allowed = proper_names(win)
    # The undo step, named before the switch, is named in the new language too.
    escaped = {text[:80]: words for text in visible_texts(win) if (words := escaped_words(text, allowed))}
    assert escaped == {}
    assert win.document.undo_stack.undoText() in win.undo_action.text()
    assert len(win.findChildren(type(win.month))) == 1


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("ru", "⚠ путешественники: нужно значение от 1 до 6, а не 7"),
        ("zh_CN", "⚠ 出行人员：必须在 1 至 6 之间，而不是 7"),
        ("ar", "⚠ المسافرون: يجب أن يكون بين 1 و6، وليس 7"),
    ],
)
def test_a_refusal_beside_its_field_is_in_the_language(qtbot, settings, speak, language, reason):
    from PySide6.QtTest import QTest

    speak(language)
    win = open_window(qtbot, settings)
    panel = win.panel
    panel.travellers.setFocus()
    panel.travellers.selectAll()
    QTest.keyClicks(panel.travellers, "A, B, C, D, E, F, G")
    QTest.keyClick(panel.travellers, Qt.Key.Key_Return)
    error = panel._errors[panel.travellers]
    assert error.isVisible()
    assert error.text() == reason
