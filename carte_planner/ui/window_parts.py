"""What the parts of the main window share: the plan, the settings and the widgets each part
reaches. The window is put together from one class per job (layout, actions, files, export,
printing, publishing); this base names what they read from one another."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

if TYPE_CHECKING:
    from carte_planner.storage.autosave import AutosaveSlot
    from carte_planner.storage.locks import FileLock
    from carte_planner.ui.agenda_view import AgendaView
    from carte_planner.ui.checklist_panel import ChecklistPanel
    from carte_planner.ui.document import PlanDocument
    from carte_planner.ui.hint import StartHint
    from carte_planner.ui.month_view import MonthPage
    from carte_planner.ui.publish_dialog import PublishDialog
    from carte_planner.ui.request_panel import RequestPanel
    from carte_planner.ui.summary_bar import SummaryBar
    from carte_planner.ui.timeline_view import TimelinePage
    from carte_planner.ui.what_if_panel import WhatIfPanel


class WindowParts(QMainWindow):
    """The main window's shared state, declared once for every part that uses it."""

    document: PlanDocument
    settings: QSettings
    autosave_folder: Path
    autosave_slot: AutosaveSlot | None
    autosave_timer: QTimer
    _plan_lock: FileLock | None
    _disk_digest: str | None
    _restored_digest: str | None

    panel: RequestPanel
    panel_scroll: QScrollArea
    summary: SummaryBar
    month: MonthPage
    timeline: TimelinePage
    checklist: ChecklistPanel
    agenda: AgendaView
    tabs: QTabWidget
    documents_page: QScrollArea
    money_page: QScrollArea
    views_splitter: QSplitter
    main_splitter: QSplitter
    start_hint: StartHint
    panel_button: QToolButton
    what_if_panel: WhatIfPanel | None
    publish_dialog: PublishDialog | None
    published_label: QLabel
    toolbar: QToolBar
    recent_menu: QMenu
    output_language_group: QActionGroup
    language_group: QActionGroup
    panel_action: QAction
    discreet_action: QAction
    checklist_in_calendar_action: QAction
    holidays_in_calendar_action: QAction
    publish_changes_action: QAction
    _fitted_to_screen: bool

    if TYPE_CHECKING:
        # Each is defined by one part and called by others.
        def commit_edits(self) -> bool: ...
        def output_language(self) -> str | None: ...
        def _folder(self) -> str: ...
        def save(self) -> bool: ...
        def save_as(self) -> bool: ...
        def open_plan(self, path: Path | str | None = None) -> bool: ...
        def show_panel(self, shown: bool) -> None: ...
        def focus_view(self) -> None: ...
        def go_to_start(self) -> None: ...
        def _remember(self, path: Path) -> None: ...
        def _build_later_views(self) -> None: ...
        def _rebuild_recent(self) -> None: ...
        # The slots the actions and buttons call, each defined in its part.
        def new_plan(self) -> None: ...
        def export_calendar(self) -> bool: ...
        def export_pdf(self) -> Path | None: ...
        def print_checklist(self) -> None: ...
        def print_sheet(self) -> None: ...
        def print_budget(self) -> None: ...
        def print_documents(self) -> None: ...
        def print_handover(self) -> None: ...
        def print_cards(self) -> None: ...
        def save_relatives_page(self) -> object: ...
        def publish_to_server(self, start: bool = False) -> PublishDialog | None: ...
        def publish_changes(self) -> PublishDialog | None: ...
        def choose_output_language(self, code: str | None) -> None: ...
        def switch_language(self, code: str) -> QMainWindow: ...
        def quit_application(self) -> bool: ...
        def about(self) -> None: ...
        def import_help(self) -> None: ...
        def show_view(self, page: QWidget) -> None: ...
        def show_agenda(self) -> None: ...
        def show_what_if(self) -> None: ...
        def cycle_areas(self, step: int) -> None: ...
        def go_to_today(self) -> None: ...
