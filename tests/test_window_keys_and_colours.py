"""Alt letters that do one thing each in every language, and text that reads at 4.5:1 in the
light and the dark palette, computed from the widgets' own texts and the palettes' own colours."""

import re
from datetime import date

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMenu, QWidget

from carte_planner.domain import TripRequest
from carte_planner.domain.journey import Category
from carte_planner.domain.plan import Plan
from carte_planner.i18n import current_language
from carte_planner.i18n.catalog import DOMAIN
from carte_planner.storage.planfile import save_plan
from carte_planner.ui.agenda_model import AgendaModel
from carte_planner.ui.checklist_panel import AddItemDialog
from carte_planner.ui.language import apply_language
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
from tests.gui import forget_changes
from tests.journeys import REFERENCE

# The window in each language, built the way View ▸ Language builds it; the pseudo-language
# proves that a catalogue's wrapping keeps the English letters.
KEY_LANGUAGES = ["en", "zh_CN", "ru", "ar", "pseudo"]


@pytest.fixture(params=KEY_LANGUAGES)
def speaking_window(request, window, qtbot):
    if request.param == "en":
        yield window
        return
    successor = window.switch_language(request.param)
    qtbot.addWidget(successor, before_close_func=forget_changes)
    assert current_language() == request.param
    yield successor
    apply_language("en")


def mnemonic(text: str) -> str | None:
    """The key Qt itself gives the text's `&` letter (Alt+F, Alt+Ф, Alt+ح), None without one."""
    key = QKeySequence.mnemonic(text).toString()
    return key.lower() or None


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


def clashes(pairs: list[tuple[str | None, str]]) -> dict[str, list[str]]:
    """The Alt letters that more than one text of one scope uses, with those texts."""
    letters = [letter for letter, _text in pairs if letter]
    return {letter: [text for key, text in pairs if key == letter] for letter in letters if letters.count(letter) > 1}


def test_alt_letters_are_unique_in_the_window_with_each_page(speaking_window):
    window = speaking_window
    menus = [(mnemonic(action.text()), action.text()) for action in window.menuBar().actions()]
    tabs = [(mnemonic(window.tabs.tabText(i)), window.tabs.tabText(i)) for i in range(window.tabs.count())]
    pages = [window.tabs.widget(i) for i in range(window.tabs.count())]
    found = {}
    for page in pages:
        others = [p for p in pages if p is not page]
        if twice := clashes([*menus, *tabs, *widget_mnemonics(window, others)]):
            found[page.objectName() or type(page).__name__] = twice
    assert not found, f"{current_language()}: Alt letters used twice: {found}"


def test_alt_letters_are_unique_in_each_menu_and_dialog(speaking_window, qtbot, tmp_path):
    window = speaking_window
    plan = tmp_path / "trip.carteplan"
    save_plan(plan, window.document.plan)  # publishing needs the plan in a file
    assert window.open_plan(plan)
    found = {}
    for menu in window.menuBar().findChildren(QMenu):
        if twice := clashes([(mnemonic(a.text()), a.text()) for a in menu.actions() if not a.isSeparator()]):
            found[menu.title()] = twice
    dialog = AddItemDialog(window.document.checklist.stages, date(2027, 2, 1), window)
    qtbot.addWidget(dialog)
    publish = window.publish_to_server()
    assert publish is not None
    for scope in (dialog, publish):
        if twice := clashes(widget_mnemonics(scope, [])):
            found[scope.windowTitle()] = twice
    publish.close()
    assert not found, f"{current_language()}: Alt letters used twice: {found}"


def keyed_messages(language: str) -> list:
    """The catalogue entries of `language` whose English has an Alt letter (HTML aside)."""
    catalogue = REFERENCE.locale_folder / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with open(catalogue, "rb") as file:
        return [m for m in read_po(file) if isinstance(m.id, str) and "<" not in m.id and mnemonic(m.id)]


@pytest.mark.parametrize("language", ["zh_CN", "ru", "ar"])
def test_no_translation_loses_the_alt_letter_of_the_english(language):
    """A text with an Alt letter in English has one in every language, so the user keeps the
    keyboard path to it; read from the catalogue the window reads."""
    keyed = keyed_messages(language)
    assert len(keyed) > 40
    lost = {m.id: m.string for m in keyed if not mnemonic(m.string)}
    assert lost == {}


def test_chinese_keeps_the_english_letter_in_brackets():
    """Chinese has no letters to underline: as in Chinese programs, the English letter
    follows the words in brackets, "文件(&F)", and is typed on the Latin keys."""
    keyed = keyed_messages("zh_CN")
    assert keyed
    odd = {m.id: m.string for m in keyed if f"(&{m.id[m.id.index('&') + 1].upper()})" not in m.string}
    assert odd == {}


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


def test_an_ampersand_in_a_recent_plans_name_is_shown_not_taken_for_an_alt_letter(window, tmp_path):
    plan = tmp_path / "Anna & Boris.carteplan"
    save_plan(plan, Plan(TripRequest(start=date(2027, 6, 7), city="chengdu", home_tz="Asia/Tokyo"), "other-id"))
    assert window.open_plan(plan)
    text = window.recent_menu.actions()[0].text()
    assert mnemonic(text) == "alt+1"
    assert re.sub("&(.)", r"\1", text) == "1 Anna & Boris.carteplan"  # what the menu draws
