"""The checklist panel: stages with their items, a tick box and a note each, overdue highlighted."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from carte_planner.domain.checklist import MAX_TITLE, ChecklistEntry, CustomItem, Stage
from carte_planner.domain.item_keys import checklist_key
from carte_planner.i18n import ntr, tr, tr_noop
from carte_planner.i18n.text import say
from carte_planner.storage.planfile import CONTENT_LIMIT_BYTES
from carte_planner.ui.accessible import announce
from carte_planner.ui.dates import from_qdate, medium_date, to_qdate
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.fields import DateField
from carte_planner.ui.palette import overdue_text
from carte_planner.ui.plain_text import as_text, plain_label
from carte_planner.ui.step_names import TitleOf, step
from carte_planner.ui.wheel import wheel_turns_focused_fields_only

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class ChecklistModel(QAbstractItemModel):
    ticked = Signal(str, bool)  # an item ticked off (True) or back to do (False), by its key

    """Stages as top-level rows, their entries below. Ticks and notes are edited here and
    handed to the document, which records them on the undo stack."""

    ITEM, DUE, NOTE = range(3)

    def __init__(self, document: PlanDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self._groups: list[tuple[Stage, list[ChecklistEntry]]] = document.checklist.by_stage()

    def refresh(self) -> None:
        self.beginResetModel()
        self._groups = self.document.checklist.by_stage()
        self.endResetModel()

    # -- structure ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        # internalId: 0 for a stage row, the stage's row + 1 for an entry under it.
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        stage = child.internalId()
        if stage == 0:
            return QModelIndex()
        return self.createIndex(stage - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 3

    def entry(self, index: Index) -> ChecklistEntry | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def index_of(self, key: str) -> QModelIndex:
        for stage_row, (_stage, entries) in enumerate(self._groups):
            for row, entry in enumerate(entries):
                if entry.key == key:
                    return self.index(row, 0, self.index(stage_row, 0))
        return QModelIndex()

    # -- data -----------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [tr("Item"), tr("Due"), tr("Note")][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.entry(index) is not None:
            if index.column() == self.ITEM:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            if index.column() == self.NOTE:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry(index)
        if entry is None:
            stage, entries = self._groups[index.row()]
            if index.column() == self.ITEM and role == Qt.ItemDataRole.DisplayRole:
                done = sum(e.done for e in entries)
                return f"{stage.title}  ({done}/{len(entries)})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        today = self.document.today
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.ITEM:
                return entry.title
            if column == self.DUE:
                if entry.due is None:
                    return ""
                return ("⚠ " if entry.overdue(today) else "") + medium_date(entry.due)
            if column == self.NOTE:
                return entry.note
        if role == Qt.ItemDataRole.EditRole and column == self.NOTE:
            return entry.note
        if role == Qt.ItemDataRole.CheckStateRole and column == self.ITEM:
            return Qt.CheckState.Checked if entry.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and entry.overdue(today) and column in (self.ITEM, self.DUE):
            return QBrush(overdue_text(QGuiApplication.palette()))
        if role == Qt.ItemDataRole.FontRole and entry.overdue(today):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            when = f" ({entry.when})" if entry.when else ""
            overdue = tr("Overdue. ") if entry.overdue(today) else ""
            return as_text(f"{overdue}{entry.title}{when}: {entry.details}")
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.ITEM:
            # The row read with its state: a screen reader hears whether it is done.
            return f"{entry.title}, {tr('Done') if entry.done else tr('To do')}"
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.DUE and entry.overdue(today):
            return tr("%1, overdue").replace("%1", medium_date(entry.due or today))
        if role == KEY_ROLE:
            return entry.key
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        entry = self.entry(index)
        if entry is None:
            return False
        state = self.document.plan.checklist
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.ITEM:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            text = tr_noop("Tick off %1") if done else tr_noop("Untick %1")
            self.document.change_checklist(state.with_done(entry.key, done), step(text, TitleOf(entry)))
            self.ticked.emit(entry.key, done)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == self.NOTE:
            self.document.change_checklist(
                state.with_note(entry.key, str(value)), step(tr_noop("Note on %1"), TitleOf(entry))
            )
            return True
        return False


# Notes and details have no length of their own: only the plan file's limit, which refuses a change
# at once. Qt's line editor would otherwise cut a pasted text at 32,767 characters without a word.
MAX_TYPED_CHARACTERS = CONTENT_LIMIT_BYTES


class NoteDelegate(QStyledItemDelegate):
    """Edits a note in its cell, whatever its length."""

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(MAX_TYPED_CHARACTERS)
        return editor


class WrappedTitles(QStyledItemDelegate):
    """Rows as tall as their wrapped title at the title column's width: a tree view's own
    size hint measures the title on one line, so a long one was cut at a laptop's width."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != ChecklistModel.ITEM:
            return hint
        # The room beside the tick box and the indent, which the style takes from the column.
        decoration = self.tree.indentation() * 2 + self.tree.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        width = max(self.tree.columnWidth(ChecklistModel.ITEM) - decoration - 8, 40)
        text = str(index.data() or "")
        bounds = option.fontMetrics.boundingRect(0, 0, width, 100_000, Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), bounds.height() + 4))


class AddItemDialog(QDialog):
    """A new checklist item: what, in which stage, and when (optional)."""

    def __init__(self, stages: tuple[Stage, ...], default_due, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add a checklist item"))
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.title.setMaxLength(MAX_TITLE)
        self.title.setAccessibleName(tr("What to do or bring"))
        form.addRow(tr("&What:"), self.title)
        self.stage = QComboBox()
        for stage in stages:
            self.stage.addItem(stage.title, stage.key)
        self.stage.setAccessibleName(tr("Stage"))
        form.addRow(tr("&Stage:"), self.stage)
        self.has_due = QCheckBox(tr("Has a &due date"))
        # No weekday in the field: typed digits go to the day, the month and the year.
        self.due = DateField()
        self.due.setDate(to_qdate(default_due))
        self.due.setEnabled(False)
        self.due.setAccessibleName(tr("Due date"))
        self.has_due.toggled.connect(self.due.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.has_due)
        row.addWidget(self.due, 1)
        form.addRow(tr("Due:"), row)
        self.details = QLineEdit()
        self.details.setMaxLength(MAX_TYPED_CHARACTERS)
        self.details.setAccessibleName(tr("Details"))
        form.addRow(tr("De&tails:"), self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.title.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        form.addRow(buttons)
        wheel_turns_focused_fields_only(self)

    def item(self, key: str) -> CustomItem:
        return CustomItem(
            key=key,
            stage=self.stage.currentData(),
            title=self.title.text().strip(),
            due=from_qdate(self.due.date()) if self.has_due.isChecked() else None,
            details=self.details.text().strip(),
        )


class ChecklistPanel(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = ChecklistModel(document, self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setItemDelegateForColumn(ChecklistModel.NOTE, NoteDelegate(self.tree))
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.tree.setAccessibleName(tr("Checklist"))
        self.tree.installEventFilter(self)
        header = self.tree.header()
        metrics = self.tree.fontMetrics()
        header.setSectionResizeMode(ChecklistModel.ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ChecklistModel.DUE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ChecklistModel.NOTE, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(ChecklistModel.DUE, metrics.horizontalAdvance("⚠ Wed, 30 Sep 2027") + 16)
        header.resizeSection(ChecklistModel.NOTE, 150)
        # Long titles wrap onto more lines rather than being cut at a laptop's width.
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(WrappedTitles(self.tree))
        header.sectionResized.connect(lambda column, _old, _new: self._rewrap(column))
        self._widths = {ChecklistModel.DUE: header.sectionSize(ChecklistModel.DUE), ChecklistModel.NOTE: 150}
        self.item_min_width = metrics.horizontalAdvance("x" * 22) + 48  # the tick box and indent too
        self.tree.viewport().installEventFilter(self)
        self.details = plain_label(QLabel())
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(tr("Details of the selected checklist item"))
        self.add_button = QPushButton(tr("Add item…"))
        self.remove_button = QPushButton(tr("Remove item"))
        self.restore_button = QPushButton()
        self.print_button = QPushButton(tr("Print…"))
        self.pdf_button = QPushButton(tr("E&xport PDF…"))
        # Editing on one row, printing on the next: one row of five is wider than a laptop's
        # share of the window.
        buttons = QVBoxLayout()
        editing = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.restore_button):
            editing.addWidget(button)
        editing.addStretch(1)
        printing = QHBoxLayout()
        printing.addWidget(self.print_button)
        printing.addWidget(self.pdf_button)
        printing.addStretch(1)
        buttons.addLayout(editing)
        buttons.addLayout(printing)
        hint = QLabel(
            tr(
                "Tick items as they get done (Space); double-click a note, or press F2 or Enter, to write one. "
                "Dates move with the plan."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.restore_button.clicked.connect(self.restore_items)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.model.ticked.connect(self._announce_tick)
        document.checklistChanged.connect(self._refresh)
        document.selectionChanged.connect(self._reveal)
        self._stale = True

    def _rewrap(self, column: int) -> None:
        if column == ChecklistModel.ITEM:
            self.tree.scheduleDelayedItemsLayout()

    def _fit_columns(self, width: int) -> None:
        """Keep the item's title readable: narrow the note, then the due date, before it."""
        room = max(width - self.item_min_width, 0)
        note = max(min(self._widths[ChecklistModel.NOTE], room - self._widths[ChecklistModel.DUE]), 40)
        due = max(min(self._widths[ChecklistModel.DUE], room - note), 60)
        header = self.tree.header()
        header.resizeSection(ChecklistModel.NOTE, note)
        header.resizeSection(ChecklistModel.DUE, due)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns(event.size().width())
            return False
        """F2 or Enter on an item writes its note: the note column, not the current one, which
        is usually the item's title."""
        note_keys = (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and self.tree.state() != QAbstractItemView.State.EditingState
            and event.key() in note_keys
            and self.current() is not None
        ):
            note = self.tree.currentIndex().siblingAtColumn(ChecklistModel.NOTE)
            self.tree.setCurrentIndex(note)
            self.tree.edit(note)
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:
        if self._stale:
            self._refresh_now()
        super().showEvent(event)

    def _refresh_now(self) -> None:
        self._stale = False
        current = self.current()
        key = current.key if current is not None else None
        self.model.refresh()
        self.tree.expandAll()
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        if key:
            self._reveal(checklist_key(key))
        removed = self.document.checklist.removed_count
        self.restore_button.setText(
            ntr("Restore {n} removed item", "Restore {n} removed items", removed)
            if removed
            else tr("Restore removed items")
        )
        self.restore_button.setEnabled(removed > 0)
        self._show_details()

    def current(self) -> ChecklistEntry | None:
        return self.model.entry(self.tree.currentIndex())

    def _announce_tick(self, key: str, done: bool) -> None:
        """Say the tick on its row, where the focus is: "Pathology reports, Done"."""
        index = self.model.index_of(key)
        if not index.isValid():
            return
        text = self.model.data(index, Qt.ItemDataRole.AccessibleTextRole)
        self.tree.setAccessibleDescription(str(text))
        announce(self.tree, str(text))

    def _refresh(self) -> None:
        if not self.isVisible():
            self._stale = True  # refreshed when shown: re-planning stays quick
            return
        self._refresh_now()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.model.entry(current)
        if entry is not None:
            self.document.select(checklist_key(entry.key))
        self._show_details()

    def _reveal(self, key: str) -> None:
        if not key.startswith("check:"):
            return
        index = self.model.index_of(key.removeprefix("check:"))
        if index.isValid():
            with QSignalBlocker(self.tree.selectionModel()):
                self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
            self._show_details()

    def _show_details(self) -> None:
        entry = self.current()
        self.remove_button.setEnabled(entry is not None)
        if entry is None:
            self.details.setText(tr("Select an item to see what it involves."))
            return
        due = ""
        if entry.due is not None:
            due = tr("Due %1").replace("%1", medium_date(entry.due))
            if entry.when:
                due += f" ({entry.when})"
            due += ". "
        self.details.setText(f"{due}{entry.details}")

    def add_item(self) -> CustomItem | None:
        dialog = AddItemDialog(self.document.checklist.stages, self.document.today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.add(dialog.item(self._new_key()))

    def add(self, item: CustomItem) -> CustomItem:
        state = self.document.plan.checklist.with_added(item)
        self.document.change_checklist(state, step(tr_noop("Add %1"), item.title))
        return item

    def _new_key(self) -> str:
        used = {item.key for item in self.document.plan.checklist.added}
        return next(f"custom:{n}" for n in itertools.count(1) if f"custom:{n}" not in used)

    def remove_item(self) -> None:
        entry = self.current()
        if entry is not None:
            state = self.document.plan.checklist.without(entry.key)
            self.document.change_checklist(state, step(tr_noop("Remove %1"), TitleOf(entry)))

    def restore_items(self) -> None:
        self.document.change_checklist(self.document.plan.checklist.restored(), say("Restore removed items"))
