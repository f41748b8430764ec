"""Input fields that behave as people type: a date typed section by section, a refusal shown
beside its field."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QDoubleSpinBox, QLabel, QSpinBox, QTimeEdit, QWidget

from carte_planner.ui.counted import refresh_unit
from carte_planner.ui.palette import warning_text


def edit_date_format(locale: QLocale | None = None) -> str:
    """The locale's long date order with short month names and no weekday: "MMM d, yyyy" in
    American English, "d. MMM yyyy" in German. A weekday section would take the first typed
    characters and throw every later section off by one."""
    long = (locale or QLocale()).dateFormat(QLocale.FormatType.LongFormat)
    without_weekday = re.sub(r"d{3,4}[^dMy]*", "", long, count=1).strip(" ,")
    return without_weekday.replace("MMMM", "MMM")


def keep_sections_in_order(edit: QDateTimeEdit, display_format: str) -> None:
    """Show `display_format` with its sections in the order the locale writes them. A date or
    time edit laid out right to left reverses its sections (Arabic showed 10:00 as "ص 00:10",
    and typed minutes went into the hour): the edit is laid out left to right, so that Qt keeps
    the format as it is, and its text is written in the window's direction, so that an Arabic
    date still reads "15 مارس 2027" from the right."""
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setDisplayFormat(display_format)
    # The calendar popup is a window of its own: it takes the application's direction anyway.
    edit.lineEdit().setLayoutDirection(QGuiApplication.layoutDirection())


def time_format(locale: QLocale | None = None) -> str:
    """The locale's short time format, without seconds: "h:mm AP" in English, "HH:mm" in Russian."""
    return (locale or QLocale()).timeFormat(QLocale.FormatType.ShortFormat)


class SectionTyping:
    """Mixed into a date or time edit (before it), typed section by section. Qt moves to the
    next section by itself once one is full ("May", "10"); a Tab typed right after that move
    would skip a section and the next characters land in another field. Such a Tab is taken
    as the move already made."""

    _advanced = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        edit = self._edit()
        before = edit.currentSection()
        super().keyPressEvent(event)  # type: ignore[misc]
        typed = bool(event.text()) and event.text().isprintable()
        self._advanced = typed and edit.currentSection() != before

    def focusNextPrevChild(self, next_child: bool) -> bool:
        if self._advanced and next_child and self._edit().hasFocus():
            self._advanced = False
            return True
        self._advanced = False
        return super().focusNextPrevChild(next_child)  # type: ignore[misc]

    def focusInEvent(self, event) -> None:
        self._advanced = False
        super().focusInEvent(event)  # type: ignore[misc]

    def _edit(self) -> QDateTimeEdit:
        assert isinstance(self, QDateTimeEdit)
        return self


class DateField(SectionTyping, QDateEdit):
    """A date typed month, day and year (in the locale's order), with no weekday to trip on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        keep_sections_in_order(self, edit_date_format())
        self.setKeyboardTracking(False)


class TimeField(SectionTyping, QTimeEdit):
    """A time typed hours, then minutes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_sections_in_order(self, time_format())


class FieldError(QLabel):
    """Why the value in the field above was refused; hidden while the field is fine."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setObjectName("fieldError")
        self.hide()

    def show_reason(self, reason: str) -> None:
        palette = self.palette()
        palette.setColor(self.foregroundRole(), warning_text(palette))
        self.setPalette(palette)
        self.setText("⚠ " + reason)
        self.field.setAccessibleDescription(reason)
        self.show()

    def clear_reason(self) -> None:
        if self.isVisible() or self.text():
            self.setText("")
            self.field.setAccessibleDescription("")
            self.hide()


def show_value(box: QSpinBox | QDoubleSpinBox, value: float) -> None:
    """Set a spin box only when its value differs: setting it repaints it even when equal."""
    if box.value() != value:
        box.setValue(value)  # type: ignore[arg-type]
        refresh_unit(box)
