"""Public holidays and the home country in the window: tinted, named, listed, exported on request."""

from dataclasses import replace
from datetime import date

import pytest
import vobject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFileDialog

from carte_planner.domain.journey import Category
from carte_planner.ui.agenda_model import AgendaModel
from carte_planner.ui.palette import category_colour, holiday_tint

NATIONAL_DAY = date(2027, 10, 1)


def plan_around_national_day(window):
    window.document.change(replace(window.document.request, start=date(2027, 9, 13)), "Move the start")


def test_the_agenda_lists_the_holidays_of_the_stay(window):
    plan_around_national_day(window)
    model = window.agenda.model
    title = "Public holiday (China): National Day (provisional: check the official holiday notice for 2027)"
    rows = [row for row in range(model.rowCount()) if model.data(model.index(row, AgendaModel.ITEM)) == title]
    # 2027's arrangement is not published: the modelled Golden Week runs 1-7 October.
    assert [model.line(row).day for row in rows] == [date(2027, 10, day) for day in range(1, 8)]
    assert all(model.data(model.index(row, AgendaModel.STATUS)) == "Offices closed" for row in rows)


def test_the_month_tints_and_names_a_holiday(window):
    plan_around_national_day(window)
    grid = window.month.grid
    grid.set_month(NATIONAL_DAY)
    window.resize(1400, 900)
    image = grid.grab().toImage()
    cell = grid.cell_rect(NATIONAL_DAY)
    ordinary = grid.cell_rect(date(2027, 10, 13))
    # A point low in the cell, below the chips: the holiday's wash, not a chip's colour.
    pixel = QColor(image.pixel(int(cell.right() - 3), int(cell.bottom() - 3)))
    plain = QColor(image.pixel(int(ordinary.right() - 3), int(ordinary.bottom() - 3)))
    assert pixel != plain
    assert abs(pixel.red() - pixel.blue()) < 40  # a pink-violet wash over white
    menu = grid.open_day(NATIONAL_DAY)
    assert "Public holiday (China): National Day (provisional: check the official holiday notice for 2027)" in [
        a.text() for a in menu.actions()
    ]
    menu.close()
    grid.move_cursor(NATIONAL_DAY)
    assert "National Day" in grid.accessibleDescription()


def test_the_timeline_washes_holiday_days(window):
    plan_around_national_day(window)
    window.tabs.setCurrentWidget(window.timeline)
    canvas = window.timeline.canvas
    middle = canvas.x_of(NATIONAL_DAY) + canvas.day_width / 2
    assert canvas.day_at(middle, canvas.height() - 2) == NATIONAL_DAY
    tint = holiday_tint(canvas.palette())
    assert tint.alpha() > 0
    assert category_colour(Category.HOLIDAY).isValid()


def test_the_home_country_moves_the_visa_date_and_undoes(window):
    panel = window.panel
    combo = panel.home_country
    assert combo.itemText(0) == "Germany, from the time zone"
    assert window.document.journey.home_country == "DE"
    index = combo.findData("GB")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert window.document.request.home_country == "GB"
    assert window.document.journey.home_country == "GB"
    window.undo_action.trigger()
    assert window.document.request.home_country == ""
    assert combo.currentIndex() == 0


def test_holidays_go_into_the_calendar_only_when_asked(window, tmp_path, monkeypatch):
    plan_around_national_day(window)
    target = tmp_path / "journey.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert not window.holidays_in_calendar_action.isChecked()
    window.export_action.trigger()
    titles = {e.summary.value for e in vobject.readOne(target.read_text(encoding="utf-8")).vevent_list}
    assert not any(title.startswith("Public holiday") for title in titles)
    window.holidays_in_calendar_action.setChecked(True)
    window.export_action.trigger()
    events = vobject.readOne(target.read_text(encoding="utf-8")).vevent_list
    holiday = next(e for e in events if e.summary.value.startswith("Public holiday (China): National Day"))
    assert holiday.transp.value == "TRANSPARENT"


def test_a_russian_familys_home_holidays_follow_the_windows_language(window, qtbot):
    """View ▸ Language renames the home country's holidays: the library's Russian and Chinese
    names for Russia, English where it has none (Arabic)."""

    from carte_planner.ui.language import apply_language
    from carte_planner.ui.main_window import MainWindow
    from tests.gui import forget_changes

    window.document.change(replace(window.document.request, start=date(2027, 2, 15), home_tz="Europe/Moscow"), "Move")
    expected = {
        "ru": "Россия: Новогодние каникулы",
        "zh_CN": "俄罗斯公共假日：元旦假期",
        "ar": ": Новогодние каникулы (New Year Holidays)",
        "en": "Russia): New Year Holidays",
    }
    seen = {}
    try:
        for language in expected:
            action = next(a for a in window.language_group.actions() if a.data() == language)
            action.trigger()
            window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
            qtbot.addWidget(window, before_close_func=forget_changes)
            model = window.agenda.model
            seen[language] = [
                str(model.data(model.index(row, AgendaModel.ITEM)))
                for row in range(model.rowCount())
                if model.line(row).day == date(2027, 1, 1)
            ]
    finally:
        apply_language("en")
    for language, name in expected.items():
        assert any(title.endswith(name) for title in seen[language]), (language, seen[language])


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_holidays_name_never_covers_the_day_number(window, monkeypatch, language):
    """The name sits beside the day's number: right of it, and left of it in the mirrored
    Arabic month, where the number is at the right of the cell."""
    from PySide6.QtGui import QFontMetrics

    from carte_planner.domain.journey import Journey
    from carte_planner.ui.language import apply_language

    eid = date(2027, 3, 10)  # Eid al-Fitr holiday in Saudi Arabia, before the flight
    request = replace(window.document.request, start=date(2027, 3, 22), home_tz="Asia/Riyadh")
    try:
        apply_language(language)
        window.document.change(request, "Move")
        window.resize(1400, 900)
        grid = window.month.grid
        grid.set_month(eid)
        assert window.document.journey.holidays_on(eid)
        named = grid.grab().toImage()
        holidays_on = Journey.holidays_on
        monkeypatch.setattr(
            Journey, "holidays_on", lambda self, day: [replace(h, source_name="") for h in holidays_on(self, day)]
        )
        grid.update()
        unnamed = grid.grab().toImage()
        cell = grid.cell_rect(eid)
        metrics = QFontMetrics(grid.font())
    finally:
        apply_language("en")
    number_width = metrics.horizontalAdvance("10")
    number_left = cell.right() - 4 - number_width if language == "ar" else cell.left() + 4
    strip = range(int(cell.top()) + 2, int(cell.top()) + metrics.height())

    def differs(xs: range) -> bool:
        return any(named.pixel(x, y) != unnamed.pixel(x, y) for x in xs for y in strip)

    assert not differs(range(int(number_left), int(number_left + number_width)))
    assert differs(range(int(cell.left()) + 4, int(cell.right()) - 4))  # the name is there
