"""The agenda: a table model over the journey's dated lines, one row per item or visit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QGuiApplication

from carte_planner.domain.journey import Category, Journey, JourneyItem, Occurrence
from carte_planner.export.agenda import provisional_mark
from carte_planner.i18n import tr
from carte_planner.i18n.text import count_days, say
from carte_planner.ui.dates import day_span_label, medium_date
from carte_planner.ui.palette import category_colour, category_name, muted_text
from carte_planner.ui.plain_text import as_text

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
# Lines that are not the plan's own items come after them on the same day.
_AFTER_THE_PLAN = (Category.CHECKLIST, Category.HOLIDAY)


class AgendaModel(QAbstractTableModel):
    """An adapter between the journey and Qt's views: no dates are computed here."""

    DATE, DAY, ITEM, STATUS = range(4)

    def __init__(self, journey: Journey, extra: Sequence[JourneyItem] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._journey = journey
        self._lines = self._merge(journey, extra)
        # The Day column gave way to a narrow agenda: each item then starts with its Day ±N.
        self.day_in_item = False
        # A "what if" question being looked at: the new date of each line it moves (None when
        # the line would no longer happen). The plan itself is unchanged.
        self._what_if: dict[str, date | None] = {}

    def set_what_if(self, moves: dict[str, date | None]) -> None:
        if moves != self._what_if:
            self._what_if = dict(moves)
            self.dataChanged.emit(self.index(0, 0), self.index(max(len(self._lines) - 1, 0), self.STATUS))

    def what_if_date(self, line: Occurrence) -> str | None:
        """ "→ 20 Apr 2027" (or "→ —") for a line the question moves, else None."""
        if line.key not in self._what_if:
            return None
        new = self._what_if[line.key]
        return "→ " + (medium_date(new) if new else "—")

    def set_day_in_item(self, shown: bool) -> None:
        if shown != self.day_in_item:
            self.day_in_item = shown
            self.dataChanged.emit(self.index(0, self.ITEM), self.index(max(len(self._lines) - 1, 0), self.ITEM))

    def day(self, line: Occurrence) -> str:
        """The line's Day ±N, "" at home (follow-up) and before admission."""
        if line.item.category is Category.HOME_FOLLOWUP:
            return ""
        return day_span_label(self._journey, line.day, line.end)

    @staticmethod
    def _merge(journey: Journey, extra: Sequence[JourneyItem]) -> list[Occurrence]:
        """The journey's lines and the dated checklist entries, in date order (journey first)."""
        lines = journey.occurrences() + [Occurrence(item, 1, item.start, item.start) for item in extra]
        return sorted(lines, key=lambda line: (line.day, line.item.category in _AFTER_THE_PLAN))

    def set_journey(self, journey: Journey, extra: Sequence[JourneyItem] = ()) -> None:
        """Show another journey (after an edit): the lines that came or went are inserted or
        removed, the others stay rows of their own and are told to read their text again, so
        that the view keeps its selection and scroll and repaints only the rows it shows."""
        old, new = self._lines, self._merge(journey, extra)
        self._journey = journey
        start = 0
        while start < min(len(old), len(new)) and old[start].key == new[start].key:
            start += 1
        old_end, new_end = len(old), len(new)
        while old_end > start and new_end > start and old[old_end - 1].key == new[new_end - 1].key:
            old_end, new_end = old_end - 1, new_end - 1
        kept = min(old_end, new_end)
        if old_end > new_end:
            self.beginRemoveRows(QModelIndex(), kept, old_end - 1)
            self._lines = old[:kept] + old[old_end:]
            self.endRemoveRows()
        elif new_end > old_end:
            self.beginInsertRows(QModelIndex(), kept, new_end - 1)
            self._lines = old[:kept] + new[kept:new_end] + old[old_end:]
            self.endInsertRows()
        self._lines = new
        if new:
            # Every row: Day ±N counts from day 0, and a date's tint from today.
            self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, self.STATUS))

    def line(self, row: int) -> Occurrence:
        return self._lines[row]

    def row_of(self, key: str) -> int:
        for row, line in enumerate(self._lines):
            if line.key == key:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [tr("Date"), tr("Day"), tr("Item"), tr("Status")][section]

    def status(self, line: Occurrence) -> str:
        status = self._status(line)
        # A date resting on a year whose holidays China has not published (its details say which).
        return tr("{status}, provisional").format(status=status) if provisional_mark(line) else status

    def _status(self, line: Occurrence) -> str:
        if line.item.category is Category.CHECKLIST:
            return tr("Done") if line.item.confirmed else tr("To do")
        if line.item.category is Category.HOLIDAY:
            return tr("Offices closed")
        if line.item.confirmed:
            return tr("Confirmed")
        if line.set_by_user:
            return tr("Set by you")
        if line.item.assumptions:
            return tr("Assumed")
        return tr("Estimated")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                moved = self.what_if_date(line)
                return f"{medium_date(line.day)} {moved}" if moved else medium_date(line.day)
            if column == self.DAY:
                return "" if line.item.category is Category.HOME_FOLLOWUP else self._journey.day_label(line.day)
            if column == self.ITEM:
                days = (line.end - line.day).days + 1
                title = (
                    line.title if days == 1 else str(say("{title} ({days})", title=line.title, days=count_days(days)))
                )
                day = self.data(self.index(index.row(), self.DAY)) if self.day_in_item else ""
                return f"{day} · {title}" if day else title
            if column == self.STATUS:
                return tr("What if: moves") if self.what_if_date(line) else self.status(line)
        if role == Qt.ItemDataRole.DecorationRole and column == self.ITEM:
            return category_colour(line.item.category)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DATE and line.day < self._journey.today:
            return QBrush(muted_text(QGuiApplication.palette()))
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_text(f"{category_name(line.item.category)}: {line.item.description}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            moved = self.what_if_date(line) or ""
            parts = (medium_date(line.day), moved, self.day(line), line.title, category_name(line.item.category))
            return ", ".join(part for part in (*parts, self.status(line)) if part)
        if role == KEY_ROLE:
            return line.key
        return None
