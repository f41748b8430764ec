"""The window's language: the catalogue, Qt's own words, Qt's locale for dates, and the
layout direction."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator, qWarning
from PySide6.QtWidgets import QApplication

from carte_planner.i18n import LANGUAGES, PSEUDO, language_for_locale, set_language, tr
from carte_planner.i18n.catalog import is_right_to_left

# The QLocale behind each catalogue: its dates, month and weekday names and digits.
# Arabic is Modern Standard Arabic (ar_001): its digits are the Western ones Babel's "ar" also
# writes, so the window, the printout and the calendar file show the same numbers.
QT_LOCALES = {"en": "en_US", "zh_CN": "zh_CN", "ru": "ru_RU", "ar": "ar_001", PSEUDO: "en_US"}

# Qt's own translations of what it draws itself: standard buttons, the line edit's and the
# scroll bar's context menus, the file and print dialogs. The bundle keeps these files.
QT_CATALOGUES = {"zh_CN": "qtbase_zh_CN", "ru": "qtbase_ru", "ar": "qtbase_ar"}

_qt_translator: QTranslator | None = None


class QtWords(QTranslator):
    """Qt's own catalogue, looked up again without the & for the few texts whose Alt letter
    Qt added after they were translated: its file dialog asks for "&Look in:" and its print
    dialog for "Page &Set:", which the catalogues hold as "Look in:" and "Page Set:". The
    Discard button takes the application's own words, and keys in a shortcut are joined by +."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        if context == "QShortcut" and source == "+":
            # Qt's Arabic catalogue joins the keys with nothing: menus read "CtrlN" for Ctrl+N.
            return "+"
        if context == "QPlatformTheme" and source == "Discard":
            # Qt's catalogues say "Reject" (Отклонить, ارفض): the unsaved-changes prompt's
            # button must say what it does to the plan.
            return tr("Don't save")
        found = super().translate(context, source, disambiguation, n)
        if found or "&" not in source:
            return found
        return super().translate(context, source.replace("&", ""), disambiguation, n)


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
    _speak_qt(code)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        direction = Qt.LayoutDirection.RightToLeft if is_right_to_left(code) else Qt.LayoutDirection.LeftToRight
        app.setLayoutDirection(direction)


def _speak_qt(code: str) -> None:
    """Swap Qt's own translator for `code`'s; English needs none, so nothing is read for it.
    Installing or removing one sends every widget a LanguageChange, which Qt's own widgets
    (a button box's standard buttons) answer by taking the new words."""
    global _qt_translator
    app = QCoreApplication.instance()
    if app is None:
        return
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator.deleteLater()
        _qt_translator = None
    catalogue = QT_CATALOGUES.get(code)
    if catalogue is None:
        return
    translator = QtWords(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(catalogue, folder):
        app.installTranslator(translator)
        _qt_translator = translator
    else:  # an installation or bundle without it: say so, the window still works
        qWarning(f"{catalogue}.qm is not in {folder}: Qt's standard buttons and menus stay in English")


def qt_speaks() -> str | None:
    """The file name of Qt's own translation now installed, None when Qt speaks English."""
    return _qt_translator.filePath() if _qt_translator is not None else None
