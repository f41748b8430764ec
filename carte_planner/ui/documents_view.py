"""The Documents view: every paper per person or by packet, its state, due date and expiry,
and the scans attached to it (copied beside the plan, opened from here, dropped onto it)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carte_planner.domain.documents import (
    OWN_PREFIX,
    STATES,
    DocumentEntry,
    OwnDocument,
    build_documents,
    expiring,
    in_packet,
    state_title,
    whose,
)
from carte_planner.domain.travellers import traveller_words
from carte_planner.i18n import tr
from carte_planner.i18n.text import Words, say
from carte_planner.storage.atomic import WriteError
from carte_planner.storage.attachments import attach, attachment_status
from carte_planner.ui.dates import from_qdate, medium_date, to_qdate
from carte_planner.ui.document import PlanDocument

KEY_ROLE = Qt.ItemDataRole.UserRole


class DocumentsView(QWidget):
    """Per person (each traveller, then the whole trip) or by packet; the selected document's
    state, expiry and attachments below the list."""

    DOCUMENT, WHOSE, STATE, DUE, EXPIRY, FILES = range(6)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setAcceptDrops(True)
        self.grouping = QComboBox()
        self.grouping.addItem(tr("By person"), "person")
        self.grouping.addItem(tr("By packet"), "packet")
        self.grouping.setAccessibleName(tr("Group the documents"))
        grouping_label = QLabel(tr("Show:"))
        grouping_label.setBuddy(self.grouping)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels([tr("Document"), tr("Whose"), tr("State"), tr("Due"), tr("Expires"), tr("Files")])
        self.tree.setAccessibleName(tr("Documents"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(self.DOCUMENT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(tr("Documents to check"))

        self.state = QComboBox()
        for state in STATES:
            self.state.addItem(state_title(state), state)
        self.state.setAccessibleName(tr("State of the selected document"))
        self.has_expiry = QCheckBox(tr("Expires on"))
        self.expiry = QDateEdit()
        self.expiry.setCalendarPopup(True)
        self.expiry.setAccessibleName(tr("Expiry date of the selected document"))
        self.expiry.setDateRange(QDate(1900, 1, 1), QDate(2200, 12, 31))
        self.note = QLineEdit()
        self.note.setAccessibleName(tr("Note on the selected document"))
        self.files = QListWidget()
        self.files.setAccessibleName(tr("Files attached to the selected document"))
        self.files.setMaximumHeight(90)
        self.attach_button = QPushButton(tr("Attach file…"))
        self.open_button = QPushButton(tr("Open file"))
        self.detach_button = QPushButton(tr("Remove from list"))
        self.own_title = QLineEdit()
        self.own_title.setAccessibleName(tr("Title of your own document"))
        self.own_title.setPlaceholderText(tr("Your own document, such as a letter from an employer"))
        self.own_whose = QComboBox()
        self.own_whose.setAccessibleName(tr("Whose document it is"))
        self.add_own_button = QPushButton(tr("Add document"))
        self.remove_own_button = QPushButton(tr("Remove document"))

        top = QHBoxLayout()
        top.addWidget(grouping_label)
        top.addWidget(self.grouping)
        top.addStretch(1)
        hint = QLabel(
            tr(
                "Files are copied into a folder beside the plan and stay on this computer: never uploaded, "
                "published or put in a calendar. Drop a file here to attach it to the selected document."
            )
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        state_label = QLabel(tr("State:"))
        state_label.setBuddy(self.state)
        form.addRow(state_label, self.state)
        expiry_row = QHBoxLayout()
        expiry_row.addWidget(self.has_expiry)
        expiry_row.addWidget(self.expiry)
        expiry_row.addStretch(1)
        form.addRow(expiry_row)
        note_label = QLabel(tr("Note:"))
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_buttons = QVBoxLayout()
        for button in (self.attach_button, self.open_button, self.detach_button):
            files_buttons.addWidget(button)
        files_buttons.addStretch(1)
        files_row.addLayout(files_buttons)
        form.addRow(files_row)
        own_row = QGridLayout()
        own_row.addWidget(self.own_title, 0, 0, 1, 3)
        own_row.addWidget(self.own_whose, 1, 0)
        own_row.addWidget(self.add_own_button, 1, 1)
        own_row.addWidget(self.remove_own_button, 1, 2)
        own_row.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addLayout(own_row)

        self.grouping.currentIndexChanged.connect(lambda _index: self.refresh())
        self.tree.currentItemChanged.connect(lambda _current, _previous: self._show_selected())
        self.state.activated.connect(lambda _index: self._set_state())
        self.has_expiry.toggled.connect(lambda _on: self._set_expiry())
        self.expiry.editingFinished.connect(self._set_expiry)
        self.note.editingFinished.connect(self._set_note)
        self.attach_button.clicked.connect(self.choose_attachment)
        self.open_button.clicked.connect(self.open_attachment)
        self.detach_button.clicked.connect(self.remove_attachment)
        self.files.itemActivated.connect(lambda _item: self.open_attachment())
        self.add_own_button.clicked.connect(self.add_own)
        self.remove_own_button.clicked.connect(self.remove_own)
        document.papersChanged.connect(self._changed)
        document.journeyChanged.connect(self._changed)
        document.fileChanged.connect(self._show_selected)
        self._entries: tuple[DocumentEntry, ...] = ()
        # Behind another tab, the list is made again when it is next shown or read, not on
        # every edit of the plan.
        self._stale = False
        self.refresh()

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        self._fresh()
        super().showEvent(event)

    def _fresh(self) -> None:
        if self._stale:
            self.refresh()

    # -- reading ------------------------------------------------------------------------
    def entries(self) -> tuple[DocumentEntry, ...]:
        self._fresh()
        return self._entries

    def current(self) -> DocumentEntry | None:
        self._fresh()
        item = self.tree.currentItem()
        key = item.data(0, KEY_ROLE) if item else None
        return next((e for e in self._entries if e.key == key), None)

    def select(self, key: str) -> bool:
        self._fresh()
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            rows = [group.child(row) for row in range(group.childCount())] if group else []
            found = next((row for row in rows if row is not None and row.data(0, KEY_ROLE) == key), None)
            if found is not None:
                self.tree.setCurrentItem(found)
                return True
        return False

    def refresh(self) -> None:
        self._stale = False
        selected = self.current()
        journey = self.document.journey
        template = self.document.reference.documents_template
        self._entries = build_documents(journey, template, self.document.plan.papers)
        self.tree.clear()
        by_packet = self.grouping.currentData() == "packet"
        # By person, the group already says whose it is.
        self.tree.setColumnHidden(self.WHOSE, not by_packet)
        if by_packet:
            groups = [(packet.title, in_packet(self._entries, packet.key)) for packet in template.packets]
            groups.append((tr("Your own documents in no packet"), [e for e in self._entries if not e.packets]))
        else:
            groups = []
            for number in range(1, len(journey.request.travellers) + 1):
                mine = [e for e in self._entries if e.traveller_number == number]
                if mine:
                    groups.append((whose(mine[0]), mine))
            groups.append((tr("Whole trip"), [e for e in self._entries if e.traveller_number == 0]))
        for title, entries in groups:
            if not entries:
                continue
            group = QTreeWidgetItem([title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for entry in entries:
                group.addChild(self._row(entry))
            group.setExpanded(True)
        late = expiring(self._entries, journey)
        self.warning.setText(
            tr("Expires before the end of the stay: {documents}. Check whether it must be renewed.").format(
                documents=", ".join(f"{e.title} ({whose(e)})" for e in late)
            )
            if late
            else ""
        )
        self.warning.setVisible(bool(late))
        self.own_whose.clear()
        self.own_whose.addItem(tr("Whole trip"), 0)
        for number, name in enumerate(journey.request.travellers, start=1):
            self.own_whose.addItem(str(traveller_words(name)), number)
        if selected is None or not self.select(selected.key):
            self._show_selected()

    def _row(self, entry: DocumentEntry) -> QTreeWidgetItem:
        statuses = attachment_status(self.document.path, entry.mark.attachments)
        missing = sum(not s.present for s in statuses)
        files = str(len(statuses)) if statuses else ""
        if missing:
            files = tr("{count} ({missing} missing)").format(count=len(statuses), missing=missing)
        row = QTreeWidgetItem(
            [
                entry.title,
                whose(entry),
                state_title(entry.state),
                medium_date(entry.due) if entry.due else tr("undated"),
                medium_date(entry.mark.expiry) if entry.mark.expiry else "",
                files,
            ]
        )
        row.setData(0, KEY_ROLE, entry.key)
        tip = " ".join(str(part) for part in (entry.details, entry.when) if part)
        row.setToolTip(0, tip)
        if entry.overdue(self.document.today):
            row.setText(self.DUE, "⚠ " + row.text(self.DUE))
        return row

    def _show_selected(self) -> None:
        entry = self.current()
        editing = entry is not None
        for widget in (self.state, self.has_expiry, self.note, self.files, self.attach_button):
            widget.setEnabled(editing)
        self.remove_own_button.setEnabled(bool(entry and entry.own))
        self.files.clear()
        if entry is None:
            self.expiry.setEnabled(False)
            self.open_button.setEnabled(False)
            self.detach_button.setEnabled(False)
            return
        self.state.setCurrentIndex(STATES.index(entry.state))
        self.has_expiry.blockSignals(True)
        self.has_expiry.setChecked(entry.mark.expiry is not None)
        self.has_expiry.blockSignals(False)
        self.expiry.setEnabled(entry.mark.expiry is not None)
        self.expiry.setDate(to_qdate(entry.mark.expiry or self.document.today))
        self.note.setText(entry.mark.note)
        for status in attachment_status(self.document.path, entry.mark.attachments):
            text = status.name if status.present else tr("{name} (missing)").format(name=status.name)
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, status.name)
            self.files.addItem(item)
        self.open_button.setEnabled(self.files.count() > 0)
        self.detach_button.setEnabled(self.files.count() > 0)
        if self.files.count():
            self.files.setCurrentRow(0)

    # -- editing ------------------------------------------------------------------------
    def _change_mark(self, entry: DocumentEntry, text: Words, **changes: object) -> None:
        papers = self.document.plan.papers
        self.document.change_papers(papers.with_mark(replace(papers.mark(entry.key), **changes)), text)  # type: ignore[arg-type]

    def _set_state(self) -> None:
        entry = self.current()
        if entry is not None:
            self._change_mark(entry, say("Change document state"), state=self.state.currentData())

    def _set_expiry(self) -> None:
        entry = self.current()
        if entry is None:
            return
        self.expiry.setEnabled(self.has_expiry.isChecked())
        expiry = from_qdate(self.expiry.date()) if self.has_expiry.isChecked() else None
        self._change_mark(entry, say("Change expiry date"), expiry=expiry)

    def _set_note(self) -> None:
        entry = self.current()
        if entry is not None and self.note.text() != entry.mark.note:
            self._change_mark(entry, say("Change document note"), note=self.note.text())

    def choose_attachment(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, tr("Attach file"))
        if chosen:
            self.attach_files([Path(chosen)])

    def attach_files(self, paths: list[Path]) -> list[str]:
        """Copy the files beside the plan and list them under the selected document. The plan
        must have been saved once: its folder is named after it."""
        entry = self.current()
        if entry is None or not paths:
            return []
        if self.document.path is None:
            QMessageBox.information(
                self,
                tr("Save the plan first"),
                tr("Attached files are kept in a folder beside the plan file: save the plan once, then attach."),
            )
            return []
        papers = self.document.plan.papers
        names = []
        for path in paths:
            try:
                name = attach(self.document.path, path, papers.attachment_names())
            except WriteError as error:
                QMessageBox.warning(self, tr("Could not attach the file"), str(error))
                continue
            papers = papers.with_attachment(entry.key, name)
            names.append(name)
        self.document.change_papers(papers, say("Attach file"))
        return names

    def open_attachment(self) -> bool:
        """Open the selected file in the program the system uses for it; a missing one says so."""
        entry = self.current()
        item = self.files.currentItem()
        if entry is None or item is None or self.document.path is None:
            return False
        [status] = attachment_status(self.document.path, (item.data(KEY_ROLE),))
        if not status.present:
            QMessageBox.information(
                self,
                tr("File missing"),
                tr("{name} is no longer in the folder beside the plan ({folder}).").format(
                    name=status.name, folder=status.path.parent
                ),
            )
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(status.path)))

    def remove_attachment(self) -> None:
        """Take the file off the list; the copy in the folder stays, in case it is needed."""
        entry = self.current()
        item = self.files.currentItem()
        if entry is not None and item is not None:
            papers = self.document.plan.papers.without_attachment(entry.key, item.data(KEY_ROLE))
            self.document.change_papers(papers, say("Remove file from list"))

    def add_own(self) -> str | None:
        title = self.own_title.text().strip()
        if not title:
            self.own_title.setFocus()
            return None
        taken = {d.key for d in self.document.plan.papers.own}
        number = len(taken) + 1
        while f"{OWN_PREFIX}{number}" in taken:
            number += 1
        key = f"{OWN_PREFIX}{number}"
        own = OwnDocument(key, title, int(self.own_whose.currentData() or 0))
        self.document.change_papers(self.document.plan.papers.with_own(own), say("Add document"))
        self.own_title.clear()
        self.select(key)
        return key

    def remove_own(self) -> None:
        entry = self.current()
        if entry is not None and entry.own:
            self.document.change_papers(self.document.plan.papers.without_own(entry.key), say("Remove document"))

    # -- drag and drop ------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.current() is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if self.attach_files(paths):
            event.acceptProposedAction()
