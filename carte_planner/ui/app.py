"""The Qt application: names for settings, translations, the style and the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from carte_planner import __version__
from carte_planner.domain.errors import ResourceError
from carte_planner.domain.reference import Reference
from carte_planner.i18n import tr
from carte_planner.resource_folder import resource_root
from carte_planner.shipped import shipped_reference
from carte_planner.startup import start
from carte_planner.ui.language import apply_language, startup_language
from carte_planner.ui.main_window import MainWindow
from carte_planner.ui.plain_text import as_text


def make_app(argv: list[str], language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("Carte Planner")
    app.setApplicationName("Carte Planner")
    app.setApplicationVersion(__version__)
    # Wayland finds the icon and groups the windows through the desktop entry of this name.
    app.setDesktopFileName("carte-planner")
    app.setWindowIcon(app_icon())
    start()
    apply_language(language or startup_language(QSettings()))
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
            # Asked for now, not from a timer: this paint still finishes, and what the window
            # queued for after its first frame (the later views) is not counted as start-up.
            QApplication.exit(0)
        return False


def load_reference() -> Reference | str:
    """The shipped data, loaded once (with the checklist template); a damaged file
    is explained, as the returned text, instead of crashing later."""
    try:
        reference = shipped_reference()
        # Read now, though the checklist view is built after the first paint: a damaged file is
        # explained at start rather than when the family first opens a tab.
        reference.templates.checklist()
    except ResourceError as error:
        return (
            f"A data file of Carte Planner is damaged or missing ({error}). "
            "Reinstall Carte Planner; your saved plans are not affected."
        )
    return reference


def run_app(
    argv: list[str], exit_after_show: bool = False, plan_file: str | None = None, language: str | None = None
) -> int:
    app = make_app(argv, language)
    reference = load_reference()
    if isinstance(reference, str):
        problem = reference
        print(f"carte-planner: {problem}", file=sys.stderr)
        QMessageBox.critical(None, tr("Carte Planner cannot start"), as_text(problem))
        return 2
    if exit_after_show and plan_file:
        # No one is there to close a dialog: a plan that does not open is reported here.
        from carte_planner.storage.errors import PlanFileError
        from carte_planner.storage.planfile import load_plan

        try:
            load_plan(plan_file, reference)
        except PlanFileError as error:
            print(f"carte-planner: {error}", file=sys.stderr)
            return 2
    server = None
    if not exit_after_show:  # a trial start stays apart from a Carte Planner the user has open
        from carte_planner.ui.windows import hand_off

        handed = hand_off(app, plan_file)
        if handed is not None:
            return handed
        from carte_planner.ui.single_instance import InstanceServer

        server = InstanceServer(parent=app)
        server.listen()  # without it, a second launch opens a second, separate Carte Planner
    window = MainWindow(offer_autosave=not exit_after_show, reference=reference)
    if plan_file:
        window.open_plan(plan_file)  # on failure the window says why and keeps its plan
    if server is not None:
        from carte_planner.ui.windows import FileOpenRequests, Windows

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
        # What the window shows, for the smoke test and scripts that start it this way.
        print(f"Window: {window.windowTitle().replace('[*]', '')}")
    window.show()
    return app.exec()
