"""The month calendar: each day's items as coloured chips, spans as bars across days and weeks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QLocale, QPointF, QRectF, Qt, QTime, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from carte_planner.domain.journey import Category, Occurrence
from carte_planner.i18n import ntr, tr
from carte_planner.i18n.catalog import is_right_to_left
from carte_planner.ui.accessible import AccessibleCanvas, AccessibleItem, install_accessibility
from carte_planner.ui.canvas import JourneyCanvas, tool_button
from carte_planner.ui.dates import long_date, medium_date, to_qdate
from carte_planner.ui.document import PlanDocument
from carte_planner.ui.legend import Legend
from carte_planner.ui.palette import (
    category_colour,
    chip_fill,
    contrast_ratio,
    focus_colour,
    holiday_tint,
    muted_text,
    text_colour_on,
)
from carte_planner.ui.plain_text import plain_label

WEEKS = 6
COMPACT_LANE = 7  # pixels: a lane with a coloured bar and no text


@dataclass(frozen=True)
class Chip:
    rect: QRectF
    line: Occurrence
    open_left: bool
    open_right: bool


def month_title(locale: QLocale, month: date, short: bool = False) -> str:
    """The month and year as the language writes them: "June 2027", "2027年6月", "июнь 2027"."""
    # Translators: a Qt date pattern for a month's title; MMMM is the month's name, M its number.
    pattern = tr("MMMM yyyy")
    # Qt's MMMM is the form used inside a date ("июня"); a title needs the standalone name.
    form = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    pattern = pattern.replace("MMMM", "'" + locale.standaloneMonthName(month.month, form) + "'")
    return locale.toString(to_qdate(month), pattern)


def first_of_month(day: date) -> date:
    return day.replace(day=1)


# Which items keep a lane when a day is full: treatment first, the long stay last.
LANE_PRIORITY = {
    Category.MILESTONE: 0,
    Category.PHASE: 1,
    Category.FLIGHT: 2,
    Category.OUTPATIENT_VISIT: 3,
    Category.VISA: 4,
    Category.PREPARATION: 5,
    Category.HOME_FOLLOWUP: 6,
    Category.CHECKLIST: 7,
    Category.ACCOMMODATION: 8,
    Category.HOLIDAY: 9,
}


class MonthGrid(JourneyCanvas, AccessibleCanvas, QWidget):
    """Paints one month as six weeks. Reads the journey's lines; computes no dates of its own.

    A day cursor (outlined when the grid has the focus) moves with the arrow keys, Home, End,
    Page Up and Page Down; Enter or Space lists that day's items, as a click on "+N more" does.
    """

    monthChanged = Signal()
    cursorChanged = Signal(object)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.month = first_of_month(document.request.start)
        self.cursor_day = document.request.start
        self._start = document.request.start
        self._chips: list[Chip] = []
        self._overflow: dict[date, int] = {}
        self._more_in_strip = False
        self._dirty = True
        self.day_menu: QMenu | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # paintEvent fills every pixel: Qt need not paint the parents behind it first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(tr("Month calendar"))
        install_accessibility()
        document.journeyChanged.connect(self._journey_changed)
        document.selectionChanged.connect(self.reveal)
        document.selectionChanged.connect(lambda _key: self.announce_selection())

    # -- navigation -----------------------------------------------------------------------
    def set_month(self, day: date) -> None:
        month = first_of_month(day)
        if month != self.month:
            self.month = month
            if first_of_month(self.cursor_day) != month:
                self.cursor_day = month
            self._invalidate()
            self.monthChanged.emit()

    def step(self, months: int) -> None:
        self.set_month(self.month + relativedelta(months=months))

    def move_cursor(self, day: date) -> None:
        """Put the day cursor on `day`, turning the month when it leaves the six weeks shown."""
        self.cursor_day = day
        if first_of_month(day) != self.month:
            self.set_month(day)
        # What a screen reader says for the day under the cursor (Qt announces the change).
        titles = [h.label for h in self.document.journey.holidays_on(day)]
        titles += [line.title for line in self.lines_on(day)]
        label = self.document.journey.day_label(day)
        summary = ntr("{n} item: {items}", "{n} items: {items}", len(titles)).replace("{items}", tr("; ").join(titles))
        parts = [long_date(day), label, summary if titles else tr("nothing planned")]
        self.setAccessibleDescription(tr(", ").join(part for part in parts if part))
        self.cursorChanged.emit(day)
        self.update()

    def _journey_changed(self) -> None:
        """A new first hospital day: show its month, where the journey begins."""
        start = self.document.request.start
        if start != self._start:
            self._start = start
            self.move_cursor(start)
        self._invalidate()

    def reveal(self, key: str) -> None:
        """Show the month of the selected line, unless it is already on screen."""
        line = self._line(key)
        if line is not None:
            if not self.first_day() <= line.day <= self.first_day() + timedelta(days=41):
                self.set_month(line.day)
            if self.first_day() <= line.day <= self.first_day() + timedelta(days=41):
                self.cursor_day = line.day
        self.update()

    def first_day(self) -> date:
        """The first day shown: the start of the week holding the 1st, in this locale."""
        first_weekday = QLocale().firstDayOfWeek().value - 1  # Qt: Monday=1; Python: Monday=0
        return self.month - timedelta(days=(self.month.weekday() - first_weekday) % 7)

    def _line(self, key: str) -> Occurrence | None:
        return next((line for line in self.document.journey.occurrences() if line.key == key), None)

    def lines_on(self, day: date) -> list[Occurrence]:
        """Every line that covers `day`, in the order the cells give lanes."""
        return sorted(
            (line for line in self.document.journey.occurrences() if line.day <= day <= line.end),
            key=_lane_order,
        )

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

    def cell_rect(self, day: date) -> QRectF:
        header, cell_w, cell_h, _strip, _lane = self._metrics()
        index = (day - self.first_day()).days
        return QRectF(self._column_left(index % 7, cell_w), header + (index // 7) * cell_h, cell_w, cell_h)

    def _column_left(self, column: int, cell_w: float) -> float:
        """A weekday column's left edge: the week runs from the right in a right-to-left language."""
        return (6 - column) * cell_w if self.isRightToLeft() else column * cell_w

    def day_at(self, x: float, y: float) -> date | None:
        header, cell_w, cell_h, _strip, _lane = self._metrics()
        if y < header or not 0 <= x < self.width():
            return None
        week, col = int((y - header) // cell_h), min(int(x // cell_w), 6)
        if self.isRightToLeft():
            col = 6 - col
        if not 0 <= week < WEEKS:
            return None
        return self.first_day() + timedelta(days=7 * week + min(col, 6))

    def _layout(self) -> None:
        header, cell_w, cell_h, strip, lane_h = self._metrics()
        # The last lane that fits is kept for "+N more"; in a cell too short for two lanes,
        # "+N" goes in the day's top strip instead, so nothing is drawn over anything else.
        lanes = max(int((cell_h - strip - 2) // lane_h), 0)
        self._more_in_strip = lanes < 2
        visible_lanes = lanes if self._more_in_strip else lanes - 1
        if visible_lanes == 0:
            # Too short for a line of text (a large font, a short screen): thin coloured bars
            # still show what each day holds; Enter or "+N" names it.
            lane_h = COMPACT_LANE
            visible_lanes = min(max(int((cell_h - strip - 2) // lane_h), 0), 4)
        first = self.first_day()
        lines = sorted(self.document.journey.occurrences(), key=_lane_order)
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
                if self.isRightToLeft():
                    left = (6 - b) * cell_w + (0 if open_right else 2)
                    right = (7 - a) * cell_w - (0 if open_left else 2)
                else:
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

    def accessible_items(self) -> list[AccessibleItem]:
        """Each chip, named with its dates; a bar over several weeks is one chip a week."""
        selected = self.document.selected
        return [AccessibleItem.of_line(chip_text(chip), chip.line, chip.rect, selected) for chip in self.chips()]

    def hidden_count(self, day: date) -> int:
        """How many of the day's lines did not fit its cell (shown as "+N more")."""
        if self._dirty:
            self._layout()
        return self._overflow.get(day, 0)

    def more_rect(self, day: date) -> QRectF:
        if self._dirty:
            self._layout()
        _header, cell_w, _cell_h, strip, lane_h = self._metrics()
        cell = self.cell_rect(day)
        if self._more_in_strip:
            # The half of the number strip away from the day's number: the left half in Arabic.
            left = cell.left() + 4 if self.isRightToLeft() else cell.left() + cell_w / 2
            return QRectF(left, cell.top() + 2, cell_w / 2 - 4, strip - 2)
        return QRectF(cell.left() + 4, cell.bottom() - lane_h, cell_w - 8, lane_h)

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        if self._dirty:
            self._layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        header, cell_w, _cell_h, _strip, _lane_h = self._metrics()
        first = self.first_day()
        painter.fillRect(self.rect(), palette.base())

        painter.setPen(palette.text().color())
        locale = QLocale()
        for col in range(7):
            day = first + timedelta(days=col)
            name = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            painter.drawText(
                QRectF(self._column_left(col, cell_w), 0, cell_w, header), Qt.AlignmentFlag.AlignCenter, name
            )

        for index in range(7 * WEEKS):
            day = first + timedelta(days=index)
            cell = self.cell_rect(day)
            self._paint_cell_background(painter, cell, day)
            self._paint_day_number(painter, cell, day)
            self._paint_more(painter, day)

        painter.setFont(self._chip_font())
        selected = self.document.selected
        for chip in self._chips:
            self._paint_chip(painter, chip, chip.line.key == selected)
        if self.hasFocus():
            self._paint_cursor(painter)
        painter.end()

    def _paint_cell_background(self, painter: QPainter, cell: QRectF, day: date) -> None:
        """The cell's fill (other months, Day 0) and its grid lines."""
        palette = self.palette()
        journey = self.document.journey
        if day.month != self.month.month:
            painter.fillRect(cell, palette.alternateBase())
        if journey.holidays_on(day):
            painter.fillRect(cell, holiday_tint(palette))
        if day == journey.day_zero:
            tint = QColor(category_colour(Category.MILESTONE))
            tint.setAlpha(45)
            painter.fillRect(cell, tint)
        painter.setPen(QPen(palette.mid().color()))
        painter.drawRect(cell)
        if day == journey.today:
            painter.setPen(QPen(palette.highlight().color(), 2))
            painter.drawRect(cell.adjusted(1, 1, -1, -1))

    def _paint_day_number(self, painter: QPainter, cell: QRectF, day: date) -> None:
        """The day of the month at the left, Day ±N at the right of the cell's top strip, and a
        public holiday's name between them where it fits."""
        palette = self.palette()
        journey = self.document.journey
        _header, cell_w, _cell_h, strip, _lane_h = self._metrics()
        number_rect = QRectF(cell.left() + 4, cell.top() + 2, cell_w - 8, strip - 2)
        font = QFont(self.font())
        font.setBold(day == journey.today)
        painter.setFont(font)
        painter.setPen(palette.text().color() if day.month == self.month.month else muted_text(palette))
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
        label = journey.day_label(day) if day <= journey.summary.return_date else ""
        if self._more_in_strip and self._overflow.get(day):
            label = ""  # the strip shows "+N" instead
        room = number_rect.width() - QFontMetrics(font).horizontalAdvance(f"{day.day} ")
        small = QFontMetrics(self._chip_font())
        if label:
            painter.setFont(self._chip_font())
            # Only where it fits beside the day's number: a narrow cell keeps the number.
            if small.horizontalAdvance(label) <= room:
                painter.drawText(number_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
                room -= small.horizontalAdvance(f"{label} ")
        holidays = journey.holidays_on(day)
        if holidays and not (self._more_in_strip and self._overflow.get(day)) and room > small.averageCharWidth() * 4:
            # The holiday's name between the day's number and Day ±N, shortened to the room left.
            painter.setFont(self._chip_font())
            painter.setPen(palette.text().color() if day.month == self.month.month else muted_text(palette))
            name = small.elidedText(holidays[0].name, Qt.TextElideMode.ElideRight, int(room))
            number_width = QFontMetrics(font).horizontalAdvance(f"{day.day} ")
            # Right to left the number sits at the right (AlignLeft is mirrored): the name goes
            # to its left, not over it.
            if self.isRightToLeft():
                left = number_rect.right() - number_width - room
            else:
                left = number_rect.left() + number_width
            painter.drawText(
                QRectF(left, number_rect.top(), room, number_rect.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                name,
            )

    def _paint_more(self, painter: QPainter, day: date) -> None:
        hidden = self._overflow.get(day, 0)
        if not hidden:
            return
        painter.setFont(self._chip_font())
        painter.setPen(
            self.palette().link().color() if _readable_link(self.palette()) else self.palette().text().color()
        )
        rect = self.more_rect(day)
        more = tr("+%1 more").replace("%1", str(hidden))
        if self._more_in_strip or QFontMetrics(self._chip_font()).horizontalAdvance(more) > rect.width():
            more = tr("+%1").replace("%1", str(hidden))
        end = Qt.AlignmentFlag.AlignLeft if self.isRightToLeft() else Qt.AlignmentFlag.AlignRight
        painter.drawText(rect, end | Qt.AlignmentFlag.AlignVCenter, more)

    def _paint_cursor(self, painter: QPainter) -> None:
        if not self.first_day() <= self.cursor_day <= self.first_day() + timedelta(days=7 * WEEKS - 1):
            return
        painter.setPen(QPen(focus_colour(self.palette()), 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.cell_rect(self.cursor_day).adjusted(2, 2, -2, -2))

    def _paint_chip(self, painter: QPainter, chip: Chip, selected: bool) -> None:
        line = chip.line
        fill = chip_fill(line.item.category, line.item.busy, self.palette())
        rect = chip.rect
        radius = rect.height() / 3
        # A rounded bar, squared where it continues into the next or previous week: plain
        # fills, since path unions lose parts of the shape at fractional coordinates.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, radius, radius)
        # Squared on the side the span continues to: the week's start is on the right in Arabic.
        rtl = self.isRightToLeft()
        if chip.open_right if rtl else chip.open_left:
            painter.fillRect(QRectF(rect.left(), rect.top(), radius * 2, rect.height()), fill)
        if chip.open_left if rtl else chip.open_right:
            painter.fillRect(QRectF(rect.right() - radius * 2, rect.top(), radius * 2, rect.height()), fill)
        if selected:
            painter.setPen(QPen(focus_colour(self.palette()), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, radius, radius)
        if rect.height() < QFontMetrics(painter.font()).height():
            return  # a thin bar: no room for its name
        painter.setPen(text_colour_on(fill))
        text = QFontMetrics(painter.font()).elidedText(
            chip_text(chip), Qt.TextElideMode.ElideRight, int(rect.width() - 8)
        )
        painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)

    # -- input ----------------------------------------------------------------------------
    def line_at(self, x: float, y: float) -> Occurrence | None:
        found = self.chip_at(x, y)
        return found.line if found is not None else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        x, y = event.position().x(), event.position().y()
        day = self.day_at(x, y)
        if day is not None:
            self.cursor_day = day
            if self.hidden_count(day) and self.more_rect(day).contains(QPointF(x, y)):
                self.setFocus()
                self.open_day(day)
                return
        super().mousePressEvent(event)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        moves = {
            Qt.Key.Key_Left: timedelta(days=-1),
            Qt.Key.Key_Right: timedelta(days=1),
            Qt.Key.Key_Up: timedelta(days=-7),
            Qt.Key.Key_Down: timedelta(days=7),
        }
        if key in moves:
            step = moves[key]
            if self.isRightToLeft() and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                step = -step  # the arrow points where the next day is drawn
            self.move_cursor(self.cursor_day + step)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            months = -1 if key == Qt.Key.Key_PageUp else 1
            self.move_cursor(self.cursor_day + relativedelta(months=months))
        elif key == Qt.Key.Key_Home:
            self.move_cursor(self.cursor_day.replace(day=1))
        elif key == Qt.Key.Key_End:
            self.move_cursor(self.cursor_day.replace(day=1) + relativedelta(months=1, days=-1))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_day(self.cursor_day)
        else:
            super().keyPressEvent(event)

    def open_day(self, day: date) -> QMenu:
        """A list of the day's items; choosing one selects it in every view."""
        menu = QMenu(self)
        menu.setAccessibleName(tr("Items on %1").replace("%1", medium_date(day)))
        lines = self.lines_on(day)
        # A menu takes an & for an Alt letter: a name with one ("… & …") shows it doubled.
        for holiday in self.document.journey.holidays_on(day):
            menu.addAction(holiday.label.replace("&", "&&")).setEnabled(False)
        if not lines:
            menu.addAction(tr("Nothing planned on %1").replace("%1", medium_date(day))).setEnabled(False)
        for line in lines:
            action = menu.addAction(chip_text(line).replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, key=line.key: self.document.select(key))
        self.day_menu = menu
        menu.popup(self.mapToGlobal(self.cell_rect(day).center().toPoint()))
        return menu


def _lane_order(line: Occurrence) -> tuple[int, date, int]:
    return (LANE_PRIORITY[line.item.category], line.day, -(line.end - line.day).days)


def _readable_link(palette) -> bool:
    return contrast_ratio(palette.link().color(), palette.base().color()) >= 4.5


def chip_text(line: Occurrence | Chip) -> str:
    """What a chip says: its title, marked when confirmed or continued, with a flight's time."""
    chip = line if isinstance(line, Chip) else None
    line = chip.line if chip is not None else line
    assert isinstance(line, Occurrence)
    prefix = "✓ " if line.confirmed else ""
    if chip is not None and chip.open_left:
        prefix = "… " + prefix
    if line.item.depart is not None and line.day == line.item.start:
        depart = line.item.depart
        prefix += QLocale().toString(QTime(depart.hour, depart.minute), QLocale.FormatType.ShortFormat) + " "
    return prefix + line.title


class MonthPage(QWidget):
    """The month grid with its navigation bar and the legend of colours."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.grid = MonthGrid(document)
        # The arrows point the way the months run: right to left in a mirrored window.
        back, forward = ("▶", "◀") if is_right_to_left() else ("◀", "▶")
        self.previous = tool_button(back, tr("Previous month (Page Up)"), tr("Previous month"))
        self.next = tool_button(forward, tr("Next month (Page Down)"), tr("Next month"))
        self.title = plain_label(QLabel())
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
        # The order and the words around month and year differ by language: "2027年6月", "июнь 2027 г.".
        self.title.setText(month_title(locale, month))

    def go_to(self, day: date) -> None:
        self.grid.set_month(day)
