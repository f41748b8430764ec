"""The Qt application: names for settings, translations, the style and the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from carte_planner import __version__
from carte_planner.resources import resource_root
from carte_planner.ui.main_window import MainWindow


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own strings and Carte Planner's, in the user's language where a translation exists."""
    translators = []
    qt = QTranslator(app)
    if qt.load(QLocale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    ours = QTranslator(app)
    folder = resource_root() / "translations"
    if ours.load(QLocale(), "carte_planner", "_", str(folder)):
        translators.append(ours)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def make_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("Carte Planner")
    app.setApplicationName("Carte Planner")
    app.setApplicationVersion(__version__)
    install_translations(app)
    return app


class _QuitAfterFirstPaint(QObject):
    """Quits the application once the window has painted for the first time."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # exit(), not quit(): quit() closes the window, which would store the session.
            QTimer.singleShot(0, lambda: QApplication.exit(0))
        return False


def check_resources() -> str | None:
    """Load every data file once; a damaged one is explained instead of crashing later."""
    from carte_planner.domain.errors import ResourceError
    from carte_planner.resources import load_checklist_template, load_cities, load_protocol

    try:
        load_protocol()
        load_cities()
        load_checklist_template()
    except ResourceError as error:
        return (
            f"A data file of Carte Planner is damaged or missing ({error}). "
            "Reinstall Carte Planner; your saved plans are not affected."
        )
    return None


def run_app(argv: list[str], exit_after_show: bool = False) -> int:
    app = make_app(argv)
    problem = check_resources()
    if problem:
        print(f"carte-planner: {problem}", file=sys.stderr)
        QMessageBox.critical(None, app.tr("Carte Planner cannot start"), problem)
        return 2
    window = MainWindow(offer_autosave=not exit_after_show)
    if exit_after_show:
        quitter = _QuitAfterFirstPaint(window)
        window.installEventFilter(quitter)
    window.show()
    return app.exec()
