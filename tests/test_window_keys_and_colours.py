"""Alt letters that do one thing each, and text that reads at 4.5:1 in the light and the dark
palette, computed from the widgets' own texts and the palettes' own colours."""

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMenu, QWidget

from carte_planner.domain.journey import Category
from carte_planner.ui.agenda_model import AgendaModel
from carte_planner.ui.checklist_panel import AddItemDialog
from carte_planner.ui.palette import (
    category_colour,
    chip_fill,
    contrast_ratio,
    dark_palette,
    focus_colour,
    muted_text,
    overdue_text,
    readable_on,
    text_colour_on,
    warning_text,
)
from carte_planner.ui.summary_bar import CHECK_COLOURS, WARNING_COLOURS


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def widget_mnemonics(root: QWidget, skip: list[QWidget]) -> list[tuple[str, str]]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if any(widget is page or page.isAncestorOf(widget) for page in skip):
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        letter = mnemonic(text)
        if letter:
            found.append((letter, text))
    return found


def assert_unique(pairs, scope):
    letters = [letter for letter, _text in pairs]
    twice = {letter for letter in letters if letters.count(letter) > 1}
    clashes = {letter: [text for key, text in pairs if key == letter] for letter in twice}
    assert not clashes, f"{scope}: Alt letters used twice: {clashes}"


def test_alt_letters_are_unique_in_the_window_with_each_page(window):
    menus = [(mnemonic(action.text()), action.text()) for action in window.menuBar().actions()]
    tabs = [(mnemonic(window.tabs.tabText(i)), window.tabs.tabText(i)) for i in range(window.tabs.count())]
    pages = [window.tabs.widget(i) for i in range(window.tabs.count())]
    for page in pages:
        others = [p for p in pages if p is not page]
        pairs = [*menus, *tabs, *widget_mnemonics(window, others)]
        assert_unique([p for p in pairs if p[0]], f"the window with {page.objectName() or type(page).__name__}")


def test_alt_letters_are_unique_in_each_menu_and_dialog(window, qtbot):
    for menu in window.menuBar().findChildren(QMenu):
        pairs = [(mnemonic(a.text()), a.text()) for a in menu.actions() if not a.isSeparator()]
        assert_unique([p for p in pairs if p[0]], menu.title())
    dialog = AddItemDialog(window.document.checklist.stages, date(2027, 2, 1), window)
    qtbot.addWidget(dialog)
    assert_unique(widget_mnemonics(dialog, []), "Add item")


def light_palette() -> QPalette:
    return QApplication.style().standardPalette()


PALETTES = {"light": light_palette, "dark": dark_palette}


@pytest.mark.parametrize("name", PALETTES)
def test_chip_and_bar_labels_read_at_4_5_to_1(name):
    palette = PALETTES[name]()
    for category in Category:
        for busy in (True, False):
            fill = chip_fill(category, busy, palette)
            ratio = contrast_ratio(text_colour_on(fill), fill)
            assert ratio >= 4.5, f"{category} ({'busy' if busy else 'not busy'}) on {name}: {ratio:.2f}"


def test_text_colour_is_chosen_by_contrast_ratio():
    accommodation = category_colour(Category.ACCOMMODATION)
    assert text_colour_on(accommodation) == QColor("#000000")
    assert contrast_ratio(QColor("#000000"), accommodation) > contrast_ratio(QColor("#FFFFFF"), accommodation)


@pytest.mark.parametrize("name", PALETTES)
def test_signal_and_muted_text_reads_at_4_5_to_1(name):
    palette = PALETTES[name]()
    backgrounds = [palette.base().color(), palette.alternateBase().color(), palette.window().color()]
    colours = {
        "range warning": warning_text(palette),
        "overdue": overdue_text(palette),
        "past date": muted_text(palette),
        "Day 0 label": readable_on(category_colour(Category.MILESTONE), palette.base().color()),
        "Today label": readable_on(palette.highlight().color(), palette.base().color()),
        "text": palette.text().color(),
    }
    for label, colour in colours.items():
        backgrounds_here = backgrounds if label not in ("Day 0 label", "Today label") else backgrounds[:1]
        for background in backgrounds_here:
            ratio = contrast_ratio(colour, background)
            assert ratio >= 4.5, f"{label} on {background.name()} ({name}): {ratio:.2f}"
    assert contrast_ratio(focus_colour(palette), palette.base().color()) >= 3.0


def test_notice_colours_read_at_4_5_to_1():
    for background, text, _border in (WARNING_COLOURS, CHECK_COLOURS):
        assert contrast_ratio(QColor(text), QColor(background)) >= 4.5


def test_the_window_uses_readable_colours_for_past_dates(window):
    window.panel.start.setDate(date(2027, 1, 20))  # the preparation is now partly past
    model = window.agenda.model
    today = window.document.today
    past = [row for row in range(model.rowCount()) if model.line(row).day < today]
    assert past
    brush = model.data(model.index(past[0], AgendaModel.DATE), Qt.ItemDataRole.ForegroundRole)
    palette = QApplication.palette()
    for background in (palette.base().color(), palette.alternateBase().color()):
        assert contrast_ratio(brush.color(), background) >= 4.5
