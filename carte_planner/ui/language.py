"""The window's language: the catalogue, Qt's locale for dates, and the layout direction."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication

from carte_planner.i18n import LANGUAGES, PSEUDO, language_for_locale, set_language
from carte_planner.i18n.catalog import is_right_to_left

# The QLocale behind each catalogue: its dates, month and weekday names and digits.
QT_LOCALES = {"en": "en_US", "zh_CN": "zh_CN", "ru": "ru_RU", "ar": "ar_EG", PSEUDO: "en_US"}


def startup_language(settings: QSettings) -> str:
    """The language chosen in View ▸ Language, else the system's when there is a catalogue for it."""
    chosen = settings.value("language", "")
    if isinstance(chosen, str) and (chosen in LANGUAGES or chosen == PSEUDO):
        return chosen
    return language_for_locale(QLocale.system().name())


def apply_language(code: str) -> None:
    set_language(code)
    locale = QLocale(QT_LOCALES.get(code, "en_US"))
    if code == "en":
        # English words, but the user's own date order and first weekday where it is English.
        system = QLocale.system()
        if system.language() == QLocale.Language.English:
            locale = system
    QLocale.setDefault(locale)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        direction = Qt.LayoutDirection.RightToLeft if is_right_to_left(code) else Qt.LayoutDirection.LeftToRight
        app.setLayoutDirection(direction)
