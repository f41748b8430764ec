"""The main window's actions, menus and toolbar, and their words in the window's language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from carte_planner.i18n import LANGUAGES, current_language, tr
from carte_planner.ui.settings import read_bool
from carte_planner.ui.window_parts import WindowParts


class WindowActions(WindowParts):
    """The window's actions, and the menus and toolbar that hold them. Each is built once and
    named by `_name_actions`, again whenever the window changes language."""

    def _action(self, slot: Callable[[], object], shortcut=None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _checkable(self, key: str, default: bool) -> QAction:
        """An export option, as the settings last kept it."""
        action = QAction(self)
        action.setCheckable(True)
        action.setChecked(read_bool(self.settings, key, default))
        return action

    def _build_actions(self) -> None:
        self._build_file_actions()
        self._build_edit_actions()
        self._build_view_actions()
        self.about_action = self._action(self.about)
        self.import_help_action = self._action(self.import_help)
        self._name_actions()

    def _build_file_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(self.new_plan, keys.New)
        self.open_action = self._action(self.open_plan, keys.Open)
        self.save_action = self._action(self.save, keys.Save)
        self.save_as_action = self._action(self.save_as, keys.SaveAs)
        self.export_action = self._action(self.export_calendar)
        # Ctrl+E first: a text field takes plain Ctrl+E as "end of line", so the menu shows the
        # one that works everywhere.
        self.export_action.setShortcuts([QKeySequence("Ctrl+Shift+E"), QKeySequence("Ctrl+E")])
        self.export_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.discreet_action = self._checkable("export/discreet", False)
        self.checklist_in_calendar_action = self._checkable("export/checklist", True)
        self.holidays_in_calendar_action = self._checkable("export/holidays", False)
        self.print_action = self._action(self.print_checklist, keys.Print)
        self.pdf_action = self._action(self.export_pdf)
        self.budget_print_action = self._action(self.print_budget)
        self.handover_action = self._action(self.print_handover)
        self.documents_print_action = self._action(self.print_documents)
        self.cards_action = self._action(self.print_cards)
        self.sheet_action = self._action(self.print_sheet)
        self.relatives_page_action = self._action(self.save_relatives_page)
        self.publish_action = self._action(self.publish_to_server)
        self.publish_changes_action = self._action(self.publish_changes, QKeySequence("Ctrl+Shift+U"))
        # Not every platform binds the standard Quit key (Windows, plain X11): Ctrl+Q then.
        self.quit_action = self._action(self.quit_application)
        self.quit_action.setShortcuts(QKeySequence.keyBindings(keys.Quit) or [QKeySequence("Ctrl+Q")])
        self.quit_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        close_keys = [QKeySequence("Ctrl+W")]
        close_keys += [key for key in QKeySequence.keyBindings(keys.Close) if key not in close_keys]
        self.close_action = self._action(self.close)
        self.close_action.setShortcuts(close_keys)

    def _build_edit_actions(self) -> None:
        keys = QKeySequence.StandardKey
        stack = self.document.undo_stack
        # The menu's actions name the step ("Undo Change city"), in the window's language.
        self.undo_action = self._action(stack.undo, keys.Undo)
        self.redo_action = self._action(stack.redo, keys.Redo)
        # The toolbar's buttons keep a fixed text: a button whose text changes re-lays out the
        # whole window.
        self.toolbar_undo = self._action(stack.undo)
        self.toolbar_redo = self._action(stack.redo)
        for action in (self.undo_action, self.toolbar_undo):
            action.setEnabled(stack.canUndo())
            stack.canUndoChanged.connect(action.setEnabled)
        for action in (self.redo_action, self.toolbar_redo):
            action.setEnabled(stack.canRedo())
            stack.canRedoChanged.connect(action.setEnabled)
        stack.undoTextChanged.connect(self._name_steps)
        stack.redoTextChanged.connect(self._name_steps)
        self.what_if_action = self._action(self.show_what_if)

    def _build_view_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.calendar_action = self._action(lambda: self.show_view(self.month), QKeySequence("Ctrl+1"))
        self.timeline_action = self._action(lambda: self.show_view(self.timeline), QKeySequence("Ctrl+2"))
        self.checklist_action = self._action(lambda: self.show_view(self.checklist), QKeySequence("Ctrl+4"))
        self.agenda_action = self._action(self.show_agenda, QKeySequence("Ctrl+3"))
        self.next_area_action = self._action(lambda: self.cycle_areas(1), QKeySequence("F6"))
        self.previous_area_action = self._action(lambda: self.cycle_areas(-1), QKeySequence("Shift+F6"))
        self.documents_action = self._action(lambda: self.show_view(self.documents_page), QKeySequence("Ctrl+5"))
        self.money_action = self._action(lambda: self.show_view(self.money_page), QKeySequence("Ctrl+6"))
        self.start_action = self._action(self.go_to_start, QKeySequence("Ctrl+G"))
        self.today_action = self._action(self.go_to_today, QKeySequence("Ctrl+T"))
        self.zoom_in_action = self._action(lambda: self.timeline.zoom(1.5), keys.ZoomIn)
        self.zoom_out_action = self._action(lambda: self.timeline.zoom(1 / 1.5), keys.ZoomOut)
        self.panel_action = QAction(self)
        self.panel_action.setCheckable(True)
        self.panel_action.setChecked(True)
        self.panel_action.setShortcut(QKeySequence("Ctrl+0"))
        self.panel_action.toggled.connect(self.show_panel)

    def _name_actions(self) -> None:
        """Every action's words (its menu text, and what it does as its tip)."""
        texts = {
            self.new_action: tr("&New plan"),
            self.open_action: tr("&Open…"),
            self.save_action: tr("&Save"),
            self.save_as_action: tr("Save &As…"),
            self.export_action: tr("&Export to calendar (.ics)…"),
            self.discreet_action: tr("&Discreet titles in calendar exports"),
            self.checklist_in_calendar_action: tr("Include checklist &items in calendar exports"),
            self.holidays_in_calendar_action: tr("Include public &holidays in calendar exports"),
            self.print_action: tr("&Print checklist…"),
            self.pdf_action: tr("Expor&t checklist PDF…"),
            self.quit_action: tr("&Quit"),
            self.close_action: tr("Close &window"),
            self.toolbar_undo: tr("Undo"),
            self.toolbar_redo: tr("Redo"),
            self.calendar_action: tr("&Calendar"),
            self.timeline_action: tr("&Timeline"),
            self.checklist_action: tr("Chec&klist"),
            self.agenda_action: tr("&Agenda"),
            self.what_if_action: tr("What &if…"),
            self.next_area_action: tr("Next area"),
            self.previous_area_action: tr("Previous area"),
            self.documents_action: tr("Doc&uments"),
            self.money_action: tr("&Money"),
            self.budget_print_action: tr("Print &budget…"),
            self.handover_action: tr("Print &going-home packet…"),
            self.documents_print_action: tr("Print documents by pac&ket…"),
            self.cards_action: tr("Print ta&xi and wallet cards…"),
            self.start_action: tr("&Go to start"),
            self.today_action: tr("Go to to&day"),
            self.zoom_in_action: tr("Zoom &in"),
            self.zoom_out_action: tr("Zoom &out"),
            self.panel_action: tr("&Request panel"),
            self.about_action: tr("&About Carte Planner"),
            self.import_help_action: tr("How to &import the calendar"),
            self.relatives_page_action: tr("Sa&ve page for relatives…"),
            self.publish_action: tr("P&ublish to calendar server…"),
            self.publish_changes_action: tr("Publish &changes"),
            self.sheet_action: tr("Print sheet for the hospita&l…"),
        }
        for action, text in texts.items():
            action.setText(text)
        tips = {
            self.export_action: tr("Save the journey as a calendar file for Thunderbird, Google, Apple, Outlook…"),
            self.what_if_action: tr("What a delay would move and break, before anything changes"),
            self.cards_action: tr("Taxi and wallet cards for China, the size of a bank card"),
            self.relatives_page_action: tr(
                "One page relatives can open on any phone, even offline: the trip's dates, not the treatment"
            ),
            self.publish_action: tr(
                "Keep a calendar on Nextcloud, iCloud, Fastmail… up to date, for every device that subscribes"
            ),
            self.publish_changes_action: tr("Update the calendar on the server with the plan's changes"),
            self.sheet_action: tr(
                "One page in Chinese, with your language beside it: names, addresses, key dates, phones"
            ),
        }
        for action, tip in tips.items():
            action.setStatusTip(tip)
            action.setToolTip(tip)
        # In the status bar only: their menu text says it already.
        self.discreet_action.setStatusTip(tr('Neutral titles such as "Appointment" for calendars that others can see'))
        self.panel_action.setStatusTip(tr("Show or hide the trip's fields, to give the views more room"))
        self._name_steps()

    def _name_steps(self, _step: str = "") -> None:
        """Undo and Redo with the step they take back or do again, as Qt's own actions say it."""
        stack = self.document.undo_stack
        for action, prefix, step in (
            (self.undo_action, tr("&Undo"), stack.undoText()),
            (self.redo_action, tr("&Redo"), stack.redoText()),
        ):
            action.setText(f"{prefix} {step}" if step else prefix)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu("")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("")
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions(
            [
                self.export_action,
                self.discreet_action,
                self.checklist_in_calendar_action,
                self.holidays_in_calendar_action,
            ]
        )
        file_menu.addActions([self.publish_action, self.publish_changes_action, self.relatives_page_action])
        file_menu.addSeparator()
        file_menu.addActions([self.print_action, self.pdf_action, self.sheet_action])
        file_menu.addActions(
            [self.documents_print_action, self.budget_print_action, self.cards_action, self.handover_action]
        )
        self._build_output_language_menu()
        file_menu.addSeparator()
        file_menu.addActions([self.close_action, self.quit_action])
        self.edit_menu = edit_menu = bar.addMenu("")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.what_if_action)
        self.view_menu = view_menu = bar.addMenu("")
        view_menu.addActions([self.calendar_action, self.timeline_action, self.checklist_action, self.agenda_action])
        view_menu.addActions([self.documents_action, self.money_action])
        view_menu.addActions([self.next_area_action, self.previous_area_action])
        view_menu.addSeparator()
        view_menu.addAction(self.panel_action)
        view_menu.addSeparator()
        view_menu.addActions([self.start_action, self.today_action, self.zoom_in_action, self.zoom_out_action])
        view_menu.addSeparator()
        self._build_language_menu()
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.import_help_action, self.about_action])
        self._build_toolbar()
        self._name_menus()
        self._rebuild_recent()

    def _build_output_language_menu(self) -> None:
        self.output_language_menu = self.file_menu.addMenu("")
        self.output_language_group = QActionGroup(self)
        chosen = self.output_language() or ""
        for code, name in (("", ""), *LANGUAGES.items()):
            action = self.output_language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            self.output_language_group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_output_language(c or None))
        self.same_language_action = self.output_language_group.actions()[0]

    def _build_language_menu(self) -> None:
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            # Each language in its own words, so that a reader finds theirs in any window.
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.setData(code)
            self.language_group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.switch_language(c))

    def _build_toolbar(self) -> None:
        self.toolbar = toolbar = self.addToolBar("")
        toolbar.setObjectName("mainToolbar")
        self.view_menu.insertAction(self.panel_action, toolbar.toggleViewAction())
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions([self.toolbar_undo, self.toolbar_redo])
        toolbar.addSeparator()
        toolbar.addActions([self.export_action, self.print_action])
        toolbar.addSeparator()
        toolbar.addActions([self.start_action, self.today_action])

    def _name_menus(self) -> None:
        """The menus' titles and the toolbar's name, in the window's language."""
        self.file_menu.setTitle(tr("&File"))
        self.recent_menu.setTitle(tr("Open &Recent"))
        self.output_language_menu.setTitle(tr("Language of calendar &files and printouts"))
        self.same_language_action.setText(tr("Same as the window"))
        self.edit_menu.setTitle(tr("&Edit"))
        self.view_menu.setTitle(tr("&View"))
        self.language_menu.setTitle(tr("&Language"))
        self.help_menu.setTitle(tr("&Help"))
        self.toolbar.setWindowTitle(tr("Main"))
        self.toolbar.toggleViewAction().setText(tr("Tool&bar"))
        for action in self.language_group.actions():
            action.setChecked(action.data() == current_language())
