"""The main window: the request panel, the three views, menus, files and settings."""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    QSettings,
    QSignalBlocker,
    QStandardPaths,
    Qt,
    QTimer,
    QTimeZone,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carte_planner import __version__
from carte_planner.data_versions import data_lines
from carte_planner.domain.plan import ExportRecord, Plan
from carte_planner.domain.reference import Reference
from carte_planner.i18n import LANGUAGES, current_language, tr, use_language
from carte_planner.storage.atomic import WriteError
from carte_planner.storage.autosave import AutosaveSlot
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.locks import FileLock, plan_lock_path
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from carte_planner.storage.planfile import EXTENSION, file_digest, load_plan, save_plan
from carte_planner.ui.accessible import name_list_boxes, name_typing_fields
from carte_planner.ui.agenda_view import AgendaView
from carte_planner.ui.checklist_panel import ChecklistPanel
from carte_planner.ui.document import PlanDocument, default_plan
from carte_planner.ui.hint import StartHint
from carte_planner.ui.month_view import MonthPage
from carte_planner.ui.plain_text import as_text, plain_label
from carte_planner.ui.request_panel import RequestPanel
from carte_planner.ui.script_text import isolated
from carte_planner.ui.settings import read_bool, read_bytes, read_int, read_list, read_str
from carte_planner.ui.summary_bar import SummaryBar
from carte_planner.ui.timeline_view import TimelinePage
from carte_planner.ui.wheel import wheel_turns_focused_fields_only

if TYPE_CHECKING:
    from carte_planner.ui.documents_view import DocumentsView
    from carte_planner.ui.money_view import MoneyView
    from carte_planner.ui.publish_dialog import PublishDialog
    from carte_planner.ui.what_if_panel import WhatIfPanel

MAX_RECENT = 8
PANEL_MIN_WIDTH = 240
PANEL_WIDTH = 310  # at the start: the form without a horizontal scroll bar
# Narrower than this, the agenda gives way to the calendar while the request panel is open:
# the calendar stays the largest thing in the window.
AGENDA_BESIDE_PANEL_WIDTH = 1400


# Windows that replaced another in a new language: kept here so that they are not collected.
_open_windows: list[MainWindow] = []


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


def scrolled(view: QWidget | None, name: str) -> QScrollArea:
    area = QScrollArea()
    area.setObjectName(name)
    if view is not None:
        area.setWidget(view)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    # Not a Tab stop of its own: it could show no focus, and its fields take the keys.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def default_autosave_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".carte-planner"


class MainWindow(QMainWindow):
    def __init__(
        self,
        document: PlanDocument | None = None,
        settings: QSettings | None = None,
        autosave_folder: Path | None = None,
        offer_autosave: bool = True,
        autosave_slot: AutosaveSlot | None = None,
        reference: Reference | None = None,
    ) -> None:
        """`autosave_slot`: the slot of the window this one replaces (another language), so
        that the plan keeps one safety copy, which a discard or a clean exit removes. `reference`:
        the shipped data (carte_planner/shipped.py), given when no `document` brings it."""
        super().__init__()
        self.settings = settings or QSettings()
        self.autosave_folder = autosave_folder or default_autosave_folder()
        self.autosave_slot = autosave_slot or _claim_slot(self.autosave_folder)
        self._plan_lock: FileLock | None = None
        self._disk_digest: str | None = None
        self._restored_digest: str | None = None
        if document is None:
            if reference is None:
                raise TypeError("MainWindow needs a document or the reference data to plan with")
            self.reference = reference
            today = date.today()
            document = self._offer_autosave(today) if offer_autosave else None
            if document is None:
                plan, path, unsaved = restored_plan(self.settings, today, reference)
                if path is not None and not self._lock_plan(path):
                    # Open in another window: this one starts on a copy, not on the file.
                    path, unsaved = None, True
                document = PlanDocument(plan, today, path, reference=reference)
                if unsaved:
                    document.mark_unsaved()
        self.document = document
        self.reference = document.reference
        if document.path is not None and self._plan_lock is None:
            self._lock_plan(document.path)
        self._disk_digest = file_digest(document.path) if document.path else None
        if self._restored_digest:
            self._disk_digest = self._restored_digest
        document.setParent(self)
        self.setObjectName("mainWindow")

        self.panel = RequestPanel(document)
        self.panel_scroll = panel_scroll = QScrollArea()
        panel_scroll.setObjectName("requestScroll")
        panel_scroll.setWidget(self.panel)
        panel_scroll.setWidgetResizable(True)
        # Narrow: the form's labels go above their fields, and what still does not fit scrolls.
        panel_scroll.setMinimumWidth(PANEL_MIN_WIDTH)
        panel_scroll.setAccessibleName(tr("Your trip"))
        # Its fields take the focus, not the scroll area, which could not show it.
        panel_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.summary = SummaryBar(document)
        self.month = MonthPage(document)
        self.timeline = TimelinePage(document)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.month, tr("&Calendar"))
        self.tabs.addTab(self.timeline, tr("T&imeline"))
        self.checklist = ChecklistPanel(document)
        self.tabs.addTab(self.checklist, tr("Chec&klist"))
        # Scrolled: their forms are taller than a small laptop leaves the views. Their tabs are
        # there at once; their contents are built just after the first paint (or when asked for
        # sooner), so that the journey shows without waiting for them.
        self._documents: DocumentsView | None = None
        self._money: MoneyView | None = None
        self.documents_page = scrolled(None, "documentsScroll")
        self.tabs.addTab(self.documents_page, tr("Documents"))
        self.money_page = scrolled(None, "moneyScroll")
        self.tabs.addTab(self.money_page, tr("Money"))
        self.tabs.currentChanged.connect(self._build_shown_page)
        self.tabs.installEventFilter(self)
        self.checklist.print_button.clicked.connect(self.print_checklist)
        self.checklist.pdf_button.clicked.connect(self.export_pdf)
        self.tabs.setAccessibleName(tr("Calendar and timeline"))
        self.agenda = AgendaView(document)

        self.views_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.views_splitter.setObjectName("viewsSplitter")
        self.views_splitter.addWidget(self.tabs)
        self.views_splitter.addWidget(self.agenda)
        # Built on first use: a window that never asks "what if" pays nothing for it.
        self.what_if_panel: WhatIfPanel | None = None
        # Room the window gains goes to the calendar and timeline.
        self.views_splitter.setStretchFactor(0, 1)
        self.views_splitter.setStretchFactor(1, 0)
        # The hint opens the request panel, where it points: the views keep their room.
        self.start_hint = StartHint(self.settings)
        self.start_hint.dismissed.connect(self.panel.start.setFocus)
        panel_layout = self.panel.layout()
        assert isinstance(panel_layout, QVBoxLayout)
        panel_layout.insertWidget(0, self.start_hint)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(panel_scroll)
        self.main_splitter.addWidget(self.views_splitter)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setCollapsible(1, False)
        self.main_splitter.splitterMoved.connect(lambda _pos, _index: self._panel_toggled())
        # The journey in one paragraph across the whole window, above the fields and the
        # views: the panel is no taller than the calendar beside it.
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.summary)
        central_layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_menus()
        # Beside the tabs, always in reach: the request panel comes back with one click.
        self.panel_button = QToolButton()
        self.panel_button.setDefaultAction(self.panel_action)
        self.panel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.panel_button.setAutoRaise(True)  # a button, pressed while the panel shows: not a tab
        self.panel_button.setAccessibleName(tr("Show or hide the request panel"))
        self.tabs.setCornerWidget(self.panel_button, Qt.Corner.TopLeftCorner)
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
        self.statusBar().showMessage(
            tr("Dates are estimates: change them to what your hospital says, and confirm every date with it.")
        )
        self.publish_dialog: PublishDialog | None = None
        self.published_label = plain_label(QLabel())
        self.published_label.setAccessibleName(tr("Calendar server"))
        self.statusBar().addPermanentWidget(self.published_label)
        document.fileChanged.connect(self._show_published)
        self._show_published()
        wheel_turns_focused_fields_only(self)
        name_typing_fields(self)
        QApplication.instance().focusChanged.connect(self._reveal_focus)  # type: ignore[union-attr]

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

    def show_what_if(self) -> None:
        """The "What if…" panel beside the agenda, with the focus in its question."""
        if self.what_if_panel is None:
            from carte_planner.ui.what_if_panel import WhatIfPanel

            self.what_if_panel = WhatIfPanel(self.document)
            wheel_turns_focused_fields_only(self.what_if_panel)
            self.what_if_panel.whatIfMoves.connect(self.agenda.model.set_what_if)
            self.what_if_panel.whatIfMoves.connect(self.timeline.canvas.set_what_if)
            self.what_if_panel.whatIfBroken.connect(self.summary.set_what_if)
            self.views_splitter.addWidget(self.what_if_panel)
            self.views_splitter.setStretchFactor(2, 0)
        self.what_if_panel.show()
        self.what_if_panel.choice.setFocus()

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

    # -- title and layout -----------------------------------------------------------------
    def _show_title(self) -> None:
        path = self.document.path
        name = path.stem if path else tr("Untitled plan")
        self.setWindowTitle(f"{name}[*] — Carte Planner")
        self.setWindowModified(self.document.modified)

    def _restore_layout(self) -> None:
        available = self.screen().availableGeometry()
        # The frame and title bar take some room around the window itself.
        width = min(1440, available.width() - 16)
        height = min(900, available.height() - 48)
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the minimum size as laid out, not as first guessed
        self.resize(width, height)
        panel = self._panel_width(width)
        self.main_splitter.setSizes([panel, width - panel])
        if available.height() < 600:
            # A short screen (1080 lines at 200 %): the menus hold every toolbar action, and
            # the calendar needs the height more.
            self.toolbar.hide()
        geometry = read_bytes(self.settings, "window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            if self.width() > available.width() or self.height() > available.height():
                self.resize(min(self.width(), available.width()), min(self.height(), available.height()))
        for splitter in (self.main_splitter, self.views_splitter, self.agenda.splitter):
            state = read_bytes(self.settings, f"window/{splitter.objectName()}")
            if state is not None:
                splitter.restoreState(state)
        views_state = read_bytes(self.settings, "window/viewsSplitter")
        self.tabs.setCurrentIndex(read_int(self.settings, "window/tab"))
        # Open on a new plan, where the fields are what is to be done; a saved plan opens on its
        # journey, unless the panel was left open last time.
        if self.document.path is not None and not read_bool(self.settings, "window/panel"):
            self.panel_scroll.hide()
        if views_state is None:
            self._agenda_beside(width - (0 if self.panel_scroll.isHidden() else panel))
        self._share_views()
        self._panel_toggled()

    def _panel_width(self, width: int) -> int:
        """Wide enough for the form without scrolling sideways, and no wider."""
        scrollbar = self.panel_scroll.verticalScrollBar().sizeHint().width() + 2 * self.panel_scroll.frameWidth()
        needed = self.panel.minimumSizeHint().width() + scrollbar
        return min(max(PANEL_WIDTH, needed), width // 2)

    def _share_views(self) -> None:
        """The calendar and timeline get most of the views' width. While the request panel is
        open in a narrow window the agenda gives way to them, out of the window's minimum width
        too; closing the panel, Ctrl+3 or F6 bring it back."""
        narrow = not self.panel_scroll.isHidden() and self.width() < AGENDA_BESIDE_PANEL_WIDTH
        if narrow:
            self.agenda.hide()
            return
        if self.agenda.isHidden():
            self.agenda.show()
            self._agenda_beside()
        elif self.views_splitter.sizes()[1] == 0:
            # Stored while the agenda gave way: it comes back beside the calendar.
            self._agenda_beside()

    def _agenda_beside(self, total: int | None = None) -> None:
        """The agenda beside the calendar, narrower than it, and no narrower than it can be."""
        total = total or sum(self.views_splitter.sizes()) or self.views_splitter.width()
        agenda = max(total * 3 // 8, self.agenda.minimumSizeHint().width())
        self.views_splitter.setSizes([total - agenda, agenda])

    def show_view(self, page: QWidget) -> None:
        """Bring a tab to the front and put the focus in it, where its keys work at once."""
        self.tabs.setCurrentWidget(page)
        self.focus_view()

    def focus_view(self) -> None:
        """Focus the view in front, where its keys work at once."""
        self._view_target().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _view_target(self) -> QWidget:
        """What takes the focus in the tab in front: the month grid, the timeline, the
        checklist's list (another tab: the tab's page itself)."""
        page = self.tabs.currentWidget()
        targets: dict[QWidget, QWidget] = {
            self.month: self.month.grid,
            self.timeline: self.timeline.canvas,
            self.checklist: self.checklist.tree,
        }
        if page is self.documents_page:
            return self.documents.tree
        if page is self.money_page:
            return self.money.currency
        return targets.get(page, page)

    @property
    def documents(self) -> DocumentsView:
        """The Documents view, built on first use."""
        return self._build_documents()

    @property
    def money(self) -> MoneyView:
        """The Money view, built on first use."""
        return self._build_money()

    def _build_documents(self) -> DocumentsView:
        if self._documents is None:
            from carte_planner.ui.documents_view import DocumentsView

            self._documents = DocumentsView(self.document)
            self._fill_page(self.documents_page, self._documents)
        return self._documents

    def _build_money(self) -> MoneyView:
        if self._money is None:
            from carte_planner.ui.money_view import MoneyView

            self._money = MoneyView(self.document)
            self._money.print_button.clicked.connect(self.print_budget)
            self._fill_page(self.money_page, self._money)
        return self._money

    def _fill_page(self, page: QScrollArea, view: QWidget) -> None:
        # The rules the window's other fields follow, for fields built after it.
        name_list_boxes(view)
        name_typing_fields(view)
        wheel_turns_focused_fields_only(view)
        page.setWidget(view)

    def _build_shown_page(self) -> None:
        if self.tabs.currentWidget() is self.documents_page:
            self._build_documents()
        elif self.tabs.currentWidget() is self.money_page:
            self._build_money()

    def _build_later_views(self) -> None:
        # Built before any change the family makes: the Money view reports what a change of
        # the plan did to the budget, so it must know the budget from before.
        self._build_documents()
        self._build_money()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tabs and event.type() == QEvent.Type.Paint:
            # The views are on screen: the rest is built as soon as this paint is done.
            self.tabs.removeEventFilter(self)
            QTimer.singleShot(0, self, self._build_later_views)
        return super().eventFilter(watched, event)

    def _areas(self) -> list[tuple[QWidget, QWidget]]:
        """The parts of the window F6 moves between, each as (what holds it, what takes the
        focus): the request panel, the view in front, the agenda and the item's details."""
        areas: list[tuple[QWidget, QWidget]] = []
        if not self.panel_scroll.isHidden():
            areas.append((self.panel_scroll, self.panel.start))
        areas.append((self.tabs, self._view_target()))
        if not self.agenda.isHidden():
            areas += [(self.agenda.table, self.agenda.table), (self.agenda, self.agenda.detail)]
        return areas

    def cycle_areas(self, step: int) -> None:
        """F6 (Shift+F6 back): the focus to the next part of the window."""
        areas = self._areas()
        focus = QApplication.focusWidget()
        current = next(
            (
                i
                for i, (holder, _target) in enumerate(areas)
                if focus is not None and (focus is holder or holder.isAncestorOf(focus))
            ),
            -1 if step > 0 else 0,
        )
        areas[(current + step) % len(areas)][1].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_agenda(self) -> None:
        """Put the focus in the agenda; if it gave way to the request panel, the panel gives
        way to it now."""
        if self.agenda.isHidden():
            self.show_panel(False)
        self.agenda.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._fitted_to_screen:
            return
        self._fitted_to_screen = True
        QTimer.singleShot(0, self._first_focus)
        available = self.screen().availableGeometry()
        panel = self._panel_width(available.width())
        if self.minimumSizeHint().width() > available.width() - 16 or panel > available.width() * 9 // 20:
            # A large font on a small screen: the views first, the panel would take half the
            # window; View ▸ Request panel or the button beside the tabs brings the fields back.
            self.show_panel(False)
        # After the layout has taken the panel or the agenda out of the window's minimum size.
        QTimer.singleShot(0, self._fit_to_screen)

    def _first_focus(self) -> None:
        """Where the keyboard starts, shown: the first hospital day of a new plan, the
        calendar of a saved one."""
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus) and focus not in (self.panel_scroll, self.panel):
            return  # the user, or a test, put it somewhere already
        if not self.panel_scroll.isHidden():
            self.panel.start.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_view()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._share_views()

    def _fit_to_screen(self) -> None:
        available = self.screen().availableGeometry()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        if not self.panel_scroll.isHidden() and self.minimumSizeHint().width() > available.width() - 16:
            self.show_panel(False)  # the fields asked for more than the screen has, once laid out
            if layout is not None:
                layout.activate()
        width, height = min(self.width(), available.width() - 16), min(self.height(), available.height() - 48)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)

    def show_panel(self, shown: bool) -> None:
        """Hide the request panel to give the views the window (and its width: a hidden panel
        no longer counts in the window's minimum), or bring it back."""
        sizes = self.main_splitter.sizes()
        total = sum(sizes)
        if shown and (self.panel_scroll.isHidden() or sizes[0] == 0):
            self.panel_scroll.show()
            panel = self._panel_width(total)
            self.main_splitter.setSizes([panel, total - panel])
            self._share_views()
            self.panel.start.setFocus(Qt.FocusReason.OtherFocusReason)
        elif not shown and not self.panel_scroll.isHidden():
            focus = QApplication.focusWidget()
            self.panel_scroll.hide()
            self._share_views()
            if focus is None or self.panel_scroll.isAncestorOf(focus):
                self.focus_view()
        self._panel_toggled()

    def _reveal_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A field of the panel that takes the focus (its Alt letter, Alt+0, a refused value
        sent back to it, a click, Tab) scrolls into view, with the reason under it."""
        if new is None or not self.panel.isAncestorOf(new):
            return
        fields = self.panel.fields_with_reasons()
        field: QWidget | None = new
        while field is not None and field is not self.panel and field not in fields:
            field = field.parentWidget()
        reason = self.panel.reason_line(field) if field is not None else None
        if reason is not None and reason.isVisible():
            self.panel_scroll.ensureWidgetVisible(reason, 0, 8)
        self.panel_scroll.ensureWidgetVisible(new)

    def _panel_toggled(self) -> None:
        with QSignalBlocker(self.panel_action):
            shown = not self.panel_scroll.isHidden() and self.main_splitter.sizes()[0] > 0
            self.panel_action.setChecked(shown)

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
        from PySide6.QtWidgets import QAbstractItemDelegate, QApplication

        focus = QApplication.focusWidget()
        tree = self.checklist.tree
        if focus is not None and tree.viewport().isAncestorOf(focus):
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

    # -- publishing to a calendar server ----------------------------------------------------
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

    def _change_refused(self, message: str) -> None:
        QMessageBox.warning(self, tr("Change not made"), as_text(message))

    def _size_warned(self, message: str) -> None:
        self.statusBar().showMessage(message, 20000)

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

    def print_checklist(self) -> None:
        if not self.commit_edits():
            return
        from carte_planner.ui.printing import print_checklist

        self._preview_opened(print_checklist(self, self.document, self.output_language(), folder=self._folder()))

    def print_sheet(self) -> None:
        if not self.commit_edits():
            return
        from carte_planner.ui.printing import print_hospital_sheet

        self._preview_opened(print_hospital_sheet(self, self.document, self.output_language(), folder=self._folder()))

    def _preview_opened(self, preview) -> None:
        """A PDF saved from the print preview is said in the status bar, as an export is."""
        from carte_planner.ui.print_preview import saved_message

        if preview is not None:
            preview.saved.connect(lambda path: self.statusBar().showMessage(saved_message(path), 10000))

    def print_budget(self) -> None:
        if not self.commit_edits():
            return
        from carte_planner.ui.printing import print_budget

        print_budget(self, self.document, self.output_language())

    def print_documents(self) -> None:
        if not self.commit_edits():
            return
        from carte_planner.ui.printing import print_documents

        print_documents(self, self.document, self.output_language())

    def print_handover(self) -> None:
        if not self.commit_edits():
            return
        from carte_planner.ui.printing import print_handover

        print_handover(self, self.document, self.output_language())

    def print_cards(self) -> None:
        if not self.commit_edits():
            return
        from carte_planner.ui.cards_print import print_cards

        print_cards(self, self.document, self.output_language())

    def export_pdf(self) -> Path | None:
        if not self.commit_edits():
            return None
        from carte_planner.ui.printing import export_checklist_pdf

        path = export_checklist_pdf(self, self.document, self._folder(), self.output_language())
        if path is not None:
            self.statusBar().showMessage(tr("Checklist saved to %1").replace("%1", isolated(str(path))), 10000)
        return path

    def save_relatives_page(self):
        """Show the page for relatives as they will see it; the family saves it from there."""
        from carte_planner.ui.relatives_page_dialog import RelativesPageDialog

        if not self.commit_edits():
            return None
        dialog = RelativesPageDialog(self.document, self._folder(), self.output_language(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

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

    # -- navigation -----------------------------------------------------------------------
    def go_to_start(self) -> None:
        self.month.go_to(self.document.request.start)
        self.timeline.fit()

    def go_to_today(self) -> None:
        self.month.go_to(self.document.today)

    # -- language ---------------------------------------------------------------------------
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

    def switch_language(self, code: str) -> MainWindow:
        """Speak `code` from now on: the window is built again around the same plan, its
        unsaved changes and file kept; the undo history starts afresh."""
        if code == current_language():
            return self
        self.commit_edits()
        self.settings.setValue("language", code)
        from carte_planner.ui.language import apply_language

        apply_language(code)
        if self.publish_dialog is not None:
            self.publish_dialog.finish()  # its record of the server goes with the plan
        old = self.document
        document = PlanDocument(old.plan, old.today, old.path, reference=old.reference)
        if old.modified:
            document.mark_unsaved()
        # The new window takes over this one's safety copy and the plan's lock: nothing of
        # this window is left behind to be offered back as a crash's.
        self.autosave_timer.stop()
        slot, self.autosave_slot = self.autosave_slot, None
        if self._plan_lock is not None:
            self._plan_lock.release()
            self._plan_lock = None
        successor = MainWindow(document, self.settings, self.autosave_folder, offer_autosave=False, autosave_slot=slot)
        if document.modified:
            successor.autosave()
        successor.restoreGeometry(self.saveGeometry())
        successor.tabs.setCurrentIndex(self.tabs.currentIndex())
        successor.show_panel(self.panel_scroll.isVisible())
        _open_windows.append(successor)
        successor.show()
        self._replaced_by = successor
        self.autosave_timer.stop()
        self.close()
        return successor

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
        if getattr(self, "_replaced_by", None) is not None:
            # Another language: the new window holds the plan now.
            if self in _open_windows:
                _open_windows.remove(self)
            event.accept()
            return
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


def _claim_slot(folder: Path) -> AutosaveSlot | None:
    try:
        return AutosaveSlot.claim(folder)
    except OSError:
        return None
