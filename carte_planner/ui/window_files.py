"""The main window's plan files: open, save, the session kept between starts, the safety copy
after a crash, and the locks that keep two windows from overwriting one plan."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, QSettings, QStandardPaths, QTimeZone
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from carte_planner.domain.plan import Plan
from carte_planner.domain.reference import Reference
from carte_planner.i18n import tr
from carte_planner.storage.atomic import WriteError
from carte_planner.storage.autosave import AutosaveSlot
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.locks import FileLock, plan_lock_path
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from carte_planner.storage.planfile import EXTENSION, file_digest, load_plan, save_plan
from carte_planner.ui.document import PlanDocument, default_plan
from carte_planner.ui.plain_text import as_text
from carte_planner.ui.script_text import isolated
from carte_planner.ui.settings import read_bool, read_list, read_str
from carte_planner.ui.window_parts import WindowParts

MAX_RECENT = 8
AUTOSAVE_DELAY_MS = 2000


def plan_filter() -> str:
    return tr("Carte Planner plans (*.carteplan)")


def system_zone() -> str:
    """The computer's time zone as a canonical IANA name, else UTC."""
    from carte_planner.domain.errors import PlanInputError
    from carte_planner.domain.zones import canonical_zone

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode(errors="replace")
    try:
        return canonical_zone(name)
    except PlanInputError:
        from carte_planner.localzone import system_time_zone

        return system_time_zone()


def restored_plan(settings: QSettings, today: date, reference: Reference) -> tuple[Plan, Path | None, bool]:
    """The plan to show at start: the last file if it still opens and was saved, else the last
    plan as it was on screen (not saved), else the default plan. Returns (plan, path, unsaved).
    Each is checked as a whole first: settings a newer version wrote never stop a start."""
    path_text = read_str(settings, "session/path")
    unsaved = read_bool(settings, "session/unsaved")
    path = Path(path_text) if path_text and "\0" not in path_text else None
    if path is not None and not unsaved:
        try:
            return load_plan(path, reference), path, False
        except PlanFileError:
            path = None
    data = read_str(settings, "session/plan")
    if data:
        try:
            return plan_from_bytes(data.encode("utf-8", errors="surrogatepass"), reference), path, unsaved
        except PlanFileError:
            pass
    return default_plan(today, system_zone(), reference), None, False


AUTOSAVE_DELAY_MS = 2000


def default_autosave_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".carte-planner"


def _claim_slot(folder: Path) -> AutosaveSlot | None:
    try:
        return AutosaveSlot.claim(folder)
    except OSError:
        return None


class WindowFiles(WindowParts):
    """Open, save, the session and the safety copy: the plan on disk as this window holds it."""

    def _start_document(self, document: PlanDocument | None, offer_autosave: bool) -> PlanDocument:
        """The plan the window opens on, with its file locked and its contents remembered."""
        if document is None:
            today = date.today()
            document = self._offer_autosave(today) if offer_autosave else None
            if document is None:
                plan, path, unsaved = restored_plan(self.settings, today, self.reference)
                if path is not None and not self._lock_plan(path):
                    # Open in another window: this one starts on a copy, not on the file.
                    path, unsaved = None, True
                document = PlanDocument(plan, today, path, reference=self.reference)
                if unsaved:
                    document.mark_unsaved()
        if document.path is not None and self._plan_lock is None:
            self._lock_plan(document.path)
        self._disk_digest = file_digest(document.path) if document.path else None
        if self._restored_digest:
            self._disk_digest = self._restored_digest
        return document

    def _store_session(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        for splitter in (self.main_splitter, self.views_splitter, self.agenda.splitter):
            self.settings.setValue(f"window/{splitter.objectName()}", splitter.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.setValue("window/panel", not self.panel_scroll.isHidden())
        if self.document.modified:
            for key in ("session/plan", "session/path", "session/unsaved"):
                self.settings.remove(key)
        else:
            self.settings.setValue("session/plan", plan_to_bytes(self.document.plan).decode("utf-8"))
            self.settings.setValue("session/path", str(self.document.path or ""))
            self.settings.setValue("session/unsaved", False)
        self.settings.setValue("export/discreet", self.discreet_action.isChecked())
        self.settings.setValue("export/checklist", self.checklist_in_calendar_action.isChecked())
        self.settings.setValue("export/holidays", self.holidays_in_calendar_action.isChecked())
        self.settings.sync()

    # -- crash recovery -------------------------------------------------------------------
    def _offer_autosave(self, today: date) -> PlanDocument | None:
        """After a crash, offer the plan as it was; declining keeps the file aside, unread.
        Only this window's own slot is looked at: another window's live autosave is locked
        by it and is never offered here."""
        if self.autosave_slot is None:
            return None
        found = self.autosave_slot.leftover(self.reference)
        if found is None:
            return None
        saved = found.saved_at
        when = QLocale().toString(
            QDateTime(saved.year, saved.month, saved.day, saved.hour, saved.minute, saved.second),
            QLocale.FormatType.ShortFormat,
        )
        answer = QMessageBox.question(
            None,
            tr("Restore your plan?"),
            tr(
                "Carte Planner did not close properly last time. Restore the plan you were working on, as it was at %1?"
            ).replace("%1", when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.autosave_slot.set_aside("declined")
            return None
        path = found.path if found.path is not None and self._lock_plan(found.path) else None
        document = PlanDocument(found.plan, today, path, reference=self.reference)
        document.mark_unsaved()
        # Compared at the next save with the file as it was before the crash, not as it is now:
        # a change made there since (another window, a command) is asked about, not overwritten.
        self._restored_digest = found.based_on if path is not None else None
        return document

    def autosave(self) -> None:
        """Keep unsaved changes on disk a moment after each edit; nothing to keep, no file."""
        if self.autosave_slot is None:
            self.statusBar().showMessage(tr("Could not keep a safety copy: the data folder cannot be used."))
            return
        try:
            if self.document.modified:
                self.autosave_slot.write(
                    self.document.plan, self.document.path, datetime.now(), self._disk_digest or ""
                )
            else:
                self.autosave_slot.remove()
        except OSError as error:
            self.statusBar().showMessage(tr("Could not keep a safety copy: %1").replace("%1", str(error)))

    # -- files ----------------------------------------------------------------------------
    def _lock_plan(self, path: Path, probe: bool = False) -> bool:
        """Hold the lock that tells other windows this plan is open here; False if another
        window holds it. With `probe`, the lock is only tried, not kept."""
        try:
            lock = FileLock.try_acquire(plan_lock_path(self.autosave_folder, path))
        except OSError:
            return True  # no place for locks: nothing to compare with, open as before
        if lock is None:
            return False
        if probe:
            lock.release()
        else:
            if self._plan_lock is not None:
                self._plan_lock.release()
            self._plan_lock = lock
        return True

    def _set_plan_file(self, path: Path | None) -> None:
        """The document now stands for `path` as it is on disk: hold its lock, remember its
        contents to notice a change made elsewhere before the next save."""
        if self._plan_lock is not None:
            self._plan_lock.release()
            self._plan_lock = None
        if path is not None:
            self._lock_plan(path)
        self._disk_digest = file_digest(path) if path is not None else None

    def _may_overwrite(self, path: Path, now: str | None = None) -> bool:
        """Ask before overwriting a plan that changed on disk since it was opened or saved
        here (another window, a sync client): the last save must not win silently. `now` is
        the file's fingerprint as just read, when the caller has it."""
        if path != self.document.path or self._disk_digest is None:
            return True
        now = now or file_digest(path)
        if now is None or now == self._disk_digest:
            return True
        answer = QMessageBox.question(
            self,
            tr("The plan changed on disk"),
            as_text(
                tr(
                    "%1 was changed outside this window since you opened it (perhaps in another Carte Planner "
                    "window). Saving replaces those changes with the plan shown here; the version on disk is kept "
                    "as the backup (.bak). Save anyway?"
                ).replace("%1", isolated(str(path)))
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def _remove_autosave(self) -> None:
        if self.autosave_slot is not None:
            self.autosave_slot.remove()

    def maybe_save(self) -> bool:
        """Ask before unsaved changes would be lost; False means the user cancelled."""
        if not self.document.modified:
            return True
        answer = QMessageBox.question(
            self,
            tr("Unsaved changes"),
            tr("This plan has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def commit_edits(self) -> bool:
        """Apply what is being typed before anything reads the plan (save, export, print,
        quit, another plan). False when the typed value is refused: its field says why."""
        from PySide6.QtWidgets import QAbstractItemDelegate

        focus = QApplication.focusWidget()
        checklist = self.built_checklist()
        if focus is not None and checklist is not None and checklist.tree.viewport().isAncestorOf(focus):
            tree = checklist.tree
            # A checklist note being written: keep it, as leaving the editor would.
            tree.commitData(focus)
            tree.closeEditor(focus, QAbstractItemDelegate.EndEditHint.NoHint)
        if focus is not None and self.agenda.isAncestorOf(focus):
            self.agenda.commit_pending()
        if self.panel.commit_pending():
            return True
        self.statusBar().showMessage(
            tr("A value is not accepted: correct it, or press Escape to put back the plan's value."), 10000
        )
        return False

    def _close_with_refused_value(self) -> bool:
        """Closing with a value the plan cannot take: ask, rather than keep the user in."""
        field = self.panel.refused_field()
        reason = self.panel.refusal(field) if field is not None else ""
        answer = QMessageBox.question(
            self,
            tr("Value not accepted"),
            as_text(
                tr("%1\n\nClose anyway? What you typed there is not kept; the rest of the plan is.").replace(
                    "%1", reason
                )
            ),
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Close

    def new_plan(self) -> None:
        if self.commit_edits() and self.maybe_save():
            self.document.replace_plan(default_plan(self.document.today, system_zone(), self.reference), None)
            self._set_plan_file(None)
            self._remove_autosave()
            self.go_to_start()
            self.show_panel(True)  # a new plan starts with its fields

    def open_plan(self, path: Path | str | None = None) -> bool:
        if not self.commit_edits() or not self.maybe_save():
            return False
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, tr("Open plan"), self._folder(), plan_filter())
            if not chosen:
                return False
            path = chosen
        try:
            plan = load_plan(path, self.reference)
        except PlanFileError as error:
            QMessageBox.critical(
                self,
                tr("Could not open the plan"),
                as_text(str(error) + "\n\n" + tr("Your current plan is unchanged.")),
            )
            return False
        path = Path(path)
        if path != self.document.path and not self._lock_plan(path, probe=True):
            answer = QMessageBox.question(
                self,
                tr("Plan already open"),
                as_text(
                    tr(
                        "%1 is already open in another Carte Planner window. If both windows change it, "
                        "you will be asked before one overwrites the other. Open it here too?"
                    ).replace("%1", isolated(str(path)))
                ),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Open:
                return False
        self.document.replace_plan(plan, path)
        self._set_plan_file(path)
        self._remove_autosave()
        self._remember(path)
        self.go_to_start()
        self.statusBar().showMessage(tr("Opened %1").replace("%1", isolated(str(path))), 5000)
        return True

    def save(self) -> bool:
        if not self.commit_edits():
            return False
        if self.document.path is None:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        if not self.commit_edits():
            return False
        suggested = str(
            Path(self._folder())
            / (tr("CAR-T journey - {city}").format(city=self.document.journey.city.name) + EXTENSION)
        )
        chosen, _ = QFileDialog.getSaveFileName(self, tr("Save plan"), suggested, plan_filter())
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix != EXTENSION:
            path = path.with_name(path.name + EXTENSION)
        return self._write(path)

    def _write(self, path: Path) -> bool:
        from carte_planner.storage.locks import writing

        try:
            while True:
                accepted = file_digest(path)
                if not self._may_overwrite(path, accepted):
                    return False
                # Under the plan's write lock, the file is compared once more just before it is
                # replaced: a command that wrote it meanwhile (during a slow save) is asked about.
                with writing(path):
                    if file_digest(path) != accepted:
                        continue
                    if self.document.path is not None and self.document.plan.papers.attachment_names():
                        from carte_planner.storage.attachments import move_plan_folder

                        # Save as: the new plan keeps its attached files; the old one keeps its own.
                        move_plan_folder(self.document.path, path)
                    save_plan(path, self.document.plan)
                    break
        except TimeoutError:
            QMessageBox.critical(
                self,
                tr("Could not save the plan"),
                as_text(tr("Another program kept writing {path}. Try again in a moment.").format(path=path)),
            )
            return False
        except WriteError as error:
            QMessageBox.critical(
                self,
                tr("Could not save the plan"),
                as_text(str(error) + "\n\n" + tr("Your plan is still open here: use Save As to keep it elsewhere.")),
            )
            return False
        self.document.mark_saved(path)
        self._set_plan_file(path)
        self._remove_autosave()
        self._remember(path)
        self.statusBar().showMessage(tr("Saved %1").replace("%1", isolated(str(path))), 5000)
        return True

    def _folder(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())

    def _remember(self, path: Path) -> None:
        recent = [p for p in read_list(self.settings, "recentFiles") if p != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue("recentFiles", recent[:MAX_RECENT])
        self._rebuild_recent()

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        recent = read_list(self.settings, "recentFiles")
        for index, name in enumerate(recent, start=1):
            # The number is the Alt letter; an & in the file's name is shown, not taken as one.
            action = self.recent_menu.addAction(f"&{index} {Path(name).name.replace('&', '&&')}")
            action.setToolTip(as_text(name))
            action.triggered.connect(lambda _checked=False, n=name: self.open_plan(n))
        self.recent_menu.setEnabled(bool(recent))

    def _change_refused(self, message: str) -> None:
        QMessageBox.warning(self, tr("Change not made"), as_text(message))

    def _size_warned(self, message: str) -> None:
        self.statusBar().showMessage(message, 20000)
