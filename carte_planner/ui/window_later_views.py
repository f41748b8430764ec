"""The views the first frame does not wait for: the checklist, the documents and the money,
built just after the first paint or when first asked for, each into its tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QTimer
from PySide6.QtWidgets import QScrollArea, QWidget

from carte_planner.ui.accessible import name_list_boxes, name_typing_fields
from carte_planner.ui.wheel import wheel_turns_focused_fields_only
from carte_planner.ui.window_parts import WindowParts

if TYPE_CHECKING:
    from carte_planner.ui.checklist_panel import ChecklistPanel
    from carte_planner.ui.documents_view import DocumentsView
    from carte_planner.ui.money_view import MoneyView


class WindowLaterViews(WindowParts):
    """Builds the tabs' views that are not in the first frame."""

    @property
    def checklist(self) -> ChecklistPanel:
        """The checklist, built on first use."""
        return self._build_checklist()

    def _build_checklist(self) -> ChecklistPanel:
        if self._checklist is None:
            from carte_planner.ui.checklist_panel import ChecklistPanel

            self._checklist = ChecklistPanel(self.document)
            self._checklist.print_button.clicked.connect(self.print_checklist)
            self._checklist.pdf_button.clicked.connect(self.export_pdf)
            self._put_in_tab(self._checklist_page, self._checklist)
        return self._checklist

    def built_checklist(self) -> ChecklistPanel | None:
        """The checklist if it was built: one not built yet has nothing being typed in it."""
        return self._checklist

    def _put_in_tab(self, page: QWidget, view: QWidget) -> None:
        """`view` in the tab that held its empty page, in front if that page was."""
        index = self.tabs.indexOf(page)
        shown = self.tabs.currentIndex()
        with QSignalBlocker(self.tabs):
            self.tabs.insertTab(index, view, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            self.tabs.setCurrentIndex(shown)
        page.deleteLater()
        wheel_turns_focused_fields_only(view)
        name_typing_fields(view)

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
        page = self.tabs.currentWidget()
        if page is self._checklist_page:
            self._build_checklist()
        elif page is self.documents_page:
            self._build_documents()
        elif page is self.money_page:
            self._build_money()

    def _build_later_views(self) -> None:
        # Built before any change the family makes: the Money view reports what a change of
        # the plan did to the budget, so it must know the budget from before.
        self._build_checklist()
        self._build_documents()
        self._build_money()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tabs and event.type() == QEvent.Type.Paint:
            # The views are on screen: the rest is built as soon as this paint is done.
            self.tabs.removeEventFilter(self)
            QTimer.singleShot(0, self, self._build_later_views)
        return super().eventFilter(watched, event)
