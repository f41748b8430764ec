"""File ▸ Save page for relatives…: the page as relatives will see it, what the family allows
on it, its language, and where to save it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from carte_planner.i18n import LANGUAGES, current_language, tr, use_language
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.plain_text import as_text
from carte_planner.ui.wheel import wheel_turns_focused_fields_only


class RelativesPageDialog(QDialog):
    def __init__(self, document: PlanDocument, folder: str, language: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Page for relatives"))
        self.document = document
        self.folder = folder
        self.address = QCheckBox(tr("Show the address where we stay"))
        self.phones = QCheckBox(tr("Show our phone numbers"))
        self.hospital = QCheckBox(tr("Show the hospital's name (it says what the trip is for)"))
        self.language = QComboBox()
        self.language.setAccessibleName(tr("Language of the page"))
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language or current_language())))
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(tr("What relatives will see"))
        form = QFormLayout()
        form.addRow(tr("&Language:"), self.language)
        form.addRow("", self.address)
        form.addRow("", self.phones)
        form.addRow("", self.hospital)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(tr("&Save page…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        for box in (self.address, self.phones, self.hospital):
            box.toggled.connect(self.refresh)
        self.language.currentIndexChanged.connect(self.refresh)
        self.resize(560, 640)
        self.refresh()
        wheel_turns_focused_fields_only(self)

    def page(self) -> str:
        """The page's HTML as it is written to the file."""
        from carte_planner.export.relatives_page import PageOptions, relatives_page

        options = PageOptions(
            address=self.address.isChecked(), phones=self.phones.isChecked(), hospital=self.hospital.isChecked()
        )
        with use_language(self.language.currentData()):
            return relatives_page(self.document.journey, options, self.document.today)

    def refresh(self) -> None:
        self.preview.setHtml(self.page())

    def save(self) -> Path | None:
        from carte_planner.storage.atomic import WriteError, atomic_write

        suggested = str(Path(self.folder) / (tr("Our trip") + ".html"))
        chosen, _ = QFileDialog.getSaveFileName(
            self, tr("Save page for relatives"), suggested, tr("Web pages (*.html)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".html", ".htm"):
            path = path.with_name(path.name + ".html")
        try:
            atomic_write(path, self.page().encode("utf-8"))
        except WriteError as error:
            QMessageBox.critical(self, tr("Could not save the page"), as_text(str(error)))
            return None
        self.accept()
        return path
