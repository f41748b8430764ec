"""The print preview: the pages as they will print, with buttons that take the focus.

Qt's own preview records each page as a picture and lays its text out again when it plays it
back, without the paragraph's direction: Arabic came out with its commas and parentheses at
the wrong end and 上海 as 海上, though the printed file was right. Here each page is painted
into an image by the very code that prints it, so the preview shows what the paper will.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from carte_planner.export.checklist_document import PrintDocument
from carte_planner.i18n import tr
from carte_planner.ui.printing import lay_out, make_printer, paint_page, write_pdf
from carte_planner.ui.script_text import isolated

PREVIEW_DPI = 96


def page_images(source: PrintDocument, printer: QPrinter, dpi: int = PREVIEW_DPI) -> list[QImage]:
    """Each page of `source` as `printer` prints it, painted at `dpi`."""
    pages = lay_out(source, printer)
    paper = printer.pageLayout().fullRectPixels(printer.resolution())
    margins = printer.pageLayout().paintRectPixels(printer.resolution())
    scale = dpi / printer.resolution()
    images = []
    for number in range(1, len(pages.pages) + 1):
        image = QImage(int(paper.width() * scale), int(paper.height() * scale), QImage.Format.Format_RGB32)
        # Points turn into pixels as on the printer; the painter's scale brings them down.
        dots = round(printer.resolution() / 0.0254)
        image.setDotsPerMeterX(dots)
        image.setDotsPerMeterY(dots)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        painter.translate(margins.left(), margins.top())
        paint_page(painter, pages, number)
        painter.end()
        images.append(image)
    return images


class PrintPreview(QDialog):
    """The pages one under the other; Print… (Enter, Ctrl+P) opens the print dialog, Save as
    PDF… writes the file, Escape closes. It fits the screen it opens on."""

    saved = Signal(Path)

    def __init__(self, source: PrintDocument, title: str, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.file_name = file_name
        self.setWindowTitle(title)
        self.printer = make_printer()
        self.pages = QWidget()
        pages_layout = QVBoxLayout(self.pages)
        self.page_labels: list[QLabel] = []
        images = page_images(source, self.printer, self._dpi(parent))
        for number, image in enumerate(images, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QLabel.Shape.Box)
            label.setAccessibleName(tr("Page {number} of {count}").format(number=number, count=len(images)))
            pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.pages_area = QScrollArea()
        self.pages_area.setWidget(self.pages)
        self.pages_area.setWidgetResizable(True)
        self.pages_area.setAccessibleName(title)
        self.pages_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Down scroll the pages
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(tr("&Print…"))
        self.pdf_button = QPushButton(tr("Save as P&DF…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pages)
        self.pdf_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_pages)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages_area, 1)
        layout.addWidget(buttons)
        self._fit_screen(images[0].width() if images else 600)
        self.print_button.setFocus()

    def _dpi(self, parent: QWidget | None) -> int:
        """The resolution at which a whole page width fits the screen, at most the screen's."""
        screen = (parent or self).screen() or QGuiApplication.primaryScreen()
        paper = self.printer.pageLayout().fullRectPixels(self.printer.resolution())
        inches = paper.width() / self.printer.resolution()
        return max(40, min(PREVIEW_DPI, int((screen.availableGeometry().width() - 140) / inches)))

    def _fit_screen(self, page_width: int) -> None:
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        width = min(page_width + 80, available.width() - 40)
        self.resize(width, available.height() * 9 // 10 - 40)

    def print_pages(self) -> bool:
        """The print dialog; printed as the preview shows. False if the user cancelled."""
        from carte_planner.ui.printing import paint_document

        dialog = QPrintDialog(self.printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            paint_document(self.source, self.printer)
        except OSError as error:
            QMessageBox.critical(self, tr("Could not print"), str(error))
            return False
        self.accept()
        return True

    def save_pdf(self) -> Path | None:
        folder = Path(self.file_name).parent
        chosen, _ = QFileDialog.getSaveFileName(
            self, tr("Save as PDF"), str(folder / Path(self.file_name).name), "PDF (*.pdf)"
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_pdf(self.source, path, self.printer.pageLayout().pageSize().id())
        except OSError as error:
            QMessageBox.critical(self, tr("Could not export the PDF"), str(error))
            return None
        self.saved.emit(path)
        self.accept()
        return path


def saved_message(path: Path) -> str:
    return tr("PDF saved to %1").replace("%1", isolated(str(path)))
