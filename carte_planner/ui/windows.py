"""The running app's windows: the first, one for each plan a second launch or the macOS Finder
hands over, and those whose unsaved plans are offered back after a crash."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from carte_planner.i18n import tr
from carte_planner.storage.autosave import Autosave, AutosaveSlot
from carte_planner.ui.main_window import MainWindow
from carte_planner.ui.plain_text import as_text


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
        from carte_planner.ui.window_files import system_zone

        self.recover()
        today = date.today()
        reference = self.first.reference
        document = PlanDocument(default_plan(today, system_zone(), reference), today, None, reference=reference)
        # It takes the next free autosave slot, which recover() has just found empty.
        window = MainWindow(document, self.first.settings, self.first.autosave_folder, offer_autosave=False)
        if not window.open_plan(plan_file):  # the window has said why
            if window.autosave_slot is not None:
                window.autosave_slot.release()
            window.deleteLater()
            return None
        self._keep(window)
        return window

    def recover(self) -> None:
        """After a crash with several windows, offer back the other windows' unsaved plans,
        each in a window of its own, before a new window takes their autosave slot (the first
        window has offered its own already). Declining one stops the offers for now."""
        while (found := self._next_leftover()) is not None:
            window = MainWindow(
                None,
                self.first.settings,
                self.first.autosave_folder,
                offer_autosave=True,
                reference=self.first.reference,
            )
            if window.document.plan != found.plan or not window.document.modified:  # declined
                window.document.undo_stack.setClean()
                window.close()  # gives back its autosave slot and plan lock
                window.deleteLater()
                return
            self._keep(window)
            window.show()

    def _next_leftover(self) -> Autosave | None:
        """What a crashed window left in the autosave slot the next window would take."""
        try:
            probe = AutosaveSlot.claim(self.first.autosave_folder)
        except OSError:
            return None
        try:
            return probe.leftover(self.first.reference)
        finally:
            probe.release()

    def _keep(self, window: MainWindow) -> None:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.windows.append(window)


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


def hand_off(app: QApplication, plan_file: str | None) -> int | None:
    """A second launch: give the file to the running Carte Planner. Returns this process's
    exit code when it is done, None when no Carte Planner is running."""
    from carte_planner.ui.single_instance import HandOff, hand_to_running_app

    path = str(Path(plan_file).absolute()) if plan_file else None
    outcome, why = hand_to_running_app(path)
    if outcome == HandOff.NO_RUNNING_APP:
        return None
    if outcome == HandOff.DONE:
        # Said where the request went: the window may be on another display or desktop.
        if path:
            done = tr("Carte Planner is already running: %1 is open in its window.").replace("%1", path)
        else:
            done = tr("Carte Planner is already running: its window was brought to the front.")
        print(f"carte-planner: {done}")
        return 0
    message = tr("%1 Close the Carte Planner window that is open, then try again.").replace("%1", why)
    print(f"carte-planner: {message}", file=sys.stderr)
    QMessageBox.warning(None, tr("Carte Planner is already running"), as_text(message))
    return 1
