"""The main window's actions, menus and toolbar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from carte_planner.i18n import LANGUAGES, current_language, tr
from carte_planner.ui.settings import read_bool
from carte_planner.ui.window_parts import WindowParts


class WindowActions(WindowParts):
    """The window's actions, and the menus and toolbar that hold them."""

    # -- actions and menus ----------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(tr("&New plan"), self.new_plan, keys.New)
        self.open_action = self._action(tr("&Open…"), self.open_plan, keys.Open)
        self.save_action = self._action(tr("&Save"), self.save, keys.Save)
        self.save_as_action = self._action(tr("Save &As…"), self.save_as, keys.SaveAs)
        self.export_action = self._action(
            tr("&Export to calendar (.ics)…"),
            self.export_calendar,
            # Ctrl+E first: a text field takes plain Ctrl+E as "end of line", so the menu
            # shows the one that works everywhere.
            None,
            tr("Save the journey as a calendar file for Thunderbird, Google, Apple, Outlook…"),
        )
        self.export_action.setShortcuts([QKeySequence("Ctrl+Shift+E"), QKeySequence("Ctrl+E")])
        self.export_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.discreet_action = QAction(tr("&Discreet titles in calendar exports"), self)
        self.discreet_action.setCheckable(True)
        self.discreet_action.setChecked(read_bool(self.settings, "export/discreet"))
        self.discreet_action.setStatusTip(tr('Neutral titles such as "Appointment" for calendars that others can see'))
        self.checklist_in_calendar_action = QAction(tr("Include checklist &items in calendar exports"), self)
        self.checklist_in_calendar_action.setCheckable(True)
        self.checklist_in_calendar_action.setChecked(read_bool(self.settings, "export/checklist", True))
        self.holidays_in_calendar_action = QAction(tr("Include public &holidays in calendar exports"), self)
        self.holidays_in_calendar_action.setCheckable(True)
        self.holidays_in_calendar_action.setChecked(read_bool(self.settings, "export/holidays", False))
        self.print_action = self._action(tr("&Print checklist…"), self.print_checklist, keys.Print)
        self.pdf_action = self._action(tr("Expor&t checklist PDF…"), self.export_pdf)
        # Not every platform binds the standard Quit key (Windows, plain X11): Ctrl+Q then.
        quit_keys = QKeySequence.keyBindings(keys.Quit) or [QKeySequence("Ctrl+Q")]
        self.quit_action = self._action(tr("&Quit"), self.quit_application)
        self.quit_action.setShortcuts(quit_keys)
        self.quit_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        close_keys = [QKeySequence("Ctrl+W")]
        close_keys += [key for key in QKeySequence.keyBindings(keys.Close) if key not in close_keys]
        self.close_action = self._action(tr("Close &window"), self.close)
        self.close_action.setShortcuts(close_keys)
        self.undo_action = self.document.undo_stack.createUndoAction(self, tr("&Undo"))
        self.undo_action.setShortcut(keys.Undo)
        self.redo_action = self.document.undo_stack.createRedoAction(self, tr("&Redo"))
        self.redo_action.setShortcut(keys.Redo)
        # The toolbar's buttons keep a fixed text: the menu's actions name the step ("Undo
        # Change city"), and a button whose text changes re-lays out the whole window.
        self.toolbar_undo = self._action(tr("Undo"), self.document.undo_stack.undo)
        self.toolbar_redo = self._action(tr("Redo"), self.document.undo_stack.redo)
        self.toolbar_undo.setEnabled(False)
        self.toolbar_redo.setEnabled(False)
        self.document.undo_stack.canUndoChanged.connect(self.toolbar_undo.setEnabled)
        self.document.undo_stack.canRedoChanged.connect(self.toolbar_redo.setEnabled)
        self.calendar_action = self._action(tr("&Calendar"), lambda: self.show_view(self.month), QKeySequence("Ctrl+1"))
        self.timeline_action = self._action(
            tr("&Timeline"), lambda: self.show_view(self.timeline), QKeySequence("Ctrl+2")
        )
        self.checklist_action = self._action(
            tr("Chec&klist"), lambda: self.show_view(self.checklist), QKeySequence("Ctrl+4")
        )
        self.agenda_action = self._action(tr("&Agenda"), self.show_agenda, QKeySequence("Ctrl+3"))
        self.what_if_action = self._action(
            tr("What &if…"),
            self.show_what_if,
            tip=tr("What a delay would move and break, before anything changes"),
        )
        self.next_area_action = self._action(tr("Next area"), lambda: self.cycle_areas(1), QKeySequence("F6"))
        self.previous_area_action = self._action(
            tr("Previous area"), lambda: self.cycle_areas(-1), QKeySequence("Shift+F6")
        )
        self.documents_action = self._action(
            tr("Doc&uments"), lambda: self.show_view(self.documents_page), QKeySequence("Ctrl+5")
        )
        self.money_action = self._action(tr("&Money"), lambda: self.show_view(self.money_page), QKeySequence("Ctrl+6"))
        self.budget_print_action = self._action(tr("Print &budget…"), self.print_budget)
        self.handover_action = self._action(tr("Print &going-home packet…"), self.print_handover)
        self.documents_print_action = self._action(tr("Print documents by pac&ket…"), self.print_documents)
        self.cards_action = self._action(
            tr("Print ta&xi and wallet cards…"),
            self.print_cards,
            tip=tr("Taxi and wallet cards for China, the size of a bank card"),
        )
        self.start_action = self._action(tr("&Go to start"), self.go_to_start, QKeySequence("Ctrl+G"))
        self.today_action = self._action(tr("Go to to&day"), self.go_to_today, QKeySequence("Ctrl+T"))
        self.zoom_in_action = self._action(tr("Zoom &in"), lambda: self.timeline.zoom(1.5), keys.ZoomIn)
        self.zoom_out_action = self._action(tr("Zoom &out"), lambda: self.timeline.zoom(1 / 1.5), keys.ZoomOut)
        self.panel_action = QAction(tr("&Request panel"), self)
        self.panel_action.setCheckable(True)
        self.panel_action.setChecked(True)
        self.panel_action.setShortcut(QKeySequence("Ctrl+0"))
        self.panel_action.setStatusTip(tr("Show or hide the trip's fields, to give the views more room"))
        self.panel_action.toggled.connect(self.show_panel)
        self.about_action = self._action(tr("&About Carte Planner"), self.about)
        self.import_help_action = self._action(tr("How to &import the calendar"), self.import_help)
        self.relatives_page_action = self._action(
            tr("Sa&ve page for relatives…"),
            self.save_relatives_page,
            tip=tr("One page relatives can open on any phone, even offline: the trip's dates, not the treatment"),
        )
        self.publish_action = self._action(
            tr("P&ublish to calendar server…"),
            self.publish_to_server,
            tip=tr("Keep a calendar on Nextcloud, iCloud, Fastmail… up to date, for every device that subscribes"),
        )
        self.publish_changes_action = self._action(
            tr("Publish &changes"),
            self.publish_changes,
            QKeySequence("Ctrl+Shift+U"),
            tr("Update the calendar on the server with the plan's changes"),
        )
        self.sheet_action = self._action(
            tr("Print sheet for the hospita&l…"),
            self.print_sheet,
            tip=tr("One page in Chinese, with your language beside it: names, addresses, key dates, phones"),
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(tr("Open &Recent"))
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
        self.output_language_menu = file_menu.addMenu(tr("Language of calendar &files and printouts"))
        self.output_language_group = QActionGroup(self)
        chosen = self.output_language() or ""
        for code, name in (("", tr("Same as the window")), *LANGUAGES.items()):
            action = self.output_language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            self.output_language_group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_output_language(c or None))
        file_menu.addSeparator()
        file_menu.addActions([self.close_action, self.quit_action])
        edit_menu = bar.addMenu(tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.what_if_action)
        view_menu = bar.addMenu(tr("&View"))
        view_menu.addActions([self.calendar_action, self.timeline_action, self.checklist_action, self.agenda_action])
        view_menu.addActions([self.documents_action, self.money_action])
        view_menu.addActions([self.next_area_action, self.previous_area_action])
        view_menu.addSeparator()
        view_menu.addAction(self.panel_action)
        view_menu.addSeparator()
        view_menu.addActions([self.start_action, self.today_action, self.zoom_in_action, self.zoom_out_action])
        view_menu.addSeparator()
        self.language_menu = view_menu.addMenu(tr("&Language"))
        self.language_group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            # Each language in its own words, so that a reader finds theirs in any window.
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.setData(code)
            self.language_group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.switch_language(c))
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([self.import_help_action, self.about_action])
        self.toolbar = toolbar = self.addToolBar(tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar_action = toolbar.toggleViewAction()
        toolbar_action.setText(tr("Tool&bar"))
        view_menu.insertAction(self.panel_action, toolbar_action)
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions([self.toolbar_undo, self.toolbar_redo])
        toolbar.addSeparator()
        toolbar.addActions([self.export_action, self.print_action])
        toolbar.addSeparator()
        toolbar.addActions([self.start_action, self.today_action])
        self._rebuild_recent()
