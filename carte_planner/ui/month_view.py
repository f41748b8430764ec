"""The month calendar: each day's items as coloured chips, spans as bars across days and weeks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QLocale, QPointF, QRectF, Qt, QTime, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from carte_planner.domain.journey import Occurrence
from carte_planner.ui.canvas import JourneyCanvas, tool_button
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.legend import Legend
from carte_planner.ui.palette import category_colour, text_colour_on

WEEKS = 6


@dataclass(frozen=True)
class Chip:
    rect: QRectF
    line: Occurrence
    open_left: bool
    open_right: bool


def first_of_month(day: date) -> date:
    return day.replace(day=1)


class MonthGrid(JourneyCanvas, QWidget):
    """Paints one month as six weeks. Reads the journey's lines; computes no dates of its own."""

    monthChanged = Signal()

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.month = first_of_month(document.request.start)
        self._chips: list[Chip] = []
        self._overflow: dict[date, int] = {}
        self._dirty = True
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # paintEvent fills every pixel: Qt need not paint the parents behind it first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(self.tr("Month calendar"))
        document.journeyChanged.connect(self._invalidate)
        document.selectionChanged.connect(self.reveal)

    # -- navigation -----------------------------------------------------------------------
    def set_month(self, day: date) -> None:
        month = first_of_month(day)
        if month != self.month:
            self.month = month
            self._invalidate()
            self.monthChanged.emit()

    def step(self, months: int) -> None:
        self.set_month(self.month + relativedelta(months=months))

    def reveal(self, key: str) -> None:
        """Show the month of the selected line, unless it is already on screen."""
        line = self._line(key)
        if line is not None and not self.first_day() <= line.day <= self.first_day() + timedelta(days=41):
            self.set_month(line.day)
        self.update()

    def first_day(self) -> date:
        """The first day shown: the start of the week holding the 1st, in this locale."""
        first_weekday = QLocale().firstDayOfWeek().value - 1  # Qt: Monday=1; Python: Monday=0
        return self.month - timedelta(days=(self.month.weekday() - first_weekday) % 7)

    def _line(self, key: str) -> Occurrence | None:
        return next((line for line in self.document.journey.occurrences() if line.key == key), None)

    # -- layout ---------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._dirty = True
        self.update()

    def resizeEvent(self, event) -> None:
        self._dirty = True
        super().resizeEvent(event)

    def _metrics(self) -> tuple[float, float, float, float, float]:
        font = QFontMetrics(self.font())
        header = font.height() + 8
        cell_w = self.width() / 7
        cell_h = (self.height() - header) / WEEKS
        strip = font.height() + 4
        lane = QFontMetrics(self._chip_font()).height() + 4
        return header, cell_w, cell_h, strip, lane

    def _chip_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        return font

    def _layout(self) -> None:
        header, cell_w, cell_h, strip, lane_h = self._metrics()
        # The last lane that fits is kept for "+N more".
        visible_lanes = max(int((cell_h - strip - 2) // lane_h) - 1, 1)
        first = self.first_day()
        lines = sorted(
            self.document.journey.occurrences(),
            key=lambda line: (line.day, -(line.end - line.day).days, line.item.category.value),
        )
        self._chips = []
        self._overflow = {}
        for week in range(WEEKS):
            week_start = first + timedelta(days=7 * week)
            week_end = week_start + timedelta(days=6)
            used: list[list[bool]] = []
            for line in lines:
                if line.end < week_start or line.day > week_end:
                    continue
                a = (max(line.day, week_start) - week_start).days
                b = (min(line.end, week_end) - week_start).days
                lane = next((i for i, row in enumerate(used) if not any(row[a : b + 1])), len(used))
                if lane == len(used):
                    used.append([False] * 7)
                for d in range(a, b + 1):
                    used[lane][d] = True
                if lane >= visible_lanes:
                    for d in range(a, b + 1):
                        day = week_start + timedelta(days=d)
                        self._overflow[day] = self._overflow.get(day, 0) + 1
                    continue
                top = header + week * cell_h + strip + lane * lane_h
                open_left, open_right = line.day < week_start, line.end > week_end
                left = a * cell_w + (0 if open_left else 2)
                right = (b + 1) * cell_w - (0 if open_right else 2)
                rect = QRectF(left, top, right - left, lane_h - 2)
                self._chips.append(Chip(rect, line, open_left, open_right))
        self._dirty = False

    def chip_at(self, x: float, y: float) -> Chip | None:
        if self._dirty:
            self._layout()
        return next((chip for chip in self._chips if chip.rect.contains(QPointF(x, y))), None)

    def chips(self) -> list[Chip]:
        if self._dirty:
            self._layout()
        return list(self._chips)

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        if self._dirty:
            self._layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        header, cell_w, cell_h, strip, lane_h = self._metrics()
        journey = self.document.journey
        locale = QLocale()
        first = self.first_day()
        painter.fillRect(self.rect(), palette.base())

        painter.setPen(palette.text().color())
        for col in range(7):
            day = first + timedelta(days=col)
            name = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            painter.drawText(QRectF(col * cell_w, 0, cell_w, header), Qt.AlignmentFlag.AlignCenter, name)

        grid_pen = QPen(palette.mid().color())
        small = self._chip_font()
        return_day = journey.summary.return_date
        for week in range(WEEKS):
            for col in range(7):
                day = first + timedelta(days=7 * week + col)
                cell = QRectF(col * cell_w, header + week * cell_h, cell_w, cell_h)
                if day.month != self.month.month:
                    painter.fillRect(cell, palette.alternateBase())
                if day == journey.day_zero:
                    tint = QColor(category_colour(journey.item("milestone:infusion").category))
                    tint.setAlpha(45)
                    painter.fillRect(cell, tint)
                painter.setPen(grid_pen)
                painter.drawRect(cell)
                number_rect = QRectF(cell.left() + 4, cell.top() + 2, cell_w - 8, strip - 2)
                font = QFont(self.font())
                font.setBold(day == journey.today)
                painter.setFont(font)
                colour = palette.text().color() if day.month == self.month.month else palette.placeholderText().color()
                painter.setPen(colour)
                painter.drawText(number_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
                label = journey.day_label(day) if day <= return_day else ""
                if label:
                    painter.setFont(small)
                    painter.drawText(number_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
                if day == journey.today:
                    painter.setPen(QPen(palette.highlight().color(), 2))
                    painter.drawRect(cell.adjusted(1, 1, -1, -1))
                hidden = self._overflow.get(day, 0)
                if hidden:
                    painter.setFont(small)
                    painter.setPen(palette.text().color())
                    more = self.tr("+%1 more").replace("%1", str(hidden))
                    painter.drawText(
                        QRectF(cell.left() + 4, cell.bottom() - lane_h, cell_w - 8, lane_h),
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                        more,
                    )

        painter.setFont(small)
        selected = self.document.selected
        for chip in self._chips:
            self._paint_chip(painter, chip, chip.line.key == selected)
        painter.end()

    def _paint_chip(self, painter: QPainter, chip: Chip, selected: bool) -> None:
        line = chip.line
        fill = category_colour(line.item.category)
        if not line.item.busy:
            fill = QColor(fill)
            fill = fill.lighter(135) if self.palette().base().color().lightness() > 128 else fill.darker(135)
        rect = chip.rect
        radius = rect.height() / 3
        # A rounded bar, squared where it continues into the next or previous week: plain
        # fills, since path unions lose parts of the shape at fractional coordinates.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, radius, radius)
        if chip.open_left:
            painter.fillRect(QRectF(rect.left(), rect.top(), radius * 2, rect.height()), fill)
        if chip.open_right:
            painter.fillRect(QRectF(rect.right() - radius * 2, rect.top(), radius * 2, rect.height()), fill)
        if selected:
            painter.setPen(QPen(self.palette().highlight().color(), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, radius, radius)
        painter.setPen(text_colour_on(fill))
        prefix = "✓ " if line.confirmed else ""
        if chip.open_left:
            prefix = "… " + prefix
        if line.item.depart is not None and line.day == line.item.start:
            depart = line.item.depart
            prefix += QLocale().toString(QTime(depart.hour, depart.minute), QLocale.FormatType.ShortFormat) + " "
        text = QFontMetrics(painter.font()).elidedText(
            prefix + line.title, Qt.TextElideMode.ElideRight, int(rect.width() - 8)
        )
        painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)

    # -- input ----------------------------------------------------------------------------
    def line_at(self, x: float, y: float) -> Occurrence | None:
        found = self.chip_at(x, y)
        return found.line if found is not None else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_PageUp:
            self.step(-1)
        elif key == Qt.Key.Key_PageDown:
            self.step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._select_next(1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1)
        else:
            super().keyPressEvent(event)

    def _select_next(self, direction: int) -> None:
        """Move the selection to the previous or next line, following it across months."""
        lines = self.document.journey.occurrences()
        keys = [line.key for line in lines]
        if self.document.selected in keys:
            index = keys.index(self.document.selected) + direction
        else:
            index = next((i for i, line in enumerate(lines) if line.day >= self.month), 0)
        if 0 <= index < len(lines):
            self.document.select(keys[index])


class MonthPage(QWidget):
    """The month grid with its navigation bar and the legend of colours."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.grid = MonthGrid(document)
        self.previous = tool_button("◀", self.tr("Previous month (Page Up)"), self.tr("Previous month"))
        self.next = tool_button("▶", self.tr("Next month (Page Down)"), self.tr("Next month"))
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)
        layout.addWidget(Legend())
        self.previous.clicked.connect(lambda: self.grid.step(-1))
        self.next.clicked.connect(lambda: self.grid.step(1))
        self.grid.monthChanged.connect(self._show_title)
        self._show_title()

    def _show_title(self) -> None:
        locale = QLocale()
        month = self.grid.month
        self.title.setText(f"{locale.standaloneMonthName(month.month)} {month.year}")

    def go_to(self, day: date) -> None:
        self.grid.set_month(day)
