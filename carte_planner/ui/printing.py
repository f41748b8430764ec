"""Printing the checklist: HTML blocks laid out page by page, never split, with a footer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from carte_planner.export.checklist_document import PrintDocument, checklist_document
from carte_planner.i18n import tr, use_language
from carte_planner.resource_folder import resource_root
from carte_planner.ui.plain_text import InertDocument, as_text

LATIN_FAMILY = "DejaVu Sans"
CJK_FAMILY = "Droid Sans Fallback"
_loaded_fonts = False


def print_font(point_size: float = 10) -> QFont:
    """The shipped fonts: DejaVu Sans for Latin text, Droid Sans Fallback for Chinese, whose
    PDF text layer keeps the real ideographs (no look-alike radicals)."""
    global _loaded_fonts
    if not _loaded_fonts:
        folder = resource_root() / "fonts"
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DroidSansFallbackFull.ttf"):
            QFontDatabase.addApplicationFont(str(folder / name))
        _loaded_fonts = True
    font = QFont()
    font.setFamilies([LATIN_FAMILY, CJK_FAMILY])
    font.setPointSizeF(point_size)
    # Ligatures put one glyph for "fi" in the PDF's text layer: copied text would read "ﬁrst".
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


@dataclass
class _Placed:
    document: QTextDocument
    top: float


def _block_document(html: str, style: str, width: float, printer: QPrinter, rtl: bool = False) -> QTextDocument:
    document = InertDocument()
    document.documentLayout().setPaintDevice(printer)
    document.setDefaultFont(print_font())
    document.setDefaultStyleSheet(style)
    document.setDocumentMargin(0)
    if rtl:
        # Arabic reads from the right: paragraphs, tables and their columns all start there.
        option = document.defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        document.setDefaultTextOption(option)
        html = f"<div dir='rtl'>{html}</div>"
    document.setHtml(html)
    document.setTextWidth(width)
    return document


@dataclass
class Pages:
    """A document laid out for one printer: the blocks on each page, and the footer's room."""

    pages: list[list[_Placed]]
    width: float
    body_h: float
    footer_h: float
    footer: str
    rtl: bool


def lay_out(source: PrintDocument, printer: QPrinter) -> Pages:
    """Lay the blocks out on pages, in `printer`'s measures.

    A block that does not fit in what is left of a page starts the next one; a heading stays
    with the block after it; only a block taller than a whole page is ever cut.
    """
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    width, height = float(page.width()), float(page.height())
    footer_metrics = QFontMetricsF(print_font(7.5), printer)
    footer_h = footer_metrics.height() * 2.6
    body_h = height - footer_h
    rtl = source.right_to_left
    documents = [_block_document(b.html, source.style, width, printer, rtl) for b in source.blocks]
    heights = [d.documentLayout().documentSize().height() for d in documents]
    gap = QFontMetricsF(print_font(), printer).height() * 0.25

    pages: list[list[_Placed]] = [[]]
    y = 0.0
    for index, (block, document, block_h) in enumerate(zip(source.blocks, documents, heights, strict=True)):
        needed = block_h
        if block.keep_with_next and index + 1 < len(documents):
            needed += gap + heights[index + 1]
        starts_page = not pages[-1]
        if not starts_page and (block.new_page or y + needed > body_h):
            pages.append([])
            y = 0.0
        pages[-1].append(_Placed(document, y))
        y += block_h + gap
    return Pages(pages, width, body_h, footer_h, source.footer, rtl)


def paint_page(painter: QPainter, laid_out: Pages, number: int) -> None:
    """Paint page `number` (from 1) of `laid_out`, its origin at the printable area's corner."""
    width, body_h, footer_h, rtl = laid_out.width, laid_out.body_h, laid_out.footer_h, laid_out.rtl
    for item in laid_out.pages[number - 1]:
        painter.save()
        painter.translate(0, item.top)
        clip = QRectF(0, 0, width, max(min(body_h - item.top, item.document.size().height()), 0))
        item.document.drawContents(painter, clip)
        painter.restore()
    painter.setFont(print_font(7.5))
    painter.setPen(Qt.GlobalColor.black)
    painter.drawLine(0, int(body_h + footer_h * 0.15), int(width), int(body_h + footer_h * 0.15))
    # The footer mirrors for a right-to-left language: its text on the right, the page number left.
    text_x, number_x = (width * 0.18, 0.0) if rtl else (0.0, width * 0.82)
    footer = QRectF(text_x, body_h + footer_h * 0.2, width * 0.82, footer_h * 0.8)
    start, end = (
        (Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignLeft)
        if rtl
        else (
            Qt.AlignmentFlag.AlignLeft,
            Qt.AlignmentFlag.AlignRight,
        )
    )
    painter.drawText(footer, Qt.TextFlag.TextWordWrap | start, laid_out.footer)
    painter.drawText(
        QRectF(number_x, body_h + footer_h * 0.2, width * 0.18, footer_h * 0.8),
        end,
        tr("Page {number} of {count}").format(number=number, count=len(laid_out.pages)),
    )


def paint_document(source: PrintDocument, printer: QPrinter) -> int:
    """Lay the blocks out on pages and paint them; returns the number of pages."""
    laid_out = lay_out(source, printer)
    before = _pdf_file_stamp(printer)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        for number in range(1, len(laid_out.pages) + 1):
            if number > 1:
                printer.newPage()
            paint_page(painter, laid_out, number)
    finally:
        painter.end()
    after = _pdf_file_stamp(printer)
    if after is not None and after != before:
        _rewrite_text_layer(Path(printer.outputFileName()))
    return len(laid_out.pages)


def _pdf_file_stamp(printer: QPrinter) -> tuple[int, int] | None:
    """The modification time and size of the PDF file `printer` writes, if it writes one that
    exists: a preview paints with the same printer and must leave an earlier file alone."""
    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or not printer.outputFileName():
        return None
    try:
        status = Path(printer.outputFileName()).stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def _rewrite_text_layer(path: Path) -> None:
    """A PDF just written, by an export or by the print dialog's "Print to File", gets a text
    layer from which Arabic copies out as letters (export/pdf_text_layer.py). If the file
    cannot be rewritten, Qt's own stays: still a good PDF to print."""
    from carte_planner.export.pdf_text_layer import with_logical_text_layer
    from carte_planner.storage.atomic import atomic_write

    try:
        data = path.read_bytes()
        if is_complete_pdf(data) and (rewritten := with_logical_text_layer(data)) is not data:
            atomic_write(path, rewritten)
    except OSError:
        return


def make_printer(output: Path | None = None, page: QPageSize.PageSizeId | None = None) -> QPrinter:
    """A high-resolution printer; with `output`, it writes a PDF there."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if page is not None:
        printer.setPageSize(QPageSize(page))
    printer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter)
    if output is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        printer.setDocName(tr("CAR-T journey checklist"))
    return printer


def document_for(plan_document, language: str | None = None) -> PrintDocument:
    """The printout in `language` (the window's when None): the plan's words are chosen as the
    document is laid out, so every item, notice and date reads in that language."""
    with use_language(language):
        return checklist_document(plan_document.journey, plan_document.checklist)


def write_pdf(
    source: PrintDocument,
    output: Path,
    page: QPageSize.PageSizeId = QPageSize.PageSizeId.A4,
    protect: Sequence[Path | str] = (),
) -> int:
    """Write the checklist PDF through the safe-write path (links followed, special files
    kept, a full disk an error), so a failure leaves any earlier PDF as it was. Raises OSError."""
    from carte_planner.storage.atomic import atomic_write

    output = Path(output)
    data, pages = render_pdf(source, page, output)
    atomic_write(output, data, protect=protect)
    return pages


def render_pdf(
    source: PrintDocument, page: QPageSize.PageSizeId = QPageSize.PageSizeId.A4, shown: Path | None = None
) -> tuple[bytes, int]:
    """The PDF's bytes and its page count. Qt renders into a private folder of its own (no
    name next to the target that a link could stand in for), and the whole file is checked."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="carte-planner-pdf-"))
    try:
        rendered = folder / "checklist.pdf"
        pages = paint_document(source, make_printer(rendered, page))
        data = rendered.read_bytes() if rendered.exists() else b""
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if not is_complete_pdf(data):
        raise OSError(
            tr("Could not write {path}: it could not be made in full (is the disk full?).").format(
                path=shown or tr("the PDF")
            )
        )
    return data, pages


def is_complete_pdf(data: bytes) -> bool:
    """Whether `data` is a whole PDF: its header, and a trailer whose cross-reference offset
    points inside the file. A PDF cut short by a full disk has neither its end nor its offset."""
    if not data.startswith(b"%PDF-"):
        return False
    tail = data[-1024:].rstrip()
    if not tail.endswith(b"%%EOF"):
        return False
    marker = tail.rfind(b"startxref")
    if marker < 0:
        return False
    digits = tail[marker + len(b"startxref") : -len(b"%%EOF")].strip()
    return digits.isdigit() and 0 < int(digits) < len(data)


def print_checklist(parent: QWidget, plan_document, language: str | None = None, folder: str = ""):
    """The print preview of the checklist; from there the user prints or saves a PDF."""
    city = plan_document.journey.city.name
    name = tr("CAR-T journey checklist - {city}").format(city=city) + ".pdf"
    return _preview(parent, document_for(plan_document, language), tr("Print checklist"), str(Path(folder) / name))


def print_hospital_sheet(parent: QWidget, plan_document, language: str | None = None, folder: str = ""):
    """Print preview of the sheet for China: Chinese beside `language` (the window's when None)."""
    from carte_planner.export.hospital_sheet import hospital_sheet

    city = plan_document.journey.city.name
    name = tr("Sheet for the hospital - {city}").format(city=city) + ".pdf"
    source = hospital_sheet(plan_document.journey, language)
    return _preview(parent, source, tr("Print sheet for the hospital"), str(Path(folder) / name))


def print_budget(parent: QWidget, plan_document, language: str | None = None, folder: str = ""):
    """Print preview of the family's budget on one page, in `language` (the window's when None)."""
    from carte_planner.domain.budget import cost, plan_counts
    from carte_planner.export.budget_report import budget_document

    money = plan_document.plan.money
    with use_language(language):
        source = budget_document(
            cost(money, plan_counts(plan_document.journey)), money, plan_document.reference.budget_categories
        )
    name = tr("Budget - {city}").format(city=plan_document.journey.city.name) + ".pdf"
    return _preview(parent, source, tr("Print budget"), str(Path(folder) / name))


def print_documents(parent: QWidget, plan_document, language: str | None = None, folder: str = ""):
    """Print preview of the documents, packet by packet."""
    from carte_planner.domain.documents import build_documents
    from carte_planner.export.documents_list import documents_document

    template = plan_document.reference.documents_template
    with use_language(language):
        documents = build_documents(plan_document.journey, template, plan_document.plan.papers)
        source = documents_document(documents, template)
    name = tr("Documents - {city}").format(city=plan_document.journey.city.name) + ".pdf"
    return _preview(parent, source, tr("Print documents"), str(Path(folder) / name))


def print_handover(parent: QWidget, plan_document, language: str | None = None, folder: str = ""):
    """Print preview of the going-home packet for the home oncologist."""
    from carte_planner.domain.documents import build_documents
    from carte_planner.export.handover import handover_document

    with use_language(language):
        journey = plan_document.journey
        documents = build_documents(journey, plan_document.reference.documents_template, plan_document.plan.papers)
        source = handover_document(journey, plan_document.checklist, documents)
    name = tr("Going-home packet - {city}").format(city=plan_document.journey.city.name) + ".pdf"
    return _preview(parent, source, tr("Print going-home packet"), str(Path(folder) / name))


def _preview(parent: QWidget, source: PrintDocument, title: str, file_name: str):
    """The preview of one document, beside the window; from there the user prints."""
    from carte_planner.ui.print_preview import PrintPreview

    preview = PrintPreview(source, title, file_name, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview


def export_checklist_pdf(parent: QWidget, plan_document, folder: str, language: str | None = None) -> Path | None:
    city = plan_document.journey.city.name
    suggested = str(Path(folder) / (tr("CAR-T journey checklist - {city}").format(city=city) + ".pdf"))
    chosen, _ = QFileDialog.getSaveFileName(parent, tr("Export checklist PDF"), suggested, "PDF (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        write_pdf(document_for(plan_document, language), path, _paper_size())
    except OSError as error:
        QMessageBox.critical(parent, tr("Could not export the PDF"), as_text(str(error)))
        return None
    return path


def _paper_size() -> QPageSize.PageSizeId:
    """The default printer's paper if it is A4 or Letter; without a printer, Letter where the
    locale measures in inches (the United States), else A4."""
    from PySide6.QtCore import QLocale
    from PySide6.QtPrintSupport import QPrinterInfo

    default = QPrinterInfo.defaultPrinter()
    if not default.isNull():
        size = default.defaultPageSize().id()
        if size in (QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter):
            return size
    if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize.PageSizeId.Letter
    return QPageSize.PageSizeId.A4
