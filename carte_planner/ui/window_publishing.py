"""The main window's publishing to a calendar server, and the plan file's record of it."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import QMessageBox

from carte_planner.i18n import tr
from carte_planner.storage.atomic import WriteError
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.planfile import file_digest, load_plan, save_plan
from carte_planner.ui.window_parts import WindowParts

if TYPE_CHECKING:
    from carte_planner.ui.publish_dialog import PublishDialog


class WindowPublishing(WindowParts):
    """Publishing to a calendar server, and the plan file's record of what is there."""

    def publish_to_server(self, start: bool = False) -> PublishDialog | None:
        """Open the publishing dialog (beside the window, which stays usable); with `start`, publish
        at once when the password is known. None when a field being typed in holds a refused value."""
        from carte_planner.ui.publish_dialog import PublishDialog

        if not self.commit_edits():
            return None
        if self.document.path is None and not self._save_before_publishing():
            return None
        if self.publish_dialog is not None and not self.publish_dialog.isVisible() and not self.publish_dialog.busy():
            # A closed dialog may show another plan's server (File ▸ Open since): start afresh.
            self.publish_dialog.deleteLater()
            self.publish_dialog = None
        if self.publish_dialog is None:
            self.publish_dialog = PublishDialog(
                self.document,
                self,
                discreet=self.discreet_action.isChecked(),
                holidays=self.holidays_in_calendar_action.isChecked,
                output_language=self.output_language(),
            )
            self.publish_dialog.published.connect(self._published)
            self.publish_dialog.relatives_published.connect(self._relatives_published)
        self.publish_dialog.show()
        self.publish_dialog.raise_()
        if start and self.publish_dialog.password.text():
            self.publish_dialog.publish()
        elif start:
            self.publish_dialog.password.setFocus()
        return self.publish_dialog

    def publish_changes(self) -> PublishDialog | None:
        return self.publish_to_server(start=True)

    def _save_before_publishing(self) -> bool:
        """A plan published from the window keeps the record of what is on the server in its
        file: an untitled plan is saved first, or nothing is published."""
        answer = QMessageBox.question(
            self,
            tr("Save the plan first"),
            tr(
                "The plan file keeps a record of what is published, so that the next publish, from this window or "
                "from the command line, updates and removes exactly those events. Save the plan now?"
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        return answer == QMessageBox.StandardButton.Save and self.save_as()

    def _published(self, server, language: str = "") -> None:
        """Keep what is on the server, and the calendar's language, in the plan and in its
        file at once: the record must outlive the plan's other changes, even ones the family
        then discards."""
        was_saved = not self.document.modified
        self.document.record_publish(server, language)
        if self._write_server_record(server, language) and was_saved and self.document.path is not None:
            self.document.mark_saved(self.document.path)
        self.autosave_timer.start()

    def _relatives_published(self, server) -> None:
        """Keep what is on the relatives' calendar, in the plan and in its file at once."""
        was_saved = not self.document.modified
        self.document.record_relatives(server)
        if self._write_server_record(server, relatives=True) and was_saved and self.document.path is not None:
            self.document.mark_saved(self.document.path)
        self.autosave_timer.start()

    def _write_server_record(self, server, language: str = "", *, relatives: bool = False) -> bool:
        """Write the server record into the plan file as it is on disk (not the unsaved changes
        on screen). False when there is no file of this plan to write it into."""
        path = self.document.path
        if path is None:
            return False
        try:
            on_disk = load_plan(path, self.reference)
            if on_disk.plan_id != self.document.plan.plan_id:
                return False  # another plan was saved under this name meanwhile
            untouched = file_digest(path) == self._disk_digest
            language = language or on_disk.calendar_language
            kept = replace(on_disk, relatives=server) if relatives else replace(on_disk, server=server)
            save_plan(path, replace(kept, calendar_language=language))
        except (PlanFileError, WriteError) as error:
            self.statusBar().showMessage(
                tr(
                    "Published, but the plan file could not be updated (%1): save the plan to keep the record of "
                    "what is on the server."
                ).replace("%1", str(error)),
                15000,
            )
            return False
        if untouched:
            # Still the file as this window knows it; a change made elsewhere is still asked about.
            self._disk_digest = file_digest(path)
        return True

    def _show_published(self) -> None:
        server = self.document.plan.server
        self.publish_changes_action.setEnabled(server is not None)
        if server is None or server.published_at is None:
            self.published_label.clear()
            return
        when = QDateTime.fromSecsSinceEpoch(int(server.published_at.timestamp()))
        self.published_label.setText(
            tr("Calendar “%1” published %2")
            .replace("%1", server.calendar_name)
            .replace("%2", QLocale().toString(when, QLocale.FormatType.ShortFormat))
        )
