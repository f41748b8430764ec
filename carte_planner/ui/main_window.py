"""The main window: the request panel, the three views, menus, files and settings."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from carte_planner import __version__
from carte_planner.data_versions import data_lines
from carte_planner.domain.reference import Reference
from carte_planner.i18n import current_language, tr
from carte_planner.storage.autosave import AutosaveSlot
from carte_planner.ui.accessible import name_typing_fields
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.plain_text import plain_label
from carte_planner.ui.wheel import wheel_turns_focused_fields_only
from carte_planner.ui.window_actions import WindowActions
from carte_planner.ui.window_export import WindowExport
from carte_planner.ui.window_files import AUTOSAVE_DELAY_MS, WindowFiles, _claim_slot, default_autosave_folder
from carte_planner.ui.window_focus import WindowFocus
from carte_planner.ui.window_later_views import WindowLaterViews
from carte_planner.ui.window_layout import WindowLayout
from carte_planner.ui.window_printing import WindowPrinting
from carte_planner.ui.window_publishing import WindowPublishing


class MainWindow(
    WindowLayout,
    WindowLaterViews,
    WindowFocus,
    WindowActions,
    WindowFiles,
    WindowExport,
    WindowPrinting,
    WindowPublishing,
):
    """The request panel beside the views, with menus for files, exports, printouts and
    publishing; each job is in a part of its own (window_*.py)."""

    def __init__(
        self,
        document: PlanDocument | None = None,
        settings: QSettings | None = None,
        autosave_folder: Path | None = None,
        offer_autosave: bool = True,
        autosave_slot: AutosaveSlot | None = None,
        reference: Reference | None = None,
    ) -> None:
        """`autosave_slot`: the safety copy's slot, when the caller has claimed it already.
        `reference`: the shipped data (carte_planner/shipped.py), given when no `document` brings it."""
        super().__init__()
        self.settings = settings or QSettings()
        self.autosave_folder = autosave_folder or default_autosave_folder()
        self.autosave_slot = autosave_slot or _claim_slot(self.autosave_folder)
        self._plan_lock = None
        self._disk_digest = None
        self._restored_digest = None
        if document is not None:
            reference = document.reference
        if reference is None:
            raise TypeError("MainWindow needs a document or the reference data to plan with")
        self.reference = reference
        self.document = document = self._start_document(document, offer_autosave)
        document.setParent(self)
        self.setObjectName("mainWindow")

        self._build_views()
        self._build_actions()
        self._build_menus()
        self._place_panel_button()
        self._fitted_to_screen = False
        self._restore_layout()
        document.fileChanged.connect(self._show_title)
        document.changeRefused.connect(self._change_refused)
        document.sizeWarned.connect(self._size_warned)
        document.journeyChanged.connect(self._show_title)
        self._show_title()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        document.undo_stack.indexChanged.connect(lambda _index: self.autosave_timer.start())
        self.publish_dialog = None
        self.published_label = plain_label(QLabel())
        self.statusBar().addPermanentWidget(self.published_label)
        self._name_status_bar()
        document.fileChanged.connect(self._show_published)
        wheel_turns_focused_fields_only(self)
        name_typing_fields(self)
        QApplication.instance().focusChanged.connect(self._reveal_focus)  # type: ignore[union-attr]

    # -- language ---------------------------------------------------------------------------
    def switch_language(self, code: str) -> MainWindow:
        """Speak `code` from now on: every word of the window in the new language, around the
        same plan, with its file, its unsaved changes and its undo history."""
        if code == current_language():
            return self
        self.commit_edits()
        self.settings.setValue("language", code)
        from carte_planner.ui.language import apply_language

        apply_language(code)
        if self.publish_dialog is not None:
            self.publish_dialog.finish()  # its record of the server goes with the plan
            self.publish_dialog.close()
            self.publish_dialog.deleteLater()  # the next one opens in the new language
            self.publish_dialog = None
        self._rebuild_views(self.document.retranslate)
        self._name_actions()
        self._name_menus()
        self._name_status_bar()
        self._show_title()
        return self

    def _name_status_bar(self) -> None:
        self.statusBar().showMessage(
            tr("Dates are estimates: change them to what your hospital says, and confirm every date with it.")
        )
        self.published_label.setAccessibleName(tr("Calendar server"))
        self._show_published()

    # -- help -----------------------------------------------------------------------------
    def about(self) -> None:
        QMessageBox.about(
            self,
            tr("About Carte Planner"),
            tr(
                "<h3>Carte Planner %1</h3>"
                "<p>Plans the logistics of a CAR-T therapy journey to a hospital in China: preparation, travel, "
                "stay, treatment phases and follow-up.</p>"
                "<p><b>The dates are estimates.</b> They come from the usual ranges of a patient guide and from "
                "assumptions you can change. The hospital's own schedule always comes first: confirm every date "
                "with the treating team. Carte Planner gives no medical advice.</p>"
                "<p>Your plans stay on this computer; nothing leaves it unless you export it.</p>"
                "<p>The translations into Chinese, Russian and Arabic are Carte Planner's own, not the "
                "hospital's. If a word is wrong or unclear, please report it on the project's issue tracker "
                "with the language, the words you saw and where you saw them.</p>"
            ).replace("%1", __version__)
            + "".join(f"<p>{html.escape(line)}</p>" for line in data_lines()),
        )

    def import_help(self) -> None:
        QMessageBox.information(
            self,
            tr("How to import the calendar"),
            tr(
                "<p>Export with File ▸ Export to calendar, then:</p><ul>"
                "<li><b>Thunderbird:</b> File ▸ Open ▸ Calendar File…</li>"
                "<li><b>Google Calendar:</b> Settings ▸ Import &amp; export ▸ Import.</li>"
                "<li><b>Apple Calendar:</b> File ▸ Import…</li>"
                "<li><b>Outlook:</b> File ▸ Open &amp; Export ▸ Import/Export ▸ iCalendar (.ics).</li></ul>"
                "<p>Keep the journey in a calendar of its own. After a change, export again, delete that "
                "calendar and import the new file into a fresh one: Thunderbird, Outlook and Google Calendar do "
                "not reliably update events they already have. Apps that do update (khal, for one) also remove "
                "what the plan no longer has, once you save the plan after exporting.</p>"
                "<p>Some apps ignore imported reminders; the deadlines are also in the agenda here.</p>"
            ),
        )

    # -- closing --------------------------------------------------------------------------
    def quit_application(self) -> bool:
        """Close every window, this one first, each asking about its own unsaved changes, then
        end the application. Cancel in any of them keeps that window and the application."""
        others = [
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, MainWindow) and widget is not self and widget.isVisible()
        ]
        for window in [self, *others]:
            if window.isVisible() and not window.close():
                window.raise_()
                window.activateWindow()
                return False
        QApplication.quit()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.commit_edits() and not self._close_with_refused_value():
            event.ignore()
            return
        if self.publish_dialog is not None:
            self.publish_dialog.finish()  # its record of the server belongs in the plan to save
        if not self.maybe_save():
            event.ignore()
            return
        # Focus leaving a field as the window goes would apply it again to a closing window.
        for widget in self.panel.findChildren(QWidget):
            widget.blockSignals(True)
        if self.document.modified:
            # The user discarded the changes: remember the plan as it was last saved, if it
            # can be reached, else nothing of it.
            clean = self.document.undo_stack.cleanIndex()
            if clean >= 0:
                self.document.undo_stack.setIndex(clean)
        self._store_session()
        self.autosave_timer.stop()
        self._remove_autosave()
        if self.autosave_slot is not None:
            self.autosave_slot.release()
        if self._plan_lock is not None:
            self._plan_lock.release()
            self._plan_lock = None
        event.accept()
