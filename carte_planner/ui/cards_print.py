"""Painting the cards: each exactly 85.6 × 54 mm on the paper, with a thin outline and cut
marks, and its text as real text (the Chinese copies out of the PDF as the same characters)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLineF, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from carte_planner.export.cards import (
    CARD_HEIGHT_MM,
    CARD_WIDTH_MM,
    Card,
    card_slots,
    cut_marks,
    sheet_of_cards,
)
from carte_planner.i18n import tr
from carte_planner.i18n.catalog import is_right_to_left
from carte_planner.ui.printing import is_complete_pdf, print_font

PADDING_MM = 3.0


def card_printer(output: Path | None, page: QPageSize.PageSizeId) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(page))
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    if output is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        printer.setDocName(tr("Cards for China"))
    return printer


def paint_cards(cards: tuple[Card, ...], printer: QPrinter) -> int:
    """Lay the cards out on one sheet and paint them; returns the number of cards painted."""
    size = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
    slots = card_slots(size.width(), size.height())
    columns = sum(1 for _x, y in slots if y == slots[0][1])
    placed = sheet_of_cards(cards, len(slots), columns)
    painter = QPainter(printer)
    try:
        per_mm = printer.resolution() / 25.4
        painter.scale(per_mm, per_mm)  # from here on, millimetres
        for card, (x, y) in zip(placed, slots, strict=False):
            _paint_card(painter, card, x, y, per_mm)
    finally:
        painter.end()
    return len(placed)


def _paint_card(painter: QPainter, card: Card, x: float, y: float, per_mm: float) -> None:
    outline = QPen(QColor("#9a9a9a"))
    outline.setWidthF(0.15)
    painter.setPen(outline)
    painter.drawRect(QRectF(x, y, CARD_WIDTH_MM, CARD_HEIGHT_MM))
    marks = QPen(QColor("black"))
    marks.setWidthF(0.2)
    painter.setPen(marks)
    for x1, y1, x2, y2 in cut_marks(x, y):
        painter.drawLine(QLineF(x1, y1, x2, y2))
    painter.setPen(QColor("black"))
    top = y + PADDING_MM
    width = CARD_WIDTH_MM - 2 * PADDING_MM
    bottom = y + CARD_HEIGHT_MM - PADDING_MM
    for line in card.lines:
        font = print_font(line.size)
        font.setBold(line.bold)
        # Point sizes are for the printer's resolution; the painter now counts millimetres.
        font.setPointSizeF(line.size)
        painter.setFont(font)
        metrics = QFontMetricsF(font, painter.device())
        rtl = is_right_to_left(line.language)
        # Absolute: with a right-to-left layout Qt would otherwise mirror "right" back to the left.
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute if rtl else Qt.AlignmentFlag.AlignLeft
        flags = int(Qt.TextFlag.TextWordWrap) | int(align)
        painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        box = metrics.boundingRect(QRectF(0, 0, width * per_mm, 1000 * per_mm), flags, line.text)
        height = box.height() / per_mm
        if top + height > bottom:
            break  # never painted over the edge: the card stays cuttable
        painter.save()
        painter.translate(x + PADDING_MM, top)
        painter.scale(1 / per_mm, 1 / per_mm)
        painter.drawText(QRectF(0, 0, width * per_mm, height * per_mm), flags, line.text)
        painter.restore()
        top += height + 0.6


def render_cards_pdf(cards: tuple[Card, ...], page: QPageSize.PageSizeId, shown: Path | None = None) -> bytes:
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="carte-planner-cards-"))
    try:
        rendered = folder / "cards.pdf"
        paint_cards(cards, card_printer(rendered, page))
        data = rendered.read_bytes() if rendered.exists() else b""
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if not is_complete_pdf(data):
        raise OSError(f"Could not write {shown or 'the PDF'}: it could not be made in full (is the disk full?).")
    from carte_planner.export.pdf_text_layer import with_logical_text_layer

    return with_logical_text_layer(data)


def print_cards(parent: QWidget, plan_document, language: str | None = None) -> None:
    """Print preview of the cards; from there the user prints (at 100 %, not fitted to the page)."""
    from carte_planner.export.cards import all_cards
    from carte_planner.i18n import use_language
    from carte_planner.ui.printing import _paper_size

    with use_language(language):
        cards = all_cards(plan_document.journey, language)
    printer = card_printer(None, _paper_size())
    preview = QPrintPreviewDialog(printer, parent)
    preview.printer_ref = printer  # type: ignore[attr-defined]
    preview.setWindowTitle(tr("Print cards"))
    preview.paintRequested.connect(lambda p: paint_cards(cards, p))
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
