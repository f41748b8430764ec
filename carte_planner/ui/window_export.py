"""The main window's calendar export, and the language of calendar files and printouts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from carte_planner.domain.plan import ExportRecord
from carte_planner.i18n import LANGUAGES, current_language, tr, use_language
from carte_planner.storage.atomic import WriteError
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.planfile import file_digest, load_plan, save_plan
from carte_planner.ui.plain_text import as_text
from carte_planner.ui.script_text import isolated
from carte_planner.ui.window_parts import WindowParts


class WindowExport(WindowParts):
    """The calendar file export, and the record of it the plan keeps for the next one."""

    def export_calendar(self) -> bool:
        if not self.commit_edits():
            return False
        journey = self.document.journey
        suggested = str(Path(self._folder()) / (tr("CAR-T journey - {city}").format(city=journey.city.name) + ".ics"))
        chosen, _ = QFileDialog.getSaveFileName(self, tr("Export to calendar"), suggested, tr("Calendar files (*.ics)"))
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        from carte_planner.domain.checklist import checklist_items
        from carte_planner.export.ics import ExportOptions, export_calendar
        from carte_planner.storage.atomic import atomic_write

        journey, checklist = self.document.journey, self.document.checklist
        extra = checklist_items(checklist) if self.checklist_in_calendar_action.isChecked() else []
        options = ExportOptions(
            plan_id=self.document.plan.plan_id,
            now=datetime.now(UTC),
            discreet=self.discreet_action.isChecked(),
            checklist=tuple(extra),
            previous=self._exported_so_far(),
            holidays=self.holidays_in_calendar_action.isChecked(),
        )
        from carte_planner.export.calendar_language import calendar_language

        language = calendar_language(self.document.plan, default=self.output_language())
        with use_language(language):
            result = export_calendar(journey, options)
        try:
            atomic_write(path, result.data)
        except WriteError as error:
            QMessageBox.critical(self, tr("Could not export the calendar"), as_text(str(error)))
            return False
        # Saved with the plan: the next export cancels the events this one has and it will not.
        # A saved plan gets the record in its file at once and stays saved; an unsaved one says
        # what changed, since quitting now asks about it.
        was_saved = not self.document.modified
        self.document.record_export(result.record, language)
        note = ""
        if was_saved and self.document.modified:
            if self._write_export_record(result.record, language) and self.document.path is not None:
                self.document.mark_saved(self.document.path)
            else:
                note = " " + tr(
                    "The plan now keeps a record of this export, so that the next one updates these events: "
                    "save the plan to keep it."
                )
        self.autosave_timer.start()
        self.statusBar().showMessage(
            tr("Calendar saved to %1. Import it into your calendar app (Help ▸ How to import the calendar).").replace(
                "%1", isolated(str(path))
            )
            + note,
            15000,
        )
        from carte_planner.export.ics import SEQUENCE_EXHAUSTED, sequence_exhausted

        if sequence_exhausted(options.previous.sequence):
            QMessageBox.warning(self, tr("Import the calendar afresh"), tr(SEQUENCE_EXHAUSTED))
        return True

    def _exported_so_far(self) -> ExportRecord:
        """The plan's record of its exports, its SEQUENCE raised to what a command wrote into the
        plan file meanwhile (`export --plan` beside the window): this export counts on above both."""
        record = self.document.plan.exported
        if self.document.path is None:
            return record
        try:
            on_disk = load_plan(self.document.path, self.reference).exported
        except PlanFileError:
            return record
        return replace(record, sequence=on_disk.sequence) if on_disk.sequence > record.sequence else record

    def _write_export_record(self, record, language: str = "") -> bool:
        """Write what the export wrote into the plan file as it is on disk, when that file is
        still the plan as this window saved it. False when there is no such file."""
        from carte_planner.storage.locks import writing

        path = self.document.path
        if path is None or file_digest(path) != self._disk_digest:
            return False
        try:
            # Under the plan's write lock, as a command's export: neither undoes the other.
            with writing(path):
                on_disk = load_plan(path, self.reference)
                if on_disk.plan_id != self.document.plan.plan_id or file_digest(path) != self._disk_digest:
                    return False
                save_plan(
                    path, replace(on_disk, exported=record, calendar_language=language or on_disk.calendar_language)
                )
        except (PlanFileError, WriteError, TimeoutError):
            return False
        self._disk_digest = file_digest(path)
        return True

    def output_language(self) -> str | None:
        """The language of calendar files and printouts: None for the window's own."""
        value = self.settings.value("output/language", "")
        return value if isinstance(value, str) and value in LANGUAGES else None

    def choose_output_language(self, code: str | None) -> None:
        """The family picks the language of calendar files and printouts: the plan's calendar
        is written in it from now on too, wherever it is exported or published."""
        self.set_output_language(code)
        self.document.set_calendar_language(code or current_language())

    def set_output_language(self, code: str | None) -> None:
        self.settings.setValue("output/language", code or "")
        for action in self.output_language_group.actions():
            action.setChecked(action.data() == (code or ""))
