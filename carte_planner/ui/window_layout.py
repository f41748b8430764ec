"""The main window's layout: the request panel beside the views, their widths on any screen,
the tabs built when first shown, and where the keyboard focus goes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QSplitter, QTabWidget, QToolButton, QVBoxLayout, QWidget

from carte_planner.i18n import tr
from carte_planner.ui.accessible import name_typing_fields
from carte_planner.ui.agenda_view import AgendaView
from carte_planner.ui.hint import StartHint
from carte_planner.ui.month_view import MonthPage
from carte_planner.ui.request_panel import RequestPanel
from carte_planner.ui.settings import read_bool, read_bytes, read_int
from carte_planner.ui.summary_bar import SummaryBar
from carte_planner.ui.timeline_view import TimelinePage
from carte_planner.ui.wheel import wheel_turns_focused_fields_only
from carte_planner.ui.window_parts import WindowParts

PANEL_MIN_WIDTH = 240
PANEL_WIDTH = 310  # at the start: the form without a horizontal scroll bar
# Narrower than this, the agenda gives way to the calendar while the request panel is open:
# the calendar stays the largest thing in the window.
AGENDA_BESIDE_PANEL_WIDTH = 1400


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


class WindowLayout(WindowParts):
    """The window's widgets and their room: built once, sized to the screen, shown and hidden."""

    def _build_views(self) -> None:
        """The request panel beside the tabs and the agenda, under the summary."""
        document = self.document
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
        self._build_tabs()
        self.agenda = AgendaView(document)

        self.views_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.views_splitter.setObjectName("viewsSplitter")
        self.views_splitter.addWidget(self.tabs)
        self.views_splitter.addWidget(self.agenda)
        # Built on first use: a window that never asks "what if" pays nothing for it.
        self.what_if_panel = None
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

    def _build_tabs(self) -> None:
        """The calendar, the timeline and the checklist, and the tabs of the later views."""
        document = self.document
        self.month = MonthPage(document)
        # Built with the window: its painted bars are a screen reader's list, whose interface
        # is best made before assistive tools ask for it.
        self.timeline = TimelinePage(document)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.month, tr("&Calendar"))
        self.tabs.addTab(self.timeline, tr("T&imeline"))
        # Every tab is there at once; the views behind the others are built just after the
        # first paint (or when asked for sooner: the tab left in front last time, a key), so
        # that the journey shows without waiting for them. The checklist then takes its empty
        # page's place in the tabs.
        self._checklist = None
        self._checklist_page = QWidget()
        self.tabs.addTab(self._checklist_page, tr("Chec&klist"))
        # Scrolled: their forms are taller than a small laptop leaves the views.
        self._documents = None
        self._money = None
        self.documents_page = scrolled(None, "documentsScroll")
        self.tabs.addTab(self.documents_page, tr("Documents"))
        self.money_page = scrolled(None, "moneyScroll")
        self.tabs.addTab(self.money_page, tr("Money"))
        self.tabs.currentChanged.connect(self._build_shown_page)
        self.tabs.installEventFilter(self)
        self.tabs.setAccessibleName(tr("Calendar and timeline"))

    def _place_panel_button(self) -> None:
        """Beside the tabs, always in reach: the request panel comes back with one click."""
        self.panel_button = QToolButton()
        self.panel_button.setDefaultAction(self.panel_action)
        self.panel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.panel_button.setAutoRaise(True)  # a button, pressed while the panel shows: not a tab
        self.panel_button.setAccessibleName(tr("Show or hide the request panel"))
        self.tabs.setCornerWidget(self.panel_button, Qt.Corner.TopLeftCorner)

    def _rebuild_views(self, between: Callable[[], None]) -> None:
        """Build the panel and the views again (another language), around the same document,
        each as it was: the tab in front, the panel shown or hidden, the widths, the month and
        the what-if question's panel. `between` runs once the old views are gone."""
        tab = self.tabs.currentIndex()
        panel_shown = not self.panel_scroll.isHidden()
        what_if = self.what_if_panel is not None and not self.what_if_panel.isHidden()
        month = self.month.grid.month
        states = {name: splitter.saveState() for name, splitter in self._splitters().items()}
        old = self.takeCentralWidget()
        assert old is not None
        # Leaving a field as it goes would apply it again; signals of a closing view reach nothing.
        for widget in old.findChildren(QWidget):
            widget.blockSignals(True)
        old.hide()
        # Deleted by Qt's event loop, not from here: a screen reader's interfaces of the
        # painted views go with them safely only there. Out of the window meanwhile.
        self._leaving = old
        old.deleteLater()
        self.what_if_panel = None
        between()
        self._build_views()
        self._place_panel_button()
        central = self.centralWidget()
        if central is not None:
            central.show()  # now, not when the event loop next turns: the window is on screen
        self.panel_scroll.setVisible(panel_shown)
        if what_if:
            self.show_what_if()  # a fresh question: the one being asked is not carried over
        for name, splitter in self._splitters().items():
            splitter.restoreState(states[name])
        self.tabs.setCurrentIndex(tab)
        self.month.go_to(month)
        # The rules the window's fields follow, for the new fields (each is applied once to one).
        wheel_turns_focused_fields_only(self)
        name_typing_fields(self)
        self._share_views()
        self._panel_toggled()

    def _splitters(self) -> dict[str, QSplitter]:
        return {s.objectName(): s for s in (self.main_splitter, self.views_splitter, self.agenda.splitter)}

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

    def _panel_toggled(self) -> None:
        with QSignalBlocker(self.panel_action):
            shown = not self.panel_scroll.isHidden() and self.main_splitter.sizes()[0] > 0
            self.panel_action.setChecked(shown)
