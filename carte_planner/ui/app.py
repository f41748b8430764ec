"""The Qt application: names for settings, translations, the style and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

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
    # Wayland finds the icon and groups the windows through the desktop entry of this name.
    app.setDesktopFileName("carte-planner")
    app.setWindowIcon(app_icon())
    install_translations(app)
    return app


def app_icon() -> QIcon:
    """The icon of every window, dialog and the About box, in each size drawn for it."""
    icon = QIcon()
    for png in sorted((resource_root() / "icons").glob("carte-planner-*.png")):
        icon.addFile(str(png))
    return icon


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


class Windows(QObject):
    """The open windows: the first, and one more for each plan a second launch hands over."""

    def __init__(self, first: MainWindow) -> None:
        super().__init__(first)
        self.first = first
        self.windows = [first]

    def open(self, plan_file: str) -> MainWindow | None:
        """Show a window with the plan (a new one, or the one that has it already), or bring
        the last window forward when no file is given. A file that does not open is explained
        in a dialog, and None returned."""
        self.windows = [w for w in self.windows if isValid(w) and w.isVisible()]
        target = self._window_with(plan_file) if plan_file else (self.windows[-1] if self.windows else None)
        if target is None and plan_file:
            target = self._new_window(plan_file)
        if target is None:
            return None
        target.show()
        target.raise_()
        target.activateWindow()
        return target

    def _window_with(self, plan_file: str) -> MainWindow | None:
        wanted = Path(plan_file).resolve()
        for window in self.windows:
            if window.document.path is not None and window.document.path.resolve() == wanted:
                return window
        return None

    def _new_window(self, plan_file: str) -> MainWindow | None:
        from datetime import date

        from carte_planner.ui.document import PlanDocument, default_plan
        from carte_planner.ui.main_window import system_zone

        today = date.today()
        document = PlanDocument(default_plan(today, system_zone()), today, None)
        window = MainWindow(document, self.first.settings, autosave_folder=self._free_folder(), offer_autosave=False)
        if not window.open_plan(plan_file):  # the window has said why
            window.deleteLater()
            return None
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.windows.append(window)
        return window

    def _free_folder(self) -> Path:
        """A safety-copy folder of its own for a further window, so two windows never
        overwrite one copy, and none holding a copy still to be offered back."""
        from carte_planner.storage.autosave import FILE_NAME

        used = {w.autosave_folder for w in self.windows if isValid(w)}
        number = 2
        while (folder := self.first.autosave_folder / f"window-{number}") in used or (folder / FILE_NAME).exists():
            number += 1
        return folder

    def recover(self) -> None:
        """After a crash, offer back the unsaved plans of further windows too, each in a
        window of its own (the first window has offered its own already)."""
        from carte_planner.storage.autosave import FILE_NAME, read_autosave

        for copy in sorted(self.first.autosave_folder.glob(f"window-*/{FILE_NAME}")):
            found = read_autosave(copy.parent)
            if found is None:
                continue
            window = MainWindow(None, self.first.settings, autosave_folder=copy.parent, offer_autosave=True)
            if window.document.plan != found.plan or not window.document.modified:  # declined
                window.deleteLater()
                continue
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.windows.append(window)
            window.show()


class FileOpenRequests(QObject):
    """macOS tells the running app about a plan double-clicked in the Finder with a FileOpen
    event, not a second launch: it goes where a second launch's file goes."""

    def __init__(self, windows: Windows) -> None:
        super().__init__(windows)
        self.windows = windows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFileOpenEvent) and event.file():
            self.windows.open(event.file())
            return True
        return False


def _hand_off(app: QApplication, plan_file: str | None) -> int | None:
    """A second launch: give the file to the running Carte Planner. Returns this process's
    exit code when it is done, None when no Carte Planner is running."""
    from carte_planner.ui.single_instance import HandOff, hand_to_running_app

    outcome, why = hand_to_running_app(str(Path(plan_file).absolute()) if plan_file else None)
    if outcome == HandOff.NO_RUNNING_APP:
        return None
    if outcome == HandOff.DONE:
        return 0
    message = app.tr("%1 Close the Carte Planner window that is open, then try again.").replace("%1", why)
    print(f"carte-planner: {message}", file=sys.stderr)
    QMessageBox.warning(None, app.tr("Carte Planner is already running"), message)
    return 1


def run_app(argv: list[str], exit_after_show: bool = False, plan_file: str | None = None) -> int:
    app = make_app(argv)
    problem = check_resources()
    if problem:
        print(f"carte-planner: {problem}", file=sys.stderr)
        QMessageBox.critical(None, app.tr("Carte Planner cannot start"), problem)
        return 2
    if exit_after_show and plan_file:
        # No one is there to close a dialog: a plan that does not open is reported here.
        from carte_planner.storage.errors import PlanFileError
        from carte_planner.storage.planfile import load_plan

        try:
            load_plan(plan_file)
        except PlanFileError as error:
            print(f"carte-planner: {error}", file=sys.stderr)
            return 2
    server = None
    if not exit_after_show:  # a trial start stays apart from a Carte Planner the user has open
        handed = _hand_off(app, plan_file)
        if handed is not None:
            return handed
        from carte_planner.ui.single_instance import InstanceServer

        server = InstanceServer(parent=app)
        server.listen()  # without it, a second launch opens a second, separate Carte Planner
    window = MainWindow(offer_autosave=not exit_after_show)
    if plan_file:
        window.open_plan(plan_file)  # on failure the window says why and keeps its plan
    if server is not None:
        windows = Windows(window)
        server.requested.connect(windows.open)
        app.installEventFilter(FileOpenRequests(windows))
        QTimer.singleShot(0, windows.recover)
        from carte_planner.ui.desktop_offer import bundle_on_linux, offer_desktop_entry

        if bundle_on_linux():
            QTimer.singleShot(0, lambda: offer_desktop_entry(window, window.settings))
    if exit_after_show:
        quitter = _QuitAfterFirstPaint(window)
        window.installEventFilter(quitter)
        print(f"Window: {window.windowTitle().replace('[*]', '')}")
    window.show()
    return app.exec()
