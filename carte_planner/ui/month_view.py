"""The month calendar: each day's items as coloured chips, spans as bars across days and weeks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QLocale, QPointF, QRectF, Qt, QTime, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from carte_planner.domain.categories import CATEGORIES
from carte_planner.domain.journey import Category, DayNumber, Journey, Occurrence
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

T = TypeVar("T")

MAX_WEEKS = 6
COMPACT_LANE = 7  # pixels: a lane with a coloured bar and no text


@dataclass(frozen=True)
class Chip:
    rect: QRectF
    line: Occurrence
    open_left: bool
    open_right: bool
    days: tuple[date, date] | None = None  # the first and last day the chip covers


class MeasuredFont:
    """A font's metrics that keep the widths and shortened texts they were asked for: every
    repaint measures the same titles, day labels and names again."""

    def __init__(self, font: QFont) -> None:
        self.metrics = QFontMetrics(font)
        self._widths: dict[str, int] = {}
        self._elided: dict[tuple[str, Qt.TextElideMode, int], str] = {}

    def horizontalAdvance(self, text: str) -> int:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) >= MEASURED_TEXTS:
                self._widths.clear()
            width = self._widths[text] = self.metrics.horizontalAdvance(text)
        return width

    def elidedText(self, text: str, mode: Qt.TextElideMode, width: int) -> str:
        key = (text, mode, width)
        elided = self._elided.get(key)
        if elided is None:
            if len(self._elided) >= MEASURED_TEXTS:
                self._elided.clear()
            elided = self._elided[key] = self.metrics.elidedText(text, mode, width)
        return elided

    def height(self) -> int:
        return self.metrics.height()

    def ascent(self) -> int:
        return self.metrics.ascent()

    def averageCharWidth(self) -> int:
        return self.metrics.averageCharWidth()


MEASURED_TEXTS = 4096
_measured: dict[tuple[str, float], MeasuredFont] = {}


def measured(font: QFont) -> MeasuredFont:
    """The font's measured texts, kept for the font and the screen's resolution."""
    screen = QGuiApplication.primaryScreen()
    key = (font.key(), screen.logicalDotsPerInchY() if screen is not None else 0.0)
    found = _measured.get(key)
    if found is None:
        if len(_measured) >= 32:
            _measured.clear()
        found = _measured[key] = MeasuredFont(font)
    return found


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
        # What the last paint wrote in each day's cell, chips' titles and Day ±N: what a reader
        # sees there, for the tests.
        self.drawn: dict[date, list[str]] = {}
        self._short_labels = False  # every cell says "D+12": "Day +12" does not fit them all
        # While a paint runs, what every cell asks again (the first day, the fonts and their
        # metrics): the month, size and font cannot change in between.
        self._frame: dict[str, object] | None = None
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
        # Methods, not lambdas: Qt drops the connections when the grid goes (another language
        # builds the views again around the same document).
        document.selectionChanged.connect(self._selection_moved)

    def _selection_moved(self, _key: str) -> None:
        self.announce_selection()

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
            if not self.first_day() <= line.day <= self.first_day() + timedelta(days=7 * self.weeks() - 1):
                self.set_month(line.day)
            if self.first_day() <= line.day <= self.first_day() + timedelta(days=7 * self.weeks() - 1):
                self.cursor_day = line.day
        self.update()

    def _during_paint(self, name: str, make: Callable[[], T]) -> T:
        """`make()`, once per paint for `name`; at once outside a paint."""
        frame = self._frame
        if frame is None:
            return make()
        if name not in frame:
            frame[name] = make()
        return frame[name]  # type: ignore[return-value]

    def first_day(self) -> date:
        """The first day shown: the start of the week holding the 1st, in this locale."""
        return self._during_paint("first_day", self._first_day)

    def _first_day(self) -> date:
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

    def weeks(self) -> int:
        """The weeks that hold the month, four to six: a month of five weeks gets taller rows."""
        return self._during_paint("weeks", self._weeks)

    def _weeks(self) -> int:
        last = self.month + relativedelta(months=1, days=-1)
        return (last - self.first_day()).days // 7 + 1

    def _metrics(self) -> tuple[float, float, float, float, float]:
        """The header's, a cell's, the day strip's and a lane's sizes: worked out once for a
        size, font and month, and read by every cell of every paint."""
        return self._during_paint("metrics", self._sizes)

    def _sizes(self) -> tuple[float, float, float, float, float]:
        key = (self.width(), self.height(), self.font().key(), self.month)
        cached = getattr(self, "_metrics_for", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        metrics = self._measure()
        self._metrics_for = (key, metrics)
        return metrics

    def _measure(self) -> tuple[float, float, float, float, float]:
        font = QFontMetrics(self.font())
        header = font.height() + 8
        cell_w = self.width() / 7
        cell_h = (self.height() - header) / self.weeks()
        strip = font.height() + 4
        small = QFontMetrics(self._chip_font()).height()
        lane = small + 4
        if self._tight(cell_h):
            # Too short for a line of text under the day's number (a short screen, 200 %): the
            # number takes the small font and lines sit closer, so each day keeps a title.
            strip, lane = small + 2, small + 2
        return header, cell_w, cell_h, strip, lane

    def _tight(self, cell_h: float) -> bool:
        return cell_h < QFontMetrics(self.font()).height() + QFontMetrics(self._chip_font()).height() + 10

    def _number_font(self) -> QFont:
        return QFont(self._during_paint("number_font", self._make_number_font))

    def _make_number_font(self) -> QFont:
        header = QFontMetrics(self.font()).height() + 8
        return self._chip_font() if self._tight((self.height() - header) / self.weeks()) else QFont(self.font())

    def _rtl(self) -> bool:
        return self._during_paint("rtl", self.isRightToLeft)

    def _palette(self) -> QPalette:
        return self._during_paint("palette", self.palette)

    def _muted(self) -> QColor:
        return self._during_paint("muted", lambda: muted_text(self._palette()))

    def _day_number_font(self, bold: bool) -> QFont:
        """The day numbers' font, bold for today's: made once per paint."""

        def make() -> QFont:
            font = self._number_font()
            font.setBold(bold)
            return font

        return self._during_paint(f"number_font_{bold}", make)

    def _text_colour(self) -> QColor:
        return self._during_paint("text_colour", lambda: self._palette().text().color())

    def _number_metrics(self, bold: bool) -> MeasuredFont:
        """The metrics of the day numbers' font, bold (today's) or not."""

        def measure() -> MeasuredFont:
            font = self._number_font()
            font.setBold(bold)
            return measured(font)

        return self._during_paint(f"number_metrics_{bold}", measure)

    def _small_metrics(self) -> MeasuredFont:
        """The chip font's metrics."""
        return self._during_paint("small_metrics", lambda: measured(self._chip_font()))

    def _chip_font(self) -> QFont:
        return QFont(self._during_paint("chip_font", self._make_chip_font))

    def _make_chip_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        return font

    def cell_rect(self, day: date) -> QRectF:
        header, cell_w, cell_h, _strip, _lane = self._metrics()
        index = (day - self.first_day()).days
        return QRectF(self._column_left(index % 7, cell_w), header + (index // 7) * cell_h, cell_w, cell_h)

    def _column_left(self, column: int, cell_w: float) -> float:
        """A weekday column's left edge: the week runs from the right in a right-to-left language."""
        return (6 - column) * cell_w if self._rtl() else column * cell_w

    def day_at(self, x: float, y: float) -> date | None:
        header, cell_w, cell_h, _strip, _lane = self._metrics()
        if y < header or not 0 <= x < self.width():
            return None
        week, col = int((y - header) // cell_h), min(int(x // cell_w), 6)
        if self._rtl():
            col = 6 - col
        if not 0 <= week < self.weeks():
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
        last = first + timedelta(days=7 * self.weeks() - 1)
        # Only the lines in the weeks shown: a plan's follow-up visits run for years.
        lines = sorted(
            (line for line in self.document.journey.occurrences() if line.day <= last and line.end >= first),
            key=_lane_order,
        )
        self._chips = []
        self._overflow = {}
        for week in range(self.weeks()):
            week_start = first + timedelta(days=7 * week)
            week_end = week_start + timedelta(days=6)
            used: list[list[bool]] = [[False] * 7 for _ in range(visible_lanes)]
            for line in lines:
                if line.end < week_start or line.day > week_end:
                    continue
                a = (max(line.day, week_start) - week_start).days
                b = (min(line.end, week_end) - week_start).days
                lane = next((i for i, row in enumerate(used) if not any(row[a : b + 1])), len(used))
                # A line with no whole lane free takes the days of it where one is, so that
                # every day with items shows one by name; the rest count in "+N".
                runs = [(lane, a, b)] if lane < visible_lanes else _free_runs(used, a, b)
                for run_lane, run_a, run_b in runs:
                    for d in range(run_a, run_b + 1):
                        used[run_lane][d] = True
                    start, end = week_start + timedelta(days=run_a), week_start + timedelta(days=run_b)
                    top = header + week * cell_h + strip + run_lane * lane_h
                    self._chips.append(self._chip(line, top, lane_h, cell_w, (run_a, run_b), (start, end)))
                shown = {d for _lane, run_a, run_b in runs for d in range(run_a, run_b + 1)}
                for d in range(a, b + 1):
                    if d not in shown:
                        day = week_start + timedelta(days=d)
                        self._overflow[day] = self._overflow.get(day, 0) + 1
        self._dirty = False

    def _chip(
        self,
        line: Occurrence,
        top: float,
        lane_h: float,
        cell_w: float,
        columns: tuple[int, int],
        days: tuple[date, date],
    ) -> Chip:
        """The chip of `line` over the week's columns a..b (its days `days`)."""
        a, b = columns
        open_left, open_right = line.day < days[0], line.end > days[1]
        if self._rtl():
            left = (6 - b) * cell_w + (0 if open_right else 2)
            right = (7 - a) * cell_w - (0 if open_left else 2)
        else:
            left = a * cell_w + (0 if open_left else 2)
            right = (b + 1) * cell_w - (0 if open_right else 2)
        return Chip(QRectF(left, top, right - left, lane_h - 2), line, open_left, open_right, days)

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
        journey = self.document.journey
        return [
            AccessibleItem.of_line(chip_text(chip), chip.line, chip.rect, selected, journey) for chip in self.chips()
        ]

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
            left = cell.left() + 4 if self._rtl() else cell.left() + cell_w / 2
            return QRectF(left, cell.top() + 2, cell_w / 2 - 4, strip - 2)
        return QRectF(cell.left() + 4, cell.bottom() - lane_h, cell_w - 8, lane_h)

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        self._frame = {}
        try:
            self._paint()
        finally:
            self._frame = None

    def _paint(self) -> None:
        if self._dirty:
            self._layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.drawn = {}
        palette = self._palette()
        header, cell_w, _cell_h, _strip, _lane_h = self._metrics()
        first = self.first_day()
        painter.fillRect(self.rect(), palette.base())

        painter.setPen(palette.text().color())
        locale = QLocale()
        for col in range(7):
            day = first + timedelta(days=col)
            name = weekday_header(locale, day.isoweekday(), measured(painter.font()), cell_w - 6)
            painter.drawText(
                QRectF(self._column_left(col, cell_w) + 3, 0, cell_w - 6, header), Qt.AlignmentFlag.AlignCenter, name
            )

        self._short_labels = self._labels_need_shortening(cell_w)
        for index in range(7 * self.weeks()):
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
        palette = self._palette()
        journey = self.document.journey
        if day.month != self.month.month:
            painter.fillRect(cell, palette.alternateBase())
        if journey.holidays_on(day):
            painter.fillRect(cell, holiday_tint(palette))
        if day == journey.day_zero:
            tint = QColor(category_colour(Category.MILESTONE))
            tint.setAlpha(45)
            painter.fillRect(cell, tint)
        painter.setPen(self._during_paint("grid_pen", lambda: QPen(palette.mid().color())))
        painter.drawRect(cell)
        if day == journey.today:
            painter.setPen(QPen(palette.highlight().color(), 2))
            painter.drawRect(cell.adjusted(1, 1, -1, -1))

    def _paint_day_number(self, painter: QPainter, cell: QRectF, day: date) -> None:
        """The day of the month at the start of the cell's top strip, Day ±N at its end, "+N"
        (items that did not fit) before Day ±N where the strip has room, and a public holiday's
        name between them where it fits. Day ±N comes first: it is how the hospital counts."""
        journey = self.document.journey
        _header, cell_w, _cell_h, strip, _lane_h = self._metrics()
        number_rect = QRectF(cell.left() + 4, cell.top() + 2, cell_w - 8, strip - 2)
        font = self._day_number_font(day == journey.today)
        painter.setFont(font)
        text_pen = self._text_colour() if day.month == self.month.month else self._muted()
        painter.setPen(text_pen)
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
        small = self._small_metrics()
        gap = small.horizontalAdvance(" ")
        number_metrics = self._number_metrics(font.bold())
        room = number_rect.width() - number_metrics.horizontalAdvance(str(day.day)) - gap
        painter.setFont(self._chip_font())
        label = journey.day_label(day) if day <= journey.summary.return_date else ""
        # Only where it fits beside the day's number: a narrow cell keeps the number.
        if label and (self._short_labels or small.horizontalAdvance(label) > room):
            label = short_day_label(journey, day)
        label_width = 0.0
        if label and small.horizontalAdvance(label) <= room:
            painter.drawText(number_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            self._drew(day, label)
            label_width = small.horizontalAdvance(label) + 2 * gap
            room -= label_width
        hidden = self._overflow.get(day, 0) if self._more_in_strip else 0
        if hidden:
            more = more_text(tr("+%1"), hidden)
            if small.horizontalAdvance(more) <= room:
                self._paint_more_in_strip(painter, number_rect, more, label_width)
                room -= small.horizontalAdvance(more) + 2 * gap
            else:
                room = 0
        holidays = journey.holidays_on(day)
        if holidays and room > small.averageCharWidth() * 4:
            # The holiday's name after the day's number, shortened to the room left.
            painter.setPen(text_pen)
            name = small.elidedText(holidays[0].name, Qt.TextElideMode.ElideRight, int(room))
            number_width = number_metrics.horizontalAdvance(str(day.day)) + gap
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
            self._drew(day, name)

    def _labels_need_shortening(self, cell_w: float) -> bool:
        """Whether "Day +88" with a two-digit date and "+3" overflows a cell: then every cell
        says "D+88", rather than a month that mixes the two forms."""
        journey = self.document.journey
        sample = journey.day_label(journey.day_zero + timedelta(days=88))
        small = self._small_metrics()
        gap = small.horizontalAdvance(" ")
        needed = QFontMetrics(self._number_font()).horizontalAdvance("28") + small.horizontalAdvance(sample)
        needed += small.horizontalAdvance(more_text(tr("+%1"), 3)) + 4 * gap
        return needed > cell_w - 8

    def _paint_more_in_strip(self, painter: QPainter, strip: QRectF, more: str, label_width: float) -> None:
        """ "+N" at the end of the strip, before Day ±N (`label_width` with its gap)."""
        rect = QRectF(strip)
        if self._rtl():
            rect.setLeft(strip.left() + label_width)
        else:
            rect.setRight(strip.right() - label_width)
        self._draw_count(painter, rect, more)

    def _draw_count(self, painter: QPainter, rect: QRectF, text: str) -> None:
        """ "+2" or "+2 more" at the end of `rect` (its left in Arabic), its sign before its digits."""
        palette = self._palette()
        painter.setPen(palette.link().color() if _readable_link(palette) else palette.text().color())
        painter.save()
        painter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        end = Qt.AlignmentFlag.AlignLeft if self._rtl() else Qt.AlignmentFlag.AlignRight
        painter.drawText(rect, end | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute, text)
        painter.restore()

    def _paint_more(self, painter: QPainter, day: date) -> None:
        hidden = self._overflow.get(day, 0)
        if not hidden or self._more_in_strip:
            return  # in a short cell, _paint_day_number puts "+N" in the top strip
        painter.setFont(self._chip_font())
        rect = self.more_rect(day)
        more = more_text(tr("+%1 more"), hidden)
        if self._small_metrics().horizontalAdvance(more) > rect.width():
            more = more_text(tr("+%1"), hidden)
        self._draw_count(painter, rect, more)

    def _paint_cursor(self, painter: QPainter) -> None:
        if not self.first_day() <= self.cursor_day <= self.first_day() + timedelta(days=7 * self.weeks() - 1):
            return
        painter.setPen(QPen(focus_colour(self._palette()), 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.cell_rect(self.cursor_day).adjusted(2, 2, -2, -2))

    def _paint_chip(self, painter: QPainter, chip: Chip, selected: bool) -> None:
        line = chip.line
        fill = chip_fill(line.item.category, line.item.busy, self._palette())
        rect = chip.rect
        radius = rect.height() / 3
        # A rounded bar, squared where it continues into the next or previous week: plain
        # fills, since path unions lose parts of the shape at fractional coordinates.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, radius, radius)
        # Squared on the side the span continues to: the week's start is on the right in Arabic.
        rtl = self._rtl()
        if chip.open_right if rtl else chip.open_left:
            painter.fillRect(QRectF(rect.left(), rect.top(), radius * 2, rect.height()), fill)
        if chip.open_left if rtl else chip.open_right:
            painter.fillRect(QRectF(rect.right() - radius * 2, rect.top(), radius * 2, rect.height()), fill)
        if selected:
            painter.setPen(QPen(focus_colour(self._palette()), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, radius, radius)
        # The painter has the chips' font.
        metrics = self._small_metrics()
        if rect.height() < metrics.height():
            return  # a thin bar: no room for its name
        painter.setPen(text_colour_on(fill))
        text = metrics.elidedText(chip_text(chip), Qt.TextElideMode.ElideRight, int(rect.width() - 8))
        painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        if chip.days is not None:
            for offset in range((chip.days[1] - chip.days[0]).days + 1):
                self._drew(chip.days[0] + timedelta(days=offset), text)

    def _drew(self, day: date, text: str) -> None:
        self.drawn.setdefault(day, []).append(text)

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


def short_day_label(journey: Journey, day: date) -> str:
    """Day ±N as hospital schedules write it in a narrow cell: "D+12" (Д+12 in Russian)."""
    number = journey.day_number(day)
    if number is None:
        return ""
    # Translators: Day ±N shortened for a narrow calendar cell; %1 is the signed number.
    return tr("D%1").replace("%1", str(DayNumber(number)))


def more_text(pattern: str, hidden: int) -> str:
    """ "+2" or "+2 more"; in Arabic "+2" alone, drawn left to right: inside an Arabic line the
    sign would go after the digits ("2+")."""
    return f"+{hidden}" if is_right_to_left() else pattern.replace("%1", str(hidden))


def weekday_header(locale: QLocale, weekday: int, metrics: QFontMetrics | MeasuredFont, width: float) -> str:
    """A weekday's column title that fits its column: the short name, else the narrow one,
    shortened with an ellipsis at worst, so that two names never run together."""
    name = locale.dayName(weekday, QLocale.FormatType.ShortFormat)
    if metrics.horizontalAdvance(name) > width:
        name = locale.dayName(weekday, QLocale.FormatType.NarrowFormat)
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(width))


def _free_runs(used: list[list[bool]], a: int, b: int) -> list[tuple[int, int, int]]:
    """The runs of days a..b with a free lane: (lane, first, last), each in the lowest lane free
    over the whole run."""
    runs: list[tuple[int, int, int]] = []
    d = a
    while d <= b:
        lane = next((i for i, row in enumerate(used) if not row[d]), None)
        if lane is None:
            d += 1
            continue
        last = d
        while last + 1 <= b and not used[lane][last + 1]:
            last += 1
        runs.append((lane, d, last))
        d = last + 1
    return runs


def _lane_order(line: Occurrence) -> tuple[int, date, int]:
    return (CATEGORIES[line.item.category].lane, line.day, -(line.end - line.day).days)


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
