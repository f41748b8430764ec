"""Printing by keyboard alone: Ctrl+P opens a preview whose buttons take the focus, Enter
prints, Save as PDF writes the checklist or the hospital sheet, and the preview fits the
screen; in Arabic it shows the pages as the printed file has them."""

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from carte_planner.ui.print_preview import PrintPreview
from carte_planner.ui.printing import is_complete_pdf


def open_preview(qtbot, window, keys):
    keys()
    qtbot.waitUntil(lambda: any(p.isVisible() for p in window.findChildren(PrintPreview)))
    preview = next(p for p in window.findChildren(PrintPreview) if p.isVisible())
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is preview.print_button)
    return preview


def test_ctrl_p_then_tab_and_enter_saves_the_checklist_as_pdf(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "checklist.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.month.grid.setFocus()
    qtbot.waitUntil(window.month.grid.hasFocus)
    preview = open_preview(
        qtbot, window, lambda: QTest.keyClick(window.month.grid, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    )
    available = preview.screen().availableGeometry()
    assert preview.height() <= available.height()
    assert preview.width() <= available.width()
    QTest.keyClick(preview.print_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is preview.pdf_button
    QTest.keyClick(preview.pdf_button, Qt.Key.Key_Return)
    assert is_complete_pdf(target.read_bytes())
    assert not preview.isVisible()
    assert "PDF saved to" in window.statusBar().currentMessage()


def test_the_hospital_sheet_is_saved_as_pdf_from_the_keyboard(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "sheet"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    preview = open_preview(qtbot, window, window.sheet_action.trigger)
    QTest.keyClick(preview.print_button, Qt.Key.Key_Tab)
    QTest.keyClick(preview.pdf_button, Qt.Key.Key_Space)
    written = tmp_path / "sheet.pdf"
    assert is_complete_pdf(written.read_bytes())
    from pypdf import PdfReader

    assert "患者就医信息单" in PdfReader(written).pages[0].extract_text()  # the sheet, not the checklist


def test_enter_in_the_preview_prints(qtbot, window, tmp_path, monkeypatch):
    printed = tmp_path / "printed.pdf"

    def accept(dialog):
        printer = dialog.printer()
        printer.setOutputFileName(str(printed))  # the printer the family chose: a file here
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window.month.grid.setFocus()
    preview = open_preview(qtbot, window, window.print_action.trigger)
    QTest.keyClick(preview.print_button, Qt.Key.Key_Return)
    assert is_complete_pdf(printed.read_bytes())
    assert not preview.isVisible()
