"""Right to left done right: shortcuts read Ctrl+N, a file extension in parentheses stays
whole, and weekday headers never run together, in Arabic."""

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence

from carte_planner.i18n import tr
from carte_planner.ui.language import apply_language
from carte_planner.ui.month_view import weekday_header
from tests.test_arabic_bidi import drawn_x


@pytest.fixture
def arabic(qapp):
    apply_language("ar")
    yield
    apply_language("en")


def read_in_order(text: str, word: str) -> bool:
    """`word`, inside a right-to-left line, is drawn left to right as it is written."""
    places = drawn_x(text)
    start = text.index(word)
    xs = [places[i] for i in range(start, start + len(word)) if places[i] is not None]
    return xs == sorted(xs)


def test_shortcuts_read_as_typed_in_arabic_menus(arabic):
    for typed in ("Ctrl+N", "Ctrl+Shift+E", "Ctrl+0", "Shift+F6"):
        keys = QKeySequence(typed).toString(QKeySequence.SequenceFormat.NativeText)
        assert keys == typed, "Qt's Arabic catalogue joined the keys with nothing"
        # A menu draws the shortcut on its own, in the menu's direction.
        assert read_in_order(keys, keys)


def test_a_file_extension_in_parentheses_stays_whole(arabic):
    text = tr("&Export to calendar (.ics)…").replace("&", "")
    assert read_in_order(text, ".ics")


def test_weekday_headers_fit_their_columns(arabic):
    locale = QLocale()
    metrics = QFontMetrics(QFont())
    for width in (30, 50, 80):
        for day in range(1, 8):
            name = weekday_header(locale, day, metrics, width)
            assert metrics.horizontalAdvance(name) <= width, (width, name)
            assert name.strip("…")
