"""Where the keyboard goes in the main window: the view in front, F6 between its areas, the
first focus, and the panel's field scrolled into view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from carte_planner.ui.window_parts import WindowParts


class WindowFocus(WindowParts):
    """Moves the focus between the window's areas and into the view in front."""

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
        self._build_shown_page()
        page = self.tabs.currentWidget()
        if page is self.month:
            return self.month.grid
        if page is self.timeline:
            return self.timeline.canvas
        if page is self._checklist and self._checklist is not None:
            return self._checklist.tree
        if page is self.documents_page:
            return self.documents.tree
        if page is self.money_page:
            return self.money.currency
        return page

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

    # -- navigation -----------------------------------------------------------------------
    def go_to_start(self) -> None:
        self.month.go_to(self.document.request.start)
        self.timeline.fit()

    def go_to_today(self) -> None:
        self.month.go_to(self.document.today)
