"""The main window's printouts and PDFs: the checklist, the hospital sheet, the budget, the
documents, the going-home packet, the cards, and the page for relatives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from carte_planner.i18n import tr
from carte_planner.ui.script_text import isolated
from carte_planner.ui.window_parts import WindowParts


class WindowPrinting(WindowParts):
    """Printouts and PDFs, each in the language chosen for them."""

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
